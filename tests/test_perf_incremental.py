"""The incremental preview (``mkdocs serve --dirty``) never shows a stale page.

One copy of the kit and one preview per test module (per worker under xdist): the preview is built the
way ``mkdocs serve --dirty`` rebuilds it (configuration loaded afresh, hook module and plugins kept).
Each test edits a file, rebuilds, and compares every file the preview wrote (pages, calendars, feeds,
data files, the search index) with a clean build of the same files: they must be identical. Then it
undoes the edit, rebuilds, and checks the preview is back to the clean build of the untouched kit, so
the next test starts from there. It also checks that pages nothing touched are left alone, which is
what makes the preview fast.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from .conftest import BUILD_ENV, copy_kit, mkdocs_build

VARIES = {"sitemap.xml.gz"}
"""Files a clean build writes differently each time (gzip records when it compressed)."""


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

    def files(self) -> dict[str, bytes]:
        return _files(self.out)

    def times(self) -> dict[str, int]:
        return {p.relative_to(self.out).as_posix(): p.stat().st_mtime_ns for p in self.out.rglob("*.html")}


def _files(site: Path) -> dict[str, bytes]:
    found = {}
    for path in site.rglob("*"):
        rel = path.relative_to(site).as_posix()
        if path.is_file() and rel not in VARIES:
            found[rel] = _search_locations(path) if rel == "search/search_index.json" else path.read_bytes()
    return found


def _search_locations(index: Path) -> bytes:
    """The search index by the pages and sections it lists (a partial rebuild may order them otherwise)."""
    entries = json.loads(index.read_text(encoding="utf-8"))["docs"]
    return json.dumps(sorted(entry["location"] for entry in entries)).encode()


def _clean(root: Path, out: Path) -> dict[str, bytes]:
    if out.exists():
        shutil.rmtree(out)
    result = mkdocs_build(root, out, strict=False)
    assert result.returncode == 0, result.stderr
    return _files(out)


def _differences(got: dict[str, bytes], expected: dict[str, bytes]) -> dict[str, list[str]]:
    return {
        "missing": sorted(set(expected) - set(got)),
        "extra": sorted(set(got) - set(expected)),
        "stale": sorted(p for p in expected if p in got and got[p] != expected[p]),
    }


NONE = {"missing": [], "extra": [], "stale": []}


class Kit:
    """The module's kit, its preview, and the clean build of the untouched kit."""

    def __init__(self, root: Path, work: Path) -> None:
        self.root, self.work = root, work
        self.preview = Preview(root, work / "preview")
        self.baseline = _clean(root, work / "baseline")
        assert _differences(self.preview.files(), self.baseline) == NONE

    def edit(self, rel: str, change: Callable[[str], str]) -> None:
        path = self.root / rel
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        self.preview.rebuild()

    def assert_same_as_clean_build(self) -> None:
        expected = _clean(self.root, self.work / "clean")
        assert _differences(self.preview.files(), expected) == NONE


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kit]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_ENV["SOURCE_DATE_EPOCH"])
        patch.setenv("NO_MKDOCS_2_WARNING", "1")
        work = tmp_path_factory.mktemp("incremental")
        yield Kit(copy_kit(work / "kit"), work)


