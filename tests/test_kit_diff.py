"""What a variant changed, as data: changed lines compared word by word, and how a page marks it up."""

from __future__ import annotations

from lgds.kit.diff import Segment, diff


def test_a_reworded_line_shows_the_words_that_changed():
    hunks = diff("Keep it short.\nAsk the room.", "Keep it brief.\nAsk the room.")
    assert hunks == [
        [
            [
                Segment("same", ("Keep it ",)),
                Segment("removed", ("short.",)),
                Segment("added", ("brief.",)),
            ],
            [Segment("context", ("Ask the room.",))],
        ]
    ]


def test_only_changed_lines_are_kept_with_one_line_of_context():
    before = "\n".join(f"line {n}" for n in range(10))
    after = before.replace("line 5", "line five")
    (hunk,) = diff(before, after)
    assert [line[0].lines[0] for line in hunk if line[0].change == "context"] == ["line 4", "line 6"]
    assert diff(before, before) == []


def test_a_change_of_white_space_alone_is_not_marked_and_keeps_words_apart():
    (hunk,) = diff("one two", "one  two")
    assert all(segment.change == "same" for line in hunk for segment in line)
    assert "".join(segment.lines[0] for line in hunk for segment in line) == "one  two"


def test_a_new_blank_line_shows_as_an_empty_line():
    (hunk,) = diff("a\nb", "a\n\nb")
    assert hunk == [[Segment("context", ("a",))], [], [Segment("context", ("b",))]]
