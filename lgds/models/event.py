"""Peer-group events, from ``peer-groups/<group>/events/<date>-<slug>.md``."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from .common import ClockTime, Located, PlainText, Slug, WebLink

UK_TIME = ZoneInfo("Europe/London")
"""Every event time is UK local time; the zone handles the clock changes."""


class EventStatus(StrEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"


class Venue(BaseModel):
    """Where people meet in person, and what they need to know to get in."""

    model_config = {"extra": "forbid"}

    name: PlainText = Field(examples=["Council House, meeting room 2"])
    address: PlainText | None = None
    postcode: PlainText | None = Field(None, examples=["B1 1BB"])
    access: str | None = Field(None, description="Step-free access, hearing loop, toilets, quiet room.")


class EventFile(Located):
    """What an event file's front matter declares."""

    title: PlainText = Field(examples=["Reviewing a service together"])
    date: dt.date = Field(description="The day, YYYY-MM-DD.", examples=["2027-02-10"])
    approximate_date: bool = Field(
        False, description="True for past events whose exact day is not known: only the month shows."
    )
    start: ClockTime | None = Field(None, description="Start time, UK local time, HH:MM.")
    end: ClockTime | None = Field(None, description="End time, UK local time, HH:MM.")
    venue: Venue | None = None
    online: WebLink | None = Field(None, description="A link to join online.")
    host: str | None = Field(None, description="The host council's register code.", examples=["CMD"])
    round: int | None = Field(None, ge=1, description="The round of the franchise this event belongs to.")
    packs: list[Slug] = Field(default_factory=list, description="Slugs of the session packs used.")
    points: list[int] = Field(
        default_factory=list,
        description="Points of the Standard covered, when they differ from those of the packs used.",
    )
    booking: WebLink | None = Field(None, description="Where to book a place.")
    status: EventStatus = Field(description="planned, confirmed, postponed or cancelled.")
    sequence: int = Field(
        0, ge=0, description="Raise by one each time you change the date, time or place of a published event."
    )
    example: bool = Field(False, description="True for made-up events that illustrate the site.")


class Event(BaseModel):
    """An event ready to publish, with the group it belongs to and its slug."""

    group: str
    slug: str
    meta: EventFile
    body: str = ""

    @property
    def path(self) -> str:
        return self.meta.source_path

    @property
    def url(self) -> str:
        return f"peer-groups/{self.group}/events/{self.slug}/"

    @property
    def starts_at(self) -> dt.datetime | None:
        if self.meta.start is None:
            return None
        return dt.datetime.combine(self.meta.date, self.meta.start, UK_TIME)

    @property
    def ends_at(self) -> dt.datetime | None:
        if self.meta.end is None:
            return None
        return dt.datetime.combine(self.meta.date, self.meta.end, UK_TIME)
