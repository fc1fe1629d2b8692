"""Blocks for hand-written pages that depend on data; other domains add their own blocks beside these."""

from __future__ import annotations

from collections.abc import Callable

from lgds.site import Site


def points_count(site: Site) -> str:
    return str(len(site.points))


def peer_groups_link(site: Site) -> str:
    return "[Find a peer group](peer-groups/index.md)"


def kit_link(site: Site) -> str:
    return "[Open the franchise kit](franchise-kit/index.md)"


BLOCKS: dict[str, Callable[[Site], str]] = {
    "points-count": points_count,
    "peer-groups-link": peer_groups_link,
    "kit-link": kit_link,
}
