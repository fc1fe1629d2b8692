"""Contributors' Markdown, cleaned to a safe allow-list as the big code hosts clean what users write.

A reviewer reads the Markdown in a pull request, not the HTML it becomes, so a body (a point, an event's
write-up, a group's page, a pack's notes) must not be able to put a script on the site. Markdown lets a
writer add raw HTML, attributes (``{: onclick="..." }``) and links of any kind, so the HTML of every
page that holds a contributor's Markdown is cleaned by nh3 (the Python binding to ammonia, a
well-kept sanitiser) with :data:`POLICY`: the tags and attributes Markdown and the kit's own templates
make, and nothing that runs or loads anything: no ``<script>``, ``<style>``, ``<iframe>``,
``<object>``, ``<embed>`` or ``<form>``, no event-handler attributes, no ``style`` but a table cell's
alignment, and links only to ``https:``, ``http:`` and ``mailto:`` addresses (or within the site).

Two places use it. The content hook cleans each hand-written page (``clean``) and each contributor's
body in a generated page (``clean_contributed``), so the published page never holds what was taken
out, even in a build that is not strict. The loaders ask ``core.unsafe`` what
cleaning would take out of each body, so ``lgds check`` and the build warn at its file and line.
``contributed`` (in ``core.escape``) puts each body written into a generated page between :data:`MARK`
and :data:`END`, which tell the hook what to clean; hand-written pages are always cleaned whole.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import nh3

MARK = "<!-- lgds-contributed -->"
"""Written before each contributor's body in a generated page: the hook cleans from here to :data:`END`."""
END = "<!-- lgds-contributed-end -->"
"""Written after each contributor's body. ``core.escape.contributed`` takes both marks' name out of the
body, so a contributor cannot end the cleaning early; a body that hides the end (an unclosed code
block) has the rest of its page cleaned, which is safe."""
MARK_NAME = re.compile(r"lgds-contributed", re.IGNORECASE)


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


TAGS = _names(
    """a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em
    figcaption figure h1 h2 h3 h4 h5 h6 hr i img input ins kbd li mark nav ol p pre q rp rt ruby s samp
    section small span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr"""
)
"""The elements a page may keep: text-level and block-level formatting, lists, tables, images, and
what the Markdown extensions in ``mkdocs.yml`` make (notes, collapsible blocks, task-list boxes)."""

REMOVED_WITH_CONTENT = _names(
    """script style iframe frame frameset object embed applet noscript noembed noframes template textarea
    title xmp plaintext svg math"""
)
"""Elements taken out together with everything inside them: their content is code, or is shown only
when they do not work. Any other element not in :data:`TAGS` (a ``<form>``, say) is taken out and its
text kept."""

ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir", "hidden"}
    | {"aria-label", "aria-labelledby", "aria-describedby", "aria-hidden"},
    "a": {"href", "rel", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"style", "colspan", "rowspan", "headers", "align"},
    "th": {"style", "colspan", "rowspan", "headers", "align", "scope", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "del": {"datetime"},
    "ins": {"datetime"},
    "details": {"open"},
}
"""Attributes kept, by element (``*``: on any); ``style`` keeps only ``text-align``, as Markdown tables
write it. No ``on...`` event handler is among them."""

DATA_PREFIXES = {"data-lgds-"}
"""Attributes the kit's own blocks carry (``data-lgds-end``), which its scripts read as data only."""

SCHEMES = {"http", "https", "mailto"}
"""Where a link or image may point, besides places within the site."""

POLICY: dict[str, Any] = {
    "tags": set(TAGS),
    "clean_content_tags": set(REMOVED_WITH_CONTENT),
    "attributes": ATTRIBUTES,
    "generic_attribute_prefixes": DATA_PREFIXES,
    # A task list's box: a checkbox that cannot be ticked, and nothing else an <input> could be.
    "tag_attribute_values": {"input": {"type": {"checkbox"}, "checked": {"", "checked"}}},
    "set_tag_attribute_values": {"input": {"disabled": "disabled"}},
    "url_schemes": SCHEMES,
    "filter_style_properties": {"text-align"},
    "link_rel": None,  # the kit's links say what they are; nothing opens a new window
    "strip_comments": True,
}


@functools.cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(**POLICY)


def clean(html: str) -> str:
    """``html`` with everything outside the allow-list taken out (and :data:`MARK` with the comments)."""
    return _cleaner().clean(html)


