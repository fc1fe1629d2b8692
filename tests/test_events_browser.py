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
