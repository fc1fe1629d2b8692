"""What the accessibility statement says about testing, from the same settings the tests use.

``WCAG_RULE_TAGS`` is what ``tests/test_quality_accessibility.py`` asks axe-core to check, and the
statement's section on testing (``sitewide/accessibility-testing.md``) is given it, so the statement
cannot claim more than the tests do.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lgds.core.render import Pages
from lgds.site import Site

WCAG_RULE_TAGS: dict[str, str] = {
    "wcag2a": "WCAG 2.0 level A",
    "wcag2aa": "WCAG 2.0 level AA",
    "wcag21a": "WCAG 2.1 level A",
    "wcag21aa": "WCAG 2.1 level AA",
    "wcag22aa": "WCAG 2.2 level AA",
}
"""axe-core's rule tags the browser tests run, with what each covers."""


_COVERS = re.compile(r"WCAG (?P<version>\d+\.\d+) level (?P<level>A+)")


def _sorted_once(items: list[str]) -> list[str]:
    return sorted(set(items), key=lambda item: (len(item), item))


def accessibility_testing(site: Site, pages: Pages, here: str) -> str:
    """The 'How we test this website' section of the accessibility statement."""
    covered = [_COVERS.fullmatch(what) for what in WCAG_RULE_TAGS.values()]
    return pages.render(
        "sitewide/accessibility-testing.md",
        here,
        versions=_sorted_once([m.group("version") for m in covered if m]),
        levels=_sorted_once([m.group("level") for m in covered if m]),
    )


BLOCKS: dict[str, Callable[[Site, Pages, str], str]] = {"accessibility-testing": accessibility_testing}
