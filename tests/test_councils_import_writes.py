"""`lgds import-signups` never loses or invents a file: workbooks, the report, missing folders, two runs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from lgds.cli import main
from lgds.core.commands import create, create_text

from .conftest import BUILD_ENV, ROOT, lgds

SHEET = "Council name,Date signed\nLeeds City Council,2019-02-02\nWirral MBC,2018-02-02\nBarnsley MBC,2017-03-14\n"
MADE = ["bns.yml", "lds.yml", "wrl.yml"]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A kit with the register and no sign-ups: only what the command reads."""
    kit = tmp_path / "kit"
    (kit / "data" / "signups").mkdir(parents=True)
    for rel in ("data/councils.csv", "mkdocs.yml", "site.yml"):
        shutil.copy(ROOT / rel, kit / rel)
    return kit


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "sheet.csv"
    path.write_text(SHEET, encoding="utf-8")
    return path


def _import(root: Path, sheet: Path, *extra: str) -> subprocess.CompletedProcess:
    return lgds("import-signups", str(sheet), "--name-column", "Council name", "--root", str(root), *extra)


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("name", "inside"),
    [
        ("sign-ups.xlsx", "zip"),
        ("sign-ups.XLSX", "zip"),
        ("sign-ups.ods", "zip"),
        ("sign-ups.xls", "text"),  # the name is enough
        ("renamed.csv", "zip"),  # a workbook renamed to .csv
        ("old-excel.csv", "ole"),  # an old .xls renamed to .csv
    ],
)
def test_a_workbook_gets_save_it_as_csv_in_one_line(root, tmp_path, name, inside):
    path = tmp_path / name
    if inside == "zip":
        with zipfile.ZipFile(path, "w") as book:  # what .xlsx and .ods files are inside
            book.writestr("[Content_Types].xml", "<Types/>")
    elif inside == "ole":
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    else:
        path.write_text(SHEET, encoding="utf-8")
    before = _files(root)
    result = _import(root, path, "--report", str(tmp_path / "report.csv"))
    assert result.returncode == 1
    assert result.stderr == (
        f'Error: {name} is a spreadsheet workbook, not CSV: open it, save it as CSV ("CSV UTF-8 (Comma '
        'delimited)" in Excel), and import that file\n'
    )
    assert _files(root) == before and not (tmp_path / "report.csv").exists()


def test_a_binary_file_is_not_read_as_text(root, tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes(b"%PDF-1.7\x00\x00\x01")
    result = _import(root, path)
    assert result.returncode == 1
    assert (
        result.stderr
        == "Error: export.csv is not a text file: save the spreadsheet as CSV and import that file\n"
    )


@pytest.mark.parametrize(
    ("report", "message"),
    [
        ("data/signups/lds.yml", "is inside the kit's content (data/)"),  # a file this run would write
        ("data/councils.csv", "already exists, and import-signups never overwrites a file"),  # the register
        ("site.yml", "already exists, and import-signups never overwrites a file"),
        ("standard/report.csv", "is inside the kit's content (standard/)"),
        ("peer-groups/report.csv", "is inside the kit's content (peer-groups/)"),
        ("no-such-folder/report.csv", "the folder"),
    ],
)
def test_the_report_never_overwrites_or_lands_in_content_and_is_checked_first(root, sheet, report, message):
    before = _files(root)
    result = _import(root, sheet, "--report", str(root / report))
    assert result.returncode == 1
    assert message in result.stderr and len(result.stderr.splitlines()) == 1
    assert _files(root) == before  # refused before any sign-up was written


def test_a_report_that_exists_is_never_overwritten(root, sheet, tmp_path):
    report = tmp_path / "report.csv"
    report.write_text("my own notes\n", encoding="utf-8")
    result = _import(root, sheet, "--report", str(report))
    assert result.returncode == 1
    assert f"Error: {report} already exists, and import-signups never overwrites a file" in result.stderr
    assert report.read_text(encoding="utf-8") == "my own notes\n"
    assert not any((root / "data/signups").iterdir())


def test_the_input_file_cannot_be_the_report(root, sheet):
    result = _import(root, sheet, "--report", str(sheet))
    assert result.returncode == 1 and "already exists" in result.stderr
    assert sheet.read_text(encoding="utf-8") == SHEET


def test_a_missing_report_folder_is_an_error_before_anything_is_written(root, sheet, tmp_path):
    result = _import(root, sheet, "--report", str(tmp_path / "reports" / "june.csv"))
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: the folder {tmp_path / 'reports'} does not exist; make it first, or choose another "
        "--report file\n"
    )
    assert not any((root / "data/signups").iterdir())


