"""``lgds import-signups``: turn a spreadsheet of sign-ups (a form export, say) into sign-up files.

Names are matched with ``lgds.councils.matching``, which never guesses; every row gets a status, bad
rows are reported with their spreadsheet row number, and good rows go ahead regardless. No file is ever
overwritten: each sign-up file and the report are made new or not at all, so running the same import
twice, or two at once, never writes a file twice.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import click

from lgds.core.commands import create, create_text, root_option
from lgds.core.files import KIT_PARTS
from lgds.core.logtext import escaped
from lgds.core.problems import Problems
from lgds.core.spreadsheet import defused
from lgds.councils.matching import Match, NameIndex, Outcome, describe
from lgds.councils.sheet import MOJIBAKE, decode, dialect, not_csv, parse_date
from lgds.councils.signups import FOLDER, label, signup_problems
from lgds.load import load_site
from lgds.site import Site

REPORT_COLUMNS = ["input", "code", "status", "suggestion"]
STATUSES = ("matched", "existing", "ambiguous", "unmatched", "invalid")


@dataclass
class Row:
    """One spreadsheet row's outcome, as the report shows it."""

    number: int
    input: str
    status: str
    code: str = ""
    suggestion: str = ""
    signed: date | None = None


def _column(fieldnames: list[str], wanted: str, what: str) -> str:
    for name in fieldnames:
        if name.strip().casefold() == wanted.strip().casefold():
            return name
    raise click.UsageError(
        f"the file has no {what} column called {wanted!r}; its columns are: "
        + ", ".join(repr(n) for n in fieldnames)
    )


def _existing(site: Site) -> set[str]:
    """Councils with a sign-up already: loaded files, plus any file named after a code."""
    codes = {s.council for s in site.signups.values()}
    folder = site.root / FOLDER
    if folder.is_dir():
        codes |= {p.stem.upper() for p in folder.glob("*.yml")}
    return codes


def _options(councils) -> str:
    return "; ".join(describe(c) for c in councils)


def _row(site: Site, index: NameIndex, number: int, name: str, when: str | None, seen: dict, existing) -> Row:
    if not name.strip():
        return Row(number, name, "invalid", suggestion="the name is empty; fill in the council's name")
    if MOJIBAKE.search(name) or (when and MOJIBAKE.search(when)):
        return Row(
            number,
            name,
            "invalid",
            suggestion="the text is garbled, as if saved in one encoding and read in another; "
            "save the spreadsheet as CSV UTF-8 and import it again",
        )
    signed = site.today
    if when is not None:
        if not when.strip():
            return Row(
                number, name, "invalid", suggestion="the date is empty; add the date the council signed"
            )
        parsed = parse_date(when)
        if parsed is None:
            return Row(
                number,
                name,
                "invalid",
                suggestion=f"the date {when.strip()!r} cannot be read; write it as 14/03/2017 or 2017-03-14",
            )
        signed = parsed
    match: Match = index.match(name)
    if match.outcome is Outcome.AMBIGUOUS:
        return Row(number, name, "ambiguous", suggestion=f"{match.reason}: {_options(match.candidates)}")
    if match.outcome is Outcome.UNMATCHED:
        hint = f"; similar names: {_options(match.candidates)}" if match.candidates else ""
        return Row(number, name, "unmatched", suggestion=match.reason + hint)
    council = match.council
    assert council is not None
    if council.code in existing:
        return Row(number, name, "existing", council.code, f"{label(council)} already has a sign-up")
    if council.code in seen:
        return Row(number, name, "existing", council.code, f"same council as row {seen[council.code]}")
    problems = signup_problems(site, council, signed)
    if problems:
        kind_, values = problems[0]
        problem = Problems().add(kind_, "", 0, **values)
        message = f"{problem.message} (fix: {problem.fix})"
        return Row(number, name, "invalid", council.code, message, signed)
    seen[council.code] = number
    return Row(number, name, "matched", council.code, label(council), signed)


def _file_text(council_code: str, signed: date, source: str, number: int) -> str:
    return (
        f"# Imported by lgds import-signups from {source}, row {number}.\n"
        f"council: {council_code}\n"
        f"signed: {signed.isoformat()}\n"
    )


