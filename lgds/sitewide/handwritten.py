"""Check the Markdown of hand-written pages, which the site publishes as they are.

The loaders check each body they read (points, events, packs, groups' pages: ``core.sources``). The
other Markdown files, in ``docs/`` and the content folders (the facilitator's guide, for one), become
pages too; the content hook cleans their HTML like every body's (``core.sanitise``), and
``load.load_blocks``, which reads each of them anyway, warns through :func:`check_page` at its line of
each thing cleaning takes out, so ``lgds check`` and the build say the same.
"""

from __future__ import annotations

from lgds.core.problems import Problems
from lgds.core.sources import split_front_matter
from lgds.core.unsafe import check


def check_page(text: str, path: str, problems: Problems) -> None:
    """Warn of what cleaning takes out of a hand-written page; its front matter, if any, is not Markdown."""
    parts = split_front_matter(text)
    if parts and parts[2] > 0:
        check(parts[1], path, parts[2], problems)
    else:
        check(text, path, 1, problems)
