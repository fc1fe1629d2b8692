"""The Standard's pages: the list of 15 points at /standard/ and a page per point."""

from __future__ import annotations

from collections.abc import Iterator

from lgds.core.escape import link, page, text
from lgds.core.output import Output
from lgds.groups import events as events_builder
from lgds.groups.event_index import event_index
from lgds.groups.recent import left_out, recent
from lgds.kit import packs as packs_builder
from lgds.site import Site
from lgds.standard.models import Point

INDEX = "standard/index.md"

CREDIT = (
    "The Local Government Digital Service Standard was written in the open by council digital "
    "practitioners through the LocalGov Digital network, and published in 2016 under the "
    "[Open Government Licence v3.0](https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/). "
    "The explanations on this site are our own words, not the original text."
)


def point_path(point: Point) -> str:
    """Where a point's page sits in the site: its URL is /standard/<n>-<slug>/."""
    return f"standard/{point.slug}.md"


def build(site: Site) -> Iterator[Output]:
    yield Output(INDEX, _index(site), source=_intro_source(site))
    points = list(site.points.values())
    for i, point in enumerate(points):
        before = points[i - 1] if i > 0 else None
        after = points[i + 1] if i + 1 < len(points) else None
        yield Output(point_path(point), _point(site, point, before, after), source=point.path)


def _intro_source(site: Site) -> str | None:
    return INDEX if (site.root / INDEX).is_file() else None


def _index(site: Site) -> str:
    intro = ""
    if (site.root / INDEX).is_file():
        from lgds.core.sources import split_front_matter

        raw = (site.root / INDEX).read_text(encoding="utf-8")
        parts = split_front_matter(raw)
        intro = parts[1] if parts else raw
    lines = [intro.strip(), ""] if intro.strip() else []
    lines.append("## The 15 points\n")
    for point in site.points.values():
        target = link(INDEX, point_path(point))
        lines.append(f"{point.number}. [{text(point.title)}]({target}): {text(point.meta.summary)}")
    lines += ["", "## Where the Standard comes from", "", CREDIT]
    return page("The Standard", "\n".join(lines), source=_intro_source(site))


def _point(site: Site, point: Point, before: Point | None, after: Point | None) -> str:
    here = point_path(point)
    parts = [f"# Point {point.number}: {text(point.title)}", "", f"**{text(point.meta.summary)}**", ""]
    parts.append(point.body.strip())
    parts += ["", "## Related points", ""]
    for number in point.meta.related:
        other = site.points.get(number)
        if other:
            parts.append(f"- [Point {number}: {text(other.title)}]({link(here, point_path(other))})")
    parts += _covered_by(site, point, here)
    parts += ["", _pager(here, before, after)]
    title = f"{point.number}. {point.title}"
    return page(title, "\n".join(parts), source=point.path, point=point.number)


def _covered_by(site: Site, point: Point, here: str) -> list[str]:
    """Packs that cover the point and events that covered it, so readers can go from idea to practice."""
    packs = [p for p in site.packs.values() if p.group is None and point.number in p.meta.points]
    events, earlier = recent(event_index(site).by_point.get(point.number, []), site.today)
    lines: list[str] = []
    if packs:
        lines += ["", "## Session packs on this point", ""]
        for p in packs:
            lines.append(
                f"- {_linked(here, p.meta.title, packs_builder.page_path(p))}: {text(p.meta.summary)}"
            )
    if events:
        lines += ["", "## Events that covered this point", ""]
        lines += left_out(earlier, here)
        for e in events:
            group = site.groups[e.group].name if e.group in site.groups else e.group
            lines.append(
                f"- {_linked(here, e.meta.title, events_builder.page_path(e))}, {text(group)}, {_month(e)}"
            )
    return lines


def _linked(here: str, title: str, target: str | None) -> str:
    return f"[{text(title)}]({link(here, target)})" if target else text(title)


def _month(event) -> str:
    day = event.meta.date
    return day.strftime("%B %Y") if event.meta.approximate_date else f"{day.day} {day:%B %Y}"


def _pager(here: str, before: Point | None, after: Point | None) -> str:
    items = []
    if before:
        items.append(f"[← Point {before.number}: {text(before.title)}]({link(here, point_path(before))})")
    if after:
        items.append(f"[Point {after.number}: {text(after.title)} →]({link(here, point_path(after))})")
    return (
        '<nav class="lgds-pager" aria-label="Points of the Standard" markdown>\n\n'
        + " · ".join(items)
        + "\n\n</nav>"
    )
