"""A fork that sets ``site_url`` in site.yml gets full links where relative ones cannot work.

One copy of the kit, published (as a GitHub Pages project site is) in a folder of its domain, is built
once for the whole module. The address is given without its last slash, as a facilitator may type it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import icalendar
import pytest
from bs4 import BeautifulSoup

from .conftest import ROOT, copy_kit, mkdocs_build, read_page

TYPED = "https://example-org.github.io/lgds-midlands"
SITE = TYPED + "/"
FOLDER = "/lgds-midlands/"
EVENT = "peer-groups/london/events/2027-02-10-reviewing-a-service-together/"
ONLINE_EVENT = "2027-06-09-know-what-you-need-before-you-buy.london@lgds-kit"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The kit with its address set, and its strict build."""
    work = tmp_path_factory.mktemp("site-url")
    settings = (ROOT / "site.yml").read_text(encoding="utf-8")
    assert settings.count("\nsite_url:\n") == 1
    root = copy_kit(work / "kit", {"site.yml": settings.replace("\nsite_url:\n", f"\nsite_url: {TYPED}\n")})
    out = work / "site"
    result = mkdocs_build(root, out)
    assert result.returncode == 0, result.stderr
    return root, out


def served(out: Path, url: str) -> Path:
    """The built file a web server would send for ``url``, an address on the published site."""
    assert url.startswith(SITE), url
    rel = url.removeprefix(SITE)
    return out / rel / "index.html" if rel == "" or rel.endswith("/") else out / rel


def test_the_sitemap_lists_every_page_at_its_full_address(published):
    _, out = published
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in ET.parse(out / "sitemap.xml").getroot().findall("s:url/s:loc", ns)]
    assert SITE in locs
    assert SITE + "standard/1-understand-user-needs/" in locs
    assert SITE + EVENT in locs
    assert [url for url in locs if not served(out, url).is_file()] == []
    pages = list(out.rglob("index.html"))
    assert len(set(locs)) == len(locs) == len(pages)


def test_pages_name_their_full_address_as_canonical(published):
    _, out = published
    page = BeautifulSoup(read_page(out, "/standard/"), "html.parser")
    assert page.find("link", rel="canonical")["href"] == SITE + "standard/"


def test_the_news_feed_links_in_full(published):
    _, out = published
    feed = ET.parse(out / "events.atom").getroot()
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": SITE + "events.atom", "alternate": SITE + "events/"}
    assert all(served(out, href).is_file() for href in links.values())
    entries = [e.find(f"{ATOM}link").get("href") for e in feed.findall(f"{ATOM}entry")]
    assert SITE + EVENT in entries
    assert [href for href in entries if not served(out, href).is_file()] == []


def test_calendar_entries_link_to_the_event_page_or_the_online_meeting(published):
    _, out = published
    cal = icalendar.Calendar.from_ical((out / "events.ics").read_bytes())
    urls = {str(e["UID"]): str(e["URL"]) for e in cal.walk("VEVENT")}
    assert urls["2027-02-10-reviewing-a-service-together.london@lgds-kit"] == SITE + EVENT
    assert not urls[ONLINE_EVENT].startswith(SITE)
    assert urlsplit(urls[ONLINE_EVENT]).scheme == "https"
    online = next(e for e in cal.walk("VEVENT") if str(e["UID"]) == ONLINE_EVENT)
    page = re.search(r"Details: (\S+)", str(online["DESCRIPTION"])).group(1)  # and its page, in words
    assert page.startswith(SITE) and served(out, page).is_file()
    pages = [url for url in urls.values() if url.startswith(SITE)]
    assert len(pages) == len(urls) - 2  # all but the two online events
    assert [url for url in pages if not served(out, url).is_file()] == []
    one = icalendar.Calendar.from_ical((out / EVENT.rstrip("/")).with_suffix(".ics").read_bytes())
    assert str(one.walk("VEVENT")[0]["URL"]) == SITE + EVENT


def test_the_page_not_found_works_in_a_folder_of_the_domain(published):
    _, out = published
    page = BeautifulSoup((out / "404.html").read_text(encoding="utf-8"), "html.parser")
    local = [
        tag.get("href") or tag.get("src")
        for tag in page.select("a[href], link[href], script[src], img[src]")
        if not urlsplit(tag.get("href") or tag.get("src")).scheme
        and not (tag.get("href") or "").startswith("#")
    ]
    assert "/lgds-midlands/standard/" in local
    assert [url for url in local if not url.startswith(FOLDER)] == []
    assert [url for url in local if not served(out, urljoin(SITE, url)).is_file()] == []


def test_a_build_takes_the_address_from_site_yml_and_a_preview_keeps_its_own(published):
    from mkdocs.config import load_config

    root, _ = published
    build = load_config(config_file=str(root / "mkdocs.yml"))
    assert build.plugins.on_config(build).site_url == SITE
    preview = load_config(config_file=str(root / "mkdocs.yml"))
    preview.site_url = "http://127.0.0.1:8000/"  # what `mkdocs serve` sets before the hooks run
    assert preview.plugins.on_config(preview).site_url == "http://127.0.0.1:8000/"
