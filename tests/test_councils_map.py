"""The coverage page's hex map: outlines and names of nations and regions, a key, and a hexagon per
council that is a link a keyboard, a mouse and a finger can all reach, readable on a phone.

The geometry is checked from the models; the page in the built site; the behaviour in Debian's headless
Chromium over the built site served on 127.0.0.1.
"""

from __future__ import annotations

import math
import re

import pytest
from bs4 import BeautifulSoup

from lgds.councils import mapview
from lgds.councils.mapborders import Grid
from lgds.councils.models import ENGLISH_REGIONS, NATIONS
from lgds.load import load_site

from .conftest import ROOT, copy_kit, mkdocs_build, read_page
from .quality_support import AXE_OPTIONS, describe_violations

COVERAGE = "/councils/coverage/"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture(scope="module")
def the_map() -> mapview.HexMap:
    site, _ = load_site(ROOT)
    found = mapview.hex_map(site.hexmap, site.current_councils, {s.council for s in site.signups.values()})
    assert found is not None
    return found


def _side(a: tuple[float, float], b: tuple[float, float]) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


# --- Geometry -------------------------------------------------------------------------------------


def test_an_outline_runs_round_the_outer_edge_of_its_cells():
    def loops(cells):
        grid = Grid(7.0, dict.fromkeys(cells, "Area"), dict.fromkeys(cells, "Nation"))
        return [len(loop) for loop in next(b for b in grid.borders() if b.kind == "nation").loops]

    assert loops({(0, 0)}) == [6]
    assert loops({(0, 0), (1, 0)}) == [10]  # two side by side share a side, which is not drawn
    assert loops({(0, 0), (0, 1)}) == [10]  # odd rows sit half a hexagon to the right
    # six round an empty cell: an outer ring and the hole's edge
    ring = {(0, 0), (1, 0), (-1, 1), (1, 1), (0, 2), (1, 2)}
    assert sorted(loops(ring)) == [6, 18]


def test_every_nation_and_english_region_has_a_closed_outline(the_map):
    nations = {b.area: b for b in the_map.borders if b.kind == "nation"}
    regions = {b.area: b for b in the_map.borders if b.kind == "region"}
    assert set(nations) == set(NATIONS)
    assert set(regions) == set(ENGLISH_REGIONS)
    for border in the_map.borders:
        for loop in border.loops:
            sides = [_side(loop[i], loop[(i + 1) % len(loop)]) for i in range(len(loop))]
            assert all(abs(s - mapview.HEX_SIZE) < 0.01 for s in sides), border.area  # hexagon sides only
        assert border.d.startswith("M") and border.d.endswith("Z")
    # Great Britain's nations touch, so each is one piece; England's regions tile England
    assert all(len(nations[n].loops) == 1 for n in NATIONS)
    england = sum(len(loop) for loop in nations["England"].loops)
    assert england < sum(len(loop) for r in regions.values() for loop in r.loops)


def test_every_nation_and_region_is_named_once_and_no_names_overlap(the_map):
    labels = {(lb.kind, lb.area): lb for lb in the_map.labels}
    assert set(labels) == {("nation", n) for n in NATIONS} | {("region", r) for r in ENGLISH_REGIONS}
    assert len(labels) == len(the_map.labels)
    for a in the_map.labels:
        assert " ".join(line.text for line in a.lines) == a.area
        assert a.left >= 0 and a.right <= the_map.width and a.top >= 0 and a.bottom <= the_map.height
        for b in the_map.labels:
            assert a is b or not a.overlaps(b), (a.area, b.area)
    by_area: dict[str, list[mapview.Hexagon]] = {}
    for h in the_map.hexagons:
        by_area.setdefault(h.council.area, []).append(h)
    for label in the_map.labels:
        x = (label.left + label.right) / 2
        y = (label.top + label.bottom) / 2
        nearest = min(the_map.hexagons, key=lambda h: math.hypot(h.x - x, h.y - y))
        if label.kind == "region":  # a region's name sits on its own hexagons
            assert nearest.council.region == label.area
        else:  # a nation's in the sea, clear of every hexagon, its own the nearest
            assert nearest.council.nation == label.area
            for h in the_map.hexagons:
                inside_x = label.left - mapview.HEX_WIDTH / 2 < h.x < label.right + mapview.HEX_WIDTH / 2
                inside_y = label.top - mapview.HEX_SIZE < h.y < label.bottom + mapview.HEX_SIZE
                assert not (inside_x and inside_y), (label.area, h.council.code)


