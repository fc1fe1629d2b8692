"""Calendar feeds (RFC 5545), made with the icalendar library: all events, each group's, each event's.

Decisions, documented in docs/reference/event.md:

- UIDs come from the group and the file name only, so fixing a typo never makes a duplicate entry.
- Times are written in Europe/London with a VTIMEZONE, so calendars get the clock changes right.
- DTSTAMP is midnight UTC on the build date (SOURCE_DATE_EPOCH when set): the same content and build
  date always give the same bytes.
- Events with an approximate date (history whose day nobody recorded) are left out: putting a made-up
  day in people's calendars would be wrong, and they are all in the past.
- Cancelled and postponed events are STATUS:CANCELLED (a postponed event will not happen on that day);
  planned ones are TENTATIVE. SEQUENCE is the event's ``sequence`` field.
- URL is the event's online link, where people join it. An event with none links to its page instead,
  once ``site.yml`` gives the site's address (a calendar has nothing to resolve a relative link against).
"""

from __future__ import annotations

import datetime as dt
import functools

import icalendar

from lgds.core import reuse as incremental
from lgds.groups.lists import group_name
from lgds.groups.models import Event, EventStatus
from lgds.site import Site

ALL = "events.ics"
PRODID = "-//LocalGov Digital Standard kit//lgds//EN"
TZID = "Europe/London"

ICS_STATUS = {
    EventStatus.PLANNED: "TENTATIVE",
    EventStatus.CONFIRMED: "CONFIRMED",
    EventStatus.POSTPONED: "CANCELLED",
    EventStatus.CANCELLED: "CANCELLED",
}


def group_path(slug: str) -> str:
    """A group's calendar feed: /peer-groups/<slug>/events.ics."""
    return f"peer-groups/{slug}/events.ics"


def stamp(site: Site) -> dt.datetime:
    """When the feed was made, reproducibly: midnight UTC on the build date."""
    return dt.datetime.combine(site.today, dt.time(0), dt.UTC)


def calendar_for(site: Site, events: list[Event], *, name: str) -> bytes:
    """A whole calendar of the given events (those with a known day and times), as RFC 5545 bytes.

    The same bytes as adding every VEVENT to one ``icalendar.Calendar``, put together from parts made
    once each: icalendar takes milliseconds per event, and there is a calendar per event and per group.
    """
    timed = [e for e in events if e.timed]
    head = _head(name)
    parts = [head[: -len(_END)]]
    if timed:
        years = [e.meta.date.year for e in timed]
        parts.append(_zone(min(years), max(years)))
    parts += [_vevent_bytes(site, e) for e in timed]
    parts.append(_END)
    return b"".join(parts)


_END = b"END:VCALENDAR\r\n"

_own = incremental.Remembered()
"""Each event's own calendar, by UID, with the VEVENT bytes and name it was made from."""


def event_calendar(site: Site, event: Event) -> bytes:
    """The event's own calendar (for 'add to calendar'): the same bytes object while nothing in it
    changed, so a preview rebuild neither remakes nor re-fingerprints thousands of them."""
    vevent = _vevent_bytes(site, event)
    name = event.meta.title
    return _own.get(event.uid, vevent, name, lambda: calendar_for(site, [event], name=name))


def _head(name: str) -> bytes:
    """The calendar's opening lines: the same for every feed but for its name, so only that is made."""
    before, after = _fixed_head()
    return before + _name_line(name) + after


@functools.cache
def _fixed_head() -> tuple[bytes, bytes]:
    made = _calendar("")
    start = made.index(b"X-WR-CALNAME:")
    return made[:start], made[made.index(b"\r\n", start) + 2 :]


@functools.cache  # unbounded: a preview remakes every event's feed, and there may be thousands
def _name_line(name: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("x-wr-calname", name)
    lines = cal.to_ical()
    return lines[lines.index(b"X-WR-CALNAME:") : -len(_END)]


def _calendar(name: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    made = cal.to_ical()
    assert made.endswith(_END)
    return made


@functools.lru_cache(maxsize=256)
def _zone(first_year: int, last_year: int) -> bytes:
    zone = icalendar.Timezone.from_tzid(
        TZID, first_date=dt.date(first_year, 1, 1), last_date=dt.date(last_year + 1, 1, 1)
    )
    return zone.to_ical()


_made = incremental.Remembered()
"""Each event's VEVENT bytes, by UID: only changed events are remade."""


def _vevent_bytes(site: Site, event: Event) -> bytes:
    # Everything ``vevent`` reads besides the event's own fields: keep this in step with it and with
    # ``_description``. tests/test_perf_memo.py edits each of them.
    entry = site.rounds.get(event.meta.round) if event.meta.round else None
    extra = (
        event.group,
        event.slug,
        site.today,
        group_name(site, event),
        (entry.number, entry.theme) if entry else None,
        site.settings.site_url,
    )
    return _made.get(event.uid, event.meta, extra, lambda: vevent(site, event).to_ical())


def vevent(site: Site, event: Event) -> icalendar.Event:
    """One event as a VEVENT, in UK time."""
    meta = event.meta
    item = icalendar.Event()
    item.add("uid", event.uid)
    item.add("dtstamp", stamp(site))
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    summary = meta.title
    if meta.status is EventStatus.POSTPONED:
        summary = f"Postponed: {summary}"
    elif meta.status is EventStatus.CANCELLED:
        summary = f"Cancelled: {summary}"
    item.add("summary", summary)
    item.add("status", ICS_STATUS[meta.status])
    item.add("sequence", meta.sequence)
    location = _location(event)
    if location:
        item.add("location", location)
    if meta.online:
        item.add("url", meta.online)
    elif site.settings.site_url:
        item.add("url", site.settings.address(event.url))
    item.add("description", _description(site, event))
    item.add("categories", [group_name(site, event)])
    return item


def _location(event: Event) -> str:
    meta = event.meta
    parts = []
    if meta.venue:
        parts += [v for v in (meta.venue.name, meta.venue.address, meta.venue.postcode) if v]
    if meta.online:
        parts.append(f"Online: {meta.online}")
    return ", ".join(parts)


def _description(site: Site, event: Event) -> str:
    meta = event.meta
    lines = [f"{group_name(site, event)} event."]
    if meta.example:
        lines.append("This is an example event, made up to show how the site works.")
    if meta.status is EventStatus.POSTPONED:
        lines.append("Postponed: it will not take place on this date. A new date will follow.")
    if meta.status is EventStatus.CANCELLED:
        lines.append("Cancelled: it will not take place.")
    entry = site.rounds.get(meta.round) if meta.round else None
    if entry:
        lines.append(f"Round {entry.number}: {entry.theme}.")
    if meta.booking and meta.status not in (EventStatus.CANCELLED, EventStatus.POSTPONED):
        lines.append(f"Book a place: {meta.booking}")
    if meta.venue and meta.venue.access:
        lines.append(f"Access: {meta.venue.access}")
    if meta.online and site.settings.site_url:  # its URL is the meeting, so give the page here
        lines.append(f"Details: {site.settings.address(event.url)}")
    return "\n".join(lines)
