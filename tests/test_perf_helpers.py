"""Helpers made faster for the build give exactly what the slower originals gave."""

from __future__ import annotations

import posixpath

from hypothesis import given
from hypothesis import strategies as st

from lgds.core.routes import relative as link

PART = st.sampled_from(["a", "b", "index.md", "events", "x.md", "peer-groups"])
"""Parts of source paths as the routing table makes them: never `.` or `..`, which it refuses."""
PATH = st.lists(PART, min_size=1, max_size=5).map("/".join)


@given(PATH, PATH)
def test_link_is_posix_relpath_from_the_pages_folder(from_path: str, to_path: str) -> None:
    assert link(from_path, to_path) == posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")


@given(st.text(max_size=120).map(lambda s: " ".join(s.split())))  # names are one line (PlainText)
def test_a_calendar_head_is_what_icalendar_makes_for_the_whole_calendar(name: str) -> None:
    from lgds.groups.calendar import _calendar, _head

    assert _head(name) == _calendar(name)


def test_finding_files_gives_what_pathlib_glob_gives(tmp_path) -> None:
    from pathlib import Path

    from lgds.core.files import find

    root = Path(__file__).resolve().parents[1]
    (tmp_path / "x" / "a" / "events").mkdir(parents=True)
    for rel in ("x/a/events/1.md", "x/a/events/2.txt", "x/a/group.yml", "x/top.md", "x/.hidden.md"):
        (tmp_path / rel).write_text("-")
    cases = [
        (root, "peer-groups", "*/events/*.md"),
        (root, "peer-groups", "**/*.md"),
        (root, "franchise-kit", "*/*/pack.yml"),
        (root, "data/signups", "*.yml"),
        (tmp_path, "x", "**/*.md"),
        (tmp_path, "x", "*/group.yml"),
        (tmp_path, "x", "*.md"),
        (tmp_path, "missing", "*.md"),
    ]
    for base, folder, pattern in cases:
        expected = sorted(
            p.relative_to(base).as_posix() for p in (base / folder).glob(pattern) if p.is_file()
        )
        assert find(base, folder, pattern) == expected, (folder, pattern)
        assert expected or folder == "missing"
