"""Open data, as point 7 of the Standard asks: the register and the sign-ups as CSV and JSON at /data/,
with a page that documents each file and its licence."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from lgds.core.legacy import example_notice, page
from lgds.core.output import Output
from lgds.councils.models import Council, SignUp
from lgds.councils.pages import current_successors, shows_examples, signed_count
from lgds.site import Site

PAGE = "data/index.md"
COUNCILS_CSV = "data/councils.csv"
SIGNUPS_CSV = "data/signups.csv"
SIGNUPS_JSON = "data/signups.json"
REGISTER = "data/councils.csv"

SIGNUP_COLUMNS = {
    "council": "The council's code in the register.",
    "official_name": "The council's official name.",
    "nation": "England, Scotland, Wales or Northern Ireland.",
    "region": "The English region; empty outside England.",
    "type": "The type of council, as in the register.",
    "signed": "The date the council signed up, YYYY-MM-DD.",
    "statement": "A link to the council's public statement, if any.",
    "note": "A short note, if any.",
    "current": "`true` if the council exists today, `false` if it has been abolished.",
    "now_part_of": "For an abolished council, the codes of the councils that cover its area today, separated by ` | `.",
    "example": "`true` for a made-up sign-up that only shows how the site works.",
}
REGISTER_CREDIT = (
    "Contains data from mySociety's [UK local authority names and codes]"
    "(https://github.com/mysociety/uk_local_authority_names_and_codes), licensed under "
    "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/) (credit: mySociety), with corrections "
    "by this project, and Welsh names from Open Innovations' hexmaps (MIT licence)."
)
OGL = "[Open Government Licence v3.0](https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/)"


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


def build(site: Site) -> Iterator[Output]:
    register = site.root / REGISTER
    if register.is_file():
        yield Output(COUNCILS_CSV, register.read_text(encoding="utf-8"), source=REGISTER)
    rows = records(site)
    yield Output(SIGNUPS_CSV, _csv(rows))
    yield Output(SIGNUPS_JSON, _json(site, rows))
    yield Output(PAGE, _page(site, len(rows)))


def _csv(rows: list[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(SIGNUP_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        flat = {**row, "now_part_of": " | ".join(row["now_part_of"])}  # type: ignore[arg-type]
        flat["current"] = "true" if row["current"] else "false"
        flat["example"] = "true" if row["example"] else "false"
        writer.writerow(flat)
    return out.getvalue()


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


def _page(site: Site, count: int) -> str:
    signed, total = signed_count(site)
    parts = []
    if shows_examples(site):
        parts.append(
            example_notice("The sign-ups in these files are made up; each has `example` set to `true`.")
        )
    parts += [
        "Point 7 of the Standard asks councils to publish data openly. This site does the same: the "
        "data behind the council pages is here to download and reuse. The files are rebuilt every time "
        "the site is published.",
        "",
        "## The files",
        "",
        "| File | What it holds | Licence |",
        "|---|---|---|",
        f"| [councils.csv](councils.csv) | The register: the UK's {total} current principal councils and "
        "the councils abolished since 2019 | CC BY 4.0, credit mySociety |",
        f"| [signups.csv](signups.csv) | {count} sign-ups, one row each | {OGL} |",
        f"| [signups.json](signups.json) | The same sign-ups as JSON | {OGL} |",
        "",
        f"{signed} of the {total} current councils have signed up. Every file is UTF-8.",
        "",
        "## The register: councils.csv",
        "",
        "One row per council, keyed by `code`: the three- or four-letter code from the old GOV.UK "
        "registers, which stays the same when boundaries change. Use it to join other data, not the "
        "name or the GSS code. Lists within a cell are separated by ` | `.",
        "",
        "| Column | Meaning |",
        "|---|---|",
        "| code | The council's stable code, for example CMD for Camden. |",
        "| official_name, short_name | The council's official name and the name people use. |",
        "| other_names | Other names and spellings seen in real data. |",
        "| welsh_name | The Welsh name, for Welsh councils that have one. |",
        "| nation, region | The nation, and the English region (empty outside England). |",
        "| type | county, district, unitary, metropolitan, london-borough, city-of-london, scottish, welsh or ni-district. |",
        "| gss_code | The ONS (GSS) code for the council's area. It changes when boundaries change. |",
        "| lat, lon | An approximate centre, good enough for a map. |",
        "| start_date, end_date | When the council began, if known, and the last day of an abolished council. |",
        "| replaced_by | For an abolished council, the codes of the councils that took over. |",
        "",
        REGISTER_CREDIT + " You may reuse it under the same licence, crediting mySociety.",
        "",
        "## Sign-ups: signups.csv and signups.json",
        "",
        "One record per sign-up, oldest first. The JSON file has the same records in a `signups` list, "
        "with the licence and the date it was made.",
        "",
        "| Column | Meaning |",
        "|---|---|",
        *[f"| {name} | {meaning} |" for name, meaning in SIGNUP_COLUMNS.items()],
        "",
        f"The sign-ups are published under the {OGL}. Sign-ups record a council and a date; they hold "
        "nothing about the person who signed.",
    ]
    return page("Open data", "\n".join(parts))
