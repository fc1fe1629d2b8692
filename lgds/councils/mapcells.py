"""Load ``data/hexmap.csv``: each current council's cell on the coverage page's hex map.

The layout is worked out once from the register by ``python scripts/make_hexmap.py`` (the
``lgds.councils.hexmap`` package), and the file it writes is all the build needs: the build never lays
the map out again. Rows are checked against the register (which loads first), each problem at its line.
"""

from __future__ import annotations

import csv
import io
import re

from lgds.core.limits import check_cells
from lgds.core.problems import Problems, did_you_mean, kind
from lgds.core.sources import read_text
from lgds.councils.register import REGISTER
from lgds.site import Site

HEXMAP = "data/hexmap.csv"
COLUMNS = ["code", "col", "row"]
WHOLE_NUMBER = re.compile(r"-?[0-9]+")
REMAKE = "run `python scripts/make_hexmap.py` to lay the map out again from the register"

NO_HEXMAP = kind(
    "no-hexmap",
    "there is no hex map layout, so the coverage page leaves out the map",
    expected=f"the file {HEXMAP}",
    fix=REMAKE,
    warning=True,
    area="councils",
)
HEXMAP_COLUMNS = kind(
    "hexmap-columns",
    "the hex map's header row is {found}",
    expected="the columns " + ",".join(COLUMNS),
    fix=REMAKE,
    area="councils",
)
HEXMAP_ROW = kind(
    "hexmap-row",
    "the row for {code} has a bad `{column}`: {reason}",
    expected="{wanted}",
    fix=REMAKE,
    area="councils",
)
HEXMAP_UNKNOWN = kind(
    "hexmap-unknown-council",
    "{code!r} is not the code of a current council in the register{why}",
    expected="the code of a current council, as in data/councils.csv",
    fix="correct the code{nearest}, or " + REMAKE,
    area="councils",
)
HEXMAP_TWICE = kind(
    "hexmap-duplicate-council",
    "{code} is on the map twice (first on line {first})",
    expected="each council once",
    fix=REMAKE,
    area="councils",
)
HEXMAP_SAME_CELL = kind(
    "hexmap-same-cell",
    "{code} is in the same cell as {other} (on line {first}): column {col}, row {row}",
    expected="each council in a cell of its own",
    fix=REMAKE,
    area="councils",
)
HEXMAP_MISSING = kind(
    "hexmap-missing-council",
    "{council} has no place on the hex map, so the coverage page leaves it out",
    expected=f"a row for {{code}} in {HEXMAP}",
    fix=REMAKE,
    warning=True,
    area="councils",
)


def load(site: Site, problems: Problems) -> None:
    """Read each council's cell into ``site.hexmap``; a bad row is reported and left out."""
    if not site.councils:
        return  # without a register there is nothing to place, and that is reported already
    if not (site.root / HEXMAP).is_file():
        problems.add(NO_HEXMAP, HEXMAP, 0)
        return
    text = read_text(site.root, HEXMAP, problems)
    if text is None or not check_cells(text, HEXMAP, problems):
        return
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != COLUMNS:
        problems.add(HEXMAP_COLUMNS, HEXMAP, 1, found=",".join(reader.fieldnames or []))
        return
    seen: set[str] = set()
    lines: dict[str, int] = {}
    taken: dict[tuple[int, int], tuple[str, int]] = {}
    for row in reader:
        line = reader.line_num
        code = str(row.get("code") or "").strip()
        seen.add(code)
        cell = _cell(row, code, line, problems)
        if cell is None:
            continue
        council = site.councils.get(code)
        if council is None and f"{REGISTER}#{code}" in site.failed:
            continue  # its row in the register is reported already
        if council is None or not council.current:
            why = f": it was abolished on {council.end_date}" if council else ""
            nearest = "" if council else did_you_mean(code, [c.code for c in site.current_councils])
            problems.add(
                HEXMAP_UNKNOWN, HEXMAP, line, code=code, why=why, nearest=f" ({nearest})" if nearest else ""
            )
            continue
        if code in lines:
            problems.add(HEXMAP_TWICE, HEXMAP, line, code=code, first=lines[code])
            continue
        lines[code] = line
        if cell in taken:
            other, first = taken[cell]
            problems.add(
                HEXMAP_SAME_CELL, HEXMAP, line, code=code, other=other, first=first, col=cell[0], row=cell[1]
            )
            continue
        taken[cell] = (code, line)
        site.hexmap[code] = cell
    for council in site.current_councils:
        if council.code not in seen:
            problems.add(
                HEXMAP_MISSING,
                REGISTER,
                council.row,
                council=f"{council.official_name} ({council.code})",
                code=council.code,
            )


def _cell(row: dict[str | None, object], code: str, line: int, problems: Problems) -> tuple[int, int] | None:
    """The row's (col, row), or None when a value is not a whole number (reported)."""
    if None in row:
        problems.add(
            HEXMAP_ROW,
            HEXMAP,
            line,
            code=code or "(no code)",
            column="row",
            reason="it has more than three values",
            wanted="three values: " + ",".join(COLUMNS),
        )
        return None
    numbers = []
    for column in ("col", "row"):
        value = str(row.get(column) or "").strip()
        if not WHOLE_NUMBER.fullmatch(value):
            problems.add(
                HEXMAP_ROW,
                HEXMAP,
                line,
                code=code or "(no code)",
                column=column,
                reason=f"{value!r} is not a whole number" if value else "it is empty",
                wanted="whole numbers in `col` and `row`",
            )
            return None
        numbers.append(int(value))
    return numbers[0], numbers[1]
