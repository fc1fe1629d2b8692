"""Field types shared by several models: web links, year-months, clock times, days, slugs."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, time
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr
from pydantic_core import PydanticCustomError

from lgds.core.addresses import EMAIL_PATTERN, email_fault, web_address_fault

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# The patterns below go into the JSON Schemas too, so they are written as JavaScript reads them
# (editors check with JavaScript's rules): no escape that is not needed, no Python-only syntax.
CLOCK_PATTERN = r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"
WEB_LINK_PATTERN = r"""^[Hh][Tt][Tt][Pp][Ss]?://[^\s/$.?#][^\s<>"]*$"""
PLAIN_TEXT_PATTERN = r"^(?![\s\S]*<\s*/?\s*[a-zA-Z!?])[\s\S]*\S[\s\S]*$"
"""Text with something in it and no HTML tag: what ``PlainText`` accepts, for editors to say so too."""
BRANCH_PART = r"[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*"
BRANCH_PATTERN = rf"^[A-Za-z0-9_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*(?:/{BRANCH_PART})*$"
"""A git branch name the kit accepts: parts of letters, digits, ``_`` and ``-``, with single dots
inside a part, joined by single slashes; not starting with ``-``. (``_branch`` also refuses a name
ending ``.lock``, as git does, and one longer than 200 characters.)"""
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
"""The start of an HTML tag, comment or declaration."""


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


@dataclass(frozen=True)
class Form:
    """How a kind of value is written, so a message can say what was expected and show one to copy.

    ``noun`` names the kind in a few words ("a web address"), for saying what a value is not.

    ``fix``, when set, replaces the usual "write it like ..." advice; ``{name}`` in it is the field.
    """

    code: str
    noun: str
    expected: str
    example: str
    fix: str = ""

    def error(self, reason: str, suggestion: str = "") -> PydanticCustomError:
        """The error a validator raises: our own reason, with what to expect and what to write."""
        context = {"expected": self.expected, "example": self.example, "fix": self.fix}
        if suggestion:
            context["suggestion"] = suggestion
        return PydanticCustomError(self.code, reason.replace("{", "{{").replace("}", "}}"), context)


WEB_LINK = Form(
    "web_link", "a web address", "a web address starting with https://", "https://www.example.gov.uk/digital"
)
EMAIL = Form("email", "an email address", "an email address", "group@example.org")
TEXT = Form(
    "plain_text",
    "text",
    "plain text on one line, without HTML tags",
    "",
    fix="take out the HTML tags; the site styles text itself",
)
EMPTY_TEXT = Form(
    "empty_text", "text", "some text", "", fix="write the text after `{name}:`, on the same line"
)
YEAR_MONTH = Form("year_month", "a year and month", "a year and month written YYYY-MM", "2016-07")
CLOCK = Form("clock_time", "a time", "a 24-hour time written HH:MM, in quotes", "10:00")
DAY = Form("real_day", "a date", "a day that exists in the calendar, written YYYY-MM-DD", "2027-02-10")
SLUG = Form(
    "slug", "a slug", "a slug: lower-case letters, digits and single hyphens, like `south-west`", "south-west"
)
BRANCH = Form(
    "branch_name",
    "a branch name",
    "a git branch name: letters, digits and the characters . _ - /, like `main` or `regional/midlands`",
    "main",
)


FIRST_YEAR, LAST_YEAR = 1900, 2199
"""The years a date may have. The register's dates go back to 1974 and events and rounds are planned
a year or two ahead; a year outside these is a typo, and years such as 0001 or 9999 cannot be written
in calendars and feeds at all (the day after 31 December 9999 does not exist)."""


