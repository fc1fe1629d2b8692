"""The whole pack on one page for paper: ``/franchise-kit/packs/<slug>/print/``.

The page hides the site's navigation and contents on screen (Material's ``hide`` front matter); the
print style sheet in ``kit.css`` drops the header, footer and sidebars, starts each handout on a new
sheet and writes each link's address after its text, since paper cannot be clicked.
"""

from __future__ import annotations

from collections.abc import Iterator

from lgds.core.legacy import link, page, text
from lgds.core.output import Output
from lgds.kit.models import Pack
from lgds.kit.packs import body_sections, facts, page_path, print_path
from lgds.site import Site


def build(site: Site) -> Iterator[Output]:
    for pack in site.packs.values():
        yield Output(print_path(pack), print_page(site, pack), source=f"{pack.folder}/pack.yml")


def print_page(site: Site, pack: Pack) -> str:
    here = print_path(pack)
    owner = ""
    if pack.group:
        group = site.groups[pack.group].name if pack.group in site.groups else pack.group
        owner = f" ({group}'s variant)"
    parts = [
        '<div class="lgds-print" markdown>',
        "",
        f"# {text(pack.meta.title)}{text(owner)}",
        "",
        f"**{text(pack.meta.summary)}**",
        "",
        f"[Back to the pack's page]({link(here, page_path(pack))})",
        "{ .lgds-screen-only }",
        "",
        *facts(site, pack, here, links=False),
        *body_sections(pack, level=2, handout_wrapper=True),
        "</div>",
    ]
    title = f"{pack.meta.title}: printable pack"
    return page(title, "\n".join(parts), source=f"{pack.folder}/pack.yml", hide=["navigation", "toc"])