def test_a_sign_up_made_while_the_import_ran_is_kept_and_reported(root, sheet, tmp_path, monkeypatch):
    # Another run writes lds.yml after this one looked for existing sign-ups and before it writes.
    theirs = "council: LDS\nsigned: 2016-05-05\nnote: Written by the other run.\n"
    monkeypatch.setattr("lgds.councils.commands._existing", lambda site: set())
    (root / "data/signups/lds.yml").write_text(theirs, encoding="utf-8")
    report = tmp_path / "report.csv"
    result = CliRunner().invoke(
        main,
        [
            "import-signups",
            str(sheet),
            "--name-column",
            "Council name",
            "--root",
            str(root),
            "--report",
            str(report),
        ],
    )
    assert result.exit_code == 0, result.output
    assert (root / "data/signups/lds.yml").read_text(encoding="utf-8") == theirs
    assert "created data/signups/lds.yml" not in result.output
    assert "Leeds City Council,LDS,existing,data/signups/lds.yml already exists" in report.read_text("utf-8")
    assert "2 matched, 1 existing" in result.output


def test_a_report_made_while_the_import_ran_is_kept(root, sheet, tmp_path, monkeypatch):
    report = tmp_path / "report.csv"
    monkeypatch.setattr("lgds.councils.commands._report_problem", lambda report, root: "")
    report.write_text("the other run's report\n", encoding="utf-8")
    result = CliRunner().invoke(
        main,
        [
            "import-signups",
            str(sheet),
            "--name-column",
            "Council name",
            "--root",
            str(root),
            "--report",
            str(report),
        ],
    )
    assert result.exit_code == 1
    assert "the report was not written" in result.output and "never overwrites a file" in result.output
    assert report.read_text(encoding="utf-8") == "the other run's report\n"


def test_two_runs_at_once_never_crash_or_write_a_file_twice(root, sheet, tmp_path):
    args = [sys.executable, "-m", "lgds", "import-signups", str(sheet), "--name-column", "Council name"]
    args += ["--date-column", "Date signed"]
    runs = [
        subprocess.Popen(
            [*args, "--root", str(root), "--report", str(tmp_path / name)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=BUILD_ENV,
        )
        for name in ("one.csv", "two.csv", "one.csv")
    ]
    outcomes = [(run.wait(), *run.communicate()) for run in runs]
    for code, out, err in outcomes:
        assert "Traceback" not in out + err
        assert code in (0, 1), err
    created = [line for _, out, _ in outcomes for line in out.splitlines() if line.startswith("created ")]
    assert sorted(line.split()[1] for line in created) == [f"data/signups/{name}" for name in MADE]
    assert sorted(p.name for p in (root / "data/signups").iterdir()) == MADE  # no temporary file left
    assert (
        (root / "data/signups/lds.yml")
        .read_text(encoding="utf-8")
        .endswith("council: LDS\nsigned: 2019-02-02\n")
    )
    assert (tmp_path / "one.csv").read_text(encoding="utf-8").startswith("input,code,status,suggestion\n")
    assert [code for code, _, _ in outcomes].count(0) == 2  # one of the two runs sharing a report name stops


def test_create_never_replaces_a_file_that_appears_while_it_writes(tmp_path):
    target = tmp_path / "new.yml"

    def write(temp: Path) -> None:
        temp.write_text("ours\n", encoding="utf-8")
        target.write_text("theirs\n", encoding="utf-8")  # another run got there first

    assert create(target, write) is False
    assert target.read_text(encoding="utf-8") == "theirs\n"
    assert [p.name for p in tmp_path.iterdir()] == ["new.yml"]
    assert create_text(tmp_path / "other.yml", "whole\n") is True
    assert (tmp_path / "other.yml").read_text(encoding="utf-8") == "whole\n"
    assert create_text(tmp_path / "other.yml", "again\n") is False
