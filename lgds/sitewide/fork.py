"""The home page's ``fork-home`` block: on a regional fork (``group:`` set in ``site.yml``) the home
page opens with that group: its next event, its own versions of packs, and a link to its page and
councils. The national site (no group set) shows nothing here, so the Standard and kit stay as they are.
"""

from __future__ import annotations

from lgds.core.legacy import link, text
from lgds.kit.packs import event_line, group_label, page_path
from lgds.site import Site

HOME = "index.md"


def fork_home(site: Site) -> str:
    slug = site.settings.group
    group = site.groups.get(slug) if slug else None
    if group is None:
        return ""
    lines = [f"## {text(group.name)}", ""]
    if group.meta.covers:
        lines += [
            f"This site is run by {group_label(site, group.slug, HOME)}, for councils in "
            f"{text(_join(group.meta.covers))}.",
            "",
        ]
    upcoming = [
        e
        for e in site.events
        if e.group == group.slug and e.meta.date >= site.today and e.meta.status.value != "cancelled"
    ]
    lines += ["### Next event", ""]
    if upcoming:
        lines += [event_line(site, upcoming[0], HOME), ""]
    else:
        lines += ["No event is planned yet.", ""]
    own = sorted((p for p in site.packs.values() if p.group == group.slug), key=lambda p: p.key)
    lines += ["### Our session packs", ""]
    if own:
        for pack in own:
            lines.append(
                f"- [{text(pack.meta.title)}]({link(HOME, page_path(pack))}): {text(pack.meta.summary)}"
            )
    else:
        lines.append("We run the kit's packs as they are.")
    lines += [
        "",
        f"All the kit's packs are in the [franchise kit]({link(HOME, 'franchise-kit/index.md')}).",
        "",
    ]
    return "\n".join(lines)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


BLOCKS = {"fork-home": fork_home}
