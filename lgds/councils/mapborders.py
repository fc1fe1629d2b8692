"""The hex map's outlines and names: each nation's and English region's border, and where its name goes.

A border is the outer edge of an area's hexagons: every side of a hexagon whose neighbour across it is
in another area, or is sea, joined end to end into closed loops. Corners are kept as whole numbers (half
a hexagon's width across, half its radius down) while the loops are joined, so ends always meet.

Names: an English region's goes on its hexagon furthest from its edge, the middle of its land; a
nation's goes in the sea beside it, nearer to it than to any other nation, as near its middle as the
coast allows, so the two kinds of name never sit on each other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from lgds.councils.nearby import Nearby

Cell = tuple[int, int]
Point = tuple[float, float]

REGION_FONT = 7.0
"""The size of a region's name, in the map's units (a hexagon is about 12 wide)."""
NATION_FONT = 8.5
"""The size of a nation's name, in the map's units; nations' names are bold as well."""
CHAR_WIDTH = 0.58
"""A generous average width of a letter, as a share of the font's size, to keep names apart."""
LINE_HEIGHT = 1.15
"""Lines of a name are this many font sizes apart."""
WRAP = 13
"""Names longer than this many letters are broken into lines at spaces."""
CLEARANCE = 2.0
"""The least room, in map units, between a nation's name and any hexagon."""
SIDES = (
    # (corner from, corner to, neighbour on even rows, neighbour on odd rows), clockwise from the east
    ((1, -1), (1, 1), (1, 0), (1, 0)),
    ((1, 1), (0, 2), (0, 1), (1, 1)),
    ((0, 2), (-1, 1), (-1, 1), (0, 1)),
    ((-1, 1), (-1, -1), (-1, 0), (-1, 0)),
    ((-1, -1), (0, -2), (-1, -1), (0, -1)),
    ((0, -2), (1, -1), (0, -1), (1, -1)),
)
"""A pointy-topped hexagon's six sides: the corners at each end (in half widths across and half radii
down from its centre) and the cell across that side."""


@dataclass(frozen=True)
class Border:
    """One area's outline: ``kind`` is ``nation`` or ``region``; ``loops`` are closed rings of points."""

    area: str
    kind: str
    loops: tuple[tuple[Point, ...], ...]

    @property
    def d(self) -> str:
        """The outline as an SVG path."""
        return " ".join("M" + " L".join(f"{x:.2f},{y:.2f}" for x, y in loop) + " Z" for loop in self.loops)

    def moved(self, dx: float, dy: float) -> Border:
        return replace(self, loops=tuple(tuple((x + dx, y + dy) for x, y in loop) for loop in self.loops))


@dataclass(frozen=True)
class Line:
    """One line of a name: its text and where its baseline's middle is."""

    text: str
    x: float
    y: float


@dataclass(frozen=True)
class Label:
    """An area's name: ``kind`` is ``nation`` or ``region``; its lines; the box it takes up."""

    area: str
    kind: str
    font: float
    lines: tuple[Line, ...]
    left: float
    top: float
    right: float
    bottom: float

    def moved(self, dx: float, dy: float) -> Label:
        return replace(
            self,
            lines=tuple(Line(ln.text, round(ln.x + dx, 2), round(ln.y + dy, 2)) for ln in self.lines),
            left=self.left + dx,
            right=self.right + dx,
            top=self.top + dy,
            bottom=self.bottom + dy,
        )

    def overlaps(self, other: Label) -> bool:
        return _overlap((self.left, self.top, self.right, self.bottom), other)


