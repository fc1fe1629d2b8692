"""YAML mistakes in words a council officer knows: a tab, a line out of line, a missing colon, a quote or
bracket never closed, with the line to look at and the fix.

ruamel.yaml says what its parser expected ("expected <block end>, but found '<scalar>'"); this says what
the person typing most likely did, from the error and the text around it. It also finds the mistake
YAML does not call one: `` #`` starts a comment, so ``title: Meeting #3`` means ``Meeting``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lgds.core.problems import Problems, kind

COMMENT_CUT = kind(
    "text-cut-by-comment",
    "{name} is only '{kept}': YAML reads ` #` as the start of a comment, so `#{rest}` is left out",
    expected="text with ` #` in it written in quotes",
    fix="put the whole value in quotes: `{quoted}`",
    warning=True,
)

Mark = tuple[int, int]
"""A place in the text: 0-based line and column."""


@dataclass(frozen=True)
class Wording:
    """What went wrong in plain words, the 0-based line where the fix goes, and the fix."""

    line: int
    what: str
    fix: str


GENERIC_FIX = (
    "check the indentation and punctuation near this line; put text containing `: ` or ` #` in quotes"
)


def explain(text: str, problem: str, at: Mark | None, context: str, opened: Mark | None) -> Wording:
    """Plain words for ruamel.yaml's ``problem`` at ``at``, whose ``context`` began at ``opened``."""
    lines = YAML_LINES.split(text)  # as the YAML reader counts lines, whose marks say where
    row = at[0] if at else 0
    line = lines[row] if row < len(lines) else ""
    if "'\\t'" in problem or "\t" in line[: len(line) - len(line.lstrip())]:
        return Wording(row, "the line starts with a tab: YAML needs spaces to indent", _TAB_FIX)
    if "quoted scalar" in context and opened:
        quote = lines[opened[0]][opened[1] : opened[1] + 1] or '"'
        what = f"the `{quote}` that starts the value on this line is never closed"
        return Wording(opened[0], what, f"add a closing `{quote}` at the end of the value")
    if "flow sequence" in context or "flow mapping" in context:
        row = opened[0] if opened else row
        opening, close = ("[", "]") if "sequence" in context else ("{", "}")
        what = f"the `{opening}` on this line is never closed with `{close}`"
        field = re.match(r"\s*(?:- )?([^\s:#][^:]*?):", lines[row]) if row < len(lines) else None
        name = field.group(1) if field else "name"
        example = f"`{name}: [first, second]`" if close == "]" else f"`{name}: {{first: 1, second: 2}}`"
        fix = f"add `{close}` after the last entry, as in {example}; text that starts with `{opening}` goes in quotes"
        return Wording(row, what, fix)
    if "could not find expected ':'" in problem:
        row = opened[0] if opened else row
        what = "this line has no colon after its field name"
        return Wording(
            row, what, "write the field's name, a colon and a space, then the value: `name: value`"
        )
    if "mapping values are not allowed" in problem and at:
        return _stray_colon(lines, at)
    if "duplicate key" in problem:
        key = re.search(r'duplicate key "([^"]*)"', problem)
        given = f"`{key.group(1)}`" if key else "a field"
        fix = f"keep one of the two lines that start with {given}, saying what both say"
        return Wording(row, f"{given} is given twice in this file", fix)
    if "<block end>" in problem and at:
        return _out_of_line(lines, at)
    if "cannot start any token" in problem or "undefined alias" in problem or "chomping" in problem:
        where = opened if "chomping" in problem and opened else at or (row, 0)
        said = lines[where[0]] if where[0] < len(lines) else ""
        char = said[where[1] : where[1] + 1]
        shown = "a backtick (`)" if char == "`" else f"`{char}`"
        what = (
            f"a value cannot start with {shown} unless it is in quotes" if char else "the value needs quotes"
        )
        return Wording(where[0], what, _quote_fix(said))
    return Wording(row, problem or "unexpected text", GENERIC_FIX)


