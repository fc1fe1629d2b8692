"""Our own words for each kind of validation error: what is wrong, what was expected, and the fix.

Pydantic's messages ("Input should be a valid integer") are written for programmers, so none of them is
shown: each error type has its own plain wording here, and the shared field types in ``core/fields.py``
raise errors that already carry theirs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from lgds.core.fastyaml import Loc
from lgds.core.fieldinfo import (
    allowed_fields,
    bounds,
    choices,
    describe_field,
    field_info,
    name_of,
    number_range,
    shared_forms,
    would_pass,
    yaml_literal,
)
from lgds.core.fields import Form
from lgds.core.problems import did_you_mean


@dataclass(frozen=True)
class _Place:
    """What the wording of one error can draw on: the field, its description and example, the value."""

    name: str
    entry: bool
    description: str
    example: Any
    info: Any
    value: Any
    context: dict[str, Any]
    message: str

    def line(self, value: Any) -> str:
        """`name: value` as the contributor would type it; just `value` for a list entry."""
        return (
            f"`{yaml_literal(value)}`"
            if self.entry or not self.name
            else f"`{self.name}: {yaml_literal(value)}`"
        )

    def like(self, value: Any, word: str = "like") -> str:
        """'write it like `name: value`', or for a list entry 'write it like `value`'."""
        return f"write it {word} {self.line(value)}"

    def fix(self, default: str) -> str:
        """Copying the field's own example is the best fix; ``default`` where it has none."""
        return self.like(self.example) if self.example is not None else default


Wording = tuple[str, str, str]
"""What is wrong, what was expected, and the fix."""


def explain(model: type[BaseModel], loc: Loc, error: ErrorDetails) -> Wording:
    """Our own words for a pydantic error: what is wrong, what was expected, and the fix.

    Pydantic's messages ("Input should be a valid integer") are written for programmers, so none of
    them is shown: each error type has its own plain wording here, and the shared types in
    ``models/common.py`` raise errors that already carry theirs.
    """
    info = field_info(model, loc)
    entry = bool(loc) and isinstance(loc[-1], int)
    example = (info.examples or [None])[0] if info and info.examples else None
    if entry:  # an entry of a list: the field's example is the whole list, so take its first entry
        example = example[0] if isinstance(example, list) and example else None
    place = _Place(
        name=name_of(loc),
        entry=entry,
        description=describe_field(model, loc),
        example=example,
        info=info,
        value=error.get("input"),
        context=error.get("ctx") or {},
        message=error["msg"],
    )
    shared = shared_forms(info.annotation, entry) if info else []
    forms = [form for form, _ in shared]
    if shared and error["type"] == "string_type" and not would_pass(shared, place.value):
        return _either(place, forms)  # a list, or a number that could never be a web address, say
    if len(forms) > 1 and error["type"] in {form.code for form in forms}:
        return _either(place, forms)  # one problem for the field, not one for each type it can take
    if "expected" in place.context and "example" in place.context:
        return _shared_type(place)
    if error["type"] in {"dict_type", "model_type", "model_attributes_type", "dataclass_type"}:
        return _fields(place, allowed_fields(model, loc))
    wording = _WORDINGS.get(error["type"])
    if wording is None and error["type"].startswith(("date", "datetime")):
        wording = _date
    reason, wanted, hint = (wording or _other)(place)
    if place.value is None and error["type"] != "missing":  # `title:` with nothing after it
        return _empty(place, wanted)
    return reason, wanted, hint


def _empty(place: _Place, wanted: str) -> Wording:
    """A field written with nothing after its colon, where a value is needed."""
    where = "on the line" if place.entry or not place.name else f"after `{place.name}:`"
    return "it needs a value", wanted, place.fix(f"write the value {where}")


def _either(place: _Place, forms: list[Form]) -> Wording:
    """A field of one shared type, or of several (a web address or an email address), that is neither."""
    wanted = " or ".join(form.expected for form in forms)
    hint = "write it like " + " or ".join(place.line(form.example) for form in forms)
    if len(forms) > 1:
        return "this is neither " + " nor ".join(form.noun for form in forms), wanted, hint
    if isinstance(place.value, list | dict):
        what = "a list" if isinstance(place.value, list) else "a set of fields"
        return f"this must be one piece of text, not {what}", wanted, hint
    what = "true or false" if isinstance(place.value, bool) else "a number"
    return f"YAML reads this as {what}, which is not {forms[0].noun}", wanted, hint


def _shared_type(place: _Place) -> Wording:
    """One of the shared types in ``models/common.py``: its error carries its own words."""
    suggestion = place.context.get("suggestion")
    if suggestion:
        hint = place.like(suggestion, "as")
    elif place.context.get("fix"):
        hint = str(place.context["fix"]).replace("{name}", place.name)
    else:
        hint = place.fix(place.like(place.context["example"]))
    return place.message, str(place.context["expected"]), hint


def _empty_cell(place: _Place) -> Wording:
    """A required value left empty (in a CSV row; a missing YAML line has its own kind of problem)."""
    options = choices(place.info)
    return "this is empty", f"one of: {', '.join(options)}" if options else place.description or "a value", ""


def _whole_number(place: _Place) -> Wording:
    low, high = bounds(place.info)
    return (
        "this is not a whole number",
        number_range(low, high),
        place.fix(place.like(1 if low is None else low)),
    )


