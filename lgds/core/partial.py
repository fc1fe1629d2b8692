"""What is sound in a file that fails its model, so the file's other checks still run in the same pass.

A wrong value in one field is reported at that field. Checks that need only the file's other fields
(an event's host council, a pack's notes) still run, so a contributor sees every problem in a file at
once, not one problem a run.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


def partial(model: type[M], data: Any) -> tuple[M, frozenset[str]] | None:
    """``model`` made of the fields of ``data`` that are valid each on its own, and the names of the rest.

    A field that is absent takes its default. One that is wrong, or absent and required, is ``None`` and
    named in the set, so a check that needs it can stay quiet (its problem is reported already). Each
    field is checked as the model checks it, its own validators included. ``None`` when ``data`` is not
    a set of fields at all.
    """
    if not isinstance(data, dict):
        return None
    made = model.model_construct()
    validator = model.__pydantic_validator__
    bad: set[str] = set()
    for name, info in model.model_fields.items():
        if name not in data:
            if info.is_required():
                bad.add(name)
                made.__dict__[name] = None
            continue
        try:
            validator.validate_assignment(made, name, data[name])
        except ValidationError:
            bad.add(name)
            made.__dict__[name] = None
    return made, frozenset(bad)
