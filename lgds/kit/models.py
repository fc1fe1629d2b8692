"""Session packs and the franchise's rounds, from ``franchise-kit/``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from pydantic import BaseModel, Field, PrivateAttr

from lgds.core.fields import Located, PlainText, Slug, YearMonth


class Activity(BaseModel):
    """One step of a run sheet."""

    model_config = {"extra": "forbid"}

    title: PlainText
    minutes: int = Field(ge=1, le=600, description="How long it takes, in whole minutes.")
    file: str | None = Field(None, description="Markdown file with the activity, e.g. activities/welcome.md")


class Handout(BaseModel):
    """Something printed for participants."""

    model_config = {"extra": "forbid"}

    title: PlainText
    file: str = Field(description="Markdown file with the handout, e.g. handouts/checklist.md")


class BasedOn(BaseModel):
    """Where a varied pack came from, so its lineage and drift can be shown."""

    model_config = {"extra": "forbid"}

    pack: str = Field(
        description="The pack it was copied from: a slug, or group/slug for a variant.",
        examples=["introducing-the-standard"],
    )
    version: str = Field(description="That pack's version when it was copied.", examples=["1.0"])
    fingerprints: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Written by `lgds vary-pack`: a short fingerprint of each field and file of the pack as "
            "copied, so `lgds check` can name what changed in it since. Leave as it is."
        ),
    )


class PackFile(Located):
    """What ``pack.yml`` declares."""

    title: PlainText = Field(examples=["Introducing the Standard"])
    version: str = Field(pattern=r"^\d+\.\d+$", description="MAJOR.MINOR, quoted.", examples=["1.0"])
    summary: PlainText
    points: list[int] = Field(min_length=1, description="Points of the Standard the pack covers (1 to 15).")
    audience: str
    duration: int = Field(ge=1, description="Minutes; must equal the sum of the run sheet's minutes.")
    objectives: list[str] = Field(min_length=1)
    run_sheet: list[Activity] = Field(min_length=1)
    materials: list[str] = Field(default_factory=list)
    handouts: list[Handout] = Field(default_factory=list)
    based_on: BasedOn | None = Field(None, description="Set by `lgds vary-pack` on a group's variant.")
    example: bool = Field(
        False, description="True for a made-up variant that shows how varying a pack works."
    )
    _lines: dict[str, int] = PrivateAttr(default_factory=dict)

    def line_of(self, name: str) -> int:
        """The line of a field the loader noted (``duration``, ``based_on.pack``), else the file's first."""
        return self._lines.get(name, self.source_line)


class Pack(BaseModel):
    """A pack ready to publish: its file, its folder and its Markdown parts."""

    slug: str
    folder: str
    meta: PackFile
    group: str | None = Field(None, description="The group that varied it; None for the kit's own packs.")
    notes: str = ""
    parts: dict[str, str] = Field(
        default_factory=dict, description="Markdown of each activity and handout file."
    )
    files: list[str] = Field(
        default_factory=list, description="Every file in the pack's folder, relative to it, sorted."
    )
    contents: dict[str, bytes] = Field(
        default_factory=dict, repr=False, description="Each of ``files`` as stored, for the pack's zip."
    )

    @property
    def key(self) -> str:
        """Unique across the kit and every group's variants."""
        return f"{self.group}/{self.slug}" if self.group else self.slug


class RoundEntry(Located):
    """One round of the franchise in ``franchise-kit/rounds.yml``."""

    number: int = Field(ge=1, description="The round's number, counting from 1.")
    theme: PlainText = Field(description="What the round is about, in a few words.")
    starts: YearMonth = Field(description="Roughly when it starts, YYYY-MM.")
    ends: YearMonth = Field(description="Roughly when it ends, YYYY-MM.")
    summary: str = Field("", description="One or two sentences about the round.")
    packs: list[Slug] = Field(default_factory=list, description="Slugs of the kit's packs for the round.")
    example: bool = Field(False, description="True for a made-up round that shows how rounds work.")
    _pack_lines: list[int] = PrivateAttr(default_factory=list)

    @property
    def first_month(self) -> date:
        """The first day of the month the round starts in (pages show only the month)."""
        return _month(self.starts)

    @property
    def last_month(self) -> date:
        """The first day of the month the round ends in (pages show only the month)."""
        return _month(self.ends)

    @property
    def pack_lines(self) -> list[int]:
        """The line of each entry in ``packs``, for errors about one of them."""
        return self._pack_lines or [self.source_line] * len(self.packs)


def _month(value: str) -> date:
    year, month = (int(x) for x in value.split("-"))
    return date(year, month, 1)


DEFAULT_START = time(10, 0)
"""Pack pages show clock times from 10:00; an event's page uses the event's own start time."""


class Slot(NamedTuple):
    """An activity of a run sheet with the clock times it starts and ends at."""

    begin: time
    end: time
    activity: Activity


def run_sheet_times(pack: Pack, start: time | None = None) -> list[Slot]:
    """Each activity with its start and end clock time, from ``start`` (10:00 when not given).

    Events use this with their own start time: ``run_sheet_times(pack, event.meta.start)``.
    """
    clock = datetime.combine(datetime(2000, 1, 1), start or DEFAULT_START)
    slots = []
    for activity in pack.meta.run_sheet:
        end = clock + timedelta(minutes=activity.minutes)
        slots.append(Slot(clock.time(), end.time(), activity))
        clock = end
    return slots


def part_of_day(begin: time, end: time) -> str:
    """When a session from ``begin`` to ``end`` falls, in words: "morning", "afternoon", "evening",
    or "morning and afternoon" for one that runs well past lunch (a finish after 13:30)."""
    if begin >= time(17, 0):
        return "evening"
    if begin >= time(12, 0):
        return "afternoon" if end <= time(18, 0) or end < begin else "afternoon and evening"
    return "morning" if end <= time(13, 30) and end > begin else "morning and afternoon"


def pack_for(packs: Mapping[str, Pack], slug: str, group: str | None = None) -> Pack | None:
    """The pack an event of ``group`` runs when it lists ``slug``: the group's own variant if it has
    one, else the kit's pack. Event pages can pass the result to ``run_sheet_times``."""
    if group and f"{group}/{slug}" in packs:
        return packs[f"{group}/{slug}"]
    return packs.get(slug)


def children(packs: Mapping[str, Pack], pack: Pack) -> list[Pack]:
    """Variants copied straight from ``pack``, in a stable order."""
    return sorted(
        (p for p in packs.values() if p.meta.based_on and p.meta.based_on.pack == pack.key),
        key=lambda p: p.key,
    )