YAML_LINES = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
"""What YAML reads as the end of a line: a lone carriage return too, and the Unicode line breaks."""

_TAB_FIX = "indent with spaces instead of the tab (two spaces a level); most editors can be set to do so"


def _stray_colon(lines: list[str], at: Mark) -> Wording:
    """``: `` where YAML cannot take a new field: inside a value, or on a line indented too far."""
    row, column = at
    line = lines[row]
    before = line[:column]
    if re.match(r"\s*(?:- )?[^\s:#][^:]*:\s", before):  # a field already starts on this line
        return Wording(
            row, "the value has `: ` in it, which YAML reads as the start of another field", _quote_fix(line)
        )
    previous = _previous(lines, row)
    if previous is not None and _indent(lines[previous]) == _indent(line) and ":" not in lines[previous]:
        what = "this line has no colon after its field name"
        return Wording(
            previous, what, "write the field's name, a colon and a space, then the value: `name: value`"
        )
    what = "this line is indented further than the field above it, so YAML cannot tell where it belongs"
    return Wording(row, what, "line it up with the fields above it, using the same number of spaces")


def _out_of_line(lines: list[str], at: Mark) -> Wording:
    """A line that does not fit where it is: text after a closing quote, or an indent out of step."""
    row, column = at
    line = lines[row]
    before = line[:column].rstrip()
    if column and before.endswith(('"', "'")):
        quote = before[-1]
        if before.count(quote) % 2:  # it closes a value opened on an earlier line, left open there
            opener = next((i for i in range(row - 1, -1, -1) if lines[i].count(quote) % 2), row)
            what = f"the `{quote}` that starts the value on this line is never closed"
            return Wording(opener, what, f"add a closing `{quote}` at the end of the value")
        return Wording(row, "there is more text after the closing quote", _quote_fix(line))
    what = "this line is not lined up with the lines above it"
    return Wording(row, what, "indent it by the same number of spaces as the others at its level")


def _quote_fix(line: str) -> str:
    """Quoting the value of ``line``: ``put the value in quotes: `title: "Agenda: the plan"` ``."""
    match = re.match(r"\s*(- )?([^\s:#][^:]*?):\s+(.*?)\s*$", line)
    if not match:
        return "put the value in double quotes"
    lead, name, value = match.group(1) or "", match.group(2), match.group(3)
    if '"' in value and "'" not in value:
        return f"put the whole value in single quotes: `{lead}{name}: '{value}'`"
    value = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'put the whole value in double quotes: `{lead}{name}: "{value}"`'


def _previous(lines: list[str], row: int) -> int | None:
    for i in range(row - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


_CUT = re.compile(
    r"""^(\s*(?:- )?)([^\s:#'"][^:#]*?):[ \t]+([^\s'"\[{|>&*!%@`#][^#\n]*?)[ \t]+#(\S[^\n]*)$"""
)
_ITEM_CUT = re.compile(r"""^(\s*- )()([^\s'"\[{|>&*!%@`#:][^#:\n]*?)[ \t]+#(\S[^\n]*)$""")


def report_cut_values(text: str, rel: str, problems: Problems, first_line: int) -> None:
    """Warn where `` #`` cut a value short: ``title: Meeting #3`` is read as ``title: Meeting``.

    Only where ``#`` is followed by text without a space, as in ``#3``: a comment written on purpose
    after a value starts ``# ``.
    """
    if " #" not in text and "\t#" not in text:
        return
    for row, line in enumerate(text.split("\n")):
        match = _CUT.match(line) or _ITEM_CUT.match(line)
        if not match:
            continue
        lead, name, kept, rest = match.groups()
        whole = f"{kept} #{rest}".replace("\\", "\\\\").replace('"', '\\"')
        quoted = f'{lead.strip()} {name}: "{whole}"'.strip() if name else f'- "{whole}"'
        shown = f"`{name}`" if name else "the list entry"
        problems.add(
            COMMENT_CUT,
            rel,
            first_line + row,
            name=shown,
            kept=kept.strip(),
            rest=rest,
            quoted=quoted.strip(),
        )
