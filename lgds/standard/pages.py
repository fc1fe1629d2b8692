"""The Standard's pages: the list of 15 points at /standard/ and a page per point."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

from lgds.core import routes
from lgds.core.escape import contributed
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.groups.models import record
from lgds.site import Site
from lgds.standard.load import INTRO


def build(site: Site, pages: Pages) -> Iterator[Output]:
    intro = site.intros.get(INTRO)
    yield pages.page(
        "standard/index.md",
        routes.path("standard"),
        source=intro.path if intro else None,
        intro=intro,
        intro_body=contributed(intro.body) if intro else None,
        points=list(site.points.values()),
    )
    points = list(site.points.values())
    for i, point in enumerate(points):
        yield pages.page(
            "standard/point.md",
            routes.path("point", point=point),
            source=point.path,
            point=point,
            body=contributed(point.body),
            related=[site.points[n] for n in point.meta.related if n in site.points],
            packs=[p for p in site.packs.values() if p.group is None and point.number in p.meta.points],
            events=record(site.events_by_point.get(point.number, []), site.today),
            history=_history(site, point.path),
            reviews=site.review_points.get(point.number),
            before=points[i - 1] if i > 0 else None,
            after=points[i + 1] if i + 1 < len(points) else None,
        )


def _history(site: Site, path: str) -> str | None:
    """Where the point's file's history is, when this copy names its repository."""
    if not site.repo_url:
        return None
    return f"{site.repo_url}/commits/{quote(site.settings.branch)}/{quote(path)}"
