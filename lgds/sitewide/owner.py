"""Who runs the site, from ``site.yml``: the about page's "Who runs this site" section and the
accessibility statement's "Reporting accessibility problems" section. Their words are templates."""

from __future__ import annotations

from collections.abc import Callable

from lgds.core.render import Pages
from lgds.site import Site


def site_owner(site: Site, pages: Pages, here: str) -> str:
    return pages.render("sitewide/site-owner.md", here, settings=site.settings, repo_url=site.repo_url)


def accessibility_contact(site: Site, pages: Pages, here: str) -> str:
    return pages.render(
        "sitewide/accessibility-contact.md", here, settings=site.settings, repo_url=site.repo_url
    )


BLOCKS: dict[str, Callable[[Site, Pages, str], str]] = {
    "site-owner": site_owner,
    "accessibility-contact": accessibility_contact,
}
