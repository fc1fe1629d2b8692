"""How events read on pages: dates and times in UK time, and the event lists that update in the browser.

Lists carry each event's end as an ISO date-time with its UTC offset (``data-lgds-end``), so the
script in ``assets/js/events.js`` can move events that have ended to the past list without a rebuild.
Without JavaScript the lists stay correct as of the build date, and say so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from lgds.core import reuse as incremental
from lgds.core.legacy import attr, link, text
from lgds.groups.models import RECENT_PAST, Event, EventStatus
from lgds.site import Site

YearPath = Callable[[int], str]
"""Where a list's past events for one year are: the archive page's source path."""

NOT_ATTENDABLE = (EventStatus.CANCELLED, EventStatus.POSTPONED)


def event_page(event: Event) -> str:
    """The event page's source path: its URL is /peer-groups/<group>/events/<date>-<slug>/."""
    return f"peer-groups/{event.group}/events/{event.slug}.md"


def event_ics(event: Event) -> str:
    """The event's own calendar file, for 'add to calendar'."""
    return f"peer-groups/{event.group}/events/{event.slug}.ics"


def long_date(day: dt.date) -> str:
    """'Wednesday 10 February 2027', as GOV.UK writes dates."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def short_date(event: Event) -> str:
    """'10 February 2027', or 'July 2016' when only the month is known."""
    day = event.meta.date
    return f"{day:%B %Y}" if event.meta.approximate_date else f"{day.day} {day:%B %Y}"


def zone_name(moment: dt.datetime) -> str:
    """'GMT' in winter and 'BST' in summer, with the offset for readers outside the UK."""
    hours = int(moment.utcoffset().total_seconds() // 3600)
    return f"{moment.tzname()}, UTC+{hours}"


def when(event: Event) -> str:
    """The day and times as Markdown with machine-readable ``<time>`` elements."""
    meta = event.meta
    if meta.approximate_date:
        return f"{meta.date:%B %Y} (the exact day was not recorded)"
    start, end = event.starts_at, event.ends_at
    day = f'<time datetime="{meta.date.isoformat()}">{long_date(meta.date)}</time>'
    if start is None or end is None:
        return day
    return (
        f'{day}, <time datetime="{start.isoformat()}">{start:%H:%M}</time> to '
        f'<time datetime="{end.isoformat()}">{end:%H:%M}</time> UK time ({zone_name(start)})'
    )


def group_name(site: Site, event: Event) -> str:
    group = site.groups.get(event.group)
    return group.name if group else event.group


def where_short(event: Event) -> str:
    """One phrase for lists: the venue's name, 'online', or both."""
    meta = event.meta
    parts = []
    if meta.venue:
        parts.append(text(meta.venue.name))
    if meta.online:
        parts.append("online")
    return " and ".join(parts)


def example_tag(site: Site, event: Event) -> str:
    if event.meta.example and site.settings.example_notice:
        return ' <span class="lgds-tag lgds-tag--example">Example</span>'
    return ""


_items = incremental.Remembered()
"""Each list entry, by event, page and style: a preview rebuild remakes only the entries of events
that changed (the archive pages list every past event)."""


def item(site: Site, event: Event, here: str, *, show_group: bool = True) -> str:
    """One event in a list, with its end time for the browser and its status as a word."""
    # Everything ``_item`` reads besides the event's own fields; tests/test_perf_memo.py edits each.
    extra = (group_name(site, event) if show_group else None, site.settings.example_notice)
    return _items.get(
        (event.path, here, show_group),
        event.meta,
        extra,
        lambda: _item(site, event, here, show_group=show_group),
    )


def _item(site: Site, event: Event, here: str, *, show_group: bool) -> str:
    title = f"[{text(event.meta.title)}]({link(here, event_page(event))})"
    bits = [short_date(event)]
    if event.timed and event.starts_at:
        bits[0] += f", {event.starts_at:%H:%M}"
    if show_group:
        bits.append(text(group_name(site, event)))
    where = where_short(event)
    if where and not event.meta.approximate_date:
        bits.append(where)
    status = event.meta.status
    label = f' <strong class="lgds-status lgds-status--{status.value}">{status.label}</strong>'
    if status is EventStatus.CONFIRMED:
        label = ""
    return (
        f'<li{data_attrs(event)} markdown="span">{title}{example_tag(site, event)}{label}: '
        + ", ".join(bits)
        + "</li>"
    )


