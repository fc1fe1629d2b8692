"""Dates and times as contributors write them: days, year-months and clock times, with the years the
kit takes. Each validator says in words what is wrong, and each type carries a pattern for the schemas."""

from __future__ import annotations

import calendar
import re
from datetime import date, time
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field

from lgds.core.forms import Form

# Written as JavaScript reads it, as it goes into the JSON Schemas too.
CLOCK_PATTERN = r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"
YEAR_MONTH = Form("year_month", "a year and month", "a year and month written YYYY-MM", "2016-07")
CLOCK = Form("clock_time", "a time", "a 24-hour time written HH:MM, in quotes", "10:00")
DAY = Form("real_day", "a date", "a day that exists in the calendar, written YYYY-MM-DD", "2027-02-10")


FIRST_YEAR, LAST_YEAR = 1900, 2199
"""The years a date may have. The register's dates go back to 1974 and events and rounds are planned
a year or two ahead; a year outside these is a typo, and years such as 0001 or 9999 cannot be written
in calendars and feeds at all (the day after 31 December 9999 does not exist)."""


def _check_year(year: int, form: Form) -> None:
    """Say plainly when a year is outside the years the kit takes."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        when = "too long ago" if year < FIRST_YEAR else "too far ahead"
        raise form.error(
            f"the year {year:04d} is {when}: the kit takes years from {FIRST_YEAR} to {LAST_YEAR}"
        )


def _day_in_years(value: date) -> date:
    _check_year(value.year, DAY)
    return value


def year_month(value: Any) -> str:
    text = str(value)
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if not match:
        raise YEAR_MONTH.error("this is not a year and month written as YYYY-MM")
    if not 1 <= int(match.group(2)) <= 12:
        raise YEAR_MONTH.error(f"there is no month {int(match.group(2))}: months run from 01 to 12")
    _check_year(int(match.group(1)), YEAR_MONTH)
    return text


def clock_time(value: Any) -> time:
    text = str(value)
    match = re.fullmatch(CLOCK_PATTERN, text)
    if not match:
        raise CLOCK.error("this is not a 24-hour time written as HH:MM")
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def real_day(value: Any) -> Any:
    """Say plainly when a well-formed date is not a day in the calendar (30 February, say)."""
    text = str(value)
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        return value
    year, month, day = (int(g) for g in match.groups())
    _check_year(year, DAY)
    if not 1 <= month <= 12:
        raise DAY.error(f"there is no month {month}: months run from 01 to 12")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = date(year, month, 1).strftime("%B")
        raise DAY.error(f"there is no {day} {name} {year}: {name} {year} has {last} days")
    return value


YearMonth = Annotated[
    str,
    BeforeValidator(year_month),
    Field(examples=["2016-07"], json_schema_extra={"pattern": r"^(19|2[01])[0-9]{2}-(0[1-9]|1[0-2])$"}),
]
"""A month, for things whose exact day nobody recorded."""


def _clock_schema(schema: dict[str, Any]) -> None:
    """A clock time as it is written, ``10:00``: not the RFC 3339 ``time`` format, which needs seconds
    and a time zone, so an editor would flag every event."""
    schema.pop("format", None)
    schema.update(type="string", pattern=CLOCK_PATTERN)


ClockTime = Annotated[
    time, BeforeValidator(clock_time), Field(examples=["10:00"], json_schema_extra=_clock_schema)
]
"""A UK local clock time, HH:MM."""

YEARS_PATTERN = r"(19|2[01])[0-9]{2}"
"""FIRST_YEAR to LAST_YEAR as a pattern, so an editor flags a year the checks refuse."""

Day = Annotated[
    date,
    BeforeValidator(real_day),
    AfterValidator(_day_in_years),
    Field(json_schema_extra={"pattern": f"^{YEARS_PATTERN}-[0-9]{{2}}-[0-9]{{2}}$"}),
]
"""A day that exists in the calendar, written YYYY-MM-DD."""
