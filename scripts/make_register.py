"""Build data/councils.csv, the project's register of UK principal councils.

The register is derived from mySociety's "UK local authority names and codes"
(data package uk_la_past_current) plus Welsh names from Open Innovations'
hexmaps. Known faults in those files are corrected here, in code, so the
register can be re-made whenever the reference files are updated:

    python scripts/make_register.py /path/to/reference
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

DEFAULT_REFERENCE = Path("../shared/data/reference")
DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "data" / "councils.csv"

AUTHORITIES_FILE = "uk_local_authorities_current.csv"
NAMES_FILE = "lookup_name_to_registry.csv"
HEXJSON_FILE = "uk-local-authority-districts-2023.hexjson"

COLUMNS = [
    "code",
    "official_name",
    "short_name",
    "other_names",
    "welsh_name",
    "nation",
    "region",
    "type",
    "gss_code",
    "lat",
    "lon",
    "start_date",
    "end_date",
    "replaced_by",
]

# Councils abolished on or after this date are kept as former councils.
ABOLISHED_SINCE = "2019-01-01"

# Combined authorities and the GLA are not principal councils.
EXCLUDED_TYPES = {"COMB", "SRA"}

TYPE_MAP = {
    "CTY": "county",
    "NMD": "district",
    "UA": "unitary",
    "MD": "metropolitan",
    "LBO": "london-borough",
    "CC": "city-of-london",
    "SCO": "scottish",
    "WPA": "welsh",
    "NID": "ni-district",
}

NATIONS = {"England", "Scotland", "Wales", "Northern Ireland"}

ENGLISH_REGIONS = {
    "North East",
    "North West",
    "Yorkshire and The Humber",
    "East Midlands",
    "West Midlands",
    "East of England",
    "London",
    "South East",
    "South West",
}

# Three councils became cities in 2022; the reference still has the old names.
OFFICIAL_NAME_FIXES = {
    "COL": "Colchester City Council",
    "SOS": "Southend-on-Sea City Council",
    "MIK": "Milton Keynes City Council",
}

# Derbyshire and Lincolnshire county councils are misassigned in the reference.
REGION_FIXES = {
    "DBY": "East Midlands",
    "LIN": "East Midlands",
}

# Mojibake markers: replacement char, its mis-decoded UTF-8 form, and C1 controls.
MOJIBAKE = re.compile("[\ufffd\u0080-\u009f]|\u00ef\u00bf\u00bd|\u00ef\u00be")

# Entries that are garbled but contain no tell-tale characters, and a shared service's name
# (Adur and Worthing share staff but are two councils), which must not match only one of them.
BROKEN_NAMES = {"ynys mn", "adur and worthing borough council"}

NAME_SEPARATOR = " | "


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a reference CSV into dicts so columns are addressed by name."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_welsh_names(path: Path) -> dict[str, str]:
    """Map GSS code to Welsh name, the only source of correct Welsh spellings."""
    hexes = json.loads(path.read_text(encoding="utf-8"))["hexes"]
    return {gss: hexes[gss]["lad19nmw"] for gss in hexes if "lad19nmw" in hexes[gss]}


def tidy(text: str) -> str:
    """Collapse runs of whitespace, which the reference has in a few names."""
    return " ".join(text.split())


def is_current(row: dict[str, str]) -> bool:
    """Say whether a row is a current principal council."""
    return row["current-authority"] == "True" and row["local-authority-type"] not in EXCLUDED_TYPES


def is_recently_abolished(row: dict[str, str]) -> bool:
    """Say whether a row is a council abolished in the 2019-2023 reorganisations."""
    return (
        row["current-authority"] == "False"
        and row["local-authority-type"] not in EXCLUDED_TYPES
        and row["end-date"] >= ABOLISHED_SINCE
    )


def split_codes(value: str) -> list[str]:
    """Split a replaced-by value, which may list several successors."""
    return [code.strip() for code in re.split(r"[,;|/]", value) if code.strip()]


def is_usable_name(name: str) -> bool:
    """Reject garbled variants so they never reach the site."""
    return not MOJIBAKE.search(name) and tidy(name).casefold() not in BROKEN_NAMES


def names_by_code(rows: list[dict[str, str]]) -> dict[str, list[str]]:
    """Group usable name variants by council code, keeping file order."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        name = row["la-name"]
        if is_usable_name(name):
            grouped[row["local-authority-code"]].append(tidy(name))
    return grouped


def dedupe_names(names: list[str]) -> list[str]:
    """Drop case-insensitive duplicates, preferring a properly-cased form."""
    chosen: dict[str, str] = {}
    for name in names:
        key = name.casefold()
        if key not in chosen or (chosen[key].islower() and not name.islower()):
            chosen[key] = name
    return list(chosen.values())


def shared_names(names: dict[str, list[str]], current_codes: set[str]) -> set[str]:
    """Find names claimed by a current council, so former councils cede them."""
    return {name.casefold() for code in current_codes for name in names.get(code, [])}


def other_names(candidates: list[str], exclude: list[str], taken: set[str]) -> str:
    """Join the extra names people use, minus those already shown elsewhere."""
    skip = {name.casefold() for name in exclude if name} | taken
    kept = [name for name in dedupe_names(candidates) if name.casefold() not in skip]
    return NAME_SEPARATOR.join(kept)


