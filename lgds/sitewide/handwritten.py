"""Check the Markdown of hand-written pages, which the site publishes as they are.

The loaders check each body they read (points, events, packs, groups' pages: ``core.sources``). The
other Markdown files, in ``docs/`` and the content folders (the facilitator's guide, for one), become
pages too; the content hook cleans their HTML like every body's (``core.sanitise``), and this step
warns at its line of each thing that cleaning takes out, so ``lgds check`` and the build say the same.
It runs last, once every loader has claimed its files.
"""

from __future__ import annotations

from lgds.core.files import CONTENT_FOLDERS, find
from lgds.core.problems import Problems
from lgds.core.sources import read_text, split_front_matter
from lgds.core.unsafe import check
from lgds.site import Site


def hand_written(site: Site) -> list[str]:
    """Every Markdown page no loader read: ``docs/``, and the rest of the content folders."""
    pages = find(site.root, "docs", "**/*.md")
    for folder in CONTENT_FOLDERS:
        pages += [p for p in find(site.root, folder, "**/*.md") if p not in site.claimed]
    return pages


def load(site: Site, problems: Problems) -> None:
    for path in hand_written(site):
        text = read_text(site.root, path, problems)
        if text is None:
            continue
        parts = split_front_matter(text)
        body, first_line = (parts[1], parts[2]) if parts and parts[2] > 0 else (text, 1)
        check(body, path, first_line, problems)
