"""The network's files: ``network.yml`` (the regional sites), and the events data every copy publishes
at /data/events.json, which the national site gathers into ``data/network/<group>.json``.

The published format is versioned: ``version`` says which one a file is written in. Version 1 holds a
site's own events. Peer reviews have open data of their own (``lgds/reviews``) and are not gathered
yet; when they are, they will be published in this file as a ``reviews`` list beside ``events``, in
version 2, and the gatherer will read both versions. Everything here has a description, which becomes the JSON Schema and the docs.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, Field

from lgds.core.fields import ClockTime, Day, Located, PlainText, Slug, WebLink
from lgds.groups.models import EventStatus

FORMAT_VERSION = 1
"""The version of the events data this kit publishes and reads."""

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*@lgds-kit$"
"""An event's stable identifier, the calendar UID: ``<file name>.<group>@lgds-kit``."""


class RegionalSite(Located):
    """One regional site of the network: one entry of ``network.yml``."""

    name: PlainText = Field(
        description="The site's name, as readers know it.", examples=["North West peer group"]
    )
    group: Slug = Field(
        description="The peer group the site belongs to: a folder under peer-groups/ on this site.",
        examples=["north-west"],
    )
    address: WebLink = Field(
        description=(
            "The address the site is published at, starting with https://. Its events are gathered "
            "from data/events.json under this address."
        ),
        examples=["https://north-west.example.org/"],
    )

    @property
    def root(self) -> str:
        """The address, ending with one slash, so the data file's and pages' addresses join onto it."""
        return self.address.rstrip("/") + "/"

    @property
    def data_url(self) -> str:
        return self.root + "data/events.json"


class NetworkFile(Located):
    """What ``network.yml`` declares."""

    sites: list[RegionalSite] = Field(
        default_factory=list,
        description="The regional sites whose events this site gathers, one line each.",
    )


class PublishedVenue(BaseModel):
    """Where people meet in person."""

    model_config = {"extra": "forbid"}

    name: PlainText = Field(description="The venue's name.")
    address: PlainText | None = Field(None, description="Its address.")
    postcode: PlainText | None = Field(None, description="Its postcode.")
    access: PlainText | None = Field(None, description="Step-free access, hearing loop, toilets, quiet room.")
    arrival: PlainText | None = Field(None, description="How to get in on the day.")


class PublishedEvent(BaseModel):
    """One event, with everything its calendar entry holds."""

    model_config = {"extra": "forbid"}

    id: str = Field(
        pattern=ID_PATTERN,
        description="The event's stable identifier, the same as its calendar entry's UID: it never changes.",
        examples=["2027-02-10-reviewing-a-service-together.london@lgds-kit"],
    )
    group: Slug = Field(description="The peer group holding the event (its folder name).")
    page: WebLink | None = Field(
        description="The full address of the event's page; null when the site has not set site_url."
    )
    title: PlainText = Field(description="The event's title.")
    date: Day = Field(description="The day, YYYY-MM-DD.")
    approximate_date: bool = Field(False, description="True when only the month is known.")
    start: ClockTime | None = Field(None, description="Start time, UK local time, HH:MM.")
    end: ClockTime | None = Field(None, description="End time, UK local time, HH:MM.")
    status: EventStatus = Field(description="planned, confirmed, postponed or cancelled.")
    sequence: int = Field(0, ge=0, description="Rises each time the date, time or place changes.")
    venue: PublishedVenue | None = Field(None, description="Where people meet in person, if they do.")
    online: WebLink | None = Field(None, description="The link to join online, if it is online.")
    booking: WebLink | None = Field(None, description="Where to book a place.")
    round: int | None = Field(None, ge=1, description="The round of the franchise the event belongs to.")
    example: bool = Field(False, description="True for made-up events that illustrate the kit.")


class EventsData(BaseModel):
    """A site's own events, as published at /data/events.json (version 1)."""

    model_config = {"extra": "forbid"}

    version: Literal[1] = Field(description="The version of this format.")
    name: PlainText = Field(description="The name of the site that published the file.")
    site: WebLink | None = Field(description="The site's address (its site_url), or null when not set.")
    group: Slug | None = Field(
        None, description="The peer group the site centres on; null for the national site."
    )
    generated: Day = Field(description="The day the site was built.")
    events: list[PublishedEvent] = Field(description="The site's own events, in date order.")


class GatheredCopy(BaseModel):
    """What ``lgds gather`` writes to ``data/network/<group>.json``: one site's events as it got them."""

    model_config = {"extra": "forbid"}

    group: Slug = Field(description="The regional site's group, as in network.yml.")
    source: WebLink = Field(description="The address the data was fetched from.")
    gathered: dt.datetime = Field(description="When it was fetched, in UTC.")
    data: EventsData = Field(description="The data as published, checked.")


def json_schema(model: type[BaseModel], title: str, about: str) -> dict[str, Any]:
    """The model's JSON Schema, with the title and description the schema files carry."""
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    schema["description"] = about
    return schema
