"""Turn pydantic's verdict on a file's fields into located problems a contributor can act on."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from lgds.core import reuse
from lgds.core.fastyaml import Loc
from lgds.core.fieldinfo import allowed_fields, describe_field, name_of
from lgds.core.problems import Problem, Problems, did_you_mean, kind
from lgds.core.sources import Source
from lgds.core.wording import explain

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


def validate(model: type[M], source: Source, problems: Problems, at: Loc = ()) -> M | None:
    """Validate the data at ``at`` in ``source`` as ``model``; report each failure at its own line."""
    node = source.data
    for step in at:
        node = node[step]

    def check() -> tuple[M | None, list[Problem]]:
        found = Problems()
        return _validate(model, node, source, found, at), list(found)

    # The YAML reader hands back the very same data for a file whose text has not changed, so a preview
    # rebuild validates again only the files that changed. Callers must not change the models they get.
    verdicts = reuse.current().store("validate")
    result, found = verdicts.get((model, source.path, source.first_line, at), node, None, check)
    problems.extend(found)
    return result


def _validate(model: type[M], data: Any, source: Source, problems: Problems, at: Loc) -> M | None:
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


def _report(
    model: type[BaseModel], source: Source, problems: Problems, loc: Loc, error: ErrorDetails
) -> None:
    field = _where(loc)
    name = name_of(loc)
    line = source.line(*loc)
    kind_ = error["type"]
    if kind_ == "missing":
        about = describe_field(model, loc)
        problems.add(
            MISSING_FIELD, source.path, line, field=field, name=name, about=f" ({about})" if about else ""
        )
    elif kind_ == "extra_forbidden":
        allowed = allowed_fields(model, loc[:-1])
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


def _strip_union_tags(loc: Loc, data: Any) -> Loc:
    """Pydantic names union branches in locations (``function-after[...]``); readers need only fields.

    A part that is a key in the contributor's data is always kept, whatever it looks like: an unknown
    field called ``[`` must be reported as such, not mistaken for a union tag.
    """
    kept: list[str | int] = []
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


def _where(loc: Loc, nested: bool = False) -> str:
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
    index, outer = int(loc[start - 1]), loc[: start - 1]
    if outer:
        entry = f"the {_ordinal(index)} entry of {_where(outer, nested=True)}"
    else:
        entry = f"the file's {_ordinal(index)} entry" if nested else f"the {_ordinal(index)} entry"
    return f"{names} in {entry}" if names else entry


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
