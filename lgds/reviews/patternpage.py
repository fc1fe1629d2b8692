"""What facilitators plan from: /reviews/patterns/, the points most often not met in each phase, as a
chart and a table, with the session packs on each point; and /reviews/scoring-sheet/, a sheet to print
for the day, with every point's questions and room to write.
"""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import Markup

from lgds.core import routes
from lgds.core.escape import contributed_line
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.kit.models import Pack
from lgds.reviews.models import Phase, Result
from lgds.reviews.patterns import most_often_not_met, phase_patterns
from lgds.site import Site
from lgds.standard.models import Point


def build(site: Site, pages: Pages) -> Iterator[Output]:
    patterns = phase_patterns(site.review_points)
    kit_packs = sorted((p for p in site.packs.values() if p.group is None), key=lambda p: p.meta.title)
    packs: dict[int, list[Pack]] = {n: [p for p in kit_packs if n in p.meta.points] for n in site.points}
    yield pages.page(
        "reviews/patterns.md",
        routes.path("review-patterns"),
        patterns=patterns,
        not_met=most_often_not_met(patterns),
        points=site.points,
        packs=packs,
        total=len(site.reviews),
        examples=site.settings.example_notice and any(r.meta.example for r in site.reviews),
    )
    questions: list[tuple[Point, list[Markup]]] = [
        (point, [contributed_line(q) for q in point.questions]) for point in site.points.values()
    ]
    yield pages.page(
        "reviews/scoring-sheet.md",
        routes.path("review-sheet"),
        points=questions,
        phases=list(Phase),
        results=list(Result),
    )
