"""The register against mySociety's, field by field, with each known fault corrected on our side."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from lgds.load import load_site

from .conftest import ROOT

REFERENCE = ROOT.parent / "shared" / "data" / "reference"
OURS = ROOT / "data" / "councils.csv"

# Known faults in the reference (its README's caveats), and what we hold instead.
NAME_FIXES = {
    "COL": "Colchester City Council",
    "SOS": "Southend-on-Sea City Council",
    "MIK": "Milton Keynes City Council",
}
REGION_FIXES = {"DBY": "East Midlands", "LIN": "East Midlands"}
TYPES = {
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


def _rows(path: Path) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {r.get("code") or r["local-authority-code"]: r for r in csv.DictReader(handle)}


def test_register_has_every_principal_council():
    site, problems = load_site(ROOT)
    assert not problems.errors
    current = site.current_councils
    assert len(current) == 382
    assert Counter(c.nation for c in current) == {
        "England": 317,
        "Scotland": 32,
        "Wales": 22,
        "Northern Ireland": 11,
    }
    former = [c for c in site.councils.values() if not c.current]
    assert len(former) == 48
    assert all(c.replaced_by for c in former)


@pytest.mark.skipif(
    not (REFERENCE / "uk_local_authorities_current.csv").is_file(),
    reason=f"mySociety's register is not at {REFERENCE} (it sits beside the clone, not in it)",
)
def test_register_matches_mysociety_field_by_field():
    ours = _rows(OURS)
    theirs = _rows(REFERENCE / "uk_local_authorities_current.csv")
    differences = []
    for code, row in ours.items():
        ref = theirs[code]

        def differ(field: str, expected: str, have: str = "", code: str = code) -> None:
            if expected != have:
                differences.append(f"{code} {field}: reference gives {expected!r}, we have {have!r}")

        differ(
            "official_name",
            NAME_FIXES.get(code, " ".join(ref["official-name"].split())),
            row["official_name"],
        )
        differ("short_name", " ".join(ref["nice-name"].split()), row["short_name"])  # NMD's trailing space
        differ("nation", ref["nation"], row["nation"])
        if row["nation"] == "England" and ref["region"]:
            differ("region", REGION_FIXES.get(code, ref["region"]), row["region"])
        differ("type", TYPES[ref["local-authority-type"]], row["type"])
        differ("gss_code", ref["gss-code"].strip(), row["gss_code"])
        differ("start_date", ref["start-date"], row["start_date"])
        successors = [c.strip() for c in ref["replaced-by"].replace(",", "|").split("|") if c.strip()]
        differ("replaced_by", " | ".join(successors), row["replaced_by"])
        # 2021 and 2023 rows end on vesting day in the reference; ours give the last day in office
        end = ref["end-date"]
        if end and any(theirs[s]["start-date"] == end for s in successors):
            assert row["end_date"] < end, code
        else:
            differ("end_date", end, row["end_date"])
        if row["type"] != "county" and ref["lat"]:  # county centroids are wrong in the reference
            assert abs(float(ref["lat"]) - float(row["lat"])) < 0.001, code
            assert abs(float(ref["long"]) - float(row["lon"])) < 0.001, code
        assert "\ufffd" not in row["other_names"] and "ï¿½" not in row["other_names"], code
    assert differences == []
    # the shared-service name must not match only one of the two councils
    assert "adur and worthing" not in ours["WOT"]["other_names"].lower()
    # county centres come from their districts, so each sits among them
    for code, row in ours.items():
        if row["type"] == "county" and not row["end_date"]:
            districts = [
                r for r in theirs.values() if r["county-la"] == code and r["current-authority"] == "True"
            ]
            mean = sum(float(d["lat"]) for d in districts) / len(districts)
            assert abs(mean - float(row["lat"])) < 0.001, code
