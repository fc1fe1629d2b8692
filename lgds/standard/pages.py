"""The Standard's pages: the list of 15 points at /standard/ and a page per point."""

from __future__ import annotations

from collections.abc import Iterator

from lgds.core import routes
from lgds.core.escape import contributed
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.groups.models import recent
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
        events, earlier = recent(site.events_by_point.get(point.number, []), site.today)
        yield pages.page(
            "standard/point.md",
            routes.path("point", point=point),
            source=point.path,
            point=point,
            body=contributed(point.body),
            related=[site.points[n] for n in point.meta.related if n in site.points],
            packs=[p for p in site.packs.values() if p.group is None and point.number in p.meta.points],
            events=events,
            earlier=earlier,
            reviews=site.review_points.get(point.number),
            before=points[i - 1] if i > 0 else None,
            after=points[i + 1] if i + 1 < len(points) else None,
        )
