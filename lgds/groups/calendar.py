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
- The words (a calendar's name, an event's summary and description) are plain-text templates:
  ``templates/calendar-*.txt``. icalendar escapes them for the format.
"""

from __future__ import annotations

import datetime as dt
import functools

import icalendar

from lgds.core import reuse, routes
from lgds.core.render import Pages
from lgds.groups.lists import group_name
from lgds.groups.models import Event, EventStatus, Group
from lgds.site import Site

PRODID = "-//LocalGov Digital Standard kit//lgds//EN"
TZID = "Europe/London"

ICS_STATUS = {
    EventStatus.PLANNED: "TENTATIVE",
    EventStatus.CONFIRMED: "CONFIRMED",
    EventStatus.POSTPONED: "CANCELLED",
    EventStatus.CANCELLED: "CANCELLED",
}


def stamp(site: Site) -> dt.datetime:
    """When the feed was made, reproducibly: midnight UTC on the build date."""
    return dt.datetime.combine(site.today, dt.time(0), dt.UTC)


def calendar_name(pages: Pages, group: Group | None = None) -> str:
    """The name calendar apps show for the feed of all events, or of ``group``'s."""
    return words(pages, "groups/calendar-name.txt", group=group)


def calendar_for(site: Site, pages: Pages, events: list[Event], *, name: str) -> bytes:
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
    parts += [_vevent_bytes(site, pages, e) for e in timed]
    parts.append(_END)
    return b"".join(parts)


_END = b"END:VCALENDAR\r\n"


def event_calendar(site: Site, pages: Pages, event: Event) -> bytes:
    """The event's own calendar (for 'add to calendar'), named by its title: the same bytes object
    while nothing in it changed, so a preview rebuild neither remakes nor re-fingerprints thousands."""
    vevent = _vevent_bytes(site, pages, event)
    title = event.meta.title
    # Kept by UID, with the VEVENT bytes and the name it was made from.
    own = reuse.current().pages("event-calendars")
    return own.get(event.uid, vevent, title, lambda: calendar_for(site, pages, [event], name=title))


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


def _vevent_bytes(site: Site, pages: Pages, event: Event) -> bytes:
    """The event's VEVENT, kept by UID: a preview rebuild makes only those of changed events again."""
    # Everything ``vevent`` reads besides the event's own fields: keep this in step with it and with
    # the templates it renders. tests/test_perf_memo.py edits each of them.
    entry = site.rounds.get(event.meta.round) if event.meta.round else None
    extra = (
        event.group,
        event.slug,
        site.today,
        group_name(site, event),
        (entry.number, entry.theme) if entry else None,
        site.settings.site_url,
    )
    made = reuse.current().pages("calendar-entries")
    return made.get(event.uid, event.meta, extra, lambda: vevent(site, pages, event).to_ical())


def page_address(site: Site, event: Event) -> str | None:
    """The full address of the event's page, when ``site.yml`` gives the site's address; a gathered
    event's page is on the regional site it came from."""
    if event.origin:
        return event.origin.page
    if not site.settings.site_url:
        return None
    return site.settings.address(routes.url(routes.path("event", event=event)))


def vevent(site: Site, pages: Pages, event: Event) -> icalendar.Event:
    """One event as a VEVENT, in UK time."""
    meta = event.meta
    page = page_address(site, event)
    item = icalendar.Event()
    item.add("uid", event.uid)
    item.add("dtstamp", stamp(site))
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("summary", words(pages, "groups/calendar-summary.txt", event=event))
    item.add("status", ICS_STATUS[meta.status])
    item.add("sequence", meta.sequence)
    location = words(pages, "groups/calendar-location.txt", event=event)
    if location:
        item.add("location", location)
    if meta.online:
        item.add("url", meta.online)
    elif page:
        item.add("url", page)
    entry = site.rounds.get(meta.round) if meta.round else None
    group = group_name(site, event)
    description = "groups/calendar-description.txt"
    item.add("description", words(pages, description, event=event, group=group, round=entry, page=page))
    item.add("categories", [group])
    return item


def words(pages: Pages, template: str, **data: object) -> str:
    """A plain-text template's words, without the line break that ends its last line."""
    return pages.text(template, **data).removesuffix("\n")