def _check_year(year: int, form: Form) -> None:
    """Say plainly when a year is outside the years the kit takes."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        when = "too long ago" if year < FIRST_YEAR else "too far ahead"
        raise form.error(
            f"the year {year:04d} is {when}: the kit takes years from {FIRST_YEAR} to {LAST_YEAR}"
        )


def _day_in_years(value: date) -> date:
    _check_year(value.year, DAY)
    return value


def slugify(text: str) -> str:
    """Lower-case words joined by hyphens: the form used in file names and URLs."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _web_link(value: str) -> str:
    fault = web_address_fault(value)
    if fault:
        # A bare domain such as www.example.org is nearly right: suggest it with https:// added.
        bare = not SCHEME_LIKE.match(value) and not web_address_fault(f"https://{value}")
        raise WEB_LINK.error(fault, f"https://{value}" if bare else "")
    return value


SCHEME_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _email(value: str) -> str:
    fault = email_fault(value)
    if fault:
        raise EMAIL.error(f"this is not an email address: {fault}" if "@" in value else fault)
    return value


def _branch(value: str) -> str:
    if len(value) > 200 or value.endswith(".lock") or not re.fullmatch(BRANCH_PATTERN, value):
        raise BRANCH.error(f"this is not a branch name: {_branch_fault(value)}")
    return value


def _branch_fault(value: str) -> str:
    others = sorted(set(re.findall(r"[^A-Za-z0-9._/-]", value)))
    if not value:
        return "it is empty"
    if others:
        shown = " ".join(repr(c) for c in others[:3])
        return f"it has {'a character' if len(others) == 1 else 'characters'} a branch name cannot have ({shown})"
    if len(value) > 200:
        return "it is longer than 200 characters"
    return "it starts with - . or /, ends with . / or .lock, or has two dots or two slashes together"


def _slug(value: str) -> str:
    if not re.fullmatch(SLUG_PATTERN, value):
        reason = f"a slug cannot have {_slug_faults(value)}" if value else "this is empty"
        raise SLUG.error(reason, slugify(value))
    return value


def _slug_faults(value: str) -> str:
    """What keeps ``value`` from being a slug, in words: "capital letters and spaces"."""
    faults = []
    if re.search(r"[A-Z]", value):
        faults.append("capital letters")
    if re.search(r"\s", value):
        faults.append("spaces")
    others = sorted(set(re.findall(r"[^a-zA-Z0-9\s-]", value)))
    if others:
        faults.append(("characters such as " if len(others) > 1 else "the character ") + repr(others[0]))
    if value.startswith("-") or value.endswith("-"):
        faults.append("a hyphen at the start or end")
    if "--" in value:
        faults.append("two hyphens together")
    return ", ".join(faults[:-1]) + " or " + faults[-1] if len(faults) > 1 else faults[0]


def _one_line_no_markup(value: str) -> str:
    # YAML's folded and literal blocks (`>`, `|`) put line breaks into long names; a name is one line
    # wherever it appears (a page heading, a table cell, a calendar entry), so runs of spaces close up.
    value = " ".join(value.split())
    if not value:
        raise EMPTY_TEXT.error("this is empty")
    fault = markup_fault(value)
    if fault:
        raise TEXT.error(fault)
    return value


def markup_fault(value: str) -> str | None:
    """Why ``value`` is not plain text (it holds an HTML tag), or ``None`` when it is."""
    if MARKUP.search(value):
        return "this cannot contain HTML tags such as <b> or <script>"
    return None


def _year_month(value: Any) -> str:
    text = str(value)
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if not match:
        raise YEAR_MONTH.error("this is not a year and month written as YYYY-MM")
    if not 1 <= int(match.group(2)) <= 12:
        raise YEAR_MONTH.error(f"there is no month {int(match.group(2))}: months run from 01 to 12")
    _check_year(int(match.group(1)), YEAR_MONTH)
    return text


