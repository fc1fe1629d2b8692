"""Problems found in content, and the catalogue of kinds they come in.

Every kind has a short code, a message template, what was expected, and a hint that states the fix,
so that contributors read ``path:line: error code: message; expected ... (fix: ...)`` and know what to do.
Kinds register themselves when defined, so the docs test can check each one is documented.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum

import click

from lgds.core.logtext import escaped


class Severity(StrEnum):
    """An error stops the build; a warning stops only a strict build; a notice never stops anything.

    Notices are for news a contributor should act on in their own time, such as a varied pack whose
    original has moved on: a regional fork must keep publishing after it takes upstream updates.
    """

    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"


@dataclass(frozen=True)
class Kind:
    """One class of problem: its code, wording and fix, with ``{placeholders}`` filled per problem."""

    code: str
    message: str
    expected: str
    fix: str
    severity: Severity = Severity.ERROR
    area: str = "general"


KINDS: dict[str, Kind] = {}


def kind(
    code: str,
    message: str,
    *,
    expected: str,
    fix: str,
    warning: bool = False,
    notice: bool = False,
    area: str = "general",
) -> Kind:
    """Define and register a kind of problem (codes must be unique)."""
    if code in KINDS:
        raise ValueError(f"problem code {code!r} is defined twice")
    severity = Severity.NOTICE if notice else Severity.WARNING if warning else Severity.ERROR
    new = Kind(code, message, expected, fix, severity, area)
    KINDS[code] = new
    return new


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place; sorts by file, then line."""

    path: str
    line: int
    code: str
    message: str
    expected: str = ""
    fix: str = ""
    severity: Severity = field(default=Severity.ERROR, compare=False)

    def format(self) -> str:
        """The one-line form contributors read: where, what, expected, fix.

        It is one line whatever the file's name and the values quoted in it hold: control characters
        and line breaks are shown escaped, and the line starts with the file's path, never with
        something a build log's reader could take for a command (see ``core.logtext``).
        """
        path = f"./{self.path}" if self.path and not self.path[0].isalnum() else self.path
        where = f"{path}:{self.line}" if self.line else path
        text = f"{where}: {self.severity.value} {self.code}: {self.message}"
        if self.expected:
            text += f"; expected {self.expected}"
        if self.fix:
            text += f" (fix: {self.fix})"
        return escaped(text)


class _Defaults(dict[str, str]):
    """Leaves unknown placeholders visible rather than failing, so a wording slip never hides a problem."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, values: dict[str, object]) -> str:
    return template.format_map(_Defaults({k: str(v) for k, v in values.items()}))


class Problems:
    """Collects problems from every file so that all are reported in one run."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def add(self, kind_: Kind, path: str, line: int | None = None, **values: object) -> Problem:
        """Record a problem of ``kind_`` at ``path:line``, filling the kind's templates with ``values``."""
        problem = Problem(
            path=path,
            line=line or 0,
            code=kind_.code,
            message=_fill(kind_.message, values),
            expected=_fill(kind_.expected, values),
            fix=_fill(kind_.fix, values),
            severity=kind_.severity,
        )
        self._items.append(problem)
        return problem

    def extend(self, problems: Iterable[Problem]) -> None:
        self._items.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(sorted(set(self._items)))

    def __len__(self) -> int:
        return len(set(self._items))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.WARNING]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self if p.severity is Severity.NOTICE]

    def report(self) -> str:
        """All problems, one a line, sorted, with a count at the end."""
        lines = [p.format() for p in self]
        lines.append(_summary(len(self.errors), len(self.warnings), len(self.notices)))
        return "\n".join(lines)


def _summary(errors: int, warnings: int, notices: int = 0) -> str:
    def plural(n: int, word: str) -> str:
        return f"{n} {word}" + ("" if n == 1 else "s")

    text = f"Found {plural(errors, 'error')} and {plural(warnings, 'warning')}"
    return text + (f", with {plural(notices, 'notice')}." if notices else ".")


class ContentError(click.ClickException):
    """Raised once, after collecting, when content has errors; click prints it without a traceback."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        super().__init__("The content has problems:\n" + problems.report())


def did_you_mean(value: str, choices: Iterable[str], n: int = 3) -> str:
    """A 'did you mean' phrase for the closest choices, or a plain pointer when none is close."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    close = difflib.get_close_matches(str(value).lower(), list(lowered), n=n, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(repr(lowered[c]) for c in close) + "?"
    return ""
