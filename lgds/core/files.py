"""Finding content files in a stable order, and never outside the kit's folder.

Every file the kit reads, lists, publishes, zips or copies is a regular file inside the kit's folder,
reached through no symbolic link. A link could point anywhere on the machine that builds the site
(a publishing job's secrets among them), so the kit never follows one: :func:`find` does not list
files through links, :func:`link_in` finds a link on the way to a named file, and :func:`check_links`
reports every link in the content and data folders as an error at its path, for ``lgds check`` and
the build alike. A name written in a field (a pack's run sheet) is checked by :func:`outside`.
"""

from __future__ import annotations

import errno
import functools
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

from lgds.core.problems import Problems, kind

CONTENT_FOLDERS = ("standard", "peer-groups", "franchise-kit", "reviews")
"""Top-level folders the hooks mount into the site, beside ``docs/``."""

KIT_PARTS = ("docs", *CONTENT_FOLDERS, "data", "hooks", "overrides", "mkdocs.yml", "site.yml")
"""What a working copy of the kit holds: the tests and the benchmark copy exactly this."""

CHECKED_PARTS = ("docs", *CONTENT_FOLDERS, "data", "overrides", "site.yml")
"""Where a link is an error: everything a contributor's change brings that the kit reads or publishes.
(``hooks/`` and ``mkdocs.yml`` are code and engine settings, reviewed as code.)"""

SYMBOLIC_LINK = kind(
    "symbolic-link",
    "this is a symbolic link (a shortcut to another file or folder), and the kit does not follow links",
    expected="a real file or folder inside the kit's folder",
    fix="replace the link with the file itself: delete the link and put a copy of the file (or folder) "
    "it points to in its place",
)
NOT_A_FILE = kind(
    "not-a-file",
    "this is not an ordinary file, so the kit does not read it",
    expected="an ordinary file of text inside the kit's folder",
    fix="replace it with an ordinary file holding the text",
)


def find(root: Path, folder: str, pattern: str) -> list[str]:
    """Repository-relative POSIX paths of regular files under ``folder`` matching ``pattern``, sorted.

    ``pattern`` is a glob relative to the folder: ``*`` within one name, ``**/`` any folders. Walked
    with ``os.scandir``, which knows each entry's type without asking again: pathlib's glob took a
    tenth of a preview rebuild at 5,000 events. Links are never followed or listed (see
    :func:`check_links`), nor is anything under ``folder`` if the way to it passes through one.
    """
    base = root / folder
    if not base.is_dir() or link_in(root, folder) is not None:
        return []
    matches = _compiled(pattern).fullmatch
    depth = -1 if "**" in pattern else pattern.count("/")  # how deep a match can be; -1: any depth
    return sorted(f"{folder}/{rel}" for rel in _files(str(base), "", depth) if matches(rel))


def _files(directory: str, prefix: str, depth: int) -> Iterator[str]:
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if depth:
                    yield from _files(entry.path, f"{prefix}{entry.name}/", depth - 1)
            elif entry.is_file(follow_symlinks=False):
                yield prefix + entry.name


@functools.lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    parts = re.split(r"(\*\*/|\*|\?)", pattern)
    wild = {"**/": "(?:.*/)?", "*": "[^/]*", "?": "[^/]"}
    return re.compile("".join(wild.get(part, re.escape(part)) for part in parts))


def links(root: Path) -> list[str]:
    """Every symbolic link in the content and data folders (:data:`CHECKED_PARTS`), sorted.

    Nothing is followed, so a link to a folder, to a missing file or in a loop is listed like any other.
    """
    found = []
    for part in CHECKED_PARTS:
        path = root / part
        if path.is_symlink():
            found.append(part)
        elif path.is_dir():
            found.extend(_links(str(path), f"{part}/"))
    return sorted(found)


def _links(directory: str, prefix: str) -> Iterator[str]:
    with os.scandir(directory) as entries:
        for entry in entries:
            if entry.is_symlink():
                yield prefix + entry.name
            elif entry.is_dir(follow_symlinks=False):
                yield from _links(entry.path, f"{prefix}{entry.name}/")


def check_links(root: Path, problems: Problems) -> None:
    """Report each symbolic link in the content and data folders, at its path."""
    for path in links(root):
        problems.add(SYMBOLIC_LINK, path)


def link_in(root: Path, rel: str) -> str | None:
    """The first part of the repository path ``rel`` that is a symbolic link, or None.

    None also when a part does not exist (the caller says it is missing) or cannot be a path at all.
    """
    path = os.fspath(root)
    for name in rel.split("/"):
        path = f"{path}/{name}"
        try:
            mode = os.lstat(path).st_mode
        except (OSError, ValueError):  # missing, or a name no file can have (a null byte)
            return None
        if stat.S_ISLNK(mode):
            return path[len(os.fspath(root)) + 1 :]
    return None


def read_regular(root: Path, rel: str, limit: int) -> bytes | None:
    """Up to ``limit + 1`` bytes of ``rel`` (so the caller can tell it is too big), or None when it is
    not a regular file reached through no link: it is never opened through a link, and a pipe or a
    device is never read. Raises ``OSError`` when there is no such file, as ``open`` does."""
    folder = rel.rpartition("/")[0]
    if (folder and link_in(root, folder) is not None) or (not _NO_FOLLOW and link_in(root, rel)):
        return None
    try:
        handle = os.open(f"{os.fspath(root)}/{rel}", _READ)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.EMLINK):  # the file is a link (EMLINK on BSD)
            return None
        raise
    with os.fdopen(handle, "rb") as file:
        status = os.fstat(file.fileno())
        if not stat.S_ISREG(status.st_mode):
            return None
        return file.read(min(status.st_size, limit) + 1)  # no more than the file holds, or the limit


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)
_READ = os.O_RDONLY | _NO_FOLLOW | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
"""Open for reading, never through a link at the end of the path, never waiting on a pipe."""


_DRIVE = re.compile(r"[A-Za-z]:")


def outside(name: str) -> str:
    """Why a file's name written in a field could lead outside its folder; empty if it cannot.

    The name must be relative, with forward slashes and no ``..``: ``activities/welcome.md``.
    Links on the way are for :func:`link_in`, which looks at the files themselves.
    """
    if "\\" in name:
        return "which has a backslash (`\\`), as Windows writes folders"
    if _DRIVE.match(name):
        return "which starts with a drive letter"
    if name.startswith("/"):
        return "which is an absolute path (it starts with `/`)"
    if ".." in name.split("/"):
        return "which goes up out of the folder with `..`"
    if not name.isprintable():
        return "which has an invisible control character in it"
    return ""
