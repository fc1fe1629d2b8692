"""The filters on /reviews/ in the browser, and the list without JavaScript."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def reviews_url(built_site: Path) -> str:
    return (built_site / "reviews" / "index.html").as_uri()


@pytest.fixture
def page(browser, reviews_url):
    context = browser.new_context()
    opened = context.new_page()
    opened.goto(reviews_url)
    yield opened
    context.close()


def shown(page) -> list[dict[str, str]]:
    return page.locator(".lgds-reviews tbody tr:not([hidden])").evaluate_all(
        "rows => rows.map(r => ({...r.dataset, text: r.cells[0].textContent}))"
    )


def test_the_filters_narrow_the_list_by_phase_area_point_and_result(page):
    everything = shown(page)
    form = page.locator("form.lgds-review-filters")
    assert form.is_visible() and len(everything) == 16
    assert form.locator(".lgds-filter-count").inner_text() == "Showing 16 of 16 reviews."
    page.select_option("#lgds-review-phase", "live")
    assert {r["phase"] for r in shown(page)} == {"live"} and len(shown(page)) == 4
    page.select_option("#lgds-review-phase", "")
    page.select_option("#lgds-review-point", "9")
    page.select_option("#lgds-review-result", "not-met")
    offline = shown(page)
    assert len(offline) == 7 and all("9" in r["notMet"].split() for r in offline)
    page.select_option("#lgds-review-result", "")  # a point alone: the reviews that assessed it
    assert len(shown(page)) == 10
    page.select_option("#lgds-review-point", "")
    page.select_option("#lgds-review-result", "met")  # no point: the overall result
    assert {r["result"] for r in shown(page)} == {"met"} and len(shown(page)) == 2
    page.select_option("#lgds-review-result", "")
    page.select_option("#lgds-review-area", "Yorkshire and The Humber")
    assert len(shown(page)) == 3
    page.fill("#lgds-review-text", "live")
    assert shown(page) == []  # the text is looked for in the service, council and date
    page.fill("#lgds-review-text", "school")
    assert len(shown(page)) == 3
    assert form.locator(".lgds-filter-count").inner_text() == "Showing 3 of 16 reviews."


def test_without_javascript_every_review_shows_and_no_filter_does(browser, reviews_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(reviews_url)
    assert page.locator(".lgds-reviews tbody tr").count() == 16
    assert page.locator(".lgds-reviews tbody tr:visible").count() == 16
    assert not page.locator("form.lgds-review-filters").is_visible()
    context.close()
