"""The offline copy (opened from a folder, search included) and the printed pack, checked in a browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from .conftest import BUILD_ENV, ROOT
from .test_quality_links import check_link, site_links

CHROMIUM = os.environ.get("LGDS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
needs_browser = pytest.mark.skipif(not Path(CHROMIUM).is_file(), reason="Chromium is not installed")


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy, built the way the README says (strict, from mkdocs.offline.yml)."""
    out = tmp_path_factory.mktemp("offline")
    args = [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(ROOT / "mkdocs.offline.yml")]
    result = subprocess.run([*args, "-d", str(out)], capture_output=True, text=True, env=BUILD_ENV, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return out


def test_offline_copy_has_html_files_with_relative_links(offline_site: Path):
    assert (offline_site / "index.html").is_file()
    page_path = offline_site / "franchise-kit/packs/introducing-the-standard/index.html"
    assert (offline_site / "franchise-kit/packs/introducing-the-standard/print.html").is_file()
    page = BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in page.find_all("a", href=True)]
    internal = [h for h in hrefs if not re.match(r"^(https?:|mailto:|#)", h)]
    assert internal, "the page should link to other pages"
    assert not [h for h in internal if h.startswith("/")], "links must be relative to work from a folder"
    pages = [h.split("#")[0] for h in internal if not h.endswith((".zip", ".css", ".js", ".xml"))]
    assert all(h.endswith(".html") for h in pages if h), pages
    assert "print.html" in hrefs
    for target in pages:
        if target:
            assert (page_path.parent / target).resolve().is_file(), target


def test_every_link_and_anchor_on_every_page_of_the_offline_copy_resolves(offline_site: Path):
    """Opened from a folder there is no web server: a link must name a file that exists, not a folder."""
    broken = []
    checked = 0
    for html_file, url, link in site_links(offline_site):
        checked += 1
        parts = urlsplit(link)
        if not parts.scheme and not parts.netloc and parts.path.endswith("/"):
            broken.append(f"{url}: {link} names a folder, which a browser opening files cannot show")
            continue
        problem = check_link(offline_site, html_file, url, link)
        if problem:
            broken.append(f"{url}: {link} {problem}")
    assert checked > 10_000, "too few links found: the checker is not reading every page"
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(sorted(set(broken))[:50])


def test_offline_copy_embeds_its_search_index_and_loads_nothing_from_elsewhere(offline_site: Path):
    script = (offline_site / "search/search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = {")
    assert '"location":"franchise-kit/packs/introducing-the-standard/index.html"' in script
    html = (offline_site / "franchise-kit/index.html").read_text(encoding="utf-8")
    assert '<script src="../assets/iframe-worker-shim.js"></script>' in html
    sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert not [s for s in sources if s.startswith(("http:", "https:", "//"))], sources


def test_pack_zips_are_byte_identical_across_builds(offline_site: Path, built_site: Path):
    for zip_file in sorted((built_site / "franchise-kit/packs").glob("*.zip")):
        again = offline_site / "franchise-kit/packs" / zip_file.name
        assert again.read_bytes() == zip_file.read_bytes(), zip_file.name


@needs_browser
def test_search_works_when_the_copy_is_opened_from_a_folder(offline_site: Path, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        elsewhere: list[str] = []
        page.on("request", lambda r: elsewhere.append(r.url) if not r.url.startswith("file:") else None)
        page.goto((offline_site / "franchise-kit/index.html").as_uri())
        page.click(".md-search__input", force=True)
        page.keyboard.type("blue badge", delay=30)
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert "matching document" in page.locator(".md-search-result__meta").inner_text()
        assert elsewhere == []
    finally:
        page.close()


@needs_browser
def test_printed_pack_has_no_navigation_a_sheet_per_handout_and_written_out_links(built_site: Path, browser):
    page = browser.new_page()
    try:
        page.goto((built_site / "franchise-kit/packs/introducing-the-standard/print/index.html").as_uri())
        page.emulate_media(media="print")
        style = "(s, p) => getComputedStyle(document.querySelector(s), p)"
        for hidden in (".md-header", ".md-footer", ".md-sidebar--primary"):
            assert page.evaluate(f"({style})('{hidden}', null).display") == "none", hidden
        breaks = page.evaluate(
            "[...document.querySelectorAll('.lgds-handout')].map(e => getComputedStyle(e).breakBefore)"
        )
        assert breaks == ["page", "page", "page"]
        page.evaluate(
            "document.querySelector('.lgds-print h1').insertAdjacentHTML('afterend', "
            '\'<p><a id="probe" href="https://example.org/x">a link</a></p>\')'
        )
        after = page.evaluate("getComputedStyle(document.querySelector('#probe'), '::after').content")
        assert after == '" (https://example.org/x)"'
        anchor = page.evaluate(
            "getComputedStyle(document.querySelector('.lgds-print a[href^=\"#\"]'), '::after').content"
        )
        assert anchor == "none"
        page.emulate_media(media="screen")
        assert page.evaluate(f"({style})('.lgds-handout', null).breakBefore") != "page"
        # Other pages print as they are: link addresses are written out only in the printable pack.
        page.goto((built_site / "franchise-kit/packs/introducing-the-standard/index.html").as_uri())
        page.emulate_media(media="print")
        assert page.evaluate(f"({style})('article a[href*=\"standard/\"]', '::after').content") == "none"
    finally:
        page.close()


def test_the_coverage_maps_hexagons_link_to_council_pages_in_the_offline_copy(offline_site: Path):
    """The map's hexagons are Markdown links, so MkDocs rewrites them to files like any other link."""
    page_path = offline_site / "councils/coverage.html"
    page = BeautifulSoup(page_path.read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in page.select(".lgds-map a.lgds-hex")]
    assert len(hrefs) == 382
    for href in hrefs:
        assert re.fullmatch(r"[a-z]+\.html", href), href
        assert (page_path.parent / href).is_file(), href


def test_a_hexagon_opens_its_council_page_when_the_copy_is_opened_from_a_folder(offline_site: Path, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto((offline_site / "councils/coverage.html").as_uri())
        hexagon = page.locator("a.lgds-hex").nth(100)
        href = hexagon.get_attribute("href")
        hexagon.focus()
        page.keyboard.press("Enter")
        page.wait_for_url(f"**/councils/{href}")
        assert page.locator("h1").inner_text().strip()
    finally:
        page.close()