def test_the_map_is_never_drawn_so_narrow_that_a_name_is_under_12_pixels_or_a_link_under_24(the_map):
    smallest = min(lb.font for lb in the_map.labels)
    assert smallest * the_map.min_width / the_map.width >= 12
    assert the_map.hex_height * the_map.min_width * the_map.height / the_map.width / 100 >= 24
    assert the_map.hex_width * the_map.min_width / 100 >= 24
    for h in the_map.hexagons:
        assert h.left >= 0 and h.left + the_map.hex_width <= 100.001
        assert h.top >= 0 and h.top + the_map.hex_height <= 100.001


# --- The page -------------------------------------------------------------------------------------


def test_the_page_draws_outlines_names_a_key_and_a_link_per_council(built_site):
    soup = BeautifulSoup(read_page(built_site, COVERAGE), "html.parser")
    lines = soup.select_one(".lgds-map .lgds-map-lines")
    assert lines["aria-hidden"] == "true"
    for kind, areas in (("nation", NATIONS), ("region", ENGLISH_REGIONS)):
        drawn = {p["data-area"] for p in lines.select(f"path.lgds-border-{kind}")}
        named = {t["data-area"]: t.get_text(" ") for t in lines.select(f"text.lgds-label-{kind}")}
        assert drawn == set(areas) == set(named)
        assert all(named[a] == a for a in areas)
    key = soup.select_one("ul.lgds-legend").get_text(" ")
    for words in (
        "Signed up",
        "Not signed up yet",
        "Border between nations",
        "Border between English regions",
    ):
        assert words in key
    site, _ = load_site(ROOT)
    links = soup.select(".lgds-map a.lgds-hex")
    assert len(links) == len(site.current_councils)
    for link in links:
        code = link["href"].strip("./").upper()
        council = site.councils[code]
        signed = code in {s.council for s in site.signups.values()}
        assert link.select_one("strong").get_text() == council.short_name
        assert (
            link.get_text(" ", strip=True)
            == f"{council.short_name} {'Signed up' if signed else 'Not signed up yet'}"
        )
        assert ("lgds-yes" in link["class"]) == signed
        assert link.select_one("svg")["aria-hidden"] == "true"
    skip = soup.select_one("a.lgds-map-skip")
    assert soup.select_one(skip["href"]).name == "details"  # the table after the map


# --- In a browser ---------------------------------------------------------------------------------

RECORD = """() => {
    // What each hexagon shows when focused: its name box, its colour, and the name box's size.
    window.lgdsHexes = [];
    document.addEventListener('focusin', (event) => {
        const el = event.target;
        if (!el.matches('a.lgds-hex')) return;
        const tip = el.querySelector('.lgds-hex-tip').getBoundingClientRect();
        window.lgdsHexes.push({
            href: el.getAttribute('href'),
            text: el.querySelector('.lgds-hex-tip').innerText.replace(/\\s+/g, ' ').trim(),
            tip: [tip.width, tip.height],
            fill: getComputedStyle(el.querySelector('use')).fill,
            outline: getComputedStyle(el).outlineStyle + ' ' + getComputedStyle(el).outlineWidth,
        });
    });
}"""


def test_tab_reaches_every_hexagon_which_shows_its_name_and_enter_opens_its_page(built_site, tab):
    page = tab.visit(COVERAGE)
    expected = page.evaluate(
        "() => [...document.querySelectorAll('a.lgds-hex')].map(a => [a.getAttribute('href'),"
        " a.querySelector('.lgds-hex-tip').textContent.replace(/\\s+/g, ' ').trim()])"
    )
    page.evaluate(RECORD)
    page.focus("a.lgds-map-skip")
    for _ in expected:
        page.keyboard.press("Tab")
    seen = page.evaluate("() => window.lgdsHexes")
    assert [[s["href"], s["text"]] for s in seen] == expected  # every one, in reading order
    for shown in seen:
        assert shown["tip"][0] > 40 and shown["tip"][1] > 20, shown  # the name box is on screen
        assert shown["fill"] == "rgb(255, 221, 0)", shown  # focused: GOV.UK's yellow
        assert shown["outline"] == "solid 3px", shown
    last = seen[-1]["href"]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(last.strip("./")) + "/$"))
    assert page.locator("h1").inner_text().strip()


def test_arrow_keys_move_to_the_neighbouring_hexagon_and_escape_hides_the_name(built_site, tab):
    page = tab.visit(COVERAGE)
    box = "() => document.activeElement.getBoundingClientRect().toJSON()"
    page.locator("a.lgds-hex").nth(200).focus()
    start = page.evaluate(box)
    page.keyboard.press("ArrowRight")
    right = page.evaluate(box)
    assert abs(right["top"] - start["top"]) < 1 and right["left"] > start["left"]
    page.keyboard.press("ArrowUp")
    up = page.evaluate(box)
    assert up["top"] < right["top"] and abs(up["left"] - right["left"]) <= right["width"]
    page.keyboard.press("ArrowDown")
    assert page.evaluate(box)["top"] > up["top"]
    tip = "() => document.activeElement.querySelector('.lgds-hex-tip').getBoundingClientRect().width"
    assert page.evaluate(tip) > 40
    page.keyboard.press("Escape")
    assert page.evaluate(tip) <= 1  # dismissed, still focused
    assert page.evaluate("() => document.activeElement.matches('a.lgds-hex')")


