"""The geometry of the coverage page's charts: the bar chart of sign-ups over time and the hex map.

Python works out where each bar and hexagon goes; the templates (``councils/coverage.md`` and
``councils/hexmap.md``) write the SVG. Lengths are in the SVG's own units, rounded as drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from lgds.councils.models import Council

FIRST_YEAR = 2016
"""The year the Standard was agreed: the chart starts there."""
BAR_WIDTH, BAR_GAP, BAR_HEIGHT = 36, 12, 160
"""A bar's width, the gap between bars, and the tallest bar's height."""
HEX_SIZE = 7.0
"""A hexagon's radius, centre to corner."""
SQRT3 = math.sqrt(3)


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


@dataclass(frozen=True)
class Hexagon:
    """A council's hexagon on the map: its centre, and whether the council has signed up."""

    council: Council
    x: float
    y: float
    signed: bool


@dataclass(frozen=True)
class HexMap:
    """The map: its size, the corners of one hexagon around (0, 0), the dot's radius, every hexagon."""

    width: int
    height: int
    corners: list[tuple[float, float]]
    dot: float
    hexagons: list[Hexagon]


def hex_map(cells: dict[str, tuple[int, int]], councils: list[Council], signed: set[str]) -> HexMap | None:
    """The map of ``councils`` that have a cell, in reading order (row by row); none if no council has.

    ``cells`` holds each council's (column, row) from ``data/hexmap.csv``: odd rows sit half a hexagon
    to the right of even ones.
    """
    placed = sorted(
        ((cells[c.code], c) for c in councils if c.code in cells), key=lambda p: (p[0][1], p[0][0])
    )
    if not placed:
        return None
    size = HEX_SIZE
    min_col = min(col for (col, _), _ in placed)
    min_row = min(row for (_, row), _ in placed)
    width = (max(col for (col, _), _ in placed) - min_col + 1.5) * SQRT3 * size + 2
    height = (max(row for (_, row), _ in placed) - min_row) * 1.5 * size + 2 * size + 2
    corners = [
        (size * math.cos(math.radians(60 * i - 30)), size * math.sin(math.radians(60 * i - 30)))
        for i in range(6)
    ]
    hexagons = [
        Hexagon(
            council=council,
            x=round((col - min_col + 0.5 * (row & 1)) * SQRT3 * size + SQRT3 * size / 2 + 1, 1),
            y=round((row - min_row) * 1.5 * size + size + 1, 1),
            signed=council.code in signed,
        )
        for (col, row), council in placed
    ]
    return HexMap(
        width=round(width),
        height=round(height),
        corners=corners,
        dot=round(size * 0.32, 1),
        hexagons=hexagons,
    )
