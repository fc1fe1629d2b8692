"""Turn the loaded site into pages, feeds and data files. Pure: returns outputs, writes nothing.

Each builder module has ``build(site) -> Iterable[Output]``; ``BLOCKS`` maps names to functions that
fill ``<!-- lgds:NAME -->`` markers in hand-written pages (the home page's headline, for example).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..models.site import Site
from . import assets, councils, events, fork, groups, home, kit, packs, packzip, printpack, standard
from .output import Output

BUILDERS: tuple[Callable[[Site], Iterable[Output]], ...] = (
    standard.build,
    councils.build,
    groups.build,
    events.build,
    packs.build,
    printpack.build,
    packzip.build,
    kit.build,
    assets.build,
)

BLOCKS: dict[str, Callable[[Site], str]] = {**home.BLOCKS, **fork.BLOCKS}


def build_all(site: Site) -> list[Output]:
    """Every generated output, in a stable order."""
    outputs: list[Output] = []
    for builder in BUILDERS:
        outputs.extend(builder(site))
    return outputs


def fill_blocks(markdown: str, site: Site) -> str:
    """Replace each ``<!-- lgds:NAME -->`` marker with its block; unknown names are left alone."""
    for name, block in BLOCKS.items():
        marker = f"<!-- lgds:{name} -->"
        if marker in markdown:
            markdown = markdown.replace(marker, block(site))
    return markdown


__all__ = ["BLOCKS", "Output", "build_all", "fill_blocks"]