def test_on_a_phone_the_map_scrolls_sideways_and_its_names_stay_readable(built_site, tab):
    tab.page.set_viewport_size(PHONE)
    try:
        page = tab.visit(COVERAGE)
        found = page.evaluate("""() => {
            const scroller = document.querySelector('.lgds-map-scroll');
            const map = document.querySelector('.lgds-map');
            const sizes = [...document.querySelectorAll('.lgds-map text')].map(
                t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
            const hex = document.querySelector('a.lgds-hex').getBoundingClientRect();
            return {scroll: scroller.scrollWidth, shown: scroller.clientWidth, page: document.documentElement.scrollWidth,
                    window: innerWidth, map: map.getBoundingClientRect().width, sizes, hex: hex.width};
        }""")
        assert found["scroll"] > found["shown"], "the map should scroll sideways, not shrink"
        assert found["page"] <= found["window"], "only the map scrolls, not the page"
        assert min(found["sizes"]) >= 12, found["sizes"]
        assert found["hex"] >= 24
        hexagon = page.locator("a.lgds-hex").nth(300)
        hexagon.focus()
        size = hexagon.locator(".lgds-hex-tip").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 12
        # the map and its key; the rest of the page at this width is the page types' own test
        axe = pytest.importorskip("axe_playwright_python.sync_playwright")
        scope = {"include": [[".lgds-map-scroll"], [".lgds-legend"]]}
        violations = axe.Axe().run(page, context=scope, options=AXE_OPTIONS).response["violations"]
        assert not violations, describe_violations(violations)
    finally:
        tab.page.set_viewport_size(DESKTOP)


@pytest.fixture
def phone(browser, site_url):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page(), site_url
    context.close()


def test_a_tap_shows_the_hexagons_name_and_a_second_tap_opens_its_page(phone):
    page, base = phone
    page.goto(base + COVERAGE)
    hexagon = page.locator("a.lgds-hex").nth(250)
    href, name = hexagon.get_attribute("href"), hexagon.locator("strong").inner_text()
    hexagon.tap()
    assert page.url == base + COVERAGE
    tip = hexagon.locator(".lgds-hex-tip")
    assert tip.bounding_box()["width"] > 40 and name in tip.inner_text()
    hexagon.tap()
    page.wait_for_url(re.compile(re.escape(href.strip("./")) + "/$"))


@pytest.fixture
def no_script(browser, site_url):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    yield context.new_page(), site_url
    context.close()


def test_without_javascript_a_hexagon_still_shows_its_name_and_opens_its_page(no_script):
    page, base = no_script
    page.goto(base + COVERAGE)
    hexagon = page.locator("a.lgds-hex").nth(120)
    href = hexagon.get_attribute("href")
    hexagon.focus()
    assert hexagon.locator(".lgds-hex-tip").bounding_box()["width"] > 40
    hexagon.click()
    page.wait_for_url(re.compile(re.escape(href.strip("./")) + "/$"))


# --- Hostile names --------------------------------------------------------------------------------

HOSTILE = 'Cam](javascript:x){: onclick="x" } *den* & "q" `c` 1 < 2 > 0 &lt;b&gt; | \\ {curly} _x_'
"""Tags are refused by the register; everything else that could close the link early, add attributes to
it (attr_list's braces), format it or become markup must show as written."""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory):
    register = (ROOT / "data/councils.csv").read_text(encoding="utf-8")
    quoted = '"' + HOSTILE.replace('"', '""') + '"'
    changed = register.replace(",London Borough of Camden,Camden,", f",London Borough of Camden,{quoted},", 1)
    assert changed != register
    root = copy_kit(tmp_path_factory.mktemp("hostile") / "kit", {"data/councils.csv": changed})
    out = root.parent / "site"
    result = mkdocs_build(root, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_a_hostile_council_name_is_written_as_text_on_the_map(hostile_site):
    soup = BeautifulSoup(read_page(hostile_site, COVERAGE), "html.parser")
    the_map = soup.select_one(".lgds-map")
    assert not the_map.select("script, b, em, code, [onclick]")
    camden = the_map.select_one('a.lgds-hex[href="../cmd/"]')
    assert camden.select_one("strong").get_text() == " ".join(HOSTILE.split())
    assert set(camden.attrs) == {"class", "data-tip", "href", "style"}
    assert not [a for a in the_map.select("a") if a["href"].startswith("javascript")]
