"""A fork's copies of the kit's templates can be read, or ``lgds check`` says where they cannot.

A fork changes a page's words by copying its template to ``overrides/<the same name>``. A slip in the
copy's Jinja2 (an ``{% if %}`` without its ``{% endif %}``, a ``{{`` never closed) would stop the build
with a traceback; here it is a problem at the file and line, found before anything is built. Jinja2
is loaded only when the fork has such copies, so checking the kit itself stays quick.
"""

from __future__ import annotations

from pathlib import Path

from lgds.core.files import find
from lgds.core.problems import Problems, kind
from lgds.site import Site

OVERRIDES = "overrides"
"""Where a fork's copies are (``lgds.core.render.OVERRIDES``)."""
KIT = Path(__file__).resolve().parents[1]
"""The package: each feature's templates are in ``<feature>/templates/``."""

TEMPLATE_SYNTAX = kind(
    "template-syntax",
    "the template cannot be read: {detail}",
    expected="a template written as the kit's own copy is (lgds/{original})",
    fix="compare the line with the kit's own template: each tag that is opened must be closed, and each "
    "`if` or `for` needs its `endif` or `endfor`",
)


def check(site: Site, problems: Problems) -> None:
    """Read each of the fork's copies of a kit template as Jinja2 reads it."""
    copies = []
    for path in find(site.root, OVERRIDES, "**/*"):
        feature, _, name = path.removeprefix(f"{OVERRIDES}/").partition("/")
        if name and (KIT / feature / "templates" / name).is_file():
            copies.append((path, f"{feature}/templates/{name}"))
    if not copies:
        return
    import jinja2  # only for a fork with copies: building needs it anyway, checking the kit does not

    environment = jinja2.Environment()
    for path, original in copies:
        text = (site.root / path).read_text(encoding="utf-8", errors="replace")
        try:
            environment.parse(text)
        except jinja2.TemplateSyntaxError as exc:
            detail = str(exc.message or "unexpected text").rstrip(".")
            problems.add(TEMPLATE_SYNTAX, path, exc.lineno, detail=detail, original=original)
