"""Load the register of councils from ``data/councils.csv``, remembering each row's line."""

from __future__ import annotations

import csv
import io

from pydantic import ValidationError

from lgds.core import reuse
from lgds.core.fields import markup_fault
from lgds.core.limits import check_cells
from lgds.core.problems import Problem, Problems, did_you_mean, kind
from lgds.core.sources import read_text
from lgds.core.wording import explain
from lgds.councils.models import AREAS, NATIONS, Council
from lgds.site import Site

REGISTER = "data/councils.csv"
COLUMNS = [
    "code",
    "official_name",
    "short_name",
    "other_names",
    "welsh_name",
    "nation",
    "region",
    "type",
    "gss_code",
    "lat",
    "lon",
    "start_date",
    "end_date",
    "replaced_by",
]
LIST_SEPARATOR = " | "
NAMES = ("official_name", "short_name", "other_names", "welsh_name")
"""Columns of names, shown on pages as plain text: no HTML tags, no line breaks."""

NO_REGISTER = kind(
    "no-register",
    "the register of councils is missing",
    expected=f"the file {REGISTER}",
    fix="restore data/councils.csv from the kit (git checkout upstream/main -- data/councils.csv)",
    area="councils",
)
REGISTER_COLUMNS = kind(
    "register-columns",
    "the register's header row is {found}",
    expected="the columns " + ",".join(COLUMNS),
    fix="restore the header row; spreadsheet programs sometimes rename or reorder columns",
    area="councils",
)
REGISTER_ROW = kind(
    "register-row",
    "the row for {code} has a bad `{column}`: {reason}",
    expected="{wanted}",
    fix="correct the value in this row",
    area="councils",
)
DUPLICATE_COUNCIL = kind(
    "duplicate-council",
    "the code {code} is in the register twice (first on line {first})",
    expected="each council code once",
    fix="remove the second row",
    area="councils",
)
UNKNOWN_SUCCESSOR = kind(
    "unknown-successor",
    "{code} is replaced by {successor}, which is not in the register",
    expected="replaced_by to list codes of councils in the register",
    fix="correct the code; {suggestion}",
    area="councils",
)


def load(site: Site, problems: Problems) -> None:
    """Read every row; a bad row is reported and left out, the rest still load."""
    if not (site.root / REGISTER).is_file():
        problems.add(NO_REGISTER, REGISTER, 0)
        return
    text = read_text(site.root, REGISTER, problems)
    if text is None or not check_cells(text, REGISTER, problems):
        return
    site.register_text = text
    # The same text gives the very same councils, so a preview rebuild reuses what it made from them.
    councils, found = reuse.current().by_text("register", text, _read)
    site.councils.update(councils)
    problems.extend(found)
    if found:  # a row reported here is not reported again where another file names its council
        rows = csv.reader(io.StringIO(text))
        next(rows, None)  # the header
        site.failed.update(
            f"{REGISTER}#{row[0].strip()}" for row in rows if row and row[0].strip() not in councils
        )
    _check_successors(site, problems)


def _read(text: str) -> tuple[dict[str, Council], list[Problem]]:
    """Every council in the register's text, and the problems with its rows."""
    problems = Problems()
    councils: dict[str, Council] = {}
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != COLUMNS:
        problems.add(REGISTER_COLUMNS, REGISTER, 1, found=",".join(reader.fieldnames or []))
        return councils, list(problems)
    for row in reader:
        council = _council(row, reader.line_num, problems)
        if council is None:
            continue
        if council.code in councils:
            first = councils[council.code].row
            problems.add(DUPLICATE_COUNCIL, REGISTER, council.row, code=council.code, first=first)
            continue
        councils[council.code] = council
    return councils, list(problems)


def _council(row: dict[str, str], line: int, problems: Problems) -> Council | None:
    code = (row.get("code") or "").strip()
    values = {k: (v or "").strip() for k, v in row.items() if k}
    data: dict[str, object] = {k: v for k, v in values.items() if v}
    for name in ("other_names", "replaced_by"):
        data[name] = tuple(p.strip() for p in values[name].split("|") if p.strip())
    data["row"] = line
    if values["nation"] not in NATIONS:
        problems.add(
            REGISTER_ROW,
            REGISTER,
            line,
            code=code,
            column="nation",
            reason=f"{values['nation']!r} is not a UK nation",
            wanted="one of " + ", ".join(NATIONS),
        )
        return None
    if values["region"] and values["region"] not in AREAS:
        problems.add(
            REGISTER_ROW,
            REGISTER,
            line,
            code=code,
            column="region",
            reason=f"{values['region']!r} is not an English region",
            wanted="one of " + ", ".join(AREAS[:9]),
        )
        return None
    for column in NAMES:
        for name in values[column].split("|") if column == "other_names" else [values[column]]:
            fault = _name_fault(name)
            if fault:
                wanted = "plain text on one line, without HTML tags"
                problems.add(
                    REGISTER_ROW, REGISTER, line, code=code, column=column, reason=fault, wanted=wanted
                )
                return None
    try:
        return Council.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        column = str(error["loc"][0]) if error["loc"] else "row"
        reason, wanted, _ = explain(Council, tuple(error["loc"]), error)
        problems.add(
            REGISTER_ROW,
            REGISTER,
            line,
            code=code or "(no code)",
            column=column,
            reason=reason,
            wanted=wanted,
        )
        return None


def _name_fault(name: str) -> str | None:
    if "\n" in name or "\r" in name:
        return "a name cannot go over more than one line"
    return markup_fault(name)


def _check_successors(site: Site, problems: Problems) -> None:
    for council in site.councils.values():
        for successor in council.replaced_by:
            if successor not in site.councils and f"{REGISTER}#{successor}" not in site.failed:
                problems.add(
                    UNKNOWN_SUCCESSOR,
                    REGISTER,
                    council.row,
                    code=council.code,
                    successor=successor,
                    suggestion=did_you_mean(successor, site.councils) or "see the codes in the register",
                )
