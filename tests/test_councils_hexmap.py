"""The coverage page's hex map looks like the UK: each nation and London in one piece, nothing adrift."""

from __future__ import annotations

import random

import pytest

from lgds.councils import hexmap
from lgds.councils.models import ENGLISH_REGIONS, Council
from lgds.load import load_site

from .conftest import ROOT

Cell = tuple[int, int]


@pytest.fixture(scope="module")
def councils() -> list[Council]:
    site, _ = load_site(ROOT)
    return list(site.current_councils)


@pytest.fixture(scope="module")
def cells(councils: list[Council]) -> dict[Cell, Council]:
    return {(h.col, h.row): h.council for h in hexmap.layout(councils)}


def _neighbours(cell: Cell) -> list[Cell]:
    """The six cells touching a cell as the map draws them: odd rows sit half a hexagon to the right."""
    col, row = cell
    shift = row & 1
    return [
        (col - 1, row),
        (col + 1, row),
        (col - 1 + shift, row - 1),
        (col + shift, row - 1),
        (col - 1 + shift, row + 1),
        (col + shift, row + 1),
    ]


def _pieces(group: set[Cell]) -> list[set[Cell]]:
    """The cells in pieces of touching hexagons, biggest first."""
    left, pieces = set(group), []
    while left:
        piece, todo = set(), [left.pop()]
        while todo:
            cell = todo.pop()
            piece.add(cell)
            for other in _neighbours(cell):
                if other in left:
                    left.remove(other)
                    todo.append(other)
        pieces.append(piece)
    return sorted(pieces, key=len, reverse=True)


def _steps(a: Cell, b: Cell) -> int:
    """Hexagons from one cell to another, through cube coordinates."""
    qa, qb = a[0] - (a[1] - (a[1] & 1)) // 2, b[0] - (b[1] - (b[1] & 1)) // 2
    dq, dr = qa - qb, a[1] - b[1]
    return (abs(dq) + abs(dr) + abs(dq + dr)) // 2


def test_every_council_has_its_own_hexagon(councils, cells):
    assert len(cells) == len(councils) == 382
    assert {c.code for c in cells.values()} == {c.code for c in councils}


def test_no_hexagon_is_on_its_own(cells):
    alone = [c.short_name for cell, c in cells.items() if not any(n in cells for n in _neighbours(cell))]
    assert alone == []


@pytest.mark.parametrize("nation", ["England", "Scotland", "Wales", "Northern Ireland"])
def test_each_nation_is_one_piece(cells, nation):
    pieces = _pieces({cell for cell, c in cells.items() if c.nation == nation})
    assert len(pieces) == 1, [sorted(cells[cell].short_name for cell in piece) for piece in pieces[1:]]


@pytest.mark.parametrize("region", ENGLISH_REGIONS)
def test_each_english_region_is_one_piece(cells, region):
    pieces = _pieces({cell for cell, c in cells.items() if c.region == region})
    assert len(pieces) == 1, [sorted(cells[cell].short_name for cell in piece) for piece in pieces[1:]]


def test_great_britain_is_one_piece_and_northern_ireland_is_across_a_narrow_sea(cells):
    britain = {cell for cell, c in cells.items() if c.nation != "Northern Ireland"}
    ireland = set(cells) - britain
    assert len(_pieces(britain)) == 1
    # one empty hexagon between them: apart, but not floating far away
    assert min(_steps(a, b) for a in ireland for b in britain) == 2


def test_london_is_one_compact_piece_in_the_south_east(cells):
    london = {cell for cell, c in cells.items() if c.region == "London"}
    assert len(london) == 33
    assert len(_pieces(london)) == 1
    assert max(_steps(a, b) for a in london for b in london) <= 8  # 33 hexagons fit in a blob 7 across
    england = [cell for cell, c in cells.items() if c.nation == "England"]

    def middle(group):
        return sum(col for col, _ in group) / len(group), sum(row for _, row in group) / len(group)

    (london_col, london_row), (england_col, england_row) = middle(london), middle(england)
    assert london_col > england_col and london_row > england_row  # east of and south of England's middle


def test_the_nations_are_where_they_are_on_a_map(cells):
    def middle(nation):
        group = [cell for cell, c in cells.items() if c.nation == nation]
        return sum(col for col, _ in group) / len(group), sum(row for _, row in group) / len(group)

    england, scotland, wales, ireland = (
        middle(n) for n in ("England", "Scotland", "Wales", "Northern Ireland")
    )
    assert scotland[1] < england[1] and ireland[1] < england[1]  # rows count down the page
    assert wales[0] < england[0] and ireland[0] < scotland[0] and ireland[0] < england[0]


def test_layout_is_the_same_whatever_the_order_and_from_a_fresh_start(councils, cells):
    shuffled = list(councils)
    random.Random(7).shuffle(shuffled)
    again = hexmap.layout(shuffled)
    assert {(h.col, h.row): h.council.code for h in again} == {cell: c.code for cell, c in cells.items()}
    drawn = [(h.council.code, h.col, h.row) for h in again]
    assert [(h.council.code, h.col, h.row) for h in hexmap.layout(councils)] == drawn


def test_small_registers_are_laid_out_too(councils):
    few = [c for c in councils if c.nation == "Wales"][:3] + [
        c for c in councils if c.nation == "Northern Ireland"
    ][:1]
    hexes = hexmap.layout(few)
    assert len({(h.col, h.row) for h in hexes}) == 4
    assert hexmap.layout([]) == []
