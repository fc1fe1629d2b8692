"""What builders produce: a file for the site, and the source file behind it for 'edit this page'."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Output:
    """One generated file. ``path`` is where it sits in the site's source tree (``standard/index.md``).

    ``source`` is the repository file a reader would edit to change it; ``edit_url`` overrides the
    link entirely (for example a link that creates a new sign-up file).
    """

    path: str
    content: str | bytes
    source: str | None = None
    edit_url: str | None = None
