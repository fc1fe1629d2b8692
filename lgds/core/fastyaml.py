"""A fast path for reading the kit's YAML: libyaml (C) parses, and we note where each value was.

ruamel.yaml's round-trip parser is pure Python and took over 90% of ``lgds check`` at national scale
(about 4 ms for a two-line sign-up file). libyaml, through PyYAML (which MkDocs already installs),
parses the same text into events, with the same line marks, in a fraction of that time. We build
plain dicts, lists and scalars from the events, plus a table of lines by location (see
``sources.Located``), and resolve plain scalars by the YAML 1.2 rules ruamel uses (``yes`` and
``10:00`` stay text; dates stay text).

Anything unusual (syntax errors, duplicate keys, merge keys, explicit tags, anchors and aliases,
numbers that are not plain integers) raises :class:`Unsupported`, and the caller falls back to ruamel,
which then reports the exact problem with its usual message. ``tests/test_perf_yaml.py`` checks both
paths agree.

Every text is read to its end here first, even one that goes to ruamel, and :class:`TooBig` is
raised as soon as it nests too deep or its aliases would repeat too much (see ``MAX_DEPTH`` and
``MAX_VALUES``). So no file reaches a parser that would crash or run out of memory on it: PyYAML's
own composer recurses in C, and a few hundred kilobytes of ``[`` crash the interpreter; a "billion
laughs" file of ten lines expands to a thousand million values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from lgds.core import reuse

# libyaml is what makes this fast; without it the pure-Python parser still checks the limits
_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
AVAILABLE = hasattr(yaml, "CSafeLoader")

MAX_DEPTH = 32
"""How deep lists and sets of fields may nest. The kit's files nest three deep at most (a pack's run
sheet is a list of sets of fields), so 32 leaves plenty of room, and is far below where ruamel's
parser (which recurses in Python) or anything reading the values would run out of stack."""

MAX_VALUES = 20_000
"""How many values (each text, number, list and set of fields) one file may hold once its aliases
(``*name``, which repeat the value marked ``&name``) are expanded. The largest file in the kit, a
pack, holds about 150 and the kit's files use no aliases; a file of ten lines whose aliases repeat one
another would hold a thousand million."""

_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}(?:-[0-9]{1,2})?")
_NUMBER_LIKE = re.compile(
    r"[-+]?(?:\.?[0-9][0-9_:.eExXoObB+-]*|0[xXoObB][0-9a-fA-F_]+|\.(?:inf|Inf|INF|nan|NaN|NAN))"
)
_EXPLICIT_TAG = re.compile(r"(?:^|[\s\[{,])!")

_NUMERIC_START = frozenset("+-.0123456789")
"""How every integer, date and number-like value starts."""

_SCALAR, _ALIAS, _DOCUMENT, _END = (
    yaml.ScalarEvent,
    yaml.AliasEvent,
    yaml.DocumentStartEvent,
    yaml.StreamEndEvent,
)
_MAPPING, _MAPPING_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQUENCE, _SEQUENCE_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent
_NO_KEY = object()
"""In place of the next key: the set of fields waits for a key, not for a key's value."""
_ITEM = object()
"""In place of the next key: this is a list."""
_DECLINE = object()
"""A plain value whose meaning ruamel must decide."""


Loc = tuple[str | int, ...]
"""Where a value is in a file's data: the keys and list positions that lead to it."""


class Unsupported(Exception):
    """The fast path cannot promise the same result as ruamel for this text; use ruamel."""


class TooBig(Exception):
    """The text is past one of the limits; no parser should be given it. ``line`` is 0-based."""

    def __init__(self, line: int, detail: str) -> None:
        super().__init__(detail)
        self.line = line
        self.detail = detail


def load(text: str) -> tuple[Any, dict[Loc, int]]:
    """Parse ``text`` into plain values and the 0-based line of each.

    Raises :class:`TooBig` past the limits, else :class:`Unsupported` for what ruamel must read.
    Results are remembered by text, so a preview server re-reads only the files that changed. Callers
    must not change what they get back (the loaders only read it).
    """
    return reuse.current().by_text("yaml", text, _load)


def _load(text: str) -> tuple[Any, dict[Loc, int]]:
    declined = "" if AVAILABLE else "libyaml is not installed"
    if not declined and _EXPLICIT_TAG.search(text):
        declined = "explicit tag"
    loader = _Loader(text)
    try:
        data, lines, declined = _read(loader.get_event, declined)
    except yaml.YAMLError as exc:
        raise Unsupported(str(exc)) from exc
    finally:
        loader.dispose()
    if declined:
        raise Unsupported(declined)
    return data, lines


