"""Peer groups and their events, from ``peer-groups/<slug>/group.yml`` and
``peer-groups/<group>/events/<date>-<slug>.md``."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from lgds.core.fields import ClockTime, Day, Email, Located, PlainText, Slug, WebLink, YearMonth


class GroupStatus(StrEnum):
    ACTIVE = "active"
    FORMING = "forming"
    DORMANT = "dormant"


class Facilitator(BaseModel):
    """Someone who runs the group, named only because they agreed to be."""

    model_config = {"extra": "forbid"}

    name: PlainText
    organisation: PlainText


class GroupFile(Located):
    """What ``group.yml`` declares."""

    name: PlainText = Field(description="The group's name.", examples=["London peer group"])
    covers: list[str] = Field(
        min_length=1,
        description="English regions and nations the group covers, spelt as in the register.",
        examples=[["London"]],
    )
    status: GroupStatus | None = Field(
        None,
        description=(
            "Not needed: pages work a group's status out from its events (active: it met in the last 12 "
            "months or has a meeting planned; dormant: it has met, but not since; forming: not yet). "
            "Older files may still say active, forming or dormant; the value is not used."
        ),
    )
    started: YearMonth | None = Field(None, description="When it first met, YYYY-MM.")
    facilitators: list[Facilitator] = Field(
        default_factory=list, description="Only people who agree to be named."
    )
    contact: WebLink | Email | None = Field(None, description="A web address or email address.")
    join: WebLink | None = Field(None, description="Where to ask to join.")
    example_contact: bool = Field(
        False, description="True when the contact details are placeholders for illustration."
    )


class Group(BaseModel):
    """A group ready to publish: its file, its about text and its slug (the folder name)."""

    slug: str
    meta: GroupFile
    about: str = ""
    about_path: str = ""

    @property
    def name(self) -> str:
        return self.meta.name

    @property
    def first_met(self) -> dt.date | None:
        """The first day of the month it first met, if known (pages show only the month)."""
        if not self.meta.started:
            return None
        year, month = self.meta.started.split("-")
        return dt.date(int(year), int(month), 1)


UK_TIME = ZoneInfo("Europe/London")
"""Every event time is UK local time; the zone handles the clock changes."""


class EventStatus(StrEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    POSTPONED = "postponed"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        """The status as a word on pages: readers never have to decode a colour."""
        return self.value.capitalize()


EventDate = Day
"""A day that exists in the calendar, written YYYY-MM-DD."""


class Venue(BaseModel):
    """Where people meet in person, and what they need to know to get in."""

    model_config = {"extra": "forbid"}

    name: PlainText = Field(examples=["Council House, meeting room 2"])
    address: PlainText | None = None
    postcode: PlainText | None = Field(None, examples=["B1 1BB"])
    access: str | None = Field(None, description="Step-free access, hearing loop, toilets, quiet room.")
    arrival: str | None = Field(
        None,
        description="How to get in on the day: which entrance, where to sign in, who to ask for.",
        examples=["Sign in at the main reception and ask for the peer group."],
    )


class EventFile(Located):
    """What an event file's front matter declares."""

    title: PlainText = Field(examples=["Reviewing a service together"])
    date: EventDate = Field(description="The day, YYYY-MM-DD.", examples=["2027-02-10"])
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


class Origin(BaseModel):
    """The regional site a gathered event came from (see lgds/network): its name and address, and the
    full address of the event's page there, which every link to the event goes to."""

    name: str
    address: str
    page: str


class Event(BaseModel):
    """An event ready to publish, with the group it belongs to and its slug."""

    group: str
    slug: str
    meta: EventFile
    body: str = ""
    origin: Origin | None = None
    """Where a gathered event came from; None for the site's own events, which have pages here."""

    @property
    def elsewhere(self) -> str | None:
        """The full address of the event's page on another site, for a gathered event (see routes)."""
        return self.origin.page if self.origin else None

    @property
    def path(self) -> str:
        """The event's file, where the loader found it (from the names, which is quicker than asking
        the model: pydantic looks up private attributes slowly, and builders ask thousands of times)."""
        return f"peer-groups/{self.group}/events/{self.slug}.md"

    @property
    def uid(self) -> str:
        """The calendar identity: from the group and file name only, so edits never change it."""
        return f"{self.slug}.{self.group}@lgds-kit"

    @functools.cached_property  # asked for thousands of times a build; the model does not change
    def timed(self) -> bool:
        """True when the event has a known day and times, so it can go in a calendar."""
        return not self.meta.approximate_date and self.starts_at is not None and self.ends_at is not None

    def is_past(self, today: dt.date) -> bool:
        """Past once its day is before the build date; an event on the build date is still upcoming."""
        return self.meta.date < today

    @functools.cached_property
    def starts_at(self) -> dt.datetime | None:
        if self.meta.start is None:
            return None
        return dt.datetime.combine(self.meta.date, self.meta.start, UK_TIME)

    @functools.cached_property
    def ends_at(self) -> dt.datetime | None:
        if self.meta.end is None:
            return None
        return dt.datetime.combine(self.meta.date, self.meta.end, UK_TIME)


