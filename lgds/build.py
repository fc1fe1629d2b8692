"""Turn the loaded site into pages, feeds and data files. Pure: returns outputs, writes nothing.

Each builder module has ``build(site) -> Iterable[Output]``; ``BLOCKS`` maps names to functions that
fill ``<!-- lgds:NAME -->`` markers in hand-written pages (the home page's headline, for example).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from lgds.core import assets
from lgds.core.output import Output
from lgds.councils import coverage, opendata
from lgds.councils import pages as councils
from lgds.groups import events
from lgds.groups import pages as groups
from lgds.kit import packs, packzip, printpack
from lgds.kit import pages as kit
from lgds.site import Site
from lgds.sitewide import accessibility as quality
from lgds.sitewide import fork, home, reference
from lgds.standard import pages as standard

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
