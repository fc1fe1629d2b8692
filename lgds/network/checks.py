"""The rules every regional site's events must meet, whether just fetched by ``lgds gather`` or read
back from ``data/network/`` by the build: the same checks as local content (the published format's
fields are the event file's), and links only to the site the data came from.

Gathered data is untrusted. Its text is plain (no HTML) and is escaped where it is written, like any
content; its event pages must be on the site it came from; a join or booking link that points anywhere
else is replaced by the event's page there, which carries it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lgds.core.problems import Problems, kind
from lgds.core.sources import Source
from lgds.core.validate import validate
from lgds.network.models import EventsData, PublishedEvent, RegionalSite

LOCAL_HOSTS = ("127.0.0.1", "localhost")
"""The only hosts an http:// address may name: a test on this machine."""

FOREIGN_PAGE = kind(
    "gathered-foreign-page",
    "the page of event `{id}` is {value}, which is not on {name}'s site",
    expected="the address of a page under {address}",
    fix="the regional site must publish its own pages: ask its maintainers to set site_url in its "
    "site.yml to {address}, then gather again",
    area="network",
)
NO_PAGE = kind(
    "gathered-no-page",
    "event `{id}` has no page address: {name}'s site publishes its events without its address",
    expected="each event's full page address under {address}",
    fix="ask the site's maintainers to set site_url in its site.yml to {address}, then gather again",
    area="network",
)
WRONG_GROUP = kind(
    "gathered-wrong-group",
    "event `{id}` belongs to the group `{value}`, but network.yml lists {name}'s site for `{group}`",
    expected="only events of the group `{group}`, whose identifiers end in `.{group}@lgds-kit`",
    fix="correct the group in network.yml, or ask the site's maintainers to publish only its own group",
    area="network",
)
REPEATED_ID = kind(
    "gathered-repeated-id",
    "the identifier `{id}` is given to more than one event",
    expected="each event once",
    fix="ask the site's maintainers to check their events, then gather again",
    area="network",
)


def address_fault(address: str) -> str:
    """Why ``address`` cannot be a regional site's address, or "" when it can."""
    parts = urlsplit(address)
    if parts.query or parts.fragment or "?" in address or "#" in address:
        return "a site's address has no part after ? or #"
    if parts.username or parts.password or "@" in parts.netloc:
        return "a site's address has no user name or password"
    if parts.scheme == "https":
        return ""
    if parts.scheme == "http" and parts.hostname in LOCAL_HOSTS:
        return ""
    if parts.scheme == "http":
        return "it must start with https:// (http:// is only for a test on this machine, 127.0.0.1)"
    return "it must start with https://"


def on_site(entry: RegionalSite, link: str) -> bool:
    """True when ``link`` is a page or file under the regional site's address."""
    site, there = urlsplit(entry.root), urlsplit(link)
    return (
        there.scheme == site.scheme
        and there.netloc.lower() == site.netloc.lower()
        and there.path.startswith(site.path)
        and "@" not in there.netloc
    )


def check_data(
    entry: RegionalSite,
    source: Source,
    problems: Problems,
    at: tuple[str, ...] = (),
    data: EventsData | None = None,
) -> EventsData | None:
    """The site's data at ``at`` in ``source`` (or ``data``, already made from it) checked, or None;
    every fault reported at its line.

    Events that break a rule are reported; the data is returned only when every event keeps them, so
    one bad event keeps the whole last good copy (a reviewer then sees the whole change at once).
    """
    found = Problems()
    if data is None:
        data = validate(EventsData, source, found, at)
    if data is not None:
        seen: set[str] = set()
        for i, event in enumerate(data.events):
            line = source.line(*at, "events", i)
            _check_event(entry, event, found, source.path, line, seen)
    problems.extend(found)
    return data if data is not None and not found.errors else None


def _check_event(
    entry: RegionalSite, event: PublishedEvent, problems: Problems, path: str, line: int, seen: set[str]
) -> None:
    values = {"id": event.id, "name": entry.name, "address": entry.root, "group": entry.group}
    if event.id in seen:
        problems.add(REPEATED_ID, path, line, **values)
    seen.add(event.id)
    if event.group != entry.group or not event.id.endswith(f".{entry.group}@lgds-kit"):
        problems.add(WRONG_GROUP, path, line, value=event.group, **values)
    if event.page is None:
        problems.add(NO_PAGE, path, line, **values)
    elif not on_site(entry, event.page):
        problems.add(FOREIGN_PAGE, path, line, value=event.page, **values)


def own_link(entry: RegionalSite, event: PublishedEvent, link: str | None) -> str | None:
    """A join or booking link as shown here: itself when on the regional site, else the event's page."""
    if link is None or on_site(entry, link):
        return link
    return event.page
