"""Links inside contributors' Markdown, checked as MkDocs checks them, before anything is built.

MkDocs' strict build fails on a relative link to a page or file that the site does not have, and on a
link to a section that a page does not have. These checks find the same links in the Markdown as it is
written, and report each at its file and line, so ``lgds check`` fails first and says why in words.

A link is read as Python-Markdown reads it: ``[text](address "title")``, ``![alt](address)`` and
reference definitions (``[name]: address``) that something uses; not inside code or HTML comments. It
leads where MkDocs sends it: relative to the page the text is published on, which for an event or a
point is its own file and for a pack's activity is the pack's page. Links with a scheme (``https:``)
or a leading ``/``, and addresses without a file extension, are left alone, as MkDocs leaves them.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lgds.core import reuse, routes
from lgds.core.problems import Problems, did_you_mean, kind
from lgds.core.sections import mask
from lgds.core.sources import split_front_matter

BROKEN_LINK = kind(
    "broken-link",
    "the link to `{url}` leads nowhere: the site has no page or file `{target}`",
    expected="a link to a page or file of the site, counted from the folder of the page this text is on",
    fix="{hint}",
)
BAD_LINK = kind(
    "unreadable-link",
    "the link to `{url}` cannot be read as a web address ({why})",
    expected="a web address starting with https://, or the name of a page of the site",
    fix="check the brackets and the address; write a web address in full, like `https://www.example.gov.uk/`",
)
BROKEN_ANCHOR = kind(
    "broken-section-link",
    "the link to `{url}` goes to a section `#{anchor}` that the page `{target}` does not have",
    expected="the name of one of its headings, in lower case with hyphens: {some}",
    fix="{hint}",
)


@dataclass(frozen=True)
class Body:
    """A contributor's Markdown: the file and the line it starts on there, and the page it appears on."""

    file: str
    line: int
    text: str
    page: str


def body_of_unreadable(root: Path, rel: str, page: str) -> Body | None:
    """The Markdown body of a file whose front matter cannot be read, so its links are still checked
    in the same run; None when the body cannot be found either (its problem is reported already)."""
    try:
        text = (root / rel).read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except (OSError, UnicodeDecodeError):
        return None
    parts = split_front_matter(text)
    if parts is None or parts[2] < 0:
        return None
    return Body(rel, parts[2], parts[1], page)


@dataclass(frozen=True)
class Link:
    """One link in a text: its line within the text (0 for the first) and its address as written."""

    line: int
    url: str


_TEXT = r"\[(?:[^\[\]\\]|\\.|\[(?:[^\[\]\\]|\\.)*\])*\]"
_INLINE = re.compile(r"!?" + _TEXT + r"\(")
_DEFINITION = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*(?:<([^>\n]*)>|(\S+))", re.MULTILINE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ANGLED = re.compile(r"""\s*<([^>\n]*)>\s*(?:"[^"\n]*"|'[^'\n]*')?\s*\)""")
_TITLED = re.compile(r"""(.*?)(["'])(?:.*)\2\s*$""", re.DOTALL)


def links(text: str) -> tuple[Link, ...]:
    """Every link in ``text`` that Python-Markdown would make; remembered by text between rebuilds."""
    return reuse.current().by_text("markdown-links", text, _links)


def _links(text: str) -> tuple[Link, ...]:
    if "](" not in text and "]:" not in text:
        return ()  # most texts link nowhere: no need to read them closely
    masked = mask(text)
    found: list[tuple[int, str]] = []
    for match in _INLINE.finditer(masked):
        if _BLANK_LINE.search(match.group(0)):
            continue  # a link's text ends with its paragraph
        url = _destination(masked, match.end())
        if url is not None:
            found.append((match.start(), url))
    for match in _DEFINITION.finditer(masked):
        if _used_elsewhere(masked, match):
            found.append((match.start(), (match.group(2) or match.group(3) or "").strip()))
    return tuple(Link(masked.count("\n", 0, at), url) for at, url in sorted(found))


def _used_elsewhere(masked: str, definition: re.Match[str]) -> bool:
    """A definition makes a link only where a ``[text][name]`` or ``[name]`` refers to it."""
    name = re.escape(definition.group(1).strip())
    rest = masked[: definition.start()] + masked[definition.end() :]
    return re.search(rf"\[{name}\](?!:)", rest, re.IGNORECASE) is not None


