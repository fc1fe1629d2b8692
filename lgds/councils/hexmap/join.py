"""Joining: pieces cut off from the rest move whole until they touch it; the Irish Sea stays narrow."""

from __future__ import annotations

from lgds.councils.hexmap.grid import DIRECTIONS, ROW, Cell, pieces


def join(cells: list[Cell], apart: list[bool], nations: list[str]) -> None:
    """Move cut-off pieces whole until they touch the rest, so nothing floats; the Irish Sea stays narrow."""
    taken = {cell: i for i, cell in enumerate(cells)}
    everyone = range(len(cells))
    for side in (False, True):
        groups = pieces([i for i in everyone if apart[i] == side], cells)
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


def _edge(aim: set[Cell], body: set[Cell]) -> list[Cell]:
    """The hexagons of `aim` open to the outside of `body`: only those can be reached from outside."""
    return sorted(c for c in aim if any((c[0] + dq, c[1] + dr) not in body for dq, dr in DIRECTIONS))


def _move(
    group: list[int],
    cells: list[Cell],
    taken: dict[Cell, int],
    edge: list[Cell],
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
