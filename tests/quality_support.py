"""Shared pieces of the quality gates: the table of page types, a local server and one browser.

Test modules that need the browser fixtures load this file as a plugin (``pytest_plugins``), so the
browser starts once per test session (once per xdist worker) and one tab is reused for every page.

To cover a new kind of page, add a row to ``PAGE_TYPES``. A row marked ``pending`` names the issue
that builds it: until a build contains that URL its tests are SKIPPED ("page type not built yet"),
never silently passed; once the page exists they run like any other.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lgds.sitewide.accessibility import WCAG_RULE_TAGS


@dataclass(frozen=True)
class PageType:
    """One kind of page, by an example URL; ``pending`` is the issue still building it, if any."""

    name: str
    url: str
    pending: str = ""

    @property
    def id(self) -> str:
        return self.name.replace(" ", "-")


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("home", "/"),
    PageType("standard index", "/standard/"),
    PageType("point", "/standard/1-understand-user-needs/"),
    PageType("about", "/about/"),
    PageType("contribute", "/contribute/"),
    PageType("accessibility statement", "/accessibility/"),
    PageType("error reference", "/reference/errors/"),
    PageType("templates reference", "/reference/templates/"),
    PageType("not found", "/404.html"),
    PageType("kit guide index", "/franchise-kit/guide/"),
    PageType("kit guide page", "/franchise-kit/guide/planning-an-event/"),
    PageType("kit template page", "/franchise-kit/templates/agenda/"),
    PageType("peer-groups index", "/peer-groups/"),
    # Pages generated from data.
    PageType("council directory", "/councils/"),
    PageType("council", "/councils/cmd/"),
    PageType("coverage", "/councils/coverage/"),
    PageType("group", "/peer-groups/london/"),
    PageType("event", "/peer-groups/london/events/2027-02-10-reviewing-a-service-together/"),
    PageType("events", "/events/"),
    PageType("events in a year", "/events/2016/"),
    PageType("events in a coming year", "/events/2027/"),
    PageType("group events in a year", "/peer-groups/london/events/2016/"),
    PageType("kit home", "/franchise-kit/"),
    PageType("pack", "/franchise-kit/packs/introducing-the-standard/"),
    PageType("pack print view", "/franchise-kit/packs/introducing-the-standard/print/"),
    PageType("data", "/data/"),
    PageType("network", "/network/"),
    # Peer reviews.
    PageType("reviews", "/reviews/"),
    PageType("reviews in a year", "/reviews/2025/"),
    PageType("review", "/reviews/bas/2026-03-18-garden-waste-subscription/"),
    PageType("review patterns", "/reviews/patterns/"),
    PageType("review scoring sheet", "/reviews/scoring-sheet/"),
    PageType("review format reference", "/reference/review/"),
)


def page_types() -> list:
    """``PAGE_TYPES`` as pytest parameters, named so a failure says which page type failed."""
    return [pytest.param(t, id=t.id) for t in PAGE_TYPES]


def output_file(site: Path, url: str) -> Path:
    """The file in the built site that serves ``url``."""
    rel = url.lstrip("/")
    return site / rel / "index.html" if rel == "" or rel.endswith("/") else site / rel


def require_built(site: Path, page_type: PageType) -> Path:
    """The page's file; skips a pending page type that is not in this build, fails any other."""
    path = output_file(site, page_type.url)
    if path.is_file():
        return path
    if page_type.pending:
        pytest.skip(f"page type not built yet: {page_type.url} ({page_type.name}, issue {page_type.pending})")
    pytest.fail(f"the {page_type.name} page {page_type.url} is missing from the build")


# --- The built site over HTTP -------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 from a thread for the whole session; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


# --- One browser per session ----------------------------------------------------------------------

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
"""A common phone's window in CSS pixels (an iPhone 12 to 15)."""


def chromium_path() -> str | None:
    """Debian's Chromium, or the binary named by LGDS_CHROMIUM; None when neither is there."""
    wanted = os.environ.get("LGDS_CHROMIUM")
    if wanted:
        return wanted if Path(wanted).is_file() else None
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium driven by Playwright; skips the browser tests when Chromium is missing."""
    executable = chromium_path()
    if executable is None:
        pytest.skip(
            "Chromium not found: install Debian's `chromium` package (`python3 dev.py test` does this on "
            "CI) or set LGDS_CHROMIUM to a Chromium binary"
        )
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Tab:
    """The one browser tab every test reuses, with every request it has made since the last visit."""

    page: object
    base: str
    requests: list[str] = field(default_factory=list)

    def visit(self, url: str, *, settle: bool = False):
        """Load ``url`` afresh; with ``settle``, also wait until the network has been quiet for 0.5 s
        (so requests made after loading, such as the search index, are recorded too)."""
        self.requests.clear()
        self.page.goto(self.base + url, wait_until="load")
        if settle:
            self.page.wait_for_load_state("networkidle")
        return self.page


@pytest.fixture(scope="session")
def tab(browser, site_url: str) -> Iterator[Tab]:
    """A browser tab on the local site; records requests from the page and its workers."""
    context = browser.new_context(viewport=VIEWPORT, service_workers="block")
    tab = Tab(page=context.new_page(), base=site_url)
    context.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()


@contextlib.contextmanager
def at_width(tab: Tab, width: int, height: int | None = None) -> Iterator[Tab]:
    """The tab resized to ``width`` (a phone's height when narrower than 600 px) for the block."""
    tall = height or (PHONE["height"] if width < 600 else VIEWPORT["height"])
    tab.page.set_viewport_size({"width": width, "height": tall})
    try:
        yield tab
    finally:
        tab.page.set_viewport_size(VIEWPORT)


# --- Accessibility --------------------------------------------------------------------------------

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": list(WCAG_RULE_TAGS)}, "resultTypes": ["violations"]}


def axe_violations(page) -> list[dict]:
    """axe-core's violations of the WCAG A and AA rules on the loaded page.

    axe-playwright-python ships axe.min.js inside the package and injects it with ``page.evaluate``,
    so nothing is fetched from a CDN.
    """
    from axe_playwright_python.sync_playwright import Axe

    return Axe().run(page, options=AXE_OPTIONS).response["violations"]


def describe_violations(violations: list[dict]) -> str:
    """One line per failing element: rule id, impact, CSS target, and axe's help text."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"- {violation['id']} ({violation['impact']}) at {target}: {violation['help']}")
    return "\n".join(lines)
