"""Files the kit would never read: each is reported, so nothing a contributor wrote is silently left out.

The kit reads files by their exact names: ``group.yml``, not ``group.yaml`` or ``Group.yml``; events
that end in ``.md``, directly in ``events/``; Markdown pages in the content folders that end in ``.md``.
A file named almost right is a contributor's work that would never be published or checked, so it is
an error at that file. ``spellings`` runs before the loaders, so that what names the file the kit
expected (an event naming a pack whose ``pack.yml`` is spelt ``pack.yaml``) does not report it again;
``unread`` runs after them, when it is known which files they read.
"""

from __future__ import annotations

import os
from pathlib import Path

from lgds.core.files import CONTENT_FOLDERS
from lgds.core.problems import Problems, kind
from lgds.site import Site

MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd", ".mdwn", ".mdtxt", ".mdtext")
"""Endings editors give Markdown files; the kit publishes from its content folders only ``.md``."""

READ = ("site.yml", "franchise-kit/rounds.yml", "peer-groups/*/group.yml")
"""The YAML files the kit reads, besides packs' and sign-ups' (which have their own checks)."""

PACK_FOLDERS = ("franchise-kit/packs", "peer-groups/*/packs")

MISSPELT = kind(
    "misspelt-file-name",
    "the kit reads `{wanted}`, never `{name}`, so nothing in this file is published or checked",
    expected="the file named exactly `{wanted}`, in lower case",
    fix="{fix}",
)
UNREAD = kind(
    "unread-file",
    "the kit never reads this {what}, so {effect}",
    expected="{expected}",
    fix="{fix}",
)
NOT_PUBLISHED = kind(
    "unpublished-file",
    "this file is never published: from {folder}/ the kit publishes only Markdown pages (`.md`)",
    expected="pages ending in `.md`; pictures and documents in docs/, beside the pages that link to them",
    fix="move it into docs/ and link to it from there, or remove it",
    warning=True,
)
NO_PACK_FILE = kind(
    "pack-folder-without-pack",
    "the folder has no pack.yml, so it is not a session pack: its pages would be published as they "
    "are, unchecked",
    expected="a pack.yml in each folder under packs/",
    fix="add a pack.yml (copy one from another pack and change it), or move the folder out of packs/",
    area="packs",
)


def spellings(site: Site, problems: Problems) -> None:
    """Report ``group.yaml``, ``Pack.yml`` and the like: files named almost as the kit expects.

    The file the kit expected is noted as failed, so checks of other files that name it stay quiet.
    """
    wanted = [*READ, *(f"{folder}/*/pack.yml" for folder in PACK_FOLDERS)]
    for pattern in wanted:
        for expected in _expand(site.root, pattern):
            for other in _other_spellings(site.root, expected):
                exists = (site.root / expected).is_file()
                fix = (
                    f"copy what it says into `{expected}` and remove it"
                    if exists
                    else f"rename it to `{expected.rsplit('/', 1)[-1]}`"
                )
                name = other.rsplit("/", 1)[-1]
                problems.add(MISSPELT, other, 0, wanted=expected.rsplit("/", 1)[-1], name=name, fix=fix)
                if not exists:
                    site.failed.add(expected)


def unread(site: Site, problems: Problems) -> None:
    """Report files in the content folders that the kit would leave out without a word."""
    packs = _pack_folders(site.root)
    for folder in CONTENT_FOLDERS:
        for rel, is_dir in _walk(site.root, folder):
            parts = rel.split("/")
            if any("/".join(parts[:n]) in packs for n in range(1, len(parts) + 1)):
                continue  # a pack's files are all in its zip, and its pack.yml says which it shows
            if folder == "peer-groups" and len(parts) >= 3 and parts[2] == "events":
                _event_folder(rel, parts, is_dir, problems)
            elif is_dir:
                continue
            elif parts[-1].lower().endswith(MARKDOWN) and not parts[-1].endswith(".md"):
                _markdown(rel, problems)
            elif not parts[-1].endswith(".md") and not _read_or_misspelt(parts[-1]):
                problems.add(NOT_PUBLISHED, rel, 0, folder=folder)
    for rel in sorted(_candidate_packs(site.root)):
        if rel not in packs and f"{rel}/pack.yml" not in site.failed:  # else misspelt, and reported
            problems.add(NO_PACK_FILE, rel, 0)


