"""When each point's file was last changed, from git, so a page can say so and link to its history.

Git's commit dates are part of the repository, so two builds of the same commit give the same dates:
builds stay reproducible. One ``git log`` runs for the whole folder, with a time limit. Outside a git
repository, or when the kit is only part of a larger repository (so git would read outside the kit),
or when git is missing or slow, there are no dates, and pages say nothing about them.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

TIME_LIMIT = 10
"""Seconds git may take before the build goes on without the dates."""


def _environment() -> dict[str, str]:
    """The environment without git's own variables, which could point git at another repository."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    return {**kept, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            timeout=TIME_LIMIT,
            check=False,
            env=_environment(),
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def last_changed(root: Path, folder: str) -> dict[str, dt.date]:
    """Each committed file under ``folder`` (a path relative to ``root``), with the day of the last
    commit that changed it; empty when ``root`` is not the top of a git repository."""
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None or Path(top.strip()).resolve() != root.resolve():
        return {}
    log = _git(root, "log", "--format=@%cs", "--name-only", "--no-renames", "--", folder)
    if log is None:
        return {}
    found: dict[str, dt.date] = {}
    day: dt.date | None = None
    for line in log.splitlines():
        if line.startswith("@"):
            try:
                day = dt.date.fromisoformat(line[1:])
            except ValueError:
                day = None
        elif line and day is not None:
            found.setdefault(line, day)
    return found
