"""Every page type meets the WCAG A and AA rules axe-core checks, and works from the keyboard, both
on a desktop (1280 pixels wide) and on a phone (390 pixels wide), and reflows at 400% zoom.

Runs in Debian's headless Chromium over the built site served on 127.0.0.1. Page types are listed in
``tests/quality_support.py``; those still being built on other branches are skipped until they exist.
"""

from __future__ import annotations

import pytest

from .quality_support import (
    PHONE,
    VIEWPORT,
    at_width,
    axe_violations,
    describe_violations,
    page_types,
    require_built,
)

FOCUSABLE = (
    "a[href], area[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable]"
)

MARK_FOCUSABLE = """(selector) => {
    // Number every control a keyboard user should be able to reach, in document order.
    const shown = (el) => !el.closest('[hidden], [inert]')
        && el.checkVisibility({visibilityProperty: true});
    let n = 0;
    for (const el of document.querySelectorAll(selector)) {
        if (el.matches(':disabled') || el.tabIndex < 0 || !shown(el)) continue;
        el.dataset.lgdsFocus = String(n++);
    }
    return n;
}"""

RECORD_FOCUS = """() => {
    // Note each control that receives focus, and whether its focus indicator can be seen. Material's
    // focus-visible script marks the control on the 'focus' event, which comes before 'focusin'.
    window.lgdsFocused = [];
    document.addEventListener('focusin', (event) => {
        const el = event.target;
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        window.lgdsFocused.push({
            id: el.dataset.lgdsFocus ?? null,
            html: el.outerHTML.slice(0, 120),
            visible: outline || style.boxShadow !== 'none',
            outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        });
    });
}"""


WIDTHS = pytest.mark.parametrize("width", [VIEWPORT["width"], PHONE["width"]], ids=["desktop", "phone"])
"""Each check runs in a desktop window and in a phone's."""


@WIDTHS
@pytest.mark.parametrize("page_type", page_types())
def test_page_type_has_no_wcag_violations(page_type, width, built_site, tab):
    require_built(built_site, page_type)
    with at_width(tab, width):
        page = tab.visit(page_type.url)
        violations = axe_violations(page)
    assert not violations, (
        f"axe-core found WCAG A/AA violations on the {page_type.name} page {page_type.url} at {width}px:\n"
        + describe_violations(violations)
    )


@WIDTHS
@pytest.mark.parametrize("page_type", page_types())
def test_first_tab_reaches_a_visible_skip_link_to_the_main_content(page_type, width, built_site, tab):
    require_built(built_site, page_type)
    with at_width(tab, width):
        _skip_link_works(page_type, tab)


def _skip_link_works(page_type, tab):
    page = tab.visit(page_type.url)
    page.keyboard.press("Tab")
    skip = page.evaluate("() => [document.activeElement.textContent.trim(), document.activeElement.hash]")
    assert skip[0] == "Skip to content", f"the first Tab on {page_type.url} focused {skip[0]!r}"
    # It fades in when focused; it must end up fully shown, inside the window.
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'", timeout=2000)
    box = page.evaluate("() => document.activeElement.getBoundingClientRect().toJSON()")
    assert box["width"] > 0 and box["height"] > 0 and box["top"] >= 0 and box["left"] >= 0
    page.keyboard.press("Enter")
    target = page.evaluate("() => [document.activeElement.id, !!document.activeElement.closest('main')]")
    assert target == [skip[1].lstrip("#"), True], f"the skip link on {page_type.url} did not move focus"
    page.keyboard.press("Tab")
    onwards = page.evaluate(
        "(id) => !!(document.getElementById(id).compareDocumentPosition(document.activeElement)"
        " & Node.DOCUMENT_POSITION_FOLLOWING)",
        target[0],
    )
    assert onwards, f"after skipping, Tab on {page_type.url} went back before the main content"


