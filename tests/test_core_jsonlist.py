"""The open-data JSON files, encoded an entry at a time, are exactly what encoding them whole gives."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lgds.core import jsonlist

TEXT = st.text(max_size=20)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=10,
)


@given(head=st.dictionaries(TEXT, VALUES, max_size=4), items=st.lists(VALUES, max_size=4))
def test_the_file_is_what_encoding_it_whole_gives(head: dict, items: list) -> None:
    head.pop("events", None)
    whole = json.dumps({**head, "events": items}, ensure_ascii=False, indent=1) + "\n"
    assert jsonlist.document(head, "events", [jsonlist.entry(i) for i in items]) == whole


@pytest.mark.parametrize("text", ["two\nlines", 'a "quote"', "tab\there", "Ynys Môn"])
def test_text_with_line_breaks_and_quotes_reads_back_as_written(text: str) -> None:
    written = jsonlist.document({"title": text}, "reviews", [jsonlist.entry({"evidence": text})])
    assert json.loads(written) == {"title": text, "reviews": [{"evidence": text}]}
