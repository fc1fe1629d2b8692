"""Read ``network.yml`` and the copies ``lgds gather`` wrote to ``data/network/``, and add each
regional site's events to the site's events, marked with where they came from.

The build reads only these files: it needs no network. A copy is untrusted content, checked again as
if just fetched (a pull request could change it by hand). An event the site also holds itself (the
same identifier) is shown once, as the site's own.
"""

from __future__ import annotations

import datetime as dt
import functools

from lgds.core import reuse
from lgds.core.problems import Problems, kind
from lgds.core.sources import read_yaml
from lgds.core.validate import validate
from lgds.groups.models import Event, EventFile, Origin, Venue
from lgds.network.checks import address_fault, check_data, own_link
from lgds.network.jsonfile import MAX_COPY_BYTES, NOT_JSON, parse_copy
from lgds.network.models import GatheredCopy, NetworkFile, PublishedEvent, RegionalSite
from lgds.site import Site

NETWORK = "network.yml"
GATHERED = "data/network"
"""Where ``lgds gather`` writes each regional site's copy, as ``<group>.json``."""

BAD_ADDRESS = kind(
    "network-address",
    "`{value}` cannot be a regional site's address: {reason}",
    expected="the site's address starting with https://, like `https://north-west.example.org/`",
    fix="write the address the regional site is published at, as its site.yml gives it in site_url",
    area="network",
)
NETWORK_GROUP = kind(
    "network-unknown-group",
    "there is no peer group `{value}` on this site",
    expected="the folder name of a group under peer-groups/: {groups}",
    fix="add the group first (`lgds new-group`), or correct the name",
    area="network",
)
NETWORK_REPEAT = kind(
    "network-duplicate",
    "the {what} `{value}` is listed twice in network.yml; the first is at line {first}",
    expected="each regional site once, and one site per group",
    fix="remove one of the two lines",
    area="network",
)
COPY_UNLISTED = kind(
    "gathered-unlisted",
    "{file} is a gathered copy of `{value}`, which network.yml does not list",
    expected="a copy for each site in network.yml only",
    fix="delete the file, or add the site back to network.yml",
    warning=True,
    area="network",
)
COPY_MISMATCH = kind(
    "gathered-mismatch",
    "this copy says it is of `{value}` fetched from {source}, not of network.yml's `{group}` at {address}",
    expected="the copy `lgds gather` wrote for the site",
    fix="run `lgds gather` again to replace it",
    area="network",
)


def copy_path(entry: RegionalSite) -> str:
    """Where the regional site's copy is kept."""
    return f"{GATHERED}/{entry.group}.json"


def load(site: Site, problems: Problems) -> None:
    """Read network.yml, then each listed site's copy, and add the gathered events."""
    site.network = read_network(site, problems)
    if site.network is None:
        return
    local = {event.uid for event in site.events}
    added = False
    made = reuse.current().store("gathered-events")  # the same event while its copy is unchanged
    for entry in site.network.sites:
        copy = read_copy(site, entry, problems)
        if copy is None:
            continue
        site.gathered[entry.group] = copy
        for published in copy.data.events:
            extra = (entry.name, entry.root, site.settings.example_data, published.round in site.rounds)
            event = made.get(
                (entry.group, published.id),
                published,
                extra,
                functools.partial(gathered_event, site, entry, published),
            )
            if event is not None and event.uid not in local and entry.group in site.groups:
                site.events.append(event)
                added = True
    if added:
        site.events.sort(key=lambda e: (e.meta.date, e.meta.start or dt.time(0), e.group, e.slug))
    _unlisted(site, problems)


