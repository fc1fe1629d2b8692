"""Decide which pages a preview rebuild must write again, so an edit shows in well under a second.

MkDocs' ``--dirty`` mode skips pages whose ``File.is_modified()`` is False, but it treats every page
made in memory (all of ours) as modified, and hand-written pages as unmodified even when the data they
show has changed. This module replaces that guess with a fingerprint of everything that goes into each
page, kept between rebuilds of one ``mkdocs serve`` process:

- each page's own fingerprint: its final Markdown (data blocks filled in), its source file and its
  "edit this page" link; for other files, their bytes;
- one site-wide fingerprint of what every page shows: the navigation (with its titles), the set of
  pages (links between them), the settings and mkdocs.yml. When it changes, every page is rebuilt.

A page is rebuilt when its own fingerprint or the site-wide one changed since the last build that
finished. A build that fails forgets everything, so the next one rebuilds every page. No MkDocs here:
``hooks/lgds_preview.py`` passes plain values in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lgds.core.reuse import fingerprint


class Fingerprints:
    """Page fingerprints kept by path, reused while a page's content is the very same object.

    Builders hand back the same string for an output they did not need to remake (an unchanged
    event's page, for example), so its digest need not be worked out again. Text with a data block
    (``<!-- lgds:NAME -->``) is always fingerprinted afresh, because the block's data may have changed
    under the same text.
    """

    def __init__(self) -> None:
        self._known: dict[str, tuple[object, tuple, str]] = {}

    def of(self, path: str, content: str | bytes, fill: Callable[[str], str] | None, *extra: object) -> str:
        """The fingerprint of ``fill(content)`` (text; ``content`` itself when ``fill`` is None) or
        ``content`` (bytes), with ``extra``."""
        known = self._known.get(path)
        if known and known[0] is content and known[1] == extra:
            return known[2]
        if isinstance(content, bytes):
            made, stable = fingerprint(content, *extra), True
        else:
            filled = fill(content) if fill else content
            made, stable = fingerprint(filled, *extra), filled == content
        if stable:
            self._known[path] = (content, extra, made)
        else:
            self._known.pop(path, None)
        return made


class Tracker:
    """What each page was built from in the last finished build of this process."""

    def __init__(self) -> None:
        self._built: dict[str, str] = {}
        self._site_wide: str | None = None
        self._pending: dict[str, str] = {}
        self._pending_site_wide: str | None = None
        self.everything = True
        self.changed: set[str] = set()
        self.gone: set[str] = set()

    def begin(self, site_wide: str, paths: Iterable[str]) -> None:
        """Start a build: ``paths`` are every file in it; ``site_wide`` fingerprints what all pages share."""
        paths = set(paths)
        self.everything = site_wide != self._site_wide
        self.gone = set(self._built) - paths
        self._pending_site_wide = site_wide
        self._pending = {}
        self.changed = set()

    def is_changed(self, path: str, own: str) -> bool:
        """Record the file's fingerprint for this build; True when it must be written again."""
        self._pending[path] = own
        changed = self.everything or self._built.get(path) != own
        if changed:
            self.changed.add(path)
        return changed

    def finish(self) -> None:
        """The build finished: what it wrote is now what the next build compares against."""
        self._built = self._pending
        self._site_wide = self._pending_site_wide

    def forget(self) -> None:
        """The build failed part-way: trust nothing, so the next build writes every page."""
        self._built = {}
        self._site_wide = None


def merge_search(
    previous: list[dict], current: list[dict], rebuilt: set[str], everything: bool
) -> list[dict]:
    """A whole search index after a partial rebuild: earlier entries of pages not rebuilt, then the new.

    Entries are the search plugin's dicts; ``location`` is a page URL, maybe with ``#section``.
    """
    if everything:
        return list(current)
    rebuilt = {"" if url == "./" else url for url in rebuilt}  # the home page's URL is "./", its location ""
    kept = [e for e in previous if e.get("location", "").split("#", 1)[0] not in rebuilt]
    return kept + list(current)
