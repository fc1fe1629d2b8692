"""Outputs remembered between preview rebuilds are never stale.

A preview rebuild reuses what it made last time for every event whose file did not change (its page,
its calendar entry) and every file whose text did not change (its checked model). Each edit here is
to something those outputs show besides the event's own file. After it, a rebuild with everything
remembered must give exactly what a rebuild that remembers nothing gives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from lgds.build import build_all
from lgds.core.reuse import Memory
from lgds.load import load_site

from .conftest import BUILD_DATE

EVENT_PAGE = "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"


def forget() -> Memory:
    """A memory that holds nothing yet, as a preview's does at its first build; clear the caches it does not hold."""
    return Memory()


def outputs(root: Path, today: dt.date, memory: Memory) -> dict[str, str | bytes]:
    """Load and build with ``memory``, reusing what it holds as a preview rebuild does."""
    site, problems = load_site(root, today=today, memory=memory)
    assert not problems.errors, [p.format() for p in problems.errors]
    return {o.path: o.content for o in build_all(site, memory)}


def sub(pattern: str, replacement: str) -> Callable[[str], str]:
    return lambda text: re.sub(pattern, replacement, text, count=1, flags=re.M)


EDITS = {
    "the group's name": ("peer-groups/london/group.yml", sub(r"^name: .*$", "name: London group Zqx")),
    "the host council's name": (
        "data/councils.csv",
        sub(r"^CMD,London Borough of Camden,", "CMD,Camden Zqx,"),
    ),
    "a pack's title": (
        "franchise-kit/packs/peer-review-a-service/pack.yml",
        sub(r"^title: .*$", "title: Review Zqx"),
    ),
    "a round's theme": (
        "franchise-kit/rounds.yml",
        sub(r"^  theme: Reviewing services together$", "  theme: Zqx"),
    ),
    "a point's title": ("standard/1-understand-user-needs.md", sub(r"^title: .*$", "title: Needs Zqx")),
    "the example notice": ("site.yml", sub(r"^example_notice: true$", "example_notice: false")),
    "the event itself": (EVENT_PAGE, sub(r"^title: .*$", "title: Review day Zqx")),
}


LISTED = {"the group's name", "the example notice", "the event itself"}
"""Edits to what a list entry shows."""


@pytest.mark.parametrize("name", list(EDITS))
def test_a_rebuild_that_remembers_gives_what_a_fresh_one_gives(kit, name: str) -> None:
    root = kit()
    rel, change = EDITS[name]
    memory = forget()
    before = outputs(root, BUILD_DATE.date(), memory)
    path = root / rel
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    remembered = outputs(root, BUILD_DATE.date(), memory)
    fresh = outputs(root, BUILD_DATE.date(), forget())
    assert remembered.keys() == fresh.keys()
    assert [p for p in fresh if remembered[p] != fresh[p]] == []
    assert remembered[EVENT_PAGE] != before[EVENT_PAGE]  # the edit does show on the event's page
    if name in LISTED:  # and in the lists that show the event
        assert remembered["events/index.md"] != before["events/index.md"]


def test_a_rebuild_remakes_only_what_shows_the_edited_event(kit, rendered) -> None:
    root = kit()
    memory = forget()
    before = outputs(root, BUILD_DATE.date(), memory)
    rendered.clear()
    rel, change = EDITS["the event itself"]
    (root / rel).write_text(change((root / rel).read_text(encoding="utf-8")), encoding="utf-8")
    remembered = outputs(root, BUILD_DATE.date(), memory)
    other = "peer-groups/london/events/2027-06-09-know-what-you-need-before-you-buy"
    assert remembered[other + ".md"] is before[other + ".md"]  # the very same page, not made again
    assert remembered[other + ".ics"] is before[other + ".ics"]
    assert remembered[EVENT_PAGE] != before[EVENT_PAGE]
    made = [template for template, _ in rendered]
    assert made.count("groups/event.md") == 1
    entries = sorted(here for template, here in rendered if template == "groups/entry.md")
    # Its entries on /events/ and its group's page, on their pages for its year, and on the home page.
    showing = {"events/index.md", "peer-groups/london/index.md", "index.md"}
    showing |= {"events/2027.md", "peer-groups/london/events/2027.md"}
    assert set(entries) <= showing
    assert 1 <= len(entries) <= 5, entries


def test_a_new_day_remakes_what_depends_on_the_date(kit) -> None:
    root = kit()
    memory = forget()
    outputs(root, dt.date(2027, 2, 1), memory)
    remembered = outputs(root, dt.date(2027, 3, 1), memory)  # the event on 10 February is now past
    fresh = outputs(root, dt.date(2027, 3, 1), forget())
    assert [p for p in fresh if remembered[p] != fresh[p]] == []
    assert "This event has taken place." in fresh[EVENT_PAGE]


def test_a_new_site_address_remakes_the_calendar_entries(kit) -> None:
    root = kit()
    memory = forget()
    before = outputs(root, BUILD_DATE.date(), memory)
    path = root / "site.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("\nsite_url:\n", "\nsite_url: https://example.org/kit/\n"),
        encoding="utf-8",
    )
    remembered = outputs(root, BUILD_DATE.date(), memory)
    fresh = outputs(root, BUILD_DATE.date(), forget())
    assert [p for p in fresh if remembered[p] != fresh[p]] == []
    ics = EVENT_PAGE.removesuffix(".md") + ".ics"
    assert b"URL:https://example.org/kit/peer-groups/london/" in remembered[ics]
    assert b"URL:" not in before[ics]


COUNCIL_PAGE = "councils/bex.md"

