"""The preview's file watcher: every change to a file starts a rebuild; reading files does not."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.events import FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from lgds.preview.watch import QUIET_FOR, native_observer, watch_natively


@pytest.fixture
def watched(tmp_path: Path):
    observer = native_observer()
    if observer is None:
        pytest.skip("no native file notifications here; the preview polls instead")
    seen: list = []
    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: seen.append(event) if not event.is_directory else None
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "a.md").write_text("a", encoding="utf-8")
    observer.schedule(handler, str(tmp_path), recursive=True)
    observer.start()
    time.sleep(0.2)
    yield tmp_path, seen
    observer.stop()
    observer.join(5)


def wait(seen: list, limit: float = 2.0) -> list:
    deadline = time.monotonic() + limit
    while not seen and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.1)
    return list(seen)


def test_reading_files_starts_no_rebuild(watched) -> None:
    root, seen = watched
    (root / "events" / "a.md").read_text(encoding="utf-8")
    assert wait(seen, 0.5) == []


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "events" / "a.md").write_text("b", encoding="utf-8"),
        lambda root: (root / "events" / "new.md").write_text("new", encoding="utf-8"),
        lambda root: (root / "events" / "a.md").unlink(),
        lambda root: (root / "events" / "a.md").rename(root / "events" / "b.md"),
        lambda root: (root / "events").rename(root / "renamed"),
    ],
    ids=["edit", "add", "delete", "rename", "rename-folder"],
)
def test_each_kind_of_change_is_heard(watched, change) -> None:
    root, seen = watched
    change(root)
    assert wait(seen), "no event for the change"


def test_the_preview_server_hears_changes_from_the_system_and_waits_only_briefly(
    tmp_path, monkeypatch
) -> None:
    if native_observer() is None:
        pytest.skip("no native file notifications here; the preview polls instead")
    monkeypatch.delenv("LGDS_POLL", raising=False)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(tmp_path))
        polling = server.observer
        watch_natively(server)
        assert server.observer is not polling and not isinstance(server.observer, PollingObserver)
        assert server.build_delay == QUIET_FOR < 0.1  # MkDocs' own wait, made for polling, is 0.1 s
        assert str(tmp_path) in server._watched_paths
    finally:
        server.server_close()


def test_with_polling_asked_for_the_server_is_left_as_mkdocs_makes_it(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("LGDS_POLL", "1")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(tmp_path))
        polling, delay = server.observer, server.build_delay
        watch_natively(server)
        assert (server.observer, server.build_delay) == (polling, delay)
    finally:
        server.server_close()
