"""What ``lgds check`` keeps between runs, so the next run reads and checks again only what changed.

A preview keeps its :class:`~lgds.core.reuse.Memory` in its process. ``lgds check`` is a new process
each time, so it keeps the content part of its memory (parsed files, checked models) in one file in the
user's cache folder, and the next run starts from it: a file whose text has not changed gives back the
very model it gave last time, without being parsed or validated again. Checks across files run every
time, so the report is the one a fresh run gives (``tests/test_keep.py`` compares them).

The file is kept outside the kit's folder, where no pull request can put one, and it is used only when
it belongs to the user running the command and no one else can write to it. Even then it is read with
an unpickler that makes nothing but plain values, dates and the kit's own classes, and calls no
function. It is made again when the kit's code, Python, the libraries, the kit's folder or the build
date differ from when it was written. ``LGDS_CACHE=off`` turns keeping off; ``LGDS_CACHE=<folder>``
keeps it in that folder.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import io
import json
import os
import pickle
import sys
import tempfile
import zoneinfo
from datetime import date
from pathlib import Path
from typing import Any

import pydantic
import pydantic_core
import yaml

from lgds.core import collector
from lgds.core.reuse import Memory, Remembered, fingerprint

FORMAT = 1
"""Bumped when what is kept changes shape."""
PACKAGE = Path(__file__).resolve().parent.parent
OFF = ("off", "0", "no", "false")
STALE_AT_LEAST = 50
STALE_SHARE = 20
"""A kept copy is written again once a run made more than one result in ``STALE_SHARE`` (and more than
``STALE_AT_LEAST``) anew, rather than taking it from the copy."""


def cache_file(root: Path) -> Path | None:
    """Where the kept copy for the kit at ``root`` lives, or None when keeping is turned off."""
    setting = os.environ.get("LGDS_CACHE", "").strip()
    if setting.lower() in OFF:
        return None
    try:
        if setting:
            folder = Path(setting)
        else:
            base = os.environ.get("XDG_CACHE_HOME", "").strip()
            folder = (Path(base) if base else Path.home() / ".cache") / "lgds"
        folder = folder.resolve()
    except (OSError, RuntimeError):  # no home folder to keep it in
        return None
    if folder == root or root in folder.parents:
        return None  # never inside the kit, where a pull request could have put a file
    return folder / f"check-{fingerprint(str(root))[:16]}.pickle"


@functools.cache  # asked for when the copy is read and again when it is written
def _code() -> str:
    """A digest of the kit's code and the versions that shape what a load makes."""
    # The libraries that read and check files before anything is kept (ruamel.yaml's results, for the
    # rare files libyaml leaves to it, are not kept). Their versions are read from the modules the
    # loader has imported already: looking them up in the installed packages takes longer than that.
    parts: list[object] = [FORMAT, sys.version, pydantic.VERSION, pydantic_core.__version__, yaml.__version__]
    for path in sorted(PACKAGE.rglob("*.py")):
        parts += [str(path.relative_to(PACKAGE)), path.read_bytes()]
    return fingerprint(*parts)


def _header(root: Path, today: date) -> bytes:
    fields = {"format": FORMAT, "code": _code(), "root": str(root), "today": today.isoformat()}
    return json.dumps(fields, sort_keys=True).encode() + b"\n"


def recall(root: Path, today: date) -> tuple[Memory, bool]:
    """A memory holding what the last run for this kit kept, and True; or an empty one and False."""
    path = cache_file(root)
    if path is None:
        return Memory(), False
    try:
        with path.open("rb") as file:
            if not _private(os.fstat(file.fileno())) or file.readline() != _header(root, today):
                return Memory(), False
            payload = file.read()
        with collector.paused():  # millions of small objects made or walked at once
            stores, texts = _Unpickler(io.BytesIO(payload)).load()
        if not (isinstance(stores, dict) and isinstance(texts, dict)):
            return Memory(), False
        if not all(isinstance(s, Remembered) for s in stores.values()):
            return Memory(), False
    except Exception:  # noqa: BLE001 - a missing, old or damaged copy means: start afresh
        return Memory(), False
    memory = Memory()
    memory.restore(stores, texts)
    return memory, True


def keep(memory: Memory, root: Path, today: date, *, recalled: bool) -> None:
    """Write what ``memory`` read and made, for the next run, when the kept copy is missing or stale.

    Writing costs about as much as a run saves, so a copy that still serves is not written again after
    every edit: the next run makes again what the edits changed, a few files' work, and the copy is
    written afresh once more than one result in twenty (and over fifty) had to be made again.
    """
    path = cache_file(root)
    made, asked = memory.counts()
    if path is None or (recalled and made <= max(STALE_AT_LEAST, asked // STALE_SHARE)):
        return
    with contextlib.suppress(OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        stores, texts = memory.content()
        with collector.paused():  # millions of small objects made or walked at once
            payload = pickle.dumps((stores, texts), protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".check-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(_header(root, today))
                file.write(payload)
            os.replace(temporary, path)
        finally:
            Path(temporary).unlink(missing_ok=True)


def _private(stat: os.stat_result) -> bool:
    """Whether the file belongs to the user running this, and only they can change it."""
    if not hasattr(os, "getuid"):
        return True  # Windows: the user's own profile folder is private already
    return stat.st_uid == os.getuid() and not stat.st_mode & 0o022


SAFE_BUILTINS = frozenset({"set", "frozenset", "tuple", "list", "dict", "bytes", "bytearray", "complex"})
SAFE_MODULES = {
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
    "zoneinfo": {"ZoneInfo"},
    "pydantic_core._pydantic_core": {"TzInfo"},
    "pathlib": {"Path", "PosixPath", "WindowsPath", "PurePosixPath", "PureWindowsPath"},
}


class _Unpickler(pickle.Unpickler):
    """Makes plain values and the kit's own classes; refuses every other name a pickle may ask for."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name == "getattr":
            return _member  # how Python 3.11 pickles enum members and ZoneInfo
        if module == "builtins" and name in SAFE_BUILTINS:
            return super().find_class(module, name)
        if name in SAFE_MODULES.get(module, ()):
            return super().find_class(module, name)
        if module.startswith("lgds.") and "." not in name and not name.startswith("_"):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"a kept check may not name {module}.{name}")


def _member(owner: Any, name: str) -> Any:
    """An enum's member, or ``ZoneInfo._unpickle``: the only lookups a kept check needs."""
    if isinstance(owner, type) and issubclass(owner, enum.Enum) and owner.__module__.startswith("lgds."):
        return owner[name]
    if owner is zoneinfo.ZoneInfo and name == "_unpickle":
        return zoneinfo.ZoneInfo._unpickle  # type: ignore[attr-defined]
    raise pickle.UnpicklingError("a kept check may not look up that name")
