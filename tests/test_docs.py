"""Tests that keep the docs honest: every error code, marker and command is documented or known."""

from __future__ import annotations

import re

from lgds.build import BLOCKS, MARKER
from lgds.cli import every_command
from lgds.core.problems import KINDS
from lgds.sitewide.load import BLOCK_NAMES

from .conftest import ROOT, lgds


def test_every_marker_in_the_pages_names_a_known_block():
    for page in (ROOT / "docs").rglob("*.md"):
        for name in MARKER.findall(page.read_text(encoding="utf-8")):
            assert name in BLOCKS, f"{page}: unknown block <!-- lgds:{name} -->"


def test_the_checks_know_every_block_the_build_fills():
    assert set(BLOCKS) == BLOCK_NAMES


def test_an_unknown_block_in_a_hand_written_page_is_an_error_at_its_line(kit):
    root = kit({"docs/about.md": "---\ntitle: About\n---\n\nIntro.\n\n<!-- lgds:next-event -->\n"})
    checked = lgds("check", "--root", str(root))
    assert checked.returncode == 1
    assert (
        "docs/about.md:7: error unknown-block: the page asks for a data block called `next-event`, which "
        "the kit does not have" in checked.stdout + checked.stderr
    )
    assert "did you mean 'next-events'?" in checked.stdout + checked.stderr


def test_every_error_code_is_in_the_error_reference(built_site):
    reference = (built_site / "reference" / "errors" / "index.html").read_text(encoding="utf-8")
    for code in KINDS:
        assert re.search(rf"\b{re.escape(code)}\b", reference), f"error code {code} is not documented"


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in every_command():
        assert f"lgds {name}" in readme, f"`lgds {name}` is not in the README"


def test_committed_schemas_match_the_models(tmp_path):
    """Editors use the committed schemas; they must say what the checks say."""
    import json

    from lgds.sitewide.schemas import SCHEMAS, schema_for

    for name in SCHEMAS:
        committed = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
        assert committed == schema_for(name), f"schemas/{name}.schema.json is out of date: run `lgds schema`"
