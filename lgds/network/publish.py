"""What every copy of the kit publishes for the network: its own events as open data at
/data/events.json, in the versioned format of ``models.EventsData``, and that format's JSON Schema at
/data/schema/events.json. Gathered events are not published again: each site publishes only its own,
and a regional site (``group`` set in ``site.yml``) only its group's, though it keeps upstream's files.

An event's ``page`` is its full address, which needs ``site_url`` in ``site.yml``. Without it the file
is still published, with ``site`` and every ``page`` null, and a national site cannot gather from it
(``lgds gather`` says why).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import Any

from lgds.core import jsonlist, reuse, routes
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.groups.models import Event
from lgds.network.models import FORMAT_VERSION, EventsData, json_schema
from lgds.site import Site

EVENTS_FILE = "events.json"
SCHEMA_FILE = "schema/events.json"
"""The files published in /data/."""


def build(site: Site, pages: Pages) -> Iterator[Output]:
    yield Output(routes.path("data-file", file=EVENTS_FILE), events_json(site, pages))
    yield Output(routes.path("data-file", file=SCHEMA_FILE), schema_json(site))


def events_json(site: Site, pages: Pages) -> str:
    """The site's own events in the published format, in date order."""
    made = reuse.current().store("published-events")
    group = site.settings.group  # a regional site publishes its own group's events, the national site all
    own = [  # each event's entry, encoded again only when its file or the site's address changed
        made.get(e.path, e.meta, site.settings.site_url, functools.partial(_entry, site, e))
        for e in site.events
        if not e.origin and (not group or e.group == group)
    ]
    head = {
        "version": FORMAT_VERSION,
        "name": pages.text("network/site-name.txt").strip(),
        "site": site.settings.site_url,
        "group": site.settings.group,
        "generated": site.today.isoformat(),
    }
    return jsonlist.document(head, "events", own)


def _entry(site: Site, event: Event) -> str:
    return jsonlist.entry(record(site, event))


def schema_json(site: Site) -> str:
    about = "A site's own peer-group events, published at /data/events.json by every copy of the kit."
    schema = json_schema(EventsData, "Peer-group events published by a site", about)
    if site.settings.site_url:
        schema["$id"] = site.settings.address(routes.path("data-file", file=SCHEMA_FILE))
    return json.dumps(schema, ensure_ascii=False, indent=1) + "\n"


def _clock(value: Any) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _line(value: str | None) -> str | None:
    """A value as one line: the published format's text is plain, on one line."""
    return " ".join(value.split()) or None if value else None


def record(site: Site, event: Event) -> dict[str, Any]:
    """One event as published: everything its calendar entry holds, and its page's full address."""
    meta = event.meta
    page = (
        site.settings.address(routes.url(routes.path("event", event=event)))
        if site.settings.site_url
        else None
    )
    venue = meta.venue
    return {
        "id": event.uid,
        "group": event.group,
        "page": page,
        "title": meta.title,
        "date": meta.date.isoformat(),
        "approximate_date": meta.approximate_date,
        "start": _clock(meta.start),
        "end": _clock(meta.end),
        "status": meta.status.value,
        "sequence": meta.sequence,
        "venue": {
            "name": venue.name,
            "address": venue.address,
            "postcode": venue.postcode,
            "access": _line(venue.access),
            "arrival": _line(venue.arrival),
        }
        if venue
        else None,
        "online": meta.online,
        "booking": meta.booking,
        "round": meta.round,
        "example": meta.example,
    }
