"""The home page's blocks (``docs/index.md``): the number of points, and the links to the peer groups
and the kit. Their words are templates a fork can override."""

from __future__ import annotations

from collections.abc import Callable

from lgds.core.render import Pages
from lgds.site import Site


def points_count(site: Site, pages: Pages, here: str) -> str:
    return pages.render("sitewide/points-count.md", here, points=list(site.points.values())).strip()


def peer_groups_link(site: Site, pages: Pages, here: str) -> str:
    return pages.render("sitewide/peer-groups-link.md", here).strip()


def kit_link(site: Site, pages: Pages, here: str) -> str:
    return pages.render("sitewide/kit-link.md", here).strip()


BLOCKS: dict[str, Callable[[Site, Pages, str], str]] = {
    "points-count": points_count,
    "peer-groups-link": peer_groups_link,
    "kit-link": kit_link,
}
