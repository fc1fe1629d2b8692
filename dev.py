#!/usr/bin/env python3
"""Set up and run the kit with nothing but Python 3.11+ and git.

    python3 dev.py serve   set up, then preview the site at http://127.0.0.1:8000/
    python3 dev.py test    set up (with the test tools and a browser), then run every test
    python3 dev.py build   set up, then build the site into site/ as a strict build
    python3 dev.py setup   set up only, so .venv/bin/lgds is ready (the pull request check uses it)
    python3 dev.py lock    re-pin constraints.txt to what is installed now

Setting up makes a virtual environment in .venv and installs exactly the versions in
constraints.txt; it does nothing when they are already installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
CONSTRAINTS = ROOT / "constraints.txt"
BROWSER_PACKAGES = ["chromium", "fonts-liberation"]
"""Debian's Chromium, and the fonts the screenshot tests' pictures were drawn with."""
FONTS = Path("/usr/share/fonts/truetype/liberation")


def run(*args: str | Path, **kwargs) -> None:
    print("+", " ".join(str(a) for a in args), flush=True)
    subprocess.run([str(a) for a in args], check=True, **kwargs)


def setup(extra: str = "") -> None:
    """Create .venv and install the pinned versions, unless the same set is already installed."""
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    wanted = hashlib.sha256(
        (ROOT / "pyproject.toml").read_bytes() + CONSTRAINTS.read_bytes() + extra.encode()
    ).hexdigest()
    stamp = VENV / ".lgds-installed"
    if stamp.exists() and stamp.read_text() in (wanted, wanted + "+test"):
        return
    target = f"{ROOT}[{extra}]" if extra else str(ROOT)
    run(
        PYTHON,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "-c",
        CONSTRAINTS,
        "-e",
        target,
    )
    stamp.write_text(wanted)


def ensure_browser() -> None:
    """Browser tests use Debian's Chromium; install it where we are allowed to, else say how."""
    if os.environ.get("LGDS_CHROMIUM") or (shutil.which("chromium") and FONTS.is_dir()):
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run("apt-get", "update", "-qq", env=env)
        run("apt-get", "install", "-y", "-qq", *BROWSER_PACKAGES, env=env)
    else:
        print(
            "Chromium was not found, so the browser tests will be skipped. Install it with "
            "`sudo apt-get install chromium`, or set LGDS_CHROMIUM to a Chromium binary."
        )


def main(argv: list[str]) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's notice about MkDocs 2; we pin below 2
    command = argv[0] if argv else "serve"
    rest = argv[1:]
    if command == "serve":
        setup()
        os.chdir(ROOT)
        # --dirty rewrites only the pages an edit changed; our hooks make that exact (lgds/incremental.py)
        dirty = [] if {"--dirty", "--clean"} & set(rest) else ["--dirty"]
        return subprocess.call([str(BIN / "mkdocs"), "serve", *dirty, *rest])
    if command == "setup":
        setup()
        return 0
    if command == "build":
        setup()
        return subprocess.call([str(BIN / "mkdocs"), "build", "--strict", *rest], cwd=ROOT)
    if command == "test":
        setup("test")
        ensure_browser()
        run(BIN / "ruff", "check", ".", cwd=ROOT)
        run(BIN / "mypy", cwd=ROOT)
        return subprocess.call([str(PYTHON), "-m", "pytest", "-n", "2", *rest], cwd=ROOT)
    if command == "lock":
        setup("test")
        frozen = subprocess.run(
            [str(PYTHON), "-m", "pip", "freeze", "--exclude-editable"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        CONSTRAINTS.write_text(
            "# Exact versions CI and `dev.py` install. Re-make with `python3 dev.py lock`.\n" + frozen
        )
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
