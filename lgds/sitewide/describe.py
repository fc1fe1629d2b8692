"""What a template says about itself: the ``{#- ... -#}`` comment it opens with.

The comment holds one paragraph on what the template makes (which page, its address), then one line per
variable it receives, ``name: what it is (type: the fields the template uses)``; several names may share
a line (``before, after: ...``), and a description may go on over lines indented further. The templates
reference page (/reference/templates/) is made from these comments, and ``tests/test_templates.py``
checks that every variable a template uses is listed in its own.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

OPENING = re.compile(r"\A\{#-?(?P<body>.*?)-?#\}", re.S)
"""A template's opening comment."""

VARIABLE = re.compile(r"(?P<names>[A-Za-z_]\w*(?:, [A-Za-z_]\w*)*): (?P<what>.+)")
"""A line that starts a variable's description: ``name: what it is`` or ``a, b: what they are``."""

ALWAYS = ("site", "here")
"""What every template receives besides its own variables: the whole Site and its page's source path."""


@dataclass(frozen=True)
class Part:
    """A piece of a description: plain text, or a name or path to show as code (written in `backticks`)."""

    text: str
    code: bool = False


@dataclass(frozen=True)
class Variable:
    """One line of the comment: the names it describes and what they are."""

    names: tuple[str, ...]
    what: tuple[Part, ...]


@dataclass(frozen=True)
class Described:
    """A template's own account of itself."""

    about: tuple[tuple[Part, ...], ...]
    """What it makes, paragraph by paragraph."""
    variables: tuple[Variable, ...]

    @property
    def names(self) -> set[str]:
        """Every variable the comment lists."""
        return {name for variable in self.variables for name in variable.names}


def parts(text: str) -> tuple[Part, ...]:
    """Text on one line, split at its `backticks` into plain text and code."""
    pieces = " ".join(text.split()).split("`")
    if len(pieces) % 2 == 0:  # an unmatched backtick: show the text as it is
        pieces = ["`".join(pieces)]
    return tuple(Part(piece, code=i % 2 == 1) for i, piece in enumerate(pieces) if piece)


def describe(source: str) -> Described | None:
    """What the template ``source`` says about itself; ``None`` when it does not open with a comment."""
    found = OPENING.match(source)
    if found is None:
        return None
    paragraphs = [p for p in re.split(r"\n\s*\n", textwrap.dedent(found.group("body")).strip()) if p.strip()]
    about: list[str] = paragraphs[:1]
    variables: list[tuple[str, list[str]]] = []
    for paragraph in paragraphs[1:]:
        lines = paragraph.splitlines()
        if not VARIABLE.fullmatch(lines[0]):
            about.append(paragraph)
            continue
        for line in lines:
            starts = VARIABLE.fullmatch(line)
            if starts and not line[:1].isspace():
                variables.append((starts["names"], [starts["what"]]))
            elif variables:
                variables[-1][1].append(line)
    return Described(
        about=tuple(parts(p) for p in about),
        variables=tuple(Variable(tuple(n.split(", ")), parts(" ".join(w))) for n, w in variables),
    )
