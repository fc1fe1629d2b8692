"""The franchise kit's front page, ``/franchise-kit/``: the hand-written introduction from
``franchise-kit/index.md``, then every pack, every round with the groups that ran it and when, and the
groups' variants. The guide, templates and checklists stay hand-written pages mounted as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from importlib import resources

from lgds.core.legacy import example_notice, link, page, text
from lgds.core.output import Output
from lgds.core.sources import split_front_matter
from lgds.kit.models import RoundEntry
from lgds.kit.packs import duration_text, event_parts, group_label, page_path
from lgds.site import Site

INDEX = "franchise-kit/index.md"
OFFLINE_SHIM = "assets/iframe-worker-shim.js"
"""Lets search work in the offline copy (see mkdocs.offline.yml); unused when the site is served."""


def build(site: Site) -> Iterator[Output]:
    yield Output(INDEX, kit_page(site), source=INDEX if (site.root / INDEX).is_file() else None)
    shim = resources.files("lgds") / "assets" / "offline" / "iframe-worker-shim.js"
    yield Output(OFFLINE_SHIM, shim.read_text(encoding="utf-8"))


def round_anchor(entry: RoundEntry) -> str:
    return f"round-{entry.number}"


def _intro(site: Site) -> tuple[str, str]:
    path = site.root / INDEX
    if not path.is_file():
        return "Franchise kit", ""
    raw = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    parts = split_front_matter(raw)
    if parts is None:
        return "Franchise kit", raw
    title = "Franchise kit"
    for line in parts[0].split("\n"):
        if line.startswith("title:"):
            title = line.split(":", 1)[1].strip().strip("\"'") or title
    return title, parts[1]


def _month(value: str) -> str:
    year, month = (int(x) for x in value.split("-"))
    return date(year, month, 1).strftime("%B %Y")


def kit_page(site: Site) -> str:
    title, intro = _intro(site)
    here = INDEX
    kit_packs = [p for p in site.packs.values() if p.group is None]
    lines = [intro.strip(), ""]
    lines += ["## Session packs", ""]
    lines += [
        "Each pack has its own page with the run sheet, notes, activities and handouts, a version to "
        "print on one go, and a zip of its files to edit.",
        "",
        "| Pack | What it does | Length | Points |",
        "| --- | --- | --- | --- |",
    ]
    for pack in sorted(kit_packs, key=lambda p: p.meta.title):
        points = ", ".join(str(n) for n in sorted(pack.meta.points))
        if len(pack.meta.points) == len(site.points) and site.points:
            points = "All"
        lines.append(
            f"| [{text(pack.meta.title)}]({link(here, page_path(pack))}) | {text(pack.meta.summary)} "
            f"| {duration_text(pack.meta.duration)} | {points} |"
        )
    lines += ["", "## Rounds", ""]
    if not site.rounds:
        lines += ["No rounds are planned yet.", ""]
    for entry in site.rounds.values():
        lines += _round(site, entry, here)
    variants = [p for p in site.packs.values() if p.group is not None]
    lines += ["## Groups' own versions of packs", ""]
    if not variants:
        lines += ["No group has varied a pack yet.", ""]
    for pack in sorted(variants, key=lambda p: p.key):
        based = pack.meta.based_on
        origin = ""
        if based and based.pack in site.packs:
            parent = site.packs[based.pack]
            origin = f", based on [{text(parent.meta.title)}]({link(here, page_path(parent))})"
        example = " (example)" if pack.meta.example else ""
        lines.append(
            f"- {group_label(site, pack.group or '', here)}: "
            f"[{text(pack.meta.title)}]({link(here, page_path(pack))}){origin}{example}"
        )
    lines.append("")
    lines += [
        "## Make the kit your own",
        "",
        f"- To change a pack for your group, copy it with `lgds vary-pack`: see "
        f"[session pack files]({link(here, 'reference/pack.md')}).",
        f"- To run your own group's site, set your group in `site.yml`: see "
        f"[site settings]({link(here, 'reference/site-settings.md')}), which also says how to build a "
        "copy of the site that works without wifi.",
        f"- Rounds are listed in `franchise-kit/rounds.yml`: see [the rounds file]({link(here, 'reference/rounds.md')}).",
        "",
    ]
    return page(title, "\n".join(lines), source=INDEX)


def _round(site: Site, entry: RoundEntry, here: str) -> list[str]:
    lines = [
        f"### Round {entry.number}: {text(entry.theme)} {{ #{round_anchor(entry)} }}",
        "",
        f"*{_month(entry.starts)} to {_month(entry.ends)}*",
        "",
    ]
    if entry.example and site.settings.example_notice:
        lines.append(example_notice("This round is an example of how a round is put together."))
    if entry.summary:
        lines += [text(entry.summary), ""]
    lines += ["Packs in this round:", ""]
    for slug in entry.packs:
        pack = site.packs.get(slug)
        lines.append(f"- [{text(pack.meta.title)}]({link(here, page_path(pack))})" if pack else f"- {slug}")
    lines.append("")
    ran = [e for e in site.events if e.meta.round == entry.number]
    if not ran:
        lines += ["No group has listed an event in this round yet.", ""]
        return lines
    lines += ["Groups that ran it, and when:", ""]
    for event in ran:
        title, group, when = event_parts(site, event, here)
        lines.append(f"- {group}, {when}: {title}")
    return [*lines, ""]
