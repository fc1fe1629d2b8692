"""A readable diff of two texts, as data for a template to mark up.

Only the changed lines are kept, with one line of context around them, in hunks. Lines that were
replaced are compared word by word, so a reworded sentence shows the words that changed rather than
two whole paragraphs. Each hunk is a list of lines; each line a list of segments, each segment some
text that is the same on both sides, removed or added. A segment's text may run over line breaks.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

Change = Literal["context", "same", "removed", "added"]
"""``context``: a whole unchanged line around a change; ``same``: unchanged words in a changed line."""


@dataclass(frozen=True)
class Segment:
    """Some text and how it changed, split at its line breaks."""

    change: Change
    lines: tuple[str, ...]


Line = list[Segment]
"""What is shown on one line of a hunk (a removed blank line shows as an empty one)."""

Hunk = list[Line]

WORDS = re.compile(r"\S+|\s+")

_MARKS = (
    (re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$"), r"\1"),  # a heading: its words
    (re.compile(r"^(\s*)[-*+]\s+(\[[ xX]\]\s+)?"), "\\1• "),  # a bullet, or a checkbox
    (re.compile(r"^\s{0,3}>\s?"), ""),  # a quotation
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # a link or image: its text
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])"), r"\2"),  # emphasis
    (re.compile(r"`+([^`]*)`+"), r"\1"),  # code
)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def plain(markdown: str) -> str:
    """Markdown as a reader sees its words, line for line: no heading marks, asterisks, backticks or
    link addresses; a bullet as "•", a table row's cells joined with " · ", a table's rule left out."""
    out = []
    for line in markdown.split("\n"):
        if _TABLE_RULE.match(line) and "-" in line:
            continue
        if line.strip().startswith("|"):
            line = " · ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        for pattern, replacement in _MARKS:
            line = pattern.sub(replacement, line)
        out.append(line.rstrip())
    return "\n".join(out)


def diff(before: str, after: str) -> list[Hunk]:
    """The hunks that turn ``before`` into ``after``; none when they are the same."""
    a, b = before.split("\n"), after.split("\n")
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    hunks = []
    for group in matcher.get_grouped_opcodes(1):
        lines: Hunk = []
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                lines += [[Segment("context", (line,))] for line in a[i1:i2]]
            elif op == "delete":
                lines += [_whole("removed", line) for line in a[i1:i2]]
            elif op == "insert":
                lines += [_whole("added", line) for line in b[j1:j2]]
            else:
                lines.append(words("\n".join(a[i1:i2]), "\n".join(b[j1:j2])))
        hunks.append(lines)
    return hunks


def _whole(change: Change, line: str) -> Line:
    """A removed or added line; a blank one is shown as an empty line, with nothing to mark."""
    return [Segment(change, (line,))] if line.strip() else []


def words(before: str, after: str) -> Line:
    """Changed lines compared word by word; a change that is only white space is shown as it is now,
    unmarked, so the words either side of it do not run together."""
    a, b = WORDS.findall(before), WORDS.findall(after)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    out: Line = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal" or not (removed.strip() or added.strip()):
            if added:
                out.append(_segment("same", added))
            continue
        if removed.strip():
            out.append(_segment("removed", removed))
        if added.strip():
            out.append(_segment("added", added))
    return out


def _segment(change: Change, text: str) -> Segment:
    return Segment(change, tuple(text.split("\n")))
