"""Shared fixtures: the real site built once per test session, and throwaway copies of the kit."""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from lgds.core.files import KIT_PARTS
from lgds.core.render import Renderer

pytest_plugins = ["tests.quality_support"]  # the quality gates: page types, local server, browser

ROOT = Path(__file__).resolve().parents[1]
os.environ["LGDS_CACHE"] = "off"
"""Checks keep no copy between runs here (``tests/test_keep.py`` turns it on in its own folders), so no
test reads another's copy and nothing is written outside the test folders."""
BUILD_DATE = datetime(2026, 11, 23, tzinfo=UTC)
"""Tests build as of a fixed day, so 'upcoming' and 'past' never drift with the calendar."""
BUILD_ENV = {
    **os.environ,
    "SOURCE_DATE_EPOCH": str(int(BUILD_DATE.timestamp())),
    "NO_MKDOCS_2_WARNING": "1",
}


def mkdocs_build(root: Path, out: Path, strict: bool = True) -> subprocess.CompletedProcess:
    """Build the kit at ``root`` into ``out`` the way CI and contributors do."""
    args = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(out)]
    if strict:
        args.append("--strict")
    return subprocess.run(args, capture_output=True, text=True, env=BUILD_ENV, cwd=root)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly once per session (per worker under xdist)."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


def copy_kit(target: Path, files: dict[str, str | bytes | None] | None = None) -> Path:
    """Copy the kit's content into ``target``, then write (or, with None, delete) the given files."""
    for part in KIT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.is_file():
            shutil.copy2(src, target / part)
    for rel, content in (files or {}).items():
        path = target / rel
        if content is None:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return target


@pytest.fixture
def kit(tmp_path: Path) -> Callable[..., Path]:
    """Make a copy of the kit with some files changed: ``kit({"standard/x.md": "..."})``."""

    def make(files: dict[str, str | bytes | None] | None = None) -> Path:
        return copy_kit(tmp_path / "kit", files)

    return make


def lgds(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the ``lgds`` command as a contributor would."""
    return subprocess.run(
        [sys.executable, "-m", "lgds", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        env=BUILD_ENV,
    )


def read_page(site: Path, url: str) -> str:
    """The HTML of a page by its URL path, e.g. ``/standard/``."""
    path = site / url.strip("/") / "index.html" if not url.endswith(".html") else site / url.strip("/")
    return path.read_text(encoding="utf-8")


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every (template, page) this process renders from now on, in order: clear it to start counting."""
    made: list[tuple[str, str]] = []
    render = Renderer.render

    def counting(self: Renderer, template: str, here: str, **data: object) -> str:
        made.append((template, here))
        return render(self, template, here, **data)

    monkeypatch.setattr(Renderer, "render", counting)
    return made


def build_in_process(root: Path, out: Path, *, quiet: bool) -> tuple[int, str]:
    """``mkdocs build --strict`` through MkDocs' own command-line entry point, in this process: the same
    code path as the command (exit status included) without starting Python each time. Returns the exit
    status and everything MkDocs logged. ``quiet`` adds ``-q``, which also drops warnings before strict
    mode counts them, so a build that must fail on a warning runs without it, as CI does."""
    from mkdocs.__main__ import cli

    records = io.StringIO()
    handler = logging.StreamHandler(records)
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    flags = ["-q"] if quiet else []
    try:
        cli.main(["build", *flags, "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(out)])
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    else:
        code = 0
    finally:
        logger.removeHandler(handler)
    return code, records.getvalue()
