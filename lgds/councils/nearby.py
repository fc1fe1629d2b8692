"""Points filed by where they are, so a search near a spot weighs only the points close to it."""

from __future__ import annotations

import math

Point = tuple[float, float]


class Nearby:
    """Points filed in buckets ``reach_x`` wide and ``reach_y`` tall: :meth:`at` gives every point
    within ``reach_x`` across and ``reach_y`` down of a spot (and a few more), so the nearest of them
    is the nearest of all whenever that is within reach."""

    def __init__(self, points: list[Point], reach_x: float, reach_y: float) -> None:
        # a little wider than asked, so rounding can never leave a point in reach out of the buckets
        self.bx, self.by = reach_x * 1.001, reach_y * 1.001
        self.buckets: dict[tuple[int, int], list[Point]] = {}
        for x, y in points:
            self.buckets.setdefault(self._key(x, y), []).append((x, y))

    def _key(self, x: float, y: float) -> tuple[int, int]:
        return math.floor(x / self.bx), math.floor(y / self.by)

    def at(self, x: float, y: float) -> list[Point]:
        kx, ky = self._key(x, y)
        found: list[Point] = []
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                found.extend(self.buckets.get((kx + dx, ky + dy), ()))
        return found
