"""Pack pages: ``/franchise-kit/packs/<slug>/`` for the kit's packs and
``/peer-groups/<group>/packs/<slug>/`` for a group's variants.

A page has the run sheet with clock times, the objectives, what to bring, the facilitator's notes, each
activity and handout, the points it covers, the rounds and events that used it, and its variants.
The pieces are shared with the print page (``printpack``) and the variant comparison (``variants``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from datetime import datetime, time, timedelta

from lgds.core.legacy import attr, link, page, text
from lgds.core.output import Output
from lgds.groups import events as events_builder
from lgds.groups import pages as groups_builder
from lgds.groups.recent import left_out, recent
from lgds.kit.models import Activity, Pack
from lgds.site import Site

DEFAULT_START = time(10, 0)
"""Pack pages show clock times from 10:00; an event's page uses the event's own start time."""


def page_path(pack: Pack) -> str:
    """The pack's page in the site's source tree; its URL is the same path without ``index.md``."""
    return f"{pack.folder}/index.md"


def print_path(pack: Pack) -> str:
    """The one-page printable version: ``.../<slug>/print/``."""
    return f"{pack.folder}/print.md"


def zip_path(pack: Pack) -> str:
    """The pack's source files to take away: ``.../<slug>.zip`` beside the pack's folder."""
    return f"{pack.folder}.zip"


def run_sheet_times(pack: Pack, start: time | None = None) -> list[tuple[time, time, Activity]]:
    """Each activity with its start and end clock time, from ``start`` (10:00 when not given).

    Events use this with their own start time: ``run_sheet_times(pack, event.meta.start)``.
    """
    clock = datetime.combine(datetime(2000, 1, 1), start or DEFAULT_START)
    rows = []
    for activity in pack.meta.run_sheet:
        end = clock + timedelta(minutes=activity.minutes)
        rows.append((clock.time(), end.time(), activity))
        clock = end
    return rows


def build(site: Site) -> Iterator[Output]:
    for pack in site.packs.values():
        yield Output(page_path(pack), pack_page(site, pack), source=f"{pack.folder}/pack.yml")


def pack_page(site: Site, pack: Pack) -> str:
    here = page_path(pack)
    parts = [f"# {text(pack.meta.title)}", ""]
    if pack.group:
        from lgds.kit.variants import variant_intro

        parts.append(variant_intro(site, pack, here))
    parts += [f"**{text(pack.meta.summary)}**", ""]
    parts += [
        f"[Print the whole pack]({link(here, print_path(pack))}) · "
        f"[Download the pack's files (zip)]({link(here, zip_path(pack))})",
        "",
    ]
    parts += facts(site, pack, here)
    if pack.group:
        from lgds.kit.variants import differences

        parts += differences(site, pack, here)
    parts += body_sections(pack, level=2)
    parts += _rounds(site, pack, here)
    parts += _events(site, pack, here)
    parts += _variants(site, pack, here)
    return page(pack.meta.title, "\n".join(parts), source=f"{pack.folder}/pack.yml")


def facts(site: Site, pack: Pack, here: str, *, links: bool = True) -> list[str]:
    """Version, length, audience and points as a definition list (points unlinked for paper)."""
    points = []
    for number in pack.meta.points:
        point = site.points.get(number)
        if point is not None and not links:
            points.append(f"{number}. {text(point.title)}")
        elif point is not None:
            points.append(f"[{number}. {text(point.title)}]({link(here, f'standard/{point.slug}.md')})")
        else:
            points.append(str(number))
    return [
        "Version",
        f":   {text(pack.meta.version)}",
        "",
        "Length",
        f":   {duration_text(pack.meta.duration)}",
        "",
        "Who it is for",
        f":   {text(pack.meta.audience)}",
        "",
        "Points of the Standard it covers",
        ":   " + ", ".join(points),
        "",
    ]


def duration_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    words = []
    if hours:
        words.append(f"{hours} hour" + ("" if hours == 1 else "s"))
    if rest or not hours:
        words.append(f"{rest} minute" + ("" if rest == 1 else "s"))
    return " ".join(words) + (f" ({minutes} minutes)" if hours else "")


def run_sheet_table(pack: Pack, start: time | None = None, *, anchors: bool = True) -> str:
    """The run sheet as an HTML table with a caption, so it has real headers for screen readers."""
    start = start or DEFAULT_START
    rows = []
    for begin, end, activity in run_sheet_times(pack, start):
        title = attr(activity.title)
        if anchors and activity.file:
            title = f'<a href="#{anchor(activity.file)}">{title}</a>'
        rows.append(
            f"<tr><td>{begin:%H:%M} to {end:%H:%M}</td><td>{title}</td><td>{activity.minutes}</td></tr>"
        )
    return (
        '<table class="lgds-run-sheet">'
        f"<caption>Run sheet, starting at {start:%H:%M}</caption>"
        '<thead><tr><th scope="col">Time</th><th scope="col">Activity</th>'
        '<th scope="col">Minutes</th></tr></thead>'
        "<tbody>" + "".join(rows) + "</tbody></table>"
    )


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


def body_sections(pack: Pack, level: int = 2, *, handout_wrapper: bool = False) -> list[str]:
    """Objectives, run sheet, materials, notes, activities and handouts, headings from ``level``."""
    h = "#" * level
    sub = "#" * (level + 1)
    parts = [f"{h} What participants will be able to do", ""]
    parts += [f"- {text(o)}" for o in pack.meta.objectives] + [""]
    parts += [f"{h} Run sheet", "", run_sheet_table(pack), ""]
    parts += [
        "Times assume a 10:00 start. Each event's page shows the times from its own start.",
        "",
    ]
    if pack.meta.materials:
        parts += [f"{h} What to bring", ""]
        parts += [f"- {text(m)}" for m in pack.meta.materials] + [""]
    if pack.notes.strip():
        parts += [f"{h} Facilitator notes", "", shift_headings(pack.notes, level - 1), ""]
    timed = run_sheet_times(pack)
    with_files = [(b, e, a) for b, e, a in timed if a.file and a.file in pack.parts]
    if with_files:
        parts += [f"{h} Activities", ""]
        for begin, end, activity in with_files:
            parts += [
                f"{sub} {text(activity.title)} {{ #{anchor(activity.file)} }}",
                "",
                f"*{activity.minutes} minutes, {begin:%H:%M} to {end:%H:%M} from a 10:00 start*",
                "",
                shift_headings(pack.parts[activity.file], level),
                "",
            ]
    handouts = [h_ for h_ in pack.meta.handouts if h_.file in pack.parts]
    if handouts:
        parts += [f"{h} Handouts", ""]
        for handout in handouts:
            section = [
                f"{sub} {text(handout.title)} {{ #{anchor(handout.file)} }}",
                "",
                shift_headings(pack.parts[handout.file], level),
                "",
            ]
            if handout_wrapper:
                section = ['<section class="lgds-handout" markdown>', "", *section, "</section>", ""]
            parts += section
    return parts


def event_parts(site: Site, event, here: str) -> tuple[str, str, str]:
    """An event's title (linked when events have pages), its group's name and when it was, as Markdown."""
    target = events_builder.page_path(event)
    title = f"[{text(event.meta.title)}]({link(here, target)})" if target else text(event.meta.title)
    group = site.groups[event.group].name if event.group in site.groups else event.group
    day = event.meta.date
    when = day.strftime("%B %Y") if event.meta.approximate_date else f"{day.day} {day:%B %Y}"
    status = event.meta.status.value
    if status not in ("planned", "confirmed"):
        when += f" ({status})"
    if event.meta.example:
        when += " (example)"
    return title, text(group), when


def event_line(site: Site, event, here: str) -> str:
    """One event as a list item: title, group, date."""
    title, group, when = event_parts(site, event, here)
    return f"- {title}: {group}, {when}"


def group_label(site: Site, slug: str, here: str) -> str:
    """A group's name, linked to its page when the groups builder provides one."""
    group = site.groups.get(slug)
    name = text(group.name if group else slug)
    page_of = getattr(groups_builder, "page_path", None)
    target = page_of(group) if page_of and group else None
    return f"[{name}]({link(here, target)})" if target else name