def clean_contributed(html: str) -> str:
    """A generated page's ``html`` with each contributor's body in it cleaned, from its :data:`MARK` to
    its :data:`END`, and the kit's own markup around them left as its templates made it (forms, data
    attributes). Each part is cleaned on its own, so whatever a body leaves open is closed inside it."""
    out: list[str] = []
    rest = html
    while (start := rest.find(MARK)) >= 0:
        out.append(rest[:start])
        end = rest.find(END, start)
        stop = len(rest) if end < 0 else end + len(END)
        out.append(clean(rest[start:stop]))
        rest = rest[stop:]
    out.append(rest)
    return "".join(out)


RAW = re.compile(r"<|\{[^}\n]*\}|&(?:#|[A-Za-z][A-Za-z0-9]*;)")
"""Raw HTML, an attribute list, or a character reference (``&#106;``), which can spell a link."""

DESTINATION = re.compile(r"\]\s*\(\s*<?([^)>]*)|\]:[ \t]*\n?[ \t]*<?(\S*)")
"""Where a Markdown link or image points: ``[text](here)``, or ``[name]: here`` for a reference."""

SAFE_DESTINATION = re.compile(r"^(?:https?://|mailto:)|^[^:]*(?:[/?#]|$)", re.IGNORECASE)
"""An address that is on the web or by email, or within the site (no scheme before a / ? or #)."""

BLOCK_MARKER = re.compile(r"<!-- lgds:[a-z0-9-]+ -->")
"""A hand-written page's data block, which the kit fills with its own markup."""

AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^\s<>]*>|<[^\s<>@]+@[^\s<>@]+>", re.IGNORECASE)
"""``<https://...>`` and ``<name@example.org>``: Markdown makes these plain links."""

CODE_SPAN = re.compile(r"(?:(?<!\\)((?:\\{2})+)(?=`+)|(?<!\\)(`+)(.+?)(?<!`)\2(?!`))")
"""Python-Markdown's own pattern for a code span, whose text is shown as it is."""

HTML_BLOCK = re.compile(r"^ {0,3}<", re.MULTILINE)
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})[^\n]*\n.*?^ {0,3}\1[ \t]*$", re.MULTILINE | re.DOTALL)
"""A fenced code block, whose text is shown as it is."""

TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z][A-Za-z0-9-]*(?:\s*=\s*(?:\"[^\"<>&:]*\"|'[^'<>&:]*'"
    r"|[^\s\"'=<>`&:]+))?)*)\s*/?>"
)
"""An HTML tag whose attribute values hold no ``:`` or ``&``, so none can be a link elsewhere."""
ATTRIBUTE_NAME = re.compile(r"\s([A-Za-z][A-Za-z0-9-]*)")


def _unchanged(tag: re.Match[str]) -> bool:
    """Whether cleaning leaves this tag as it is: an allowed element with only allowed attributes."""
    name = tag.group(2).lower()
    if name not in TAGS or name == "input":
        return False
    allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(name, set()) | {"markdown"}
    names = ATTRIBUTE_NAME.findall(re.sub(r"\"[^\"]*\"|'[^']*'", "", tag.group(3)))
    return all(n.lower() in allowed and n.lower() != "style" for n in names)


def could_hold_unsafe(markdown: str) -> bool:
    """Whether cleaning ``markdown``'s HTML could take anything out: a cheap test on the text.

    Markdown alone makes only allowed elements, so only raw HTML, an attribute list, a character
    reference or a link's address can bring in anything else. Most bodies have none of these (or only
    tags that cleaning keeps, like the home page's ``<div class="grid cards" markdown>``), and are not
    rendered to be checked. (The hook cleans every page whatever this says.)
    """
    if not any(sign in markdown for sign in ("<", "{", "&", "](", "]:")):
        return False  # most bodies: no HTML, attribute list, reference or link at all
    text = AUTOLINK.sub("", BLOCK_MARKER.sub("", markdown))
    if "<" in text and not HTML_BLOCK.search(text):
        # Code is shown as it is (`<group>`), unless it sits in raw HTML, which leaves it alone.
        text = CODE_SPAN.sub("", FENCE.sub("", text))
    text = TAG.sub(lambda tag: "" if _unchanged(tag) else tag.group(0), text)
    if RAW.search(text):
        return True
    for match in DESTINATION.finditer(text):
        address = "".join((match.group(1) or match.group(2) or "").split())
        if not SAFE_DESTINATION.match(address) or not address.isprintable():
            return True
    return False
