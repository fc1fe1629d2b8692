"""Pages that list events from across the site stay the same size as events pile up.

A point of the Standard and a session pack list the 20 soonest upcoming events that cover them and the
10 most recent past ones, then say how many more the full list at /events/ has. /events/ and a group's
page list the 20 soonest upcoming events and the 10 latest past ones, and link to a page for each year,
which lists that year's events, upcoming and past; the news feed carries 50 of each. A year with more
than 100 events across the groups counts each group's on its page instead, linking to the group's page
for the year.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from pathlib import Path

from lgds.build import build_all
from lgds.core import routes
from lgds.core.escape import markdown_text
from lgds.groups.events import YEAR_LISTED
from lgds.groups.load_events import event_points
from lgds.groups.models import SOONEST_UPCOMING
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
            others = re.findall(r"\[(\d{4})\]", archive.split("Events by year:", 1)[1])
            every = sorted({e.meta.date.year for e in events}, reverse=True)
            assert [int(y) for y in others] == [y for y in every if y != year]  # this year is not a link


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


def future_events(count: int) -> dict[str, str]:
    """``count`` made-up weekly London events from a week after the day the site is built for, so the
    soonest of them come before the kit's own upcoming examples, and enough run into the years after."""
    files = {}
    for i in range(count):
        day = BUILD_DATE.date() + dt.timedelta(days=7 * (i + 1))
        files[f"peer-groups/london/events/{day.isoformat()}-planned-{i:03d}.md"] = (
            f'---\ntitle: Planned session {i:03d}\ndate: {day.isoformat()}\nstart: "10:00"\nend: "12:00"\n'
            "venue:\n  name: Example hall\nstatus: confirmed\nexample: true\n---\n\nA made-up event to come.\n"
        )
    return files


def planned_shown(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"Planned session (\d{3})", text)]


def event_links(page: str, text: str) -> list[str]:
    """Where each link to an event in ``text`` (a part of the page ``page``) leads: a source path here,
    or an address on another site."""
    found = []
    for target in re.findall(r"\]\(([^)\s]+)\)", text):
        if not target.startswith(("http://", "https://")):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
        if re.search(r"/events/\d{4}-\d{2}-\d{2}-", target):
            found.append(target)
    return found


def year_links(page: str, line: str) -> dict[int, str]:
    """Each year linked in a "... by year:" line of ``page``, and the source path of its page."""
    links = re.findall(r"\[(\d{4})\]\(([^)#]+)(?:#[^)]*)?\)", line)
    return {int(y): posixpath.normpath(posixpath.join(posixpath.dirname(page), p)) for y, p in links}


def test_group_and_events_pages_list_the_soonest_upcoming_events_then_link_each_year(kit) -> None:
    site, pages = load(kit(future_events(70)))  # weekly into the year after next
    for path in (EVENTS_PAGE, GROUP_PAGE):
        upcoming = [e for e in site.events if not e.is_past(site.today)]
        upcoming = [e for e in upcoming if path == EVENTS_PAGE or e.group == "london"]
        listed = section(pages[path], "Upcoming events")
        soonest = listed.split("</ul>", 1)[0]
        assert event_links(path, soonest) == [
            e.elsewhere or routes.path("event", event=e) for e in upcoming[:SOONEST_UPCOMING]
        ]
        assert f"These are the next {SOONEST_UPCOMING} of {len(upcoming)} upcoming events." in listed
        line = listed.split("Upcoming events by year:", 1)[1]
        years = sorted({e.meta.date.year for e in upcoming})
        assert len(years) == 3 and list(year_links(path, line)) == years  # soonest first