def _out_of_range(place: _Place) -> Wording:
    low, high = bounds(place.info)
    bound = place.context
    if "ge" in bound:
        reason = f"this is less than {bound['ge']:g}"
    elif "gt" in bound:
        reason = f"this is not more than {bound['gt']}"
    elif "le" in bound:
        reason = f"this is more than {bound['le']:g}"
    else:
        reason = f"this is not less than {bound.get('lt')}"
    if low is not None and high is not None:
        hint = f"use a number from {low} to {high}"
    else:
        hint = f"use {low} or more" if low is not None else f"use {high} or less"
    return reason, number_range(low, high), hint


def _number(place: _Place) -> Wording:
    return (
        "this is not a number",
        "a number, written in figures",
        place.fix("write the number in figures, like 51.5"),
    )


def _true_or_false(place: _Place) -> Wording:
    name = place.name
    hint = f"write `{name}: true` or `{name}: false`" if name and not place.entry else "write true or false"
    return "this is not true or false", "true or false", hint


def _text(place: _Place) -> Wording:
    wanted = "text" + (f": {place.description}" if place.description else "")
    same_line = f"write the text on the same line as `{place.name}:`"
    if isinstance(place.value, list):
        return "this must be one piece of text, not a list", wanted, place.fix(same_line)
    if isinstance(place.value, dict):
        reason = "this must be one piece of text, not a set of fields"
        return reason, wanted, place.fix(same_line + ", in quotes if it contains a colon")
    what = "true or false" if isinstance(place.value, bool) else "a number"
    quoted = '"' + yaml_literal(place.value).strip('"') + '"'
    shown = quoted if place.entry or not place.name else f"{place.name}: {quoted}"
    return f"YAML reads this as {what}, not as text", wanted, f"put it in quotes: `{shown}`"


def _list(place: _Place) -> Wording:
    wanted = "a list" + (f": {place.description}" if place.description else "")
    if place.value is not None and not isinstance(place.value, dict | list):
        shown = yaml_literal(place.value)
        hint = f"put it in square brackets: `{place.name}: [{shown}]`"
        if len(shown) > 40:
            hint = f"put it in square brackets after `{place.name}:`, or start it on the next line with `- `"
        return "this must be a list, even of one entry", wanted, hint
    return "this must be a list", wanted, place.fix("write each entry on its own line, starting with `- `")


def _too_short(place: _Place) -> Wording:
    if isinstance(place.value, str):
        return "this is empty", "some text", f"write the text after `{place.name}:`, on the same line"
    least = place.context.get("min_length", 1)
    wanted = "at least one entry" if least == 1 else f"at least {least} entries"
    reason = "the list has no entries" if not place.value else "the list is too short"
    return reason, wanted, place.fix("add an entry")


def _too_long(place: _Place) -> Wording:
    most = place.context.get("max_length")
    if isinstance(place.value, str):
        reason = f"this is {len(place.value)} characters long"
        return reason, f"at most {most} characters", f"shorten it to {most} characters or fewer"
    return "the list is too long", f"at most {most} entries", "remove some entries"


def _choice(place: _Place) -> Wording:
    options = choices(place.info)
    close = did_you_mean(str(place.value), options) if place.value is not None else ""
    first = options[0] if options else ""
    hint = close or f"write one of them exactly as shown, for example `{place.name}: {first}`"
    return "this is not one of the choices", "one of: " + ", ".join(options), hint


def _fields(place: _Place, fields: list[str]) -> Wording:
    """A value where named fields, each on its own line, were wanted."""
    wanted = "named fields, each on its own line" + (f": {', '.join(fields)}" if fields else "")
    first = fields[0] if fields else "name"
    if place.entry:
        hint = (
            f"start the entry with `- {first}: ...` and put each other field on its own line below, "
            f"lined up with `{first}`"
        )
    else:
        hint = f"put each field on its own line below `{place.name}:`, indented by two spaces, like `{first}: ...`"
    return "this must be a set of named fields", wanted, hint


def _date(place: _Place) -> Wording:
    wanted = "a date written YYYY-MM-DD"
    return "this is not a date written YYYY-MM-DD", wanted, place.fix(place.like("2027-02-10"))


def _pattern(place: _Place) -> Wording:
    wanted = place.description or "the form shown in the docs"
    return "this is not written in the right form", wanted, place.fix("see the docs for this kind of file")


def _other(place: _Place) -> Wording:
    """Any error without wording of its own: a model's own ``ValueError``, or a type added later."""
    reason = "this is not a value this field can take"
    if place.message.startswith("Value error, "):
        reason = place.message.removeprefix("Value error, ")
        reason = reason[:1].lower() + reason[1:]
    wanted = place.description or "a value of the right form"
    return reason, wanted, place.fix("see the docs for this kind of file")


_WORDINGS: dict[str, Callable[[_Place], Wording]] = {
    "missing": _empty_cell,
    "int_type": _whole_number,
    "int_parsing": _whole_number,
    "int_from_float": _whole_number,
    "greater_than_equal": _out_of_range,
    "greater_than": _out_of_range,
    "less_than_equal": _out_of_range,
    "less_than": _out_of_range,
    "float_type": _number,
    "float_parsing": _number,
    "bool_type": _true_or_false,
    "bool_parsing": _true_or_false,
    "string_type": _text,
    "list_type": _list,
    "too_short": _too_short,
    "too_long": _too_long,
    "enum": _choice,
    "string_pattern_mismatch": _pattern,
}
"""Pydantic's error types, each with our wording for it."""
