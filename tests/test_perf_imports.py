"""``lgds check`` starts fast: it loads and checks content, and imports nothing that only builds pages."""

from __future__ import annotations

import subprocess
import sys

from .conftest import ROOT

ONLY_FOR_BUILDING = ("lgds.builders", "icalendar", "feedgen", "mkdocs", "markdown", "jinja2", "material")
ONLY_FOR_ODD_YAML = ("ruamel",)
"""libyaml reads every file in the kit; ruamel.yaml is only for the rare file it leaves aside."""


def test_the_check_command_does_not_import_the_page_builders() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from lgds.cli import main\n"
        "result = CliRunner().invoke(main, ['check', '--root', sys.argv[1]])\n"
        "assert result.exit_code == 0, result.output\n"
        "print('\\n'.join(sorted(sys.modules)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, check=True, cwd=ROOT
    )
    loaded = result.stdout.split()
    heavy = [m for m in loaded if m.split(".")[0] in ONLY_FOR_BUILDING or m.startswith(ONLY_FOR_BUILDING)]
    assert heavy == []
    assert [m for m in loaded if m.startswith(ONLY_FOR_ODD_YAML)] == []
