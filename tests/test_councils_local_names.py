"""Names of town, parish and community councils never match a principal council in the register.

Some parish and community councils are called city councils: the register (data/councils.csv, from
mySociety's register in ../shared/data/reference/) has Lichfield District Council and Chichester
District Council, but Lichfield City Council and Chichester City Council are the parish councils of
those small cities, and did not sign when their district did. Canterbury City Council, by contrast, is
the principal council itself. Each row here was checked against the register.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lgds.councils.matching import NameIndex, Outcome
from lgds.load import load_site

from .conftest import ROOT, lgds

NOT_PRINCIPAL = [
    # (name as typed, the principal council it must never be taken for, if the register has one by that name)
    ("Lichfield City Council", "LIF"),
    ("Lichfield CC", "LIF"),
    ("City of Lichfield", "LIF"),
    ("The Lichfield City Council", "LIF"),
    ("Lichfield Town Council", "LIF"),
    ("Chichester City Council", "CHI"),
    ("City of Chichester", "CHI"),
    (
        "Durham City Council",
        "DUR",
    ),  # the City of Durham's parish council; Durham County Council is the principal
    ("City of Durham Parish Council", "DUR"),
    ("Truro City Council", ""),  # Cornwall Council is the principal council
    ("Ripon City Council", ""),  # North Yorkshire Council
    ("Wells City Council", ""),  # Somerset Council
    ("City of Wells", ""),
    ("Ely City Council", ""),  # East Cambridgeshire District Council
    ("Salisbury City Council", ""),  # Wiltshire Council
    ("Hereford City Council", ""),  # Herefordshire Council
    ("St Davids City Council", ""),  # Pembrokeshire County Council
    ("Cyngor Dinas Tyddewi", ""),
    ("St Asaph City Council", ""),  # Denbighshire County Council
    ("Cyngor Dinas Llanelwy", ""),
    ("Bangor City Council", ""),  # Gwynedd Council
    ("Cyngor Dinas Bangor", ""),
    ("Frome Town Council", ""),
    ("Cyngor Tref Aberystwyth", ""),
    ("Cyngor Cymuned Llanfairpwll", ""),
    ("Bournemouth Town Council", ""),
]

PRINCIPAL = [
    # (name as typed, the council it must still match)
    ("Lichfield District Council", "LIF"),
    ("Lichfield DC", "LIF"),
    ("Lichfield", "LIF"),
    ("Chichester District Council", "CHI"),
    ("Chichester", "CHI"),
    ("Durham County Council", "DUR"),
    ("Canterbury City Council", "CAT"),
    ("Canterbury", "CAT"),
    ("Winchester City Council", "WIN"),
    ("St Albans City and District Council", "SAL"),
    ("Hull City Council", "KHL"),
    ("City of York Council", "YOR"),
    ("City of London", "LND"),
    ("Newport City Council", "NWP"),
    ("Cyngor Dinas Casnewydd", "NWP"),
    ("Cardiff City Council", "CRF"),
    ("Kent CC", "KEN"),
    ("Staffordshire County Council", "STS"),
    ("West Sussex County Council", "WSX"),
    ("Cornwall Council", "CON"),
    ("North Yorkshire Council", "NYE"),
    ("Somerset Council", "SMT"),
    ("East Cambridgeshire District Council", "ECA"),
    ("Wiltshire Council", "WIL"),
    ("Herefordshire Council", "HEF"),
    ("Pembrokeshire County Council", "PEM"),
    ("Denbighshire County Council", "DEN"),
    ("Gwynedd Council", "GWN"),
]


@pytest.fixture(scope="module")
def index() -> NameIndex:
    site, _ = load_site(ROOT)
    return NameIndex(site.councils.values())


@pytest.mark.parametrize(("name", "principal"), NOT_PRINCIPAL)
def test_a_local_councils_name_never_matches(index, name, principal):
    found = index.match(name)
    assert found.outcome is not Outcome.MATCHED and found.council is None
    if principal:  # the person deciding sees the council it might have been taken for
        assert found.outcome is Outcome.AMBIGUOUS
        assert principal in [c.code for c in found.candidates]


@pytest.mark.parametrize(("name", "code"), PRINCIPAL)
def test_a_principal_councils_name_still_matches(index, name, code):
    found = index.match(name)
    assert found.outcome is Outcome.MATCHED and found.council is not None
    assert found.council.code == code


def test_the_reason_says_why_a_city_council_is_not_the_district(index):
    found = index.match("Lichfield City Council")
    assert found.reason.startswith(
        "the name says city council, and Lichfield District Council is not a city council; it may be a "
        "parish or community council"
    )
    assert index.match("Lichfield CC").reason.startswith(
        "CC means city or county council, and Lichfield District Council is neither"
    )


def test_import_records_the_district_and_not_the_city_council(tmp_path: Path):
    root = tmp_path / "kit"
    (root / "data" / "signups").mkdir(parents=True)
    for rel in ("data/councils.csv", "mkdocs.yml", "site.yml"):
        shutil.copy(ROOT / rel, root / rel)
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "Council name\nLichfield City Council\nChichester City Council\nLichfield District Council\n",
        encoding="utf-8",
    )
    result = lgds("import-signups", str(sheet), "--name-column", "Council name", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (root / "data/signups").iterdir()) == ["lif.yml"]
    assert "row 2: 'Lichfield City Council': ambiguous: the name says city council" in result.stdout
    assert "row 3: 'Chichester City Council': ambiguous:" in result.stdout
    assert "created data/signups/lif.yml (row 4: Lichfield District Council)" in result.stdout
