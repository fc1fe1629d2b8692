"""Peer reviews of services against the Standard, from ``reviews/<council>/<date>-<service>.md``.

A review's front matter holds the facts (the council, the service, the phase, the day, the reviewing
councils, the council's consent to publish, and a result for each point it assessed); its Markdown body
holds the narrative. The overall result is worked out from the points, never written by hand.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from lgds.core.fields import Day, Located, PlainText, WebLink, slugify

FOLDER = "reviews"
"""The top-level folder of review files: one folder per council, named by its code in lower case."""

POINTS = range(1, 16)
"""The numbers of the Standard's points, each of which a review may assess."""

PACK = "peer-review-a-service"
"""The session pack for a peer-review day: its page links to the review format and the scoring sheet."""

REVIEWS_CSV = "reviews.csv"
REVIEWS_JSON = "reviews.json"
"""The open data files of published reviews, in /data/."""

RECENT = 20
"""How many of the latest reviews /reviews/ lists; the rest are on a page for each year."""

EVENT_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$"
"""How a review names its event: the group's folder, a slash, and the event's file name without .md."""


class Phase(StrEnum):
    """The phase a service was in when it was reviewed, as GOV.UK's service manual names them."""

    DISCOVERY = "discovery"
    ALPHA = "alpha"
    BETA = "beta"
    LIVE = "live"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Result(StrEnum):
    """A point's result, in the words GOV.UK's assessment reports use."""

    MET = "met"
    NOT_MET = "not met"
    NOT_ASSESSED = "not assessed"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def key(self) -> str:
        """The result as one word, for class names and filters: ``not-met``."""
        return self.value.replace(" ", "-")


RESULTS = tuple(r.value for r in Result)


class PointEntry(BaseModel):
    """One point of the Standard as the review found it."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    point: int = Field(
        description="The point's number, 1 to 15; each point at most once.",
        examples=[9],
        json_schema_extra={"minimum": 1, "maximum": 15},
    )
    result: str = Field(
        description="met, not met or not assessed, as GOV.UK's assessment reports write them.",
        examples=["not met"],
        json_schema_extra={"enum": list(RESULTS)},
    )
    evidence: PlainText | None = Field(
        None,
        max_length=1000,
        description="A short summary of the evidence the reviewers saw or heard, in plain text.",
        examples=["The team showed a written plan, but it has not been rehearsed with the contact centre."],
    )
    recommendations: list[PlainText] = Field(
        default_factory=list,
        description="What the reviewers recommend, one sentence or two each, in plain text.",
        examples=[["Rehearse the offline plan with the contact centre before the service goes live."]],
    )


class ReviewFile(Located):
    """What a review file's front matter declares."""

    council: str = Field(
        description="The reviewed council's register code, as on its page: /councils/<code>/.",
        examples=["BAS"],
    )
    service: PlainText = Field(
        description="The service's name. Use the same name in every review of a service, so they are linked.",
        examples=["Garden waste subscription"],
    )
    link: WebLink | None = Field(None, description="Optional link to the service, starting with https://.")
    phase: Phase = Field(description="The service's phase when reviewed: discovery, alpha, beta or live.")
    date: Day = Field(description="The day of the review, YYYY-MM-DD.", examples=["2026-03-18"])
    event: str | None = Field(
        None,
        description="The peer-group event it happened at, if any: GROUP/EVENT, as in the event's address.",
        examples=["south-west/2026-03-18-peer-review-day"],
        json_schema_extra={"pattern": EVENT_PATTERN},
    )
    reviewers: list[str] = Field(
        min_length=1,
        description="The reviewing councils' register codes; never people's names.",
        examples=[["PLY", "WIL"]],
    )
    consent: bool = Field(
        False,
        description="true once the reviewed council has agreed to publish the review. Without it, the "
        "review is an error and is not published.",
    )
    points: list[PointEntry] = Field(
        default_factory=list,
        description="A result for each point of the Standard; a point left out counts as not assessed.",
    )
    example: bool = Field(
        False, description="True for made-up reviews that show how the site works; pages then say so."
    )


