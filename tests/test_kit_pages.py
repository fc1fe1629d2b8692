"""The franchise kit as a reader sees it: /franchise-kit/, pack pages, print pages and zips."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from lgds.kit.models import pack_for, run_sheet_times
from lgds.load import load_site

from .conftest import ROOT, read_page

KIT_PACKS = sorted(p.name for p in (ROOT / "franchise-kit/packs").iterdir() if (p / "pack.yml").is_file())


def soup(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(read_page(site, url), "html.parser")


def article(site: Path, url: str):
    return soup(site, url).select_one("article")


def test_the_kit_has_at_least_ten_packs():
    assert len(KIT_PACKS) >= 10


@pytest.mark.parametrize("slug", KIT_PACKS)
def test_every_pack_has_a_page_a_print_page_and_a_zip(built_site: Path, slug: str):
    page = article(built_site, f"/franchise-kit/packs/{slug}/")
    assert len(page.find_all("h1")) == 1
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in page.find_all("h2")]
    for wanted in ("What participants will be able to do", "Run sheet", "Facilitator notes", "Handouts"):
        assert wanted in headings
    assert page.select_one(".lgds-run-sheet table caption").get_text() == "Run sheet, starting at 10:00"
    assert (built_site / f"franchise-kit/packs/{slug}/print/index.html").is_file()
    assert zipfile.is_zipfile(built_site / f"franchise-kit/packs/{slug}.zip")


def test_pack_page_shows_clock_times_points_events_and_variants(built_site: Path):
    page = article(built_site, "/franchise-kit/packs/introducing-the-standard/")
    rows = [
        [td.get_text() for td in tr.find_all("td")] for tr in page.select(".lgds-run-sheet table tbody tr")
    ]
    assert rows[0] == ["10:00 to 10:15", "Welcome and introductions", "15"]
    assert rows[-1] == ["12:40 to 12:55", "Next steps and close", "15"]
    links = {a.get_text(): a["href"] for a in page.find_all("a")}
    assert links["1. Understand user needs"] == "../../../standard/1-understand-user-needs/"
    assert links["Print the whole pack"] == "print/"
    assert links["Download the pack's files (zip)"] == "../introducing-the-standard.zip"
    text = re.sub(r"\s+([:,])", r"\1", " ".join(page.get_text(" ").split()))
    # no event on record used this pack: the early meetings' own material is not known
    assert "No peer group event has used this pack yet." in text
    variants = page.find("h2", id="variants").find_next_sibling("ul").find("li")
    assert re.sub(r"\s+", " ", variants.get_text()).startswith(
        "Midlands peer group: Introducing the Standard,"
    )
    variant = variants.find("a", string="Introducing the Standard")
    assert variant["href"] == "../../../peer-groups/midlands/packs/introducing-the-standard/"


def test_run_sheets_are_tables_the_theme_styles_with_a_caption_and_working_links(built_site: Path):
    """Material styles only tables without a class; the kit's class sits on a wrapper for its CSS."""
    for url in (
        "/franchise-kit/packs/introducing-the-standard/",
        "/peer-groups/midlands/packs/introducing-the-standard/",
    ):
        page = article(built_site, url)
        tables = page.select(".lgds-run-sheet > table, .lgds-side-by-side > table")
        assert tables and all(not table.get("class") and table.find("caption") for table in tables)
        anchors = [a["href"] for a in page.select(".lgds-run-sheet a")]
        assert anchors and all(page.find(id=href.removeprefix("#")) for href in anchors), anchors


def test_group_names_on_pack_pages_link_to_the_groups_pages(built_site: Path):
    variant = article(built_site, "/peer-groups/midlands/packs/introducing-the-standard/")
    intro = variant.find(string=re.compile("A variant made by")).parent
    assert intro.find("a", string="Midlands peer group")["href"] == "../../"

    kit_pack = article(built_site, "/franchise-kit/packs/introducing-the-standard/")
    variants = kit_pack.find("h2", id="variants").find_next_sibling("ul")
    assert variants.find("a", string="Midlands peer group")["href"] == "../../../peer-groups/midlands/"
    review = article(built_site, "/franchise-kit/packs/peer-review-a-service/")
    events = review.find("h2", id="events-planned-with-this-pack").find_next_sibling("ul")
    assert events.find("a", string="London peer group")["href"] == "../../../peer-groups/london/"

    kit = article(built_site, "/franchise-kit/")
    versions = kit.find("h2", id="groups-own-versions-of-packs").find_next_sibling("ul")
    assert versions.find("a", string="Midlands peer group")["href"] == "../peer-groups/midlands/"
    ran = kit.find(id="round-1").find_next_sibling("ul").find_next_sibling("ul")
    assert ran.find("a", string="South peer group")["href"] == "../peer-groups/south/"


