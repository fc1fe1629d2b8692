"""Tables the kit writes look like every other table on the site, on a desktop and on a phone.

Material styles the tables that Markdown makes (borders, padding, type size) and lets a wide one
scroll on its own on a narrow screen. A table the kit writes itself must get the same treatment: the
"Councils in the area" table on group pages once had no borders or padding at all.
"""

from __future__ import annotations

import pytest

from .quality_support import output_file

pytest_plugins = ["tests.quality_support"]

STYLE = """(heading) => {
  const title = document.getElementById(heading);
  if (!title) return null;
  const table = [...document.querySelectorAll('article table')].find(
    t => title.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING);
  if (!table) return null;
  const cell = table.querySelector('tbody td, tbody th');
  const head = table.querySelector('thead th');
  const pick = (el, names) => Object.fromEntries(names.map(n => [n, getComputedStyle(el)[n]]));
  return {
    table: pick(table, ['borderTopWidth', 'borderTopStyle', 'borderRadius', 'fontSize']),
    cell: pick(cell, ['paddingTop', 'paddingLeft', 'borderTopWidth', 'borderTopStyle']),
    head: pick(head, ['fontWeight', 'paddingLeft']),
    scrolls: !!table.closest('.md-typeset__scrollwrap'),
  };
}"""

REFERENCE = ("/councils/coverage/", "by-nation")
"""A table written in Markdown, styled by the theme: the model every other table follows."""

KIT_TABLES = [
    ("/peer-groups/london/", "councils-in-the-area"),
    ("/franchise-kit/packs/introducing-the-standard/", "run-sheet"),
]
"""Each page with a table the kit writes, and the id of the heading the table follows."""


def table_style(tab, url: str, heading: str) -> dict:
    page = tab.visit(url)
    found = page.evaluate(STYLE, heading)
    assert found is not None, f"no table after the heading #{heading} on {url}"
    return found


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize(("url", "heading"), KIT_TABLES)
def test_the_kits_tables_look_like_the_themes(url, heading, width, built_site, tab):
    assert output_file(built_site, url).is_file()
    tab.page.set_viewport_size({"width": width, "height": 800})
    try:
        expected = table_style(tab, *REFERENCE)
        found = table_style(tab, url, heading)
        assert found == expected
        assert found["cell"]["paddingLeft"] != "0px"
        assert found["table"]["borderTopStyle"] != "none" or found["cell"]["borderTopStyle"] != "none"
        if width == 390:
            overflow = tab.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{url} scrolls sideways by {overflow}px on a phone"
    finally:
        tab.page.set_viewport_size({"width": 1280, "height": 800})