def _rounds(site: Site, pack: Pack, here: str) -> list[str]:
    if pack.group:
        return []
    rounds = [r for r in site.rounds.values() if pack.slug in r.packs]
    if not rounds:
        return []
    from lgds.kit.pages import INDEX, round_anchor

    lines = ["## Rounds that include this pack", ""]
    for r in rounds:
        example = " (example round)" if r.example else ""
        target = link(here, INDEX) + "#" + round_anchor(r)
        lines.append(f"- [Round {r.number}: {text(r.theme)}]({target}), {r.starts} to {r.ends}{example}")
    return [*lines, ""]


def _events(site: Site, pack: Pack, here: str) -> list[str]:
    named = site.events_by_pack.get(pack.slug, [])
    used = [e for e in named if not pack.group or e.group == pack.group]
    lines = ["## Events that used this pack", ""]
    if not used:
        return [*lines, "No event has listed this pack yet.", ""]
    shown, earlier = recent(used, site.today)
    return [*lines, *left_out(earlier, here), *(event_line(site, e, here) for e in shown), ""]


def children(site: Site, pack: Pack) -> list[Pack]:
    """Variants copied straight from ``pack``, in a stable order."""
    return sorted(
        (p for p in site.packs.values() if p.meta.based_on and p.meta.based_on.pack == pack.key),
        key=lambda p: p.key,
    )


def _variants(site: Site, pack: Pack, here: str) -> list[str]:
    kids = children(site, pack)
    if not kids:
        if pack.group:
            return []
        return ["## Variants", "", "No group has varied this pack yet.", ""]
    lines = [
        "## Variants",
        "",
        "Groups that changed this pack for their own sessions, and variants of those variants. Each "
        "variant's page shows what it changed.",
        "",
    ]

    def walk(node: Pack, depth: int, seen: set[str]) -> None:
        for child in children(site, node):
            if child.key in seen:
                continue
            group = site.groups[child.group].name if child.group in site.groups else child.group
            based = child.meta.based_on
            label = f"{text(group)}: {text(child.meta.title)}"
            lines.append(
                "    " * depth + f"- [{label}]({link(here, page_path(child))}), version "
                f"{text(child.meta.version)}, based on version {text(based.version)}"
            )
            walk(child, depth + 1, seen | {child.key})

    walk(pack, 0, {pack.key})
    return [*lines, ""]


def pack_for(site: Site, slug: str, group: str | None = None) -> Pack | None:
    """The pack an event of ``group`` runs when it lists ``slug``: the group's own variant if it has
    one, else the kit's pack. Event pages can pass the result to ``run_sheet_times``."""
    if group and f"{group}/{slug}" in site.packs:
        return site.packs[f"{group}/{slug}"]
    return site.packs.get(slug)
