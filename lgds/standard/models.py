"""A point of the Standard, from the front matter and body of ``standard/<n>-<slug>.md``."""

from __future__ import annotations

import functools
import re

from pydantic import BaseModel, Field

from lgds.core.fields import Located, PlainText, slugify

__all__ = ["POINT_COUNT", "PHASES", "SECTIONS", "Point", "PointFrontMatter", "slugify"]

POINT_COUNT = 15

SECTIONS = (
    "Why it matters",
    "What it means for a council",
    "What to show at each phase",
    "Questions a peer reviewer might ask",
)
"""Every point page carries these sections, so readers find the same things in the same places."""

PHASES = ("Discovery", "Alpha", "Beta", "Live")


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


class Point(BaseModel):
    """A point ready to publish: its declared fields, its body, and where it lives."""

    meta: PointFrontMatter
    body: str
    path: str

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
