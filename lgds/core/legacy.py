"""Small helpers for writing Markdown safely: escaping data, relative links, front matter."""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~>])")


def text(value: object) -> str:
    """Escape data so it shows as written: no Markdown formatting, no HTML."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(str(value), quote=False))


def attr(value: object) -> str:
    """Escape data for an HTML attribute value in double quotes."""
    return html.escape(str(value), quote=True)


@functools.lru_cache(maxsize=65536)
def link(from_path: str, to_path: str) -> str:
    """A relative link from one source page to another, so MkDocs checks it and it works offline."""
    base = posixpath.dirname(from_path)
    start, target = base.split("/") if base else [], to_path.split("/")
    if any(part in ("", ".", "..") for part in (*start, *target)):
        return posixpath.relpath(to_path, base or ".")
    # The same as posixpath.relpath for plain relative paths, without asking for the working folder.
    common = 0
    while common < min(len(start), len(target)) and start[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


def front_matter(**fields: object) -> str:
    """A YAML front matter block; values are written as JSON, which YAML reads as-is."""
    lines = ["---"]
    for key, value in fields.items():
        if value is not None:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def page(title: str, body: str, *, source: str | None = None, **meta: object) -> str:
    """A whole page: front matter with its title, then the Markdown body."""
    return front_matter(title=title, source=source, **meta) + body.strip() + "\n"


def example_notice(what: str) -> str:
    """The plain notice shown wherever example data appears."""
    return (
        f'!!! warning "Example data"\n    {what} This is example content that shows how the site '
        "works. It is not a real record.\n\n"
    )
