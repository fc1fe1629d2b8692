"""What a rebuild may reuse from the last one: one ``Memory``, holding every store of reused work.

A preview rebuilds the site after each saved edit, in the same process. Most files have not changed,
so most of the work need not be done again: the text of an unchanged file parses to the very same
data, which validates to the very same model, which makes the very same page. Each step keeps what it
made in a named store of the memory in use, keyed by the object it was made from.

A plain build uses a fresh memory and reuses nothing. The preview keeps one memory for its whole life
(``lgds.preview.state``) and hands it to each load and build with ``memory.using()``. When the
templates change, everything made from them is forgotten (``Memory.begin``).
"""

from __future__ import annotations

import contextlib
import contextvars
import hashlib
import json
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


def fingerprint(*parts: object) -> str:
    """A short stable digest of text, bytes and JSON-able values."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        if isinstance(part, bytes):
            digest.update(b"b" + part)
        elif isinstance(part, str):
            digest.update(b"s" + part.encode("utf-8", "surrogatepass"))
        else:
            digest.update(b"j" + json.dumps(part, sort_keys=True, default=str).encode())
        digest.update(b"\0")
    return digest.hexdigest()


class Remembered:
    """Outputs kept by key, reused while made from the very same model and the same other inputs.

    The loader hands back the same model object while its file's text is unchanged. Each entry holds
    that object, so the identity test is safe: no other object can take its place in memory. ``extra``
    must name everything else the output shows; ``tests/test_perf_memo.py`` edits each of those and
    compares with a fresh build.
    """

    def __init__(self) -> None:
        self._known: dict[object, tuple[object, object, object]] = {}
        self.used: set[object] = set()
        """The keys asked for since the last load began: what a kept copy needs (``keep_only_used``)."""
        self.made = 0
        """How many outputs were made anew rather than reused, since the last load began."""

    def get(self, key: object, model: object, extra: object, make: Callable[[], T]) -> T:
        """``make()``, or what it gave last time for ``key`` with the same ``model`` and ``extra``."""
        self.used.add(key)
        known = self._known.get(key)
        if known and known[0] is model and known[1] == extra:
            return known[2]  # type: ignore[return-value]
        made = make()
        self.made += 1
        self._known[key] = (model, extra, made)
        return made

    def get_all(self, key: object, models: tuple[object, ...], extra: object, make: Callable[[], T]) -> T:
        """As :meth:`get`, for an output made from several models: each must be the very same object.

        The entry holds the models, so none of them can be freed and its identity taken by another.
        """
        self.used.add(key)
        known = self._known.get(key)
        if known and known[1] == extra and _same_objects(known[0], models):  # type: ignore[arg-type]
            return known[2]  # type: ignore[return-value]
        made = make()
        self.made += 1
        self._known[key] = (models, extra, made)
        return made

    def clear(self) -> None:
        self._known.clear()

    def keep_only_used(self) -> None:
        """Forget what the last load did not ask for (the models of files since deleted, say)."""
        self._known = {k: v for k, v in self._known.items() if k in self.used}


def _same_objects(kept: tuple[object, ...], models: tuple[object, ...]) -> bool:
    return len(kept) == len(models) and all(a is b for a, b in zip(kept, models, strict=True))


class Memory:
    """Every store of reused work, by name, and the version of the templates they were made with."""

    def __init__(self) -> None:
        self._stores: dict[str, Remembered] = {}
        self._made_with_templates: set[str] = set()
        self._texts: dict[str, dict[str, Any]] = {}
        """Each name's results by text, from the load under way and (``_earlier``) the one before."""
        self._earlier: dict[str, dict[str, Any]] = {}
        self.version: str | None = None
        self.kept: dict[str, Any] = {}
        """Single objects kept whole while ``version`` holds (the template renderer, for one)."""
        self.made_by_text = 0
        """How many results ``by_text`` made anew since the last load began."""

    def store(self, name: str) -> Remembered:
        """The store called ``name`` of things made from content alone (checked models, say)."""
        found = self._stores.get(name)
        if found is None:
            found = self._stores[name] = Remembered()
        return found

    def pages(self, name: str) -> Remembered:
        """The store called ``name`` of things made from templates: forgotten when a template changes."""
        self._made_with_templates.add(name)
        return self.store(name)

    def by_text(self, name: str, text: str, make: Callable[[str], T]) -> T:
        """``make(text)``, kept by the text itself: the same text gives the very same result.

        Results are kept from one load to the next only, so those of edited or deleted files do not
        pile up.
        """
        table = self._texts.setdefault(name, {})
        found = table.get(text)
        if found is None:
            found = self._earlier.get(name, {}).get(text)
            if found is None:
                found = make(text)
                self.made_by_text += 1
            table[text] = found
        return found

    def new_load(self) -> None:
        """A load of every file starts: what the last one read may be reused, and then forgotten."""
        self._earlier, self._texts = self._texts, {}
        self.made_by_text = 0
        for store in self._stores.values():
            store.used, store.made = set(), 0

    def content(self) -> tuple[dict[str, Remembered], dict[str, dict[str, Any]]]:
        """What the last load read and made from content alone, for ``lgds.core.keep`` to keep."""
        stores = {n: s for n, s in self._stores.items() if n not in self._made_with_templates}
        for store in stores.values():
            store.keep_only_used()
        return stores, self._texts

    def restore(self, stores: dict[str, Remembered], texts: dict[str, dict[str, Any]]) -> None:
        """Start from what :meth:`content` gave in an earlier process: the next load may reuse it."""
        self._stores.update(stores)
        self._texts = texts

    def counts(self) -> tuple[int, int]:
        """How many results the last load made anew, and how many it asked for in all."""
        made = self.made_by_text + sum(s.made for s in self._stores.values())
        asked = sum(len(t) for t in self._texts.values()) + sum(len(s.used) for s in self._stores.values())
        return made, asked

    def begin(self, version: str) -> None:
        """Start a build with templates at ``version``: if they changed, forget what they made."""
        if version != self.version:
            for name in self._made_with_templates:
                self._stores[name].clear()
            self.kept.clear()
            self.version = version

    @contextlib.contextmanager
    def using(self) -> Iterator[Memory]:
        """Make this the memory in use while the block runs (a load, a build, a rebuild)."""
        token = _CURRENT.set(self)
        try:
            yield self
        finally:
            _CURRENT.reset(token)


_CURRENT: contextvars.ContextVar[Memory | None] = contextvars.ContextVar("lgds_memory", default=None)


def current() -> Memory:
    """The memory in use, or a new one that nothing else will see (so nothing is reused)."""
    return _CURRENT.get() or Memory()
