"""Loading any page type asks nothing of any host but the site itself: no fonts, CDNs, APIs or trackers."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .quality_support import page_types, require_built

LOCAL_SCHEMES = {"data", "blob", "about"}
"""Requests a page makes to itself without the network (inline images, generated worker code)."""


@pytest.mark.parametrize("page_type", page_types())
def test_page_type_makes_no_request_to_another_host(page_type, built_site, tab):
    require_built(built_site, page_type)
    tab.visit(page_type.url, settle=True)
    own = urlsplit(tab.base).netloc
    elsewhere = sorted(
        {
            url
            for url in tab.requests
            if urlsplit(url).scheme not in LOCAL_SCHEMES and urlsplit(url).netloc != own
        }
    )
    assert tab.requests, "no requests were recorded at all, so the check itself is broken"
    assert not elsewhere, f"the {page_type.name} page {page_type.url} asked other hosts for:\n" + "\n".join(
        elsewhere
    )


def test_search_works_from_the_site_alone(built_site, tab):
    """Search is the one feature that loads data after the page; it must come from the site too."""
    tab.visit("/", settle=True)
    assert any(url.endswith("/search/search_index.json") for url in tab.requests), tab.requests
