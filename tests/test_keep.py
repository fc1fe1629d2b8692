"""``lgds check`` keeps what it read for the next run: the next run reports exactly what a fresh one
does, reads no file it need not, and never runs anything from a kept copy it did not write itself."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from lgds.cli import main
from lgds.core import keep
from lgds.core.styles import Stylesheet
from lgds.load import load_site

from .conftest import BUILD_DATE
from .test_quality_bad_input import COPY, MIDLANDS_NETWORK, NETWORK, gathered_copy

TODAY = BUILD_DATE.date()
EVENT = "peer-groups/london/events/2016-07-07-first-meeting.md"
REVIEW = "reviews/bas/2025-05-14-garden-waste-subscription.md"
SIGNUP = "data/signups/all.yml"


def check(root: Path, cache: Path | str) -> tuple[int, str]:
    """``lgds check`` as a contributor runs it, keeping its copy in ``cache`` ("off": keeping nothing)."""
    env = {"LGDS_CACHE": str(cache), "SOURCE_DATE_EPOCH": str(int(BUILD_DATE.timestamp()))}
    result = CliRunner().invoke(main, ["check", "--root", str(root)], env=env)
    return result.exit_code, result.output


def kept_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("*.pickle")) if cache.is_dir() else []


def test_the_first_check_keeps_a_private_copy_outside_the_kit_and_the_next_one_reads_nothing_again(
    kit, tmp_path, monkeypatch
):
    root = kit().resolve()
    cache = tmp_path / "cache"
    first = check(root, cache)
    assert first == (0, "All content is valid.\n")
    [copy] = kept_files(cache)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert not list(root.rglob("*.pickle"))

    monkeypatch.setenv("LGDS_CACHE", str(cache))
    memory, recalled = keep.recall(root, TODAY)
    assert recalled
    _, problems = load_site(root, today=TODAY, memory=memory)
    made, asked = memory.counts()
    assert (made, len(problems)) == (0, 0) and asked > 100
    assert check(root, cache) == first


EDITS = {
    "an event's date that is no day": (EVENT, "date: 2016-07-07", "date: 2016-02-30"),
    "an event's title": (EVENT, "title: First meeting", "title: The first meeting"),
    "a review's result misspelt": (REVIEW, "result: not met", "result: not mett"),
    "a review's council unknown": (REVIEW, "council: BAS", "council: XYZ"),
    "a sign-up's council unknown": (SIGNUP, "council: ALL", "council: QQQ"),
    "a sign-up's date in the future": (SIGNUP, "signed: 2018-06-12", "signed: 2031-06-12"),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_after_an_edit_the_check_reports_what_a_fresh_check_reports(kit, tmp_path, edit):
    path, old, new = edit
    root = kit().resolve()
    cache = tmp_path / "cache"
    assert check(root, cache)[0] == 0
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    edited = check(root, cache)
    assert edited == check(root, "off")
    file.write_text(text, encoding="utf-8")
    assert check(root, cache) == (0, "All content is valid.\n")


def test_files_added_taken_away_and_gathered_are_checked_as_a_fresh_check_does(kit, tmp_path):
    root = kit({**MIDLANDS_NETWORK, COPY: gathered_copy()}).resolve()
    cache = tmp_path / "cache"
    assert check(root, cache) == (0, "All content is valid.\n")
    (root / COPY).write_text(gathered_copy(date="2027-02-30"), encoding="utf-8")
    (root / SIGNUP).unlink()
    (root / "data/signups/zzz.yml").write_text("council: ZZZ\nsigned: 2019-01-01\n", encoding="utf-8")
    (root / NETWORK).write_text("sites: []\n", encoding="utf-8")
    edited = check(root, cache)
    assert edited[0] == 1
    assert edited == check(root, "off")


def test_a_copy_that_names_anything_but_plain_values_and_the_kits_classes_is_not_run(kit, tmp_path):
    root = kit().resolve()
    cache = tmp_path / "cache"
    marker = tmp_path / "ran"
    assert check(root, cache)[0] == 0
    [copy] = kept_files(cache)
    header = copy.read_bytes().split(b"\n", 1)[0] + b"\n"

    command = f"touch {marker}"
    runs = Reduces((os.system, (command,)))
    # Only the kit's classes are named, but names looked up on them lead to any function at all.
    found_os = Reduces(
        (look_up(dict, "get"), (look_up(look_up(Stylesheet, "__init__"), "__globals__"), "os"))
    )
    looks_up = Reduces((look_up(found_os, "system"), (command,)))
    pickle.loads(pickle.dumps(looks_up))  # what an ordinary unpickler does with it
    assert marker.exists()
    marker.unlink()
    for hostile in (runs, looks_up, ({}, {"yaml": {"x": runs}})):
        copy.write_bytes(header + pickle.dumps(hostile))
        copy.chmod(0o600)
        assert check(root, cache) == (0, "All content is valid.\n")
        assert not marker.exists()


class Reduces:
    """Pickles as the call ``reduce`` names; callable, so it may itself be what a pickle calls."""

    def __init__(self, reduce: tuple) -> None:
        self.reduce = reduce

    def __reduce__(self) -> tuple:
        return self.reduce

    def __call__(self, *args: object) -> None:
        raise AssertionError("only pickled, never called")


def look_up(owner: object, name: str) -> Reduces:
    return Reduces((getattr, (owner, name)))


def test_a_copy_others_could_write_or_from_another_day_is_not_used(kit, tmp_path, monkeypatch):
    root = kit().resolve()
    cache = tmp_path / "cache"
    assert check(root, cache)[0] == 0
    [copy] = kept_files(cache)
    monkeypatch.setenv("LGDS_CACHE", str(cache))
    assert keep.recall(root, TODAY)[1]
    assert not keep.recall(root, TODAY.replace(day=TODAY.day - 1))[1]
    if hasattr(os, "getuid"):
        copy.chmod(0o620)
        assert not keep.recall(root, TODAY)[1]


def test_nothing_is_kept_inside_the_kit_or_when_keeping_is_off(kit, tmp_path):
    root = kit().resolve()
    assert check(root, root / "cache") == (0, "All content is valid.\n")
    assert check(root, "off") == (0, "All content is valid.\n")
    assert not (root / "cache").exists()
    assert not list(root.rglob("*.pickle"))