def wrap(name: str) -> list[str]:
    """A name in lines of at most ``WRAP`` letters, broken at spaces (a longer word keeps a line)."""
    lines: list[str] = []
    for word in name.split():
        if lines and len(lines[-1]) + 1 + len(word) <= WRAP:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def label(area: str, kind: str, x: float, y: float) -> Label:
    """``area``'s name centred on (x, y), wrapped, with the box it takes up."""
    font = NATION_FONT if kind == "nation" else REGION_FONT
    lines = wrap(area)
    width = max(len(line) for line in lines) * font * CHAR_WIDTH
    height = len(lines) * font * LINE_HEIGHT
    left, top, right, bottom = box(x, y, width, height)
    return Label(
        area=area,
        kind=kind,
        font=font,
        # a baseline sits about a fifth of the line above the line's foot
        lines=tuple(
            Line(text, round(x, 2), round(top + (i + 0.8) * font * LINE_HEIGHT, 2))
            for i, text in enumerate(lines)
        ),
        left=left,
        top=top,
        right=right,
        bottom=bottom,
    )


def box(x: float, y: float, width: float, height: float) -> tuple[float, float, float, float]:
    """The left, top, right and bottom of a box ``width`` by ``height`` centred on (x, y)."""
    top = y - height / 2
    return x - width / 2, top, x + width / 2, top + height


