"""Every link inside the built site leads somewhere: each file exists and each ``#anchor`` is on its page.

A checker of our own over the output HTML (BeautifulSoup). External links are listed, never fetched:
the test runs offline and must not depend on other people's websites.
"""

from __future__ import annotations

import json
import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

LINK_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "link": "href",
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "form": "action",
}
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel"}
FORBIDDEN_SCHEMES = {"javascript", "vbscript", "file", "data"}
"""Schemes no link on the site should use: they run code, point at the reader's own disk, or hide content."""


def page_url(site: Path, html_file: Path) -> str:
    """The URL path a page is served at: ``/a/b/`` for ``a/b/index.html``."""
    rel = html_file.relative_to(site).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel.removesuffix("index.html")
    return "/" + rel


def target_file(site: Path, path: str) -> Path | None:
    """The file a URL path serves, as a static web server would (``dir/`` serves ``dir/index.html``)."""
    rel = unquote(path).lstrip("/")
    candidate = site / rel
    if path.endswith("/") or rel == "" or candidate.is_dir():
        candidate = candidate / "index.html"
    candidate = Path(posixpath.normpath(candidate.as_posix()))
    if site.resolve() not in candidate.resolve().parents and candidate.resolve() != site.resolve():
        return None  # outside the site: ../../ too far
    return candidate if candidate.is_file() else None


@cache
def anchors(html_file: Path) -> frozenset[str]:
    """Every id (and old-style ``<a name>``) on a page."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    names = {tag["name"] for tag in soup.find_all("a", attrs={"name": True})}
    return frozenset(ids | names)


def check_link(site: Path, from_file: Path, from_url: str, link: str) -> str | None:
    """What is wrong with one link, or None when it resolves (or leaves the site)."""
    parts = urlsplit(link)
    scheme = parts.scheme.lower()
    if scheme in FORBIDDEN_SCHEMES:
        return f"uses a {scheme}: link"
    if scheme in EXTERNAL_SCHEMES or parts.netloc or scheme:
        return None
    if not parts.path:
        target = from_file
    else:
        target = target_file(site, urlsplit(urljoin(from_url, parts.path)).path)
        if target is None:
            return "leads to no file in the site"
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html" and fragment not in anchors(target):
        return f"has no #{fragment} on {target.relative_to(site).as_posix()}"
    return None


def site_links(site: Path):
    """(page file, page URL, link) for every link attribute on every HTML page of the site."""
    for html_file in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "lxml")
        url = page_url(site, html_file)
        for tag_name, attribute in LINK_ATTRIBUTES.items():
            for tag in soup.find_all(tag_name, attrs={attribute: True}):
                yield html_file, url, tag[attribute].strip()


def test_every_internal_link_and_anchor_resolves(built_site):
    broken = []
    checked = 0
    for html_file, url, link in site_links(built_site):
        checked += 1
        problem = check_link(built_site, html_file, url, link)
        if problem:
            broken.append(f"{url}: {link} {problem}")
    assert checked > 100, "too few links found: the checker is not reading the pages"
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(sorted(set(broken)))


def test_every_search_result_leads_to_a_page_and_section(built_site):
    """Search results link to sections of pages; a stale anchor there is a broken link too."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    broken = []
    for doc in index["docs"]:
        problem = check_link(built_site, built_site / "index.html", "/", doc["location"] or "./")
        if problem:
            broken.append(f"{doc['location']!r} ({doc['title']}) {problem}")
    assert not broken, "\n".join(broken)


def test_the_checker_finds_broken_links_and_anchors(tmp_path):
    """The checker itself: a missing page, a missing anchor and a javascript: link are all caught."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">Here</h2>', encoding="utf-8")
    page = tmp_path / "index.html"
    page.write_text("<p id='top'>Top</p>", encoding="utf-8")

    def check(link: str) -> str | None:
        return check_link(tmp_path, page, "/", link)

    assert check("a/") is None
    assert check("a/#here") is None
    assert check("#top") is None
    assert check("https://example.org/missing") is None
    assert check("b/") == "leads to no file in the site"
    assert check("../../etc/passwd") == "leads to no file in the site"
    assert check("a/#there") == "has no #there on a/index.html"
    assert check("#bottom") == "has no #bottom on index.html"
    assert check("javascript:alert(1)") == "uses a javascript: link"