def _clock(value: Any) -> time:
    text = str(value)
    match = re.fullmatch(CLOCK_PATTERN, text)
    if not match:
        raise CLOCK.error("this is not a 24-hour time written as HH:MM")
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def real_day(value: Any) -> Any:
    """Say plainly when a well-formed date is not a day in the calendar (30 February, say)."""
    text = str(value)
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        return value
    year, month, day = (int(g) for g in match.groups())
    _check_year(year, DAY)
    if not 1 <= month <= 12:
        raise DAY.error(f"there is no month {month}: months run from 01 to 12")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = date(year, month, 1).strftime("%B")
        raise DAY.error(f"there is no {day} {name} {year}: {name} {year} has {last} days")
    return value


WebLink = Annotated[
    str,
    AfterValidator(_web_link),
    Field(
        examples=["https://www.example.gov.uk/digital"],
        json_schema_extra={"format": "uri", "pattern": WEB_LINK_PATTERN},
    ),
]
"""A link a reader can follow: a whole http(s) address with a real host name (see ``core.addresses``),
so no ``javascript:`` or ``file:`` can reach a page, and nothing can close the link it is written in."""

PlainText = Annotated[
    str,
    AfterValidator(_one_line_no_markup),
    Field(min_length=1, json_schema_extra={"pattern": PLAIN_TEXT_PATTERN}),
]
"""Text shown as-is on pages: names and titles, on one line, which must not carry HTML."""

YearMonth = Annotated[
    str,
    BeforeValidator(_year_month),
    Field(examples=["2016-07"], json_schema_extra={"pattern": r"^(19|2[01])[0-9]{2}-(0[1-9]|1[0-2])$"}),
]
"""A month, for things whose exact day nobody recorded."""


def _clock_schema(schema: dict[str, Any]) -> None:
    """A clock time as it is written, ``10:00``: not the RFC 3339 ``time`` format, which needs seconds
    and a time zone, so an editor would flag every event."""
    schema.pop("format", None)
    schema.update(type="string", pattern=CLOCK_PATTERN)


ClockTime = Annotated[
    time, BeforeValidator(_clock), Field(examples=["10:00"], json_schema_extra=_clock_schema)
]
"""A UK local clock time, HH:MM."""

YEARS_PATTERN = r"(19|2[01])[0-9]{2}"
"""FIRST_YEAR to LAST_YEAR as a pattern, so an editor flags a year the checks refuse."""

Day = Annotated[
    date,
    BeforeValidator(real_day),
    AfterValidator(_day_in_years),
    Field(json_schema_extra={"pattern": f"^{YEARS_PATTERN}-[0-9]{{2}}-[0-9]{{2}}$"}),
]
"""A day that exists in the calendar, written YYYY-MM-DD."""

# The pattern is checked by the validator, which can say in words what is wrong; schemas still carry it.
Slug = Annotated[
    str,
    AfterValidator(_slug),
    Field(examples=["introducing-the-standard"], json_schema_extra={"pattern": SLUG_PATTERN}),
]
"""A name used in addresses: lower-case letters, digits and single hyphens."""

Email = Annotated[
    str,
    AfterValidator(_email),
    Field(examples=["group@example.org"], json_schema_extra={"pattern": EMAIL_PATTERN}),
]
"""One email address and nothing more: no `mailto:`, no `?subject=`, no second address."""

BranchName = Annotated[
    str,
    AfterValidator(_branch),
    Field(examples=["main"], json_schema_extra={"pattern": BRANCH_PATTERN}),
]
"""A git branch, as written in the addresses of 'edit this page' links."""

FORMS: dict[Callable[..., Any], Form] = {
    _web_link: WEB_LINK,
    _email: EMAIL,
    _slug: SLUG,
    _branch: BRANCH,
    _year_month: YEAR_MONTH,
    _clock: CLOCK,
    real_day: DAY,
}
"""Each shared type's validator and the form it checks, so messages can say what a field takes."""


__all__ = [
    "BranchName",
    "ClockTime",
    "Day",
    "Email",
    "Form",
    "Located",
    "PlainText",
    "Slug",
    "WebLink",
    "YearMonth",
    "date",
    "markup_fault",
    "real_day",
    "slugify",
]
