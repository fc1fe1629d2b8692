"""A hex map of the UK's councils, laid out at build time from the register's latitude and longitude.

Putting each council in the free cell nearest its real centre makes a poor map, because councils are
crowded in the cities and sparse in the hills: London and the metropolitan boroughs swell into one blob
that shoves everything round it outwards, while Scotland, mid Wales and Northern Ireland scatter. So
the layout first moves the councils into a cartogram and only then puts them on the grid:

1. Positions. Latitude and longitude become x and y in units of one hexagon's width, at a scale
   (``radius_deg``, a hexagon's radius in degrees of latitude) at which the UK's land comes out at
   roughly its number of hexagons: crowded places have to grow about as much as empty ones shrink.
   The Highlands and islands are squeezed towards the central belt and Northern Ireland is moved east,
   so the far north is not mostly sea and the Irish Sea is narrow.
2. Spreading, as in Dorling's cartograms. Each council is a disc one hexagon wide. In each of a fixed
   number of rounds, every pair of overlapping discs is pushed apart; pairs are found through a grid of
   unit squares, so a round costs O(n). Each council is also tied to those of its nearest few councils
   in its own nation that are more than a hexagon away, and a tie longer than one hexagon pulls its ends
   together: the gaps in sparse places close and each nation holds together (close neighbours need no
   tie, and ties there would only hold the crowds in). Councils move at the end of a round by the sum
   of their pushes and pulls, at most half a hexagon: London then swells evenly from its edge with its
   boroughs in order, rather than single boroughs squirting out between its neighbours. There is no
   pull back to the real position (that kept the crowds squashed); the shape holds because only
   overlapping and tied councils move, for a fixed number of rounds.
3. Snapping. Councils take cells one at a time, the one sitting nearest a cell centre first, each the
   free cell nearest where it was spread to; then councils swap with a neighbouring cell, or move into
   an empty one, wherever that shortens the total squared distance.
4. Tidying. Neighbouring hexagons of different areas (English regions, and the other nations) swap
   where that gives them more neighbours from their own area at little cost in distance. A hexagon
   still cut off from its area slides back to it along a short path, the few in between each moving
   one step, unless that would cut another area in two.
5. Joining. A piece cut off from the main body of Great Britain (Scotland, once its ties have drawn it
   together, or an island) is moved whole, keeping its shape, towards its own nation until it touches.
   Northern Ireland is moved until exactly one empty hexagon separates it from Great Britain.

It is pure Python and deterministic: councils are taken in order of code, and every loop runs in a
fixed order, so the same register always gives the same map. County councils get a hexagon of their own
among their districts. The output is plain SVG text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from lgds.core import reuse as incremental
from lgds.councils.models import Council

SQRT3 = math.sqrt(3)
ROW = SQRT3 / 2
"""Rows of hexagons are this far apart when neighbouring hexagons in a row are one unit apart."""
LAT_SCALE = math.cos(math.radians(54.5))
"""Degrees of longitude are shorter than degrees of latitude this far north."""
NORTH = 56.0
NORTH_SQUEEZE = 0.55
"""North of the central belt, Scotland's councils are few and far apart: distances there are squeezed."""
ACROSS_THE_SEA = "Northern Ireland"
NI_SHIFT = 2.0
"""Degrees of longitude Northern Ireland is moved east, so the Irish Sea is narrow on the map."""
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
TIDY_ROUNDS = 3
TIDY_COST = 2.0
"""A swap that gains a neighbour from its own area may add this much squared distance."""
MEND_REACH = 3
"""A hexagon cut off from its area slides back only if it is this few hexagons away."""
MARGIN = 256.0
"""Added to every coordinate so grid keys stay positive (int() then rounds down)."""
STRIDE = 1 << 16
"""Grid keys are x * STRIDE + y, which stays unique while y is below STRIDE."""
DIRECTIONS = ((1, 0), (1, -1), (0, -1), (-1, 0), (-1, 1), (0, 1))
"""The six neighbours of a hexagon in axial coordinates (q along a row, r down the rows)."""


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
    council: Council
    col: int
    row: int


