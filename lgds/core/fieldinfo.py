"""What a model says about one of its fields: its type, description, example, bounds and choices.

Validation messages use this to tell a contributor what a field takes, in words, with a value to copy.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from lgds.core.fastyaml import Loc
from lgds.core.fields import FORMS, Form


def name_of(loc: Loc) -> str:
    """The field a contributor types for ``loc``: its last name, so list positions never show."""
    return next((str(part) for part in reversed(loc) if not isinstance(part, int)), "")


def field_info(model: type[BaseModel], loc: Loc) -> Any:
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
        current = inner_model(info.annotation)
    return info


def inner_model(annotation: Any) -> Any:
    for arg in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
        for inner in getattr(arg, "__args__", ()):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                return inner
    return None


def allowed_fields(model: type[BaseModel], loc: Loc) -> list[str]:
    """The fields a model at ``loc`` can have; a place made only of list positions is the model itself."""
    target: Any = model
    if any(not isinstance(part, int) for part in loc):
        info = field_info(model, loc)
        target = inner_model(info.annotation) if info else None
    return list(getattr(target, "model_fields", {}) or [])


def describe_field(model: type[BaseModel], loc: Loc) -> str:
    info = field_info(model, loc)
    return lower_first((info.description or "").rstrip(".")) if info else ""


PROPER_WORDS = {"English", "Markdown", "UK", "YYYY-MM", "YYYY-MM-DD", "HH:MM"}


def lower_first(text: str) -> str:
    """Start a description in lower case mid-sentence, unless it starts with a name or a code."""
    first = text.split(" ", 1)[0].rstrip(",;:.")
    if not first or first in PROPER_WORDS or first[1:] != first[1:].lower():
        return text
    return text[0].lower() + text[1:]


def yaml_literal(value: Any) -> str:
    """A value as a contributor would write it in YAML, quoted where YAML would read it as something else."""
    if isinstance(value, list):
        return "[" + ", ".join(yaml_literal(v) for v in value) + "]"
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


def shared_forms(annotation: Any, entry: bool) -> list[tuple[Form, Callable[[Any], Any]]]:
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


def would_pass(shared: list[tuple[Form, Callable[[Any], Any]]], value: Any) -> bool:
    """Whether a number or true/false that YAML did not read as text would pass once put in quotes."""
    if isinstance(value, list | dict) or value is None:
        return False
    for _, check in shared:
        try:
            check(yaml_literal(value).strip('"'))
        except ValueError:
            continue
        return True
    return False


def bounds(info: Any) -> tuple[Any, Any]:
    """The lowest and highest number a field allows, from its ``ge``/``le`` constraints."""
    low = high = None
    for meta in getattr(info, "metadata", None) or ():
        low = getattr(meta, "ge", low)
        high = getattr(meta, "le", high)
    return low, high


def number_range(low: Any, high: Any) -> str:
    # Bounds written as decimals (latitudes, say) mean the field takes decimals too.
    kind_ = "a number" if isinstance(low, float) or isinstance(high, float) else "a whole number"
    if low is not None and high is not None:
        return f"{kind_} from {low:g} to {high:g}"
    if low is not None:
        return f"{kind_}, {low:g} or more"
    if high is not None:
        return f"{kind_}, {high:g} or less"
    return kind_


def choices(info: Any) -> list[str]:
    """The values a field of an enumeration can take, in the order the model lists them."""
    if info is None:
        return []
    for arg in (info.annotation, *get_args(info.annotation)):
        if isinstance(arg, type) and issubclass(arg, Enum):
            return [str(member.value) for member in arg]
    return []
