"""What the accessibility statement says about testing, from the same settings the tests use.

``WCAG_RULE_TAGS`` is what ``tests/test_quality_accessibility.py`` asks axe-core to check, and the
statement's text is written from it, so the statement cannot claim more than the tests do.
"""

from __future__ import annotations

from collections.abc import Callable

from lgds.site import Site

WCAG_RULE_TAGS: dict[str, str] = {
    "wcag2a": "WCAG 2.0 level A",
    "wcag2aa": "WCAG 2.0 level AA",
    "wcag21a": "WCAG 2.1 level A",
    "wcag21aa": "WCAG 2.1 level AA",
    "wcag22aa": "WCAG 2.2 level AA",
}
"""axe-core's rule tags the browser tests run, with what each covers."""


def accessibility_testing(site: Site) -> str:
    """The 'How we test this website' section of the accessibility statement."""
    return "\n".join(
        [
            "## How we test this website",
            "",
            "The project's automated tests make these checks on every change to this website:",
            "",
            "- **Automated accessibility checks.** We load one page of every type (for example the home "
            "page, the Standard, a point of the Standard, the error reference and the franchise kit's "
            "guide) in the Chromium browser and check it with axe-core. We run axe-core's rules for "
            "the success criteria of WCAG 2.0, 2.1 and 2.2 at levels A and AA, and a page passes only "
            "with no failures.",
            "- **Keyboard checks.** In the same browser, on the same pages, we check that the first "
            "press of the Tab key reaches a visible 'Skip to content' link, that the link moves you to "
            "the main content, that every link, button and form field on the page can be reached with "
            "the Tab key, and that each one shows a visible outline when it has focus.",
            "- **Zoom.** On the same pages, in a window 320 pixels wide (what a 1280 pixel window shows "
            "when zoomed to 400%), nothing runs off the side of the page, so you never need to scroll "
            "sideways to read. Wide tables and code examples may scroll on their own.",
            "- **Links.** Every link from one page of this website to another, and to a section of a "
            "page, leads somewhere that exists.",
            "- **No other websites.** Loading a page makes no request to any other website: no fonts, "
            "scripts, images or tracking from elsewhere.",
            "",
            "Automated checks find only some kinds of accessibility problem. They cannot tell, for "
            "example, whether a heading describes what follows it or whether a page is easy to "
            "understand, so these checks do not replace testing with people who use assistive "
            "technology.",
        ]
    )


BLOCKS: dict[str, Callable[[Site], str]] = {"accessibility-testing": accessibility_testing}
