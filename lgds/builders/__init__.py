"""Turn the loaded site into pages, feeds and data files. Pure: returns outputs, writes nothing.

Each builder module has ``build(site) -> Iterable[Output]``; ``BLOCKS`` maps names to functions that
fill ``<!-- lgds:NAME -->`` markers in hand-written pages (the home page's headline, for example).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..models.site import Site
from . import (
    assets,
    councils,
    coverage,
    events,
    fork,
    groups,
    home,
    kit,
    opendata,
    packs,
    packzip,
    printpack,
    quality,
    reference,
    standard,
)
from .output import Output

BUILDERS: tuple[Callable[[Site], Iterable[Output]], ...] = (
    standard.build,
    councils.build,
    coverage.build,
    opendata.build,
    groups.build,
    events.build,
    packs.build,
    printpack.build,
    packzip.build,
    kit.build,
    reference.build,
    assets.build,
)

BLOCKS: dict[str, Callable[[Site], str]] = {
    **home.BLOCKS,
    **councils.BLOCKS,
    **events.BLOCKS,
    **fork.BLOCKS,
    **quality.BLOCKS,
}


def build_all(site: Site) -> list[Output]:
    """Every generated output, in a stable order."""
    outputs: list[Output] = []
    for builder in BUILDERS:
        outputs.extend(builder(site))
    return outputs


MARKER = re.compile(r"<!-- lgds:([a-z0-9-]+) -->")


def fill_blocks(markdown: str, site: Site) -> str:
    """Replace each ``<!-- lgds:NAME -->`` marker with its block; a block may be empty.

    ``tests/test_docs.py`` checks that every marker used in the pages names a known block.
    """
    return MARKER.sub(lambda m: BLOCKS[m.group(1)](site) if m.group(1) in BLOCKS else "", markdown)


__all__ = ["BLOCKS", "Output", "build_all", "fill_blocks"]
