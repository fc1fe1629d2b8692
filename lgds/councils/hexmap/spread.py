"""Spreading, as in Dorling's cartograms: crowds push apart and stretched ties pull, so each council has room."""

from __future__ import annotations

import math

NEIGHBOURS = 6
"""Each council is tied to this many of its nearest councils in its nation, so sparse places close up."""
GAP = 1.0
"""Councils nearer than this (in hexagons) need no tie: spreading alone keeps them together."""
TIE = 0.5
"""The share of a tie's stretch beyond one hexagon taken up in each round."""
PUSH = 0.5
"""The share of an overlap each of the two discs moves away by in each round."""
CAP = 0.5
"""The furthest a council moves in one round, so crowds spread from their edge inwards."""
ROUNDS = 24
"""Rounds of spreading: fixed, so the layout is the same every time and its cost is known."""
STRIDE = 1 << 16
"""Grid keys are x * STRIDE + y, which stays unique while y is below STRIDE."""


def ties(home: list[tuple[float, float]], nations: list[str]) -> tuple[list[int], list[int]]:
    """Tie councils to their nearest few in their nation where those are far off, so gaps can close."""
    grids: dict[str, dict[tuple[int, int], list[tuple[float, float, int]]]] = {}
    for i, (x, y) in enumerate(home):
        grids.setdefault(nations[i], {}).setdefault((int(x), int(y)), []).append((x, y, i))
    size = {nation: sum(len(cell) for cell in grid.values()) for nation, grid in grids.items()}
    pairs: set[tuple[int, int]] = set()
    for i, (x, y) in enumerate(home):
        grid = grids[nations[i]]
        need = min(NEIGHBOURS, size[nations[i]] - 1)
        if not need:
            continue
        gx, gy = int(x), int(y)
        # everything within reach + margin of the council has been seen once `reach` rings are searched
        margin = min(x - gx, gx + 1 - x, y - gy, gy + 1 - y)
        found: list[tuple[float, int]] = []
        reach = 0
        while True:
            for cell in _square(gx, gy, reach):
                for hx, hy, j in grid.get(cell, ()):
                    if j != i:
                        dx, dy = hx - x, hy - y
                        found.append((dx * dx + dy * dy, j))
            if len(found) >= need:
                found.sort()
                if found[need - 1][0] <= (reach + margin) ** 2:
                    break
            reach += 1
        for d2, j in found[:need]:
            if d2 > GAP * GAP:  # near neighbours need no tie: spreading keeps them together
                pairs.add((min(i, j), max(i, j)))
    ordered = sorted(pairs)
    return [i for i, _ in ordered], [j for _, j in ordered]


def _square(gx: int, gy: int, reach: int) -> list[tuple[int, int]]:
    """The grid cells on a square ring, so a search can widen one ring at a time."""
    if not reach:
        return [(gx, gy)]
    return (
        [(gx + dx, gy - reach) for dx in range(-reach, reach + 1)]
        + [(gx + dx, gy + reach) for dx in range(-reach, reach + 1)]
        + [(gx - reach, gy + dy) for dy in range(1 - reach, reach)]
        + [(gx + reach, gy + dy) for dy in range(1 - reach, reach)]
    )


def spread(
    home: list[tuple[float, float]], ties: tuple[list[int], list[int]]
) -> tuple[list[float], list[float]]:
    """Dorling-style relaxation: crowds push apart and stretched ties pull, so each council has room."""
    xs = [x for x, _ in home]
    ys = [y for _, y in home]
    n = len(xs)
    sqrt = math.sqrt
    tied = list(zip(*ties, strict=True))
    for _ in range(ROUNDS):
        # every council moves at the end of the round, by the sum of its pushes and pulls (a Jacobi step):
        # crowds then swell evenly from their edges instead of squirting out between their neighbours
        grid: dict[int, list[tuple[float, float, int]]] = {}
        for i in range(n):
            x, y = xs[i], ys[i]
            key = int(x) * STRIDE + int(y)
            cell = grid.get(key)
            if cell is None:
                grid[key] = [(x, y, i)]
            else:
                cell.append((x, y, i))
        fx = [0.0] * n
        fy = [0.0] * n
        for key, here in grid.items():
            near = here
            # this cell and the four after it: each pair of touching cells is looked at once
            for other in (key + STRIDE, key - STRIDE + 1, key + 1, key + STRIDE + 1):
                more = grid.get(other)
                if more is not None:
                    near = near + more
            for a, (xi, yi, i) in enumerate(here):
                gx = gy = 0.0
                for xj, yj, j in near[a + 1 :]:
                    dx, dy = xj - xi, yj - yi
                    d2 = dx * dx + dy * dy
                    if d2 < 1.0:
                        if d2 < 1e-12:  # exactly on top of each other: part them along a fixed direction
                            dx, dy = 1e-3 * (1 + (i + j) % 3), 1e-3 * (1 + (i * j) % 5)
                            d2 = dx * dx + dy * dy
                        d = sqrt(d2)
                        push = (1.0 - d) / d * PUSH
                        dx *= push
                        dy *= push
                        gx -= dx
                        gy -= dy
                        fx[j] += dx
                        fy[j] += dy
                fx[i] += gx
                fy[i] += gy
        for i, j in tied:
            dx, dy = xs[j] - xs[i], ys[j] - ys[i]
            d2 = dx * dx + dy * dy
            if d2 > 1.0:
                d = sqrt(d2)
                pull = (d - 1.0) / d * 0.5 * TIE
                dx *= pull
                dy *= pull
                fx[i] += dx
                fy[i] += dy
                fx[j] -= dx
                fy[j] -= dy
        for i in range(n):
            mx, my = fx[i], fy[i]
            m2 = mx * mx + my * my
            if m2 > CAP * CAP:  # a council deep in a crowd moves a little at a time
                scale = CAP / sqrt(m2)
                mx, my = mx * scale, my * scale
            xs[i] += mx
            ys[i] += my
    return xs, ys
