"""The geometry of the coverage page's bar chart of sign-ups over time (the hex map's is ``mapview``).

Python works out where each bar goes; the template (``councils/coverage.md``) writes the SVG. Lengths
are in the SVG's own units, rounded as drawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

FIRST_YEAR = 2016
"""The year the Standard was agreed: the chart starts there."""
BAR_WIDTH, BAR_GAP, BAR_HEIGHT = 36, 12, 160
"""A bar's width, the gap between bars, and the tallest bar's height."""


@dataclass(frozen=True)
class Year:
    """A year's sign-ups: how many signed that year, and the total by its end."""

    year: int
    new: int
    total: int


@dataclass(frozen=True)
class Bar:
    """A year's bar: its left edge, top, width and height, where its labels go, and its year's numbers."""

    x: int
    y: float
    width: int
    height: float
    middle: float
    label_y: float
    year: Year


@dataclass(frozen=True)
class BarChart:
    """The whole chart: its size, the baseline (from 24 to ``axis_end``), the years' labels, the bars."""

    width: int
    height: int
    baseline: int
    axis_end: int
    year_y: int
    bars: list[Bar]


def years(signed: list[date], today: date) -> list[Year]:
    """Each year from 2016 to this one, with its sign-ups and the running total."""
    found, running = [], 0
    for year in range(FIRST_YEAR, today.year + 1):
        new = sum(1 for d in signed if d.year == year)
        running += new
        found.append(Year(year, new, running))
    return found


def bar_chart(by_year: list[Year]) -> BarChart:
    """Bars as tall as each year's running total, the tallest ``BAR_HEIGHT`` high."""
    top = max((y.total for y in by_year), default=0) or 1
    bars = []
    for i, year in enumerate(by_year):
        height = BAR_HEIGHT * year.total / top
        x = 30 + i * (BAR_WIDTH + BAR_GAP)
        bars.append(
            Bar(
                x=x,
                y=round(BAR_HEIGHT - height + 20, 1),
                width=BAR_WIDTH,
                height=round(height, 1),
                middle=x + BAR_WIDTH / 2,
                label_y=round(BAR_HEIGHT - height + 14, 1),
                year=year,
            )
        )
    width = len(by_year) * (BAR_WIDTH + BAR_GAP) + 40
    return BarChart(
        width=width,
        height=BAR_HEIGHT + 44,
        baseline=BAR_HEIGHT + 20,
        axis_end=width - 6,
        year_y=BAR_HEIGHT + 36,
        bars=bars,
    )
