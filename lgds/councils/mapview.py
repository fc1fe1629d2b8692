"""The geometry of the coverage page's hex map: where each hexagon, border and label goes.

``data/hexmap.csv`` gives each council's cell (``site.hexmap``); this works out what the page draws
from it, in the map's own units: each council's hexagon, the outline of each nation and English
region (``mapborders``), and where their names go. The template (``councils/hexmap.md``) writes each
hexagon as a link to its council's page, placed over the map as a share of its width and height, so
the map grows and shrinks with its box while the links stay ordinary links.

Cells are in offset coordinates: odd rows sit half a hexagon to the right of even ones. Hexagons are
pointy-topped, ``HEX_SIZE`` from centre to corner.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from lgds.core import reuse
from lgds.councils import mapborders
from lgds.councils.mapborders import Border, Label
from lgds.councils.models import Council

HEX_SIZE = 7.0
"""A hexagon's radius, centre to corner, in the map's units."""
HEX_WIDTH = math.sqrt(3) * HEX_SIZE
"""A hexagon's width, flat side to flat side: neighbours in a row are this far apart."""
DOT = 2.2
"""The radius of the white dot on a signed-up council's hexagon."""
PAD = 4.0
"""Space around the map, so the outlines' strokes are not cut off."""
SMALLEST_LABEL_PX = 12.5
"""The smallest a label may be drawn, in CSS pixels: the map never gets narrower than this allows."""
SMALLEST_TARGET_PX = 24.5
"""The least height of a hexagon's link, in CSS pixels (WCAG 2.2's target size is 24 by 24)."""
BOX_HEIGHT = 1.5 * HEX_SIZE
"""A hexagon's link is as tall as the distance between rows, so links never overlap: each hexagon's
points reach into the rows above and below, but only the hexagon itself takes a click."""
TIP_EDGE = 0.25
"""A hexagon this near the map's side (a share of its width) has its name box run inwards from it."""
TIP_TOP = 0.12
"""A hexagon this near the map's top (a share of its height) shows its name box below it, not above."""


@dataclass(frozen=True)
class Hexagon:
    """A council's hexagon: its centre in map units, its box as percentages of the map, its status.

    ``tip`` says where its name box goes: ``above`` or ``below``, and ``start``, ``middle`` or ``end``
    across, so the box stays inside the map near its edges.
    """

    council: Council
    x: float
    y: float
    left: float
    top: float
    signed: bool
    tip: str


@dataclass(frozen=True)
class HexMap:
    """The whole map, in its own units, with every hexagon (in reading order), border and label.

    ``hex_width`` and ``hex_height`` are one hexagon's link box as percentages of the map's width and
    height, and ``hex_box`` that box in map units around the hexagon's centre; ``corners`` the corners of
    a hexagon around (0, 0); ``min_width`` the narrowest the map is drawn, in CSS pixels, so no label is
    smaller than ``SMALLEST_LABEL_PX`` and no link less tall than ``SMALLEST_TARGET_PX``.
    """

    width: float
    height: float
    corners: list[tuple[float, float]]
    hex_box: str
    dot: float
    hex_width: float
    hex_height: float
    min_width: int
    hexagons: list[Hexagon]
    borders: list[Border]
    labels: list[Label]


def _tip(x: float, y: float, width: float, height: float) -> str:
    across = "start" if x < width * TIP_EDGE else "end" if x > width * (1 - TIP_EDGE) else "middle"
    return f"{'below' if y < height * TIP_TOP else 'above'} {across}"


def hex_map(cells: dict[str, tuple[int, int]], councils: list[Council], signed: set[str]) -> HexMap | None:
    """The map of ``councils`` that have a cell, hexagons in reading order; none if no council has one."""
    placed = sorted(
        ((cells[c.code], c) for c in councils if c.code in cells), key=lambda p: (p[0][1], p[0][0])
    )
    if not placed:
        return None
    grid = mapborders.Grid(
        HEX_SIZE, {cell: c.area for cell, c in placed}, {cell: c.nation for cell, c in placed}
    )
    # outlines and names depend only on which area and nation each cell is in: a preview rebuild
    # after an edit to a sign-up or a council's name reuses them
    shape = tuple((cell, c.area, c.nation) for cell, c in placed)
    borders, labels = (
        reuse.current().store("hex-map").get("outlines", None, shape, lambda: (grid.borders(), grid.labels()))
    )
    # the map's box: every hexagon, and every label, with a little room to spare
    left = min(min(x for x, _ in map(grid.centre, grid.areas)) - HEX_WIDTH / 2, *(lb.left for lb in labels))
    right = max(max(x for x, _ in map(grid.centre, grid.areas)) + HEX_WIDTH / 2, *(lb.right for lb in labels))
    top = min(min(y for _, y in map(grid.centre, grid.areas)) - HEX_SIZE, *(lb.top for lb in labels))
    bottom = max(max(y for _, y in map(grid.centre, grid.areas)) + HEX_SIZE, *(lb.bottom for lb in labels))
    dx, dy = PAD - left, PAD - top
    width, height = round(right - left + 2 * PAD, 1), round(bottom - top + 2 * PAD, 1)
    hexagons = []
    for cell, council in placed:
        cx, cy = grid.centre(cell)
        x, y = round(cx + dx, 2), round(cy + dy, 2)
        hexagons.append(
            Hexagon(
                council=council,
                x=x,
                y=y,
                left=round((x - HEX_WIDTH / 2) / width * 100, 3),
                top=round((y - BOX_HEIGHT / 2) / height * 100, 3),
                signed=council.code in signed,
                tip=_tip(x, y, width, height),
            )
        )
    corners = [
        (
            round(HEX_SIZE * math.cos(math.radians(60 * i - 30)), 3),
            round(HEX_SIZE * math.sin(math.radians(60 * i - 30)), 3),
        )
        for i in range(6)
    ]
    return HexMap(
        width=width,
        height=height,
        corners=corners,
        hex_box=f"{-HEX_WIDTH / 2:.3f} {-BOX_HEIGHT / 2:.3f} {HEX_WIDTH:.3f} {BOX_HEIGHT:.3f}",
        dot=DOT,
        hex_width=round(HEX_WIDTH / width * 100, 3),
        hex_height=round(BOX_HEIGHT / height * 100, 3),
        min_width=math.ceil(
            width * max(SMALLEST_LABEL_PX / mapborders.REGION_FONT, SMALLEST_TARGET_PX / BOX_HEIGHT)
        ),
        hexagons=hexagons,
        borders=[b.moved(dx, dy) for b in borders],
        labels=[lb.moved(dx, dy) for lb in labels],
    )
