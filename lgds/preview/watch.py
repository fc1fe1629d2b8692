"""A file watcher for the preview that hears about saved files from the operating system at once.

MkDocs' preview polls (it looks at every watched file every half second), which is what works on network
drives and in some containers, but it delays every rebuild by up to half a second. ``native_observer``
gives watchdog's native observer instead, passing on only events that change files: the build itself
opens and reads the watched files, and those reads must not start another rebuild. No MkDocs here.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from pathlib import Path
from typing import Any

from watchdog import events
from watchdog.events import FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.lgds")


def native_observer() -> BaseObserver | None:
    """A started-nowhere native observer that reports only file changes, or None when there is none."""
    if Observer is PollingObserver or not _works(Observer):
        return None
    changes = [
        events.FileCreatedEvent,
        events.FileModifiedEvent,
        events.FileMovedEvent,
        events.FileDeletedEvent,
        events.DirCreatedEvent,
        events.DirMovedEvent,
        events.DirDeletedEvent,
    ]

    class ChangesOnly(Observer):  # type: ignore[misc,valid-type]
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None):
            return super().schedule(
                event_handler, path, recursive=recursive, event_filter=event_filter or changes
            )

    return ChangesOnly()


def _works(observer_class: Any) -> bool:
    """Whether the native observer starts here and reports a change (inotify limits, odd mounts)."""
    try:
        with tempfile.TemporaryDirectory(prefix="lgds-watch-") as folder:
            seen: list[object] = []
            handler = FileSystemEventHandler()
            handler.on_any_event = seen.append  # type: ignore[method-assign,assignment]
            observer = observer_class()
            observer.schedule(handler, folder, recursive=True)
            observer.start()
            try:
                (Path(folder) / "probe.txt").write_text("probe", encoding="utf-8")
                deadline = time.monotonic() + 1.0
                while not seen and time.monotonic() < deadline:
                    time.sleep(0.01)
            finally:
                observer.stop()
                observer.join(2)
            return bool(seen)
    except Exception as error:  # noqa: BLE001 - any failure means: keep MkDocs' polling
        log.info(f"Watching files by polling ({error})")
        return False


def watch_natively(server: Any) -> None:
    """Hear about saved files from the operating system instead of MkDocs' polling.

    MkDocs looks at every watched file twice a second, so an edit waits up to half a second before the
    rebuild starts, and each look stats every file (thousands at national scale). The system's own
    notifications (inotify, FSEvents, ReadDirectoryChangesW) arrive at once. Set ``LGDS_POLL=1`` to keep
    MkDocs' polling, which also works on network drives and in some containers where notifications
    do not arrive.
    """
    if os.environ.get("LGDS_POLL", "").strip() not in ("", "0"):
        return
    watched = getattr(server, "_watched_paths", None)
    native = native_observer()
    if native is None or not isinstance(watched, dict):
        return
    counts = dict(watched)
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = native
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
    # MkDocs waits until no change has come for this long before it rebuilds, so that one save (or a
    # checkout) gives one rebuild. It allows 0.1 s for polling; the system's notifications of one
    # save arrive within milliseconds of each other.
    server.build_delay = QUIET_FOR


QUIET_FOR = 0.03
"""Seconds without a change before a rebuild starts, when the system reports changes."""
