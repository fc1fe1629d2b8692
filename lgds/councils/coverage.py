"""The coverage page at /councils/coverage/: counts by nation, region and type, sign-ups over time,
and a hex map of the UK, each chart drawn as inline SVG with a data table beside it.

The map's layout is read from ``data/hexmap.csv`` (``site.hexmap``), worked out once from the register
by ``scripts/make_hexmap.py``: the build never lays the map out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lgds.core import routes
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.councils import charts, mapview
from lgds.councils.facts import Listed, percent, shows_examples, signed_count, signups_by_code
from lgds.councils.models import ENGLISH_REGIONS, NATIONS, TYPE_LABELS, Council
from lgds.site import Site


@dataclass(frozen=True)
class Count:
    """A row of a coverage table: a nation, region or type, its councils, and how many signed up."""

    name: str
    councils: int
    signed: int

    @property
    def percent(self) -> int | None:
        return percent(self.signed, self.councils)


def build(site: Site, pages: Pages) -> Iterator[Output]:
    current = site.current_councils
    by_code = signups_by_code(site)
    signed = {code for code in by_code if code in site.councils and site.councils[code].current}
    yes, total = signed_count(site)

    def count(name: str, councils: list[Council]) -> Count:
        return Count(name, len(councils), sum(1 for c in councils if c.code in signed))

    by_year = charts.years([s.signed for s in site.signups.values()], site.today)
    listed = sorted(current, key=lambda c: (c.area, c.short_name))
    yield pages.page(
        "councils/coverage.md",
        routes.path("coverage"),
        examples=shows_examples(site),
        signed=yes,
        total=total,
        percent=percent(yes, total),
        by_nation=[count(n, [c for c in current if c.nation == n]) for n in NATIONS],
        by_region=[count(r, [c for c in current if c.region == r]) for r in ENGLISH_REGIONS],
        by_type=[count(label, [c for c in current if c.type == t]) for t, label in TYPE_LABELS.items()],
        years=by_year if site.signups else [],
        chart=charts.bar_chart(by_year) if site.signups else None,
        map=mapview.hex_map(site.hexmap, current, signed),
        councils=[Listed(c, by_code[c.code] if c.code in signed else None) for c in listed],
    )
