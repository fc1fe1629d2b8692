"""Limits on what one file may hold, far above any real file, so no file can stop or stall a build.

Content comes from strangers, so every file is read with limits: past one, the file gets one clear
error at its line. Each limit says below why it was chosen. The limits on YAML nesting and on aliases
are in ``fastyaml``, which counts them as it reads.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from lgds.core import reuse
from lgds.core.problems import Problems, kind

MAX_FILE_BYTES = 1024 * 1024
"""1 MB for any file the kit reads. The largest real file is ``data/councils.csv``, 53 KB for every
principal council in the UK; the largest page is 7 KB. A file near a megabyte is a mistake (an export
or a copy saved in the wrong folder), and it is refused before it is read into memory."""

MAX_YAML_CHARS = 64 * 1024
"""64 KB of YAML in one file or front matter. The largest real one, a pack, is 3.5 KB. A file with an
unusual value (a decimal, a tag) is read by ruamel.yaml, which is pure Python and reads about 50 KB a
second, so this limit keeps the slowest file to about a second."""

MAX_CELL_CHARS = 10_000
"""10,000 characters in one cell of a CSV file. The longest real cell, a council's other names, has
164; Python's own reader stops at 131,072 with an error the kit would not explain."""

FILE_TOO_BIG = kind(
    "file-too-big",
    "the file is over {limit}, more than the kit reads in one file",
    expected="a file under {limit}: the largest in the kit, the register of councils, is about 50 KB",
    fix="check this is the file you meant to add (a file this big is usually an export or a copy saved "
    "in the wrong folder); split a very long page into several",
)
YAML_TOO_LONG = kind(
    "yaml-too-long",
    "the fields take up {size} characters, more than the {limit} the kit reads in one file",
    expected="fields taking up less than {limit} characters: the longest in the kit take about 3,500",
    fix="check this is the file you meant to write; move long text into the page's body or a file of its own",
)
YAML_TOO_BIG = kind(
    "yaml-too-big",
    "{detail}",
    expected="fields nested a few levels deep, each value written out (the kit's own files nest three "
    "deep and use no `&` anchors or `*` aliases)",
    fix="write each value out in full rather than repeating it with `*` aliases, and nest lists and "
    "fields less deeply",
)
CONTROL_CHARACTER = kind(
    "control-character",
    "the line has an invisible control character ({name}){more}",
    expected="text made of letters, digits, punctuation, spaces, tabs and new lines",
    fix="delete the character: it usually comes with text pasted from another program, so if you cannot "
    "see it, delete the line and type it again; if it is an escape such as `\\0` in double quotes, take "
    "the escape out",
)
CSV_CELL_TOO_LONG = kind(
    "csv-cell-too-long",
    "a cell in this row has more than {limit} characters",
    expected="cells of less than {limit} characters: the longest in the kit has under 200",
    fix="check the row's quotes: a `\"` that is opened and never closed makes the rest of the file one cell",
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters: C0 but tab, new line and carriage return; delete; C1 (which YAML forbids)."""


_NAMES = {"\x00": ", a null byte", "\x08": ", backspace", "\x0c": ", form feed", "\x1b": ", escape"}


def without_controls(text: str, rel: str, problems: Problems) -> str:
    """The text with any control characters taken out; the first is reported at its line.

    The rest of the file is still read, so its other problems are reported in the same run, and
    nothing else is reported because of the missing characters.
    """
    found = _CONTROL.search(text)
    if found is None:
        return text
    count = len(_CONTROL.findall(text))
    name = describe(found.group())
    more = f"; the file has {count} of them" if count > 1 else ""
    problems.add(CONTROL_CHARACTER, rel, text.count("\n", 0, found.start()) + 1, name=name, more=more)
    return _CONTROL.sub("", text)


def control_in(data: Any) -> tuple[tuple[str | int, ...], str] | None:
    """Where the first text value holding a control character is, and the character; or None.

    The text of a file has none by the time it is parsed (see :func:`without_controls`), but an escape
    in double quotes (``"\\0"``, ``"\\e"``) makes one in the value.
    """
    if isinstance(data, str):
        found = _CONTROL.search(data)
        return ((), found.group()) if found else None
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        inner = control_in(value)
        if inner is not None:
            return (key, *inner[0]), inner[1]
    return None


def without_control_values(data: Any) -> Any:
    """A copy of parsed values with every control character taken out of every text."""
    if isinstance(data, str):
        return _CONTROL.sub("", data)
    if isinstance(data, dict):
        return {key: without_control_values(value) for key, value in data.items()}
    if isinstance(data, list):
        return [without_control_values(value) for value in data]
    return data


def describe(char: str) -> str:
    """How a message names a control character: its code, and its name when people know it."""
    return f"U+{ord(char):04X}" + _NAMES.get(char, "")


def check_cells(text: str, rel: str, problems: Problems) -> bool:
    """Whether every cell of the CSV ``text`` is under :data:`MAX_CELL_CHARS`; reports the first that
    is not, at its row's line. Remembered by text, so a preview checks only a changed file again."""
    line = reuse.current().by_text("csv-cells", text, _long_cell)
    if line:
        problems.add(CSV_CELL_TOO_LONG, rel, line, limit=f"{MAX_CELL_CHARS:,}")
    return not line


def _long_cell(text: str) -> int:
    """The line of the first row with a cell over the limit, or 0."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for row in reader:
            if any(len(cell) > MAX_CELL_CHARS for cell in row):
                return reader.line_num
    except csv.Error:  # past Python's own limit, far above ours: the row read last
        return reader.line_num
    return 0
