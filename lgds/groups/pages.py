"""The list of peer groups at /peer-groups/, and a page, year pages and a calendar feed per group.

/peer-groups/ shows every group, then every English region and nation with no group yet, each with
how to start one. A group's page puts its next event first, then what it is, who runs it, its events,
and the councils in its area with their sign-up status.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from lgds.core import routes
from lgds.core.escape import contributed
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.councils.models import AREAS, Council, SignUp
from lgds.groups import calendar
from lgds.groups.events import year_pages
from lgds.groups.lists import event_lists, next_event
from lgds.groups.load import GUIDE, INTRO
from lgds.groups.models import Event, Group, standing
from lgds.site import Site


def build(site: Site, pages: Pages) -> Iterator[Output]:
    by_group = _by_group(site)
    yield _index(site, pages, by_group)
    signups = _signups_by_code(site)
    for group in site.groups.values():
        events = by_group.get(group.slug, [])
        yield _group(site, pages, group, events, signups)
        name = calendar.calendar_name(pages, group)
        feed = calendar.calendar_for(site, pages, events, name=name)
        yield Output(routes.path("group-calendar", group=group.slug), feed)
        year_path = functools.partial(_year_path, group.slug)
        yield from year_pages(site, pages, events, year_path, group=group)


def _year_path(group: str, year: int) -> str:
    return routes.path("group-year", group=group, year=year)


def _by_group(site: Site) -> dict[str, list[Event]]:
    """Each group's events, in date order: one pass over every event, however many groups there are."""
    found: dict[str, list[Event]] = {}
    for event in site.events:
        found.setdefault(event.group, []).append(event)
    return found


def _index(site: Site, pages: Pages, by_group: dict[str, list[Event]]) -> Output:
    intro = site.intros.get(INTRO)
    groups = sorted(site.groups.values(), key=lambda g: g.name)
    covered = {area for g in groups for area in g.meta.covers}
    return pages.page(
        "groups/index.md",
        routes.path("peer-groups"),
        source=intro.path if intro else None,
        intro=intro,
        intro_body=contributed(intro.body) if intro else None,
        groups=[
            (g, next_event(site, mine), standing(mine, site.today, g.first_met))
            for g in groups
            for mine in [by_group.get(g.slug, [])]
        ],
        missing=[area for area in AREAS if area not in covered],
        guide=GUIDE in site.hand_written,
    )


def _group(site: Site, pages: Pages, group: Group, events: list[Event], signups: dict[str, SignUp]) -> Output:
    here = routes.path("group", group=group.slug)
    councils = sorted(
        (c for c in site.current_councils if c.area in group.meta.covers), key=lambda c: c.short_name.lower()
    )
    listed: list[tuple[Council, SignUp | None]] = [(c, signups.get(c.code)) for c in councils]
    year_path = functools.partial(_year_path, group.slug)
    return pages.page(
        "groups/group.md",
        here,
        source=group.about_path or group.meta.source_path,
        group=group,
        standing=standing(events, site.today, group.first_met),
        about=contributed(group.about),
        next=next_event(site, events),
        lists=event_lists(site, pages, events, here, show_group=False, year_path=year_path),
        councils=listed,
        signed=sum(1 for _, signup in listed if signup),
        made_up=any(signup.example for _, signup in listed if signup),
    )


def _signups_by_code(site: Site) -> dict[str, SignUp]:
    """Each council's first sign-up."""
    found: dict[str, SignUp] = {}
    for signup in site.signups.values():
        if signup.council not in found or signup.signed < found[signup.council].signed:
            found[signup.council] = signup
    return found
