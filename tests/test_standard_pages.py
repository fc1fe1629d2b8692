"""The Standard as a reader sees it: an index of 15 points, and a page per point with its sections."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from lgds.standard.models import PHASES, SECTIONS

from .conftest import read_page

POINT_URLS = {
    1: "/standard/1-understand-user-needs/",
    7: "/standard/7-use-open-standards/",
    15: "/standard/15-test-with-senior-manager/",
}


def soup(site, url: str) -> BeautifulSoup:
    return BeautifulSoup(read_page(site, url), "html.parser")


def test_index_lists_all_fifteen_points_in_order_with_summaries(built_site):
    page = soup(built_site, "/standard/")
    items = page.select("article ol > li")
    assert len(items) == 15
    numbers_in_links = [
        re.match(r"\.\./standard/(\d+)-|(\d+)-", a["href"]) for a in page.select("article ol > li > a")
    ]
    assert all(numbers_in_links)
    assert "Understand user needs" in items[0].get_text()
    assert ":" in items[0].get_text()  # title: summary
    assert "Open Government Licence v3.0" in page.get_text()


@pytest.mark.parametrize("number,url", sorted(POINT_URLS.items()))
def test_point_page_has_every_section(built_site, number, url):
    page = soup(built_site, url)
    h1 = page.find("h1")
    assert h1.get_text(strip=True).startswith(f"Point {number}:")
    headings = {h.get_text(strip=True).rstrip("¶") for h in page.select("h2, h3")}
    for section in (*SECTIONS, *PHASES, "Related points"):
        assert section in headings, f"{url} lacks {section}"


def test_every_point_has_a_page_with_previous_and_next_links(built_site):
    for number in range(1, 16):
        pages = list(built_site.glob(f"standard/{number}-*/index.html"))
        assert len(pages) == 1, number
        pager = BeautifulSoup(pages[0].read_text(), "html.parser").select_one("nav.lgds-pager")
        texts = [a.get_text() for a in pager.find_all("a")]
        if number > 1:
            assert any(f"Point {number - 1}:" in t for t in texts)
        if number < 15:
            assert any(f"Point {number + 1}:" in t for t in texts)


def test_points_are_in_the_sidebar_but_generated_pages_are_not(built_site):
    nav = soup(built_site, "/standard/").select_one("nav.md-nav--primary")
    links = [a.get("href", "") for a in nav.find_all("a")]
    assert sum("-understand-user-needs/" in h or "1-understand-user-needs" in h for h in links) >= 1
    assert not any("/councils/" in h and h.rstrip("/").count("/") > 2 for h in links)
    assert not any("/events/" in h and re.search(r"\d{4}-\d{2}-\d{2}", h) for h in links)


def test_every_page_has_an_edit_link_to_the_file_behind_it(built_site):
    point = soup(built_site, POINT_URLS[1])
    edit = point.select_one('a[title="Edit this page"]')
    assert edit["href"].endswith("/edit/main/standard/1-understand-user-needs.md")
    about = soup(built_site, "/about/").select_one('a[title="Edit this page"]')
    assert about["href"].endswith("/edit/main/docs/about.md")


def test_home_page_offers_a_way_in_for_each_kind_of_user(built_site):
    home = soup(built_site, "/")
    text = home.get_text(" ")
    assert "15 points" in text
    hrefs = [a["href"] for a in home.select("article a")]
    assert any(h.startswith("standard/") for h in hrefs)
    assert any(h.startswith("peer-groups/") for h in hrefs)
    assert any(h.startswith("franchise-kit/") for h in hrefs)
    assert "<!-- lgds:" not in read_page(built_site, "/")


def test_pages_load_nothing_from_other_hosts(built_site):
    for html_file in built_site.rglob("*.html"):
        page = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in page.find_all(tag):
                value = element.get(attr) or ""
                assert not re.match(r"^(https?:)?//", value), f"{html_file}: {tag} {value}"