def _event_folder(rel: str, parts: list[str], is_dir: bool, problems: Problems) -> None:
    """Only Markdown files directly in ``events/`` are events."""
    if len(parts) == 3:
        return
    if len(parts) > 4:
        return  # inside a folder in events/, which is reported once
    name = parts[-1]
    if is_dir:
        values = {
            "what": "folder",
            "effect": "no event in it is published or checked",
            "expected": "each event as a file directly in events/, like `events/2027-02-10-show-and-tell.md`",
            "fix": "move the event files up into events/ and remove the folder",
        }
    elif name.lower().endswith(MARKDOWN) and not name.endswith(".md"):
        _markdown(rel, problems)
        return
    elif name.endswith(".md"):
        return
    else:
        values = {
            "what": "file",
            "effect": "it is not published",
            "expected": "only events in events/, each a Markdown file ending in `.md`",
            "fix": "put what it says into an event's file, or remove it",
        }
    problems.add(UNREAD, rel, 0, **values)


def _markdown(rel: str, problems: Problems) -> None:
    stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    problems.add(
        UNREAD,
        rel,
        0,
        what="file",
        effect="it is not published or checked: the kit reads only Markdown files ending in `.md`",
        expected="a name ending in `.md`, in lower case",
        fix=f"rename it to `{stem}.md`",
    )


def _read_or_misspelt(name: str) -> bool:
    """A YAML file the kit reads, or one ``spellings`` reports as another spelling of one."""
    stems = {rel.rsplit("/", 1)[-1].split(".")[0] for rel in (*READ, "pack.yml")}
    lowered = name.lower()
    return any(lowered in (f"{s}.yml", f"{s}.yaml", f"{s}.yml.txt", f"{s}.yaml.txt") for s in stems)


def _walk(root: Path, folder: str) -> list[tuple[str, bool]]:
    """Every file and folder under ``folder`` that is not hidden, with whether it is a folder, sorted."""
    found: list[tuple[str, bool]] = []
    base = root / folder
    if not base.is_dir():
        return found
    for top, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(top).relative_to(root).as_posix()
        found += [(f"{here}/{d}", True) for d in dirs]
        found += [(f"{here}/{f}", False) for f in files if not f.startswith(".")]
    return sorted(found)


def _expand(root: Path, pattern: str) -> list[str]:
    """The paths a pattern with ``*`` folders names, for each folder that exists."""
    paths = [""]
    for part in pattern.split("/"):
        if part != "*":
            paths = [f"{p}/{part}" if p else part for p in paths]
            continue
        paths = [
            f"{p}/{entry.name}"
            for p in paths
            if (root / p).is_dir()
            for entry in sorted(os.scandir(root / p), key=lambda e: e.name)
            if entry.is_dir() and not entry.name.startswith(".")
        ]
    return paths


def _other_spellings(root: Path, path: str) -> list[str]:
    """Files beside ``path`` with its name spelt another way: ``Group.yml``, ``group.yaml``."""
    folder, _, name = path.rpartition("/")
    base = root / folder if folder else root
    if not base.is_dir():
        return []
    stem = name.rsplit(".", 1)[0]
    spellings = {f"{stem}{suffix}" for suffix in (".yml", ".yaml", ".yml.txt", ".yaml.txt")}
    return sorted(
        f"{folder}/{entry.name}" if folder else entry.name
        for entry in os.scandir(base)
        if entry.name != name and entry.name.lower() in spellings and entry.is_file()
    )


def _pack_folders(root: Path) -> set[str]:
    return {p for p in _candidate_packs(root) if (root / p / "pack.yml").is_file()}


def _candidate_packs(root: Path) -> list[str]:
    """Every folder directly under a ``packs/`` folder."""
    return [p for folder in PACK_FOLDERS for p in _expand(root, f"{folder}/*")]