def english_region(row: dict[str, str], rows_by_code: dict[str, dict]) -> str:
    """Give the corrected English region, borrowing a successor's if blank."""
    code = row["local-authority-code"]
    region = REGION_FIXES.get(code, row["region"])
    for successor in split_codes(row["replaced-by"]):
        if region:
            break
        region = english_region(rows_by_code[successor], rows_by_code)
    if region not in ENGLISH_REGIONS:
        raise ValueError(f"{code}: unexpected region {region!r}")
    return region


def county_positions(rows: list[dict[str, str]]) -> dict[str, tuple[float, float]]:
    """Average current districts' centroids, as county centroids are unreliable."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in rows:
        if is_current(row) and row["county-la"] and row["lat"] and row["long"]:
            points[row["county-la"]].append((float(row["lat"]), float(row["long"])))
    return {
        county: (
            sum(lat for lat, _ in coords) / len(coords),
            sum(lon for _, lon in coords) / len(coords),
        )
        for county, coords in points.items()
    }


def position(row: dict[str, str], counties: dict[str, tuple[float, float]]) -> tuple[str, str]:
    """Give lat and lon to 4 places (about 10 m), from districts for counties."""
    code = row["local-authority-code"]
    if is_current(row) and row["local-authority-type"] == "CTY":
        if code not in counties:
            raise ValueError(f"{code}: county council has no current districts")
        lat, lon = counties[code]
    elif row["lat"] and row["long"]:
        lat, lon = float(row["lat"]), float(row["long"])
    else:
        return "", ""
    return f"{lat:.4f}", f"{lon:.4f}"


def last_day(row: dict[str, str], rows_by_code: dict[str, dict]) -> str:
    """Give the last day a council existed.

    The reference ends the 2019 and 2020 councils on the day before vesting day, but the 2021 and
    2023 ones on vesting day itself, the day their successor began. Use the day before throughout,
    so "abolished before the date it signed" means the same for every council.
    """
    end = row["end-date"].strip()
    starts = {
        rows_by_code[s]["start-date"].strip() for s in split_codes(row["replaced-by"]) if s in rows_by_code
    }
    if end and end in starts:
        return (date.fromisoformat(end) - timedelta(days=1)).isoformat()
    return end


def council_type(row: dict[str, str]) -> str:
    """Map the reference type code to the project's type vocabulary."""
    code = row["local-authority-type"]
    if code not in TYPE_MAP:
        raise ValueError(f"{row['local-authority-code']}: unknown type {code!r}")
    return TYPE_MAP[code]


def build_record(
    row: dict[str, str],
    context: dict,
) -> dict[str, str]:
    """Turn one reference row into one register row."""
    code = row["local-authority-code"]
    nation = row["nation"]
    if nation not in NATIONS:
        raise ValueError(f"{code}: unexpected nation {nation!r}")
    old_official = tidy(row["official-name"])
    official = OFFICIAL_NAME_FIXES.get(code, old_official)
    short = tidy(row["nice-name"])
    welsh = context["welsh"].get(row["gss-code"], "") if nation == "Wales" else ""
    if welsh == short:
        welsh = ""
    candidates = [old_official, *context["names"].get(code, [])]
    taken = set() if is_current(row) else context["taken"]
    lat, lon = position(row, context["counties"])
    return {
        "code": code,
        "official_name": official,
        "short_name": short,
        "other_names": other_names(candidates, [official, short, welsh], taken),
        "welsh_name": welsh,
        "nation": nation,
        "region": (english_region(row, context["rows_by_code"]) if nation == "England" else ""),
        "type": council_type(row),
        "gss_code": row["gss-code"].strip(),
        "lat": lat,
        "lon": lon,
        "start_date": row["start-date"].strip(),
        "end_date": last_day(row, context["rows_by_code"]),
        "replaced_by": NAME_SEPARATOR.join(split_codes(row["replaced-by"])),
    }


def build_register(reference: Path) -> list[dict[str, str]]:
    """Select current and recently abolished councils and build their rows."""
    rows = read_csv(reference / AUTHORITIES_FILE)
    names = names_by_code(read_csv(reference / NAMES_FILE))
    current_codes = {row["local-authority-code"] for row in rows if is_current(row)}
    context = {
        "names": names,
        "taken": shared_names(names, current_codes),
        "welsh": read_welsh_names(reference / HEXJSON_FILE),
        "counties": county_positions(rows),
        "rows_by_code": {row["local-authority-code"]: row for row in rows},
    }
    selected = [row for row in rows if is_current(row) or is_recently_abolished(row)]
    records = [build_record(row, context) for row in selected]
    return sorted(records, key=lambda record: record["code"])


def check_register(records: list[dict[str, str]]) -> None:
    """Stop before writing if codes repeat, which would break joins."""
    codes = [record["code"] for record in records]
    if len(codes) != len(set(codes)):
        raise ValueError("duplicate council codes in register")


def write_register(records: list[dict[str, str]], output: Path) -> None:
    """Write the register as plain UTF-8 CSV with Unix line endings."""
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read the reference folder and output path from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "reference",
        nargs="?",
        type=Path,
        default=DEFAULT_REFERENCE,
        help=f"folder holding the reference files (default: {DEFAULT_REFERENCE})",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=DEFAULT_OUTPUT,
        help="where to write the register (default: data/councils.csv)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Build, check and write the register."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    records = build_register(args.reference)
    check_register(records)
    write_register(records, args.output)
    print(f"wrote {len(records)} councils to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