def data_attrs(event: Event) -> str:
    """What the browser needs to decide, later, whether the event has passed."""
    found = f' data-lgds-status="{attr(event.meta.status.value)}"'
    if event.timed and event.ends_at:
        found = f' data-lgds-end="{attr(event.ends_at.isoformat())}"' + found
    return found


def event_lists(
    site: Site,
    events: list[Event],
    here: str,
    *,
    show_group: bool = True,
    level: int = 2,
    archive: YearPath | None = None,
) -> str:
    """Upcoming (soonest first) and past (latest first) lists, with the date they are correct as of.

    With ``archive``, only the latest past events are listed, then links to a page for each year, so
    the page stays the same size however much history a group builds up.
    """
    upcoming = [e for e in events if not e.is_past(site.today)]
    past = [e for e in events if e.is_past(site.today)][::-1]
    shown = past[:RECENT_PAST] if archive else past
    hashes = "#" * level
    parts = [
        f"{hashes} Upcoming events",
        "",
        as_of(site),
        "",
        _list(site, upcoming, "upcoming", here, show_group),
        _empty("upcoming", "No upcoming events are listed yet.", hidden=bool(upcoming)),
        "",
        f"{hashes} Past events",
        "",
        _list(site, shown, "past", here, show_group),
        _empty("past", "No past events are recorded yet.", hidden=bool(past)),
    ]
    if archive and past:
        parts += ["", _by_year(past, here, archive)]
    return "\n".join(parts)


def past_by_year(site: Site, events: list[Event]) -> dict[int, list[Event]]:
    """Past events (as of the build) by year, latest year first; each year's events in date order."""
    years: dict[int, list[Event]] = {}
    for event in events:
        if event.is_past(site.today):
            years.setdefault(event.meta.date.year, []).append(event)
    return dict(sorted(years.items(), reverse=True))


def _by_year(past: list[Event], here: str, archive: YearPath) -> str:
    years = sorted({e.meta.date.year for e in past}, reverse=True)
    links = " · ".join(f"[{year}]({link(here, archive(year))})" for year in years)
    lead = (
        f"These are the latest {RECENT_PAST} of {len(past)} past events. " if len(past) > RECENT_PAST else ""
    )
    return f'<p class="lgds-archive-links" markdown="span">{lead}Past events by year: {links}</p>'


def archive_page(
    site: Site,
    by_year: dict[int, list[Event]],
    year: int,
    here: str,
    archive: YearPath,
    *,
    show_group: bool,
    back: str,
) -> str:
    """One year's past events, oldest first, with links to the other years and back to the main list.

    ``by_year`` is :func:`past_by_year` of the list; ``back`` is a Markdown link to the page whose list
    this continues.
    """
    years = sorted(by_year)
    in_year = by_year[year]
    others = " · ".join(str(y) if y == year else f"[{y}]({link(here, archive(y))})" for y in reversed(years))
    return "\n".join(
        [
            f"Events that took place in {year}, in date order. {back}",
            "",
            as_of(site),
            "",
            _list(site, in_year, "archive", here, show_group),
            "",
            f'<p class="lgds-archive-links" markdown="span">Past events by year: {others}</p>',
        ]
    )


def as_of(site: Site) -> str:
    day = site.today
    return (
        f'<p class="lgds-asof" data-lgds-asof="{day.isoformat()}">Correct as of {day.day} {day:%B %Y}, '
        "when this page was built.</p>"
    )


def _list(site: Site, events: list[Event], name: str, here: str, show_group: bool) -> str:
    rows = [item(site, e, here, show_group=show_group) for e in events]
    return "\n".join([f'<ul class="lgds-events" data-lgds-list="{name}" markdown>', *rows, "</ul>"])


def _empty(name: str, message: str, *, hidden: bool) -> str:
    return f'<p class="lgds-events-empty" data-lgds-empty="{name}"{" hidden" if hidden else ""}>{message}</p>'


def next_event(site: Site, events: list[Event]) -> Event | None:
    """The soonest upcoming event that people can still go to."""
    for event in events:
        if not event.is_past(site.today) and event.meta.status not in NOT_ATTENDABLE:
            return event
    return None
