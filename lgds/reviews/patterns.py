"""What the reviews add up to: how services did on each point, by phase, and which points are most often
not met, with the geometry of the patterns page's charts.

Pure: reviews in, numbers out. Each point's page shows ``by_point``; /reviews/patterns/ shows
``phase_patterns``, one chart and table per phase.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lgds.reviews.models import (
    POINTS,
    Phase,
    PhaseCount,
    PointReviews,
    Recommendation,
    Result,
    Review,
    order,
)

RECOMMENDATIONS = 10
"""How many recommendations a point's page lists: the most often made, then the latest."""

ROW, BAR, LABEL, SCALE, VALUE = 24, 16, 64, 240, 120
"""A chart's row height, a bar's thickness, the width of the points' labels, the length of a bar at 100%
and the room after it for its value."""
TOP, AXIS = 8, 22
"""Space above the first bar, and below the last for the axis labels."""


def by_point(reviews: list[Review]) -> dict[int, PointReviews]:
    """What the reviews say about each point from 1 to 15, counted by phase."""
    in_phase = {phase: [r for r in reviews if r.meta.phase is phase] for phase in Phase}
    examples = any(r.meta.example for r in reviews)
    found = {}
    for number in POINTS:
        phases = tuple(count(phase, listed, number) for phase, listed in in_phase.items() if listed)
        made = recommendations(reviews, number)
        found[number] = PointReviews(
            number=number,
            phases=phases,
            recommendations=tuple(made[:RECOMMENDATIONS]),
            more=max(len(made) - RECOMMENDATIONS, 0),
            examples=examples,
        )
    return found


def count(phase: Phase, reviews: Iterable[Review], number: int) -> PhaseCount:
    """How ``reviews`` (all in ``phase``) did on point ``number``."""
    results = [r.result_of(number) for r in reviews]
    return PhaseCount(
        phase=phase,
        reviews=len(results),
        met=results.count(Result.MET),
        not_met=results.count(Result.NOT_MET),
    )


def _same(text: str) -> str:
    """Recommendations that differ only in case, spacing or a full stop at the end are the same."""
    return " ".join(text.lower().split()).rstrip(".")


def recommendations(reviews: list[Review], number: int) -> list[Recommendation]:
    """Every recommendation made on point ``number``: the most often made first, then the latest."""
    made: dict[str, tuple[str, list[Review]]] = {}
    for review in sorted(reviews, key=order, reverse=True):
        for text in review.assessment(number).recommendations:
            _, by = made.setdefault(_same(text), (text, []))
            if not by or by[-1] is not review:
                by.append(review)
    ranked = sorted(made.values(), key=lambda m: (-len(m[1]), -m[1][0].meta.date.toordinal()))
    return [Recommendation(text, tuple(by)) for text, by in ranked]


@dataclass(frozen=True)
class Bar:
    """A point's bar in a phase's chart: its count, where the bar goes, and where its words go."""

    number: int
    count: PhaseCount
    y: float
    width: float
    height: int
    text_y: float
    value_x: float


@dataclass(frozen=True)
class Tick:
    """A line across the chart at a share not met, with its label."""

    percent: int
    x: float


@dataclass(frozen=True)
class Chart:
    """A phase's bar chart: its size, where the bars start, the axis, and a bar for each point."""

    width: int
    height: int
    bar_x: int
    label_x: int
    top: int
    axis_y: int
    label_y: int
    ticks: list[Tick]
    bars: list[Bar]


@dataclass(frozen=True)
class PhasePattern:
    """The points most often not met in one phase, as a chart and a table."""

    phase: Phase
    reviews: int
    """Reviews in the phase."""
    rows: list[tuple[int, PhaseCount]]
    """Each point the phase's reviews assessed, with its counts, the most often not met first."""
    chart: Chart


def phase_patterns(points: dict[int, PointReviews]) -> list[PhasePattern]:
    """For each phase with reviews, the points its reviews assessed, the most often not met first."""
    found = []
    for phase in Phase:
        counts = [(n, c) for n, p in points.items() for c in p.phases if c.phase is phase]
        if not counts:
            continue
        rows = sorted(
            ((n, c) for n, c in counts if c.assessed),
            key=lambda row: (-(row[1].percent_not_met or 0), -row[1].not_met, row[0]),
        )
        found.append(PhasePattern(phase, counts[0][1].reviews, rows, chart(rows)))
    return found


def chart(rows: list[tuple[int, PhaseCount]]) -> Chart:
    """Horizontal bars, one per point, each as long as the share of reviews that found the point not met."""
    bar_x = LABEL
    bars = []
    for i, (number, counted) in enumerate(rows):
        top = TOP + i * ROW
        width = round(SCALE * (counted.percent_not_met or 0) / 100, 1)
        bars.append(
            Bar(
                number=number,
                count=counted,
                y=top + (ROW - BAR) / 2,
                width=width,
                height=BAR,
                text_y=top + ROW / 2 + 4,
                value_x=round(bar_x + width + 6, 1),
            )
        )
    axis_y = TOP + len(rows) * ROW
    return Chart(
        width=LABEL + SCALE + VALUE,
        height=axis_y + AXIS,
        bar_x=bar_x,
        label_x=bar_x - 6,
        top=TOP,
        axis_y=axis_y,
        label_y=axis_y + 16,
        ticks=[Tick(p, bar_x + SCALE * p / 100) for p in (0, 50, 100)],
        bars=bars,
    )


def most_often_not_met(patterns: list[PhasePattern]) -> list[tuple[int, int, int]]:
    """Every point not met at least once, in any phase: (point, reviews not meeting it, reviews assessing
    it), the most often not met first (then the highest share, then the lowest number)."""
    totals: dict[int, list[int]] = {}
    for pattern in patterns:
        for number, counted in pattern.rows:
            total = totals.setdefault(number, [0, 0])
            total[0] += counted.not_met
            total[1] += counted.assessed
    return sorted(
        ((number, not_met, assessed) for number, (not_met, assessed) in totals.items() if not_met),
        key=lambda t: (-t[1], -t[1] / t[2], t[0]),
    )