def test_run_sheet_times_follow_an_events_start():
    site, _ = load_site(ROOT)
    rows = run_sheet_times(site.packs["introducing-the-standard"], time(9, 30))
    assert [(f"{a:%H:%M}", f"{b:%H:%M}") for a, b, _ in rows[:2]] == [("09:30", "09:45"), ("09:45", "10:05")]
    assert f"{rows[-1][1]:%H:%M}" == "12:25"


def test_kit_index_lists_packs_rounds_and_who_ran_them(built_site: Path):
    page = article(built_site, "/franchise-kit/")
    text = re.sub(r"\s+([:,])", r"\1", page.get_text(" "))
    assert "What the franchise is" in text  # the hand-written introduction
    for slug in KIT_PACKS:
        assert page.find("a", href=f"packs/{slug}/"), slug
    round_three = page.find(id="round-3")
    assert round_three.get_text(" ", strip=True).startswith("Round 3: Reviewing services together")
    section = []
    for sibling in round_three.find_next_siblings():
        if sibling.name == "h3":
            break
        section.append(sibling.get_text(" "))
    section_text = re.sub(r"\s+([:,])", r"\1", " ".join(" ".join(section).split()))
    assert "Example data" in section_text
    assert "Midlands peer group, Wednesday 3 March 2027: User research on a budget Example" in section_text


def test_points_of_the_standard_list_their_packs(built_site: Path):
    page = article(built_site, "/standard/1-understand-user-needs/")
    link = page.find("a", string="User research on a budget")
    assert link["href"] == "../../franchise-kit/packs/user-research-on-a-budget/"


def test_navigation_has_the_kit_but_never_a_pack(built_site: Path):
    nav = soup(built_site, "/").select_one("nav.md-nav--primary")
    hrefs = [a["href"] for a in nav.find_all("a", href=True)]
    assert "franchise-kit/" in hrefs
    assert "franchise-kit/guide/starting-a-group/" in hrefs
    assert not [h for h in hrefs if "/packs/" in h]


def test_print_page_is_the_whole_pack_with_a_sheet_per_handout(built_site: Path):
    html = read_page(built_site, "/franchise-kit/packs/peer-review-a-service/print/")
    page = BeautifulSoup(html, "html.parser")
    body = page.select_one(".lgds-print")
    assert body.find("h1").get_text(strip=True).startswith("Peer review a service") or body.find("h1")
    handouts = body.select("section.lgds-handout")
    assert len(handouts) == 3
    assert body.find(string="Facilitator notes")
    # Material hides the site navigation and the table of contents on screen for this page.
    assert page.select_one(".md-sidebar--primary")["hidden"] is not None
    assert page.select_one(".md-sidebar--secondary")["hidden"] is not None


def test_zip_holds_the_packs_source_files_in_order_with_fixed_times(built_site: Path):
    data = (built_site / "franchise-kit/packs/introducing-the-standard.zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert "introducing-the-standard/pack.yml" in names
        assert "introducing-the-standard/handouts/points-on-a-page.md" in names
        assert {info.date_time for info in archive.infolist()} == {(2026, 11, 23, 0, 0, 0)}
        original = (ROOT / "franchise-kit/packs/introducing-the-standard/notes.md").read_bytes()
        assert archive.read("introducing-the-standard/notes.md") == original


def test_variant_page_shows_lineage_run_sheets_side_by_side_and_a_diff(built_site: Path):
    page = article(built_site, "/peer-groups/midlands/packs/introducing-the-standard/")
    text = re.sub(r"\s+([:,])", r"\1", page.get_text(" "))
    assert "Example data" in text
    assert "Lineage: Introducing the Standard (the kit's pack) → this variant" in " ".join(text.split())
    changes = {
        tr.find_all("td")[3].get_text(): tr.find_all("td")[4].get_text()
        for tr in page.select(".lgds-side-by-side table tbody tr")
    }
    assert changes["Welcome and introductions (10 min)"] == "Minutes changed"
    assert changes["Two tiers, one service (15 min)"] == "Added"
    assert changes["Next steps and close (15 min)"] == "Same"
    inserted = [ins.get_text() for ins in page.select(".lgds-diff ins")]
    assert any("Why this version is different" in i for i in inserted)
    assert page.find(string="Activity: Two tiers, one service (new)")


def test_an_event_gets_its_groups_variant_when_there_is_one():
    site, _ = load_site(ROOT)
    packs = site.packs
    assert pack_for(packs, "introducing-the-standard", "midlands").key == "midlands/introducing-the-standard"
    assert pack_for(packs, "introducing-the-standard", "london").key == "introducing-the-standard"
    assert pack_for(packs, "no-such-pack", "london") is None
