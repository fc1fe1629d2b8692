"""Read every content and data file, validate it into models, and collect all problems at once.

Each feature's loader reads its own files; later steps may look up what earlier ones loaded (events
need councils and packs). Checks across files come last, so one run reports every problem in every
file. ``lgds check`` and the build both call :func:`load_site`, so they always agree.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from lgds import published
from lgds.core import collector, files
from lgds.core.problems import Problems, kind
from lgds.core.reuse import Memory, current
from lgds.councils import mapcells, register, signups
from lgds.groups import load as groups
from lgds.groups import load_events as events
from lgds.kit import load as kit
from lgds.network import load as network
from lgds.reviews import load as reviews
from lgds.site import Site
from lgds.sitewide import load as sitewide
from lgds.sitewide import overrides, strays
from lgds.standard import load as standard

Step = Callable[[Site, Problems], None]


def check_links(site: Site, problems: Problems) -> None:
    """First, every symbolic link in the content: no step after this reads through one."""
    files.check_links(site.root, problems)


STEPS: tuple[Step, ...] = (
    check_links,
    strays.spellings,
    sitewide.load,
    standard.load,
    register.load,
    mapcells.load,
    signups.load,
    kit.load_rounds,
    kit.load,
    groups.load,
    events.load,
    reviews.load,
    kit.check,
    network.load,
    sitewide.load_blocks,
    strays.unread,
    overrides.check,
    published.check,
)


LAST_EPOCH = 4_102_444_800
"""1 January 2100, 00:00 UTC. Builds date things from SOURCE_DATE_EPOCH (MkDocs too, and the packs'
zip files, which cannot record a year after 2107), so it must be a day that all of them can write."""

BAD_EPOCH = kind(
    "bad-source-date-epoch",
    "the environment variable SOURCE_DATE_EPOCH is {value}: {reason}",
    expected="a whole number of seconds since 1 January 1970, as `date +%s` prints it, for a moment "
    "before 2100; or no SOURCE_DATE_EPOCH at all, to build as of today",
    fix="set it from the last commit with `export SOURCE_DATE_EPOCH=$(git log -1 --format=%ct)`, or "
    "unset it with `unset SOURCE_DATE_EPOCH`",
)


def build_date(problems: Problems | None = None) -> date:
    """The date that decides 'upcoming': from SOURCE_DATE_EPOCH when set, for reproducible builds.

    An unusable value is reported to ``problems`` (MkDocs, which reads it too, would stop with a
    traceback), and the date is then today's.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return date.today()
    reason = _unusable(epoch.strip())
    if not reason:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    if problems is not None:
        value = repr(epoch[:30]) + ("..." if len(epoch) > 30 else "")
        problems.add(BAD_EPOCH, "SOURCE_DATE_EPOCH", value=value, reason=reason)
    return date.today()


def _unusable(epoch: str) -> str:
    """Why SOURCE_DATE_EPOCH cannot give the build date, or nothing."""
    if not epoch:
        return "it is empty"
    if epoch.startswith("-") and epoch[1:].isdigit():
        return "a moment before 1970"
    if not (epoch.isascii() and epoch.isdigit()):
        return "not a whole number of seconds"
    if len(epoch) > 12 or int(epoch) >= LAST_EPOCH:
        return "a moment after 2099"
    return ""


def load_site(
    root: Path | str, today: date | None = None, memory: Memory | None = None
) -> tuple[Site, Problems]:
    """Load everything under ``root``; returns the site and every problem found (maybe none).

    With ``memory`` (a preview's), files whose text has not changed since the last load give back the
    very same models, so the rebuild can reuse what it made from them.
    """
    problems = Problems()
    when = build_date(problems)  # checked even when ``today`` is given, as the build will use it
    site = Site(root=Path(root).resolve(), today=today or when)
    memory = memory or current()
    memory.new_load()
    with memory.using(), collector.paused():
        for step in STEPS:
            step(site, problems)
    return site, problems
