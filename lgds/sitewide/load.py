"""Load ``site.yml``, the settings a fork changes; and check the data blocks hand-written pages ask for."""

from __future__ import annotations

import re

from lgds.core.files import CONTENT_FOLDERS, find
from lgds.core.problems import Problems, did_you_mean, kind
from lgds.core.sources import NOT_A_MAPPING, read_text, read_yaml
from lgds.core.validate import validate
from lgds.site import Site
from lgds.sitewide.handwritten import check_page
from lgds.sitewide.models import Settings

SETTINGS_FILE = "site.yml"

BLOCK_NAMES = frozenset(
    {
        "accessibility-testing",
        "fork-home",
        "kit-link",
        "next-events",
        "peer-groups-link",
        "points-count",
        "signup-headline",
    }
)
"""The data blocks a hand-written page may ask for with ``<!-- lgds:NAME -->`` (see ``lgds.build``)."""

MARKER = re.compile(r"<!-- lgds:([a-z0-9-]+) -->")

UNKNOWN_BLOCK = kind(
    "unknown-block",
    "the page asks for a data block called `{name}`, which the kit does not have",
    expected="one of: {names}",
    fix="{suggestion}",
)


def load(site: Site, problems: Problems) -> None:
    """Read the settings if the file exists; an empty file means every default."""
    if not (site.root / SETTINGS_FILE).is_file():
        return
    source = read_yaml(site.root, SETTINGS_FILE, problems, mapping=False)
    if source is None or source.data is None:
        return
    if not isinstance(source.data, dict):
        problems.add(NOT_A_MAPPING, SETTINGS_FILE, 1, found="something other than settings")
        return
    settings = validate(Settings, source, problems)
    if settings is not None:
        settings._lines = {name: source.line(name) for name in source.data}
        site.settings = settings
        site.repo_url = settings.repo_url.rstrip("/") if settings.repo_url else None


def load_blocks(site: Site, problems: Problems) -> None:
    """Check each ``<!-- lgds:NAME -->`` in the hand-written pages names a block the kit makes, and warn
    of markup the site would take out of them (``core.unsafe``), as the loaders do for every body."""
    pages = find(site.root, "docs", "**/*.md")
    pages += [
        p for folder in CONTENT_FOLDERS for p in find(site.root, folder, "**/*.md") if p not in site.claimed
    ]
    for path in pages:
        text = read_text(site.root, path, problems)  # so a page has the checks every file has
        if text is None:
            continue
        check_page(text, path, problems)  # published as it is: warn of what cleaning takes out
        if "<!-- lgds:" not in text:
            continue
        for match in MARKER.finditer(text):
            name = match.group(1)
            if name not in BLOCK_NAMES:
                hint = did_you_mean(name, sorted(BLOCK_NAMES)) or "remove the line, or use one of the names"
                line = text.count("\n", 0, match.start()) + 1
                problems.add(
                    UNKNOWN_BLOCK,
                    path,
                    line,
                    name=name,
                    names=", ".join(sorted(BLOCK_NAMES)),
                    suggestion=hint,
                )
