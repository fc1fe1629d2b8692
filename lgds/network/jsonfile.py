"""Reading a gathered copy (JSON, written by ``lgds gather``) so that its values keep their lines.

A copy is too big for the YAML reader's limits, which suit hand-written files (a region's ten years
of events is several hundred kilobytes), so it is read with Python's JSON parser, under its own limit.
JSON has no record of where a value was, so lines are found in the text as ``lgds gather`` lays it
out: each field of the copy and of its data on its own line, and each event from the line of its
``"id"``. A problem inside an event is reported at that line; in a copy laid out otherwise, at line 1.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

from lgds.core import reuse
from lgds.core.problems import Problem, Problems, kind
from lgds.core.sources import Source

MAX_COPY_BYTES = 5_000_000
"""The most a gathered copy may hold: ``lgds gather`` refuses a larger file from a site, and ten
years of a busy group's events take a few hundred kilobytes."""

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

NOT_JSON = kind(
    "gathered-not-json",
    "the gathered copy cannot be read: {detail}",
    expected="the JSON file `lgds gather` writes",
    fix="run `lgds gather` again to replace it, or take the change to this file out of the pull request",
    area="network",
)
TOO_BIG = kind(
    "gathered-too-big",
    "the gathered copy is {size} bytes, more than the {limit} the kit reads",
    expected="a copy under {limit} bytes",
    fix="check the regional site's data; `lgds gather` refuses a file this big",
    area="network",
)
CONTROL_TEXT = kind(
    "gathered-control-character",
    "a value holds an invisible control character",
    expected="text made of letters, digits, punctuation and spaces",
    fix="ask the regional site's maintainers to take the character out, then gather again",
    area="network",
)


def parse_copy(text: str, path: str, problems: Problems) -> Source | None:
    """The copy's data with the lines of its fields and events, or None with the fault reported.

    The same text gives the very same data (``reuse``), so a preview rebuild checks again only the
    copies that changed.
    """
    source, found = reuse.current().by_text("gathered-json", text, lambda t: _parse(t, path))
    problems.extend(found)
    return source


def _parse(text: str, path: str) -> tuple[Source | None, list[Problem]]:
    problems = Problems()
    source = _read(text, path, problems)
    return source, list(problems)


def _read(text: str, path: str, problems: Problems) -> Source | None:
    size = len(text.encode("utf-8"))
    if size > MAX_COPY_BYTES:
        problems.add(TOO_BIG, path, 1, size=f"{size:,}", limit=f"{MAX_COPY_BYTES:,}")
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problems.add(NOT_JSON, path, exc.lineno, detail=exc.msg)
        return None
    except RecursionError:
        problems.add(NOT_JSON, path, 1, detail="it nests too deeply")
        return None
    lines = _lines(text, data)
    bad = _control(data, ())
    if bad is not None:
        problems.add(CONTROL_TEXT, path, _nearest(lines, bad) + 1)
        return None
    return Source(path, data, 1, lines=lines)


TOP_FIELD = re.compile(r' "([a-z_]+)":')
INNER_FIELD = re.compile(r'  "([a-z_]+)":')
EVENT_FIELD = re.compile(r'\s*"([a-z_]+)":')


def _lines(text: str, data: Any) -> dict[tuple[str | int, ...], int]:
    """0-based lines of the copy's fields, its data's fields and its events, as gather lays them out.

    Each line is looked at a bounded number of times, however the copy is laid out: an event's fields
    are looked for from its ``"id"`` line to the next ``"id"`` line at most, once per line.
    """
    rows = text.splitlines()
    lines: dict[tuple[str | int, ...], int] = {}
    ids: dict[str, int] = {}
    starts: list[int] = []  # every ``"id"`` line, in order
    for number, row in enumerate(rows):
        if row.startswith(' "'):
            top = TOP_FIELD.match(row)
            if top:
                lines.setdefault((top.group(1),), number)
        elif row.startswith('  "'):
            inner = INNER_FIELD.match(row)
            if inner:
                lines.setdefault(("data", inner.group(1)), number)
        if '"id":' in row and row.lstrip().startswith('"id":'):
            ids[row.strip()] = number
            starts.append(number)
    events = (
        data.get("data", {}).get("events")
        if isinstance(data, dict) and isinstance(data.get("data"), dict)
        else None
    )
    if isinstance(events, list) and ids:
        fields: dict[int, dict[str, int]] = {}  # each ``"id"`` line's event fields, found once
        for i, event in enumerate(events):
            if isinstance(event, dict) and isinstance(event.get("id"), str):
                found = ids.get(f'"id": "{event["id"]}",')  # an identifier has no character to escape
                if found is not None:
                    lines[("data", "events", i)] = found
                    if found not in fields:
                        after = bisect.bisect_right(starts, found)
                        end = starts[after] if after < len(starts) else len(rows)
                        fields[found] = _event_fields(rows, found, end)
                    for name, number in fields[found].items():
                        lines[("data", "events", i, name)] = number
    return lines


def _event_fields(rows: list[str], start: int, end: int) -> dict[str, int]:
    """The lines of an event's own fields, from its ``"id"`` line to the end of the event (or ``end``)."""
    found: dict[str, int] = {}
    indent = len(rows[start]) - len(rows[start].lstrip())
    for number in range(start, end):
        row = rows[number]
        depth = len(row) - len(row.lstrip())
        if depth < indent:
            break
        if depth == indent:
            field = EVENT_FIELD.match(row)
            if field:
                found[field.group(1)] = number
    return found


def _control(value: Any, at: tuple[str | int, ...]) -> tuple[str | int, ...] | None:
    """Where the first string with a control character is, or None."""
    if isinstance(value, str):
        return at if CONTROL.search(value) else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, inner in items:
        if isinstance(key, str) and CONTROL.search(key):
            return at
        found = _control(inner, (*at, key))
        if found is not None:
            return found
    return None


def _nearest(lines: dict[tuple[str | int, ...], int], at: tuple[str | int, ...]) -> int:
    for end in range(len(at), 0, -1):
        if at[:end] in lines:
            return lines[at[:end]]
    return 0
