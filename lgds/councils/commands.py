"""``lgds import-signups``: turn a spreadsheet of sign-ups (a form export, say) into sign-up files.

Names are matched with ``lgds.matching``, which never guesses; every row gets a status, bad rows are
reported with their spreadsheet row number, and good rows go ahead regardless. Existing sign-ups are
never touched, so running the same import twice changes nothing the second time.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import click

from lgds.core.commands import root_option
from lgds.core.logtext import escaped
from lgds.core.problems import Problems
from lgds.core.spreadsheet import defused
from lgds.councils.matching import Match, NameIndex, Outcome, describe
from lgds.councils.signups import FOLDER, label, signup_problems
from lgds.load import load_site
from lgds.site import Site

REPORT_COLUMNS = ["input", "code", "status", "suggestion"]
STATUSES = ("matched", "existing", "ambiguous", "unmatched", "invalid")
MOJIBAKE = re.compile("\ufffd|Ã.|Â|â€")
"""Signs of text saved in one encoding and read in another ('CaerdyddÃ´')."""

DATE_FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%Y",
    "%d/%m/%y",
    "%d-%m-%Y",
    "%d.%m.%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y/%m/%d",
)


@dataclass
class Row:
    """One spreadsheet row's outcome, as the report shows it."""

    number: int
    input: str
    status: str
    code: str = ""
    suggestion: str = ""
    signed: date | None = None


def decode(raw: bytes) -> tuple[str, str, set[int]]:
    """The text, the encoding it was read as, and the lines (1-based) that could not be read.

    UTF-8 (with or without a byte-order mark) is tried first, then Windows-1252, which is what Excel
    on Windows saves as "CSV (Comma delimited)". A line readable in neither is kept, marked as garbled.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "UTF-16", set()
    try:
        return raw.decode("utf-8-sig"), "UTF-8", set()
    except UnicodeDecodeError:
        pass
    lines, bad, used_cp1252 = [], set(), False
    for number, line in enumerate(raw.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        try:
            lines.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            lines.append(line.decode("cp1252"))
            used_cp1252 = True
        except UnicodeDecodeError:
            lines.append(line.decode("cp1252", errors="replace"))
            bad.add(number)
    return "\n".join(lines), "Windows-1252" if used_cp1252 else "UTF-8", bad


def parse_date(value: str) -> date | None:
    """A date as people type it in the UK: 2017-03-14, 14/03/2017, 14 March 2017; a time may follow."""
    text = " ".join(value.split())
    text = re.sub(r"[ T]\d{1,2}:\d{2}(:\d{2})?$", "", text)  # form exports add the time
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


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
@click.option("--dry-run", is_flag=True, help="Say what would be created, and create no sign-up files.")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a CSV with input,code,status,suggestion for every row.",
)
@root_option
def import_signups(
    file: Path, name_column: str, date_column: str | None, dry_run: bool, report: Path | None, root: Path
) -> None:
    """Create one sign-up file per council matched in FILE (a CSV), never touching existing ones."""
    site, _ = load_site(root)
    if not site.councils:
        raise click.ClickException("the register data/councils.csv could not be read; run `lgds check`")
    if report and report.exists() and not _is_report(report):
        raise click.ClickException(
            f"{report} exists and is not an import report; choose another --report file"
        )
    text, encoding, bad_lines = decode(file.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text))
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
    if report:
        _write_report(report, rows)
        click.echo(f"Wrote the report to {report}.")


def _dialect(text: str):
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter if first.count(delimiter) else ","
    return Dialect


def _is_report(path: Path) -> bool:
    try:
        first = path.read_text(encoding="utf-8").split("\n", 1)[0].strip()
    except (OSError, UnicodeDecodeError):
        return False
    return first == ",".join(REPORT_COLUMNS)


def _write_files(site: Site, rows: list[Row], source: str, dry_run: bool) -> None:
    folder = site.root / FOLDER
    for row in rows:
        if row.status != "matched" or row.signed is None:
            continue
        target = folder / f"{row.code.lower()}.yml"
        rel = target.relative_to(site.root).as_posix()
        if target.exists():  # never overwrite, even if it appeared since we looked
            row.status, row.suggestion = "existing", f"{rel} already exists"
            continue
        if dry_run:
            click.echo(f"would create {rel} (row {row.number}: {escaped(row.input)})")
            continue
        folder.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(_file_text(row.code, row.signed, source, row.number))
        click.echo(f"created {rel} (row {row.number}: {escaped(row.input)})")


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
