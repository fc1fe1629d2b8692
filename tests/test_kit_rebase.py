"""`lgds vary-pack --update-base` changes only `based_on`: every other byte of pack.yml is as the group left it."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from lgds.kit.lineage import fingerprints
from lgds.kit.rebase import CannotUpdate, update_based_on

from .conftest import lgds

HAND_WRITTEN = """\
# Our variant of the session, for the South group.
# Keep the comments!

title:   'One point in depth (South)'    # our own title
version: "1.0"
summary: >-
  A folded summary
  over two lines.
points: [1, 2]   # a flow list
audience: Officers
duration: 90

objectives:
- An item not indented   # sequences written flush
-   "A quoted item"

# Where this came from
based_on:
  pack: one-point-in-depth   # plain
  version: '1.0'   # single-quoted, with a comment
  fingerprints:
    "audience": "aaaaaaaaaaaa"
    objectives: bbbbbbbbbbbb   # plain, with a comment

    'old.md': 'cccccccccccc'
    "notes.md": "dddddddddddd"

run_sheet: []   # after based_on, on purpose
"""

NOW = {
    "audience": "eeeeeeeeeeee",  # changed: keeps its double quotes
    "objectives": "0e12345",  # changed: plain would read as a number, so it is quoted
    "notes.md": "dddddddddddd",  # unchanged
    "extra.md": "123456789012",  # new: added after the last, quoted like its neighbours
}  # old.md is gone from the original: its line goes

EXPECTED = (
    HAND_WRITTEN.replace("version: '1.0'", "version: '1.2'")
    .replace('"audience": "aaaaaaaaaaaa"', '"audience": "eeeeeeeeeeee"')
    .replace("objectives: bbbbbbbbbbbb", 'objectives: "0e12345"')
    .replace("    'old.md': 'cccccccccccc'\n", "")
    .replace('"notes.md": "dddddddddddd"\n', '"notes.md": "dddddddddddd"\n    "extra.md": "123456789012"\n')
)


def test_only_the_changed_values_change_byte_for_byte():
    assert update_based_on(HAND_WRITTEN, "1.2", NOW) == EXPECTED
    assert update_based_on(EXPECTED, "1.2", NOW) == EXPECTED  # up to date: nothing to change


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace("\n", "\r\n"),  # Windows line endings
        lambda t: "\ufeff" + t,  # a byte-order mark
        lambda t: t.split("\n\nrun_sheet")[0],  # based_on last, with no line break at the very end
    ],
    ids=["crlf", "bom", "based-on-last"],
)
def test_line_endings_marks_and_position_are_kept(change):
    assert update_based_on(change(HAND_WRITTEN), "1.2", NOW) == change(EXPECTED)


def test_a_plain_value_stays_plain_when_it_reads_back_the_same():
    text = "based_on:\n  pack: p\n  version: v1\n  fingerprints:\n    a: abcdefabcdef\n"
    assert update_based_on(text, "v2", {"a": "fedcbafedcba"}) == (
        "based_on:\n  pack: p\n  version: v2\n  fingerprints:\n    a: fedcbafedcba\n"
    )
    assert update_based_on(text, "1.10", {"a": "abcdefabcdef"}).split("\n")[2] == '  version: "1.10"'


def test_fingerprints_missing_are_added_under_based_on():
    text = '# top\nbased_on:\n  pack: p # the pack\n  version: "1.0"\ntitle: T\n'
    assert update_based_on(text, "1.1", {"a.md": "x"}) == (
        '# top\nbased_on:\n  pack: p # the pack\n  version: "1.1"\n  fingerprints:\n    "a.md": "x"\ntitle: T\n'
    )


def test_a_flow_style_based_on_is_written_by_the_round_trip_writer_keeping_comments():
    text = '# Keep me\ntitle: "T"  # and me\nbased_on: {pack: p, version: "1.0", fingerprints: {a: b}}\n'
    result = update_based_on(text, "1.1", {"a": "c"})
    assert result.startswith('# Keep me\ntitle: "T"  # and me\nbased_on:')
    assert YAML(typ="safe").load(result)["based_on"] == {
        "pack": "p",
        "version": "1.1",
        "fingerprints": {"a": "c"},
    }


def test_a_file_that_cannot_be_read_is_left_alone():
    with pytest.raises(CannotUpdate):
        update_based_on("title: [unclosed\n", "1.1", {})
    with pytest.raises(CannotUpdate):
        update_based_on("title: T\n", "1.1", {})


def test_update_base_keeps_the_groups_comments_and_layout(kit):
    root = kit()
    original = "franchise-kit/packs/one-point-in-depth"
    copy = root / "peer-groups/south/packs/one-point-in-depth/pack.yml"
    assert lgds("vary-pack", "one-point-in-depth", "--group", "south", "--root", str(root)).returncode == 0
    old = fingerprints(root, original)
    text = copy.read_text(encoding="utf-8")
    text = "# South's own version: longer tables, a later start.\n\n" + text.replace(
        "duration: 90\n", "duration: 90   # we keep to time\n\n"
    ).replace("title: One point in depth", "title: 'One point in depth'")
    copy.write_text(text, encoding="utf-8")

    pack_yml = root / original / "pack.yml"
    pack_yml.write_text(
        pack_yml.read_text(encoding="utf-8")
        .replace('version: "1.0"', 'version: "1.2"')
        .replace("audience:", "audience: New.")
    )
    new = fingerprints(root, original)
    assert new["audience"] != old["audience"]

    dry = lgds(
        "vary-pack",
        "one-point-in-depth",
        "--group",
        "south",
        "--update-base",
        "--dry-run",
        "--root",
        str(root),
    )
    assert dry.returncode == 0, dry.stderr
    assert "Would update peer-groups/south/packs/one-point-in-depth/pack.yml" in dry.stdout
    assert copy.read_text(encoding="utf-8") == text

    result = lgds("vary-pack", "one-point-in-depth", "--group", "south", "--update-base", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert "Updated peer-groups/south/packs/one-point-in-depth/pack.yml" in result.stdout
    expected = text.replace('  version: "1.0"', '  version: "1.2"').replace(
        f'"audience": "{old["audience"]}"', f'"audience": "{new["audience"]}"'
    )
    assert copy.read_text(encoding="utf-8") == expected
    assert [p.name for p in copy.parent.iterdir() if p.name.startswith(".")] == []  # no temporary file left
    assert lgds("check", "--strict", "--root", str(root)).returncode == 0


def test_the_last_fingerprint_can_go_while_another_is_added():
    text = (
        'based_on:\n  pack: p\n  version: "1.0"\n  fingerprints:\n    "a": "1"\n    "b": "2"  # b\nnext: 1\n'
    )
    assert update_based_on(text, "1.1", {"a": "1", "c": "3"}) == (
        'based_on:\n  pack: p\n  version: "1.1"\n  fingerprints:\n    "a": "1"\n    "c": "3"\nnext: 1\n'
    )


@pytest.mark.parametrize("value", ["0b0110101011", "1e10", "123456789012", "yes", "off", "1:20", "1.10"])
def test_a_value_that_yaml_could_read_as_something_else_is_quoted(value):
    text = "based_on:\n  pack: p\n  version: v1\n  fingerprints:\n    a: abcdefabcdef\n"
    result = update_based_on(text, value, {"a": value})
    assert result == f'based_on:\n  pack: p\n  version: "{value}"\n  fingerprints:\n    a: "{value}"\n'