class Grid:
    """The map's cells, each with its area (an English region or a nation) and its nation."""

    def __init__(self, size: float, areas: dict[Cell, str], nations: dict[Cell, str]) -> None:
        self.size = size
        self.half_width = math.sqrt(3) * size / 2
        self.areas = areas
        self.nations = nations

    def centre(self, cell: Cell) -> Point:
        col, row = cell
        return ((2 * col + (row & 1) + 1) * self.half_width, (3 * row + 2) * self.size / 2)

    def neighbours(self, cell: Cell) -> list[Cell]:
        col, row = cell
        return [
            (col + (odd if row & 1 else even)[0], row + (odd if row & 1 else even)[1])
            for *_, even, odd in SIDES
        ]

    def borders(self) -> list[Border]:
        """Each nation's outline, then each English region's (an area that is a whole nation has one)."""
        out = []
        for kind, owner in (("nation", self.nations), ("region", self.areas)):
            for area in sorted(set(owner.values())):
                if kind == "region" and area in self.nations.values():
                    continue
                cells = {c for c, a in owner.items() if a == area}
                out.append(Border(area, kind, self._loops(cells)))
        return out

    def _loops(self, cells: set[Cell]) -> tuple[tuple[Point, ...], ...]:
        """The outer edges of a set of cells, joined into closed loops, clockwise, in a fixed order."""
        edges: dict[Cell, list[Cell]] = {}
        for col, row in sorted(cells):
            cx, cy = 2 * col + (row & 1) + 1, 3 * row + 2
            for (ax, ay), (bx, by), even, odd in SIDES:
                step = odd if row & 1 else even
                if (col + step[0], row + step[1]) not in cells:
                    edges.setdefault((cx + ax, cy + ay), []).append((cx + bx, cy + by))
        loops = []
        while edges:
            start = min(edges)
            ring, at = [start], start
            while True:
                ends = edges[at]
                nxt = ends.pop(0)
                if not ends:
                    del edges[at]
                if nxt == start:
                    break
                ring.append(nxt)
                at = nxt
            loops.append(tuple((x * self.half_width, y * self.size / 2) for x, y in ring))
        return tuple(loops)

    def labels(self) -> list[Label]:
        """Each nation's name in the sea beside it, then each English region's on its middle."""
        placed: list[Label] = []
        for nation in sorted(set(self.nations.values())):
            placed.append(
                self._in_the_sea(nation, placed) or self._inland(nation, "nation", self.nations, placed)
            )
        for area in sorted(set(self.areas.values())):
            if area not in self.nations.values():
                placed.append(self._inland(area, "region", self.areas, placed))
        return placed

    def _depths(self, cells: set[Cell]) -> dict[Cell, int]:
        """How many steps each cell is from the area's edge: 1 next to the sea or another area."""
        depth = {c: 1 for c in cells if any(n not in cells for n in self.neighbours(c))}
        frontier = sorted(depth)
        while frontier:
            ahead = []
            for c in frontier:
                for n in self.neighbours(c):
                    if n in cells and n not in depth:
                        depth[n] = depth[c] + 1
                        ahead.append(n)
            frontier = sorted(ahead)
        return depth

    def _inland(self, area: str, kind: str, owner: dict[Cell, str], placed: list[Label]) -> Label:
        """A name on the area's cell furthest from its edge, nearest its middle, clear of other names."""
        cells = {c for c, a in owner.items() if a == area}
        mx, my = _middle([self.centre(c) for c in cells])
        depth = self._depths(cells)

        def rank(c: Cell) -> tuple[float, float, Cell]:
            x, y = self.centre(c)
            return (-depth[c], math.hypot(x - mx, y - my), c)

        ranked = sorted(cells, key=rank)
        for c in ranked:
            found = label(area, kind, *self.centre(c))
            if not any(found.overlaps(other) for other in placed):
                return found
        return label(area, kind, *self.centre(ranked[0]))

    def _in_the_sea(self, nation: str, placed: list[Label]) -> Label | None:
        """A name off the nation's coast, nearer it than any other nation and clear of every hexagon.

        Every spot on a grid around the map is tried; hexagons are looked up by where they are
        (``Nearby``), so each spot weighs only the few hexagons that could decide it.
        """
        own = [self.centre(c) for c, n in self.nations.items() if n == nation]
        others = [self.centre(c) for c, n in self.nations.items() if n != nation]
        every = own + others
        mx, my = _middle(own)
        sample = label(nation, "nation", 0, 0)
        w, h = sample.right - sample.left, sample.bottom - sample.top
        xs, ys = [x for x, _ in every], [y for _, y in every]
        best: tuple[float, Point] | None = None
        step_x, step_y = self.half_width, self.size * 0.75
        nx = int((max(xs) - min(xs) + 2 * w) / step_x) + 1
        ny = int((max(ys) - min(ys) + 2 * h) / step_y) + 1
        far = 3 * self.half_width + max(w, h) / 2  # beyond this from its own hexagons, a name is lost
        reach_x, reach_y = w / 2 + self.half_width + CLEARANCE, h / 2 + self.size + CLEARANCE
        blocking, near_own = Nearby(every, reach_x, reach_y), Nearby(own, far, far)
        near_other = Nearby(others, far + self.half_width, far + self.half_width)
        left, top = min(xs) - w, min(ys) - h
        for j in range(ny):
            for i in range(nx):
                x, y = left + i * step_x, top + j * step_y
                spot = box(x, y, w, h)
                if any(_overlap(spot, other) for other in placed) or not self._clear(spot, blocking.at(x, y)):
                    continue
                near = min((math.hypot(px - x, py - y) for px, py in near_own.at(x, y)), default=math.inf)
                other = min((math.hypot(px - x, py - y) for px, py in near_other.at(x, y)), default=math.inf)
                if near > far or other < near + self.half_width:
                    continue  # too far out, or as near another nation: a reader could not tell whose it is
                score = near + 0.15 * math.hypot(mx - x, my - y)
                if best is None or score < best[0]:
                    best = (score, (x, y))
        return label(nation, "nation", *best[1]) if best else None

    def _clear(self, spot: tuple[float, float, float, float], centres: list[Point]) -> bool:
        """No hexagon within ``CLEARANCE`` of the box ``spot`` (left, top, right, bottom)."""
        reach_x, reach_y = self.half_width + CLEARANCE, self.size + CLEARANCE
        left, top, right, bottom = spot
        return not any(
            left - reach_x < x < right + reach_x and top - reach_y < y < bottom + reach_y for x, y in centres
        )


def _overlap(spot: tuple[float, float, float, float], other: Label) -> bool:
    """Whether the box ``spot`` (left, top, right, bottom) and the label's box overlap."""
    left, top, right, bottom = spot
    return not (right <= other.left or other.right <= left or bottom <= other.top or other.bottom <= top)


def _middle(points: list[Point]) -> Point:
    return sum(x for x, _ in points) / len(points), sum(y for _, y in points) / len(points)
