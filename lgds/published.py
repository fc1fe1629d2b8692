"""Every page and file the site will have, known from the loaded models before anything is made; and
the checks that need them: each link in Markdown and each page in the menu leads somewhere, and no
page takes the place of another.

MkDocs' strict build fails on a broken link or menu entry, and overwrites or drops one of two pages at
the same address, so ``lgds check`` must find these first, without making the pages: the kit's pages
are where ``lgds/core/routes.py`` puts each kind, one for each model that has one; the hand-written
ones are the files in ``docs/`` and the Markdown in the content folders that no loader turned into a
model. ``tests/test_links.py`` checks the list against what the build makes.
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

from lgds.core import links, routes
from lgds.core.files import CONTENT_FOLDERS, find
from lgds.core.problems import Problem, Problems, did_you_mean, kind
from lgds.core.sections import sections
from lgds.core.sources import parse_yaml, split_front_matter
from lgds.core.styles import FORK, SUFFIX
from lgds.reviews.models import REVIEWS_CSV, REVIEWS_JSON
from lgds.site import Site

OVERRIDES = "overrides"
"""The theme's ``custom_dir`` in mkdocs.yml, as ``lgds.core.render`` (which reads it) names it."""

DOCS = "docs"
"""MkDocs' ``docs_dir``: every file in it is part of the site, at its path inside the folder."""

DATA_FILES = (
    "councils.csv",
    "signups.csv",
    "signups.json",
    REVIEWS_CSV,
    REVIEWS_JSON,
    "events.json",
    "schema/events.json",
)
"""The open data files at /data/ (``lgds.councils.opendata``); the register's only when it was read."""

ONE_EACH = (
    "errors",
    "templates",
    "stylesheet",
    "script",
    "offline-search",
    "standard",
    "councils",
    "coverage",
    "data",
    "peer-groups",
    "events",
    "calendar",
    "news-feed",
    "kit",
    "reviews",
    "review-patterns",
    "review-sheet",
    "network",
)
"""Routes of which the site always has exactly one."""

REPLACED = kind(
    "page-replaced",
    "the kit makes its own {what} at this file's address, `{address}`, and it would take the place of the file",
    expected="a hand-written page at an address the kit does not use",
    fix="rename or move the file; to change the words of the kit's page, copy its template to overrides/ "
    "(the Templates reference page lists them)",
)


SAME_PAGE = kind(
    "same-page",
    "this file and {other} would both be the page `{address}`, and one would take the other's place",
    expected="one file for each page (a folder's `index.md` and `README.md` are the same page)",
    fix="rename or remove one of the two files",
)
NAV_MISSING = kind(
    "nav-missing-page",
    "the site's menu (`nav` in mkdocs.yml) lists `{entry}`, but the site has no such page",
    expected="each page in `nav` to be a page of the site: a file in docs/, or a page in standard/, "
    "peer-groups/ or franchise-kit/, written from the top of the site",
    fix="{hint}",
)
NAV_FIX = "add the page, or take its line out of `nav` in mkdocs.yml"

ENGINE = "mkdocs.yml"
MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")
"""The endings MkDocs reads as Markdown pages in docs/."""


def generated(site: Site) -> dict[str, str]:
    """Every page and file the kit makes from ``site``, by its source path, with the kind it is."""
    made = {routes.path(name): name for name in ONE_EACH}
    data = DATA_FILES if site.register_text else DATA_FILES[1:]
    made.update((routes.path("data-file", file=name), "data-file") for name in data)
    made.update((routes.path("point", point=p), "point") for p in site.points.values())
    made.update((routes.path("council", council=c), "council") for c in site.current_councils)
    years: dict[str, set[int]] = {slug: set() for slug in site.groups}  # ``lgds.groups.lists.by_year``
    for event in site.events:
        made[routes.path("event", event=event)] = "event"
        if event.timed:
            made[routes.path("event-calendar", event=event)] = "event-calendar"
        years.setdefault(event.group, set()).add(event.meta.date.year)
    for year in set().union(*years.values()):
        made[routes.path("events-year", year=year)] = "events-year"
    for slug in site.groups:
        made[routes.path("group", group=slug)] = "group"
        made[routes.path("group-calendar", group=slug)] = "group-calendar"
        for year in years[slug]:
            made[routes.path("group-year", group=slug, year=year)] = "group-year"
    for pack in site.packs.values():
        for name in ("pack", "pack-print", "pack-zip"):
            made[routes.path(name, pack=pack)] = name
    for review in site.reviews:
        made[routes.path("review", review=review)] = "review"
        made[routes.path("reviews-year", year=review.meta.date.year)] = "reviews-year"
    return made


def hand_written(site: Site) -> dict[str, str]:
    """Every hand-written page and file, by its source path in the site, with the file it comes from."""
    found = {path.removeprefix(f"{DOCS}/"): path for path in find(site.root, DOCS, "**/*")}
    for folder in CONTENT_FOLDERS:
        for path in find(site.root, folder, "**/*.md"):
            if path not in site.claimed:
                found.setdefault(path, path)
    return found


def replaced(file: str, address: str, problems: Problems) -> Problem:
    """Report that the kit makes a page or file at ``address``, which the hand-written ``file`` has."""
    what = "page" if address.endswith(".md") else "file"
    return problems.add(REPLACED, file, 1, what=what, address=routes.url(address))


