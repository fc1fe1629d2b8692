"""The theme's files and compiled templates, kept between preview rebuilds.

On each build MkDocs asks the theme's Jinja loader for every file it holds, to copy the static ones.
Material ships over 14,000 files, nearly all of them icons in a hidden ``.icons`` folder that MkDocs
never copies, and walking them took about a tenth of a preview rebuild. Installed themes do not change
while the preview runs, so their listing is kept; folders inside the project (``overrides/``) are
listed afresh every time, so a template added there is seen at once. Hidden files and folders are left
out, as MkDocs leaves them out itself.

Each build also makes a new Jinja environment for the theme, which would compile every template again;
``TemplateCache`` keeps the compiled code. Jinja checks each template's source against the checksum
stored with it, so an edited template is compiled again.
"""

from __future__ import annotations

from pathlib import Path

import jinja2


class ThemeListing:
    """The files of installed themes, listed once; the project's own theme folders, every time."""

    def __init__(self) -> None:
        self._installed: dict[str, list[str]] = {}

    def listing(self, searchpath: list[str], project: Path) -> list[str]:
        """What ``FileSystemLoader(searchpath).list_templates()`` gives, less hidden files."""
        names: set[str] = set()
        for folder in searchpath:
            inside = Path(folder).resolve().is_relative_to(project.resolve())
            if inside or folder not in self._installed:
                found = [n for n in jinja2.FileSystemLoader(folder).list_templates() if not _hidden(n)]
                if inside:
                    names.update(found)
                    continue
                self._installed[folder] = found
            names.update(self._installed[folder])
        return sorted(names)

    def keep(self, loader: jinja2.FileSystemLoader, project: Path) -> jinja2.FileSystemLoader:
        """Make ``loader`` answer ``list_templates`` from :meth:`listing`; loading is unchanged."""
        searchpath = [str(p) for p in loader.searchpath]
        loader.list_templates = lambda: self.listing(searchpath, project)  # type: ignore[method-assign]
        return loader


def _hidden(name: str) -> bool:
    return name.startswith(".") or "/." in name


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept in memory across the environments of successive rebuilds."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._store:
            bucket.bytecode_from_string(self._store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()
