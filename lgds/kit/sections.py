"""What a pack holds, ready to show: shared by its page (``packs``) and its print page (``printpack``).

The run sheet with clock times and the anchor of each activity that has its own section; the
facilitator's notes, each activity and each handout as Markdown with its headings moved down to sit
under the page's own headings (``## Facilitator notes``, ``### <activity>``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import time

from markupsafe import Markup

from lgds.core.escape import contributed
from lgds.kit.models import Activity, Handout, Pack, Slot, part_of_day, run_sheet_times
from lgds.site import Site
from lgds.standard.models import Point


@dataclass(frozen=True)
class Row:
    """A line of the run sheet: its slot, and the anchor of the activity's section if it has one."""

    begin: time
    end: time
    activity: Activity
    anchor: str | None


@dataclass(frozen=True)
class Part:
    """An activity or handout with its own section: the anchor, the slot (activities only), the text."""

    anchor: str
    title: str
    body: Markup
    slot: Slot | None = None


@dataclass(frozen=True)
class Contents:
    """Everything the page shows of a pack below its facts."""

    rows: list[Row]
    part_of_day: str
    """When the run sheet's times fall: "morning", "afternoon" and so on."""
    notes: Markup | None
    activities: list[Part]
    handouts: list[Part]


def anchor(rel: str) -> str:
    """A stable id for an activity or handout section, from its file name."""
    return re.sub(r"[^a-z0-9]+", "-", rel.lower().removesuffix(".md")).strip("-")


@functools.lru_cache(maxsize=4096)  # the same pack parts are shifted for every rebuild's pack and print pages
def shift_headings(markdown: str, by: int) -> str:
    """Move Markdown headings down ``by`` levels (## becomes ### for 1), leaving code blocks alone."""
    out, fence = [], ""
    for line in markdown.split("\n"):
        marker = re.match(r"\s*(`{3,}|~{3,})", line)
        if marker:
            fence = "" if fence and marker.group(1).startswith(fence) else (fence or marker.group(1))
        elif not fence and re.match(r"#{1,6}\s", line):
            hashes = len(line) - len(line.lstrip("#"))
            line = "#" * min(6, hashes + by) + line[hashes:]
        out.append(line)
    return "\n".join(out).strip()


def contents(pack: Pack) -> Contents:
    """The run sheet from 10:00, the notes under an ``##`` heading, activities and handouts under ``###``."""
    slots = run_sheet_times(pack)
    rows = [
        Row(*slot, anchor=anchor(rel) if (rel := _part_file(pack, slot.activity)) else None) for slot in slots
    ]
    activities = [
        Part(anchor(rel), slot.activity.title, _part(pack, rel), slot)
        for slot in slots
        if (rel := _part_file(pack, slot.activity))
    ]
    handouts = [
        Part(anchor(rel), h.title, _part(pack, rel))
        for h in pack.meta.handouts
        if (rel := _part_file(pack, h))
    ]
    notes = contributed(shift_headings(pack.notes, 1)) if pack.notes.strip() else None
    day = part_of_day(slots[0].begin, slots[-1].end)
    return Contents(rows=rows, part_of_day=day, notes=notes, activities=activities, handouts=handouts)


def _part_file(pack: Pack, item: Activity | Handout) -> str | None:
    """The file of an activity or handout, when the pack has its text (an activity may have none)."""
    return item.file if item.file and item.file in pack.parts else None


def _part(pack: Pack, rel: str) -> Markup:
    return contributed(shift_headings(pack.parts[rel], 2))


def points(site: Site, pack: Pack) -> list[tuple[int, Point | None]]:
    """Each point the pack covers, with the point itself when the Standard has it."""
    return [(number, site.points.get(number)) for number in pack.meta.points]
