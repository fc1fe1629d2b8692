"""The hexagonal grid the layout steps share: its spacing, a cell's neighbours and rings, pieces of cells.

Cells are in axial coordinates (q along a row, r down the rows); ``make`` turns them into the offset
(col, row) that ``data/hexmap.csv`` keeps and the coverage page draws.
"""

from __future__ import annotations

import math

SQRT3 = math.sqrt(3)
ROW = SQRT3 / 2
"""Rows of hexagons are this far apart when neighbouring hexagons in a row are one unit apart."""
DIRECTIONS = ((1, 0), (1, -1), (0, -1), (-1, 0), (-1, 1), (0, 1))
"""The six neighbours of a hexagon in axial coordinates (q along a row, r down the rows)."""

Cell = tuple[int, int]


def cell_at(x: float, y: float) -> Cell:
    """The cell nearest a point: round cube coordinates, then fix the worst-rounded so they add to zero."""
    fr = y / ROW
    fq = x - fr * 0.5
    fs = -fq - fr
    q, r, s = round(fq), round(fr), round(fs)
    eq, er, es = abs(q - fq), abs(r - fr), abs(s - fs)
    if eq > er and eq > es:
        q = -r - s
    elif er > es:
        r = -q - s
    return q, r


def ring(reach: int) -> list[Cell]:
    """The cells `reach` steps from a cell, in a fixed order, so searches outwards are deterministic."""
    if reach < len(RINGS):
        return RINGS[reach]
    return _make_ring(reach)


def _make_ring(reach: int) -> list[Cell]:
    """Walk the ring's six sides from its south-west corner, as on a hex grid each side has `reach` cells."""
    if reach == 0:
        return [(0, 0)]
    out = []
    q, r = DIRECTIONS[4][0] * reach, DIRECTIONS[4][1] * reach
    for side in range(6):
        dq, dr = DIRECTIONS[side]
        for _ in range(reach):
            out.append((q, r))
            q, r = q + dq, r + dr
    return out


RINGS = [_make_ring(reach) for reach in range(8)]


def pieces(members: list[int], cells: list[Cell]) -> list[list[int]]:
    """The councils in pieces of touching hexagons, biggest first, to find what is cut off."""
    at = {cells[i]: i for i in members}
    seen: set[int] = set()
    groups = []
    for start in members:
        if start in seen:
            continue
        seen.add(start)
        group, todo = [], [start]
        while todo:
            i = todo.pop()
            group.append(i)
            q, r = cells[i]
            for dq, dr in DIRECTIONS:
                j = at.get((q + dq, r + dr))
                if j is not None and j not in seen:
                    seen.add(j)
                    todo.append(j)
        groups.append(sorted(group))
    return sorted(groups, key=lambda g: (-len(g), g[0]))
