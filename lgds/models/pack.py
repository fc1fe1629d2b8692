"""Session packs and the franchise's rounds, from ``franchise-kit/``."""

from __future__ import annotations

from pydantic import BaseModel, Field

from .common import Located, PlainText, Slug, YearMonth


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

    pack: str = Field(description="The pack it was copied from: a slug, or group/slug for a variant.")
    version: str = Field(description="That pack's version when it was copied.")


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

    @property
    def key(self) -> str:
        """Unique across the kit and every group's variants."""
        return f"{self.group}/{self.slug}" if self.group else self.slug


class RoundEntry(Located):
    """One round of the franchise in ``franchise-kit/rounds.yml``."""

    number: int = Field(ge=1)
    theme: PlainText
    starts: YearMonth
    ends: YearMonth
    summary: str = ""
    packs: list[Slug] = Field(default_factory=list)
    example: bool = False