COUNCIL_EDITS = {
    "the council's row": ("data/councils.csv", sub(r"^BEX,London Borough of Bexley,", "BEX,Bexley Zqx,")),
    "its sign-up": ("data/signups/bex.yml", lambda text: text + "note: Zqx note.\n"),
    "the name of the group that covers it": (
        "peer-groups/london/group.yml",
        sub(r"^name: .*$", "name: London group Zqx"),
    ),
    "the example notice": ("site.yml", sub(r"^example_notice: true$", "example_notice: false")),
    "the branch that edit links open": ("site.yml", sub(r"^branch: main$", "branch: zqx")),
}


@pytest.mark.parametrize("name", list(COUNCIL_EDITS))
def test_a_council_page_remembered_between_rebuilds_is_never_stale(kit, name: str) -> None:
    root = kit()
    settings = root / "site.yml"  # a repository, so unsigned councils' pages link to a new sign-up file
    settings.write_text(sub(r"^repo_url:$", "repo_url: https://github.com/example/kit")(settings.read_text()))
    rel, change = COUNCIL_EDITS[name]
    memory = forget()
    outputs(root, BUILD_DATE.date(), memory)
    path = root / rel
    assert path.is_file(), rel
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    remembered = outputs(root, BUILD_DATE.date(), memory)
    fresh = outputs(root, BUILD_DATE.date(), forget())
    stale = [p for p in fresh if p.startswith("councils/") and remembered[p] != fresh[p]]
    assert stale == []
    assert "Zqx" in str(fresh[COUNCIL_PAGE]) or name in (
        "the example notice",
        "the branch that edit links open",
    )


def test_a_council_page_is_made_again_only_when_what_it_shows_changed(kit, rendered) -> None:
    root = kit()
    memory = forget()
    outputs(root, BUILD_DATE.date(), memory)
    rendered.clear()
    rel, change = COUNCIL_EDITS["its sign-up"]
    (root / rel).write_text(change((root / rel).read_text(encoding="utf-8")), encoding="utf-8")
    outputs(root, BUILD_DATE.date(), memory)
    lists = ("councils/index.md", "councils/coverage.md")  # pages that count sign-ups are made each time
    made = [here for _, here in rendered]
    assert [p for p in made if p.startswith("councils/") and p.count("/") == 1 and p not in lists] == [
        COUNCIL_PAGE
    ]


def test_the_coverage_map_is_drawn_again_when_a_council_moves_on_it(kit) -> None:
    """The map's outlines and names are kept between rebuilds only while every council keeps its cell."""
    root = kit()
    memory = forget()
    before = outputs(root, BUILD_DATE.date(), memory)
    path = root / "data/hexmap.csv"
    text = path.read_text(encoding="utf-8")
    aberdeen = re.search(r"^ABC,(\d+),(\d+)$", text, flags=re.M)
    camden = re.search(r"^CMD,(\d+),(\d+)$", text, flags=re.M)
    assert aberdeen and camden
    swapped = text.replace(aberdeen.group(0), "ABC," + ",".join(camden.groups()))
    swapped = swapped.replace(camden.group(0), "CMD," + ",".join(aberdeen.groups()))
    path.write_text(swapped, encoding="utf-8")
    remembered = outputs(root, BUILD_DATE.date(), memory)
    fresh = outputs(root, BUILD_DATE.date(), forget())
    coverage = "councils/coverage.md"
    assert remembered[coverage] == fresh[coverage]
    assert remembered[coverage] != before[coverage]


REVIEW = "reviews/cmd/2025-10-08-report-a-housing-repair.md"

REVIEW_EDITS = {
    "a point's result in a review": (REVIEW, sub(r"^    result: not met$", "    result: met")),
    "a review's evidence": (REVIEW, sub(r"^    evidence: Nine in ten", "    evidence: Zqx nine in ten")),
    "the reviewed council's name": (
        "data/councils.csv",
        sub(r"^CMD,London Borough of Camden,Camden,", "CMD,London Borough of Camden,Camden Zqx,"),
    ),
    "the reviewed council's region": (
        "data/councils.csv",
        sub(r",England,London,london-borough,E09000007,", ",England,South East,london-borough,E09000007,"),
    ),
    "a point's title": ("standard/8-test-the-end-to-end-service.md", sub(r"^title: .*$", "title: Ends Zqx")),
    "the example notice": ("site.yml", sub(r"^example_notice: true$", "example_notice: false")),
}


@pytest.mark.parametrize("name", [*REVIEW_EDITS, "a new review", "a review taken away"])
def test_review_pages_remembered_between_rebuilds_are_never_stale(kit, name: str) -> None:
    """Reviews, their year pages and the patterns on the points' pages are kept while nothing they show changed."""
    root = kit()
    memory = forget()
    before = outputs(root, BUILD_DATE.date(), memory)
    path = root / REVIEW
    if name == "a new review":
        twin = path.with_name("2025-10-09-report-a-housing-repair-again.md")
        text = path.read_text(encoding="utf-8").replace("date: 2025-10-08", "date: 2025-10-09")
        twin.write_text(text.replace("event: london/2025-10-08-peer-review-day\n", ""), encoding="utf-8")
    elif name == "a review taken away":
        path.unlink()
    else:
        rel, change = REVIEW_EDITS[name]
        edited = root / rel
        assert edited.is_file(), rel
        text = edited.read_text(encoding="utf-8")
        assert change(text) != text, name
        edited.write_text(change(text), encoding="utf-8")
    remembered = outputs(root, BUILD_DATE.date(), memory)
    fresh = outputs(root, BUILD_DATE.date(), forget())
    assert remembered.keys() == fresh.keys()
    assert [p for p in fresh if remembered[p] != fresh[p]] == []
    year = "reviews/2025.md"
    assert fresh[year] != before[year] or name in ("a point's title", "a review's evidence")
