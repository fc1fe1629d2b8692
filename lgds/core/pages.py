"""Hand-written introductions to generated pages: ``standard/index.md`` and the like.

Such a page is written by people and completed by the kit (the list of points, of groups, of packs).
Its front matter is read and checked like any other content file, so a mistake in it is reported at
its file and line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from lgds.core.fields import Located, PlainText
from lgds.core.problems import Problems
from lgds.core.sources import read_front_matter
from lgds.core.validate import validate


class IntroFile(Located):
    """The front matter of a hand-written introduction."""

    title: PlainText | None = Field(None, description="The page's title; the kit's own when left out.")


@dataclass(frozen=True)
class Intro:
    """A hand-written introduction: its title (if it sets one), its Markdown body and its file."""

    path: str
    title: str | None
    body: str


def load_intro(root: Path, path: str, problems: Problems) -> Intro | None:
    """Read ``path`` if it exists; ``None`` when it does not or cannot be read (problems say why)."""
    if not (root / path).is_file():
        return None
    source = read_front_matter(root, path, problems)
    if source is None:
        return None
    meta = validate(IntroFile, source, problems)
    if meta is None:
        return None
    return Intro(path=path, title=meta.title, body=source.body)
