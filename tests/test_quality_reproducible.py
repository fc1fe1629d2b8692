"""Two clean builds of the same content with the same SOURCE_DATE_EPOCH are byte-identical.

So a pull request's effect on the site can be reviewed as a diff of the output. The two builds run one
after the other (so at different clock times) into differently named folders with different hash
seeds, so anything that depends on the clock, the output path or set order shows up as a difference.
"""

from __future__ import annotations

import difflib
import gzip
import subprocess
import sys
from pathlib import Path

from .conftest import BUILD_ENV, ROOT


def start_build(out: Path, hash_seed: str) -> subprocess.Popen:
    env = {**BUILD_ENV, "PYTHONHASHSEED": hash_seed}
    args = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(ROOT / "mkdocs.yml")]
    return subprocess.Popen(
        [*args, "-d", str(out)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def explain(name: str, first: bytes, second: bytes) -> str:
    """A short diff of one differing file, unpacking gzip so the sitemap's difference is readable."""
    if name.endswith(".gz"):
        inner_first, inner_second = gzip.decompress(first), gzip.decompress(second)
        if inner_first == inner_second:
            return f"{name}: same content, different gzip header (time stamp or file name)"
        first, second = inner_first, inner_second
    try:
        a, b = first.decode("utf-8").splitlines(), second.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        return f"{name}: binary files differ"
    diff = list(difflib.unified_diff(a, b, "first", "second", n=0, lineterm=""))
    return f"{name}:\n" + "\n".join(line[:200] for line in diff[:12])


def test_two_clean_builds_are_byte_identical(tmp_path):
    first_out, second_out = tmp_path / "first", tmp_path / "second-build"
    for out, hash_seed in ((first_out, "1"), (second_out, "2")):
        build = start_build(out, hash_seed)
        _, stderr = build.communicate(timeout=300)
        assert build.returncode == 0, stderr
    first, second = files(first_out), files(second_out)
    assert first.keys() == second.keys(), sorted(first.keys() ^ second.keys())
    assert {"sitemap.xml.gz", "search/search_index.json", "index.html"} <= first.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, "files differ between two builds:\n" + "\n\n".join(
        explain(name, first[name], second[name]) for name in differing
    )


def test_the_build_date_comes_from_source_date_epoch(monkeypatch):
    """Reproducible also means the date a build works from is the one it was given, not today's."""
    from lgds.load import build_date

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # 15 January 2027, 08:00 UTC
    assert build_date().isoformat() == "2027-01-15"
