"""lgds import-signups on messy spreadsheets, as council officers and form tools really save them."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from .conftest import ROOT, lgds

MESSY = (
    "Timestamp,Council name,Date signed\n"
    "05/01/2024 10:00,Barnsley MBC,14/03/2017\n"
    ",City of York Council,2017-03-14\n"
    ",LB Camden,3 May 2018\n"
    ",Cyngor Caerdydd,01/02/2019 09:15\n"
    ',"Kingston upon Hull, City of",2019-07-01\n'
    ",Bournemouth Town Council,2018-01-01\n"
    ",North Yorkshire,2020-01-01\n"
    ",,2020-01-01\n"
    ",Camden,2019-01-01\n"
    ",Copeland Borough Council,2024-02-01\n"
    ",Tower Hamlets,32/13/2020\n"
    ",Narnia District Council,2020-01-01\n"
    ",Ynys Môn,2021-01-01\n"
)
EXPECTED = [
    ["Barnsley MBC", "BNS", "matched"],
    ["City of York Council", "YOR", "matched"],
    ["LB Camden", "CMD", "matched"],
    ["Cyngor Caerdydd", "CRF", "matched"],
    ["Kingston upon Hull, City of", "KHL", "matched"],
    ["Bournemouth Town Council", "", "ambiguous"],
    ["North Yorkshire", "", "ambiguous"],
    ["", "", "invalid"],
    ["Camden", "CMD", "existing"],
    ["Copeland Borough Council", "COP", "invalid"],
    ["Tower Hamlets", "", "invalid"],
    ["Narnia District Council", "", "unmatched"],
    ["Ynys Môn", "AGY", "matched"],
]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A kit with the register and no sign-ups: only what the command reads."""
    kit = tmp_path / "kit"
    (kit / "data" / "signups").mkdir(parents=True)
    shutil.copy(ROOT / "data" / "councils.csv", kit / "data" / "councils.csv")
    shutil.copy(ROOT / "mkdocs.yml", kit / "mkdocs.yml")
    return kit


def _run(root: Path, sheet: Path, *extra: str, report_name: str = "report.csv"):
    report = root / report_name
    result = lgds(
        "import-signups",
        str(sheet),
        "--name-column",
        "Council name",
        "--date-column",
        "Date signed",
        "--report",
        str(report),
        "--root",
        str(root),
        *extra,
    )
    assert result.returncode == 0, result.stderr
    if "--dry-run" in extra:
        assert not report.exists()  # a dry run writes nothing, not even the report
        return result.stdout, []
    with report.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return result.stdout, rows


def _signups(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "data" / "signups").glob("*.yml"))


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "cp1252"],
)
def test_messy_names_in_each_encoding(root, tmp_path, encoding):
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(MESSY.replace("\n", "\r\n").encode(encoding))
    out, rows = _run(root, sheet)
    assert rows[0] == ["input", "code", "status", "suggestion"]
    assert [r[:3] for r in rows[1:]] == EXPECTED
    assert _signups(root) == ["agy.yml", "bns.yml", "cmd.yml", "crf.yml", "khl.yml", "yor.yml"]
    assert (
        (root / "data/signups/bns.yml")
        .read_text(encoding="utf-8")
        .endswith("council: BNS\nsigned: 2017-03-14\n")
    )
    assert "Read 13 rows" in out and "6 matched, 1 existing, 2 ambiguous, 1 unmatched, 3 invalid" in out
    assert "row 9: (no name): invalid: the name is empty" in out
    assert "row 12: 'Tower Hamlets': invalid: the date '32/13/2020' cannot be read" in out
    suggestions = {r[0]: r[3] for r in rows[1:]}
    assert "North Yorkshire Council (NYE)" in suggestions["North Yorkshire"]
    assert "North Yorkshire County Council (NYK), abolished" in suggestions["North Yorkshire"]
    assert "not a principal council" in suggestions["Bournemouth Town Council"]
    assert "Cumberland Council (CBD)" in suggestions["Copeland Borough Council"]
    result = lgds("check", "--root", str(root))
    assert "signups" not in result.stdout  # the new files pass the same checks as any sign-up


def test_dry_run_writes_nothing(root, tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(MESSY, encoding="utf-8")
    out, _ = _run(root, sheet, "--dry-run")
    assert _signups(root) == []
    assert "would create data/signups/bns.yml (row 2: Barnsley MBC)" in out
    assert "6 matched, 1 existing, 2 ambiguous, 1 unmatched, 3 invalid" in out
    assert f"Would write the report to {root / 'report.csv'}." in out


def test_second_run_reports_existing_and_changes_nothing(root, tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(MESSY, encoding="utf-8")
    _run(root, sheet)
    before = {p: p.read_bytes() for p in (root / "data/signups").glob("*.yml")}
    out, rows = _run(root, sheet, report_name="second.csv")
    assert {p: p.read_bytes() for p in (root / "data/signups").glob("*.yml")} == before
    statuses = {r[0]: r[2] for r in rows[1:]}
    assert statuses["Barnsley MBC"] == "existing" and statuses["Ynys Môn"] == "existing"
    assert "0 matched" in out


def test_garbled_and_unreadable_rows_do_not_stop_good_rows(root, tmp_path):
    sheet = tmp_path / "sheet.csv"
    good = b"Council name,Date signed\nWirral MBC,2018-02-02\n"
    mojibake = "Cyngor Sir Ynys MÃ´n,2018-02-02\n".encode()
    unreadable = b"Caerdydd\x81\x8d,2018-02-02\n"
    sheet.write_bytes(good + mojibake + unreadable + b"Leeds City Council,2019-02-02\n")
    out, rows = _run(root, sheet)
    assert [r[2] for r in rows[1:]] == ["matched", "invalid", "invalid", "matched"]
    assert "row 3:" in out and "garbled" in out and "row 4:" in out
    assert _signups(root) == ["lds.yml", "wrl.yml"]


def test_unknown_column_is_a_clear_error(root, tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Name,When\nLeeds,2019-01-01\n", encoding="utf-8")
    result = lgds("import-signups", str(sheet), "--name-column", "Council", "--root", str(root))
    assert result.returncode != 0
    assert "no name column called 'Council'; its columns are: 'Name', 'When'" in result.stderr


def test_existing_signups_are_never_touched(root, tmp_path):
    mine = root / "data/signups/lds.yml"
    mine.write_text("council: LDS\nsigned: 2016-05-05\nnote: Hand-written.\n", encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Council name,Date signed\nLeeds City Council,2020-01-01\n", encoding="utf-8")
    _, rows = _run(root, sheet)
    assert rows[1][:3] == ["Leeds City Council", "LDS", "existing"]
    assert "Hand-written" in mine.read_text(encoding="utf-8")
