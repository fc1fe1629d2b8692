"""A hex map of the UK's councils, laid out at build time from the register's latitude and longitude.

Each council gets one hexagon as close to its real centre as a free cell allows. Crowded places (London,
the metropolitan boroughs) are placed first so they stay together and push their neighbours outward a
little, as hand-made hex cartograms do. County councils get a hex of their own beside their districts.
Pure Python, no map tiles, no scripts: the output is plain SVG text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from .. import incremental
from ..models.council import Council

SQRT3 = math.sqrt(3)
LAT_SCALE = math.cos(math.radians(54.5))
"""Degrees of longitude are shorter than degrees of latitude this far north."""
NORTH = 55.6
NORTH_SQUEEZE = 0.6
"""Scotland's councils are few and far apart; squeezing the far north keeps the map compact."""


def _lat(c: Council) -> float:
    lat = c.lat or 0.0
    return lat if lat <= NORTH else NORTH + (lat - NORTH) * NORTH_SQUEEZE


def _lon(c: Council) -> float:
    lon = c.lon or 0.0
    lat = c.lat or 0.0
    # pull the far north-west (the Western Isles) in towards the mainland as well
    return lon if lat <= NORTH else lon + (-4.0 - lon) * (1 - NORTH_SQUEEZE) * 0.5


@dataclass(frozen=True)
class Hex:
    council: Council
    col: int
    row: int


_last: list[tuple[str, list[Hex]]] = []
"""The last layout and what it was made from: a preview rebuild reuses it while the register is unchanged."""


def layout(councils: Iterable[Council], radius_deg: float = 0.12) -> list[Hex]:
    """Place each council with a position on the grid, nearest free cell first; deterministic."""
    councils = list(councils)
    key = incremental.fingerprint(radius_deg, [c.model_dump(mode="json") for c in councils])
    if _last and _last[0][0] == key:
        return list(_last[0][1])
    made = _layout(councils, radius_deg)
    _last[:] = [(key, made)]
    return list(made)


def _layout(councils: list[Council], radius_deg: float) -> list[Hex]:
    placed = [c for c in councils if c.lat is not None and c.lon is not None]
    if not placed:
        return []
    top = max(_lat(c) for c in placed)
    left = min(_lon(c) * LAT_SCALE for c in placed)

    def ideal(c: Council) -> tuple[float, float]:
        return ((_lon(c) * LAT_SCALE - left) / (SQRT3 * radius_deg), (top - _lat(c)) / (1.5 * radius_deg))

    def centre(col: int, row: int) -> tuple[float, float]:
        return col + 0.5 * (row & 1), float(row)

    ideals = [ideal(o) for o in placed]  # worked out once: crowding compares every pair

    def crowding(c: Council) -> int:
        x, y = ideal(c)
        return sum(1 for ox, oy in ideals if math.hypot(ox - x, (oy - y) * 0.866) < 2.5)

    order = sorted(placed, key=lambda c: (-crowding(c), c.code))
    taken: set[tuple[int, int]] = set()
    hexes = []
    for council in order:
        x, y = ideal(council)
        best = None
        reach = 1
        while best is None:
            cells = [
                (col, row)
                for row in range(round(y) - reach, round(y) + reach + 1)
                for col in range(math.floor(x) - reach, math.floor(x) + reach + 2)
                if (col, row) not in taken
            ]
            if cells:
                nearest = min(cells, key=lambda cell, x=x, y=y: _distance(centre(*cell), cell, x, y))
                if _distance(centre(*nearest), nearest, x, y)[0] <= reach:  # nothing nearer further out
                    best = nearest
            reach += 1
        taken.add(best)
        hexes.append(Hex(council, *best))
    return sorted(hexes, key=lambda h: (h.row, h.col))


def _distance(at: tuple[float, float], cell: tuple[int, int], x: float, y: float) -> tuple[float, int, int]:
    return (math.hypot(at[0] - x, (at[1] - y) * 0.866), cell[1], cell[0])


def svg(
    hexes: list[Hex],
    *,
    title: str,
    description: str,
    signed: set[str],
    size: float = 7.0,
) -> str:
    """The map as one SVG element: dark hexes with a white dot for signed up, pale hexes for not yet."""
    if not hexes:
        return ""
    min_col = min(h.col for h in hexes)
    min_row = min(h.row for h in hexes)
    width = (max(h.col for h in hexes) - min_col + 1.5) * SQRT3 * size + 2
    height = (max(h.row for h in hexes) - min_row) * 1.5 * size + 2 * size + 2
    corners = [
        (size * math.cos(math.radians(60 * i - 30)), size * math.sin(math.radians(60 * i - 30)))
        for i in range(6)
    ]
    shape = "M" + " L".join(f"{x:.2f},{y:.2f}" for x, y in corners) + " Z"
    parts = [
        f'<svg class="lgds-hexmap" viewBox="0 0 {width:.0f} {height:.0f}" role="img" '
        'aria-labelledby="lgds-map-title lgds-map-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="lgds-map-title">{_esc(title)}</title>',
        f'<desc id="lgds-map-desc">{_esc(description)}</desc>',
        f'<defs><path id="lgds-hex" d="{shape}"/></defs>',
    ]
    for h in hexes:
        cx = (h.col - min_col + 0.5 * (h.row & 1)) * SQRT3 * size + SQRT3 * size / 2 + 1
        cy = (h.row - min_row) * 1.5 * size + size + 1
        yes = h.council.code in signed
        status = "signed up" if yes else "not signed up yet"
        mark = f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{size * 0.32:.1f}"/>' if yes else ""
        parts.append(
            f'<g class="{"lgds-yes" if yes else "lgds-no"}"><title>{_esc(h.council.short_name)}: {status}</title>'
            f'<use href="#lgds-hex" x="{cx:.1f}" y="{cy:.1f}"/>{mark}</g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _esc(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
