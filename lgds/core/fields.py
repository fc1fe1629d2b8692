"""Field types shared by several models: web links, year-months, clock times, days, slugs."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr

from lgds.core.addresses import EMAIL_PATTERN, email_fault, web_address_fault
from lgds.core.days import CLOCK, DAY, YEAR_MONTH, ClockTime, Day, YearMonth, clock_time, real_day, year_month
from lgds.core.forms import Form

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
# The patterns below go into the JSON Schemas too, so they are written as JavaScript reads them
# (editors check with JavaScript's rules): no escape that is not needed, no Python-only syntax.
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
SLUG = Form(
    "slug", "a slug", "a slug: lower-case letters, digits and single hyphens, like `south-west`", "south-west"
)
BRANCH = Form(
    "branch_name",
    "a branch name",
    "a git branch name: letters, digits and the characters . _ - /, like `main` or `regional/midlands`",
    "main",
)


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
    year_month: YEAR_MONTH,
    clock_time: CLOCK,
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
