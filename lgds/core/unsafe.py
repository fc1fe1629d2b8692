"""What cleaning takes out of a contributor's Markdown, each as a warning at its file and line.

``check`` renders a body the way MkDocs will (Python-Markdown with the extensions in ``mkdocs.yml``),
cleans the HTML twice with nh3: with the site's allow-list (``core.sanitise``), and with one that also
allows every element, attribute and kind of link the HTML holds. Both come from the same parse, so what
the second keeps and the first does not is exactly what the site takes out. Each is then found in the
body's text to give its line. Only bodies that ``sanitise.could_hold_unsafe`` picks are rendered, so an
ordinary body costs one pass of a regular expression.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import nh3

from lgds.core import reuse
from lgds.core.problems import Problems, kind
from lgds.core.sanitise import BLOCK_MARKER, POLICY, REMOVED_WITH_CONTENT, could_hold_unsafe

UNSAFE_MARKUP = kind(
    "unsafe-markup",
    "the text has {what}: the site leaves it out of the page",
    expected=(
        "Markdown, with HTML only to format text: no scripts, styles, frames, forms or objects, no "
        "attributes such as `onclick` that run code, and links only to https:, http: or mailto: addresses"
    ),
    fix="{fix}",
    warning=True,
)

EXTENSIONS = (
    "markdown.extensions.abbr",
    "markdown.extensions.admonition",
    "markdown.extensions.attr_list",
    "markdown.extensions.def_list",
    "markdown.extensions.md_in_html",
    "markdown.extensions.tables",
    "markdown.extensions.toc",
    "pymdownx.details",
    "pymdownx.superfences",
    "pymdownx.tasklist",
)
"""The ``markdown_extensions`` of ``mkdocs.yml``, by module (``tests/test_quality_sanitise.py`` checks)."""

SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")
"""What browsers ignore in an address: spaces, tabs, line breaks and control characters."""


@dataclass(frozen=True)
class Removal:
    """One thing cleaning takes out: its description, and what to look for to find its line."""

    what: str
    fix: str
    search: re.Pattern[str] | None = None
    scheme: str = ""


def check(body: str, path: str, first_line: int, problems: Problems) -> None:
    """Warn at its line of each thing the site would take out of ``body``, which starts at ``first_line``."""
    if not could_hold_unsafe(body):
        return
    for offset, what, fix in reuse.current().by_text("unsafe-markup", body, found):
        problems.add(UNSAFE_MARKUP, path, first_line + offset, what=what, fix=fix)


def found(body: str) -> list[tuple[int, str, str]]:
    """Each thing cleaning takes out of ``body``'s HTML: (line within the body from 0, what, fix)."""
    text = BLOCK_MARKER.sub("", body)
    rendered = _render(text)
    lines = text.split("\n")
    seen: dict[str, int] = {}
    results = []
    for removal in removals(rendered):
        key = removal.search.pattern if removal.search else removal.scheme
        nth = seen[key] = seen.get(key, -1) + 1
        results.append((_line(lines, removal, nth), removal.what, removal.fix))
    return results


def removals(rendered: str) -> list[Removal]:
    """What the allow-list takes out of ``rendered`` HTML, in the order it comes."""
    tags, attributes, values = _inventory(rendered)
    strict = _starts(nh3.clean(rendered, **POLICY))
    lenient = _starts(nh3.clean(rendered, **_lenient(tags, attributes, values)))
    out: list[Removal] = []
    kept = iter(strict)
    current = next(kept, None)
    skip_inside = 0
    for depth, name, attrs in lenient:
        if skip_inside and depth > skip_inside:
            continue  # inside an element taken out whole
        skip_inside = 0
        if current is not None and current[1] == name:
            out.extend(_attribute_removals(name, attrs, current[2]))
            current = next(kept, None)
            continue
        out.append(_element(name))
        if name in REMOVED_WITH_CONTENT:
            skip_inside = depth
    return out


@functools.cache
def _markdown() -> Any:
    import markdown  # type: ignore[import-untyped]  # only when a body needs checking: quick to start

    return markdown.Markdown(
        extensions=list(EXTENSIONS), extension_configs={EXTENSIONS[6]: {"permalink": True}}
    )


def _render(text: str) -> str:
    md = _markdown()
    md.reset()
    return str(md.convert(text))


