"""Councils in the register, and councils' sign-ups to the Standard."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, Field

from lgds.core.fields import Day, Located, PlainText, WebLink

STANDARD_AGREED = date(2016, 4, 1)
"""The steering group agreed the final 15 points in April 2016; no sign-up can come before that."""

NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")
ENGLISH_REGIONS = (
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
)
AREAS = ENGLISH_REGIONS + NATIONS[1:]
"""The areas a peer group can cover: the nine English regions and the other three nations."""


class CouncilType(StrEnum):
    COUNTY = "county"
    DISTRICT = "district"
    UNITARY = "unitary"
    METROPOLITAN = "metropolitan"
    LONDON_BOROUGH = "london-borough"
    CITY_OF_LONDON = "city-of-london"
    SCOTTISH = "scottish"
    WELSH = "welsh"
    NI_DISTRICT = "ni-district"

    @property
    def label(self) -> str:
        return TYPE_LABELS[self]


TYPE_LABELS = {
    CouncilType.COUNTY: "County council",
    CouncilType.DISTRICT: "District council",
    CouncilType.UNITARY: "Unitary authority",
    CouncilType.METROPOLITAN: "Metropolitan borough",
    CouncilType.LONDON_BOROUGH: "London borough",
    CouncilType.CITY_OF_LONDON: "City of London",
    CouncilType.SCOTTISH: "Scottish council",
    CouncilType.WELSH: "Welsh council",
    CouncilType.NI_DISTRICT: "Northern Ireland district council",
}


class Council(BaseModel):
    """One council in the register, keyed by its stable code (which survives boundary changes)."""

    code: str = Field(description="The three- or four-letter local-authority code, e.g. CMD.")
    official_name: str
    short_name: str
    other_names: tuple[str, ...] = ()
    welsh_name: str = ""
    nation: str
    region: str = Field("", description="English region; empty outside England.")
    type: CouncilType
    gss_code: str = ""
    # The UK lies within these (Scilly to Shetland, Northern Ireland to East Anglia); a value outside is
    # a typo or swapped columns, and would put the council's hexagon far off the map.
    lat: float | None = Field(None, ge=49.0, le=61.0, description="Latitude of the council's area.")
    lon: float | None = Field(None, ge=-9.0, le=2.0, description="Longitude of the council's area.")
    start_date: Day | None = None
    end_date: Day | None = Field(None, description="The last day an abolished council existed.")
    replaced_by: tuple[str, ...] = ()
    row: int = Field(0, description="Line in data/councils.csv, for messages.")

    @property
    def current(self) -> bool:
        return self.end_date is None

    @property
    def area(self) -> str:
        """The English region, or the nation elsewhere: what a peer group covers."""
        return self.region or self.nation

    @property
    def slug(self) -> str:
        return self.code.lower()

    @property
    def name(self) -> str:
        """The name readers know it by: the short name."""
        return self.short_name

    def existed_on(self, day: date) -> bool:
        """Whether the council existed on ``day`` (``end_date`` is its last day)."""
        if self.start_date and day < self.start_date:
            return False
        return not (self.end_date and day > self.end_date)

    @property
    def all_names(self) -> tuple[str, ...]:
        names = (self.official_name, self.short_name, self.welsh_name, *self.other_names)
        return tuple(n for n in names if n)


class SignUp(Located):
    """A council's sign-up to the Standard: which council and when; nothing personal about anyone."""

    council: str = Field(
        description="The council's register code, as on its page: /councils/<code>/.",
        examples=["CMD"],
    )
    signed: Day = Field(
        description="The date the council signed up, YYYY-MM-DD; not before April 2016.",
        examples=["2017-03-14"],
    )
    statement: WebLink | None = Field(
        None, description="Optional link to the council's public statement about signing up."
    )
    note: PlainText | None = Field(
        None, max_length=280, description="Optional short note, shown on the council's page."
    )
    example: bool = Field(
        False,
        description="True for made-up sign-ups that show how the site works; pages then say so plainly.",
    )
