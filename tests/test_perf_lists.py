"""Pages that list events from across the site stay the same size as events pile up.

A point of the Standard and a session pack list every upcoming event that covered them, but only the
10 most recent past ones, then say how many earlier events the full list at /events/ has.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from lgds.build import build_all
from lgds.core.escape import markdown_text
from lgds.groups.load_events import event_points
from lgds.load import load_site

from .conftest import BUILD_DATE, copy_kit

POINT_PAGE = "standard/1-understand-user-needs.md"
PACK_PAGE = "franchise-kit/packs/introducing-the-standard/index.md"
PACK = "introducing-the-standard"


def past_events(count: int) -> dict[str, str]:
    """``count`` made-up weekly London events that used a pack covering point 1, the last a week before the
    day the site is built for, so they are the latest past events whatever the kit's own examples hold."""
    files = {}
    for i in range(count):
        day = BUILD_DATE.date() - dt.timedelta(days=7 * (count - i))
        files[f"peer-groups/london/events/{day.isoformat()}-archive-{i:03d}.md"] = (
            f'---\ntitle: Archive session {i:03d}\ndate: {day.isoformat()}\nstart: "10:00"\nend: "12:00"\n'
            "venue:\n  name: Example hall\nstatus: confirmed\n"
            f"packs: [{PACK}]\nexample: true\n---\n\nA made-up past event.\n"
        )
    return files


def load(root: Path):
    site, problems = load_site(root, today=BUILD_DATE.date())
    assert not problems.errors, [p.format() for p in problems.errors]
    return site, {o.path: o.content for o in build_all(site) if isinstance(o.content, str)}


def section(markdown: str, heading: str) -> str:
    return markdown.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]


def archive_shown(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"Archive session (\d{3})", text)]


def test_a_point_lists_upcoming_and_the_ten_latest_past_events_and_counts_the_rest(kit) -> None:
    site, pages = load(kit(past_events(40)))
    covering = [e for e in site.events if 1 in event_points(site, e)]
    past = [e for e in covering if e.is_past(site.today)]
    upcoming = [e for e in covering if not e.is_past(site.today)]
    listed = section(pages[POINT_PAGE], "Events that covered this point")
    assert archive_shown(listed) == list(range(30, 40))  # the latest past ones, oldest first
    assert f"{len(past) - 10} earlier events are not listed here: see [all peer group events](" in listed
    assert listed.count("\n- ") == 10
    planned = section(pages[POINT_PAGE], "Events planned on this point")
    assert upcoming and all(markdown_text(e.meta.title) in planned for e in upcoming)  # as Markdown writes it


def test_a_pack_lists_the_ten_latest_past_events_that_used_it(kit) -> None:
    site, pages = load(kit(past_events(25)))
    used = [e for e in site.events if PACK in e.meta.packs]
    past = [e for e in used if e.is_past(site.today)]
    listed = section(pages[PACK_PAGE], "Events that used this pack")
    assert archive_shown(listed) == list(range(15, 25))
    assert f"{len(past) - 10} earlier events are not listed here" in listed


def test_a_short_list_is_whole_with_no_count(kit) -> None:
    _, pages = load(kit(past_events(3)))
    listed = section(pages[PACK_PAGE], "Events that used this pack")
    assert archive_shown(listed) == [0, 1, 2]
    assert "not listed here" not in listed


def test_point_and_pack_pages_do_not_grow_with_past_events(kit, tmp_path: Path) -> None:
    _, few = load(kit(past_events(30)))
    _, many = load(copy_kit(tmp_path / "many", past_events(120)))
    for path in (POINT_PAGE, PACK_PAGE):
        assert abs(len(many[path]) - len(few[path])) < 60, path  # the same lines, other dates


GROUP_PAGE = "peer-groups/london/index.md"
EVENTS_PAGE = "events/index.md"


def test_group_and_events_pages_list_the_ten_latest_past_events_then_link_each_year(kit) -> None:
    site, pages = load(kit(past_events(60)))  # weekly over more than a year
    for path, year_page in ((GROUP_PAGE, "peer-groups/london/events/{}.md"), (EVENTS_PAGE, "events/{}.md")):
        events = [e for e in site.events if path == EVENTS_PAGE or e.group == "london"]
        past = [e for e in events if e.is_past(site.today)]
        listed = section(pages[path], "Past events")
        assert archive_shown(listed) == list(range(59, 49, -1))  # latest first
        assert f"These are the latest 10 of {len(past)} past events." in listed
        years = sorted({e.meta.date.year for e in past}, reverse=True)
        links = re.findall(r"\[(\d{4})\]\(([^)]+)\)", listed.split("Past events by year:", 1)[1])
        assert [int(y) for y, _ in links] == years
        # Every past event is on its year's page, once, in date order; nothing else is.
        for year in years:
            archive = pages[year_page.format(year)]
            titles = re.findall(r"\[([^\]]+)\]\([^)]*\d{4}-\d{2}-\d{2}-[^)]*\.md\)", archive)
            wanted = [e.meta.title for e in past if e.meta.date.year == year]
            assert titles == wanted, (path, year)
            others = re.findall(r"\[(\d{4})\]", archive.split("Past events by year:", 1)[1])
            assert [int(y) for y in others] == [y for y in years if y != year]  # this year is not a link


def test_group_and_events_pages_do_not_grow_with_past_events(kit, tmp_path: Path) -> None:
    _, few = load(kit(past_events(30)))
    _, many = load(copy_kit(tmp_path / "many", past_events(120)))
    for path in (GROUP_PAGE, EVENTS_PAGE):
        # The same ten entries with other numbers, and a link for each of the extra years.
        assert abs(len(many[path]) - len(few[path])) < 200, path


def test_the_news_feed_carries_every_upcoming_event_and_the_latest_fifty_past_ones(kit) -> None:
    from xml.etree import ElementTree

    from lgds.build import pages_for
    from lgds.groups.atom import feed

    site, _ = load(kit(past_events(60)))
    upcoming = [e for e in site.events if not e.is_past(site.today)]
    entries = ElementTree.fromstring(feed(site, pages_for(site))).findall(
        "{http://www.w3.org/2005/Atom}entry"
    )
    titles = [e.find("{http://www.w3.org/2005/Atom}title").text for e in entries]
    assert len(entries) == len(upcoming) + 50
    assert all(
        any(t.startswith(e.meta.title + " (") or f" {e.meta.title} (" in t for t in titles) for e in upcoming
    )
    latest = sorted((e for e in site.events if e.is_past(site.today)), key=lambda e: e.meta.date)[-50:]
    wanted = archive_shown(" ".join(e.meta.title for e in reversed(latest)))
    assert len(wanted) > 40 and wanted[0] == 59  # the archive is most of the latest fifty
    assert archive_shown(" ".join(titles)) == wanted  # newest first, then it stops
