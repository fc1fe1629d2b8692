"""The list of peer groups at /peer-groups/, and a page and calendar feed per group.

/peer-groups/ shows every group, then every English region and nation with no group yet, each with
how to start one. A group's page puts its next event first, then what it is, who runs it, its events,
and the councils in its area with their sign-up status.
"""

from __future__ import annotations

import html
from collections.abc import Iterator

from lgds.core.legacy import link, page, text
from lgds.core.output import Output
from lgds.core.sources import split_front_matter
from lgds.councils.models import AREAS, Council, SignUp
from lgds.groups import calendar
from lgds.groups.lists import (
    archive_page,
    event_lists,
    event_page,
    next_event,
    past_by_year,
    short_date,
    when,
    where_short,
)
from lgds.groups.models import Group, GroupStatus
from lgds.site import Site

INDEX = "peer-groups/index.md"
GUIDE = "franchise-kit/guide/starting-a-group.md"
LINKS = "{: .lgds-links }"
"""Marks a paragraph whose links sit in running text, so they are underlined, not told apart by colour alone."""


def group_page(group: Group) -> str:
    """A group's page: its URL is /peer-groups/<slug>/."""
    return f"peer-groups/{group.slug}/index.md"


def build(site: Site) -> Iterator[Output]:
    yield Output(INDEX, _index(site), source=INDEX if (site.root / INDEX).is_file() else None)
    for group in site.groups.values():
        yield Output(
            group_page(group), _group(site, group), source=group.about_path or group.meta.source_path
        )
        events = [e for e in site.events if e.group == group.slug]
        yield Output(calendar.group_path(group.slug), calendar.calendar_for(site, events, name=group.name))
        yield from _archive(site, group, events)


def year_path(group: Group):
    """Where a group's past events for a year are: /peer-groups/<slug>/events/<year>/."""
    return lambda year: f"peer-groups/{group.slug}/events/{year}.md"


def _archive(site: Site, group: Group, events: list) -> Iterator[Output]:
    paths = year_path(group)
    by_year = past_by_year(site, events)
    for year in by_year:
        here = paths(year)
        back = f"[All events of the {text(group.name)}]({link(here, group_page(group))}#past-events)"
        body = archive_page(site, by_year, year, here, paths, show_group=False, back=back)
        yield Output(here, page(f"{group.name}: past events in {year}", body))


def _intro(site: Site) -> tuple[str, str]:
    """The hand-written title and introduction from peer-groups/index.md, if there is one."""
    path = site.root / INDEX
    if not path.is_file():
        return "Peer groups", ""
    raw = path.read_text(encoding="utf-8-sig")
    parts = split_front_matter(raw)
    if not parts:
        return "Peer groups", raw
    title = "Peer groups"
    for line in parts[0].splitlines():
        if line.startswith("title:"):
            title = line.split(":", 1)[1].strip().strip("\"'") or title
    return title, parts[1]


def _index(site: Site) -> str:
    title, intro = _intro(site)
    lines = [intro.strip(), "", "## Groups", ""]
    for group in sorted(site.groups.values(), key=lambda g: g.name):
        lines += [f"### [{text(group.name)}]({link(INDEX, group_page(group))})", ""]
        lines.append(f"{_status_line(group)}.")
        upcoming = next_event(site, [e for e in site.events if e.group == group.slug])
        lines += [
            "",
            f"Next event: {_next_line(upcoming, INDEX)}\n{LINKS}"
            if upcoming
            else "No upcoming events listed.",
            "",
        ]
    covered = {area for g in site.groups.values() for area in g.meta.covers}
    missing = [a for a in AREAS if a not in covered]
    if missing:
        lines += ["## Regions and nations with no group yet", ""]
        lines.append(
            "No peer group meets in these areas yet. Starting one takes a host council, a room and a "
            "few interested people; other regions will share their material and advice."
        )
        lines.append("")
        for area in missing:
            lines += _start_one(site, area)
    return page(title, "\n".join(lines), source=INDEX if (site.root / INDEX).is_file() else None)


def _start_one(site: Site, area: str) -> list[str]:
    guide = (
        f"[How to start a peer group in {text(area)}]({link(INDEX, GUIDE)})"
        if (site.root / GUIDE).is_file()
        else f"How to start a peer group in {text(area)}"
    )
    command = f'lgds new-group "{area} peer group" --region "{area}"'
    return [
        f"### {text(area)}",
        "",
        f"{guide}. When you are ready, create the group's pages with:\n{LINKS}",
        "",
        f"    {command}",
        "",
    ]