_last: list[tuple[str, list[Hex]]] = []
"""The last layout and what it was made from: a preview rebuild reuses it while the register is unchanged."""


def layout(councils: Iterable[Council], radius_deg: float = 0.12) -> list[Hex]:
    """Place each council on the hex grid near its real place, keeping the UK's shape; deterministic."""
    councils = list(councils)
    key = incremental.fingerprint(radius_deg, [c.model_dump(mode="json") for c in councils])
    if _last and _last[0][0] == key:
        return list(_last[0][1])
    made = _layout(councils, radius_deg)
    _last[:] = [(key, made)]
    return list(made)


def _layout(councils: list[Council], radius_deg: float) -> list[Hex]:
    """Spread, snap, tidy and join, as the module's docstring explains; councils in order of code."""
    placed = sorted((c for c in councils if c.lat is not None and c.lon is not None), key=lambda c: c.code)
    if not placed:
        return []
    unit = SQRT3 * radius_deg  # the distance between neighbouring hexagons, in degrees
    raw = [(x / unit, y / unit) for x, y in map(_place, placed)]
    left, top = min(x for x, _ in raw), min(y for _, y in raw)
    home = [(x - left + MARGIN, y - top + MARGIN) for x, y in raw]
    nations = [c.nation for c in placed]
    xs, ys = _spread(home, _ties(home, nations))
    cells = _snap(xs, ys)
    areas = [c.region or c.nation for c in placed]
    _tidy(cells, xs, ys, areas)
    _mend(cells, areas)
    _join(cells, [n == ACROSS_THE_SEA for n in nations], nations)
    # axial (q, r) to the offset (col, row) that svg() draws: odd rows sit half a hexagon to the right
    return sorted(
        (Hex(c, q + (r - (r & 1)) // 2, r) for c, (q, r) in zip(placed, cells, strict=True)),
        key=lambda h: (h.row, h.col),
    )


def _ties(home: list[tuple[float, float]], nations: list[str]) -> tuple[list[int], list[int]]:
    """Tie councils to their nearest few in their nation where those are far off, so gaps can close."""
    grids: dict[str, dict[tuple[int, int], list[tuple[float, float, int]]]] = {}
    for i, (x, y) in enumerate(home):
        grids.setdefault(nations[i], {}).setdefault((int(x), int(y)), []).append((x, y, i))
    size = {nation: sum(len(cell) for cell in grid.values()) for nation, grid in grids.items()}
    ties: set[tuple[int, int]] = set()
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
                ties.add((min(i, j), max(i, j)))
    ordered = sorted(ties)
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


def _spread(
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


def _snap(xs: list[float], ys: list[float]) -> list[tuple[int, int]]:
    """Give each council its own cell (axial q, r) near where it was spread to, moving few of them far."""
    n = len(xs)

    def cost(i: int, q: int, r: int) -> float:
        """Squared distance from where a council was spread to, to a cell's centre."""
        dx = q + r * 0.5 - xs[i]
        dy = r * ROW - ys[i]
        return dx * dx + dy * dy

    nearest = [_cell_at(xs[i], ys[i]) for i in range(n)]
    off = [cost(i, *nearest[i]) for i in range(n)]
    owner: dict[tuple[int, int], int] = {}
    cells: list[tuple[int, int]] = [(0, 0)] * n
    for i in sorted(range(n), key=lambda i: (off[i], i)):
        q, r = nearest[i]
        if (q, r) in owner:
            # cells `reach` steps from the nearest are at least reach * ROW - off away: look no further out
            slack = math.sqrt(off[i])
            best = (math.inf, 0, 0)
            reach = 1
            while reach * ROW - slack < 0 or (reach * ROW - slack) ** 2 < best[0]:
                for dq, dr in _ring(reach):
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


def _tidy(cells: list[tuple[int, int]], xs: list[float], ys: list[float], areas: list[str]) -> None:
    """Swap neighbours of different areas where both gain neighbours of their own, so areas read as blocks."""
    owner = {cell: i for i, cell in enumerate(cells)}

    def alike(area: str, q: int, r: int, skip: tuple[int, int]) -> int:
        """Neighbours of a cell from an area, leaving out `skip` (the swap partner's cell)."""
        count = 0
        for dq, dr in DIRECTIONS:
            there = (q + dq, r + dr)
            if there != skip:
                j = owner.get(there)
                if j is not None and areas[j] == area:
                    count += 1
        return count

    for _ in range(TIDY_ROUNDS):
        changed = False
        for i in range(len(cells)):
            q, r = here = cells[i]
            area = areas[i]
            mine = alike(area, q, r, here)
            if mine >= 4:  # at home among its own: moving could gain it one neighbour at most
                continue
            x, y = xs[i], ys[i]
            cx, cy = q + r * 0.5, r * ROW
            for dq, dr in DIRECTIONS:
                there = (q + dq, r + dr)
                j = owner.get(there)
                if j is None or areas[j] == area:
                    continue
                theirs = areas[j]
                gain = (
                    alike(area, q + dq, r + dr, here)
                    - mine
                    + alike(theirs, q, r, there)
                    - alike(theirs, q + dq, r + dr, here)
                )
                if gain <= 0:
                    continue
                tx, ty = cx + dq + dr * 0.5, cy + dr * ROW
                worse = (
                    (tx - x) ** 2
                    + (cx - xs[j]) ** 2
                    + (cy - ys[j]) ** 2
                    + (ty - y) ** 2
                    - (cx - x) ** 2
                    - (cy - y) ** 2
                    - (tx - xs[j]) ** 2
                    - (ty - ys[j]) ** 2
                )
                if worse < TIDY_COST * gain:
                    owner[here], owner[there] = j, i
                    cells[i], cells[j] = there, here
                    changed = True
                    break
        if not changed:
            break


def _mend(cells: list[tuple[int, int]], areas: list[str]) -> None:
    """Bring hexagons cut off from their area back to it, so every region and nation is one piece."""
    owner = {cell: i for i, cell in enumerate(cells)}
    members: dict[str, list[int]] = {}
    for i, area in enumerate(areas):
        members.setdefault(area, []).append(i)

    def pieces(area: str) -> list[list[int]]:
        """An area's pieces as they are now, biggest first."""
        return _groups(members[area], cells)

    def outside(area: str) -> int:
        """How many of an area's hexagons are cut off from its biggest piece."""
        return sum(len(piece) for piece in pieces(area)[1:])

    for area in sorted(members):
        for _ in range(len(members[area])):
            split = pieces(area)
            if len(split) < 2:
                break
            main = {cells[k] for k in split[0]}
            stray = outside(area)
            for i in sorted(k for piece in split[1:] for k in piece):
                path = _path(cells[i], main, owner, areas, area)
                if path is None:
                    continue
                # the path runs from next to the main piece back to i: each council on it moves one step
                movers = [owner[c] for c in path]
                others = {areas[k] for k in movers[:-1]}
                counts = {other: len(pieces(other)) for other in others}
                for k, cell in zip(movers, path[1:] + path[:1], strict=True):
                    cells[k] = cell
                    owner[cell] = k
                if outside(area) < stray and all(len(pieces(o)) <= counts[o] for o in others):
                    break
                for k, cell in zip(movers, path, strict=True):  # that cut another area in two: undo it
                    cells[k] = cell
                    owner[cell] = k
            else:
                break  # no cut-off hexagon of this area can be brought back


def _path(
    start: tuple[int, int],
    main: set[tuple[int, int]],
    owner: dict[tuple[int, int], int],
    areas: list[str],
    area: str,
) -> list[tuple[int, int]] | None:
    """The shortest way to `main` through other areas' hexagons (end first), so the outline stays."""
    came = {start: start}
    frontier = [start]
    for _ in range(MEND_REACH):
        ahead = []
        for q, r in frontier:
            for dq, dr in DIRECTIONS:
                there = (q + dq, r + dr)
                j = owner.get(there)
                if there in came or j is None or areas[j] == area:
                    continue  # only through other areas' hexagons, so the map keeps its outline
                came[there] = (q, r)
                if any((there[0] + eq, there[1] + er) in main for eq, er in DIRECTIONS):
                    path = [there]
                    while path[-1] != start:
                        path.append(came[path[-1]])
                    return path
                ahead.append(there)
        frontier = ahead
    return None


def _cell_at(x: float, y: float) -> tuple[int, int]:
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


def _ring(reach: int) -> list[tuple[int, int]]:
    """The cells `reach` steps from a cell, in a fixed order, so searches outwards are deterministic."""
    if reach < len(RINGS):
        return RINGS[reach]
    return _make_ring(reach)


def _make_ring(reach: int) -> list[tuple[int, int]]:
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


def _join(cells: list[tuple[int, int]], apart: list[bool], nations: list[str]) -> None:
    """Move cut-off pieces whole until they touch the rest, so nothing floats; the Irish Sea stays narrow."""
    taken = {cell: i for i, cell in enumerate(cells)}
    everyone = range(len(cells))
    for side in (False, True):
        groups = _groups([i for i in everyone if apart[i] == side], cells)
        joined = list(groups[0]) if groups else []
        for group in groups[1:]:
            # towards its own nation if that is on the edge of the body (a cut-off bit of Devon to
            # England, not to the nearer Wales), else towards whatever is nearest
            votes = [nations[i] for i in group]
            nation = max(sorted(set(votes)), key=votes.count)
            body = {cells[i] for i in joined}
            edge = _edge({cells[i] for i in joined if nations[i] == nation}, body) or _edge(body, body)
            _move(group, cells, taken, edge, gap=1)
            joined += group
    land = {cells[i] for i in everyone if not apart[i]}
    sea = [i for i in everyone if apart[i]]
    if sea and land:
        _move(sea, cells, taken, _edge(land, land), gap=2)


def _edge(aim: set[tuple[int, int]], body: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """The hexagons of `aim` open to the outside of `body`: only those can be reached from outside."""
    return sorted(c for c in aim if any((c[0] + dq, c[1] + dr) not in body for dq, dr in DIRECTIONS))


def _groups(members: list[int], cells: list[tuple[int, int]]) -> list[list[int]]:
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


def _move(
    group: list[int],
    cells: list[tuple[int, int]],
    taken: dict[tuple[int, int], int],
    edge: list[tuple[int, int]],
    gap: int,
) -> None:
    """Slide a piece, keeping its shape, until its nearest hexagon is `gap` steps from the edge."""
    own = set(group)
    for _ in range(64):
        d, vq, vr = 1 << 30, 0, 0
        for i in group:
            q, r = cells[i]
            for eq, er in edge:
                dq, dr = eq - q, er - r
                far = (abs(dq) + abs(dr) + abs(dq + dr)) >> 1
                if far < d:
                    d, vq, vr = far, dq, dr
        if d == gap:
            return
        if d < gap:  # too close: away from the body instead
            vq, vr = -vq, -vr
        vx, vy = vq + vr * 0.5, vr * ROW
        ways = sorted((-(dq + dr * 0.5) * vx - dr * ROW * vy, k) for k, (dq, dr) in enumerate(DIRECTIONS))
        # the distance to the body changes by at most one a step, so |d - gap| steps cannot overshoot
        moved = None
        for along, k in ways:
            if along >= 0:
                break  # only sideways or backwards steps are left
            for steps in sorted({abs(d - gap), 1}, reverse=True):
                dq, dr = DIRECTIONS[k][0] * steps, DIRECTIONS[k][1] * steps
                moved = [(cells[i][0] + dq, cells[i][1] + dr) for i in group]
                if all(taken.get(c, i) in own for c, i in zip(moved, group, strict=True)):
                    break
                moved = None
            if moved:
                break
        if not moved:
            return  # hemmed in: leave the group where it is
        for i in group:
            del taken[cells[i]]
        for i, c in zip(group, moved, strict=True):
            cells[i] = c
            taken[c] = i


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
