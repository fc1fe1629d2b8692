"""What the reviews add up to, worked out from a handful of reviews whose answers are known by hand."""

from __future__ import annotations

from datetime import date

from lgds.reviews.models import POINTS, Assessment, Phase, Result, Review, ReviewFile
from lgds.reviews.patterns import (
    RECOMMENDATIONS,
    by_point,
    chart,
    most_often_not_met,
    phase_patterns,
    recommendations,
)

MET, NOT_MET, NOT_ASSESSED = Result.MET, Result.NOT_MET, Result.NOT_ASSESSED


def review(
    council: str, phase: str, day: str, results: dict[int, tuple[Result, list[str]]] | None = None
) -> Review:
    """A review as the loader makes it: every point from 1 to 15, those not given not assessed."""
    given = results or {}
    meta = ReviewFile(
        council=council,
        service="A service",
        phase=Phase(phase),
        date=date.fromisoformat(day),
        reviewers=["ZZZ"],
        consent=True,
    )
    assessments = tuple(
        Assessment(number=n, result=given[n][0], recommendations=tuple(given[n][1]))
        if n in given
        else Assessment(number=n)
        for n in POINTS
    )
    return Review(folder=council.lower(), slug=f"{day}-a-service", meta=meta, assessments=assessments)


R1 = review("AAA", "alpha", "2025-01-01", {1: (MET, []), 9: (NOT_MET, ["Plan offline."]), 13: (NOT_MET, [])})
R2 = review("BBB", "alpha", "2025-02-01", {1: (MET, []), 9: (NOT_MET, ["plan  offline"]), 13: (MET, [])})
R3 = review("CCC", "beta", "2025-03-01", {1: (MET, []), 9: (MET, []), 13: (NOT_ASSESSED, [])})
R4 = review("DDD", "beta", "2025-04-01", {2: (MET, []), 9: (NOT_MET, ["Rehearse it."])})
R5 = review("EEE", "live", "2025-05-01")
REVIEWS = [R1, R2, R3, R4, R5]


def test_the_overall_result_is_met_only_when_every_assessed_point_is_met():
    assert [r.overall for r in REVIEWS] == [NOT_MET, NOT_MET, MET, NOT_MET, NOT_ASSESSED]
    assert R1.tally == {"met": 1, "not met": 2, "not assessed": 12, "assessed": 3}
    assert R3.tally == {"met": 2, "not met": 0, "not assessed": 13, "assessed": 2}


def test_each_point_is_counted_by_phase_in_the_reviews_that_assessed_it():
    found = by_point(REVIEWS)
    assert sorted(found) == list(POINTS)
    offline = {c.phase: (c.reviews, c.assessed, c.met, c.not_met) for c in found[9].phases}
    assert offline == {
        Phase.ALPHA: (2, 2, 0, 2),
        Phase.BETA: (2, 2, 1, 1),
        Phase.LIVE: (1, 0, 0, 0),
    }  # no review was of a service in discovery, so that phase is left out
    assert [c.percent_not_met for c in found[9].phases] == [100, 50, None]
    measure = {c.phase: (c.assessed, c.not_met, c.not_assessed) for c in found[13].phases}
    assert measure == {Phase.ALPHA: (2, 1, 0), Phase.BETA: (0, 0, 2), Phase.LIVE: (0, 0, 1)}
    assert not found[9].examples


def test_recommendations_made_most_often_come_first_written_as_the_latest_review_wrote_them():
    made = recommendations(REVIEWS, 9)
    assert [(r.text, [x.council for x in r.reviews]) for r in made] == [
        ("plan  offline", ["BBB", "AAA"]),  # the same once case, spaces and the full stop are set aside
        ("Rehearse it.", ["DDD"]),
    ]
    assert recommendations(REVIEWS, 1) == []


def test_a_points_page_lists_only_the_first_recommendations_and_counts_the_rest():
    many = [
        review(f"C{i:02d}", "beta", f"2025-06-{i + 1:02d}", {4: (NOT_MET, [f"Recommendation {i}"])})
        for i in range(RECOMMENDATIONS + 2)
    ]
    found = by_point(many)[4]
    assert len(found.recommendations) == RECOMMENDATIONS and found.more == 2
    assert found.recommendations[0].text == f"Recommendation {RECOMMENDATIONS + 1}"  # the latest


def test_each_phase_lists_its_assessed_points_the_highest_share_not_met_first():
    patterns = phase_patterns(by_point(REVIEWS))
    assert [(p.phase, p.reviews) for p in patterns] == [(Phase.ALPHA, 2), (Phase.BETA, 2), (Phase.LIVE, 1)]
    rows = {p.phase: [(n, c.not_met, c.assessed) for n, c in p.rows] for p in patterns}
    assert rows == {
        Phase.ALPHA: [(9, 2, 2), (13, 1, 2), (1, 0, 2)],
        Phase.BETA: [(9, 1, 2), (1, 0, 1), (2, 0, 1)],
        Phase.LIVE: [],
    }
    assert most_often_not_met(patterns) == [(9, 3, 4), (13, 1, 2)]


def test_a_phase_chart_draws_each_bar_as_long_as_its_share_not_met():
    alpha = phase_patterns(by_point(REVIEWS))[0]
    drawn = alpha.chart
    assert [(b.number, b.width, b.y, b.text_y) for b in drawn.bars] == [
        (9, 240.0, 12.0, 24.0),
        (13, 120.0, 36.0, 48.0),
        (1, 0.0, 60.0, 72.0),
    ]
    assert [(t.percent, t.x) for t in drawn.ticks] == [(0, 64.0), (50, 184.0), (100, 304.0)]
    assert (drawn.width, drawn.height, drawn.axis_y, drawn.label_y) == (424, 102, 80, 96)
    assert [b.value_x for b in drawn.bars] == [310.0, 190.0, 70.0]
    assert chart([]).bars == [] and chart([]).height == 30