class Assessment(BaseModel):
    """A point's result in a review, with what the reviewers saw and recommend."""

    number: int
    result: Result = Result.NOT_ASSESSED
    evidence: str = ""
    recommendations: tuple[str, ...] = ()


class Review(BaseModel):
    """A review ready to publish: its file, where it lives, and every point's result, 1 to 15."""

    folder: str
    """The council's folder under reviews/: its code in lower case."""
    slug: str
    """The file's name without .md: the review's date and the service's short name."""
    meta: ReviewFile
    body: str = ""
    assessments: tuple[Assessment, ...] = ()

    @property
    def path(self) -> str:
        return f"{FOLDER}/{self.folder}/{self.slug}.md"

    @property
    def council(self) -> str:
        return self.meta.council

    @functools.cached_property
    def service_key(self) -> tuple[str, str]:
        """Which service this is: the council and the service's name, so a service's reviews are linked."""
        return (self.meta.council, slugify(self.meta.service))

    @functools.cached_property
    def overall(self) -> Result:
        """Met only when every assessed point is met; not assessed when no point was."""
        assessed = [a.result for a in self.assessments if a.result is not Result.NOT_ASSESSED]
        if not assessed:
            return Result.NOT_ASSESSED
        return Result.MET if all(r is Result.MET for r in assessed) else Result.NOT_MET

    def numbers(self, result: Result) -> list[int]:
        """The points with ``result``, in order."""
        return [a.number for a in self.assessments if a.result is result]

    def count(self, result: Result) -> int:
        return sum(1 for a in self.assessments if a.result is result)

    @functools.cached_property
    def tally(self) -> dict[str, int]:
        """How many points had each result, by the result's words (``tally["not met"]``), and how many
        were ``assessed``."""
        found = {result.value: self.count(result) for result in Result}
        found["assessed"] = found[Result.MET.value] + found[Result.NOT_MET.value]
        return found

    def assessment(self, number: int) -> Assessment:
        """Point ``number``'s result, evidence and recommendations (not assessed when not given)."""
        if 0 < number <= len(self.assessments) and self.assessments[number - 1].number == number:
            return self.assessments[number - 1]
        found = [a for a in self.assessments if a.number == number]
        return found[0] if found else Assessment(number=number)

    def result_of(self, number: int) -> Result:
        return self.assessment(number).result


def order(review: Review) -> tuple[object, ...]:
    """Reviews sort by day, then council and file: the order of every list of reviews."""
    return (review.meta.date, review.folder, review.slug)


@dataclass(frozen=True)
class PhaseCount:
    """How the reviews in one phase did on one point."""

    phase: Phase
    reviews: int
    """Reviews in this phase."""
    met: int
    not_met: int

    @property
    def assessed(self) -> int:
        return self.met + self.not_met

    @property
    def not_assessed(self) -> int:
        return self.reviews - self.assessed

    @property
    def percent_not_met(self) -> int | None:
        """The share of the reviews that assessed the point and found it not met, a whole percentage."""
        return round(100 * self.not_met / self.assessed) if self.assessed else None


@dataclass(frozen=True)
class Recommendation:
    """A recommendation reviewers made on a point, and the reviews that made it, latest first."""

    text: str
    reviews: tuple[Review, ...]


@dataclass(frozen=True)
class PointReviews:
    """What the reviews say about one point: by phase, and the recommendations most often made."""

    number: int
    phases: tuple[PhaseCount, ...]
    """Each phase that has any reviews, in the order of the phases."""
    recommendations: tuple[Recommendation, ...]
    """The most often made first (then the latest), cut short: see ``more``."""
    more: int
    """How many other recommendations on the point are left out."""
    examples: bool
    """Whether any review counted is an example."""
