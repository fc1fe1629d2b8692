"""Read every content and data file, validate it into models, and collect all problems at once.

Each step reads one kind of file; later steps may look up what earlier ones loaded (events need
councils and packs). Cross-checks come last, so one run reports every problem in every file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from lgds.core.problems import Problems
from lgds.councils import register as councils
from lgds.councils import signups
from lgds.groups import load as groups
from lgds.groups import load_events as events
from lgds.kit import load as packs
from lgds.site import Site
from lgds.sitewide import load as settings
from lgds.standard import load as standard

Step = Callable[[Site, Problems], None]

STEPS: tuple[Step, ...] = (
    settings.load,
    standard.load,
    councils.load,
    signups.load,
    packs.load_rounds,
    packs.load,
    groups.load,
    events.load,
    packs.check,
)


def build_date() -> date:
    """The date that decides 'upcoming': from SOURCE_DATE_EPOCH when set, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return date.today()


def load_site(root: Path | str, today: date | None = None) -> tuple[Site, Problems]:
    """Load everything under ``root``; returns the site and every problem found (maybe none)."""
    site = Site(root=Path(root).resolve(), today=today or build_date())
    problems = Problems()
    for step in STEPS:
        step(site, problems)
    return site, problems
