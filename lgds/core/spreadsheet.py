"""CSV files that a spreadsheet opens as data, never as formulas (CSV injection).

A spreadsheet program reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and some
also after a tab or a carriage return: a value from a content file such as ``=HYPERLINK(...)`` would run
when someone opens the file. As OWASP advises, such a cell gets an apostrophe (``'``) in front, which
spreadsheets read as "this is text" and do not show. A plain number such as ``-6.4567`` is left as it is:
it is a value, not a formula, and open data must keep its numbers. Every cell is written with the
``csv`` module's quoting, so no value can end its cell and start another.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a cell may not start with, as OWASP lists it."""

PLAIN_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")


def defused(cell: object) -> str:
    """The cell's text, with ``'`` in front when a spreadsheet would read it as a formula."""
    text = "" if cell is None else str(cell)
    if text.startswith(FORMULA_START) and not PLAIN_NUMBER.match(text):
        return "'" + text
    return text


def write(rows: Iterable[Iterable[object]]) -> str:
    """CSV text of ``rows`` (the header first), every cell defused, with ``\\n`` line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow([defused(cell) for cell in row])
    return out.getvalue()


def republished(text: str) -> str:
    """A CSV file's text as it is safe to publish: every cell defused, the rest as it was written.

    A file written as the ``csv`` module writes (as the register is) comes back byte for byte when no
    cell needs defusing.
    """
    return write(csv.reader(io.StringIO(text, newline="")))