@pytest.fixture
def site(shared: Kit, monkeypatch: pytest.MonkeyPatch) -> Iterator[Kit]:
    """The shared kit; whatever a test changes is put back and rebuilt, and must match the baseline."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_ENV["SOURCE_DATE_EPOCH"])
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    before = {p: p.read_bytes() for p in shared.root.rglob("*") if p.is_file()}
    yield shared
    for path in shared.root.rglob("*"):
        if path.is_file() and path not in before:
            path.unlink()
    for path, content in before.items():
        if not path.exists() or path.read_bytes() != content:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    shared.preview.rebuild()
    assert _differences(shared.preview.files(), shared.baseline) == NONE, "undoing the edit"


def test_a_rebuild_remakes_no_event_page_when_no_event_changed(site: Kit, rendered) -> None:
    """The preview hands each load and build the same memory, so unchanged events are not made again."""
    site.edit("standard/1-understand-user-needs.md", lambda t: t + "\nA new sentence, Zqx2.\n")
    made = [template for template, _ in rendered]
    assert made.count("standard/point.md") >= 1
    assert made.count("groups/event.md") == 0
    assert made.count("groups/entry.md") == 0


def test_editing_a_points_text_rewrites_only_its_page(site: Kit) -> None:
    before = site.preview.times()
    site.edit("standard/1-understand-user-needs.md", lambda t: t + "\nA new sentence, Zqx1.\n")
    html = (site.preview.out / "standard/1-understand-user-needs/index.html").read_text(encoding="utf-8")
    assert "Zqx1" in html
    after = site.preview.times()
    rewritten = sorted(p for p in after if after[p] != before.get(p))
    assert "standard/1-understand-user-needs/index.html" in rewritten
    assert "about/index.html" not in rewritten
    assert len(rewritten) < 5
    site.assert_same_as_clean_build()


def test_renaming_a_point_updates_its_page_the_list_and_every_sidebar(site: Kit) -> None:
    site.edit(
        "standard/3-use-agile-methods.md",
        lambda t: re.sub(r"^title: .*$", "title: Work in short cycles Zqx2", t, count=1, flags=re.M),
    )
    for page in ("standard/index.html", "about/index.html", "standard/1-understand-user-needs/index.html"):
        assert "Work in short cycles Zqx2" in (site.preview.out / page).read_text(encoding="utf-8"), page
    site.assert_same_as_clean_build()


def test_editing_an_event_updates_every_page_and_calendar_that_lists_it(site: Kit) -> None:
    event = "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"
    site.edit(event, lambda t: t.replace("title: Reviewing a service together", "title: Review day Zqx3", 1))
    files = site.preview.files()
    showing = [p for p, content in files.items() if b"Review day Zqx3" in content]
    assert "events.ics" in showing and "events.atom" in showing
    assert "peer-groups/london/events/2027-02-10-reviewing-a-service-together.ics" in showing
    assert "peer-groups/london/events.ics" in showing
    assert "peer-groups/london/events/2027-02-10-reviewing-a-service-together/index.html" in showing
    site.assert_same_as_clean_build()


def test_adding_and_deleting_files_leaves_nothing_stale(site: Kit) -> None:
    extra = site.root / "franchise-kit" / "guide" / "extra-page.md"
    extra.write_text("# An extra page\n\nZqx4\n", encoding="utf-8")
    site.preview.rebuild()
    assert (site.preview.out / "franchise-kit/guide/extra-page/index.html").is_file()
    extra.unlink()
    site.preview.rebuild()
    assert not (site.preview.out / "franchise-kit/guide/extra-page/index.html").exists()
    site.assert_same_as_clean_build()


def test_a_sign_up_edit_reaches_the_pages_and_data_built_from_it(site: Kit) -> None:
    signup = sorted((site.root / "data" / "signups").glob("*.yml"))[0]
    rel = signup.relative_to(site.root).as_posix()
    site.edit(rel, lambda t: re.sub(r"^signed: .*$", "signed: 2018-05-01", t, count=1, flags=re.M))
    code = re.search(r"^council: (\w+)", signup.read_text(encoding="utf-8"), re.M).group(1).lower()
    assert "1 May 2018" in (site.preview.out / f"councils/{code}/index.html").read_text(encoding="utf-8")
    site.assert_same_as_clean_build()


def test_a_register_edit_reaches_the_coverage_map(site: Kit) -> None:
    site.edit("data/councils.csv", lambda t: t.replace(",Camden,", ",Camden Zqx6,", 1))
    coverage = (site.preview.out / "councils/coverage/index.html").read_text(encoding="utf-8")
    assert "<strong>Camden Zqx6</strong>" in coverage  # the name a hexagon shows
    site.assert_same_as_clean_build()


def test_a_failed_rebuild_is_followed_by_a_whole_one(site: Kit) -> None:
    point = site.root / "standard/2-have-a-multidisciplinary-team.md"
    good = point.read_text(encoding="utf-8")
    point.write_text(good.replace("number: 2", "number: [", 1), encoding="utf-8")
    with pytest.raises(Exception):  # noqa: B017 - MkDocs raises its own Abort/PluginError
        site.preview.rebuild()
    point.write_text(good + "\nZqx5\n", encoding="utf-8")
    site.preview.rebuild()
    site.assert_same_as_clean_build()


def test_an_edited_fork_stylesheet_reaches_the_bundle(site: Kit) -> None:
    colours = site.root / "overrides" / "assets" / "colours.css"
    colours.parent.mkdir(parents=True, exist_ok=True)
    colours.write_text(":root { --md-primary-fg-color: #7a1f5c; }\n", encoding="utf-8")
    site.preview.rebuild()
    assert "#7a1f5c" in (site.preview.out / "assets/lgds.css").read_text(encoding="utf-8")
    site.edit("overrides/assets/colours.css", lambda t: t.replace("#7a1f5c", "#5c1f7a"))
    bundle = (site.preview.out / "assets/lgds.css").read_text(encoding="utf-8")
    assert "#5c1f7a" in bundle and "#7a1f5c" not in bundle
    site.assert_same_as_clean_build()


def test_an_edited_review_shows_on_its_scorecard_and_on_everything_made_from_it(site: Kit) -> None:
    review = "reviews/bas/2026-03-18-garden-waste-subscription.md"
    not_met = "    result: not met\n    evidence: The team has written a plan for renewal week"
    site.edit(
        review, lambda t: t.replace(not_met, "    result: met\n    evidence: Zqx7 A plan for renewal week")
    )
    out = site.preview.out
    scorecard = (out / "reviews/bas/2026-03-18-garden-waste-subscription/index.html").read_text(
        encoding="utf-8"
    )
    assert "Zqx7 A plan for renewal week" in scorecard
    assert "7 of the 8 points assessed were met; 1 was not." in scorecard
    patterns = (out / "reviews/patterns/index.html").read_text(encoding="utf-8")
    assert "not met in 6 of the 10 reviews that assessed it" in patterns
    assert "Zqx7" in (out / "data/reviews.json").read_text(encoding="utf-8")
    site.assert_same_as_clean_build()
