"""A hex map of the UK's councils, laid out at build time from the register's latitude and longitude.

Placing each council in the free cell nearest its real centre gives a poor map: the UK's councils are
crowded in cities and sparse in the hills, so London and the metropolitan counties swell into one blob
while Scotland scatters. The layout here works in four steps, all in pure Python and deterministic:

1. Positions. Each council's latitude and longitude become x and y in units of one hexagon, at a scale
   (``radius_deg``) at which the UK's land is roughly as big as its 382 hexagons. The sparse far north
   is squeezed towards the border and Northern Ireland is moved east, narrowing the Irish Sea.
2. Spreading, after Dorling's cartograms. Each council is a disc one hexagon wide. In each of a fixed
   number of rounds, every pair of overlapping discs is pushed apart (a grid of unit cells means only
   nearby pairs are compared, so a round costs O(n)), and each council is tied to its few nearest
   neighbours on its side of the Irish Sea: a tie that has stretched beyond one hexagon pulls its two
   ends together. Crowded places spread out, sparse ones close up, and regions keep their order.
3. Snapping. Councils take grid cells in order, the one sitting closest to a cell centre first, each
   the free cell nearest its spread-out position; then neighbouring councils swap cells (or a council
   moves to a free neighbouring cell) wherever that shortens the total squared distance.
4. Joining. Any group of hexagons cut off from the rest (a lone island, or a nation with a gap between
   it and its neighbour) is moved whole, keeping its shape, until it touches the main body. Northern
   Ireland is moved until exactly one empty hexagon separates it from Great Britain, a narrow sea.

County councils get a hexagon of their own among their districts. The output is plain SVG text.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from .. import incremental
from ..models.council import Council

SQRT3 = math.sqrt(3)
ROW = SQRT3 / 2
"""Rows of hexagons are this far apart when neighbouring hexagons in a row are one unit apart."""
LAT_SCALE = math.cos(math.radians(54.5))
"""Degrees of longitude are shorter than degrees of latitude this far north."""
NORTH = 56.0
NORTH_SQUEEZE = 0.55
"""Scotland's councils are few and far apart: north of the border they are squeezed towards it."""
ACROSS_THE_SEA = "Northern Ireland"
NI_SHIFT = 2.0
"""Degrees of longitude Northern Ireland is moved east, so the Irish Sea is narrow on the map."""
NEIGHBOURS = 6
"""Each council is tied to this many of its nearest councils, so sparse places close up."""
ROUNDS = 40
"""Rounds of spreading: fixed, so the layout is the same every time and its cost is known."""
TIE = 0.5
"""How much of a tie's stretch beyond one hexagon is taken up in each round."""
PULL = 0.0
PUSH = 0.5
REST = 1.0
CAP = 0.5
GAP = 1.0
TIDY_ROUNDS = 3
TIDY_COST = 2.0
"""How strongly each council is drawn back towards its real place in each round."""
MARGIN = 256.0
"""Added to every coordinate so grid keys stay positive (int() then rounds down)."""
STRIDE = 1 << 16
"""Grid keys are x * STRIDE + y, which stays unique while y is below STRIDE."""
DIRECTIONS = ((1, 0), (1, -1), (0, -1), (-1, 0), (-1, 1), (0, 1))
"""The six neighbours of a hexagon in axial coordinates (q along a row, r down the rows)."""


