"""Tidying: areas (English regions, and the other nations) read as blocks, each in one piece."""

from __future__ import annotations

from lgds.councils.hexmap.grid import DIRECTIONS, ROW, Cell, pieces

TIDY_ROUNDS = 3
TIDY_COST = 2.0
"""A swap that gains a neighbour from its own area may add this much squared distance."""
MEND_REACH = 3
"""A hexagon cut off from its area slides back only if it is this few hexagons away."""


def tidy(cells: list[Cell], xs: list[float], ys: list[float], areas: list[str]) -> None:
    """Swap neighbours of different areas where both gain neighbours of their own, so areas read as blocks."""
    owner = {cell: i for i, cell in enumerate(cells)}

    def alike(area: str, q: int, r: int, skip: Cell) -> int:
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


def mend(cells: list[Cell], areas: list[str]) -> None:
    """Bring hexagons cut off from their area back to it, so every region and nation is one piece."""
    owner = {cell: i for i, cell in enumerate(cells)}
    members: dict[str, list[int]] = {}
    for i, area in enumerate(areas):
        members.setdefault(area, []).append(i)

    def area_pieces(area: str) -> list[list[int]]:
        """An area's pieces as they are now, biggest first."""
        return pieces(members[area], cells)

    def outside(area: str) -> int:
        """How many of an area's hexagons are cut off from its biggest piece."""
        return sum(len(piece) for piece in area_pieces(area)[1:])

    for area in sorted(members):
        for _ in range(len(members[area])):
            split = area_pieces(area)
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
                counts = {other: len(area_pieces(other)) for other in others}
                for k, cell in zip(movers, path[1:] + path[:1], strict=True):
                    cells[k] = cell
                    owner[cell] = k
                if outside(area) < stray and all(len(area_pieces(o)) <= counts[o] for o in others):
                    break
                for k, cell in zip(movers, path, strict=True):  # that cut another area in two: undo it
                    cells[k] = cell
                    owner[cell] = k
            else:
                break  # no cut-off hexagon of this area can be brought back


def _path(
    start: Cell,
    main: set[Cell],
    owner: dict[Cell, int],
    areas: list[str],
    area: str,
) -> list[Cell] | None:
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
