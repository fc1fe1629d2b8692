"""MkDocs hooks for way-finding: every page belongs to a section, has breadcrumbs and at most one
previous/next pair.

About 400 generated pages (councils, groups, events, packs) stay out of the sidebar, so MkDocs gives
them no place in the navigation: no section is highlighted and no breadcrumb can be made. Here each
such page joins the section whose pages' addresses its own address starts with (``councils/cmd/`` joins
the section of ``councils/``), the longest match winning. ``overrides/partials/path.html`` shows the
breadcrumbs: the home page, the page's section, then each page whose address is a folder above this
page's (a group above its events).

Previous and next links stay inside the page's section, and a page that has its own (a point of the
Standard links the points before and after it) gets no second pair from the theme's footer.
"""

from __future__ import annotations

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

PAGER = 'class="lgds-pager"'
"""A page template's own previous/next links (a point's), which replace the theme's in the footer."""

_pages: dict[str, Page] = {}
"""This build's pages by their URL, for the breadcrumbs; refilled by each build's ``on_nav``."""


def _section(page: Page) -> Section | None:
    """The top-level section a page in the navigation is in."""
    parent = page.parent
    while parent is not None and parent.parent is not None:
        parent = parent.parent
    return parent


def _folder(url: str) -> str:
    """The folder a page's URL is in: ``reference/errors/`` is in ``reference/``."""
    return url.rstrip("/").rpartition("/")[0] + "/" if "/" in url.rstrip("/") else ""


def on_nav(nav: Navigation, config, files, **kwargs) -> Navigation:
    """Put each page that is not in the navigation into the section its address falls under."""
    territory: dict[str, Section] = {}
    for page in nav.pages:
        section = _section(page)
        if section is None:
            continue
        for prefix in (page.url, _folder(page.url)):
            if prefix and prefix.endswith("/"):
                territory.setdefault(prefix, section)
    listed = {id(page) for page in nav.pages}
    _pages.clear()
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        _pages[page.url] = page
        if id(page) in listed:
            continue
        owners = [prefix for prefix in territory if page.url.startswith(prefix)]
        if owners:
            page.parent = territory[max(owners, key=len)]
    for page in nav.pages:  # previous and next stay inside a section, never "next: another section"
        section = _section(page)
        if page.previous_page and _section(page.previous_page) is not section:
            page.previous_page = None
        if page.next_page and _section(page.next_page) is not section:
            page.next_page = None
    return nav


def on_page_context(context, page: Page, config, nav: Navigation, **kwargs):
    """The breadcrumbs between the page's section and the page: pages in the folders above it."""
    section = page.parent
    while section is not None and section.parent is not None:
        section = section.parent
    start = ""
    if section is not None:
        first = _first_page(section)
        start = first.url if first else ""
    crumbs = []
    parts = page.url.strip("/").split("/") if page.url else []
    for depth in range(1, len(parts)):
        url = "/".join(parts[:depth]) + "/"
        above = _pages.get(url) or _pages.get(url + "index.html")  # the offline copy's addresses
        if above is not None and above.title is None and above.markdown is None:
            above.read_source(config)  # a preview rebuild reads only the pages it remakes: its title
        if above is None or above.url == start or above.title is None:
            continue
        crumbs.append(above)
    context["lgds_crumbs"] = crumbs
    if PAGER in (page.content or ""):  # the page's own pager names the pages better than the theme's
        page.previous_page = page.next_page = None
    return context


def _first_page(item) -> Page | None:
    """The page a section's link opens: its first page, looking into sections inside it."""
    while isinstance(item, Section):
        if not item.children:
            return None
        item = item.children[0]
    return item