def _place(c: Council) -> tuple[float, float]:
    """A council's position in degrees (x east, y south), with the sparse edges of the UK pulled in."""
    lat, lon = c.lat or 0.0, c.lon or 0.0
    if lat > NORTH:
        lon += (
            (-3.8 - lon) * (1 - NORTH_SQUEEZE) * 0.5
        )  # the Western Isles and Shetland in towards the mainland
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
    placed = sorted((c for c in councils if c.lat is not None and c.lon is not None), key=lambda c: c.code)
    if not placed:
        return []
    unit = SQRT3 * radius_deg  # the distance between neighbouring hexagons, in degrees
    raw = [(x / unit, y / unit) for x, y in map(_place, placed)]
    left, top = min(x for x, _ in raw), min(y for _, y in raw)
    home = [(x - left + MARGIN, y - top + MARGIN) for x, y in raw]
    apart = [c.nation == ACROSS_THE_SEA for c in placed]
    xs, ys = _spread(home, _ties(home, [c.nation for c in placed]))
    cells = _snap(xs, ys)
    _tidy(cells, xs, ys, [c.region or c.nation for c in placed])
    _join(cells, apart)
    # axial (q, r) to the offset (col, row) that svg() draws: odd rows sit half a hexagon to the right
    return sorted(
        (Hex(c, q + (r - (r & 1)) // 2, r) for c, (q, r) in zip(placed, cells, strict=True)),
        key=lambda h: (h.row, h.col),
    )


def _ties(home: list[tuple[float, float]], nations: list[str]) -> tuple[list[int], list[int]]:
    """Each council's nearest few councils in its own nation, found through a grid."""
    size = 1.5
    grid: dict[tuple[int, int], list[int]] = {}
    for i, (x, y) in enumerate(home):
        grid.setdefault((int(x / size), int(y / size)), []).append(i)
    ties: set[tuple[int, int]] = set()
    for i, (x, y) in enumerate(home):
        gx, gy = int(x / size), int(y / size)
        found: list[tuple[float, int]] = []
        reach = 0
        while reach <= 64:
            ring = (
                [(gx + dx, gy - reach) for dx in range(-reach, reach + 1)]
                + [(gx + dx, gy + reach) for dx in range(-reach, reach + 1)]
                + [(gx - reach, gy + dy) for dy in range(1 - reach, reach)]
                + [(gx + reach, gy + dy) for dy in range(1 - reach, reach)]
                if reach
                else [(gx, gy)]
            )
            for cell in ring:
                for j in grid.get(cell, ()):
                    if j != i and nations[j] == nations[i]:
                        found.append(((home[j][0] - x) ** 2 + (home[j][1] - y) ** 2, j))
            # every council within reach * size of this one has been seen, wherever it sits in its cell
            if len(found) >= NEIGHBOURS:
                found.sort()
                if found[NEIGHBOURS - 1][0] <= (reach * size) ** 2:
                    break
            reach += 1
        for d2, j in found[:NEIGHBOURS]:
            if d2 > GAP * GAP:  # near neighbours need no tie: spreading keeps them together
                ties.add((min(i, j), max(i, j)))
    ordered = sorted(ties)
    return [i for i, _ in ordered], [j for _, j in ordered]


def _spread(
    home: list[tuple[float, float]], ties: tuple[list[int], list[int]]
) -> tuple[list[float], list[float]]:
    """Dorling-style relaxation: overlapping discs one hexagon wide push apart and stretched ties pull."""
    xs = [x for x, _ in home]
    ys = [y for _, y in home]
    n = len(xs)
    sqrt = math.sqrt
    tie_i, tie_j = ties
    pairs = range(len(tie_i))
    for _ in range(ROUNDS):
        grid: dict[int, list[int]] = {}
        for i in range(n):
            key = int(xs[i]) * STRIDE + int(ys[i])
            cell = grid.get(key)
            if cell is None:
                grid[key] = [i]
            else:
                cell.append(i)
        fx = [0.0] * n
        fy = [0.0] * n
        for key, here in grid.items():
            near = here
            # this cell and the four after it: each pair of touching cells is looked at once
            for other in (key + STRIDE, key - STRIDE + 1, key + 1, key + STRIDE + 1):
                more = grid.get(other)
                if more is not None:
                    near = near + more
            for a, i in enumerate(here):
                xi, yi = xs[i], ys[i]
                for j in near[a + 1 :]:
                    dx, dy = xs[j] - xi, ys[j] - yi
                    d2 = dx * dx + dy * dy
                    if d2 >= 1.0:
                        continue
                    if d2 < 1e-12:  # exactly on top of each other: part them along a fixed direction
                        dx, dy = 1e-3 * (1 + (i + j) % 3), 1e-3 * (1 + (i * j) % 5)
                        d2 = dx * dx + dy * dy
                    d = sqrt(d2)
                    push = (1.0 - d) / d * PUSH
                    fx[i] -= dx * push
                    fy[i] -= dy * push
                    fx[j] += dx * push
                    fy[j] += dy * push
        for t in pairs:
            i, j = tie_i[t], tie_j[t]
            dx, dy = xs[j] - xs[i], ys[j] - ys[i]
            d2 = dx * dx + dy * dy
            if d2 > REST * REST:
                d = sqrt(d2)
                pull = (d - REST) / d * 0.5 * TIE
                fx[i] += dx * pull
                fy[i] += dy * pull
                fx[j] -= dx * pull
                fy[j] -= dy * pull
        for i in range(n):
            mx, my = fx[i], fy[i]
            m2 = mx * mx + my * my
            if m2 > CAP * CAP:
                scale = CAP / sqrt(m2)
                mx, my = mx * scale, my * scale
            xs[i] += mx + (home[i][0] - xs[i]) * PULL
            ys[i] += my + (home[i][1] - ys[i]) * PULL
    return xs, ys


def _snap(xs: list[float], ys: list[float]) -> list[tuple[int, int]]:
    """Give each council its own cell (axial q, r): surest first, nearest free cell, then swaps."""
    n = len(xs)

    def cost(i: int, cell: tuple[int, int]) -> float:
        q, r = cell
        dx = q + r * 0.5 - xs[i]
        dy = r * ROW - ys[i]
        return dx * dx + dy * dy

    nearest = [_cell_at(xs[i], ys[i]) for i in range(n)]
    order = sorted(range(n), key=lambda i: (cost(i, nearest[i]), i))
    owner: dict[tuple[int, int], int] = {}
    cells: list[tuple[int, int]] = [(0, 0)] * n
    for i in order:
        q, r = nearest[i]
        best: tuple[float, int, int] | None = None
        reach = 0
        # a cell `reach` steps from the nearest one is at least reach * ROW - 0.6 from the council
        while best is None or (reach * ROW - 0.6) ** 2 < best[0]:
            for dq, dr in _ring(reach):
                cell = (q + dq, r + dr)
                if cell not in owner:
                    here = (cost(i, cell), r + dr, q + dq)
                    if best is None or here < best:
                        best = here
            reach += 1
        cell = (best[2], best[1])
        owner[cell] = i
        cells[i] = cell
    for _ in range(6):
        changed = False
        for i in range(n):
            q, r = cells[i]
            for dq, dr in DIRECTIONS:
                here, there = cells[i], (q + dq, r + dr)
                j = owner.get(there)
                if j is None:
                    gain = cost(i, here) - cost(i, there)
                else:
                    gain = cost(i, here) + cost(j, there) - cost(i, there) - cost(j, here)
                if gain > 1e-9:
                    if j is None:
                        del owner[here]
                    else:
                        owner[here] = j
                        cells[j] = here
                    owner[there] = i
                    cells[i] = there
                    changed = True
                    break
        if not changed:
            break
    return cells


def _tidy(cells: list[tuple[int, int]], xs: list[float], ys: list[float], areas: list[str]) -> None:
    """Swap neighbouring hexagons of different areas where both then have more neighbours from their own area."""
    owner = {cell: i for i, cell in enumerate(cells)}

    def alike(i: int, cell: tuple[int, int], skip: tuple[int, int]) -> int:
        q, r = cell
        count = 0
        for dq, dr in DIRECTIONS:
            there = (q + dq, r + dr)
            if there != skip:
                j = owner.get(there)
                if j is not None and areas[j] == areas[i]:
                    count += 1
        return count

    def cost(i: int, cell: tuple[int, int]) -> float:
        q, r = cell
        dx = q + r * 0.5 - xs[i]
        dy = r * ROW - ys[i]
        return dx * dx + dy * dy

    for _ in range(TIDY_ROUNDS):
        changed = False
        for i in range(len(cells)):
            q, r = cells[i]
            for dq, dr in DIRECTIONS:
                here, there = cells[i], (q + dq, r + dr)
                j = owner.get(there)
                if j is None or areas[j] == areas[i]:
                    continue
                gain = (
                    alike(i, there, here)
                    + alike(j, here, there)
                    - alike(i, here, there)
                    - alike(j, there, here)
                )
                worse = cost(i, there) + cost(j, here) - cost(i, here) - cost(j, there)
                if gain > 0 and worse < TIDY_COST * gain:
                    owner[here], owner[there] = j, i
                    cells[i], cells[j] = there, here
                    changed = True
                    break
        if not changed:
            break


def _cell_at(x: float, y: float) -> tuple[int, int]:
    """The cell whose centre is nearest a point: round in cube coordinates, then mend the worst-rounded one."""
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
    """The cells exactly `reach` steps from a cell, as axial offsets, in a fixed order."""
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


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Steps between two cells on the hex grid."""
    dq, dr = a[0] - b[0], a[1] - b[1]
    return (abs(dq) + abs(dr) + abs(dq + dr)) // 2


def _join(cells: list[tuple[int, int]], apart: list[bool]) -> None:
    """Move each cut-off group of hexagons, whole, until it touches the rest; keep the Irish Sea one hex wide."""
    taken = {cell: i for i, cell in enumerate(cells)}
    everyone = range(len(cells))
    for side in (False, True):
        groups = _groups([i for i in everyone if apart[i] == side], cells)
        body = {cells[i] for i in groups[0]} if groups else set()
        for group in groups[1:]:
            _move(group, cells, taken, body, gap=1)
            body.update(cells[i] for i in group)
    sea = [i for i in everyone if apart[i]]
    land = {cells[i] for i in everyone if not apart[i]}
    if sea and land:
        _move(sea, cells, taken, land, gap=2)


def _groups(members: list[int], cells: list[tuple[int, int]]) -> list[list[int]]:
    """The councils in groups of touching hexagons, the biggest group first."""
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
    body: set[tuple[int, int]],
    gap: int,
) -> None:
    """Step a group of hexagons, keeping its shape, until its nearest hexagon is `gap` steps from the body."""
    edge = sorted(c for c in body if any((c[0] + dq, c[1] + dr) not in body for dq, dr in DIRECTIONS))
    own = set(group)
    for _ in range(64):
        d, there, here = min((_distance(cells[i], c), c, cells[i]) for i in group for c in edge)
        if d == gap:
            return
        sign = 1 if d > gap else -1  # towards the body, or away when too close
        vq, vr = there[0] - here[0], there[1] - here[1]
        vx, vy = (vq + vr * 0.5) * sign, vr * ROW * sign
        steps = sorted((-(dq + dr * 0.5) * vx - dr * ROW * vy, k) for k, (dq, dr) in enumerate(DIRECTIONS))
        for along, k in steps:
            if along >= 0:
                return  # every free step leads sideways or back: leave the group where it is
            dq, dr = DIRECTIONS[k]
            moved = [(cells[i][0] + dq, cells[i][1] + dr) for i in group]
            if all(taken.get(c, i) in own for c, i in zip(moved, group, strict=True)):
                break
        else:
            return
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
