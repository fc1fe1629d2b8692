"""Where every kind of page lives: one table, from which every link between pages is made.

A route is the page's source path in the site, a pattern filled from what the page is about with
``str.format`` (``councils/{council.slug}.md``), so the table also says which fields place a page.
MkDocs turns a source path into its address (``councils/cmd/``), checks each link between pages and
rewrites it for the offline copy, so pages link to each other by source path, relative to themselves.

Every value placed in a pattern is percent-encoded, and a value that would climb out of its folder
(``..``) is refused, whatever the loaders let through.
"""

from __future__ import annotations

import functools
import operator
import posixpath
import string
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

ROUTES: dict[str, str] = {
    # The site as a whole
    "home": "index.md",
    "about": "about.md",
    "contribute": "contribute.md",
    "errors": "reference/errors.md",
    "templates": "reference/templates.md",
    "stylesheet": "assets/lgds.css",
    "script": "assets/lgds.js",
    "offline-search": "assets/iframe-worker-shim.js",
    # The Standard
    "standard": "standard/index.md",
    "point": "standard/{point.slug}.md",
    # Councils and sign-ups
    "councils": "councils/index.md",
    "council": "councils/{council.slug}.md",
    "coverage": "councils/coverage.md",
    "sign-up": "sign-up.md",
    "data": "data/index.md",
    "data-file": "data/{file}",
    # Peer groups and events
    "peer-groups": "peer-groups/index.md",
    "group": "peer-groups/{group}/index.md",
    "group-year": "peer-groups/{group}/events/{year}.md",
    "group-calendar": "peer-groups/{group}/events.ics",
    "event": "peer-groups/{event.group}/events/{event.slug}.md",
    "event-calendar": "peer-groups/{event.group}/events/{event.slug}.ics",
    "events": "events/index.md",
    "events-year": "events/{year}.md",
    "calendar": "events.ics",
    "news-feed": "events.atom",
    # The franchise kit: a pack's pages sit in the pack's own folder, the kit's or a group's
    "kit": "franchise-kit/index.md",
    "starting-a-group": "franchise-kit/guide/starting-a-group.md",
    "pack": "{pack.folder}/index.md",
    "pack-print": "{pack.folder}/print.md",
    "pack-zip": "{pack.folder}.zip",
    # Peer reviews of services against the Standard
    "reviews": "reviews/index.md",
    "reviews-year": "reviews/{year}.md",
    "review": "reviews/{review.folder}/{review.slug}.md",
    "review-patterns": "reviews/patterns.md",
    "review-sheet": "reviews/scoring-sheet.md",
    # How the kit's files are written: hand-written reference pages
    "pack-files": "reference/pack.md",
    "rounds-file": "reference/rounds.md",
    "site-settings": "reference/site-settings.md",
    "review-files": "reference/review.md",
}
"""Route name → pattern of the page's source path."""


@functools.lru_cache(maxsize=65536)
def _encode(text: str) -> str:
    """One value placed in a pattern, percent-encoded; a value that leaves its folder is refused."""
    if any(part in ("", ".", "..") for part in text.split("/")) or "\\" in text:
        raise ValueError(f"{text!r} cannot be part of a page's address")
    return quote(text, safe="/")


Part = Callable[[Mapping[str, Any]], str]


def _fixed(text: str, values: Mapping[str, Any]) -> str:
    return text


@functools.cache
def _compiled(name: str) -> tuple[Part, ...]:
    """The route's pattern as parts: fixed text, and each field's value looked up and encoded."""
    parts: list[Part] = []
    for literal, field, spec, _ in string.Formatter().parse(ROUTES[name]):
        if literal:
            parts.append(functools.partial(_fixed, literal))
        if field is not None:
            first, *rest = field.split(".")
            get = operator.attrgetter(".".join(rest)) if rest else None

            def value(
                values: Mapping[str, Any], first: str = first, get: Any = get, spec: str = spec or ""
            ) -> str:
                found = values[first] if get is None else get(values[first])
                return _encode(format(found, spec))

            parts.append(value)
    return tuple(parts)


def path(route: str, /, **values: Any) -> str:
    """The source path of the page ``route`` for ``values``: ``path("council", council=camden)``."""
    return "".join(part(values) for part in _compiled(route))


@functools.lru_cache(maxsize=65536)
def url(source: str) -> str:
    """A source path's address on the site, as MkDocs gives it: ``councils/cmd.md`` → ``councils/cmd/``."""
    if not source.endswith(".md"):
        return source
    stem = source.removesuffix(".md")
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@functools.lru_cache(maxsize=65536)
def relative(from_path: str, to_path: str) -> str:
    """A link from one source path to another, relative, so MkDocs checks it and it works offline."""
    base = posixpath.dirname(from_path)
    start, target = base.split("/") if base else [], to_path.split("/")
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."