def _status_line(group: Group) -> str:
    meta = group.meta
    bits = [meta.status.value.capitalize(), "covers " + ", ".join(text(a) for a in meta.covers)]
    if meta.started:
        year, month = meta.started.split("-")
        from datetime import date

        bits.append(f"first met {date(int(year), int(month), 1):%B %Y}")
    return "; ".join(bits)


def _next_line(event, here: str) -> str:
    place = where_short(event)
    return f"[{text(event.meta.title)}]({link(here, event_page(event))}), {short_date(event)}" + (
        f", {place}" if place else ""
    )


def _group(site: Site, group: Group) -> str:
    here, meta = group_page(group), group.meta
    events = [e for e in site.events if e.group == group.slug]
    lines = [f"**{_status_line(group)}.**", ""]
    if meta.status is GroupStatus.FORMING:
        lines += [
            "This group is being set up. Get in touch to help shape it or to host its first meeting.",
            "",
        ]
    elif meta.status is GroupStatus.DORMANT:
        lines += [
            "This group is not meeting at the moment. Get in touch if you would like to help revive it.",
            "",
        ]
    lines += _next_box(site, events, here)
    if group.about.strip():
        lines += [group.about.strip(), ""]
    lines += _who(group)
    lines += [event_lists(site, events, here, show_group=False, archive=year_path(group)), ""]
    lines.append(
        f"[Calendar feed for this group]({link(here, calendar.group_path(group.slug))}): subscribe to see new and changed events.\n{LINKS}"
    )
    lines += ["", *_councils(site, group)]
    return page(group.name, "\n".join(lines), source=group.about_path or meta.source_path)


def _next_box(site: Site, events: list, here: str) -> list[str]:
    upcoming = next_event(site, events)
    if upcoming:
        body = (
            f"**[{text(upcoming.meta.title)}]({link(here, event_page(upcoming))})**<br>"
            f"{when(upcoming)}<br>{where_short(upcoming) or 'Place to be confirmed'}"
        )
    else:
        body = "No upcoming events are listed yet."
    return [
        '<div class="lgds-next" data-lgds-next markdown>',
        "",
        "## Next event",
        "",
        f'<p data-lgds-next-body markdown="span">{body}</p>',
        "",
        "</div>",
        "",
    ]


def _who(group: Group) -> list[str]:
    meta = group.meta
    lines = ["## Who runs it", ""]
    if meta.facilitators:
        lines += [f"- {text(f.name)}, {text(f.organisation)}" for f in meta.facilitators]
    else:
        lines.append("The group's facilitators have not asked to be named here.")
    lines.append("")
    contact = meta.contact
    if contact:
        target = contact if contact.startswith("http") else f"mailto:{contact}"
        lines.append(f"Contact: [{text(contact)}]({target})")
        lines.append("")
    if meta.join:
        lines += [f"[Ask to join the {text(group.name)}]({meta.join})", ""]
    if meta.example_contact:
        lines += ["These contact details are examples and do not reach anyone.", ""]
    return lines


def _councils(site: Site, group: Group) -> list[str]:
    councils = sorted(
        (c for c in site.current_councils if c.area in group.meta.covers), key=lambda c: c.short_name.lower()
    )
    if not councils:
        return []
    signed = _signups_by_code(site)
    count = sum(1 for c in councils if c.code in signed)
    rows = "\n".join(_council_row(c, signed.get(c.code)) for c in councils)
    return [
        "## Councils in the area",
        "",
        f"{count} of the {len(councils)} councils in the area have signed up to the Standard.",
        "",
        '<table class="lgds-councils">',
        f"<caption>Councils in the area covered by the {html.escape(group.name)}, and whether each has signed up</caption>",
        '<thead><tr><th scope="col">Council</th><th scope="col">Sign-up status</th></tr></thead>',
        f"<tbody>\n{rows}\n</tbody>",
        "</table>",
    ]


def _signups_by_code(site: Site) -> dict[str, SignUp]:
    found: dict[str, SignUp] = {}
    for signup in site.signups.values():
        if signup.council not in found or signup.signed < found[signup.council].signed:
            found[signup.council] = signup
    return found


def _council_row(council: Council, signup: SignUp | None) -> str:
    status = f"Signed up {signup.signed.day} {signup.signed:%B %Y}" if signup else "Not signed up"
    # Raw HTML, so the link is a URL relative to the group's page (/peer-groups/<group>/).
    href = f"../../councils/{council.slug}/"
    return f'<tr><th scope="row"><a href="{href}">{html.escape(council.official_name)}</a></th><td>{status}</td></tr>'
