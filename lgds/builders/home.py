"""Blocks for hand-written pages that depend on data; domains add their own to ``BLOCKS``."""

from __future__ import annotations

from collections.abc import Callable

from ..models.site import Site


def points_count(site: Site) -> str:
    return str(len(site.points))


def peer_groups_link(site: Site) -> str:
    return "[Find a peer group](peer-groups/index.md)"


def kit_link(site: Site) -> str:
    return "[Open the franchise kit](franchise-kit/index.md)"


def nothing(site: Site) -> str:
    """For blocks a domain has not filled yet on this copy: they show nothing rather than a marker."""
    return ""


BLOCKS: dict[str, Callable[[Site], str]] = {
    "points-count": points_count,
    "peer-groups-link": peer_groups_link,
    "kit-link": kit_link,
    # Filled by the domains that own the data: sign-ups, events, forks, quality checks.
    "signup-headline": nothing,
    "next-events": nothing,
    "fork-home": nothing,
    "accessibility-testing": nothing,
}
