"""An Atom feed of events and write-ups at /events.atom, made with feedgen, the same bytes every build.

An entry's id comes from the group and file name, so it never changes. Its ``updated`` time is the
event's day (there is no record of when a file was edited that survives a fresh checkout), and the
feed's own ``updated`` is the build date: both come from the content and SOURCE_DATE_EPOCH, not the clock.
Links are relative to the feed, which sits at the root of the site, unless ``site.yml`` gives the site's
address: then they are in full, so they still work when a feed reader shows an entry on its own.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from lgds.groups.calendar import stamp
from lgds.groups.lists import group_name, short_date
from lgds.groups.models import UK_TIME, Event, EventStatus
from lgds.site import Site

FEED_ID = "tag:lgds-kit,2016:events"
RECENT_WRITE_UPS = 50
"""How many past events the feed carries besides every upcoming one: feed readers only look back a
little way, and a feed of every event ever would grow with each one."""


def entry_id(event: Event) -> str:
    return f"tag:lgds-kit,2016:peer-groups/{event.group}/events/{event.slug}"


def feed(site: Site) -> bytes:
    """Every upcoming event as an announcement and the latest past ones as write-ups, newest first."""
    gen = FeedGenerator()
    gen.id(FEED_ID)
    gen.title("Peer group events and write-ups")
    gen.subtitle(
        "New events and write-ups from the regional peer groups for the Local Government Digital Service Standard."
    )
    gen.author({"name": "The peer group facilitators"})
    address = site.settings.address
    gen.link(href=address("events.atom"), rel="self", type="application/atom+xml")
    gen.link(href=address("events/"), rel="alternate", type="text/html")
    gen.language("en-GB")
    gen.updated(stamp(site))
    for event in _in_feed(site):
        entry = gen.add_entry()
        entry.id(entry_id(event))
        entry.title(_title(site, event))
        entry.link(href=address(event.url), rel="alternate", type="text/html")
        day = dt.datetime.combine(event.meta.date, dt.time(0), UK_TIME)
        entry.updated(day)
        entry.published(day)
        entry.summary(_summary(site, event))
    return gen.atom_str(pretty=True)


def _in_feed(site: Site) -> list[Event]:
    ordered = sorted(site.events, key=lambda e: (e.meta.date, e.group, e.slug))
    past = [e for e in ordered if e.is_past(site.today)]
    return past[-RECENT_WRITE_UPS:] + [e for e in ordered if not e.is_past(site.today)]


def _title(site: Site, event: Event) -> str:
    group = group_name(site, event)
    if event.is_past(site.today):
        return f"Write-up: {event.meta.title} ({group}, {short_date(event)})"
    prefix = {EventStatus.CANCELLED: "Cancelled: ", EventStatus.POSTPONED: "Postponed: "}.get(
        event.meta.status, ""
    )
    return f"{prefix}{event.meta.title} ({group}, {short_date(event)})"


def _summary(site: Site, event: Event) -> str:
    meta = event.meta
    parts = []
    if meta.example:
        parts.append("An example event, made up to show how the site works.")
    if event.timed and event.starts_at and event.ends_at:
        parts.append(f"{short_date(event)}, {event.starts_at:%H:%M} to {event.ends_at:%H:%M} UK time.")
    if meta.venue:
        parts.append(f"At {meta.venue.name}.")
    if meta.online:
        parts.append("Online.")
    parts.append(f"Status: {meta.status.label}.")
    first = _first_paragraph(event.body)
    if first:
        parts.append(first)
    return " ".join(parts)


def _first_paragraph(body: str) -> str:
    """The first plain paragraph of the body, skipping notes and headings."""
    for block in body.strip().split("\n\n"):
        block = block.strip()
        if block and not block.startswith(("!!!", "#", "-", "    ", "|")):
            return " ".join(block.split())
    return ""
