"""Everything the kit knows once its files are loaded: the one object builders work from."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from lgds.core.links import Body
from lgds.core.pages import Intro
from lgds.councils.matching import NameIndex
from lgds.councils.models import Council, SignUp
from lgds.groups.models import Event, Group
from lgds.kit.models import Pack, RoundEntry
from lgds.reviews.models import PointReviews, Review
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
    failed: set[str] = field(default_factory=set)
    """What a loader found but could not load, because of an error it has reported: files by their path,
    and entries of a file of many by ``path#key`` (``data/councils.csv#CMD``). Checks of other files
    that refer to one stay quiet, so one mistake gives one message."""
    bodies: list[Body] = field(default_factory=list)
    """Contributors' Markdown (a point's text, an event's, a pack's notes), each with its file and line
    and the page it appears on, so its links are checked once every page is known."""
    intros: dict[str, Intro] = field(default_factory=dict)
    """Hand-written introductions to generated lists (``standard/index.md``), by their path."""
    hexmap: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Each current council's cell on the coverage page's hex map, (column, row), by its code."""
    hand_written: set[str] = field(default_factory=set)
    """Hand-written pages that generated pages link to only when they exist (the guide to starting a
    group), by their path: a loader looks for each, so page-making never asks the file system."""
    register_text: str = ""
    """The register of councils as written, published as open data."""
    events_by_pack: dict[str, list[Event]] = field(default_factory=dict)
    """Events naming each pack's slug, in date order."""
    events_by_point: dict[int, list[Event]] = field(default_factory=dict)
    """Events covering each point (those they name, else those of their packs), in date order."""
    repo_url: str | None = None
    """This copy's repository, for links that edit or propose files: ``site.yml``'s, else the engine's."""
    reviews: list[Review] = field(default_factory=list)
    """Published peer reviews, in date order."""
    reviews_by_council: dict[str, list[Review]] = field(default_factory=dict)
    """Each reviewed council's reviews, by its code, in date order."""
    reviews_by_event: dict[str, list[Review]] = field(default_factory=dict)
    """The reviews done at each event, by ``group/event-slug``, in date order."""
    review_points: dict[int, PointReviews] = field(default_factory=dict)
    """What the reviews say about each point of the Standard, by its number."""

    @functools.cached_property
    def council_names(self) -> NameIndex:
        """Every council's names, for suggesting the council someone meant; made when first asked."""
        return NameIndex(self.councils.values())

    @property
    def current_councils(self) -> list[Council]:
        return [c for c in self.councils.values() if c.current]
