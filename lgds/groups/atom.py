"""An Atom feed of events and write-ups at /events.atom, made with feedgen, the same bytes every build.

An entry's id comes from the group and file name, so it never changes. Its ``updated`` time is the
event's day (there is no record of when a file was edited that survives a fresh checkout), and the
feed's own ``updated`` is the build date: both come from the content and SOURCE_DATE_EPOCH, not the clock.
Links are relative to the feed, which sits at the root of the site, unless ``site.yml`` gives the site's
address: then they are in full, so they still work when a feed reader shows an entry on its own.
The words (the feed's title, an entry's title and summary) are plain-text templates,
``templates/feed-*.txt``; feedgen escapes them for XML.

The feed carries the 50 soonest upcoming events and the 50 latest past ones, so it stays the same size
however many events there are (a national site gathers every region's, planned months ahead). The
pages for each year at /events/<year>/ list the rest.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from lgds.core import routes
from lgds.core.render import Pages
from lgds.groups.calendar import stamp, words
from lgds.groups.lists import group_name
from lgds.groups.models import UK_TIME, Event
from lgds.site import Site

FEED_ID = "tag:lgds-kit,2016:events"
RECENT_WRITE_UPS = 50
"""How many past events the feed carries: feed readers only look back a little way, and a feed of
every event ever would grow with each one."""
SOONEST_ANNOUNCED = 50
"""How many upcoming events the feed carries, soonest first: the later ones come into it as these
take place."""


def entry_id(event: Event) -> str:
    return f"tag:lgds-kit,2016:peer-groups/{event.group}/events/{event.slug}"


def feed(site: Site, pages: Pages) -> bytes:
    """The soonest upcoming events as announcements and the latest past ones as write-ups, newest first."""
    gen = FeedGenerator()
    gen.id(FEED_ID)
    gen.title(words(pages, "groups/feed-title.txt"))
    gen.subtitle(words(pages, "groups/feed-subtitle.txt"))
    gen.author({"name": words(pages, "groups/feed-author.txt")})
    address = site.settings.address
    gen.link(href=address(routes.path("news-feed")), rel="self", type="application/atom+xml")
    gen.link(href=address(routes.url(routes.path("events"))), rel="alternate", type="text/html")
    gen.language("en-GB")
    gen.updated(stamp(site))
    for event in _in_feed(site):
        entry = gen.add_entry()
        entry.id(entry_id(event))
        past, group = event.is_past(site.today), group_name(site, event)
        entry.title(words(pages, "groups/feed-entry-title.txt", event=event, past=past, group=group))
        page = event.elsewhere or address(routes.url(routes.path("event", event=event)))
        entry.link(href=page, rel="alternate", type="text/html")
        day = dt.datetime.combine(event.meta.date, dt.time(0), UK_TIME)
        entry.updated(day)
        entry.published(day)
        first = _first_paragraph(event.body)
        entry.summary(words(pages, "groups/feed-entry-summary.txt", event=event, first=first))
    return gen.atom_str(pretty=True)


def _in_feed(site: Site) -> list[Event]:
    ordered = sorted(site.events, key=lambda e: (e.meta.date, e.group, e.slug))
    past = [e for e in ordered if e.is_past(site.today)]
    upcoming = [e for e in ordered if not e.is_past(site.today)]
    return past[-RECENT_WRITE_UPS:] + upcoming[:SOONEST_ANNOUNCED]


def _first_paragraph(body: str) -> str:
    """The first plain paragraph of the body, skipping notes and headings."""
    for block in body.strip().split("\n\n"):
        block = block.strip()
        if block and not block.startswith(("!!!", "#", "-", "    ", "|")):
            return " ".join(block.split())
    return ""
