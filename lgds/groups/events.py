"""Event pages, the /events/ list across groups, and the home page's 'next events' block.

Each event gets /peer-groups/<group>/events/<date>-<slug>/ with everything needed to attend, and an
.ics file beside it for 'add to calendar'.
"""

from __future__ import annotations

from collections.abc import Iterator

from lgds.core import reuse as incremental
from lgds.core import routes
from lgds.core.legacy import example_notice, link, page, text
from lgds.core.output import Output
from lgds.councils.pages import council_path
from lgds.groups import atom, calendar
from lgds.groups.lists import (
    archive_page,
    as_of,
    data_attrs,
    event_ics,
    event_lists,
    event_page,
    group_name,
    item,
    long_date,
    next_event,
    past_by_year,
    when,
)
from lgds.groups.load_events import event_points
from lgds.groups.models import Event, EventStatus
from lgds.kit import packs as packs_builder
from lgds.site import Site

INDEX = "events/index.md"
ATOM = "events.atom"

STATUS_NOTICES = {
    EventStatus.CANCELLED: (
        "danger",
        "This event is cancelled",
        "It will not take place and booking is closed. If you had booked, you do not need to do anything.",
    ),
    EventStatus.POSTPONED: (
        "warning",
        "This event is postponed",
        "It will not take place on this date. The new date will appear on this page, and booking will "
        "open again then.",
    ),
    EventStatus.PLANNED: (
        "info",
        "This event is not confirmed yet",
        "The date, times and place may still change. Booking opens once they are confirmed.",
    ),
}


def build(site: Site) -> Iterator[Output]:
    shared = _shared(site)
    for event in site.events:
        yield Output(event_page(event), _remembered_event(site, event, shared), source=event.path)
        if event.timed:
            yield Output(event_ics(event), calendar.event_calendar(site, event))
    yield Output(INDEX, _index(site))
    by_year = past_by_year(site, site.events)
    for year in by_year:
        back = f"[All peer group events]({link(year_path(year), INDEX)})"
        body = archive_page(site, by_year, year, year_path(year), year_path, show_group=True, back=back)
        yield Output(year_path(year), page(f"Past events in {year}", body))
    yield Output(calendar.ALL, calendar.calendar_for(site, site.events, name="Peer group events"))
    yield Output(ATOM, atom.feed(site))


_pages = incremental.Remembered()
"""Each event's page, so a preview remakes only the events that changed."""


def _remembered_event(site: Site, event: Event, shared: str) -> str:
    """The event's page, made again only when its file or something every event page shows changed."""
    return _pages.get(event.path, event.meta, (event.body, shared), lambda: _event(site, event))


def _shared(site: Site) -> str:
    """A fingerprint of everything an event page shows besides its own file. Keep it in step with
    ``_event`` and what it calls: ``tests/test_perf_incremental.py`` edits each of these."""
    return incremental.fingerprint(
        site.today.isoformat(),
        site.settings.model_dump(mode="json"),
        {slug: group.name for slug, group in site.groups.items()},
        {code: [c.official_name, str(c.end_date)] for code, c in site.councils.items()},
        {n: [entry.number, entry.theme] for n, entry in site.rounds.items()},
        {key: [p.slug, p.group, p.meta.title, sorted(p.meta.points)] for key, p in site.packs.items()},
        {n: [point.title, point.slug] for n, point in site.points.items()},
    )


def year_path(year: int) -> str:
    """A year's page of past events from every group: /events/<year>/."""
    return f"events/{year}.md"


def page_path(event: Event) -> str | None:
    """An event's page in the site, for links from other pages (the Standard's points, for example)."""
    return event_page(event)


def _event(site: Site, event: Event) -> str:
    here, meta = event_page(event), event.meta
    past = event.is_past(site.today)
    parts: list[str] = []
    if meta.example and site.settings.example_notice:
        parts.append(example_notice("This event is made up, and so are its venue, postcode and links."))
    if meta.status in STATUS_NOTICES and not (past and meta.status is EventStatus.PLANNED):
        style, title, body = STATUS_NOTICES[meta.status]
        parts.append(f'!!! {style} "{title}"\n    {body}\n')
    if event.timed and not past and meta.status not in (EventStatus.CANCELLED, EventStatus.POSTPONED):
        parts.append(
            f'<p class="lgds-event-passed" hidden data-lgds-show-after="{event.ends_at.isoformat()}">'
            "<strong>This event has now taken place.</strong></p>\n"
        )
    parts.append(_summary(site, event, here, past))
    if event.body.strip():
        parts += ["", event.body.strip(), ""]
    parts += _getting_there(site, event)
    parts += _covers(site, event, here)
    group_page = f"peer-groups/{event.group}/index.md"
    parts += [
        "",
        "---",
        "",
        f"[More from the {text(group_name(site, event))}]({link(here, group_page)}) · "
        f"[All peer group events]({link(here, INDEX)})",
    ]
    return page(meta.title, "\n".join(parts), source=event.path)


