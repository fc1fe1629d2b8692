"""Which events each list shows, and each list's entries, made once per event and page.

/events/ and each group's page list the soonest upcoming events and the latest past ones, and link to
a page for each year, which lists every event of that year, upcoming and past: so no page grows with
the number of events, and a reader without JavaScript or a calendar can still find every event.

The words and markup of the lists are in ``templates/macros.md`` (the lists, the as-of line, the links
to each year) and ``templates/entry.md`` (one event in a list). Lists carry each event's end as an ISO
date-time with its UTC offset (``data-lgds-end``), so the script in ``assets/js/events.js`` can move
events that have ended to the past list without a rebuild. Without JavaScript the lists stay correct
as of the build date, and say so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

from markupsafe import Markup

from lgds.core import reuse
from lgds.core.render import Pages
from lgds.groups.models import RECENT_PAST, SOONEST_UPCOMING, Event, EventStatus
from lgds.site import Site

YearPath = Callable[[int], str]
"""Where a list's events for one year are: the year page's source path."""

NOT_ATTENDABLE = (EventStatus.CANCELLED, EventStatus.POSTPONED)

PAST_SECTION = "past-events"
"""The id of the "Past events" heading of a year page that also has upcoming events."""


class YearLink(NamedTuple):
    """A link to a year's page of events."""

    year: int
    path: str
    """The year page's source path."""
    anchor: str = ""
    """The section of the page to go to, or empty for the top."""


@dataclass(frozen=True)
class EventLists:
    """A page's upcoming and past lists, each cut short, with the links to a page per year."""

    upcoming: list[Markup]
    """The soonest upcoming events (``SOONEST_UPCOMING``), soonest first."""
    upcoming_count: int
    """How many upcoming events there are in all."""
    upcoming_years: list[YearLink]
    """Each year with upcoming events, soonest first: their pages list the ones not listed here."""
    past: list[Markup]
    """The latest past events (``RECENT_PAST``), latest first."""
    past_count: int
    """How many past events there are in all."""
    years: list[YearLink]
    """Each year with past events, latest first, linking to the past events on its page."""


def event_lists(
    site: Site, pages: Pages, events: list[Event], here: str, *, show_group: bool, year_path: YearPath
) -> EventLists:
    """Upcoming (soonest first) and past (latest first) events, from ``events`` in date order.

    Only the soonest upcoming and the latest past events are listed, then links to a page for each
    year, so the page stays the same size however many events there are.
    """
    upcoming = [e for e in events if not e.is_past(site.today)]
    past = [e for e in events if e.is_past(site.today)][::-1]
    ahead = sorted({e.meta.date.year for e in upcoming})
    behind = sorted({e.meta.date.year for e in past}, reverse=True)
    return EventLists(
        upcoming=entries(site, pages, upcoming[:SOONEST_UPCOMING], here, show_group=show_group),
        upcoming_count=len(upcoming),
        upcoming_years=[YearLink(year, year_path(year)) for year in ahead],
        past=entries(site, pages, past[:RECENT_PAST], here, show_group=show_group),
        past_count=len(past),
        years=[YearLink(year, year_path(year), PAST_SECTION if year in ahead else "") for year in behind],
    )


@dataclass(frozen=True)
class Year:
    """One year's events, as of the build: each list in date order."""

    upcoming: list[Event] = field(default_factory=list)
    past: list[Event] = field(default_factory=list)


def by_year(site: Site, events: list[Event]) -> dict[int, Year]:
    """Every year with ``events`` (in date order), latest year first, with its upcoming and past events."""
    years: dict[int, Year] = {}
    for event in events:
        year = years.setdefault(event.meta.date.year, Year())
        (year.past if event.is_past(site.today) else year.upcoming).append(event)
    return dict(sorted(years.items(), reverse=True))


def next_event(site: Site, events: list[Event]) -> Event | None:
    """The soonest upcoming event that people can still go to."""
    for event in events:
        if not event.is_past(site.today) and event.meta.status not in NOT_ATTENDABLE:
            return event
    return None


def group_name(site: Site, event: Event) -> str:
    """The name of the event's group (its folder name if the group is missing)."""
    group = site.groups.get(event.group)
    return group.name if group else event.group


def entries(site: Site, pages: Pages, events: list[Event], here: str, *, show_group: bool) -> list[Markup]:
    """Each event as an entry of a list on the page ``here``.

    An entry is made again only when its event or what it shows besides changed, so a preview rebuild
    remakes only the entries of events that changed (the year pages list every event).
    """
    store = reuse.current().pages("event-entries")
    return [_entry(store, site, pages, event, here, show_group) for event in events]


def _entry(
    store: reuse.Remembered, site: Site, pages: Pages, event: Event, here: str, show_group: bool
) -> Markup:
    def make() -> Markup:
        return Markup(pages.render("groups/entry.md", here, event=event, show_group=show_group).strip())

    # Everything groups/entry.md shows besides the event's own fields; tests/test_perf_memo.py edits each.
    extra = (group_name(site, event) if show_group else None, site.settings.example_notice)
    return store.get((event.path, here, show_group), event.meta, extra, make)
