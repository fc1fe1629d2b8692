"""The sections of a page written in Markdown, as a link names them after ``#``; and Markdown with
its code blanked out, where no link or heading is read.

Python-Markdown's ``toc`` gives each heading an id made from its text; MkDocs' strict build fails on a
link to an id that the page does not have. The kit cannot import Python-Markdown when it only checks
(that would slow ``lgds check``), so this makes the ids the same way.
"""

from __future__ import annotations

import html
import re
import unicodedata

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HEADING = re.compile(r"^ {0,3}#{1,6}(?!#)(.*?)[ \t#]*$", re.MULTILINE)
_SETEXT = re.compile(r"^ {0,3}(\S[^\n]*)\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_ATTR_ID = re.compile(r"\{:?[^}\n]*#([\w-]+)[^}\n]*\}")
_HTML_ID = re.compile(r"""<[a-zA-Z][^>]*?\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TAG = re.compile(r"<[^>]+>")


def sections(text: str) -> frozenset[str] | None:
    """The names of the sections of a page written in Markdown, as links name them after ``#``.

    Each heading's name is made as Python-Markdown's ``toc`` makes it, a repeated one with ``_1``, and
    an id given with ``{#name}`` or in HTML counts too. Where the inline markup of a heading could be
    read more than one way, each reading counts, so a link is never refused that the build accepts.
    None for a page whose data blocks (``<!-- lgds:NAME -->``) add to it when it is made.
    """
    if "<!-- lgds:" in text:
        return None
    masked = mask(text)
    names: set[str] = set()
    counts: dict[str, int] = {}
    headings = [m.group(1) for m in _HEADING.finditer(masked)]
    headings += [
        m.group(1) for m in _SETEXT.finditer(masked) if not m.group(1).lstrip().startswith(("-", "#"))
    ]
    for heading in headings:
        given = _ATTR_ID.search(heading)
        if given:
            names.add(given.group(1))
            continue
        for slug in _readings(_ATTR_ID.sub("", heading)):
            names.add(slug)
            for n in range(1, counts.get(slug, 0) + 1):
                names.add(f"{slug}_{n}")
            counts[slug] = counts.get(slug, 0) + 1
    names.update(m.group(1) for m in _ATTR_ID.finditer(masked))
    names.update(m.group(1) or m.group(2) for m in _HTML_ID.finditer(masked))
    return frozenset(names)


def _readings(heading: str) -> set[str]:
    """The heading's name, read with and without the markup that could be emphasis."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", heading)
    text = re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])", r"\1", text)
    text = html.unescape(_TAG.sub("", text.replace("`", "")))
    plain = re.sub(r"(?<!\w)[*_]+|[*_]+(?!\w)", "", text)
    return {slug for slug in (_slug(text.replace("*", "")), _slug(plain)) if slug}


def _slug(text: str) -> str:
    """What Python-Markdown's ``toc`` makes of a heading's text: ``Why it matters`` → ``why-it-matters``."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def mask(text: str) -> str:
    """``text`` with code, HTML comments and escaped brackets blanked out, lines kept where they are."""
    text = _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    text = text.replace("\\[", "  ").replace("\\]", "  ")
    lines = text.split("\n")
    fence = ""
    for i, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            lines[i] = ""
        elif opening:
            fence = opening.group(1)
            lines[i] = ""
        else:
            lines[i] = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
    return "\n".join(lines)
