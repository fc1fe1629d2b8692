"""Lay the map out: place each council, spread, snap, tidy and join (see the package's docstring)."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable
from dataclasses import dataclass

from lgds.councils.hexmap.grid import SQRT3
from lgds.councils.hexmap.join import join
from lgds.councils.hexmap.snap import snap
from lgds.councils.hexmap.spread import spread, ties
from lgds.councils.hexmap.tidy import mend, tidy
from lgds.councils.mapcells import COLUMNS
from lgds.councils.models import Council

LAT_SCALE = math.cos(math.radians(54.5))
"""Degrees of longitude are shorter than degrees of latitude this far north."""
NORTH = 56.0
NORTH_SQUEEZE = 0.55
"""North of the central belt, Scotland's councils are few and far apart: distances there are squeezed."""
ACROSS_THE_SEA = "Northern Ireland"
NI_SHIFT = 2.0
"""Degrees of longitude Northern Ireland is moved east, so the Irish Sea is narrow on the map."""
MARGIN = 256.0
"""Added to every coordinate so grid keys stay positive (int() then rounds down)."""


def _place(c: Council) -> tuple[float, float]:
    """Degrees east and south, the sparse edges pulled in so the map is not mostly sea in the north."""
    lat, lon = c.lat or 0.0, c.lon or 0.0
    if lat > NORTH:
        # the Western Isles and Shetland in towards the mainland, as well as down towards it
        lon += (-3.8 - lon) * (1 - NORTH_SQUEEZE) * 0.5
        lat = NORTH + (lat - NORTH) * NORTH_SQUEEZE
    if c.nation == ACROSS_THE_SEA:
        lon += NI_SHIFT
    return lon * LAT_SCALE, -lat


@dataclass(frozen=True)
class Hex:
    """A council's cell: odd rows sit half a hexagon to the right of even ones."""

    council: Council
    col: int
    row: int


def layout(councils: Iterable[Council], radius_deg: float = 0.12) -> list[Hex]:
    """Place each council on the hex grid near its real place, keeping the UK's shape; deterministic.

    Spread, snap, tidy and join, as the package's docstring explains; councils in order of code. The
    hexagons come in reading order, row by row.
    """
    placed = sorted((c for c in councils if c.lat is not None and c.lon is not None), key=lambda c: c.code)
    if not placed:
        return []
    unit = SQRT3 * radius_deg  # the distance between neighbouring hexagons, in degrees
    raw = [(x / unit, y / unit) for x, y in map(_place, placed)]
    left, top = min(x for x, _ in raw), min(y for _, y in raw)
    home = [(x - left + MARGIN, y - top + MARGIN) for x, y in raw]
    nations = [c.nation for c in placed]
    xs, ys = spread(home, ties(home, nations))
    cells = snap(xs, ys)
    areas = [c.region or c.nation for c in placed]
    tidy(cells, xs, ys, areas)
    mend(cells, areas)
    join(cells, [n == ACROSS_THE_SEA for n in nations], nations)
    # axial (q, r) to the offset (col, row) the map is drawn in: odd rows sit half a hexagon to the right
    return sorted(
        (Hex(c, q + (r - (r & 1)) // 2, r) for c, (q, r) in zip(placed, cells, strict=True)),
        key=lambda h: (h.row, h.col),
    )


def csv_text(hexes: Iterable[Hex]) -> str:
    """The layout as ``data/hexmap.csv`` keeps it: a header, then each council's cell in order of code."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for h in sorted(hexes, key=lambda h: h.council.code):
        writer.writerow([h.council.code, h.col, h.row])
    return out.getvalue()
