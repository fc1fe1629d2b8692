"""One example of a kind of problem, for the error reference (see ``lgds.sitewide.examples``)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Example:
    """Where an example problem is found, and the values that fill its message."""

    path: str
    line: int
    values: dict[str, str] = field(default_factory=dict)
