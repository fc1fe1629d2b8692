"""YAML mistakes are explained in words a council officer knows, at the line where the fix goes.

Each row is a mistake people make when they edit YAML by hand, what the message must say, and the
line it must name. A value that ` #` cut short is not a YAML error at all, so it is a warning.
"""

from __future__ import annotations

import pytest

from lgds.core.problems import Problems
from lgds.core.sources import parse_yaml

MISTAKES = [
    (
        "a tab",
        "title: A meeting\n\tstatus: active\n",
        2,
        "the line starts with a tab: YAML needs spaces to indent",
        "indent with spaces instead of the tab",
    ),
    (
        "an indent too far",
        "title: A meeting\n  status: active\n",
        2,
        "this line is indented further than the field above it",
        "line it up with the fields above it",
    ),
    (
        "a list entry out of line",
        "covers:\n  - London\n - South East\n",
        3,
        "this line is not lined up with the lines above it",
        "indent it by the same number of spaces",
    ),
    (
        "a missing colon",
        "title: A meeting\nstatus active\ndate: 2027-02-10\n",
        2,
        "this line has no colon after its field name",
        "write the field's name, a colon and a space, then the value: `name: value`",
    ),
    (
        "a missing colon in a set of fields",
        "venue:\n  name Civic Centre\n  postcode: NW1 9ZZ\n",
        2,
        "this line has no colon after its field name",
        "write the field's name, a colon and a space, then the value: `name: value`",
    ),
    (
        "an unclosed double quote",
        'title: "A meeting\nstatus: active\n',
        1,
        'the `"` that starts the value on this line is never closed',
        'add a closing `"` at the end of the value',
    ),
    (
        "an unclosed quote before a quoted value",
        'start: "10:00\nend: "13:00"\nstatus: active\n',
        1,
        'the `"` that starts the value on this line is never closed',
        'add a closing `"` at the end of the value',
    ),
    (
        "an unclosed single quote",
        "title: 'A meeting\nstatus: active\n",
        1,
        "the `'` that starts the value on this line is never closed",
        "add a closing `'`",
    ),
    (
        "an unclosed bracket",
        "covers: [London\nstatus: active\n",
        1,
        "the `[` on this line is never closed with `]`",
        "add `]` after the last entry, as in `covers: [first, second]`",
    ),
    (
        "a colon inside a value",
        "title: Agenda: the plan\n",
        1,
        "the value has `: ` in it, which YAML reads as the start of another field",
        'put the whole value in double quotes: `title: "Agenda: the plan"`',
    ),
    (
        "text after a closing quote",
        'title: "Show and tell" at noon\n',
        1,
        "there is more text after the closing quote",
        "put the whole value in single quotes: `title: '\"Show and tell\" at noon'`",
    ),
    (
        "a value starting with @",
        "contact: @london\n",
        1,
        "a value cannot start with `@` unless it is in quotes",
        'put the whole value in double quotes: `contact: "@london"`',
    ),
    (
        "a field twice",
        "title: One\nstatus: active\ntitle: Two\n",
        3,
        "`title` is given twice in this file",
        "keep one of the two lines that start with `title`",
    ),
]


@pytest.mark.parametrize("text,line,what,fix", [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_yaml_mistake_is_explained_at_the_line_to_fix(text, line, what, fix):
    problems = Problems()
    assert parse_yaml(text, "group.yml", problems) is None
    (problem,) = list(problems)
    said = problem.format()
    assert said.startswith(f"group.yml:{line}: error yaml-syntax: the YAML cannot be read: {what}"), said
    assert f"(fix: {fix}" in said, said


def test_the_line_counts_from_the_top_of_a_markdown_file():
    problems = Problems()
    parse_yaml("title: A meeting\nstatus active\n", "event.md", problems, first_line=2)
    assert [p.line for p in problems] == [3]


CUT = [
    ("title: Meeting #3\n", 1, "`title` is only 'Meeting'", "#3", 'title: "Meeting #3"'),
    (
        "venue:\n  name: Room #4, floor 2\n",
        2,
        "`name` is only 'Room'",
        "#4, floor 2",
        'name: "Room #4, floor 2"',
    ),
    ("covers:\n  - North #1\n", 2, "the list entry is only 'North'", "#1", '- "North #1"'),
]


@pytest.mark.parametrize("text,line,what,rest,quoted", CUT, ids=["field", "nested field", "list entry"])
def test_a_value_cut_short_by_a_comment_is_a_warning_that_suggests_quotes(text, line, what, rest, quoted):
    problems = Problems()
    assert parse_yaml(text, "f.yml", problems) is not None
    (problem,) = list(problems)
    assert problem.severity == "warning"
    assert problem.format() == (
        f"f.yml:{line}: warning text-cut-by-comment: {what}: YAML reads ` #` as the start of a comment, "
        f"so `{rest}` is left out; expected text with ` #` in it written in quotes "
        f"(fix: put the whole value in quotes: `{quoted}`)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "title: Meeting # about the budget\n",  # a comment, written as one
        "# a whole line of comment\ntitle: Meeting\n",
        'title: "Meeting #3"\n',
        "online: https://example.org/#join\n",
        "title: 'Room #4'\n",
    ],
)
def test_a_comment_written_as_one_or_a_hash_in_quotes_is_fine(text):
    problems = Problems()
    assert parse_yaml(text, "f.yml", problems) is not None
    assert list(problems) == []
