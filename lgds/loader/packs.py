"""Load session packs (the kit's and groups' variants) and the franchise's rounds."""

from __future__ import annotations

from ..models.pack import Pack, PackFile, RoundEntry
from ..models.site import Site
from ..problems import Problems
from ..sources import read_front_matter, read_yaml
from .files import find
from .validate import validate

KIT_PACKS = "franchise-kit/packs"
ROUNDS = "franchise-kit/rounds.yml"


def load(site: Site, problems: Problems) -> None:
    """Read the kit's packs, then each group's variants under ``peer-groups/<group>/packs/``."""
    for path in find(site.root, KIT_PACKS, "*/pack.yml"):
        _load_pack(site, path, None, problems)
    for path in find(site.root, "peer-groups", "*/packs/*/pack.yml"):
        _load_pack(site, path, path.split("/")[1], problems)


def _load_pack(site: Site, path: str, group: str | None, problems: Problems) -> None:
    folder = path.rsplit("/", 1)[0]
    slug = folder.rsplit("/", 1)[-1]
    site.claimed.update(find(site.root, folder, "**/*.md"))
    source = read_yaml(site.root, path, problems)
    if source is None:
        return
    meta = validate(PackFile, source, problems)
    if meta is None:
        return
    pack = Pack(slug=slug, folder=folder, meta=meta, group=group)
    notes = f"{folder}/notes.md"
    if (site.root / notes).is_file():
        page = read_front_matter(site.root, notes, problems)
        pack.notes = page.body if page else ""
    for rel in [a.file for a in meta.run_sheet if a.file] + [h.file for h in meta.handouts]:
        if (site.root / folder / rel).is_file():
            page = read_front_matter(site.root, f"{folder}/{rel}", problems)
            if page is not None:
                pack.parts[rel] = page.body
    site.packs[pack.key] = pack


def load_rounds(site: Site, problems: Problems) -> None:
    """Read ``rounds.yml``: a list of rounds, each with its number, theme, dates and packs."""
    if not (site.root / ROUNDS).is_file():
        return
    source = read_yaml(site.root, ROUNDS, problems, mapping=False)
    if source is None or source.data is None:
        return
    for i in range(len(source.data)):
        entry = validate(RoundEntry, source, problems, at=(i,))
        if entry is not None:
            site.rounds[entry.number] = entry
