"""The home page's ``fork-home`` block: on a regional fork (``group:`` set in ``site.yml``) the home
page opens with that group: its next event and its own versions of packs. The national site (no group
set) shows nothing here, so the Standard and kit stay as they are.
"""

from __future__ import annotations

from lgds.core.render import Pages
from lgds.groups.models import EventStatus
from lgds.site import Site


def fork_home(site: Site, pages: Pages, here: str) -> str:
    slug = site.settings.group
    group = site.groups.get(slug) if slug else None
    if group is None:
        return ""
    upcoming = (
        e
        for e in site.events
        if e.group == group.slug and e.meta.date >= site.today and e.meta.status != EventStatus.CANCELLED
    )
    return pages.render(
        "sitewide/fork-home.md",
        here,
        group=group,
        next_event=next(upcoming, None),
        packs=sorted((p for p in site.packs.values() if p.group == group.slug), key=lambda p: p.key),
    )


BLOCKS = {"fork-home": fork_home}