def read_network(site: Site, problems: Problems) -> NetworkFile | None:
    """network.yml checked, or None when the site has none; faults reported at their lines."""
    if not (site.root / NETWORK).is_file():
        return None
    source = read_yaml(site.root, NETWORK, problems)
    if source is None:
        return NetworkFile()
    found = validate(NetworkFile, source, problems)
    if found is None:
        return NetworkFile()
    kept: list[RegionalSite] = []
    first: dict[tuple[str, str], int] = {}
    for i, entry in enumerate(found.sites):
        line = source.line("sites", i)
        entry.locate(NETWORK, line)
        fault = address_fault(entry.address)
        if fault:
            problems.add(
                BAD_ADDRESS, NETWORK, source.line("sites", i, "address"), value=entry.address, reason=fault
            )
        if entry.group not in site.groups:
            names = ", ".join(site.groups) or "none yet"
            problems.add(
                NETWORK_GROUP, NETWORK, source.line("sites", i, "group"), value=entry.group, groups=names
            )
        repeated = False
        for what, value in (("group", entry.group), ("address", entry.root.lower()), ("name", entry.name)):
            if (what, value) in first:
                problems.add(NETWORK_REPEAT, NETWORK, line, what=what, value=value, first=first[what, value])
                repeated = True
            first.setdefault((what, value), line)
        if not fault and not repeated:
            kept.append(entry)
    return NetworkFile(sites=kept)


def read_copy(site: Site, entry: RegionalSite, problems: Problems) -> GatheredCopy | None:
    """The site's gathered copy checked, or None when there is none yet or it breaks a rule."""
    path = copy_path(entry)
    if not (site.root / path).is_file():
        return None
    try:
        with open(site.root / path, "rb") as file:
            raw = file.read(MAX_COPY_BYTES + 1)
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.add(NOT_JSON, path, 1, detail=str(exc))
        return None
    return check_copy(entry, text, path, problems)


def check_copy(entry: RegionalSite, text: str, path: str, problems: Problems) -> GatheredCopy | None:
    """A copy's text checked, as the build reads it: ``lgds gather`` writes only what passes."""
    source = parse_copy(text, path, problems)
    if source is None:
        return None
    copy = validate(GatheredCopy, source, problems)
    if copy is None:
        return None
    if copy.group != entry.group or not copy.source.startswith(entry.root):
        problems.add(
            COPY_MISMATCH,
            path,
            1,
            value=copy.group,
            source=copy.source,
            group=entry.group,
            address=entry.root,
        )
        return None
    if check_data(entry, source, problems, ("data",), copy.data) is None:
        return None
    return copy


def gathered_event(site: Site, entry: RegionalSite, published: PublishedEvent) -> Event | None:
    """A gathered event as one of the site's events, linking to its page on the regional site."""
    if published.example and not site.settings.example_data:
        return None
    slug, group = published.id.removesuffix("@lgds-kit").split(".", 1)
    venue = published.venue
    # Built without checking again: every value was checked as the published format, whose fields
    # are the event file's own types (a preview rebuild makes none of this again for an unchanged copy).
    meta = EventFile.model_construct(
        title=published.title,
        date=published.date,
        approximate_date=published.approximate_date,
        start=published.start,
        end=published.end,
        venue=Venue.model_construct(**dict(venue)) if venue else None,
        online=own_link(entry, published, published.online),
        booking=own_link(entry, published, published.booking),
        round=published.round if published.round in site.rounds else None,
        status=published.status,
        sequence=published.sequence,
        example=published.example,
        packs=[],  # given, not left to their default factories, which pydantic inspects slowly
        points=[],
    )
    meta.locate(copy_path(entry), 0)
    origin = Origin(name=entry.name, address=entry.root, page=published.page or entry.root)
    return Event(group=group, slug=slug, meta=meta, origin=origin)


def _unlisted(site: Site, problems: Problems) -> None:
    listed = {copy_path(entry) for entry in site.network.sites} if site.network else set()
    folder = site.root / GATHERED
    if not folder.is_dir():
        return
    for file in sorted(folder.glob("*.json")):
        path = f"{GATHERED}/{file.name}"
        if path not in listed:
            problems.add(COPY_UNLISTED, path, 0, file=path, value=file.stem)


__all__ = [
    "GATHERED",
    "NETWORK",
    "check_copy",
    "copy_path",
    "gathered_event",
    "load",
    "read_copy",
    "read_network",
]
