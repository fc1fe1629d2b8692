"""Bring a variant's ``based_on`` up to date in its pack.yml, keeping every other byte as it was written.

``lgds vary-pack --update-base`` records that a group has taken the original's changes. People edit
their pack.yml by hand, with comments, blank lines and their own quoting, so the file is not written
out again from its values: ruamel.yaml finds where ``based_on.version`` and each fingerprint are in the
text, and only those values are replaced, added or removed, each keeping its own quoting. The result
is read back and compared with what was meant; if the file's layout is one this cannot edit in place
(``based_on`` written in flow style, say), ruamel.yaml's round-trip writer, which keeps comments, key
order and quoting, writes it instead, and that result is checked in the same way.

ruamel.yaml is imported only when a file is updated, so ``lgds check`` starts without it.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ruamel.yaml import YAML

Node = Any
"""A node of ruamel.yaml's tree (its classes are imported only when a file is updated)."""


class CannotUpdate(Exception):
    """The file cannot be changed without touching more than ``based_on``; edit it by hand."""


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str


def update_based_on(text: str, version: str, fingerprints: dict[str, str]) -> str:
    """``text`` (a pack.yml) with ``based_on.version`` and ``based_on.fingerprints`` set; else unchanged."""
    from ruamel.yaml.error import YAMLError

    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text.removeprefix("\ufeff")
    try:
        before = _values(body)
        result = _in_place(body, version, fingerprints)
        if result is None or not _as_meant(before, _values(result), version, fingerprints):
            result = _round_trip(body, version, fingerprints)
            if not _as_meant(before, _values(result), version, fingerprints):
                raise CannotUpdate("the file's based_on cannot be changed on its own")
    except YAMLError as exc:
        raise CannotUpdate(f"the file cannot be read as YAML: {' '.join(str(exc).split())}") from None
    return bom + result


def _yaml(typ: str) -> YAML:
    from ruamel.yaml import YAML

    return YAML(typ=typ, pure=True)


def _values(text: str) -> dict[str, Any]:
    data = _yaml("safe").load(text)
    if not isinstance(data, dict) or not isinstance(data.get("based_on"), dict):
        raise CannotUpdate("the file has no based_on")
    return data


def _as_meant(before: dict[str, Any], after: dict[str, Any], version: str, prints: dict[str, str]) -> bool:
    """True when only based_on's version and fingerprints changed, and to what was asked."""
    meant = {**before["based_on"], "version": version, "fingerprints": prints}
    rest = {k: v for k, v in before.items() if k != "based_on"}
    return after.get("based_on") == meant and {k: v for k, v in after.items() if k != "based_on"} == rest


def _is(node: Node | None, kind: str) -> bool:
    """Whether a node is a "scalar", "mapping" or "sequence" (ruamel.yaml names each node's kind)."""
    return node is not None and node.id == kind


def _entry(mapping: Node, key: str) -> tuple[Node, Node] | None:
    return next(((k, v) for k, v in mapping.value if _is(k, "scalar") and k.value == key), None)


def _in_place(text: str, version: str, prints: dict[str, str]) -> str | None:
    """The text with only the changed values edited, or None when its layout is not the usual one."""
    top = _yaml("rt").compose(text)
    found = _entry(top, "based_on") if _is(top, "mapping") else None
    if found is None or not _is(found[1], "mapping") or found[1].flow_style:
        return None
    based_on = found[1]
    newline = "\r\n" if "\r\n" in text else "\n"
    edits: list[_Edit] = []
    old_version = _entry(based_on, "version")
    if old_version is None or not _is(old_version[1], "scalar"):
        return None
    edits.append(_replace(old_version[1], version))
    old_prints = _entry(based_on, "fingerprints")
    if old_prints is None:
        indent = " " * based_on.value[0][0].start_mark.column
        lines = [f"{indent}fingerprints:"] + [
            f"{indent}  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v)}" for k, v in prints.items()
        ]
        edits.append(_insert(text, based_on.value[-1][1].end_mark.index, lines, newline))
    elif _is(old_prints[1], "mapping") and not old_prints[1].flow_style and old_prints[1].value:
        changes = _fingerprint_edits(text, old_prints[1], prints, newline)
        if changes is None:
            return None
        edits += changes
    else:
        return None
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def _fingerprint_edits(text: str, mapping: Node, prints: dict[str, str], newline: str) -> list[_Edit] | None:
    edits: list[_Edit] = []
    have: set[str] = set()
    for key, value in mapping.value:
        if not _is(key, "scalar") or not _is(value, "scalar"):
            return None
        have.add(key.value)
        if key.value not in prints:  # a file or field the original no longer has: its line goes
            start = text.rfind("\n", 0, key.start_mark.index) + 1
            end = _line_end(text, value.end_mark.index)
            after = text[value.end_mark.index : end].strip()
            if text[start : key.start_mark.index].strip() or (after and not after.startswith("#")):
                return None
            edits.append(_Edit(start, text.find("\n", end) + 1 or len(text), ""))
        elif value.value != prints[key.value]:
            edits.append(_replace(value, prints[key.value]))
    first, last = mapping.value[0][0], mapping.value[-1][1]
    added = [k for k in prints if k not in have]
    if added:
        indent = " " * first.start_mark.column
        lines = [f"{indent}{_scalar(k, first.style)}: {_scalar(prints[k], last.style)}" for k in added]
        edits.append(_insert(text, last.end_mark.index, lines, newline))
    return edits


def _insert(text: str, index: int, lines: list[str], newline: str) -> _Edit:
    """Lines to add after the line holding ``index``."""
    end = _line_end(text, index)
    if end == len(text):  # the last line, with no line break after it
        return _Edit(end, end, "".join(newline + line for line in lines))
    at = text.index("\n", end) + 1
    return _Edit(at, at, "".join(line + newline for line in lines))


def _replace(node: Node, value: str) -> _Edit:
    return _Edit(node.start_mark.index, node.end_mark.index, _scalar(value, node.style))


def _scalar(value: str, style: str | None) -> str:
    """``value`` written in the quoting style of the value it replaces, when that reads back the same."""
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    if style is None and _plain_reads_back(value):
        return value
    return json.dumps(value, ensure_ascii=False)


PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
"""Plain values kept plain: a word that starts with a letter (the kit reads YAML 1.1, ruamel 1.2)."""

NOT_TEXT = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
"""Words YAML 1.1 reads as true, false or nothing rather than as text."""


def _plain_reads_back(value: str) -> bool:
    from ruamel.yaml.error import YAMLError

    if not PLAIN.fullmatch(value) or value.casefold() in NOT_TEXT:
        return False
    try:
        return _yaml("safe").load(f"k: {value}\n") == {"k": value}
    except YAMLError:
        return False


def _line_end(text: str, index: int) -> int:
    """Where the line holding ``index`` ends, before its line break."""
    end = text.find("\n", index)
    if end == -1:
        return len(text)
    return end - 1 if text[end - 1 : end] == "\r" else end


def _round_trip(text: str, version: str, prints: dict[str, str]) -> str:
    yaml = _yaml("rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    data = yaml.load(text)
    data["based_on"]["version"] = version
    data["based_on"]["fingerprints"] = dict(prints)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
