"""Every command that writes files says each file it wrote, has --dry-run, and never overwrites a file.

And every command finds the kit from any folder inside it, and says in one line when it is run outside one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lgds.sitewide.schemas import SCHEMAS

from .conftest import lgds

SUBFOLDER = "peer-groups/london/events"

WRITERS = {
    # command: (arguments, the files a run creates)
    "new-group": (
        ["new-group", "North East peer group", "--region", "North East"],
        ["peer-groups/north-east/group.yml", "peer-groups/north-east/index.md"],
    ),
    "new-event": (
        ["new-event", "london", "--date", "2027-06-02", "--title", "Buying well"],
        ["peer-groups/london/events/2027-06-02-buying-well.md"],
    ),
    "vary-pack": (
        ["vary-pack", "one-point-in-depth", "--group", "south"],
        None,  # every file of the pack, under the group's folder
    ),
    "import-signups": (
        ["import-signups", "{sheet}", "--name-column", "Council", "--report", "{report}"],
        ["data/signups/wrl.yml", "data/signups/yor.yml"],
    ),
    "schema": (
        ["schema", "--out", "new-schemas"],
        [f"new-schemas/{name}.schema.json" for name in SCHEMAS],
    ),
}

WRITTEN = re.compile(r"^(?:created|Created|would create|Would create) (\S+)", re.MULTILINE)


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _args(command: str, tmp_path: Path, report: str = "report.csv") -> list[str]:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Council\nWirral MBC\nCity of York Council\n", encoding="utf-8")
    args = WRITERS[command][0]
    return [a.format(sheet=sheet, report=tmp_path / report) for a in args]


def _expected(command: str, root: Path) -> list[str]:
    files = WRITERS[command][1]
    if files is None:
        pack = root / "franchise-kit/packs/one-point-in-depth"
        files = [
            f"peer-groups/south/packs/one-point-in-depth/{p.relative_to(pack).as_posix()}"
            for p in pack.rglob("*")
        ]
        files = [f for f in files if (root / f.replace("peer-groups/south", "franchise-kit")).is_file()]
    return sorted(files)


@pytest.mark.parametrize("command", WRITERS)
def test_dry_run_writes_nothing_and_a_run_says_each_file_it_wrote(kit, tmp_path, command):
    root = kit()
    expected = _expected(command, root)
    before = _tree(root)

    dry = lgds(*_args(command, tmp_path), "--dry-run", cwd=root)
    assert dry.returncode == 0, dry.stderr
    assert _tree(root) == before
    assert not (tmp_path / "report.csv").exists()
    assert sorted(WRITTEN.findall(dry.stdout)) == expected

    run = lgds(*_args(command, tmp_path), cwd=root)
    assert run.returncode == 0, run.stderr
    after = _tree(root)
    assert sorted(WRITTEN.findall(run.stdout)) == expected == sorted(set(after) - set(before))
    assert {rel: after[rel] for rel in before} == before  # nothing that was there changed

    again = lgds(*_args(command, tmp_path, report="second.csv"), cwd=root)
    assert "Traceback" not in again.stderr
    assert WRITTEN.findall(again.stdout) == []
    assert _tree(root) == after  # a second run overwrites nothing


def test_schema_never_overwrites_a_schema_that_differs_without_force(kit):
    root = kit()
    edited = root / "schemas/event.schema.json"
    edited.parent.mkdir(exist_ok=True)
    edited.write_text('{"title": "edited by hand"}\n', encoding="utf-8")
    before = _tree(root)

    for args in (["schema"], ["schema", "--dry-run"], ["schema", "--dry-run", "--force"]):
        result = lgds(*args, cwd=root)
        assert result.returncode == 1 or "--force" in args, result.stderr
        assert edited.read_text(encoding="utf-8") == '{"title": "edited by hand"}\n'
    result = lgds("schema", cwd=root)
    assert (
        "not replaced schemas/event.schema.json: it differs from what the kit's models make now"
        in result.stdout
    )
    assert result.stderr.strip().endswith(
        "schemas/event.schema.json; remove them, or run `lgds schema --force` to replace them"
    )
    assert len(result.stderr.splitlines()) == 1
    assert {rel: data for rel, data in _tree(root).items() if rel in before} == before

    forced = lgds("schema", "--force", cwd=root)
    assert forced.returncode == 0, forced.stderr
    assert "replaced schemas/event.schema.json" in forced.stdout
    assert json.loads(edited.read_text(encoding="utf-8"))["title"] != "edited by hand"
    assert "unchanged schemas/event.schema.json" in lgds("schema", cwd=root).stdout


def test_the_help_says_what_schema_does_to_existing_files():
    text = " ".join(lgds("schema", "--help").stdout.split())
    assert "never overwritten without --force" in text
    assert "change the models, not the schemas" in text


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["schema", "--dry-run"],
        ["new-group", "North East peer group", "--region", "North East", "--dry-run"],
        ["new-event", "london", "--date", "2027-06-02", "--dry-run"],
        ["vary-pack", "one-point-in-depth", "--group", "south", "--dry-run"],
        ["import-signups", "{sheet}", "--name-column", "Council", "--dry-run"],
    ],
    ids=lambda args: args[0],
)
def test_every_command_finds_the_kit_from_a_subfolder(kit, tmp_path, args):
    root = kit()
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Council\nWirral MBC\n", encoding="utf-8")
    args = [a.format(sheet=sheet) for a in args]
    at_top = lgds(*args, cwd=root)
    inside = lgds(*args, cwd=root / SUBFOLDER)
    assert at_top.returncode == 0 and inside.returncode == 0, inside.stderr
    assert inside.stdout == at_top.stdout
    assert inside.stderr == f"Using the kit in {root.resolve()}\n" + at_top.stderr
    assert lgds(*args, "--root", str(root), cwd=tmp_path).stdout == at_top.stdout  # --root still wins


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["schema"],
        ["new-group", "North East peer group", "--region", "North East"],
        ["new-event", "london", "--date", "2027-06-02"],
        ["vary-pack", "one-point-in-depth", "--group", "south"],
        ["import-signups", "{sheet}", "--name-column", "Council"],
    ],
    ids=lambda args: args[0],
)
def test_outside_a_kit_every_command_says_so_in_one_line(tmp_path, args):
    outside = tmp_path / "not-a-kit" / "deeper"
    outside.mkdir(parents=True)
    (tmp_path / "not-a-kit" / "mkdocs.yml").write_text("site_name: Another site\n")  # not enough on its own
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Council\nWirral MBC\n", encoding="utf-8")
    result = lgds(*[a.format(sheet=sheet) for a in args], cwd=outside)
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: not inside a kit: neither {outside.resolve()} nor any folder above it holds mkdocs.yml and "
        "site.yml; run lgds in the kit's folder, or give it with --root\n"
    )
    assert result.stdout == ""
    assert [p.name for p in outside.iterdir()] == []

    given = lgds(*[a.format(sheet=sheet) for a in args], "--root", str(outside), cwd=outside)
    assert given.returncode == 1
    assert (
        given.stderr
        == f"Error: {outside} is not a kit's folder: it has no mkdocs.yml; give the kit's folder with --root\n"
    )