def check(site: Site, problems: Problems) -> None:
    """The last step of loading: links in every Markdown text and the menu, and pages that would take
    each other's place."""
    made = generated(site)
    written = hand_written(site)
    _check_addresses(made, written, problems)
    pages = {address: file for address, file in written.items() if address.endswith(MARKDOWN)}
    texts = {address: _body(site.root, file) for address, file in pages.items() if address not in made}
    bodies = [links.Body(pages[a], line, text, a) for a, (line, text) in texts.items()]
    bodies += [_intro(site, path, intro.body) for path, intro in site.intros.items()]
    theme = _theme_files(site.root)
    unmade = _pages_of_failed(site)

    def exists(path: str) -> bool:
        """A page or file of the site, or one its file's own problem keeps from being made."""
        return path in made or path in written or path in unmade or theme(path)

    def sections_of(page: str) -> frozenset[str] | None:
        return sections(texts[page][1]) if page in texts else None

    links.check([*site.bodies, *bodies], exists, sections_of, problems, lambda: [*made, *written])
    _check_nav(site.root, exists, lambda: [*made, *written], problems)


def _check_addresses(made: dict[str, str], written: dict[str, str], problems: Problems) -> None:
    """No hand-written file is published where the kit or another hand-written file is.

    MkDocs names a page by its file: ``about.md`` is ``about/``, a folder's ``index.md`` or
    ``README.md`` is the folder. The kit's page takes the place of a hand-written one; of two
    hand-written ones, MkDocs keeps one and warns, or silently writes one over the other.
    """
    seen: dict[str, str] = {}
    readme_last = sorted(written.items(), key=lambda item: (_page(item[0]) != item[0], item[0]))
    for address, file in readme_last:
        page = _page(address)
        if page in made:
            replaced(file, page, problems)
        elif page in seen:
            problems.add(SAME_PAGE, file, 1, other=seen[page], address=routes.url(page) or "/")
        else:
            seen[page] = file


def _page(path: str) -> str:
    """The source path MkDocs publishes a file as: a Markdown page as ``.md``, ``README`` as ``index``."""
    folder, _, name = path.rpartition("/")
    stem, dot, ending = name.rpartition(".")
    if not dot or f".{ending}" not in MARKDOWN:
        return path
    name = "index.md" if stem == "README" else f"{stem}.md"
    return f"{folder}/{name}" if folder else name


def _check_nav(
    root: Path, exists: Callable[[str], bool], known: Callable[[], Iterable[str]], problems: Problems
) -> None:
    """Each page the menu (``nav`` in mkdocs.yml) lists is a page of the site, as MkDocs requires."""
    if not (root / ENGINE).is_file():
        return
    text = (root / ENGINE).read_text(encoding="utf-8", errors="replace")
    source = parse_yaml(text, ENGINE, Problems())  # MkDocs reports what is wrong with the file itself
    if source is None or not isinstance(source.data, dict):
        return

    def walk(item: object, at: tuple[str | int, ...]) -> None:
        if isinstance(item, list):
            for i, inner in enumerate(item):
                walk(inner, (*at, i))
        elif isinstance(item, dict):
            for key, value in item.items():
                walk(value, (*at, key))
        elif isinstance(item, str):
            parts = urlsplit(item)
            if not (parts.scheme or parts.netloc or item.startswith("/") or exists(item)):
                hint = did_you_mean(item, [p for p in known() if p.endswith(".md")])
                problems.add(NAV_MISSING, ENGINE, source.line(*at), entry=item, hint=hint or NAV_FIX)

    walk(source.data.get("nav"), ("nav",))


def _pages_of_failed(site: Site) -> set[str]:
    """The pages that files which could not be loaded would have made: a link to one is not broken,
    it waits for that file's own problem to be fixed (one mistake, one message)."""
    pages: set[str] = set()
    for failed in site.failed:
        path, _, key = failed.partition("#")
        folder = path.rpartition("/")[0]
        if path.endswith("/group.yml"):
            pages.update({f"{folder}/index.md", f"{folder}/events.ics"})
        elif path.endswith("/pack.yml"):
            pages.update({f"{folder}/index.md", f"{folder}/print.md", f"{folder}.zip"})
        elif path.endswith(".md"):  # a point or an event: its page has its file's path
            pages.update({path, path.removesuffix(".md") + ".ics"})
        elif key and path == "data/councils.csv":
            pages.add(f"councils/{key.lower()}.md")
    return pages


def _body(root: Path, file: str) -> tuple[int, str]:
    """A hand-written page's Markdown after its front matter, with the line it starts on."""
    text = (root / file).read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    parts = split_front_matter(text)
    if parts is None or parts[2] < 0:
        return 1, text
    return parts[2], parts[1]


def _intro(site: Site, path: str, body: str) -> links.Body:
    """A hand-written introduction, published at its own path at the top of the kit's list."""
    line, _ = _body(site.root, path)
    return links.Body(path, line, body, path)


def _theme_files(root: Path) -> Callable[[str], bool]:
    """Whether the theme (Material, with this copy's ``overrides/``) publishes a file at a path.

    MkDocs publishes the theme's files beside the pages, all but its templates; a fork's stylesheets
    go into the kit's one bundle instead. Asked only for a link that nothing else explains.
    """

    @functools.cache
    def folders() -> tuple[Path, ...]:
        spec = importlib.util.find_spec("material")
        material = Path(spec.origin).parent / "templates" if spec and spec.origin else None
        return tuple(f for f in (root / OVERRIDES, material) if f is not None and f.is_dir())

    def published(path: str) -> bool:
        name = path.rsplit("/", 1)[-1].lower()
        if name.startswith(".") or name.endswith((".html", ".py", ".pyc", ".md")) or "readme" in name:
            return False
        if path.startswith(f"{FORK}/") and path.endswith(SUFFIX):
            return False
        return any((folder / path).is_file() for folder in folders())

    return published
