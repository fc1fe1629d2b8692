"""The site's stylesheets, the kit's and a fork's, bundled into the one file every page loads.

The kit's stylesheets are ``lgds/assets/css/*.css``, one per feature, with the palette in
``colours.css``. A fork changes the styles without touching a file the kit owns:

- ``overrides/assets/<name>.css`` replaces the kit's stylesheet of the same name (``colours.css``
  for just the colours);
- any other ``overrides/assets/*.css`` is added after the kit's, in name order.

The bundle keeps that order: the kit's stylesheets by name, each replaced by the fork's own where it
has one, then the fork's additions. The renderer reads them (``Renderer.stylesheets``), so they change
with the templates' version, which covers both folders.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

KIT = Path(__file__).resolve().parent.parent / "assets" / "css"
"""The kit's own stylesheets."""

FORK = "assets"
"""The folder under ``overrides/`` that holds a fork's stylesheets."""

SUFFIX = ".css"

_FIRST_COMMENT = re.compile(r"\A\s*/\*(.*?)\*/", re.S)


@dataclass(frozen=True)
class Stylesheet:
    """One stylesheet in the bundle: its file name, its text, and whose it is."""

    name: str
    text: str
    in_kit: bool
    """The kit ships a stylesheet of this name."""
    forks: bool
    """The text is the fork's own (``overrides/assets/<name>``): replacing the kit's, or added."""
    summary: str
    """What the kit's stylesheet of this name styles (its opening comment), else the fork's."""

    @property
    def label(self) -> str:
        """Where the text came from, as the bundle names it."""
        return f"overrides/{FORK}/{self.name}" if self.forks else self.name


def _css_files(folder: Path) -> dict[str, Path]:
    """The stylesheets in ``folder``: regular files only, as a link is never followed (``lgds check``
    reports each), nor is a folder that is a link, or inside one."""
    if folder.is_symlink() or folder.parent.is_symlink() or not folder.is_dir():
        return {}
    with os.scandir(folder) as entries:
        names = [e.name for e in entries if e.name.endswith(SUFFIX) and e.is_file(follow_symlinks=False)]
    return {name: folder / name for name in sorted(names)}


def summary(text: str) -> str:
    """A stylesheet's opening comment on one line: what it styles. Empty when it has none."""
    found = _FIRST_COMMENT.match(text)
    return " ".join(found.group(1).split()) if found else ""


def stylesheets(overrides: Path, kit: Path = KIT) -> list[Stylesheet]:
    """The stylesheets the bundle is made of, in order; ``overrides`` is the fork's overrides folder."""
    own = _css_files(kit)
    fork = _css_files(overrides / FORK)
    sheets = []
    for name, path in own.items():
        kit_text = path.read_text(encoding="utf-8")
        text = fork[name].read_text(encoding="utf-8") if name in fork else kit_text
        sheets.append(Stylesheet(name, text, True, name in fork, summary(kit_text)))
    for name, path in fork.items():
        if name not in own:
            text = path.read_text(encoding="utf-8")
            sheets.append(Stylesheet(name, text, False, True, summary(text)))
    return sheets


def bundle(sheets: list[Stylesheet]) -> str:
    """One stylesheet from many, each headed by where it came from."""
    return "\n".join(f"/* {sheet.label} */\n" + sheet.text for sheet in sheets)
