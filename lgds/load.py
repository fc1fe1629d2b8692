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

from lgds.core.problems import Problems
from lgds.core.reuse import Memory, current
from lgds.councils import mapcells, register, signups
from lgds.groups import load as groups
from lgds.groups import load_events as events
from lgds.kit import load as kit
from lgds.reviews import load as reviews
from lgds.site import Site
from lgds.sitewide import load as sitewide
from lgds.standard import load as standard

Step = Callable[[Site, Problems], None]

STEPS: tuple[Step, ...] = (
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
    sitewide.load_blocks,
)


def build_date() -> date:
    """The date that decides 'upcoming': from SOURCE_DATE_EPOCH when set, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def load_site(
    root: Path | str, today: date | None = None, memory: Memory | None = None
) -> tuple[Site, Problems]:
    """Load everything under ``root``; returns the site and every problem found (maybe none).

    With ``memory`` (a preview's), files whose text has not changed since the last load give back the
    very same models, so the rebuild can reuse what it made from them.
    """
    site = Site(root=Path(root).resolve(), today=today or build_date())
    problems = Problems()
    memory = memory or current()
    memory.new_load()
    with memory.using():
        for step in STEPS:
            step(site, problems)
    return site, problems