def _destination(text: str, start: int) -> str | None:
    """The address of an inline link whose ``(`` ends at ``start``, read as Python-Markdown reads it:
    everything up to the matching ``)``, less a title in quotes at the end; None if it never closes."""
    rest = text[start:]
    angled = _ANGLED.match(rest)
    if angled:
        return angled.group(1).strip()
    depth = 1
    for i, char in enumerate(rest):
        if char == "\n" and rest[i + 1 : i + 2] == "\n":
            return None  # a blank line ends the paragraph, and any link not closed in it
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                inside = rest[:i]
                titled = _TITLED.match(inside)
                return (titled.group(1) if titled else inside).strip()
    return None


@dataclass(frozen=True)
class Target:
    """Where a link leads: the page's or file's source path ("" for the same page), and the section."""

    path: str
    anchor: str


def target(page: str, url: str) -> Target | None:
    """Where ``url``, written on ``page``, leads; None for a link MkDocs does not check.

    Raises ``ValueError`` for an address that cannot be read at all.
    """
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("/", "\\")) or "\x02amp" in url:
        return None
    if not parts.path:
        return Target("", parts.fragment) if parts.fragment else None
    path = unquote(parts.path)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), path).lstrip("/"))
    return Target(resolved, parts.fragment)


def check(
    bodies: Iterable[Body],
    exists: Callable[[str], bool],
    sections: Callable[[str], frozenset[str] | None],
    problems: Problems,
    known: Callable[[], Iterable[str]],
) -> None:
    """Report each link in ``bodies`` to a page or file that does not exist, or to a missing section.

    ``exists`` says whether the site has a source path; ``sections`` gives a page's section names, or
    None when they cannot be known without making the page; ``known`` lists every path, for hints.
    """
    for body in bodies:
        for link in links(body.text):
            line = body.line + link.line
            try:
                found = target(body.page, link.url)
            except ValueError as exc:
                problems.add(BAD_LINK, body.file, line, url=link.url, why=str(exc).lower())
                continue
            if found is None:
                continue
            if found.path and not exists(found.path):
                if posixpath.splitext(unquote(urlsplit(link.url).path))[1]:
                    hint = _hint(body, link.url, found.path, known)
                    problems.add(BROKEN_LINK, body.file, line, url=link.url, target=found.path, hint=hint)
                continue  # an address without a file extension MkDocs leaves as it is
            if found.anchor:
                _check_anchor(body, link.url, found, line, sections, problems)


def _hint(body: Body, url: str, path: str, known: Callable[[], Iterable[str]]) -> str:
    """The likely fix: an email address without ``mailto:``, too many ``../``, or the file meant."""
    if "@" in url and "/" not in url:
        return f"to link to an email address, write `mailto:` before it: `mailto:{url}`"
    if path == ".." or path.startswith("../"):
        return f"there are too many `../`: count the folders up from {_folder(body.page)}"
    paths = sorted(known())
    wanted = posixpath.basename(path)
    if wanted.endswith(".html"):
        wanted = wanted.removesuffix(".html") + ".md"
    same = [p for p in paths if posixpath.basename(p) == wanted]
    if not same:
        names = {posixpath.basename(p): p for p in reversed(paths)}
        close = difflib.get_close_matches(wanted, list(names), n=1, cutoff=0.75)
        same = [names[c] for c in close]
    if same:
        options = " or ".join(f"`{relative(body.page, p)}`" for p in same[:3])
        return f"did you mean {options}? A link is counted from {_folder(body.page)}"
    return f"check the file's name and folder; a link is counted from {_folder(body.page)}"


def _folder(page: str) -> str:
    """The folder a page's links are counted from, as a contributor sees it."""
    folder = posixpath.dirname(page)
    return f"{folder}/, where this text is published" if folder else "the top of the site"


def _check_anchor(
    body: Body,
    url: str,
    found: Target,
    line: int,
    sections: Callable[[str], frozenset[str] | None],
    problems: Problems,
) -> None:
    page = found.path or body.page
    names = sections(page)
    if names is None or found.anchor in names:
        return
    shown = ", ".join(sorted(names)[:8]) + (", ..." if len(names) > 8 else "") if names else "none"
    similar = sorted(n for n in names if found.anchor in n)[:3]
    hint = (
        did_you_mean(found.anchor, names)
        or ("did you mean " + " or ".join(repr(n) for n in similar) + "?" if similar else "")
        or "link to the page without `#...`, or to one of its headings"
    )
    problems.add(
        BROKEN_ANCHOR,
        body.file,
        line,
        url=url,
        anchor=found.anchor,
        target=routes.url(page) or "/",
        some=shown,
        hint=hint,
    )


def relative(from_path: str, to_path: str) -> str:
    """A link from one source path to another, as a contributor would write it."""
    return posixpath.relpath(to_path, posixpath.dirname(from_path) or ".")
