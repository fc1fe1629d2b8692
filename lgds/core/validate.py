"""Turn pydantic's verdict on a file's fields into located problems a contributor can act on."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from types import UnionType
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from lgds.core import reuse as incremental
from lgds.core.fields import FORMS, Form
from lgds.core.problems import Problem, Problems, did_you_mean, kind
from lgds.core.sources import Source

MISSING_FIELD = kind(
    "missing-field",
    "{field} is missing",
    expected="a line `{name}: ...`{about}",
    fix="add the `{name}` line; see the example in the docs for this kind of file",
)
UNKNOWN_FIELD = kind(
    "unknown-field",
    "{field} is not a field {holder} can have",
    expected="one of: {allowed}",
    fix="{suggestion}",
)
WRONG_VALUE = kind(
    "invalid-value",
    "{field} is {value}: {reason}",
    expected="{wanted}",
    fix="{hint}",
)

M = TypeVar("M", bound=BaseModel)


_remembered = incremental.Remembered()
"""The last verdict for each file and model, with the parsed data it was given.

The YAML reader hands back the very same object for a file whose text has not changed, so a preview
rebuild re-validates only the files that changed. Callers must not change the models they get back.
"""


def validate(model: type[M], source: Source, problems: Problems, at: tuple[str | int, ...] = ()) -> M | None:
    """Validate the data at ``at`` in ``source`` as ``model``; report each failure at its own line."""
    node = source.data
    for step in at:
        node = node[step]

    def check() -> tuple[M | None, list[Problem]]:
        found = Problems()
        return _validate(model, node, source, found, at), list(found)

    result, found = _remembered.get((model, source.path, source.first_line, at), node, None, check)
    problems.extend(found)
    return result


def _validate(model: type[M], data: Any, source: Source, problems: Problems, at: tuple) -> M | None:
    try:
        result = model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = at + _strip_union_tags(tuple(error["loc"]), data)
            _report(model, source, problems, loc, error)
        return None
    if hasattr(result, "locate"):
        result.locate(source.path, source.line(*at))
    return result


def _report(model: type[BaseModel], source: Source, problems: Problems, loc: tuple, error: dict) -> None:
    field = _where(loc)
    name = _name(loc)
    line = source.line(*loc)
    kind_ = error["type"]
    if kind_ == "missing":
        about = _describe_field(model, loc)
        problems.add(
            MISSING_FIELD, source.path, line, field=field, name=name, about=f" ({about})" if about else ""
        )
    elif kind_ == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        hint = did_you_mean(str(loc[-1]), allowed) or "remove the line, or check its spelling"
        problems.add(
            UNKNOWN_FIELD,
            source.path,
            line,
            field=field,
            holder="these entries" if any(isinstance(step, int) for step in loc) else "this file",
            allowed=", ".join(allowed),
            suggestion=hint,
        )
    else:
        reason, wanted, hint = explain(model, loc, error)
        problems.add(
            WRONG_VALUE,
            source.path,
            line,
            field=field,
            value=_show(error.get("input")),
            reason=reason,
            wanted=wanted,
            hint=hint,
        )


def _strip_union_tags(loc: tuple, data: Any) -> tuple:
    """Pydantic names union branches in locations (``function-after[...]``); readers need only fields.

    A part that is a key in the contributor's data is always kept, whatever it looks like: an unknown
    field called ``[`` must be reported as such, not mistaken for a union tag.
    """
    kept: list = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            kept.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int):
            kept.append(part)
            node = node[part] if 0 <= part < len(node) else None
        else:
            if isinstance(part, int) or ("[" not in part and not part.startswith("function")):
                kept.append(part)
            node = None
    return tuple(kept)


ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def _ordinal(index: int) -> str:
    """'first' for list index 0: contributors count entries from one, in words."""
    n = index + 1
    if n <= len(ORDINALS):
        return ORDINALS[index]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _where(loc: tuple, nested: bool = False) -> str:
    """Name the place ``loc`` points at in words: "`minutes` in the second entry of `run_sheet`".

    Field names inside a field stay joined by dots (`venue.name`), as they are written in the docs;
    list positions become words, counted from one, so nobody has to know that lists start at 0.
    """
    if not loc:
        return "the file"
    start = len(loc)
    while start and not isinstance(loc[start - 1], int):
        start -= 1
    names = "`" + ".".join(str(part) for part in loc[start:]) + "`" if start < len(loc) else ""
    if not start:
        return names
    index, outer = loc[start - 1], loc[: start - 1]
    if outer:
        entry = f"the {_ordinal(index)} entry of {_where(outer, nested=True)}"
    else:
        entry = f"the file's {_ordinal(index)} entry" if nested else f"the {_ordinal(index)} entry"
    return f"{names} in {entry}" if names else entry


def _name(loc: tuple) -> str:
    """The field a contributor types for ``loc``: its last name, so list positions never show."""
    return next((str(part) for part in reversed(loc) if not isinstance(part, int)), "")


def _show(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return repr("true" if value else "false")
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    text = str(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _field_info(model: type[BaseModel], loc: tuple):
    """Follow ``loc`` through nested models to the field it names, if it names one."""
    current: Any = model
    info = None
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", None)
        if not fields or part not in fields:
            return None
        info = fields[part]
        current = _inner_model(info.annotation)
    return info


def _inner_model(annotation: Any) -> Any:
    for arg in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        for inner in getattr(arg, "__args__", ()):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


def _allowed_fields(model: type[BaseModel], loc: tuple) -> list[str]:
    """The fields a model at ``loc`` can have; a place made only of list positions is the model itself."""
    target: Any = model
    if any(not isinstance(part, int) for part in loc):
        info = _field_info(model, loc)
        target = _inner_model(info.annotation) if info else None
    return list(getattr(target, "model_fields", {}) or [])


def _describe_field(model: type[BaseModel], loc: tuple) -> str:
    info = _field_info(model, loc)
    return _lower_first((info.description or "").rstrip(".")) if info else ""


PROPER_WORDS = {"English", "Markdown", "UK", "YYYY-MM", "YYYY-MM-DD", "HH:MM"}


def _lower_first(text: str) -> str:
    """Start a description in lower case mid-sentence, unless it starts with a name or a code."""
    first = text.split(" ", 1)[0].rstrip(",;:.")
    if not first or first in PROPER_WORDS or first[1:] != first[1:].lower():
        return text
    return text[0].lower() + text[1:]


def _yaml(value: Any) -> str:
    """A value as a contributor would write it in YAML, quoted where YAML would read it as something else."""
    if isinstance(value, list):
        return "[" + ", ".join(_yaml(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if isinstance(value, str) and (
        re.fullmatch(r"[-+]?\d+(\.\d*)?([eE][-+]?\d+)?|\d+:\d+|true|false|yes|no|on|off|null|~", text, re.I)
        or re.search(r": | #|^[\[\]{}&*!|>'\"%@`,?-]", text)
        or not text
    ):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


@dataclass(frozen=True)
class _Place:
    """What the wording of one error can draw on: the field, its description and example, the value."""

    name: str
    entry: bool
    description: str
    example: Any
    info: Any
    value: Any
    context: dict
    message: str

    def line(self, value: Any) -> str:
        """`name: value` as the contributor would type it; just `value` for a list entry."""
        return f"`{_yaml(value)}`" if self.entry or not self.name else f"`{self.name}: {_yaml(value)}`"

    def like(self, value: Any, word: str = "like") -> str:
        """'write it like `name: value`', or for a list entry 'write it like `value`'."""
        return f"write it {word} {self.line(value)}"

    def fix(self, default: str) -> str:
        """Copying the field's own example is the best fix; ``default`` where it has none."""
        return self.like(self.example) if self.example is not None else default


Wording = tuple[str, str, str]
"""What is wrong, what was expected, and the fix."""


def explain(model: type[BaseModel], loc: tuple, error: dict) -> Wording:
    """Our own words for a pydantic error: what is wrong, what was expected, and the fix.

    Pydantic's messages ("Input should be a valid integer") are written for programmers, so none of
    them is shown: each error type has its own plain wording here, and the shared types in
    ``models/common.py`` raise errors that already carry theirs.
    """
    info = _field_info(model, loc)
    entry = bool(loc) and isinstance(loc[-1], int)
    example = (info.examples or [None])[0] if info and info.examples else None
    if entry:  # an entry of a list: the field's example is the whole list, so take its first entry
        example = example[0] if isinstance(example, list) and example else None
    place = _Place(
        name=_name(loc),
        entry=entry,
        description=_describe_field(model, loc),
        example=example,
        info=info,
        value=error.get("input"),
        context=error.get("ctx") or {},
        message=error["msg"],
    )
    shared = _shared_forms(info.annotation, entry) if info else []
    forms = [form for form, _ in shared]
    if shared and error["type"] == "string_type" and not _would_pass(shared, place.value):
        return _either(place, forms)  # a list, or a number that could never be a web address, say
    if len(forms) > 1 and error["type"] in {form.code for form in forms}:
        return _either(place, forms)  # one problem for the field, not one for each type it can take
    if "expected" in place.context and "example" in place.context:
        return _shared_type(place)
    if error["type"] in {"dict_type", "model_type", "model_attributes_type", "dataclass_type"}:
        return _fields(place, _allowed_fields(model, loc))
    wording = _WORDINGS.get(error["type"])
    if wording is None and error["type"].startswith(("date", "datetime")):
        wording = _date
    return (wording or _other)(place)


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
    choices = _choices(place.info)
    return "this is empty", f"one of: {', '.join(choices)}" if choices else place.description or "a value", ""


def _whole_number(place: _Place) -> Wording:
    low, high = _bounds(place.info)
    return (
        "this is not a whole number",
        _number_range(low, high),
        place.fix(place.like(1 if low is None else low)),
    )


def _out_of_range(place: _Place) -> Wording:
    low, high = _bounds(place.info)
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
    return reason, _number_range(low, high), hint


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
    quoted = '"' + _yaml(place.value).strip('"') + '"'
    shown = quoted if place.entry or not place.name else f"{place.name}: {quoted}"
    return f"YAML reads this as {what}, not as text", wanted, f"put it in quotes: `{shown}`"


def _list(place: _Place) -> Wording:
    wanted = "a list" + (f": {place.description}" if place.description else "")
    if place.value is not None and not isinstance(place.value, dict | list):
        shown = _yaml(place.value)
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
    choices = _choices(place.info)
    close = did_you_mean(str(place.value), choices) if place.value is not None else ""
    first = choices[0] if choices else ""
    hint = close or f"write one of them exactly as shown, for example `{place.name}: {first}`"
    return "this is not one of the choices", "one of: " + ", ".join(choices), hint


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


def _shared_forms(annotation: Any, entry: bool) -> list[tuple[Form, Callable[[Any], Any]]]:
    """The shared types a field (or each entry of a list field) takes, with the check of each.

    Empty when any of the types is not a shared one: plain text, say, is worded as text.
    """
    if entry:
        annotation = next(iter(get_args(annotation)), None)
    union = get_origin(annotation) in (Union, UnionType)
    members = [arg for arg in get_args(annotation) if arg is not type(None)] if union else [annotation]
    found = []
    for member in members:
        checks = [getattr(meta, "func", None) for meta in get_args(member)[1:]]
        check = next((c for c in checks if c in FORMS), None) if get_origin(member) is Annotated else None
        if check is None:
            return []
        found.append((FORMS[check], check))
    return found


def _would_pass(shared: list[tuple[Form, Callable[[Any], Any]]], value: Any) -> bool:
    """Whether a number or true/false that YAML did not read as text would pass once put in quotes."""
    if isinstance(value, list | dict) or value is None:
        return False
    for _, check in shared:
        try:
            check(_yaml(value).strip('"'))
        except ValueError:
            continue
        return True
    return False


def _bounds(info: Any) -> tuple[Any, Any]:
    """The lowest and highest number a field allows, from its ``ge``/``le`` constraints."""
    low = high = None
    for meta in getattr(info, "metadata", None) or ():
        low = getattr(meta, "ge", low)
        high = getattr(meta, "le", high)
    return low, high


def _number_range(low: Any, high: Any) -> str:
    # Bounds written as decimals (latitudes, say) mean the field takes decimals too.
    kind_ = "a number" if isinstance(low, float) or isinstance(high, float) else "a whole number"
    if low is not None and high is not None:
        return f"{kind_} from {low:g} to {high:g}"
    if low is not None:
        return f"{kind_}, {low:g} or more"
    if high is not None:
        return f"{kind_}, {high:g} or less"
    return kind_


def _choices(info: Any) -> list[str]:
    """The values a field of an enumeration can take, in the order the model lists them."""
    if info is None:
        return []
    for arg in (info.annotation, *get_args(info.annotation)):
        if isinstance(arg, type) and issubclass(arg, Enum):
            return [str(member.value) for member in arg]
    return []