def test_every_upcoming_event_is_on_a_page_the_events_page_links_to(kit) -> None:
    """A reader without JavaScript or a calendar can reach every upcoming event: those not on /events/
    (or a group's page) are on the page for their year, under Upcoming events, once and in date order."""
    site, pages = load(kit(future_events(70)))
    for path in (EVENTS_PAGE, GROUP_PAGE):
        upcoming = [e for e in site.events if not e.is_past(site.today)]
        upcoming = [e for e in upcoming if path == EVENTS_PAGE or e.group == "london"]
        listed = section(pages[path], "Upcoming events")
        reached = set(event_links(path, listed))
        for year, page in year_links(path, listed.split("Upcoming events by year:", 1)[1]).items():
            on_page = event_links(page, section(pages[page], "Upcoming events"))
            wanted = [e for e in upcoming if e.meta.date.year == year]
            assert on_page == [e.elsewhere or routes.path("event", event=e) for e in wanted], (path, year)
            reached.update(on_page)
        assert reached == {e.elsewhere or routes.path("event", event=e) for e in upcoming}, path


def test_a_year_page_lists_what_is_to_come_then_what_took_place(kit) -> None:
    site, pages = load(kit({**past_events(5), **future_events(70)}))
    year = site.today.year  # the year the site is built in: past events, and the first planned ones
    for page, events in (
        (f"events/{year}.md", site.events),
        (f"peer-groups/london/events/{year}.md", [e for e in site.events if e.group == "london"]),
    ):
        text = pages[page]
        assert f"events in {year}" in text.split("---", 2)[1].lower()  # its title
        this_year = [e for e in events if e.meta.date.year == year]
        for heading, wanted in (
            ("Upcoming events", [e for e in this_year if not e.is_past(site.today)]),
            ("Past events", [e for e in this_year if e.is_past(site.today)]),
        ):
            assert wanted, (page, heading)
            on_page = event_links(page, section(text, heading))
            assert on_page == [e.elsewhere or routes.path("event", event=e) for e in wanted], (page, heading)


def test_group_and_events_pages_do_not_grow_with_upcoming_events(kit, tmp_path: Path) -> None:
    _, few = load(kit(future_events(30)))
    _, many = load(copy_kit(tmp_path / "many", future_events(150)))  # into the third year after
    for path in (GROUP_PAGE, EVENTS_PAGE):
        for pages in (few, many):
            listed = section(pages[path], "Upcoming events").split("</ul>", 1)[0]
            assert listed.count("<li") == SOONEST_UPCOMING, path
        # The same entries, another count, and a link for each of the extra years.
        assert abs(len(many[path]) - len(few[path])) < 200, path


def test_the_news_feed_carries_the_fifty_soonest_upcoming_events(kit) -> None:
    from xml.etree import ElementTree

    from lgds.build import pages_for
    from lgds.groups.atom import feed

    site, _ = load(kit(future_events(90)))
    entries = ElementTree.fromstring(feed(site, pages_for(site))).findall(
        "{http://www.w3.org/2005/Atom}entry"
    )
    titles = " ".join(e.find("{http://www.w3.org/2005/Atom}title").text for e in entries)
    past = [e for e in site.events if e.is_past(site.today)]
    soonest = [e for e in site.events if not e.is_past(site.today)][:50]
    assert len(entries) == min(len(past), 50) + 50
    assert sorted(planned_shown(titles)) == planned_shown(" ".join(e.meta.title for e in soonest))


def packed(files: dict[str, str]) -> dict[str, str]:
    """The same events, each using a pack that covers point 1."""
    return {
        path: text.replace("example: true\n", f"packs: [{PACK}]\nexample: true\n")
        for path, text in files.items()
    }


def test_point_and_pack_pages_list_the_soonest_upcoming_events_and_count_the_rest(
    kit, tmp_path: Path
) -> None:
    site, few = load(kit(packed(future_events(30))))
    _, many = load(copy_kit(tmp_path / "many", packed(future_events(150))))
    for path, heading in (
        (POINT_PAGE, "Events planned on this point"),
        (PACK_PAGE, "Events planned with this pack"),
    ):
        planned = section(few[path], heading)
        assert planned.count("\n- ") == SOONEST_UPCOMING
        listed = (
            site.events_by_point[1]
            if path == POINT_PAGE
            else [e for e in site.events if PACK in e.meta.packs]
        )
        used = [e for e in listed if not e.is_past(site.today) and e.meta.status.value != "cancelled"]
        soonest = [markdown_text(e.meta.title) for e in used[:SOONEST_UPCOMING]]  # in date order
        assert [t for t in soonest if t in planned] == soonest
        assert planned_shown(planned) == list(range(len(planned_shown(planned))))  # ours, soonest first
        later = len(used) - SOONEST_UPCOMING
        assert f"{later} later events are not listed here: see [all peer group events](" in planned
        assert section(many[path], heading).count("\n- ") == SOONEST_UPCOMING
        assert abs(len(many[path]) - len(few[path])) < 60, path  # the same lines, another count


