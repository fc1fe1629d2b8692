"""The whole pack on one page for paper: ``/franchise-kit/packs/<slug>/print/``.

The page hides the site's navigation and contents on screen (Material's ``hide`` front matter); the
print style sheet in ``kit.css`` drops the header, footer and sidebars, starts each handout on a new
sheet and writes each link's address after its text, since paper cannot be clicked.
"""

from __future__ import annotations

from collections.abc import Iterator

from lgds.core import routes
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.kit.models import DEFAULT_START
from lgds.kit.sections import contents, points
from lgds.site import Site


def build(site: Site, pages: Pages) -> Iterator[Output]:
    for pack in site.packs.values():
        yield pages.page(
            "kit/print.md",
            routes.path("pack-print", pack=pack),
            source=f"{pack.folder}/pack.yml",
            pack=pack,
            points=points(site, pack),
            contents=contents(pack),
            start=DEFAULT_START,
        )
