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
        "accessibility-contact",
        "accessibility-testing",
        "fork-home",
        "kit-link",
        "next-events",
        "peer-groups-link",
        "points-count",
        "signup-headline",
        "site-owner",
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

OWNER_NOT_SET = kind(
    "owner-not-set",
    "the site is published without examples, but `{field}` {why}, so readers cannot tell who runs it "
    "or how to reach them",
    expected="the organisation that runs the site in `organisation`, and an email address that reaches "
    "it in `contact_email`",
    fix="set `{field}` in site.yml, for example `{field}: {example}`",
    warning=True,
    area="settings",
)

OWNER_EXAMPLES = {
    "organisation": "The Midlands peer group's organisers",
    "contact_email": "peer-group@your-council.gov.uk",
}


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
        if not settings.example_data:
            _check_owner(settings, problems)


def _check_owner(settings: Settings, problems: Problems) -> None:
    """A site published for real says who runs it and gives an address that reaches them."""
    gaps = {
        "organisation": "is empty" if not settings.organisation else "",
        "contact_email": "is empty"
        if not settings.contact_email
        else "is an example address that reaches nobody"
        if settings.contact_is_example
        else "",
    }
    for name, why in gaps.items():
        if why:
            line = settings.line_of(name) or 1
            problems.add(
                OWNER_NOT_SET, SETTINGS_FILE, line, field=name, why=why, example=OWNER_EXAMPLES[name]
            )


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
