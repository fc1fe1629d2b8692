"""A point of the Standard, from the front matter and body of ``standard/<n>-<slug>.md``."""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Literal

from pydantic import BaseModel, Field

from lgds.core.fields import Located, PlainText, WebLink, slugify

__all__ = ["GUIDES", "POINT_COUNT", "PHASES", "SECTIONS", "Guidance", "Point", "PointFrontMatter", "slugify"]

POINT_COUNT = 15

SECTIONS = (
    "Why it matters",
    "What it means for a council",
    "What to show at each phase",
    "Questions a peer reviewer might ask",
)
"""Every point page carries these sections, so readers find the same things in the same places."""

PHASES = ("Discovery", "Alpha", "Beta", "Live")


GUIDES = {
    "gov-uk": "The GOV.UK Service Standard",
    "local-digital": "The Local Digital Declaration",
    "scotland": "The Digital Scotland Service Standard",
    "wales": "The Digital Service Standards for Wales",
}
"""The standards and declarations a point's related guidance may come from, in the order pages list them."""


class Guidance(BaseModel):
    """A link to the nearest part of another standard, and how it differs from the point."""

    model_config = {"extra": "forbid", "str_strip_whitespace": True}

    source: Literal["gov-uk", "local-digital", "scotland", "wales"] = Field(
        description="Whose guidance it is: gov-uk, local-digital, scotland or wales."
    )
    title: PlainText = Field(
        description="The part it links to, as that standard names it.",
        examples=["Point 1: Understand users and their needs"],
    )
    url: WebLink = Field(
        description="Its web address, starting with https://.",
        examples=["https://www.gov.uk/service-manual/service-standard/point-1-understand-user-needs"],
    )
    differs: PlainText | None = Field(
        None, description="One sentence on how it differs from this point, when it does."
    )


class PointFrontMatter(Located):
    """What a point's file declares at the top."""

    number: int = Field(ge=1, le=POINT_COUNT, description="The point's number, 1 to 15.", examples=[1])
    title: PlainText = Field(description="The point's short title.", examples=["Understand user needs"])
    summary: PlainText = Field(
        description="One plain sentence saying what the point asks of a council.",
        examples=["Find out who will use the service and what they need from it."],
    )
    related: list[int] = Field(
        default_factory=list,
        description="Numbers of other points that connect closely to this one.",
        examples=[[10, 14]],
    )
    checklist: list[PlainText] = Field(
        min_length=3,
        max_length=10,
        description="What a team needs to be able to show for the point: three to ten short items.",
        examples=[["Research with the people who use the service, not only staff"]],
    )
    guidance: list[Guidance] = Field(
        default_factory=list,
        description=(
            "Related guidance: the GOV.UK Service Standard's nearest point, the Local Digital "
            "Declaration, and the Scottish and Welsh standards where they differ."
        ),
    )


class Point(BaseModel):
    """A point ready to publish: its declared fields, its body, and where it lives."""

    meta: PointFrontMatter
    body: str
    path: str
    changed: dt.date | None = None
    """When the point's file was last changed, from git (None outside a git repository)."""

    @property
    def number(self) -> int:
        return self.meta.number

    @property
    def title(self) -> str:
        return self.meta.title

    @property
    def slug(self) -> str:
        return f"{self.meta.number}-{slugify(self.meta.title)}"

    @property
    def guides(self) -> list[tuple[str, list[Guidance]]]:
        """The related guidance by whose it is, in the order of ``GUIDES``, leaving out any with none."""
        found = [(name, [g for g in self.meta.guidance if g.source == key]) for key, name in GUIDES.items()]
        return [(name, links) for name, links in found if links]

    @property
    def url(self) -> str:
        return f"standard/{self.slug}/"

    @functools.cached_property
    def questions(self) -> tuple[str, ...]:
        """The questions under *Questions a peer reviewer might ask*, as written (Markdown), one each.

        New review files list them as comments, and the printable scoring sheet under each point.
        """
        heading = re.search(rf"^##\s+{re.escape(SECTIONS[-1])}\s*#*$", self.body, re.M | re.I)
        if heading is None:
            return ()
        section = re.split(r"^#{1,2}\s", self.body[heading.end() :], maxsplit=1, flags=re.M)[0]
        return tuple(m.strip() for m in re.findall(r"^\s*[-*+]\s+(.+)$", section, re.M))