BUSY_YEAR = BUILD_DATE.year + 2
GROUPS = ("london", "midlands", "south-west")


def busy_year(count: int) -> dict[str, str]:
    """``count`` made-up events in one year to come, shared out among three groups, one a day."""
    files = {}
    for i in range(count):
        day = dt.date(BUSY_YEAR, 1, 1) + dt.timedelta(days=i // len(GROUPS))
        group = GROUPS[i % len(GROUPS)]
        files[f"peer-groups/{group}/events/{day.isoformat()}-busy-{i:03d}.md"] = (
            f'---\ntitle: Busy session {i:03d}\ndate: {day.isoformat()}\nstart: "10:00"\nend: "12:00"\n'
            "venue:\n  name: Example hall\nstatus: confirmed\nexample: true\n---\n\nA made-up event.\n"
        )
    return files


def by_group_rows(text: str) -> list[tuple[str, str, int, int]]:
    """Each row of a year page's "Events by group" table: the group, its page's link, and the counts."""
    rows = re.findall(
        r"^\| \[([^\]]+)\]\(([^)]+)\) \| (\d+) \| (\d+) \|$", section(text, "Events by group"), re.M
    )
    return [(name, link, int(up), int(past)) for name, link, up, past in rows]


def test_a_busy_years_page_counts_each_groups_events_and_every_event_is_on_its_groups_page(kit) -> None:
    site, pages = load(kit(busy_year(YEAR_LISTED + 50)))
    page = f"events/{BUSY_YEAR}.md"
    text = pages[page]
    assert f"Events in {BUSY_YEAR}" in text.split("---", 2)[1]  # its title: events still to come
    assert "Busy session" not in text  # no event is listed here: they are counted
    in_year = [e for e in site.events if e.meta.date.year == BUSY_YEAR]
    assert f"There are {len(in_year):,} events in {BUSY_YEAR}, from 3 groups" in text
    rows = by_group_rows(text)
    names = {slug: site.groups[slug].name for slug in GROUPS}
    assert [name for name, *_ in rows] == sorted(names.values(), key=str.lower)
    for name, link, upcoming, past in rows:
        slug = next(s for s, n in names.items() if n == name)
        mine = [e for e in in_year if e.group == slug]
        assert (upcoming, past) == (len(mine), 0)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link))
        assert target == f"peer-groups/{slug}/events/{BUSY_YEAR}.md"
        on_page = event_links(target, section(pages[target], "Upcoming events"))
        assert on_page == [routes.path("event", event=e) for e in mine]


def test_a_busy_years_page_does_not_grow_with_its_events(kit, tmp_path: Path) -> None:
    _, some = load(kit(busy_year(YEAR_LISTED + 10)))
    _, many = load(copy_kit(tmp_path / "many", busy_year(3 * YEAR_LISTED)))
    page = f"events/{BUSY_YEAR}.md"
    assert len(by_group_rows(some[page])) == len(by_group_rows(many[page])) == len(GROUPS)
    assert abs(len(many[page]) - len(some[page])) < 20  # only the counts differ


def test_a_year_with_up_to_the_limit_lists_every_event(kit) -> None:
    _, pages = load(kit(busy_year(YEAR_LISTED)))
    text = pages[f"events/{BUSY_YEAR}.md"]
    assert "Events by group" not in text
    assert len(re.findall(r"Busy session \d{3}", section(text, "Upcoming events"))) == YEAR_LISTED
