"""The coverage page at /councils/coverage/: counts by nation, region and type, sign-ups over time,
and a hex map of the UK, each chart drawn here as inline SVG with a data table beside it."""

from __future__ import annotations

from collections.abc import Iterator

from lgds.core.legacy import example_notice, link, page, text
from lgds.core.output import Output
from lgds.councils import hexmap
from lgds.councils.models import ENGLISH_REGIONS, NATIONS, TYPE_LABELS, Council
from lgds.councils.pages import COVERAGE, INDEX, council_path, shows_examples, signed_count, signups_by_code
from lgds.site import Site


def build(site: Site) -> Iterator[Output]:
    yield Output(COVERAGE, _coverage(site))


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "–"


def _table(caption: str, label: str, rows: list[tuple[str, list[Council]]], signed: set[str]) -> str:
    lines = [
        f"| {label} | Councils | Signed up | Percentage |",
        "|---|--:|--:|--:|",
    ]
    for name, councils in rows:
        yes = sum(1 for c in councils if c.code in signed)
        lines.append(f"| {text(name)} | {len(councils)} | {yes} | {_percent(yes, len(councils))} |")
    return f"{caption}\n\n" + "\n".join(lines) + "\n"


def _coverage(site: Site) -> str:
    current = site.current_councils
    signed = {c for c in signups_by_code(site) if c in site.councils and site.councils[c].current}
    yes, total = signed_count(site)
    parts = []
    if shows_examples(site):
        parts.append(example_notice("The sign-ups counted on this page are made up."))
    parts += [
        f"**{yes} of {total} councils ({_percent(yes, total)}) have signed up.** The count is of the UK's "
        f"{total} current principal councils. Combined authorities, the Greater London Authority and "
        f"town and parish councils are not counted. [See the list of councils]({link(COVERAGE, INDEX)}).",
        "",
        "## By nation",
        "",
        _table(
            "Sign-ups by nation.",
            "Nation",
            [(n, [c for c in current if c.nation == n]) for n in NATIONS],
            signed,
        ),
        "## By English region",
        "",
        _table(
            "Sign-ups by English region.",
            "Region",
            [(r, [c for c in current if c.region == r]) for r in ENGLISH_REGIONS],
            signed,
        ),
        "## By type of council",
        "",
        _table(
            "Sign-ups by type of council.",
            "Type",
            [(label, [c for c in current if c.type == t]) for t, label in TYPE_LABELS.items()],
            signed,
        ),
    ]
    parts += _over_time(site)
    parts += _map(site, signed)
    return page("Coverage", "\n".join(parts))


def _over_time(site: Site) -> list[str]:
    """Sign-ups each year and the running total, as a bar chart and the same numbers as a table."""
    dates = sorted(s.signed for s in site.signups.values())
    if not dates:
        return ["## Sign-ups over time", "", "No council has signed up yet.", ""]
    years = list(range(2016, site.today.year + 1))
    new = {y: sum(1 for d in dates if d.year == y) for y in years}
    running, totals = 0, {}
    for y in years:
        running += new[y]
        totals[y] = running
    top = max(totals.values()) or 1
    bar_w, gap, height = 36, 12, 160
    width = len(years) * (bar_w + gap) + 40
    bars = []
    for i, y in enumerate(years):
        h = height * totals[y] / top
        x = 30 + i * (bar_w + gap)
        bars.append(
            f'<rect x="{x}" y="{height - h + 20:.1f}" width="{bar_w}" height="{h:.1f}"/>'
            f'<text x="{x + bar_w / 2}" y="{height - h + 14:.1f}" text-anchor="middle">{totals[y]}</text>'
            f'<text x="{x + bar_w / 2}" y="{height + 36}" text-anchor="middle">{y}</text>'
        )
    chart = (
        f'<div class="lgds-chart"><svg viewBox="0 0 {width} {height + 44}" role="img" '
        'aria-labelledby="lgds-time-title" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="lgds-time-title">Total sign-ups at the end of each year, from 2016 to {years[-1]}: '
        f"{totals[years[-1]]} by {years[-1]}. The table below gives the numbers.</title>"
        f'<line x1="24" y1="{height + 20}" x2="{width - 6}" y2="{height + 20}"/>'
        + "".join(bars)
        + "</svg></div>"
    )
    table = ["| Year | Signed up that year | Total by the end of the year |", "|---|--:|--:|"]
    table += [f"| {y} | {new[y]} | {totals[y]} |" for y in years]
    return [
        "## Sign-ups over time",
        "",
        "Each bar is the total number of sign-ups by the end of that year, including councils that "
        "have since been replaced in a reorganisation.",
        "",
        chart,
        "",
        "Sign-ups by year.",
        "",
        *table,
        "",
    ]


def _map(site: Site, signed: set[str]) -> list[str]:
    hexes = hexmap.layout(site.current_councils)
    svg = hexmap.svg(
        hexes,
        title=f"Map of the UK's {len(hexes)} councils, one hexagon each, showing which have signed up",
        description=(
            "Each hexagon is one council, placed near its real position. Dark hexagons with a white "
            "dot have signed up; pale hexagons have not signed up yet. The table after the map lists "
            "every council and its status."
        ),
        signed=signed,
    )
    by_code = signups_by_code(site)
    rows = ["| Council | Region or nation | Status |", "|---|---|---|"]
    for council in sorted(site.current_councils, key=lambda c: (c.area, c.short_name)):
        status = (
            f"Signed up {by_code[council.code].signed.isoformat()}" if council.code in signed else "Not yet"
        )
        target = link(COVERAGE, council_path(council))
        rows.append(f"| [{text(council.short_name)}]({target}) | {text(council.area)} | {status} |")
    legend = (
        '<ul class="lgds-legend">'
        '<li><svg viewBox="0 0 20 20" aria-hidden="true" focusable="false"><g class="lgds-yes">'
        '<path d="M10,1 L18,5.5 L18,14.5 L10,19 L2,14.5 L2,5.5 Z"/><circle cx="10" cy="10" r="3"/></g></svg>'
        "Signed up: dark hexagon with a white dot</li>"
        '<li><svg viewBox="0 0 20 20" aria-hidden="true" focusable="false"><g class="lgds-no">'
        '<path d="M10,1 L18,5.5 L18,14.5 L10,19 L2,14.5 L2,5.5 Z"/></g></svg>'
        "Not signed up yet: pale hexagon, no dot</li></ul>"
    )
    return [
        "## Map",
        "",
        "Each council is one hexagon, so every council gets the same space however big or small it is. "
        "Places with many councils, such as London, are spread out, so the map is the UK's shape, "
        "stretched. County councils have a hexagon of their own beside the district councils they share "
        "an area with. Point at a hexagon to see which council it is.",
        "",
        legend,
        "",
        f'<div class="lgds-map">{svg}</div>',
        "",
        '<details class="lgds-map-data" markdown>',
        "<summary>The map's data as a table</summary>",
        "",
        "Every council on the map, by region or nation.",
        "",
        *rows,
        "",
        "</details>",
        "",
    ]
