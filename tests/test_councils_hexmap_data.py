"""The hex map's layout is data: made once by scripts/make_hexmap.py, kept in data/hexmap.csv, read by the build.

The build never lays the map out again, so the committed file must be exactly what the layout gives
from the committed register; a council missing from it, or a missing file, is a warning, and the
coverage page leaves out what it cannot place. Bad rows are errors: see ``test_quality_bad_input``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lgds.build import build_all
from lgds.core.problems import Problems
from lgds.councils import hexmap, register
from lgds.councils.mapcells import HEXMAP
from lgds.load import load_site
from lgds.site import Site

from .conftest import BUILD_DATE, ROOT, copy_kit

LAYOUT_ONLY = "lgds.councils.hexmap"
"""The layout algorithm's package: only scripts/make_hexmap.py and the tests import it."""


def _register(root: Path) -> Site:
    site = Site(root=root, today=BUILD_DATE.date())
    problems = Problems()
    register.load(site, problems)
    assert not problems.errors, problems.report()
    return site


def _coverage(root: Path) -> tuple[str, list[str]]:
    """The coverage page's Markdown and every problem, for a copy of the kit at ``root``."""
    site, problems = load_site(root, today=BUILD_DATE.date())
    page = next(o for o in build_all(site) if o.path == "councils/coverage.md")
    return str(page.content), [p.format() for p in problems]


def test_the_committed_layout_is_what_the_layout_gives_from_the_committed_register():
    site = _register(ROOT)
    made = hexmap.csv_text(hexmap.layout(site.current_councils))
    committed = (ROOT / HEXMAP).read_text(encoding="utf-8")
    assert committed == made, f"{HEXMAP} is out of date: run `python scripts/make_hexmap.py`"


def test_the_script_writes_the_layout(tmp_path):
    root = copy_kit(tmp_path / "kit", {HEXMAP: None})
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_hexmap.py"), "--root", str(root)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "382 councils" in result.stdout
    assert (root / HEXMAP).read_bytes() == (ROOT / HEXMAP).read_bytes()


def test_the_build_reads_every_current_councils_cell():
    site, problems = load_site(ROOT, today=BUILD_DATE.date())
    assert [p.format() for p in problems if p.path == HEXMAP] == []
    rows = (ROOT / HEXMAP).read_text(encoding="utf-8").splitlines()[1:]
    assert site.hexmap == {code: (int(col), int(row)) for code, col, row in (r.split(",") for r in rows)}
    assert set(site.hexmap) == {c.code for c in site.current_councils}


def test_a_council_without_a_cell_is_a_warning_at_its_register_line_and_left_off_the_map(tmp_path):
    text = (ROOT / HEXMAP).read_text(encoding="utf-8")
    kept = [line for line in text.splitlines(keepends=True) if not line.startswith("CMD,")]
    assert len(kept) == len(text.splitlines()) - 1
    root = copy_kit(tmp_path / "kit", {HEXMAP: "".join(kept)})
    camden = _register(root).councils["CMD"]
    page, problems = _coverage(root)
    assert problems == [
        f"data/councils.csv:{camden.row}: warning hexmap-missing-council: London Borough of Camden (CMD) "
        "has no place on the hex map, so the coverage page leaves it out; expected a row for CMD in "
        "data/hexmap.csv (fix: run `python scripts/make_hexmap.py` to lay the map out again from the register)"
    ]
    assert page.count('<use href="#lgds-hex"') == 381
    assert "<strong>Camden</strong>" not in page and "<strong>Islington</strong>" in page
    assert "[Camden](cmd.md)" in page  # the table still lists every council


def test_without_the_file_the_map_is_left_out_with_a_warning(tmp_path):
    root = copy_kit(tmp_path / "kit", {HEXMAP: None})
    page, problems = _coverage(root)
    assert problems == [
        "data/hexmap.csv: warning no-hexmap: there is no hex map layout, so the coverage page leaves out "
        "the map; expected the file data/hexmap.csv (fix: run `python scripts/make_hexmap.py` to lay the "
        "map out again from the register)"
    ]
    assert "## Map" not in page and "lgds-map" not in page and "lgds-hex" not in page
    assert "## By nation" in page and "lgds-chart" in page


def test_neither_building_nor_checking_imports_the_layout():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from lgds.build import build_all\n"
        "from lgds.cli import main\n"
        "from lgds.load import load_site\n"
        "site, problems = load_site(sys.argv[1])\n"
        "assert not problems.errors, problems.report()\n"
        "assert any(o.path == 'councils/coverage.md' for o in build_all(site))\n"
        "result = CliRunner().invoke(main, ['check', '--root', sys.argv[1]])\n"
        "assert result.exit_code == 0, result.output\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    loaded = result.stdout.split()
    assert "lgds.councils.coverage" in loaded  # the build ran
    assert [m for m in loaded if m == LAYOUT_ONLY or m.startswith(LAYOUT_ONLY + ".")] == []
