"""Snapping: give each council its own cell near where it was spread to, moving few of them far."""

from __future__ import annotations

import math

from lgds.councils.hexmap.grid import DIRECTIONS, ROW, Cell, cell_at, ring


def snap(xs: list[float], ys: list[float]) -> list[Cell]:
    """Give each council its own cell (axial q, r) near where it was spread to, moving few of them far."""
    n = len(xs)

    def cost(i: int, q: int, r: int) -> float:
        """Squared distance from where a council was spread to, to a cell's centre."""
        dx = q + r * 0.5 - xs[i]
        dy = r * ROW - ys[i]
        return dx * dx + dy * dy

    nearest = [cell_at(xs[i], ys[i]) for i in range(n)]
    off = [cost(i, *nearest[i]) for i in range(n)]
    owner: dict[Cell, int] = {}
    cells: list[Cell] = [(0, 0)] * n
    for i in sorted(range(n), key=lambda i: (off[i], i)):
        q, r = nearest[i]
        if (q, r) in owner:
            # cells `reach` steps from the nearest are at least reach * ROW - off away: look no further out
            slack = math.sqrt(off[i])
            best = (math.inf, 0, 0)
            reach = 1
            while reach * ROW - slack < 0 or (reach * ROW - slack) ** 2 < best[0]:
                for dq, dr in ring(reach):
                    cq, cr = q + dq, r + dr
                    if (cq, cr) not in owner:
                        here = (cost(i, cq, cr), cr, cq)
                        if here < best:
                            best = here
                reach += 1
            q, r = best[2], best[1]
        owner[q, r] = i
        cells[i] = (q, r)
    for _ in range(6):
        changed = False
        for i in range(n):
            x, y = xs[i], ys[i]
            q, r = cells[i]
            cx, cy = q + r * 0.5, r * ROW
            now = (cx - x) ** 2 + (cy - y) ** 2
            for dq, dr in DIRECTIONS:
                there = (q + dq, r + dr)
                tx, ty = cx + dq + dr * 0.5, cy + dr * ROW
                gain = now - (tx - x) ** 2 - (ty - y) ** 2
                j = owner.get(there)
                if j is not None:
                    gain += (tx - xs[j]) ** 2 + (ty - ys[j]) ** 2 - (cx - xs[j]) ** 2 - (cy - ys[j]) ** 2
                if gain > 1e-9:
                    if j is None:
                        del owner[q, r]
                    else:
                        owner[q, r] = j
                        cells[j] = (q, r)
                    owner[there] = i
                    cells[i] = there
                    changed = True
                    break
        if not changed:
            break
    return cells