@WIDTHS
@pytest.mark.parametrize("page_type", page_types())
def test_every_control_is_reachable_by_tab_and_shows_focus(page_type, width, built_site, tab):
    require_built(built_site, page_type)
    with at_width(tab, width):
        page = tab.visit(page_type.url)
        expected = page.evaluate(MARK_FOCUSABLE, FOCUSABLE)
        page.evaluate(RECORD_FOCUS)
        for _ in range(expected + 3):  # a full round, and a little more to pass the end of the page
            page.keyboard.press("Tab")
        focused = page.evaluate("() => window.lgdsFocused")
    reached = {f["id"] for f in focused if f["id"] is not None}
    unseen_focus = sorted({f"{f['html']} (outline: {f['outline']})" for f in focused if not f["visible"]})
    missed = sorted(set(map(str, range(expected))) - reached, key=int)
    html = [
        page.evaluate(f"() => document.querySelector('[data-lgds-focus=\"{n}\"]').outerHTML") for n in missed
    ]
    assert not missed, f"Tab never reached these controls on {page_type.url}:\n" + "\n".join(
        h[:160] for h in html
    )
    assert not unseen_focus, f"no visible focus on {page_type.url}:\n" + "\n".join(unseen_focus)


OVERFLOWING = """() => {
    // Visible elements that stick out past the right edge, unless inside their own scrolling box
    // (wide tables and code may scroll on their own; WCAG 1.4.10 allows that).
    const width = document.documentElement.clientWidth;
    const scrollsItself = (el) => {
        for (let p = el.parentElement; p; p = p.parentElement) {
            if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX)) return true;
        }
        return false;
    };
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
        if (!el.checkVisibility({visibilityProperty: true})) continue;
        const box = el.getBoundingClientRect();
        if (box.width && box.height && box.right > width + 1 && !scrollsItself(el)) {
            out.push(`${el.outerHTML.slice(0, 100)} (right edge at ${Math.round(box.right)}px)`);
        }
    }
    return {width, scrollWidth: document.documentElement.scrollWidth, out: out.slice(0, 10)};
}"""
REFLOW_VIEWPORT = {"width": 320, "height": 256}
"""WCAG 1.4.10: a 1280 px wide window zoomed to 400% is 320 CSS pixels wide."""


@pytest.mark.parametrize("page_type", page_types())
def test_page_type_reflows_at_400_percent_zoom(page_type, built_site, tab):
    require_built(built_site, page_type)
    with at_width(tab, REFLOW_VIEWPORT["width"], REFLOW_VIEWPORT["height"]):
        page = tab.visit(page_type.url)
        found = page.evaluate(OVERFLOWING)
    assert found["scrollWidth"] <= found["width"] and not found["out"], (
        f"the {page_type.name} page {page_type.url} needs sideways scrolling at 320 CSS pixels:\n"
        + "\n".join(found["out"])
    )


def test_the_accessibility_statement_says_what_is_tested(built_site):
    """The statement must describe these tests, no more: the rule set, the browser and the checks."""
    from bs4 import BeautifulSoup

    from lgds.sitewide.accessibility import WCAG_RULE_TAGS

    from .quality_support import AXE_OPTIONS

    assert AXE_OPTIONS["runOnly"]["values"] == list(WCAG_RULE_TAGS)
    assert set(WCAG_RULE_TAGS) == {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}
    html = (built_site / "accessibility" / "index.html").read_text(encoding="utf-8")
    text = " ".join(BeautifulSoup(html, "lxml").get_text().split())
    for claim in (
        "How we test this website",
        "axe-core",
        "Chromium",
        "WCAG 2.0, 2.1 and 2.2 at levels A and AA",
        "'Skip to content' link",
        "reached with the Tab key",
        "visible outline",
        "320 pixels wide",
        "390 pixels wide",
        "Content from contributors",
        "makes no request to any other website",
    ):
        assert claim in text, f"the accessibility statement no longer says {claim!r}"
