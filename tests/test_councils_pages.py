"""The council pages, coverage, home headline and open data, as a reader and a re-user see them."""

from __future__ import annotations

import csv
import io
import json

from bs4 import BeautifulSoup

from lgds.load import load_site

from .conftest import ROOT, read_page


def _soup(site, url):
    return BeautifulSoup(read_page(site, url), "html.parser")


def _signed(site_root=ROOT):
    site, _ = load_site(site_root)
    return site


def test_councils_list_grouped_with_filters_and_notice(built_site):
    soup = _soup(built_site, "/councils/")
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in soup.select("h2, h3")]
    for name in ("England", "North East", "London", "South West", "Scotland", "Wales", "Northern Ireland"):
        assert name in headings
    rows = soup.select(".lgds-council-group tbody tr")
    assert len(rows) == 382
    form = soup.select_one("form.lgds-council-filters")
    assert form.has_attr("hidden")  # shown by the script only
    for control in form.select("input, select"):
        assert form.select_one(f'label[for="{control["id"]}"]'), control["id"]
    assert {s["name"] for s in form.select("select")} == {"nation", "region", "type", "status"}
    assert "Example data" in soup.get_text()
    assert "Former councils" in soup.get_text()


def test_every_current_council_has_a_page(built_site):
    site = _signed()
    for council in site.current_councils:
        assert (built_site / "councils" / council.code.lower() / "index.html").is_file(), council.code


def test_signed_council_page(built_site):
    site = _signed()
    signup = next(s for s in site.signups.values() if site.councils[s.council].current)
    council = site.councils[signup.council]
    soup = _soup(built_site, f"/councils/{council.code.lower()}/")
    body = soup.get_text(" ")
    assert soup.h1.get_text(strip=True).startswith(council.official_name)
    assert f"{signup.signed.day} {signup.signed:%B %Y}" in body
    assert "Example data" in body
    edit = soup.select_one('a[title="Edit this page"]')
    assert edit["href"].endswith(f"/edit/main/data/signups/{council.code.lower()}.yml")


def test_unsigned_council_page_says_how_to_sign_up(built_site):
    site = _signed()
    signed = {s.council for s in site.signups.values()}
    council = next(c for c in site.current_councils if c.code not in signed and c.region == "London")
    soup = _soup(built_site, f"/councils/{council.code.lower()}/")
    body = soup.get_text(" ")
    assert "has not signed up" in body and "How to sign up" in body
    assert "London peer group" in body
    edit = soup.select_one('a[title="Edit this page"]')
    assert "/new/main/data/signups?filename=" in edit["href"]
    assert f"council%3A%20{council.code}" in edit["href"]
    assert soup.select_one('a[href="../../peer-groups/"]')


def test_successor_page_shows_the_former_councils_sign_up(built_site):
    body = _soup(built_site, "/councils/cbd/").get_text(" ")
    assert "Allerdale Borough Council signed up on" in body


def test_coverage_page(built_site):
    soup = _soup(built_site, "/councils/coverage/")
    text = soup.get_text(" ")
    site = _signed()
    signed = sum(1 for s in site.signups.values() if site.councils[s.council].current)
    assert f"{signed} of 382 councils" in text
    the_map = soup.select_one(".lgds-map")
    assert the_map["aria-label"].startswith("Map of the UK's 382 councils")
    assert len(the_map.select("a.lgds-hex.lgds-yes")) == signed
    assert len(the_map.select("a.lgds-hex")) == 382  # counties too
    assert soup.select_one(".lgds-chart svg title")
    assert "The map's data as a table" in text and "Sign-ups by year." in text
    assert "white dot" in text  # a second cue besides colour
    for heading in ("By nation", "By English region", "By type of council"):
        assert heading in text


def test_home_headline(built_site):
    text = _soup(built_site, "/").get_text(" ")
    site = _signed()
    signed = sum(1 for s in site.signups.values() if site.councils[s.council].current)
    assert f"{signed} of 382 councils have signed up" in text


def test_nav_lists_section_pages_only(built_site):
    soup = _soup(built_site, "/")
    nav_links = [a["href"] for a in soup.select("nav.md-nav--primary a")]
    assert any(h.rstrip("/").endswith("councils") for h in nav_links)
    assert any(h.rstrip("/").endswith("data") for h in nav_links)
    assert any(h.rstrip("/").endswith("coverage") for h in nav_links)  # a page of the Councils section
    assert not any("councils/cmd" in h for h in nav_links)  # one page per council would swamp it


def test_open_data_files_match_the_data(built_site):
    site = _signed()
    assert (built_site / "data/councils.csv").read_text(encoding="utf-8") == (
        ROOT / "data/councils.csv"
    ).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO((built_site / "data/signups.csv").read_text(encoding="utf-8"))))
    data = json.loads((built_site / "data/signups.json").read_text(encoding="utf-8"))
    assert len(rows) == len(data["signups"]) == len(site.signups)
    assert {r["council"]: r["signed"] for r in rows} == {
        s.council: s.signed.isoformat() for s in site.signups.values()
    }
    allerdale = next(r for r in data["signups"] if r["council"] == "ALL")
    assert allerdale["current"] is False and allerdale["now_part_of"] == ["CBD"]
    assert data["licence"] == "Open Government Licence v3.0"
    page = _soup(built_site, "/data/").get_text(" ")
    assert "CC BY 4.0" in page and "mySociety" in page and "Open Government Licence" in page


def test_example_notice_can_be_turned_off(kit, tmp_path):
    from .conftest import mkdocs_build

    root = kit({"site.yml": "example_notice: false\n"})
    out = tmp_path / "out"
    result = mkdocs_build(root, out)
    assert result.returncode == 0, result.stderr
    assert "Example data" not in read_page(out, "/councils/")
    assert "Example data" not in read_page(out, "/councils/coverage/")
