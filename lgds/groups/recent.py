"""Keep lists of events on other pages short: every upcoming event, and only the latest past ones.

A point of the Standard or a session pack may be covered by hundreds of events over the years. Listing
them all would make those pages grow with every event (and make every event edit rebuild them in full),
so they show what is coming up, the most recent past events, and how many earlier ones the full list
at /events/ has.
"""

from __future__ import annotations

import datetime as dt

from lgds.core.escape import link
from lgds.groups.models import Event

RECENT_PAST = 10
"""How many past events a page lists besides the upcoming ones."""

EVENTS_INDEX = "events/index.md"


def recent(events: list[Event], today: dt.date, keep: int = RECENT_PAST) -> tuple[list[Event], int]:
    """The events to list, in date order (the latest ``keep`` past ones and every upcoming one),
    and how many earlier past events are left out."""
    ordered = sorted(events, key=lambda e: (e.meta.date, e.meta.start or dt.time(0), e.group, e.slug))
    past = [e for e in ordered if e.is_past(today)]
    upcoming = [e for e in ordered if not e.is_past(today)]
    shown_past = past[-keep:] if keep else []
    return shown_past + upcoming, len(past) - len(shown_past)


def left_out(count: int, here: str) -> list[str]:
    """A line saying how many earlier events are not listed, pointing to the full list (or nothing)."""
    if not count:
        return []
    noun = "event is" if count == 1 else "events are"
    return [
        f"{count} earlier {noun} not listed here: see [all peer group events]({link(here, EVENTS_INDEX)}).",
        "",
    ]
