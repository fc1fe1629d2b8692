"""The franchise kit's front page, ``/franchise-kit/``: the hand-written introduction from
``franchise-kit/index.md``, then every pack, every round with the groups that ran it and when, and the
groups' variants. The guide, templates and checklists stay hand-written pages mounted as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lgds.core import routes
from lgds.core.escape import contributed
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.groups.models import Event, coming, held
from lgds.kit.load import KIT_INDEX
from lgds.kit.models import Pack, RoundEntry
from lgds.site import Site


@dataclass(frozen=True)
class Round:
    """A round as the kit's page shows it: its packs (by slug, with the pack when there is one), the
    events that ran it and those still to come."""

    entry: RoundEntry
    packs: list[tuple[str, Pack | None]]
    held: list[Event]
    coming: list[Event]


def build(site: Site, pages: Pages) -> Iterator[Output]:
    intro = site.intros.get(KIT_INDEX)
    kit_packs = [p for p in site.packs.values() if p.group is None]
    yield pages.page(
        "kit/index.md",
        routes.path("kit"),
        source=intro.path if intro else None,
        intro=intro,
        intro_body=contributed(intro.body) if intro else None,
        packs=sorted(kit_packs, key=lambda p: p.meta.title),
        point_count=len(site.points),
        rounds=[_round(site, entry) for entry in site.rounds.values()],
        variants=[(p, _parent(site, p)) for p in sorted(site.packs.values(), key=lambda p: p.key) if p.group],
    )


def _round(site: Site, entry: RoundEntry) -> Round:
    events = [e for e in site.events if e.meta.round == entry.number]
    return Round(
        entry=entry,
        packs=[(slug, site.packs.get(slug)) for slug in entry.packs],
        held=held(events, site.today),
        coming=coming(events, site.today),
    )


def _parent(site: Site, pack: Pack) -> Pack | None:
    based = pack.meta.based_on
    return site.packs.get(based.pack) if based else None