@click.command("import-signups")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name-column", required=True, help="The column holding the council's name as typed.")
@click.option("--date-column", help="The column holding the date signed; without it, rows are dated today.")
@click.option(
    "--dry-run", is_flag=True, help="Say what would be created, and write nothing: no sign-ups, no report."
)
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a CSV with input,code,status,suggestion for every row to this new file (never one "
    "that exists, nor one in the kit's content folders).",
)
@root_option
def import_signups(
    file: Path, name_column: str, date_column: str | None, dry_run: bool, report: Path | None, root: Path
) -> None:
    """Create one sign-up file per council matched in FILE (a CSV), never touching existing ones.

    The --report file must be new, and outside the kit's content folders.
    """
    raw = file.read_bytes()
    refused = not_csv(file, raw) or (_report_problem(report, root) if report else "")
    if refused:
        raise click.ClickException(refused)
    site, _ = load_site(root)
    if not site.councils:
        raise click.ClickException("the register data/councils.csv could not be read; run `lgds check`")
    text, encoding, bad_lines = decode(raw)
    reader = csv.reader(io.StringIO(text, newline=""), dialect=dialect(text))
    header = next(reader, None)
    if not header:
        raise click.ClickException(f"{file} is empty")
    header = [h.strip() for h in header]
    name_at = header.index(_column(header, name_column, "name"))
    date_at = header.index(_column(header, date_column, "date")) if date_column else None
    index = NameIndex(site.councils.values())
    existing = _existing(site)
    seen: dict[str, int] = {}
    rows: list[Row] = []
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        name = cells[name_at].strip() if name_at < len(cells) else ""
        when = (cells[date_at] if date_at < len(cells) else "") if date_at is not None else None
        if reader.line_num in bad_lines or number in bad_lines:
            rows.append(
                Row(
                    number,
                    name,
                    "invalid",
                    suggestion="the row is not readable text; save the file as CSV UTF-8",
                )
            )
            continue
        rows.append(_row(site, index, number, name, when, seen, existing))
    _write_files(site, rows, file.name, dry_run)
    _print_summary(rows, encoding, dry_run, date_column is None, site)
    if report and dry_run:
        click.echo(f"Would write the report to {report}.")
    elif report and create(report, lambda temp: _write_report(temp, rows)):
        click.echo(f"Wrote the report to {report}.")
    elif report:
        raise click.ClickException(
            f"the report was not written: {report} was made by something else while the import ran, "
            "and import-signups never overwrites a file; the sign-up files listed above were created"
        )


def _report_problem(report: Path, root: Path) -> str:
    """Why the report cannot be written where asked, or "": checked before anything is written."""
    if report.exists() or report.is_symlink():
        return f"{report} already exists, and import-signups never overwrites a file; choose a new name"
    where = report.parent.resolve() / report.name
    kit = root.resolve()
    if where.is_relative_to(kit) and where.relative_to(kit).parts[0] in KIT_PARTS:
        part = where.relative_to(kit).parts[0]
        return (
            f"{report} is inside the kit's content ({part}/), where the report would be taken for content; "
            "write it outside those folders, such as in the kit's own folder"
        )
    if not report.parent.is_dir():
        return f"the folder {report.parent} does not exist; make it first, or choose another --report file"
    return ""


def _write_files(site: Site, rows: list[Row], source: str, dry_run: bool) -> None:
    folder = site.root / FOLDER
    for row in rows:
        if row.status != "matched" or row.signed is None:
            continue
        target = folder / f"{row.code.lower()}.yml"
        rel = target.relative_to(site.root).as_posix()
        if dry_run:
            made = not (target.exists() or target.is_symlink())
        else:
            folder.mkdir(parents=True, exist_ok=True)
            # made new or not at all: a file that appeared since we looked (another run's) is kept
            made = create_text(target, _file_text(row.code, row.signed, source, row.number))
        if not made:
            row.status, row.suggestion = "existing", f"{rel} already exists"
            continue
        click.echo(
            f"{'would create' if dry_run else 'created'} {rel} (row {row.number}: {escaped(row.input)})"
        )


def _print_summary(rows: list[Row], encoding: str, dry_run: bool, undated: bool, site: Site) -> None:
    for row in rows:
        if row.status in ("ambiguous", "unmatched", "invalid"):
            shown = escaped(repr(row.input)) if row.input else "(no name)"
            click.echo(f"row {row.number}: {shown}: {row.status}: {row.suggestion}")
    counts = {s: sum(1 for r in rows if r.status == s) for s in STATUSES}
    click.echo(
        f"Read {len(rows)} rows ({encoding}): " + ", ".join(f"{counts[s]} {s}" for s in STATUSES) + "."
    )
    if dry_run:
        click.echo("Dry run: no sign-up files were created. Run again without --dry-run to create them.")
    elif counts["matched"]:
        dated = (
            f" They are dated today ({site.today.isoformat()}); edit them if the councils signed earlier."
            if undated
            else ""
        )
        click.echo(f"Next: check the new files in {FOLDER}/, run `lgds check`, then propose them.{dated}")
    if counts["ambiguous"] or counts["unmatched"] or counts["invalid"]:
        click.echo("Rows not imported need a person to decide; see the messages above or the report.")


def _write_report(path: Path, rows: list[Row]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(REPORT_COLUMNS)
        for row in rows:
            # Names come from someone else's spreadsheet: no cell may open as a formula (see core.spreadsheet).
            writer.writerow([defused(cell) for cell in (row.input, row.code, row.status, row.suggestion)])
