"""The incremental preview (``mkdocs serve --dirty``) never shows a stale page.

Each test builds a copy of the kit the way ``mkdocs serve --dirty`` rebuilds it (configuration loaded
afresh, hook module and plugins kept), edits a file, rebuilds, and compares every page with a clean
build of the same files: they must be identical. It also checks that pages nothing touched are left
alone, which is what makes the preview fast.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import BUILD_ENV, mkdocs_build


@pytest.fixture(autouse=True)
def _build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_ENV["SOURCE_DATE_EPOCH"])
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


class Preview:
    """Rebuilds like ``mkdocs serve --dirty``: a fresh configuration each time, one output folder."""

    def __init__(self, root: Path, out: Path) -> None:
        self.root, self.out = root, out
        self._config().plugins.on_startup(command="serve", dirty=True)
        self.rebuild()

    def _config(self):
        return load_config(config_file=str(self.root / "mkdocs.yml"), site_dir=str(self.out))

    def rebuild(self) -> None:
        build(self._config(), dirty=True)

    def edit(self, rel: str, change) -> None:
        path = self.root / rel
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        self.rebuild()

    def pages(self) -> dict[str, bytes]:
        return {p.relative_to(self.out).as_posix(): p.read_bytes() for p in self.out.rglob("*.html")}

    def times(self) -> dict[str, int]:
        return {p.relative_to(self.out).as_posix(): p.stat().st_mtime_ns for p in self.out.rglob("*.html")}


def assert_same_as_clean_build(preview: Preview, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    result = mkdocs_build(preview.root, clean, strict=False)
    assert result.returncode == 0, result.stderr
    expected = {p.relative_to(clean).as_posix(): p.read_bytes() for p in clean.rglob("*.html")}
    got = preview.pages()
    assert sorted(got) == sorted(expected)
    stale = [path for path in expected if got[path] != expected[path]]
    assert stale == []
    assert _search_locations(preview.out) == _search_locations(clean)


def _search_locations(site: Path) -> list[str]:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return sorted(entry["location"] for entry in index["docs"])


def test_editing_a_points_text_rewrites_only_its_page(kit, tmp_path: Path) -> None:
    preview = Preview(kit(), tmp_path / "preview")
    before = preview.times()
    preview.edit("standard/1-understand-user-needs.md", lambda t: t + "\nA new sentence, Zqx1.\n")
    html = (preview.out / "standard/1-understand-user-needs/index.html").read_text(encoding="utf-8")
    assert "Zqx1" in html
    after = preview.times()
    rewritten = sorted(p for p in after if after[p] != before.get(p))
    assert "standard/1-understand-user-needs/index.html" in rewritten
    assert "about/index.html" not in rewritten
    assert len(rewritten) < 5
    assert_same_as_clean_build(preview, tmp_path)


def test_renaming_a_point_updates_its_page_the_list_and_every_sidebar(kit, tmp_path: Path) -> None:
    preview = Preview(kit(), tmp_path / "preview")
    preview.edit(
        "standard/3-use-agile-methods.md",
        lambda t: re.sub(r"^title: .*$", "title: Work in short cycles Zqx2", t, count=1, flags=re.M),
    )
    for page in ("standard/index.html", "about/index.html", "standard/1-understand-user-needs/index.html"):
        assert "Work in short cycles Zqx2" in (preview.out / page).read_text(encoding="utf-8"), page
    assert_same_as_clean_build(preview, tmp_path)


def test_editing_an_event_updates_every_page_that_lists_it(kit, tmp_path: Path) -> None:
    root = kit()
    preview = Preview(root, tmp_path / "preview")
    event = "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"
    preview.edit(
        event, lambda t: t.replace("title: Reviewing a service together", "title: Review day Zqx3", 1)
    )
    showing = [p for p, html in preview.pages().items() if b"Review day Zqx3" in html]
    assert showing, "the event's title shows on at least one page"
    assert_same_as_clean_build(preview, tmp_path)


def test_adding_and_deleting_files_leaves_nothing_stale(kit, tmp_path: Path) -> None:
    root = kit()
    preview = Preview(root, tmp_path / "preview")
    extra = root / "franchise-kit" / "guide" / "extra-page.md"
    extra.write_text("# An extra page\n\nZqx4\n", encoding="utf-8")
    preview.rebuild()
    assert (preview.out / "franchise-kit/guide/extra-page/index.html").is_file()
    extra.unlink()
    preview.rebuild()
    assert not (preview.out / "franchise-kit/guide/extra-page/index.html").exists()
    assert_same_as_clean_build(preview, tmp_path)


def test_a_sign_up_edit_reaches_the_pages_built_from_data(kit, tmp_path: Path) -> None:
    root = kit({"data/signups/cmd.yml": "council: CMD\nsigned: 2017-03-14\n"})
    preview = Preview(root, tmp_path / "preview")
    preview.edit("data/signups/cmd.yml", lambda t: t.replace("2017-03-14", "2018-05-01"))
    assert_same_as_clean_build(preview, tmp_path)


def test_a_failed_rebuild_is_followed_by_a_whole_one(kit, tmp_path: Path) -> None:
    root = kit()
    preview = Preview(root, tmp_path / "preview")
    point = root / "standard/2-have-a-multidisciplinary-team.md"
    good = point.read_text(encoding="utf-8")
    point.write_text(good.replace("number: 2", "number: [", 1), encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 - MkDocs raises its own Abort/PluginError
        preview.rebuild()
    point.write_text(good + "\nZqx5\n", encoding="utf-8")
    preview.rebuild()
    assert_same_as_clean_build(preview, tmp_path)
