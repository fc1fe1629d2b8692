"""Event pages and /events/: what a reader sees, built as of 23 November 2026."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tests.conftest import ROOT, read_page

LONDON_FEB = "/peer-groups/london/events/2027-02-10-reviewing-a-service-together/"


def soup(site, url):
    return BeautifulSoup(read_page(site, url), "html.parser")


def article(site, url):
    return soup(site, url).find("article")


def test_event_page_has_everything_needed_to_attend(built_site):
    page = article(built_site, LONDON_FEB)
    assert page.h1.get_text(strip=True) == "Reviewing a service together"
    text = page.get_text(" ", strip=True)
    assert "Wednesday 10 February 2027 , 10:00 to 13:00 UK time (GMT, UTC+0)" in text
    assert "Civic Centre, committee room 3, 1 Example Street, London, NW1 9ZZ" in text
    assert "London Borough of Camden" in text
    assert "Step-free entrance on Example Street" in text
    assert page.find("a", string="Book a place")["href"] == "https://example.org/book/london-2027-02-10"
    calendar = page.find("a", string="Add this event to your calendar")
    assert calendar["href"].endswith("2027-02-10-reviewing-a-service-together.ics")
    times = [t["datetime"] for t in page.find_all("time")]
    assert times == ["2027-02-10", "2027-02-10T10:00:00+00:00", "2027-02-10T13:00:00+00:00"]
    assert [h.get_text(strip=True).rstrip("¶") for h in page.find_all("h1")] == [
        "Reviewing a service together"
    ]


def test_example_events_show_one_generated_notice(built_site):
    page = article(built_site, LONDON_FEB)
    titles = [t.get_text(strip=True) for t in page.select(".admonition-title")]
    assert titles == ["Example data"]


def test_history_notes_stay_and_approximate_dates_show_the_month(built_site):
    page = article(built_site, "/peer-groups/london/events/2016-11-01-the-standard-point-by-point/")
    text = page.get_text(" ", strip=True)
    assert "November 2016 (the exact day was not recorded)" in text
    assert "Getting there" not in text  # a record of the past gives no directions
    assert "A record from the group's history" in text
    assert "Example data" not in text
    assert page.find("a", string="Add this event to your calendar") is None


def test_cancelled_event_says_so_and_offers_no_booking(built_site):
    page = article(built_site, "/peer-groups/south-west/events/2027-02-17-reviewing-a-service-together/")
    titles = [t.get_text(strip=True) for t in page.select(".admonition-title")]
    assert titles == ["Example data", "This event is cancelled"]
    assert page.find("a", string="Book a place") is None
    assert "Booking is closed because the event is cancelled." in page.get_text(" ", strip=True)


def test_event_page_says_when_it_has_passed_only_with_javascript(built_site):
    page = article(built_site, LONDON_FEB)
    note = page.find(attrs={"data-lgds-show-after": True})
    assert note.has_attr("hidden")
    assert note["data-lgds-show-after"] == "2027-02-10T13:00:00+00:00"


def test_events_index_splits_upcoming_and_past_against_the_build_date(built_site):
    page = article(built_site, "/events/")
    upcoming = page.find(attrs={"data-lgds-list": "upcoming"}).find_all("li")
    past = page.find(attrs={"data-lgds-list": "past"}).find_all("li")
    assert len(upcoming) == 8 and len(past) == 10
    assert upcoming[0].a.get_text() == "Reviewing a service together"
    assert upcoming[0]["data-lgds-end"] == "2027-02-10T13:00:00+00:00"
    assert all(li.has_attr("data-lgds-end") for li in upcoming)
    assert "Cancelled" in upcoming[1].get_text() and "Example" in upcoming[1].get_text()
    assert past[0].a.get_text() == "Peer review day" and "10 June 2026" in past[0].get_text()  # newest first
    assert "Correct as of 23 November 2026" in page.get_text(" ", strip=True)


def test_events_pages_are_not_in_the_navigation(built_site):
    nav = soup(built_site, "/events/").find("nav", class_="md-nav--primary")
    labels = [a.get_text(" ", strip=True) for a in nav.find_all("a")]
    assert "Peer groups" in labels and "Events" in labels
    hrefs = [a["href"] for a in nav.find_all("a")]
    assert not [h for h in hrefs if "/events/20" in h]


def test_standard_points_link_to_events_that_covered_them(built_site):
    page = article(built_site, "/standard/1-understand-user-needs/")
    section = page.find(id="events-that-covered-this-point").find_next("ul")
    links = [a["href"] for a in section.find_all("a")]
    assert "../../peer-groups/london/events/2016-11-01-the-standard-point-by-point/" in links


def test_home_page_lists_the_next_events(built_site):
    page = article(built_site, "/")
    items = page.find(attrs={"data-lgds-list": "upcoming"}).find_all("li")
    assert [li.a.get_text() for li in items] == [
        "Reviewing a service together",
        "User research on a budget",
        "Co-designing a common process",
    ]


def test_the_scripts_are_bundled(built_site):
    js = (built_site / "assets/lgds.js").read_text()
    assert "data-lgds-list" in js and re.search(r"data-lgds-end", js)


def test_example_notices_follow_the_setting(kit):
    from datetime import date

    from lgds.build import pages_for
    from lgds.groups import events as events_builder
    from lgds.load import load_site

    settings = (ROOT / "site.yml").read_text().replace("example_notice: true", "example_notice: false")
    site, problems = load_site(kit({"site.yml": settings}), today=date(2026, 11, 23))
    assert not problems.errors and site.settings.example_notice is False
    pages = {o.path: o.content for o in events_builder.build(site, pages_for(site))}
    assert "Example data" not in pages["peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"]
    assert "lgds-tag--example" not in pages["events/index.md"]


def test_a_host_abolished_since_is_named_with_its_last_day_and_not_linked(kit):
    from lgds.build import pages_for
    from lgds.groups import events as events_builder
    from lgds.load import load_site

    path = "peer-groups/south-west/events/2018-06-14-dorset-history.md"
    text = (
        '---\ntitle: Dorset history\ndate: 2018-06-14\nstart: "10:00"\nend: "12:00"\nhost: DOR\n'
        "venue:\n  name: County Hall\nstatus: confirmed\n---\n"
    )
    site, problems = load_site(kit({path: text}))
    assert not problems.errors, [p.format() for p in problems.errors]
    pages = {o.path: o.content for o in events_builder.build(site, pages_for(site))}
    assert "Host\n:   Dorset County Council (until 31 March 2019)" in pages[path]
    assert "councils/dor.md" not in pages[path]  # the register has no page for it
