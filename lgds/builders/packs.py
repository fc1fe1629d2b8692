"""Pages for packs: see the issue that builds them."""

from __future__ import annotations

from collections.abc import Iterator

from ..models.site import Site
from .output import Output


def build(site: Site) -> Iterator[Output]:
    yield from ()


def page_path(pack) -> str | None:
    """A pack's page in the site, or None while packs have no pages."""
    return None
