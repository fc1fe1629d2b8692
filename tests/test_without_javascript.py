"""With JavaScript turned off, lists still show everything: filters and live updates are extras."""

from __future__ import annotations

import re

import pytest


@pytest.fixture
def no_js_page(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page, site_url
    context.close()


def test_the_council_list_shows_every_council_without_javascript(no_js_page):
    page, base = no_js_page
    page.goto(f"{base}/councils/")
    hrefs = page.locator("article a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    council_links = {h for h in hrefs if h and re.fullmatch(r"[a-z]{3,4}/", h)}
    assert len(council_links) >= 382  # every current council, each linking to its own page
    assert not page.locator("form.lgds-council-filters").is_visible()  # no controls that would do nothing


def test_the_events_page_lists_events_and_says_when_it_was_built(no_js_page):
    page, base = no_js_page
    page.goto(f"{base}/events/")
    text = page.locator("article").inner_text()
    assert "Upcoming events" in text and "Past events" in text
    assert "Correct as of 23 November 2026" in text
