"""Pack pages: ``/franchise-kit/packs/<slug>/`` for the kit's packs and
``/peer-groups/<group>/packs/<slug>/`` for a group's variants.

A page has the run sheet with clock times, the objectives, what to bring, the facilitator's notes, each
activity and handout, the points it covers, the rounds and events that used it, and its variants. A
variant's page also says where it came from and what it changed (``variants``). The print page
(``printpack``) shows the same contents (``sections``) for paper.
"""

from __future__ import annotations

from collections.abc import Iterator

from lgds.core import escape, routes
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.groups.models import Event, recent
from lgds.kit.models import DEFAULT_START, Pack, children
from lgds.kit.sections import contents, points
from lgds.kit.variants import variant
from lgds.site import Site


def build(site: Site, pages: Pages) -> Iterator[Output]:
    for pack in site.packs.values():
        yield pack_page(site, pages, pack)


def pack_page(site: Site, pages: Pages, pack: Pack) -> Output:
    named = site.events_by_pack.get(pack.slug, [])
    used = [e for e in named if not pack.group or e.group == pack.group]
    events, earlier = recent(used, site.today)
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
        events=events,
        earlier=earlier,
        variants=variants(site, pack),
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


# Until lgds/sitewide/fork.py and lgds/groups/events.py make their pages from templates, they take
# these from here. They are not used by the kit's own pages: delete them when nothing imports them.


def page_path(pack: Pack) -> str:
    """The pack's page in the site's source tree (the routing table's ``pack``)."""
    return routes.path("pack", pack=pack)


def group_label(site: Site, slug: str, here: str) -> str:
    """A group's name as Markdown, linked to the group's page."""
    group = site.groups.get(slug)
    if group is None:
        return escape.markdown_text(slug)
    target = routes.relative(here, routes.path("group", group=slug))
    return f"[{escape.markdown_text(group.name)}]({target})"


def event_line(site: Site, event: Event, here: str) -> str:
    """One event as a Markdown list item: its title linked to its page, its group, its date."""
    day = event.meta.date
    when = day.strftime("%B %Y") if event.meta.approximate_date else f"{day.day} {day:%B %Y}"
    if event.meta.status.value not in ("planned", "confirmed"):
        when += f" ({event.meta.status.value})"
    if event.meta.example:
        when += " (example)"
    group = site.groups[event.group].name if event.group in site.groups else event.group
    target = routes.relative(here, routes.path("event", event=event))
    return f"- [{escape.markdown_text(event.meta.title)}]({target}): {escape.markdown_text(group)}, {when}"
