"""The error reference: every kind of problem the checks can report, made from the catalogue itself."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from lgds import load as loader  # noqa: F401  (importing the loaders registers every kind)
from lgds.core.legacy import page, text
from lgds.core.output import Output
from lgds.core.problems import KINDS, Kind
from lgds.site import Site

AREA_TITLES = {
    "general": "Any file",
    "standard": "Points of the Standard",
    "councils": "Councils and sign-ups",
    "groups": "Peer groups",
    "events": "Events",
    "packs": "Session packs and rounds",
    "settings": "Site settings",
}


def build(site: Site) -> Iterator[Output]:
    yield Output("reference/errors.md", _errors_page(), source="lgds/problems.py")


def _errors_page() -> str:
    lines = [
        "Every problem `lgds check` and the build can report. Each message gives the file and line, "
        "what is wrong, what was expected, and how to fix it. Errors stop the build; warnings stop "
        "only a strict build (`lgds check --strict`, `mkdocs build --strict`).",
        "",
        "Text in braces, such as `{field}`, is filled in with the details of each problem.",
    ]
    kinds = sorted(
        KINDS.values(),
        key=lambda k: (list(AREA_TITLES).index(k.area) if k.area in AREA_TITLES else 99, k.code),
    )
    for area, group in groupby(kinds, key=lambda k: k.area):
        lines += ["", f"## {AREA_TITLES.get(area, area.title())}", ""]
        for item in group:
            lines += _kind(item)
    return page("Error reference", "\n".join(lines))


def _kind(item: Kind) -> list[str]:
    return [
        f"### {item.code}",
        "",
        f"*{item.severity.value.capitalize()}.* {text(item.message)}.",
        "",
        f"- **Expected:** {text(item.expected)}",
        f"- **How to fix it:** {text(item.fix)}",
        "",
    ]
