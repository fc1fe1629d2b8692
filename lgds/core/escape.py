"""Escaping a value for the place it lands: Markdown text, HTML text, an attribute, a web address.

Templates escape every value as Markdown text unless told otherwise (see ``render``): a value from a
content file shows as written, never as formatting, a link or markup. ``Markup`` marks text the kit
itself made (a rendered macro, a link it built), which is written as it is.
"""

from __future__ import annotations

import functools
import html
import json
import re
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from lgds.core.addresses import email_fault, web_address_fault
from lgds.core.sanitise import END, MARK, MARK_NAME

MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")
"""Characters Python-Markdown lets a backslash escape (its ``ESCAPED_CHARS`` with our extensions)."""

LINE_START = re.compile(r"^(\s*)([:~=?^])")
"""Characters that only mean something at the start of a line (a definition, a fence, a setext
underline, a collapsible block), which a backslash cannot escape: written as character references."""

WHITE_SPACE = re.compile(r"\s+")
"""Runs of spaces, tabs and line breaks: a value is one line wherever it lands."""

URL_SAFE = "/:?#@!$&+,;=%-._~"
"""Characters kept as they are in an address; everything else is percent-encoded, so an address
written into Markdown cannot close its own link (``)``, ``]``) or start another."""


def markdown_text(value: Any) -> Markup:
    """A value as plain text inside Markdown, on one line: no formatting, no links, no HTML."""
    if isinstance(value, Markup):
        return value
    return _markdown_text(str(value))


@functools.lru_cache(maxsize=65536)  # names, titles and dates recur on page after page
def _markdown_text(text: str) -> Markup:
    text = WHITE_SPACE.sub(" ", text)
    text = MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))
    return Markup(LINE_START.sub(lambda m: f"{m.group(1)}&#{ord(m.group(2))};", text))


def html_text(value: Any) -> Markup:
    """A value as text inside HTML that Markdown leaves alone (an SVG title, a raw table caption)."""
    if isinstance(value, Markup):
        return value
    return Markup(html.escape(WHITE_SPACE.sub(" ", str(value)), quote=False))


def attribute(value: Any) -> Markup:
    """A value inside a double-quoted HTML attribute; even the kit's own markup is escaped here."""
    return Markup(html.escape(str(value), quote=True))


def href(value: Any) -> Markup:
    """A web or email address from data, checked again and percent-encoded where it is written.

    Anything but a whole ``https:`` or ``http:`` address, or ``mailto:`` and one email address, becomes
    ``#``, a link to nowhere. The test is the loaders' own (``core.addresses``), which already refuse
    such values, so this only ever guards against a mistake.
    """
    text = str(value).strip()
    if text[:7].lower() == "mailto:":
        if email_fault(text[7:]) is not None:
            return Markup("#")
        return Markup("mailto:" + quote(text[7:], safe="@"))
    if web_address_fault(text) is not None:
        return Markup("#")
    return Markup(quote(text, safe=URL_SAFE))


def yaml_value(value: Any) -> Markup:
    """A value for a page's front matter: JSON, which YAML reads as it is written."""
    if isinstance(value, Markup):
        value = str(value)
    return Markup(json.dumps(value, ensure_ascii=False))


def contributed(markdown: str) -> Markup:
    """A contributor's Markdown body (a point's text, an event's write-up), written as Markdown.

    This is the one kind of value from a content file that a template writes without escaping: it
    is meant to be formatted. Mark it with this function, where it is read from the model, so every
    such place can be found. The body comes between ``sanitise.MARK`` and ``sanitise.END``, which have
    the content hook clean that part of the page's HTML to a safe allow-list (no scripts, no event
    handlers, no ``javascript:`` links).
    """
    body = MARK_NAME.sub("lgds-contributed-text", markdown.strip())  # no mark of its own
    return Markup(f"{MARK}\n\n{body}\n\n{END}") if body else Markup("")


def contributed_line(markdown: str) -> Markup:
    """A contributor's Markdown of one line (a question in a list), written inside a line of the
    template: between the same marks as :func:`contributed`, on the same line, so the list or paragraph
    it is in stays whole."""
    line = MARK_NAME.sub("lgds-contributed-text", " ".join(markdown.split()))
    return Markup(f"{MARK}{line}{END}") if line else Markup("")
