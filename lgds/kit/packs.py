"""Pack pages: ``/franchise-kit/packs/<slug>/`` for the kit's packs and
``/peer-groups/<group>/packs/<slug>/`` for a group's variants.

A page has the run sheet with clock times, the objectives, what to bring, the facilitator's notes, each
activity and handout, the points it covers, the rounds and events that used it, and its variants. A
variant's page also says where it came from and what it changed (``variants``). The print page
(``printpack``) shows the same contents (``sections``) for paper.
"""

from __future__ import annotations

from collections.abc import Iterator

from lgds.core import routes
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.groups.models import record
from lgds.kit.models import DEFAULT_START, Pack, children
from lgds.kit.sections import contents, points
from lgds.kit.variants import variant
from lgds.reviews.models import PACK as REVIEW_PACK
from lgds.site import Site


def build(site: Site, pages: Pages) -> Iterator[Output]:
    for pack in site.packs.values():
        yield pack_page(site, pages, pack)


def pack_page(site: Site, pages: Pages, pack: Pack) -> Output:
    named = site.events_by_pack.get(pack.slug, [])
    used = [e for e in named if not pack.group or e.group == pack.group]
    return pages.page(
        "kit/pack.md",
        routes.path("pack", pack=pack),
        source=f"{pack.folder}/pack.yml",
        pack=pack,
        points=points(site, pack),
        contents=contents(pack),
        start=DEFAULT_START,
        variant=variant(site, pack) if pack.group else None,
        rounds=[] if pack.group else [r for r in site.rounds.values() if pack.slug in r.packs],
        events=record(used, site.today),
        variants=variants(site, pack),
        reviews=pack.slug == REVIEW_PACK,
    )


def variants(site: Site, pack: Pack) -> list[tuple[int, Pack]]:
    """The variants of ``pack`` and of its variants, each after its parent, with its depth."""
    tree: list[tuple[int, Pack]] = []

    def walk(node: Pack, depth: int, seen: set[str]) -> None:
        for child in children(site.packs, node):
            if child.key not in seen:
                tree.append((depth, child))
                walk(child, depth + 1, seen | {child.key})

    walk(pack, 0, {pack.key})
    return tree
