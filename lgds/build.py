"""Every page, feed and data file the site publishes, made from the loaded models.

Each feature's page-making has ``build(site, pages) -> Iterable[Output]``: it works out what each page
shows and renders the page's template (``pages.page(...)``). ``BLOCKS`` fill the ``<!-- lgds:NAME -->``
markers of hand-written pages (the home page's headline, for example). Pure: returns outputs, writes
nothing.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from markupsafe import Markup

import lgds.core
import lgds.councils
import lgds.groups
import lgds.kit
import lgds.reviews
import lgds.sitewide
import lgds.standard
from lgds.core import assets, routes
from lgds.core.output import Output
from lgds.core.render import Pages, renderer
from lgds.core.reuse import Memory, current
from lgds.councils import coverage, opendata
from lgds.councils import pages as councils
from lgds.groups import events
from lgds.groups import pages as groups
from lgds.kit import packs, packzip, printpack
from lgds.kit import pages as kit
from lgds.reviews import pages as reviews
from lgds.site import Site
from lgds.sitewide import accessibility as quality
from lgds.sitewide import fork, home, owner, reference
from lgds.standard import pages as standard

TEMPLATES: dict[str, Path] = {
    package.__name__.removeprefix("lgds."): Path(str(package.__file__)).parent / "templates"
    for package in (
        lgds.core,
        lgds.standard,
        lgds.councils,
        lgds.groups,
        lgds.kit,
        lgds.reviews,
        lgds.sitewide,
    )
}
"""Each folder's templates, by the name that starts their template names (``councils/council.md``)."""

BUILDERS: tuple[Callable[..., Iterable[Output]], ...] = (
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
    reviews.build,
    reference.build,
    assets.build,
)

BLOCKS: dict[str, Callable[..., str]] = {
    **home.BLOCKS,
    **councils.BLOCKS,
    **events.BLOCKS,
    **fork.BLOCKS,
    **quality.BLOCKS,
    **owner.BLOCKS,
}


def pages_for(site: Site, memory: Memory | None = None) -> Pages:
    """The templates as they are now, ready to make ``site``'s pages."""
    return Pages(renderer(memory or current(), site.root, TEMPLATES), site)


def _call(function: Callable[..., Any], site: Site, pages: Pages, *rest: Any) -> Any:
    if len(inspect.signature(function).parameters) == 1 + len(rest):
        return function(site, *rest)  # not yet moved to templates
    return function(site, pages, *rest)


def build_all(site: Site, memory: Memory | None = None) -> list[Output]:
    """Every generated output, in a stable order."""
    memory = memory or current()
    with memory.using():
        pages = pages_for(site, memory)
        outputs: list[Output] = []
        for builder in BUILDERS:
            outputs.extend(_call(builder, site, pages))
    return outputs


MARKER = re.compile(r"<!-- lgds:([a-z0-9-]+) -->")


def fill_blocks(markdown: str, site: Site, here: str, pages: Pages) -> str:
    """Replace each ``<!-- lgds:NAME -->`` marker with its block; a block may be empty.

    ``tests/test_docs.py`` checks that every marker used in the pages names a known block.
    """

    def block(match: re.Match[str]) -> str:
        make = BLOCKS.get(match.group(1))
        if make is None:
            return ""
        if len(inspect.signature(make).parameters) == 1:
            return str(make(site))
        return str(make(site, pages, here))

    return MARKER.sub(block, markdown)


@dataclass
class Built:
    """One build's outputs, and what MkDocs needs to know about each: handed from hook to hook."""

    site: Site
    pages: Pages
    memory: Memory
    """What this build may reuse, in use again while blocks are filled."""
    sources: dict[str, str] = field(default_factory=dict)
    """The file a contributor edits to change each page, by the page's source path."""
    edit_urls: dict[str, str] = field(default_factory=dict)
    """Pages whose 'edit this page' link is not a file's (a new sign-up, say)."""

    def fill(self, markdown: str, here: str) -> str:
        with self.memory.using():
            return fill_blocks(markdown, self.site, here, self.pages)


def expand_nav(nav: list[Any], site: Site) -> list[Any]:
    """Put the 15 points under 'The Standard' in the sidebar; generated pages stay out of it.

    Titles are given here, not read from the pages, so the sidebar is right even on a ``--dirty``
    rebuild that does not read the pages whose files did not change.
    """
    if not nav:
        return nav
    index = routes.path("standard")
    # The theme writes titles into the sidebar as they are, so they are escaped here.
    points = [
        {Markup.escape(f"{p.number}. {p.title}"): routes.path("point", point=p)} for p in site.points.values()
    ]
    expanded = []
    for item in nav:
        if isinstance(item, dict):
            item = {k: ([{k: v}, *points] if v == index else v) for k, v in item.items()}
        expanded.append(item)
    return expanded


__all__ = ["BLOCKS", "Built", "Output", "build_all", "expand_nav", "fill_blocks", "pages_for"]