RECENT_PAST = 10
"""How many past events a list on another page shows besides the upcoming ones: a point or a pack may be
covered by hundreds of events over the years, so its page shows the latest and counts the rest."""

SOONEST_UPCOMING = 20
"""How many upcoming events /events/, a group's page, a point's and a pack's list: a national site
gathers every region's, planned months ahead, so those pages list the soonest and count the rest."""

DID_NOT_HAPPEN = (EventStatus.CANCELLED, EventStatus.POSTPONED)
"""Statuses of events that did not take place on their day, so never count as having run."""


def in_order(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.meta.date, e.meta.start or dt.time(0), e.group, e.slug))


def held(events: list[Event], today: dt.date) -> list[Event]:
    """Events that have ended (their day is before ``today``) and were not cancelled or postponed,
    in date order: what the record can say took place."""
    return [e for e in in_order(events) if e.is_past(today) and e.meta.status not in DID_NOT_HAPPEN]


def coming(events: list[Event], today: dt.date) -> list[Event]:
    """Events still to come that are not cancelled, soonest first (postponed ones say so where listed)."""
    return [
        e for e in in_order(events) if not e.is_past(today) and e.meta.status is not EventStatus.CANCELLED
    ]


@dataclass(frozen=True)
class Record:
    """What a page about a point or a pack can truly say of the events that used it."""

    held: list[Event]
    """The latest events that took place, in date order."""
    earlier: int
    """How many earlier events that took place are left out of ``held``."""
    coming: list[Event]
    """The soonest events still to come that are not cancelled, soonest first."""
    later: int = 0
    """How many later events still to come are left out of ``coming``."""


def record(
    events: list[Event], today: dt.date, keep: int = RECENT_PAST, soonest: int = SOONEST_UPCOMING
) -> Record:
    """The events that took place (the latest ``keep``) and those to come (the ``soonest``), apart."""
    done, ahead = held(events, today), coming(events, today)
    shown = done[-keep:] if keep else []
    later = max(len(ahead) - soonest, 0)
    return Record(held=shown, earlier=len(done) - len(shown), coming=ahead[:soonest], later=later)


ACTIVE_WITHIN = 365
"""A group that met within this many days of the build date, or has a meeting planned, is active."""


@dataclass(frozen=True)
class Standing:
    """A group's status as its events show it, with the meetings that decide it."""

    status: GroupStatus
    last: Event | None
    """The last meeting that took place, if any."""
    next: Event | None
    """The next meeting planned and not cancelled, if any."""
    example: bool
    """True when the status rests on made-up events."""
    recent: bool
    """True when the last meeting was within the last 12 months."""


def _status(
    events: list[Event], today: dt.date, began: dt.date | None
) -> tuple[GroupStatus, Event | None, Event | None, Event | None]:
    """The status, the last and next meetings, and the meeting that decides the status (if any)."""
    done, planned = held(events, today), coming(events, today)
    last = done[-1] if done else None
    upcoming = planned[0] if planned else None
    since = last.meta.date if last else began
    if since is None:
        return GroupStatus.FORMING, None, upcoming, upcoming
    if (today - since).days <= ACTIVE_WITHIN:
        return GroupStatus.ACTIVE, last, upcoming, last
    if upcoming:
        return GroupStatus.ACTIVE, last, upcoming, upcoming
    return GroupStatus.DORMANT, last, upcoming, last


def standing(events: list[Event], today: dt.date, began: dt.date | None = None) -> Standing:
    """Active: a meeting in the last 12 months or one planned. Dormant: it has met (or began, in the
    month ``began``), but not for 12 months, and nothing is planned. Forming: it has not begun yet.
    Made-up events count, but a status that rests on them is marked as an example."""
    status, last, upcoming, deciding = _status(events, today, began)
    real = _status([e for e in events if not e.meta.example], today, began)[0]
    example = real is not status or (deciding is not None and deciding.meta.example)
    recent = last is not None and (today - last.meta.date).days <= ACTIVE_WITHIN
    return Standing(status=status, last=last, next=upcoming, example=example, recent=recent)
