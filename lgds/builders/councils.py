"""Pages for councils: see the issue that builds them."""

from __future__ import annotations

from collections.abc import Iterator

from ..models.site import Site
from .output import Output


def build(site: Site) -> Iterator[Output]:
    yield from ()
