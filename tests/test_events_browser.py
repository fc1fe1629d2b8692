"""In the browser, events that have ended move to the past list without a rebuild."""

from __future__ import annotations

import datetime as dt
from pathlib import Path


def open_at(browser, site: Path, url: str, moment: dt.datetime):
    page = browser.new_page()
    page.clock.install(time=moment)
    page.goto((site / url.strip("/") / "index.html").as_uri())
    page.wait_for_load_state("load")
    return page


def titles(page, name):
    return page.eval_on_selector_all(
        f'[data-lgds-list="{name}"] li > a', "els => els.map(e => e.textContent)"
    )


def test_ended_events_move_to_past_and_next_event_moves_on(browser, built_site):
    after = dt.datetime(2027, 2, 10, 13, 30, tzinfo=dt.UTC)
    page = open_at(browser, built_site, "/peer-groups/london/", after)
    assert titles(page, "upcoming") == ["Know what you need before you buy"]
    assert titles(page, "past")[0] == "Reviewing a service together"
    assert page.inner_text("[data-lgds-next-body] a") == "Know what you need before you buy"
    assert "have been moved to the past events" in page.inner_text("[data-lgds-asof]")
    page.close()


def test_nothing_moves_before_the_end(browser, built_site):
    before = dt.datetime(2027, 2, 10, 12, 59, tzinfo=dt.UTC)
    page = open_at(browser, built_site, "/events/", before)
    assert titles(page, "upcoming")[0] == "Reviewing a service together"
    assert len(titles(page, "upcoming")) == 8
    page.close()


def test_event_page_says_it_has_taken_place(browser, built_site):
    after = dt.datetime(2027, 2, 11, tzinfo=dt.UTC)
    page = open_at(
        browser, built_site, "/peer-groups/london/events/2027-02-10-reviewing-a-service-together/", after
    )
    assert page.is_visible("text=This event has now taken place.")
    page.close()


def test_on_a_year_page_ended_events_join_the_end_of_the_past_list(browser, built_site):
    """A year's page lists its past events in date order, so an event that ends goes after them."""
    after = dt.datetime(2027, 3, 4, tzinfo=dt.UTC)
    page = open_at(browser, built_site, "/events/2027/", after)
    assert titles(page, "past") == [
        "Reviewing a service together",  # London, 10 February
        "Reviewing a service together",  # South West, 17 February (cancelled)
        "User research on a budget",  # Midlands, 3 March
    ]
    assert titles(page, "upcoming")[0] == "Co-designing a common process"
    assert page.is_hidden('[data-lgds-empty="past"]')
    page.close()


def test_a_list_cut_short_points_to_the_rest_once_all_it_shows_have_ended(browser, kit):
    """A group's page lists its soonest events only, so the script cannot bring later ones in: once
    those shown have ended, the list and the next-event box say where the later events are."""
    from lgds.groups.models import SOONEST_UPCOMING

    from .conftest import BUILD_DATE, ROOT
    from .test_perf_lists import GROUP_PAGE, future_events, load

    site, pages = load(kit(future_events(40)))
    london = [e for e in site.events if e.group == "london" and not e.is_past(site.today)]
    shown = london[:SOONEST_UPCOMING]
    assert len(london) > len(shown)
    page = browser.new_page()
    page.clock.install(time=BUILD_DATE)
    page.set_content(pages[GROUP_PAGE])  # the page's Markdown: its lists are HTML the script reads
    page.add_script_tag(path=str(ROOT / "lgds/assets/js/events.js"))

    def count(name: str) -> int:
        return page.locator(f'[data-lgds-list="{name}"] > li').count()

    assert count("upcoming") == SOONEST_UPCOMING and count("past") == 4  # London's four past events
    moment = shown[-1].ends_at + dt.timedelta(minutes=1)
    page.evaluate("at => window.lgdsEvents.update(document, Date.parse(at))", moment.isoformat())
    assert count("upcoming") == 0 and count("past") == SOONEST_UPCOMING + 4
    note = page.locator('[data-lgds-empty="upcoming"]')
    assert note.is_visible() and "see the upcoming events by year" in note.inner_text()
    assert page.inner_text("[data-lgds-next-body]") == note.inner_text()
    page.close()
