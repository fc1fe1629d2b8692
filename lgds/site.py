"""Everything the kit knows once its files are loaded: the one object builders work from."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lgds.councils.models import Council, SignUp
from lgds.groups.models import Event, Group
from lgds.kit.models import Pack, RoundEntry
from lgds.sitewide.models import Settings
from lgds.standard.models import Point


@dataclass
class Site:
    """All loaded content, keyed for lookup. Builders read it; nothing here writes files."""

    root: Path
    today: date
    settings: Settings = field(default_factory=Settings)
    points: dict[int, Point] = field(default_factory=dict)
    councils: dict[str, Council] = field(default_factory=dict)
    signups: dict[str, SignUp] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    packs: dict[str, Pack] = field(default_factory=dict)
    rounds: dict[int, RoundEntry] = field(default_factory=dict)
    claimed: set[str] = field(default_factory=set)
    """Content files a loader turned into models; all other Markdown is published as it is."""

    @property
    def current_councils(self) -> list[Council]:
        return [c for c in self.councils.values() if c.current]
