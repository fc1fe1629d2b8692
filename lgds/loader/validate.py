"""Turn pydantic's verdict on a file's fields into located problems a contributor can act on."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..problems import Problem, Problems, did_you_mean, kind
from ..sources import Source

MISSING_FIELD = kind(
    "missing-field",
    "`{field}` is missing",
    expected="a line `{field}: ...`{about}",
    fix="add the `{field}` line; see the example in the docs for this kind of file",
)
UNKNOWN_FIELD = kind(
    "unknown-field",
    "`{field}` is not a field this file can have",
    expected="one of: {allowed}",
    fix="{suggestion}",
)
WRONG_VALUE = kind(
    "invalid-value",
    "`{field}` is {value}: {reason}",
    expected="{wanted}",
    fix="{hint}",
)

M = TypeVar("M", bound=BaseModel)


_remembered: dict[tuple, tuple[Any, Any, list[Problem]]] = {}
"""The last verdict for each file and model, with the parsed data it was given.

The YAML reader hands back the very same object for a file whose text has not changed, so a preview
rebuild re-validates only the files that changed. The entry holds that object, so its identity can
be trusted. Callers must not change the models they get back.
"""


def validate(model: type[M], source: Source, problems: Problems, at: tuple[str | int, ...] = ()) -> M | None:
    """Validate the data at ``at`` in ``source`` as ``model``; report each failure at its own line."""
    node = source.data
    for step in at:
        node = node[step]
    key = (model, source.path, source.first_line, at)
    known = _remembered.get(key)
    if known is not None and known[0] is node:
        problems.extend(known[2])
        return known[1]
    found = Problems()
    result = _validate(model, node, source, found, at)
    _remembered[key] = (node, result, list(found))
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
    field = ".".join(str(part) for part in loc) or "(the file)"
    line = source.line(*loc)
    kind_ = error["type"]
    if kind_ == "missing":
        about = _describe_field(model, loc)
        problems.add(MISSING_FIELD, source.path, line, field=field, about=f" ({about})" if about else "")
    elif kind_ == "extra_forbidden":
        allowed = _allowed_fields(model, loc[:-1])
        hint = did_you_mean(str(loc[-1]), allowed) or "remove the line, or check its spelling"
        problems.add(
            UNKNOWN_FIELD, source.path, line, field=field, allowed=", ".join(allowed), suggestion=hint
        )
    else:
        reason = error["msg"].removeprefix("Value error, ")
        reason = reason[0].lower() + reason[1:] if reason else "not allowed"
        wanted, hint = _wanted(model, loc, error)
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


def _show(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
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
    target: Any = model
    if loc:
        info = _field_info(model, loc)
        target = _inner_model(info.annotation) if info else None
    return list(getattr(target, "model_fields", {}) or [])


def _describe_field(model: type[BaseModel], loc: tuple) -> str:
    info = _field_info(model, loc)
    return (info.description or "").rstrip(".") if info else ""


def _wanted(model: type[BaseModel], loc: tuple, error: dict) -> tuple[str, str]:
    """What the field wants, and a fix built from the field's own description and example."""
    info = _field_info(model, loc)
    description = (info.description or "").rstrip(".") if info else ""
    examples = (info.examples or []) if info else []
    context = error.get("ctx") or {}
    if "ge" in context and "le" in context:
        wanted = f"a whole number from {context['ge']} to {context['le']}"
    elif "expected" in context:
        wanted = f"one of {context['expected']}"
    else:
        wanted = description or "a value of the right form"
    if examples:
        hint = f"write it like `{loc[-1]}: {_example(examples[0])}`"
    elif description:
        hint = description[0].lower() + description[1:]
    else:
        hint = "see the docs for this kind of file"
    return wanted, hint


def _example(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)
