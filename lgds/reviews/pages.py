"""The reviews' pages: /reviews/ with the latest reviews, a page per year, and a scorecard per review at
/reviews/<council>/<review>/; then the patterns page, the scoring sheet and the open data.

Lists of reviews are tables that read well without JavaScript; each row carries what the filters need
(the council's area, the phase, the points met and not met), and ``assets/js/reviews.js`` adds the
filters. /reviews/ lists the latest reviews and links to a page for each year, so it stays the same
size however many reviews there are.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from lgds.core import reuse, routes
from lgds.core.escape import contributed
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.councils.models import AREAS, Council
from lgds.groups.models import Event
from lgds.reviews import opendata, patternpage
from lgds.reviews.load import INTRO
from lgds.reviews.models import POINTS, RECENT, Assessment, Phase, Result, Review, order
from lgds.site import Site
from lgds.standard.models import Point


@dataclass(frozen=True)
class Row:
    """A review in a list of reviews: the review, its council (if the register has it) and its area."""

    review: Review
    council: Council | None
    area: str

    @property
    def name(self) -> str:
        return self.council.short_name if self.council else self.review.council

    @property
    def met(self) -> str:
        """The points met, as the filters read them: ``1 3 10``."""
        return " ".join(str(n) for n in self.review.numbers(Result.MET))

    @property
    def not_met(self) -> str:
        return " ".join(str(n) for n in self.review.numbers(Result.NOT_MET))


@dataclass(frozen=True)
class Filters:
    """The choices of the filters above a list of reviews."""

    areas: tuple[str, ...] = AREAS
    phases: tuple[Phase, ...] = tuple(Phase)
    points: tuple[int, ...] = tuple(POINTS)
    results: tuple[Result, ...] = tuple(Result)


def rows(site: Site, reviews: list[Review]) -> list[Row]:
    found = []
    for review in reviews:
        council = site.councils.get(review.council)
        found.append(Row(review, council, council.area if council else ""))
    return found


def examples(site: Site, reviews: list[Review]) -> bool:
    """Whether to say the reviews shown are made up: the setting is on and one of them is an example."""
    return site.settings.example_notice and any(r.meta.example for r in reviews)


def build(site: Site, pages: Pages) -> Iterator[Output]:
    latest = sorted(site.reviews, key=order, reverse=True)
    by_year: dict[int, list[Review]] = {}
    for review in site.reviews:
        by_year.setdefault(review.meta.date.year, []).append(review)
    years = [
        (year, routes.path("reviews-year", year=year), len(by_year[year]))
        for year in sorted(by_year, reverse=True)
    ]
    intro = site.intros.get(INTRO)
    yield pages.page(
        "reviews/index.md",
        routes.path("reviews"),
        source=intro.path if intro else None,
        intro=intro,
        intro_body=contributed(intro.body) if intro else None,
        rows=rows(site, latest[:RECENT]),
        total=len(site.reviews),
        services=len({r.service_key for r in site.reviews}),
        councils=len({r.council for r in site.reviews}),
        years=years,
        filters=Filters(),
        examples=examples(site, site.reviews),
    )
    shared = _shared(site)
    made = reuse.current().pages("review-years")
    for year, path, _ in years:
        shown = by_year[year]
        make = functools.partial(_year_page, site, pages, year, path, shown, years)
        # Besides its reviews, a year's page shows their councils' areas and the links to the other years.
        areas = tuple(row.area for row in rows(site, shown))
        yield made.get_all(path, tuple(shown), (shared, areas, years), make)
    yield from scorecards(site, pages, shared)
    yield from patternpage.build(site, pages)
    yield from opendata.build(site, pages)


def _year_page(
    site: Site, pages: Pages, year: int, path: str, shown: list[Review], years: list[tuple[int, str, int]]
) -> Output:
    return pages.page(
        "reviews/year.md",
        path,
        year=year,
        rows=rows(site, shown),
        years=years,
        filters=Filters(),
        examples=examples(site, shown),
    )


def _shared(site: Site) -> str:
    """A fingerprint of what every review's pages show from elsewhere: settings, council names, points."""
    return reuse.fingerprint(
        site.settings.model_dump(mode="json"),
        {code: [c.official_name, c.short_name, c.current] for code, c in site.councils.items()},
        {n: [p.title, p.slug] for n, p in site.points.items()},
    )


def scorecards(site: Site, pages: Pages, shared: str) -> Iterator[Output]:
    """Each review's scorecard; made again only when its file or something else it shows changed."""
    roads: dict[tuple[str, str], list[Review]] = {}
    for review in site.reviews:
        roads.setdefault(review.service_key, []).append(review)
    events = {f"{e.group}/{e.slug}": e for e in site.events}
    made = reuse.current().pages("review-pages")
    for review in site.reviews:
        road = roads[review.service_key]
        event = events.get(review.meta.event or "")
        group = site.groups.get(event.group) if event else None
        # Everything the page shows besides its own file: tests/test_perf_memo.py edits each.
        extra = (
            review.body,
            shared,
            (event.meta.title, event.meta.date, event.meta.approximate_date, group.name if group else None)
            if event
            else None,
            tuple((r.path, r.meta.phase, r.meta.date, r.overall, r.meta.example) for r in road),
        )
        make = functools.partial(_scorecard, site, pages, review, road, event)
        yield made.get(review.path, review.meta, extra, make)


def _scorecard(site: Site, pages: Pages, review: Review, road: list[Review], event: Event | None) -> Output:
    points: list[tuple[Assessment, Point | None]] = [
        (a, site.points.get(a.number)) for a in review.assessments
    ]
    return pages.page(
        "reviews/review.md",
        routes.path("review", review=review),
        source=review.path,
        review=review,
        council=site.councils.get(review.council),
        reviewers=[(code, site.councils.get(code)) for code in review.meta.reviewers],
        event=event,
        group=site.groups.get(event.group) if event else None,
        road=road if len(road) > 1 else [],
        points=points,
        body=contributed(review.body),
        examples=examples(site, [review]),
    )
