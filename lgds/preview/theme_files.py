"""List the theme's files once per preview, not on every rebuild.

On each build MkDocs asks the theme's Jinja loader for every file it holds, to copy the static ones.
Material ships over 14,000 files, nearly all of them icons in a hidden ``.icons`` folder that MkDocs
never copies, and walking them took about a tenth of a preview rebuild. Installed themes do not change
while the preview runs, so their listing is kept; folders inside the project (``overrides/``) are
listed afresh every time, so a template added there is seen at once. Hidden files and folders are left
out, as MkDocs leaves them out itself.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

_installed: dict[str, list[str]] = {}


def listing(searchpath: list[str], project: Path) -> list[str]:
    """What ``FileSystemLoader(searchpath).list_templates()`` gives, less hidden files."""
    names: set[str] = set()
    for folder in searchpath:
        inside = Path(folder).resolve().is_relative_to(project.resolve())
        if inside or folder not in _installed:
            found = [n for n in jinja2.FileSystemLoader(folder).list_templates() if not _hidden(n)]
            if inside:
                names.update(found)
                continue
            _installed[folder] = found
        names.update(_installed[folder])
    return sorted(names)


def _hidden(name: str) -> bool:
    return name.startswith(".") or "/." in name


def keep_listing(loader: jinja2.FileSystemLoader, project: Path) -> jinja2.FileSystemLoader:
    """Make ``loader`` answer ``list_templates`` from :func:`listing`; loading templates is unchanged."""
    searchpath = [str(p) for p in loader.searchpath]
    loader.list_templates = lambda: listing(searchpath, project)  # type: ignore[method-assign]
    return loader