def _summary(site: Site, event: Event, here: str, past: bool) -> str:
    meta = event.meta
    rows = [("When", when(event))]
    place = []
    if meta.venue:
        place.append(
            ", ".join(text(v) for v in (meta.venue.name, meta.venue.address, meta.venue.postcode) if v)
        )
    if meta.online:
        place.append(f"Online: [join the event online]({meta.online})")
    rows.append(("Where", "<br>".join(place)))
    if meta.host and meta.host in site.councils:
        host = site.councils[meta.host]
        if host.current:
            rows.append(("Host", f"[{text(host.official_name)}]({link(here, council_path(host))})"))
        else:  # abolished since: it has no page of its own to link to
            end = host.end_date
            rows.append(("Host", f"{text(host.official_name)} (until {end.day} {end:%B %Y})"))
    rows.append(
        ("Group", f"[{text(group_name(site, event))}]({link(here, f'peer-groups/{event.group}/index.md')})")
    )
    rows.append(("Status", meta.status.label))
    rows.append(("Booking", _booking(event, past)))
    if event.timed and meta.status is not EventStatus.POSTPONED:
        rows.append(
            (
                "Calendar",
                f"[Add this event to your calendar]({link(here, event_ics(event))}) "
                "(an .ics file for Outlook, Google Calendar or Apple Calendar)",
            )
        )
    body = "\n\n".join(f"{name}\n:   {value}" for name, value in rows)
    return f'<div class="lgds-event-summary"{data_attrs(event)} markdown>\n\n{body}\n\n</div>\n'


def _booking(event: Event, past: bool) -> str:
    meta = event.meta
    if past:
        return "This event has taken place."
    if meta.status is EventStatus.CANCELLED:
        return "Booking is closed because the event is cancelled."
    if meta.status is EventStatus.POSTPONED:
        return "Booking will open again when the new date is set."
    if meta.booking:
        return f"[Book a place]({meta.booking})"
    return "Booking is not open yet. Ask the group using its contact details if you want to come."


def _getting_there(site: Site, event: Event) -> list[str]:
    meta = event.meta
    if meta.approximate_date:
        return []
    lines = ["", "## Getting there", ""]
    venue = meta.venue
    if venue:
        address = [text(v) for v in (venue.name, venue.address, venue.postcode) if v]
        lines += ["### In person", "", "  \n".join(address), ""]
        if venue.arrival:
            lines += [text(venue.arrival), ""]
        else:
            lines += [
                "The venue has not given arrival instructions. On the day, ask at the reception for "
                "the peer group, or use the group's contact details if you cannot find the room.",
                "",
            ]
    if meta.online:
        lines += [
            "### Online",
            "",
            f"[Join the event online]({meta.online}). Test the link the day before, in case your "
            "council's computers block the meeting software.\n{: .lgds-links }",
            "",
        ]
    lines += ["## Access", ""]
    if venue and venue.access:
        lines.append(text(venue.access))
    elif venue:
        lines.append(
            "The venue has not described its access yet. If you need step-free access, a hearing loop, "
            "a quiet room or anything else, tell the group when you book."
        )
    else:
        lines.append(
            "This event is online only. Tell the group when you book if you need captions or other support."
        )
    return lines


def _covers(site: Site, event: Event, here: str) -> list[str]:

    meta = event.meta
    lines = ["", "## What the session covers", ""]
    entry = site.rounds.get(meta.round) if meta.round else None
    if entry:
        lines += [f"Round {entry.number} of the franchise: {text(entry.theme)}.", ""]
    for slug in meta.packs:
        pack = site.packs.get(f"{event.group}/{slug}") or site.packs.get(slug)
        target = packs_builder.page_path(pack) if pack else None
        title = pack.meta.title if pack else slug.replace("-", " ").capitalize()
        lines.append(
            f"- Session pack: [{text(title)}]({link(here, target)})"
            if target
            else f"- Session pack: {text(title)}"
        )
    for number in sorted(event_points(site, event)):
        point = site.points.get(number)
        if point:
            lines.append(
                f"- Point {number}: [{text(point.title)}]({link(here, routes.path('point', point=point))})"
            )
    return lines if len(lines) > 3 else []


def _index(site: Site) -> str:
    parts = [
        "Events run by the regional peer groups: what is coming up, and write-ups of what has happened. "
        "Times are UK time.",
        "",
        event_lists(site, site.events, INDEX, archive=year_path),
        "",
        "## Follow events",
        "",
        '<div class="lgds-links" markdown>',
        "",
        f"- [Calendar feed of all events]({link(INDEX, calendar.ALL)}): subscribe in Outlook, Google "
        "Calendar or Apple Calendar to see new and changed events.",
        f"- [News feed of events and write-ups]({link(INDEX, ATOM)}) (Atom), for a feed reader.",
    ]
    for group in site.groups.values():
        parts.append(
            f"- [Calendar feed for the {text(group.name)}]({link(INDEX, calendar.group_path(group.slug))})"
        )
    parts += ["", "</div>"]
    return page("Events", "\n".join(parts))


def next_events_block(site: Site) -> str:
    """The home page's list of the next few events (links are relative to the site's root)."""
    upcoming = [
        e for e in site.events if not e.is_past(site.today) and e.meta.status is not EventStatus.CANCELLED
    ]
    if not upcoming:
        return ""
    here = "index.md"
    rows = [item(site, e, here) for e in upcoming[:3]]
    return "\n".join(
        [
            "## Next events",
            "",
            as_of(site),
            "",
            '<ul class="lgds-events" data-lgds-list="upcoming" markdown>',
            *rows,
            "</ul>",
            "",
            f"[See all peer group events]({link(here, INDEX)})",
        ]
    )


BLOCKS = {"next-events": next_events_block}

__all__ = ["BLOCKS", "build", "long_date", "next_event", "page_path"]
