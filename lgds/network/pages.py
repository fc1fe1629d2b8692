"""The network page at /network/: every regional site this site gathers events from, when its events
were last gathered, and how many there are."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from lgds.core import routes
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.network.load import NETWORK
from lgds.network.models import RegionalSite
from lgds.site import Site


@dataclass(frozen=True)
class Row:
    """One regional site on the network page."""

    site: RegionalSite
    gathered: dt.datetime | None
    """When its copy was fetched, or None when there is no good copy yet."""
    events: int
    """How many of its events the copy holds."""
    shown: int
    """How many of them are shown as gathered: the others this site also holds itself."""
    group: bool
    """Whether its group has a page on this site."""


def build(site: Site, pages: Pages) -> Iterator[Output]:
    if site.network is None:
        return
    shown: dict[str, int] = {}
    for event in site.events:
        if event.origin:
            shown[event.group] = shown.get(event.group, 0) + 1
    rows = []
    for entry in site.network.sites:
        copy = site.gathered.get(entry.group)
        rows.append(
            Row(
                site=entry,
                gathered=copy.gathered if copy else None,
                events=len(copy.data.events) if copy else 0,
                shown=shown.get(entry.group, 0),
                group=entry.group in site.groups,
            )
        )
    yield pages.page("network/network.md", routes.path("network"), source=NETWORK, rows=rows)
