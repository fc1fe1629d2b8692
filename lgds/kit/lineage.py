"""A variant's ancestry and drift: which packs it descends from, and what changed in its original.

``lgds vary-pack`` records fingerprints of the original's fields and files in the copy; comparing them
with the original's fingerprints now names exactly what changed since the copy was made.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from lgds.core.files import find
from lgds.core.problems import Problems
from lgds.core.sources import read_bytes, read_yaml
from lgds.kit.models import Pack
from lgds.site import Site


def pack_files(root: Path, folder: str) -> list[str]:
    """Every file of a pack, relative to its folder, sorted; hidden files and folders are left out.

    Only regular files inside the folder: nothing through a symbolic link (each is an error of its
    own), so a link can never bring a file from elsewhere into the pack's zip or a copy of the pack.
    """
    start = len(folder) + 1
    found = (path[start:] for path in find(root, folder, "**/*"))
    return [rel for rel in found if not any(part.startswith(".") for part in rel.split("/"))]


def fingerprints(root: Path, folder: str) -> dict[str, str]:
    """A short fingerprint of each field of ``pack.yml`` and of each other file in the pack.

    ``lgds vary-pack`` records these in the copy; comparing them later with the parent's current
    fingerprints names exactly which fields and files the parent changed since the copy was made.
    """
    result: dict[str, str] = {}
    problems = Problems()
    source = read_yaml(root, f"{folder}/pack.yml", problems)
    data = source.data if source is not None else {}
    for name, value in sorted(data.items()):
        if name not in ("based_on", "version", "example"):
            result[name] = _digest(json.dumps(value, sort_keys=True, ensure_ascii=False))
    for rel in pack_files(root, folder):
        raw = read_bytes(root, f"{folder}/{rel}", problems) if rel != "pack.yml" else None
        if raw is not None:
            result[rel] = _digest(raw.decode("utf-8", "replace").replace("\r\n", "\n"))
    return result


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def changes_between(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Readable names of what differs between two sets of fingerprints: fields, then files."""
    fields: list[str] = []
    files: list[str] = []
    for name in sorted(set(before) | set(after)):
        if before.get(name) == after.get(name):
            continue
        label = f"`{name}`"
        if name not in before:
            label += " (new)"
        elif name not in after:
            label += " (removed)"
        (files if "." in name else fields).append(label)
    out = []
    if fields:
        out.append("fields " + ", ".join(fields))
    if files:
        out.append("files " + ", ".join(files))
    return out


def version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split(".") if part.isdigit())


def lineage(site: Site, pack: Pack) -> list[Pack]:
    """The packs this one descends from, nearest first; stops at a loop or an unknown parent."""
    chain: list[Pack] = []
    seen = {pack.key}
    current = pack
    while current.meta.based_on is not None:
        parent = site.packs.get(current.meta.based_on.pack)
        if parent is None or parent.key in seen:
            break
        chain.append(parent)
        seen.add(parent.key)
        current = parent
    return chain
