"""Field types shared by several models: web links, year-months, clock times, slugs."""

from __future__ import annotations

import re
from datetime import date, time
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
EMAIL_PATTERN = r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$"


class Located(BaseModel):
    """A model read from a file: it remembers the file and line, which are not part of the data."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    _path: str = PrivateAttr(default="")
    _line: int = PrivateAttr(default=0)

    def locate(self, path: str, line: int) -> Located:
        self._path, self._line = path, line
        return self

    @property
    def source_path(self) -> str:
        return self._path

    @property
    def source_line(self) -> int:
        return self._line


def _web_link(value: str) -> str:
    if not re.match(r"^https?://[^\s/$.?#][^\s<>\"]*$", value, re.IGNORECASE):
        raise ValueError("this is not a web address starting with https:// or http://")
    return value


def _one_line_no_markup(value: str) -> str:
    # YAML's folded and literal blocks (`>`, `|`) put line breaks into long names; a name is one line
    # wherever it appears (a page heading, a table cell, a calendar entry), so runs of spaces close up.
    value = " ".join(value.split())
    if not value:
        raise ValueError("this is empty")
    if re.search(r"<\s*/?\s*[a-zA-Z!]", value):
        raise ValueError("names and titles cannot contain HTML tags such as <b> or <script>")
    return value


def _year_month(value: Any) -> str:
    text = str(value)
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError("this is not a year and month written as YYYY-MM")
    return text


def _clock(value: Any) -> time:
    text = str(value)
    match = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", text)
    if not match:
        raise ValueError("this is not a 24-hour time written as HH:MM, for example 09:30 or 14:00")
    return time(int(match.group(1)), int(match.group(2)))


WebLink = Annotated[
    str,
    AfterValidator(_web_link),
    Field(examples=["https://www.example.gov.uk/digital"], json_schema_extra={"format": "uri"}),
]
"""A link a reader can follow: http(s) only, so no ``javascript:`` or ``file:`` can reach a page."""

PlainText = Annotated[str, AfterValidator(_one_line_no_markup), Field(min_length=1)]
"""Text shown as-is on pages: names and titles, on one line, which must not carry HTML."""

YearMonth = Annotated[
    str,
    BeforeValidator(_year_month),
    Field(pattern=r"^\d{4}-(0[1-9]|1[0-2])$", examples=["2016-07"]),
]
"""A month, for things whose exact day nobody recorded."""

ClockTime = Annotated[
    time,
    BeforeValidator(_clock),
    Field(examples=["10:00"], json_schema_extra={"type": "string", "pattern": r"^\d{1,2}:\d{2}$"}),
]
"""A UK local clock time, HH:MM."""

Slug = Annotated[str, Field(pattern=SLUG_PATTERN, examples=["introducing-the-standard"])]

Email = Annotated[str, Field(pattern=EMAIL_PATTERN, examples=["group@example.org"])]

__all__ = [
    "ClockTime",
    "Email",
    "Located",
    "PlainText",
    "Slug",
    "WebLink",
    "YearMonth",
    "date",
]
