"""``lgds check --format github``: each problem as a GitHub Actions annotation on its file and line,
and a summary in plain words for the run's summary page.

GitHub reads a line such as ``::error file=site.yml,line=5,title=unknown-group::message`` written by a
step and shows the message on that line of the pull request's changed file. Its workflow commands
have their own escaping: in the message ``%``, carriage returns and line breaks are percent-encoded;
in a property (the file, the title) ``:`` and ``,`` are too, as they would end the property. Any other
control character, and the older command form ``##[``, is written as an escape as in every log line
the kit writes (``lgds.core.logtext``).
"""

from __future__ import annotations

import os
from pathlib import Path

from lgds.core.escape import markdown_text
from lgds.core.logtext import escaped
from lgds.core.problems import Problem, Problems, Severity

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTICE: "notice"}
"""GitHub's annotation levels for each severity; with --strict a warning is shown as an error."""


def escape_data(value: str) -> str:
    """A message, escaped as GitHub's workflow commands want it, on one line."""
    return escaped(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    """A property's value (file, title), escaped as GitHub's workflow commands want it."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def repo_path(root: Path, path: str, workspace: str | None) -> str:
    """The problem's file relative to the repository GitHub checked out, so annotations land on it.

    The kit is usually the repository itself; a kit in a folder of a bigger repository has that
    folder put in front.
    """
    if workspace:
        base = Path(workspace).resolve()
        full = (root / path).resolve()
        if full.is_relative_to(base):
            return full.relative_to(base).as_posix()
    return path


def annotation(problem: Problem, file: str, strict: bool) -> str:
    """One problem as one workflow command line."""
    level = LEVELS[problem.severity]
    if strict and problem.severity is Severity.WARNING:
        level = "error"
    props = [f"file={escape_property(file)}"]
    if problem.line:
        props.append(f"line={problem.line}")
    props.append(f"title={escape_property(f'{problem.severity.value} {problem.code}')}")
    text = problem.message
    if problem.expected:
        text += f"; expected {problem.expected}"
    if problem.fix:
        text += f". How to fix it: {problem.fix}"
    return f"::{level} {','.join(props)}::{escape_data(text)}"


def annotation_lines(problems: Problems, root: Path, strict: bool) -> list[str]:
    workspace = os.environ.get("GITHUB_WORKSPACE")
    return [annotation(p, repo_path(root, p.path, workspace), strict) for p in problems]


def summary(problems: Problems, root: Path, strict: bool) -> str:
    """The run's summary page in plain words: whether the check passed, and a table of every problem."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    errors, warnings = len(problems.errors), len(problems.warnings)
    failed = bool(errors) or (strict and bool(warnings))
    lines = ["## Checking the site's files", ""]
    if not len(problems):
        lines.append("Every content and data file is valid. Nothing needs changing.")
        return "\n".join(lines) + "\n"
    if failed:
        lines.append(
            f"The check found {_count(errors, 'error')} and {_count(warnings, 'warning')}. The site cannot "
            "be published until they are fixed. Each one is also shown on its line under the pull "
            "request's **Files changed** tab."
        )
    else:
        lines.append(
            f"The check passed, with {_count(warnings, 'warning')} and {_count(len(problems.notices), 'notice')} "
            "to look at when you can."
        )
    lines += ["", "| File and line | What is wrong | How to fix it |", "| --- | --- | --- |"]
    for p in problems:
        file = repo_path(root, p.path, workspace)
        where = f"{file}, line {p.line}" if p.line else file
        wrong = f"{p.severity.value.capitalize()}: {p.message}" + (
            f"; expected {p.expected}" if p.expected else ""
        )
        lines.append(f"| {_cell(where)} | {_cell(wrong)} | {_cell(p.fix)} |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return str(markdown_text(escaped(text)))  # a backslash before | keeps it inside the cell


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")
