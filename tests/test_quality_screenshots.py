"""What every page type looks like, on a desktop and on a phone, compared with pictures kept in the
repository, so a change of look shows up in review as changed PNG files.

Each page type in ``tests/quality_support.py`` is opened in headless Chromium at 1280x900 and at
390x844 CSS pixels, with the browser's clock set to the day the test site is built for, and its first
screen is compared with ``tests/screenshots/<page type>-<width>.png``. Up to ``TOLERANCE`` of the pixels
may differ by more than ``NOISE`` (text is drawn a little differently from one machine to the next);
more fails the test, and the new picture and a picture of the differences are written to
``tests/screenshots/changed/`` (not kept in git) to look at.

After changing the look on purpose, make the pictures again with one command and commit them:

    UPDATE_SCREENSHOTS=1 python -m pytest tests/test_quality_screenshots.py

The pictures are made with Debian's Chromium and its Liberation fonts (what CI installs); another
browser or other fonts draw text differently enough to fail.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from .conftest import BUILD_DATE
from .quality_support import PAGE_TYPES, page_types, require_built

HERE = Path(__file__).resolve().parent / "screenshots"
CHANGED = HERE / "changed"
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
"""The first screen of a desktop window and of a common phone (an iPhone 12 to 15), in CSS pixels."""
NOISE = 48
"""How far a pixel's colour may move (0 to 255, in any channel) and still count as the same."""
TOLERANCE = 0.004
"""The share of pixels that may differ: 0.4%, about 4,600 pixels of a desktop screen."""
UPDATE = os.environ.get("UPDATE_SCREENSHOTS") == "1"
COLOURS = 64
"""Pictures are kept with at most this many colours, which keeps each file small."""


def baseline(page_type, size: str) -> Path:
    return HERE / f"{page_type.id}-{SIZES[size][0]}.png"


@pytest.fixture(scope="module")
def shooter(browser, site_url):
    """A tab of its own for each window size, its clock stopped at the day the site is built for, so
    that scripts which compare dates with today (an event that has taken place) always agree."""
    tabs = {}
    contexts = []
    for size, (width, height) in SIZES.items():
        context = browser.new_context(
            viewport={"width": width, "height": height},
            service_workers="block",
            reduced_motion="reduce",
        )
        context.clock.set_fixed_time(BUILD_DATE)
        contexts.append(context)
        tabs[size] = context.new_page()
    yield site_url, tabs
    for context in contexts:
        context.close()


def shoot(page, url: str) -> Image.Image:
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.evaluate("() => document.fonts.ready")
    png = page.screenshot(animations="disabled", caret="hide", scale="css")
    return reduce(Image.open(io.BytesIO(png)))


def reduce(image: Image.Image) -> Image.Image:
    """The picture as it is kept: a palette of ``COLOURS`` colours, without dithering."""
    return image.convert("RGB").quantize(COLOURS, dither=Image.Dither.NONE)


def differing(a: Image.Image, b: Image.Image) -> tuple[float, Image.Image]:
    """The share of pixels that differ by more than ``NOISE``, and a picture of where they are."""
    diff = ImageChops.difference(a.convert("RGB"), b.convert("RGB"))
    red, green, blue = (c.point(lambda v: 255 if v > NOISE else 0) for c in diff.split())
    changed = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    share = changed.histogram()[255] / (a.width * a.height)
    return share, changed


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("page_type", page_types())
def test_page_type_looks_as_it_did(page_type, size, built_site, shooter):
    require_built(built_site, page_type)
    base, tabs = shooter
    shot = shoot(tabs[size], base + page_type.url)
    kept = baseline(page_type, size)
    if UPDATE:
        HERE.mkdir(exist_ok=True)
        shot.save(kept, optimize=True)
        return
    assert kept.is_file(), (
        f"no screenshot of the {page_type.name} page at {SIZES[size][0]}px to compare with: make the "
        "screenshots with `UPDATE_SCREENSHOTS=1 python -m pytest tests/test_quality_screenshots.py`"
    )
    expected = Image.open(kept)
    if expected.size != shot.size:
        pytest.fail(f"{kept.name} is {expected.size}, the page's screenshot {shot.size}")
    share, diff = differing(expected, shot)
    if share > TOLERANCE:
        CHANGED.mkdir(exist_ok=True)
        shot.save(CHANGED / kept.name)
        diff.save(CHANGED / kept.name.replace(".png", "-diff.png"))
        pytest.fail(
            f"the {page_type.name} page at {SIZES[size][0]}px looks different: {share:.2%} of its pixels "
            f"changed (up to {TOLERANCE:.1%} may). See tests/screenshots/changed/{kept.name} and its "
            "-diff.png; if the change is meant, run UPDATE_SCREENSHOTS=1 python -m pytest "
            "tests/test_quality_screenshots.py and commit the pictures."
        )


def test_every_kept_screenshot_is_of_a_page_type_and_size():
    """A picture of a page type that has gone, or of another size, would never be compared again."""
    names = {baseline(t, s).name for t in PAGE_TYPES for s in SIZES}
    kept = {p.name for p in HERE.glob("*.png")}
    assert kept <= names, f"screenshots of no page type: {sorted(kept - names)}"


def test_the_comparison_notices_a_change_of_look():
    """The tolerance lets through the noise of drawing text, not a changed colour or a moved block."""
    plain = Image.new("RGB", SIZES["desktop"], "white")
    moved = plain.copy()
    moved.paste((11, 12, 12), (100, 100, 300, 140))  # a line of heading, 200x40 pixels
    recoloured = plain.copy()
    recoloured.paste((29, 79, 145), (0, 0, 1280, 48))  # the header in another colour
    faint = plain.copy()
    faint.paste((240, 240, 240), (0, 0, 1280, 900))  # a shade lighter everywhere
    assert differing(reduce(plain), reduce(moved))[0] > TOLERANCE
    assert differing(reduce(plain), reduce(recoloured))[0] > TOLERANCE
    assert differing(reduce(plain), reduce(faint))[0] == 0


def test_the_readme_shows_screenshots_the_tests_keep():
    readme = (HERE.parent.parent / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"\]\((tests/screenshots/[^)]+\.png)\)", readme)
    assert {"tests/screenshots/home-1280.png", "tests/screenshots/council-390.png"} <= set(shown)
    for path in shown:
        assert (HERE.parent.parent / path).is_file(), f"the README shows {path}, which is not kept"
