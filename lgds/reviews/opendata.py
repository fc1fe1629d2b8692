"""Published peer reviews as open data: /data/reviews.csv (one row per review, a column per point's
result) and /data/reviews.json (every review whole: each point's result, evidence and recommendations).
The data page (``councils/data.md``, with ``reviews/data.md``) documents both and their licence.
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Iterator

from lgds.core import jsonlist, reuse, routes
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.reviews.models import POINTS, REVIEWS_CSV, REVIEWS_JSON, Review
from lgds.site import Site

COLUMNS = [
    "council",
    "official_name",
    "nation",
    "region",
    "service",
    "service_link",
    "phase",
    "date",
    "event",
    "reviewers",
    "overall",
    "met",
    "not_met",
    "not_assessed",
    *(f"point_{n}" for n in POINTS),
    "page",
    "example",
]
"""The columns of reviews.csv; the data page (``reviews/data.md``) says what each holds."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A spreadsheet may run a cell that starts with one of these as a formula."""


def defused(value: str) -> str:
    """A cell a spreadsheet shows as text: one that could start a formula gets a leading apostrophe."""
    return "'" + value if value.startswith(FORMULA_START) else value


def records(site: Site) -> list[tuple[dict[str, object], str, str]]:
    """One record per published review, oldest first, with its entry in the JSON file and its CSV row.

    Each is made again only when its review's file changed, or what it shows from elsewhere did (the
    council's names, the points' titles, the site's address).
    """
    shared = (
        site.settings.site_url,
        reuse.fingerprint(
            {code: [c.official_name, c.nation, c.region] for code, c in site.councils.items()},
            {n: p.title for n, p in site.points.items()},
        ),
    )
    made = reuse.current().store("review-records")
    return [
        made.get(review.path, review.meta, shared, functools.partial(_encoded, site, review))
        for review in site.reviews
    ]


def _encoded(site: Site, review: Review) -> tuple[dict[str, object], str, str]:
    """The review's record, its entry in the JSON file and its row of the CSV file."""
    record = _record(site, review)
    return record, jsonlist.entry(record), _csv_row(record)


def _record(site: Site, review: Review) -> dict[str, object]:
    meta = review.meta
    council = site.councils.get(review.council)
    return {
        "council": review.council,
        "official_name": council.official_name if council else "",
        "nation": council.nation if council else "",
        "region": council.region if council else "",
        "service": meta.service,
        "service_link": meta.link or "",
        "phase": meta.phase.value,
        "date": meta.date.isoformat(),
        "event": meta.event or "",
        "reviewers": list(meta.reviewers),
        "overall": review.overall.value,
        "page": site.settings.address(routes.url(routes.path("review", review=review))),
        "example": meta.example,
        "points": [
            {
                "point": a.number,
                "title": site.points[a.number].title if a.number in site.points else "",
                "result": a.result.value,
                "evidence": a.evidence,
                "recommendations": list(a.recommendations),
            }
            for a in review.assessments
        ],
    }


def build(site: Site, pages: Pages) -> Iterator[Output]:
    rows = records(site)
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n").writeheader()
    header = out.getvalue()
    yield Output(routes.path("data-file", file=REVIEWS_CSV), header + "".join(row for _, _, row in rows))
    yield Output(routes.path("data-file", file=REVIEWS_JSON), _json(site, rows))


def _csv_row(row: dict[str, object]) -> str:
    """The record as a line of the CSV file: the points' results counted and one column each."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    points: list[dict[str, object]] = row["points"]  # type: ignore[assignment]
    results = [str(p["result"]) for p in points]
    flat: dict[str, object] = {k: v for k, v in row.items() if k in COLUMNS}
    flat.update(
        reviewers=" | ".join(row["reviewers"]),  # type: ignore[arg-type]
        met=results.count("met"),
        not_met=results.count("not met"),
        not_assessed=results.count("not assessed"),
        example="true" if row["example"] else "false",
    )
    flat.update({f"point_{p['point']}": p["result"] for p in points})
    writer.writerow({k: defused(v) if isinstance(v, str) else v for k, v in flat.items()})
    return out.getvalue()


def _json(site: Site, rows: list[tuple[dict[str, object], str, str]]) -> str:
    head = {
        "title": "Peer reviews of council services against the Local Government Digital Service Standard",
        "licence": "Open Government Licence v3.0",
        "licence_url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "generated": site.today.isoformat(),
        "contains_examples": any(row["example"] for row, _, _ in rows),
    }
    return jsonlist.document(head, "reviews", [text for _, text, _ in rows])
