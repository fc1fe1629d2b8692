"""``lgds check``: validate everything without building, fast enough to run on every save."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from lgds.core.commands import root_option
from lgds.load import load_site


@click.command()
@root_option
@click.option("--strict", is_flag=True, help="Treat warnings as errors, as the published build does.")
def check(root: Path, strict: bool) -> None:
    """Check every content and data file; exit 0 when clean, 1 when not."""
    _, problems = load_site(root)
    failed = bool(problems.errors) or (strict and bool(problems.warnings))
    if len(problems):
        click.echo(problems.report(), err=failed)
    else:
        click.echo("All content is valid.")
    sys.exit(1 if failed else 0)