class _Collector(HTMLParser):
    """Every start tag, in order, with its depth and attributes (values with references decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.starts: list[tuple[int, str, dict[str, str]]] = []
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.depth += 1
        self.starts.append((self.depth, tag, {k: v or "" for k, v in attrs}))
        if tag in VOID:
            self.depth -= 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((self.depth + 1, tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID:
            self.depth = max(0, self.depth - 1)


VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())  # noqa: SIM905


def _starts(markup: str) -> list[tuple[int, str, dict[str, str]]]:
    parser = _Collector()
    parser.feed(markup)
    parser.close()
    return parser.starts


def _inventory(rendered: str) -> tuple[set[str], set[str], set[str]]:
    """Every element, attribute and kind of link in the HTML, as a tolerant parser reads it."""
    tags: set[str] = set()
    attributes: set[str] = set()
    schemes: set[str] = set()
    for _, name, attrs in _starts(rendered):
        tags.add(name)
        attributes.update(attrs)
        for value in attrs.values():
            scheme = SCHEME.match(INVISIBLE.sub("", value).lower())
            if scheme:
                schemes.add(scheme.group(1))
    return tags, attributes, schemes


def _lenient(tags: set[str], attributes: set[str], schemes: set[str]) -> dict[str, Any]:
    """The allow-list widened to keep everything the HTML holds."""
    return {
        "tags": set(POLICY["tags"]) | tags | set(REMOVED_WITH_CONTENT) | {"input"},
        "clean_content_tags": set(),
        "attributes": {"*": attributes | {"disabled"}},
        "url_schemes": set(POLICY["url_schemes"]) | schemes,
        "set_tag_attribute_values": POLICY["set_tag_attribute_values"],
        "link_rel": None,
        "strip_comments": True,
    }


def _attribute_removals(tag: str, before: dict[str, str], after: dict[str, str]) -> Iterator[Removal]:
    for name, value in before.items():
        if after.get(name) == value or name == "markdown":
            continue  # `markdown` only asks for Markdown inside raw HTML; where it is left, it does nothing
        scheme = SCHEME.match(INVISIBLE.sub("", html.unescape(value)).lower())
        if name in ("href", "src") and scheme:
            yield Removal(
                f"a link to a `{scheme.group(1)}:` address",
                "link only to https:, http: or mailto: addresses, or to a page of this site",
                scheme=scheme.group(1),
            )
        elif name.startswith("on"):
            yield Removal(
                f"an `{name}` attribute, which runs code when a reader uses the page",
                f"take out `{name}=...`: the site's pages run no code from content",
                re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE),
            )
        elif name == "style":
            if _properties(value) <= _properties(after.get(name, "")):
                continue  # the same declarations, written more tidily
            yield Removal(
                "a `style` attribute",
                "take out `style=...`; the site styles pages itself",
                re.compile(r"\bstyle\b", re.IGNORECASE),
            )
        else:
            yield Removal(
                f"a `{name}` attribute on <{tag}>",
                f"take out `{name}=...`",
                re.compile(rf"\b{re.escape(name)}\b", re.IGNORECASE),
            )


def _properties(style: str) -> set[str]:
    return {part.split(":", 1)[0].strip().lower() for part in style.split(";") if ":" in part}


def _element(name: str) -> Removal:
    what = f"a <{name}> element" + (", with what is inside it" if name in REMOVED_WITH_CONTENT else "")
    fix = f"take out the <{name}>; to show it as text, put it in backticks like `<{name}>`"
    return Removal(what, fix, re.compile(rf"<\s*{re.escape(name)}\b", re.IGNORECASE))


def _line(lines: list[str], removal: Removal, nth: int) -> int:
    """The line (from 0) of the ``nth`` occurrence of what ``removal`` looks for; the last, if fewer."""
    hits: list[int] = []
    for number, line in enumerate(lines):
        if removal.search is not None:
            hits.extend(number for _ in removal.search.finditer(line))
        else:
            plain = INVISIBLE.sub("", html.unescape(line)).lower()
            hits.extend(number for _ in re.finditer(rf"[(<=:\"']{re.escape(removal.scheme)}:", plain))
    if not hits:
        return 0
    return hits[min(nth, len(hits) - 1)]
