"""/peer-groups/ and each group's page, as a reader sees them."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import read_page


def article(site, url):
    return BeautifulSoup(read_page(site, url), "html.parser").find("article")


def test_list_has_the_intro_every_group_and_every_area_without_one(built_site):
    page = article(built_site, "/peer-groups/")
    text = page.get_text(" ", strip=True)
    assert "collaborative franchise" in text  # the hand-written introduction
    groups = [h.get_text(strip=True).rstrip("¶") for h in page.find_all("h3")]
    for name in ("London peer group", "Midlands peer group", "South peer group", "South West peer group"):
        assert name in groups
    missing = ["North East", "North West", "East of England", "Scotland", "Wales", "Northern Ireland"]
    for area in missing:
        assert area in groups
        link = page.find("a", string=f"How to start a peer group in {area}")
        assert link["href"] == "../franchise-kit/guide/starting-a-group/"
        assert f'lgds new-group "{area} peer group" --region "{area}"' in text
    assert "London" not in groups and "Yorkshire and The Humber" not in groups


def test_group_page_puts_the_next_event_first(built_site):
    page = article(built_site, "/peer-groups/london/")
    headings = [h.get_text(strip=True).rstrip("¶") for h in page.find_all("h2")]
    assert headings[0] == "Next event"
    assert headings.index("Who runs it") < headings.index("Upcoming events") < headings.index("Past events")
    box = page.find(attrs={"data-lgds-next": True})
    assert box.find("p").a.get_text() == "Reviewing a service together"
    past = page.find(attrs={"data-lgds-list": "past"})
    assert [a.get_text() for a in past.find_all("a")] == [
        "One point at a time",
        "Getting to know the Standard",
    ]


def test_next_event_skips_cancelled_events(built_site):
    box = article(built_site, "/peer-groups/south-west/").find(attrs={"data-lgds-next": True})
    assert box.find("p").a.get_text() == "Walk the senior manager through"


def test_group_page_lists_councils_in_its_area_with_sign_up_status(built_site):
    page = article(built_site, "/peer-groups/london/")
    table = page.find("table", class_="lgds-councils")
    assert table.caption.get_text().startswith("Councils in the area covered by the London peer group")
    rows = {r.th.get_text(): r.td.get_text() for r in table.tbody.find_all("tr")}
    assert len(rows) == 33
    assert rows["London Borough of Camden"] in ("Not signed up",) or rows[
        "London Borough of Camden"
    ].startswith("Signed up")


def test_forming_group_says_so(built_site):
    page = article(built_site, "/peer-groups/yorkshire-and-humber/")
    assert "This group is being set up." in page.get_text(" ", strip=True)
    assert "Forming" in page.get_text(" ", strip=True)
