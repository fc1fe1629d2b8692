"""Open data, as point 7 of the Standard asks: the register and the sign-ups as CSV and JSON at /data/,
with a page that documents each file and its licence."""

from __future__ import annotations

import json
from collections.abc import Iterator

from lgds.core import routes, spreadsheet
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.councils.facts import current_successors, shows_examples, signed_count
from lgds.councils.models import Council, SignUp
from lgds.councils.register import REGISTER
from lgds.reviews.models import REVIEWS_CSV, REVIEWS_JSON
from lgds.site import Site

REGISTER_FILE = "councils.csv"
SIGNUPS_CSV = "signups.csv"
SIGNUPS_JSON = "signups.json"
"""The files published in /data/."""

SIGNUP_COLUMNS = [
    "council",
    "official_name",
    "nation",
    "region",
    "type",
    "signed",
    "statement",
    "note",
    "current",
    "now_part_of",
    "example",
]
"""The columns of signups.csv; the data page (``councils/data.md``) says what each holds."""


def records(site: Site) -> list[dict[str, object]]:
    """One record per sign-up, oldest first: the same rows in the CSV and the JSON."""
    rows = []
    for signup in sorted(site.signups.values(), key=lambda s: (s.signed, s.council)):
        council = site.councils[signup.council]
        rows.append(_record(site, council, signup))
    return rows


def _record(site: Site, council: Council, signup: SignUp) -> dict[str, object]:
    return {
        "council": council.code,
        "official_name": council.official_name,
        "nation": council.nation,
        "region": council.region,
        "type": council.type.value,
        "signed": signup.signed.isoformat(),
        "statement": signup.statement or "",
        "note": signup.note or "",
        "current": council.current,
        "now_part_of": [c.code for c in current_successors(site, council)] if not council.current else [],
        "example": signup.example,
    }


def build(site: Site, pages: Pages) -> Iterator[Output]:
    if site.register_text:
        register = spreadsheet.republished(site.register_text)  # the file itself stays as it is
        yield Output(routes.path("data-file", file=REGISTER_FILE), register, source=REGISTER)
    rows = records(site)
    yield Output(routes.path("data-file", file=SIGNUPS_CSV), _csv(rows))
    yield Output(routes.path("data-file", file=SIGNUPS_JSON), _json(site, rows))
    signed, total = signed_count(site)
    yield pages.page(
        "councils/data.md",
        routes.path("data"),
        examples=shows_examples(site),
        signed=signed,
        total=total,
        signups=len(rows),
        reviews=len(site.reviews),
        review_examples=site.settings.example_notice and any(r.meta.example for r in site.reviews),
        files={
            "register": REGISTER_FILE,
            "signups_csv": SIGNUPS_CSV,
            "signups_json": SIGNUPS_JSON,
            "reviews_csv": REVIEWS_CSV,
            "reviews_json": REVIEWS_JSON,
        },
    )


def _csv(rows: list[dict[str, object]]) -> str:
    """The sign-ups as CSV, no cell a formula (``core.spreadsheet``)."""
    lines: list[list[object]] = [list[object](SIGNUP_COLUMNS)]
    for row in rows:
        flat = {**row, "now_part_of": " | ".join(row["now_part_of"])}  # type: ignore[arg-type]
        flat["current"] = "true" if row["current"] else "false"
        flat["example"] = "true" if row["example"] else "false"
        lines.append([flat[name] for name in SIGNUP_COLUMNS])
    return spreadsheet.write(lines)


def _json(site: Site, rows: list[dict[str, object]]) -> str:
    data = {
        "title": "Councils signed up to the Local Government Digital Service Standard",
        "licence": "Open Government Licence v3.0",
        "licence_url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        "generated": site.today.isoformat(),
        "contains_examples": any(r["example"] for r in rows),
        "signups": rows,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
