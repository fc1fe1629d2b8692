"""Reading a spreadsheet of sign-ups saved as CSV: its encoding, its separator and its dates.

Council officers save spreadsheets from Excel, LibreOffice and form tools; this module reads what
they really save, and refuses, in one line, a workbook that was not saved as CSV at all.
"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from pathlib import Path

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

WORKBOOK_ENDINGS = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods", ".numbers")
"""File name endings of spreadsheets saved in their own format rather than as CSV."""

WORKBOOK_STARTS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
"""How workbooks begin: a zip archive (.xlsx, .ods, .numbers) or an old Office file (.xls)."""


def not_csv(path: Path, raw: bytes) -> str:
    """Why the file cannot be a CSV file, in one line, or "" when it may be one."""
    if path.suffix.lower() in WORKBOOK_ENDINGS or raw.startswith(WORKBOOK_STARTS):
        return (
            f"{path.name} is a spreadsheet workbook, not CSV: open it, save it as CSV "
            '("CSV UTF-8 (Comma delimited)" in Excel), and import that file'
        )
    if b"\x00" in raw and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return f"{path.name} is not a text file: save the spreadsheet as CSV and import that file"
    return ""


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


def dialect(text: str) -> type[csv.Dialect]:
    """Excel's CSV, with the separator the header row uses: a comma, a semicolon or a tab."""
    first = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first.count)

    class Dialect(csv.excel):
        pass

    Dialect.delimiter = delimiter if first.count(delimiter) else ","
    return Dialect