def _read(next_event: Callable[[], Any], declined: str) -> tuple[Any, dict[Loc, int], str]:
    """Values and lines from the events; the limits are checked to the end, even once ``declined``.

    One loop over the events, with no call for most of them: this is most of the time ``lgds check``
    spends reading files.
    """
    lines: dict[Loc, int] = {}
    root: Any = None
    frames: list[list[Any]] = []  # each open list or set of fields: [value, loc, next key, its line]
    opened: list[tuple[str | None, int]] = []  # each open one's anchor, and the count when it opened
    anchors: dict[str, int] = {}  # how many values each anchor stands for, once it is complete
    count = repeated = documents = 0  # values so far; of them, values repeated by aliases
    while True:
        event = next_event()
        kind = type(event)
        if kind is _SCALAR or kind is _MAPPING or kind is _SEQUENCE:
            count += 1
            if count > MAX_VALUES:
                raise TooBig(event.start_mark.line, TOO_MANY if repeated else TOO_LONG)
            if kind is _SCALAR:
                if event.anchor is not None:
                    anchors[event.anchor] = 1
            else:
                if len(opened) >= MAX_DEPTH:
                    raise TooBig(event.start_mark.line, TOO_DEEP)
                opened.append((event.anchor, count - 1))
            if declined:
                continue
            if event.anchor is not None or event.tag is not None:
                declined = "anchor or tag"
                continue
            if kind is _SCALAR:
                value = event.value
                if not event.style:  # plain: quoted and block scalars are always text
                    value = _plain(value)
                    if value is _DECLINE:
                        declined = "number-like text or merge key"  # floats, 1_000, 10:00, `<<`
                        continue
            else:
                value = {} if kind is _MAPPING else []
            line = event.start_mark.line
            if not frames:
                root, here = value, ()
                if kind is not _SCALAR:
                    lines[()] = line
            else:
                frame = frames[-1]
                container, here, key = frame[0], frame[1], frame[2]
                if key is _ITEM:
                    here = (*here, len(container))
                    lines[here] = line
                    container.append(value)
                elif key is _NO_KEY:
                    name = str(value)
                    if kind is not _SCALAR or name in container:
                        declined = "complex or duplicate key"
                        continue
                    frame[2], frame[3] = name, line
                    continue
                else:
                    here = (*here, key)
                    lines[here] = line if kind is _SCALAR else frame[3]
                    container[key] = value
                    frame[2] = _NO_KEY
            if kind is not _SCALAR:
                frames.append([value, here, _NO_KEY if kind is _MAPPING else _ITEM, 0])
        elif kind is _MAPPING_END or kind is _SEQUENCE_END:
            anchor, start = opened.pop()
            if anchor is not None:
                anchors[anchor] = count - start
            if not declined:
                frames.pop()
        elif kind is _ALIAS:
            line = event.start_mark.line
            repeats = _repeats(event.anchor, anchors, opened, line)
            count, repeated = count + repeats, repeated + repeats
            if count > MAX_VALUES:
                raise TooBig(line, TOO_MANY)
            declined = declined or "alias"
        elif kind is _DOCUMENT:
            documents += 1
            if documents > 1:
                declined = declined or "more than one document"
        elif kind is _END or event is None:
            return root, lines, declined


TOO_DEEP = f"the lists and fields here are nested more than {MAX_DEPTH} deep"
TOO_LONG = f"the file holds more than {MAX_VALUES:,} values"
TOO_MANY = (
    f"the aliases (`*name`) repeat values so often that the file would hold more than {MAX_VALUES:,} values"
)


def _repeats(name: str, anchors: dict[str, int], opened: list[tuple[str | None, int]], line: int) -> int:
    """How many values the alias ``*name`` repeats."""
    if any(anchor == name for anchor, _ in opened):
        raise TooBig(line, f"the alias `*{name}` is inside the value it repeats, so it would never end")
    return anchors.get(name, 0)  # an unknown name: ruamel reports it


def _plain(value: str) -> Any:
    """A plain scalar's value by the YAML 1.2 rules ruamel uses, or ``_DECLINE`` for ruamel to decide."""
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if value[0] not in _NUMERIC_START:  # most values: text, with no need for the patterns
        return _DECLINE if value == "<<" else value
    if _INT.fullmatch(value):
        return int(value)
    if _DATE.fullmatch(value):
        return value  # dates stay text, as in sources._Constructor, so the models can locate bad ones
    if _NUMBER_LIKE.fullmatch(value):
        return _DECLINE  # floats, octal, 1_000, 10:00, .inf: let ruamel decide
    return value
