"""Way-finding on every page: the sections menu, breadcrumbs, the section highlighted, one pair of
previous and next links, and a page-not-found page that helps (issue 13).

The generated pages (councils, groups, events, packs) are kept out of the sidebar, so the theme alone
would give them no section and no breadcrumbs; ``hooks/lgds_nav.py`` places each in its section.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

SECTIONS = ["Home", "The Standard", "Councils", "Peer groups", "Franchise kit", "About"]
"""The menu under the header, in order."""

SECTION_OF = {
    "standard": "The Standard",
    "councils": "Councils",
    "sign-up": "Councils",
    "data": "Councils",
    "peer-groups": "Peer groups",
    "events": "Peer groups",
    "reviews": "Peer groups",
    "network": "Peer groups",
    "franchise-kit": "Franchise kit",
    "about": "About",
    "contribute": "About",
    "accessibility": "About",
    "reference": "About",
}
"""Each page's section, by the first folder of its address."""


def pages(site: Path) -> list[tuple[str, Path]]:
    """Every page of the site but the home page and the page-not-found page, by address."""
    found = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        if rel not in (".", "search") and not rel.startswith("assets"):
            found.append((rel + "/", path))
    return found


def parse(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


@pytest.fixture(scope="module")
def every_page(built_site: Path) -> list[tuple[str, BeautifulSoup]]:
    return [(url, parse(path)) for url, path in pages(built_site)]


def test_the_site_has_its_generated_pages(every_page):
    assert len(every_page) > 400, "the councils, groups, events and packs should all be here"


def test_every_page_has_the_sections_menu_with_its_own_section_marked(every_page):
    wrong = []
    for url, page in every_page:
        menu = [a.get_text(" ", strip=True) for a in page.select("nav.md-tabs a.md-tabs__link")]
        assert menu == SECTIONS, url
        active = [li.get_text(" ", strip=True) for li in page.select(".md-tabs__item--active")]
        if active != [SECTION_OF[url.split("/")[0]]]:
            wrong.append(f"{url}: {active}")
    assert not wrong, "pages whose section is not the one marked in the menu:\n" + "\n".join(wrong[:20])


def test_every_page_below_the_home_page_has_breadcrumbs_from_home_to_its_section(every_page):
    wrong = []
    for url, page in every_page:
        crumbs = page.select("nav.md-path a")
        texts = [a.get_text(" ", strip=True) for a in crumbs]
        section = SECTION_OF[url.split("/")[0]]
        first_of_section = url in {"standard/", "councils/", "peer-groups/", "franchise-kit/", "about/"}
        expected_start = ["Home"] if first_of_section else ["Home", section]
        if texts[: len(expected_start)] != expected_start:
            wrong.append(f"{url}: {texts}")
        if any(a["href"] in ("./", "") for a in crumbs):
            wrong.append(f"{url}: links to itself")
    assert not wrong, "pages with wrong breadcrumbs:\n" + "\n".join(wrong[:20])


def test_breadcrumbs_pass_through_the_pages_above(built_site):
    event = parse(built_site / "peer-groups/london/events/2027-02-10-reviewing-a-service-together/index.html")
    assert [a.get_text(strip=True) for a in event.select("nav.md-path a")] == [
        "Home",
        "Peer groups",
        "London peer group",
    ]
    year = parse(built_site / "events/2016/index.html")
    assert [a.get_text(strip=True) for a in year.select("nav.md-path a")] == ["Home", "Peer groups", "Events"]
    assert parse(built_site / "index.html").select_one("nav.md-path") is None


def test_generated_pages_mark_their_section_in_the_sidebar_but_are_not_listed(built_site):
    for url, section in (
        ("councils/cmd/", "Councils"),
        ("franchise-kit/packs/introducing-the-standard/", "Franchise kit"),
    ):
        nav = parse(built_site / url / "index.html").select_one("nav.md-nav--primary")
        active = nav.select_one("li.md-nav__item--active")
        assert active is not None and active.find(string=re.compile(section)), url
        assert not [a for a in nav.select("a") if a.get("href") in ("./", "")], url


def test_a_point_has_one_pair_of_previous_and_next_links(built_site):
    for path in sorted(built_site.glob("standard/*-*/index.html")):
        page = parse(path)
        assert len(page.select("nav.lgds-pager")) == 1, path
        assert not page.select(".md-footer__link"), f"{path} has a second pair in the footer"


def test_previous_and_next_stay_inside_a_section(built_site):
    last_point = parse(next(built_site.glob("standard/15-*/index.html")))
    assert not last_point.select(".md-footer__link--next")
    guide = parse(built_site / "franchise-kit/guide/planning-an-event/index.html")
    assert guide.select_one(".md-footer__link--prev")["href"].endswith("starting-a-group/")
    assert guide.select_one(".md-footer__link--next")["href"].endswith("running-the-day/")
    about = parse(built_site / "about/index.html")
    assert not about.select(".md-footer__link--prev"), "the first page of About goes back to no other section"


def test_the_page_not_found_page_helps(built_site):
    page = parse(built_site / "404.html")
    assert page.title.get_text(strip=True).startswith("Page not found")
    assert page.find("h1").get_text(strip=True) == "Page not found"
    form = page.select_one("form[role=search]")
    assert form is not None and form.select_one("input[name=q]") is not None
    assert form.find("label").get_text(strip=True) == "Search this site"
    article = page.select_one("article")
    listed = [a.get_text(strip=True) for a in article.select("#sections + ul a")]
    assert listed == SECTIONS
    report = article.find("a", string=re.compile("Report the broken link"))
    assert report is not None and report["href"].endswith("/issues/new?title=Broken%20link")
