"""/peer-groups/ and each group's page, as a reader sees them."""

from __future__ import annotations

import re

import markdown
from bs4 import BeautifulSoup

from lgds.build import pages_for
from lgds.groups import pages as groups_builder
from lgds.load import load_site
from tests.conftest import BUILD_DATE, ROOT, read_page


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
        ask = page.find("a", string=f"Ask to start a peer group in {area}")
        assert ask["href"] == "../contribute/"
    assert "lgds new-group" not in text  # the command is in the facilitators' guide, not for readers
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
        "Peer review day",
        "One point at a time: agile ways of working",
        "The Standard, point by point",
        "First meeting of the London group",
    ]


def test_next_event_skips_cancelled_events(built_site):
    box = article(built_site, "/peer-groups/south-west/").find(attrs={"data-lgds-next": True})
    assert box.find("p").a.get_text() == "Walk the senior manager through"


def councils_table(page):
    heading = page.find("h2", id="councils-in-the-area")
    return heading.find_next("table")


def test_group_page_lists_councils_in_its_area_with_sign_up_status(built_site):
    page = article(built_site, "/peer-groups/london/")
    notice = page.find("h2", id="councils-in-the-area").find_next(class_="admonition")
    assert notice.find(class_="admonition-title").get_text(strip=True) == "Example data"
    intro = notice.find_next_sibling("p").get_text(" ", strip=True)
    assert re.fullmatch(
        r"\d+ of the 33 councils in the area have signed up to the Standard Example \.", intro
    )
    table = councils_table(page)
    assert [th.get_text() for th in table.thead.find_all("th")] == ["Council", "Sign-up status"]
    rows = {
        r.find_all("td")[0].get_text(): r.find_all("td")[1].get_text() for r in table.tbody.find_all("tr")
    }
    assert len(rows) == 33
    # the shipped sign-ups are made up, so every status in the table carries the mark
    assert rows["London Borough of Hammersmith & Fulham"] == "Not signed up Example"
    assert rows["London Borough of Bexley"] == "Signed up 20 April 2016 Example"


def test_the_councils_table_is_one_the_theme_styles_with_links_that_resolve(built_site):
    # Made as a Markdown table whose links are to the councils' page sources, so MkDocs checks each
    # link and rewrites it for the offline copy...
    site, problems = load_site(ROOT, today=BUILD_DATE.date())
    assert not problems.errors
    made = {o.path: o.content for o in groups_builder.build(site, pages_for(site))}
    markdown = made["peer-groups/london/index.md"]
    assert "<table" not in markdown
    assert "| Council | Sign-up status |" in markdown
    assert "| [London Borough of Camden](../../councils/cmd.md) |" in markdown
    # ...which Python-Markdown writes as a table with no class: Material styles only `table:not([class])`.
    table = councils_table(article(built_site, "/peer-groups/london/"))
    assert table.attrs == {}
    links = [row.find("a")["href"] for row in table.tbody.find_all("tr")]
    assert len(links) == 33
    for href in links:
        assert re.fullmatch(r"\.\./\.\./councils/[a-z0-9]+/", href), href
        assert (built_site / "peer-groups/london" / href / "index.html").resolve().is_file(), href


def test_a_council_name_with_markdown_in_it_stays_in_its_cell(kit):
    register = (ROOT / "data/councils.csv").read_text(encoding="utf-8")
    name = "Camden | *Zqx* [not a link](javascript:x)"
    register = register.replace("CMD,London Borough of Camden,", f'CMD,"{name}",', 1)
    site, problems = load_site(kit({"data/councils.csv": register}), today=BUILD_DATE.date())
    assert not problems.errors, [p.format() for p in problems.errors]
    made = {o.path: o.content for o in groups_builder.build(site, pages_for(site))}
    html = markdown.markdown(
        made["peer-groups/london/index.md"], extensions=["tables", "md_in_html", "attr_list"]
    )
    row = next(r for r in BeautifulSoup(html, "html.parser").find_all("tr") if "Zqx" in r.get_text())
    cells = row.find_all("td")
    assert [c.get_text() for c in cells] == [name, "Not signed up Example"]
    assert cells[0].find("a")["href"] == "../../councils/cmd.md"
