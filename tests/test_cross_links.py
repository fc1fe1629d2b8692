"""Pages link to each other where a reader would look: councils, groups and events."""

from __future__ import annotations

from bs4 import BeautifulSoup

from .conftest import read_page

EVENT = "/peer-groups/london/events/2027-02-10-reviewing-a-service-together/"


def article(site, url: str) -> BeautifulSoup:
    return BeautifulSoup(read_page(site, url), "html.parser").select_one("article")


def test_an_event_links_to_its_host_councils_page(built_site):
    host = article(built_site, EVENT).find("a", string="London Borough of Camden")
    assert host is not None and host["href"] == "../../../../councils/cmd/"


def test_a_group_page_links_each_council_in_its_area(built_site):
    page = article(built_site, "/peer-groups/london/")
    rows = page.select(".lgds-councils table tbody tr")
    assert len(rows) == 33  # the 32 London boroughs and the City of London
    assert all(row.find("a")["href"].startswith("../../councils/") for row in rows)


def test_a_council_page_links_its_regions_peer_group(built_site):
    page = article(built_site, "/councils/cmd/")
    assert page.find("a", string="London peer group")["href"] == "../../peer-groups/london/"
