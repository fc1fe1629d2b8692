"""Event pages, the /events/ list across groups, its year pages, the feeds, and the home page's
'next events' block.

Each event gets /peer-groups/<group>/events/<date>-<slug>/ with everything needed to attend, and an
.ics file beside it for 'add to calendar'.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lgds.core import reuse, routes
from lgds.core.escape import contributed
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.groups import atom, calendar
from lgds.groups.lists import Year, YearLink, by_year, entries, event_lists
from lgds.groups.load_events import event_points
from lgds.groups.models import Event, EventStatus, Group
from lgds.site import Site

NEXT_EVENTS = 3
"""How many events the home page lists."""


def build(site: Site, pages: Pages) -> Iterator[Output]:
    shared = _shared(site)
    made = reuse.current().pages("event-pages")
    for event in site.events:
        if event.origin:  # gathered from a regional site: its page and calendar are there
            continue
        yield _remembered_event(made, site, pages, event, shared)
        if event.timed:
            own = calendar.event_calendar(site, pages, event)
            yield Output(routes.path("event-calendar", event=event), own)
    here = routes.path("events")
    lists = event_lists(site, pages, site.events, here, show_group=True, year_path=_year_path)
    yield pages.page("groups/events.md", here, lists=lists, groups=list(site.groups.values()))
    yield from year_pages(site, pages, site.events, _year_path, group=None)
    name = calendar.calendar_name(pages)
    yield Output(routes.path("calendar"), calendar.calendar_for(site, pages, site.events, name=name))
    yield Output(routes.path("news-feed"), atom.feed(site, pages))


def _year_path(year: int) -> str:
    return routes.path("events-year", year=year)


def year_pages(
    site: Site, pages: Pages, events: list[Event], year_path: Callable[[int], str], *, group: Group | None
) -> Iterator[Output]:
    """A page for each year with ``events``, listing its upcoming and past events (as of the build), each
    in date order, and linking to the other years: the pages the lists on /events/ and a group's page
    continue on."""
    years = by_year(site, events)
    links = [YearLink(year, year_path(year)) for year in years]
    show_group = group is None
    for (year, listed), link in zip(years.items(), links, strict=True):
        here = link.path
        busy = group is None and len(listed.upcoming) + len(listed.past) > YEAR_LISTED
        yield pages.page(
            "groups/year.md",
            here,
            group=group,
            year=year,
            upcoming=[] if busy else entries(site, pages, listed.upcoming, here, show_group=show_group),
            past=[] if busy else entries(site, pages, listed.past, here, show_group=show_group),
            by_group=_group_counts(site, listed, year) if busy else [],
            years=links,
        )


YEAR_LISTED = 100
"""The most events every group's page for a year lists. A network's national site gathers every
region's events, so a busy year's page counts each group's instead, linking to the group's own page for
the year: its size grows with the number of groups, not of events."""


@dataclass(frozen=True)
class GroupYear:
    """One group's events in a year, counted, and the group's page for that year."""

    group: Group
    upcoming: int
    past: int
    path: str


def _group_counts(site: Site, listed: Year, year: int) -> list[GroupYear]:
    """Each group with events in the year, by name, with how many are still to come and have taken place."""
    counts: dict[str, list[int]] = {}
    for events, column in ((listed.upcoming, 0), (listed.past, 1)):
        for event in events:
            counts.setdefault(event.group, [0, 0])[column] += 1
    rows = [
        GroupYear(group, up, past, routes.path("group-year", group=slug, year=year))
        for slug, (up, past) in counts.items()
        if (group := site.groups.get(slug)) is not None
    ]
    return sorted(rows, key=lambda row: row.group.name.lower())


def _shared(site: Site) -> str:
    """A fingerprint of everything an event page shows besides its own file. Keep it in step with
    ``_event`` and groups/event.md: ``tests/test_perf_memo.py`` edits each of these."""
    return reuse.fingerprint(
        site.today.isoformat(),
        site.settings.model_dump(mode="json"),
        {slug: group.name for slug, group in site.groups.items()},
        {code: [c.official_name, str(c.end_date)] for code, c in site.councils.items()},
        {n: [entry.number, entry.theme] for n, entry in site.rounds.items()},
        {key: [p.slug, p.group, p.meta.title, sorted(p.meta.points)] for key, p in site.packs.items()},
        {n: [point.title, point.slug] for n, point in site.points.items()},
    )


def _remembered_event(made: reuse.Remembered, site: Site, pages: Pages, event: Event, shared: str) -> Output:
    """The event's page, made again only when its file or something every event page shows changed."""
    reviews = site.reviews_by_event.get(f"{event.group}/{event.slug}", [])
    # What the list of reviews done there shows: tests/test_perf_memo.py edits a review.
    listed = [(r.path, r.meta.service, r.meta.phase, r.meta.date, r.overall, r.meta.example) for r in reviews]
    names = [c.short_name if (c := site.councils.get(r.council)) else "" for r in reviews]
    extra = (event.body, shared, listed, names)
    return made.get(event.path, event.meta, extra, lambda: _event(site, pages, event))


def _event(site: Site, pages: Pages, event: Event) -> Output:
    meta = event.meta
    host = site.councils.get(meta.host) if meta.host else None
    packs = [(slug, site.packs.get(f"{event.group}/{slug}") or site.packs.get(slug)) for slug in meta.packs]
    return pages.page(
        "groups/event.md",
        routes.path("event", event=event),
        source=event.path,
        event=event,
        past=event.is_past(site.today),
        body=contributed(event.body),
        host=host,
        round=site.rounds.get(meta.round) if meta.round else None,
        packs=packs,
        points=[site.points[n] for n in sorted(event_points(site, event)) if n in site.points],
        reviews=site.reviews_by_event.get(f"{event.group}/{event.slug}", []),
    )


def next_events_block(site: Site, pages: Pages, here: str) -> str:
    """The home page's list of the next few events that are not cancelled."""
    upcoming = [
        e for e in site.events if not e.is_past(site.today) and e.meta.status is not EventStatus.CANCELLED
    ]
    shown = entries(site, pages, upcoming[:NEXT_EVENTS], here, show_group=True)
    return pages.render("groups/next-events.md", here, entries=shown)


BLOCKS = {"next-events": next_events_block}

__all__ = ["BLOCKS", "build", "next_events_block", "year_pages"]
