"""Keep lists of events on other pages short: every upcoming event, and only the latest past ones.

A point of the Standard or a session pack may be covered by hundreds of events over the years. Listing
them all would make those pages grow with every event (and make every event edit rebuild them in full),
so they show what is coming up, the most recent past events, and how many earlier ones the full list
at /events/ has.
"""

from __future__ import annotations

from lgds.core.legacy import link
from lgds.groups.models import RECENT_PAST, recent  # noqa: F401  (until the kit uses templates)

EVENTS_INDEX = "events/index.md"


def left_out(count: int, here: str) -> list[str]:
    """A line saying how many earlier events are not listed, pointing to the full list (or nothing)."""
    if not count:
        return []
    noun = "event is" if count == 1 else "events are"
    return [
        f"{count} earlier {noun} not listed here: see [all peer group events]({link(here, EVENTS_INDEX)}).",
        "",
    ]
