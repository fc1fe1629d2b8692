"""``lgds check`` and ``lgds schema``: check every file without building, and write JSON Schemas."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from lgds.core.commands import root_option
from lgds.load import load_site
from lgds.sitewide.schemas import SCHEMAS, schema_for


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


@click.command()
@root_option
@click.option("--out", default="schemas", show_default=True, help="Folder to write the schemas to.")
@click.option("--dry-run", is_flag=True, help="Say what would be written, and write nothing.")
def schema(root: Path, out: str, dry_run: bool) -> None:
    """Write one JSON Schema per file type, so editors can check YAML as you type."""
    folder = root / out  # an absolute --out stays absolute

    def shown(path: Path) -> str:
        return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)

    for name in SCHEMAS:
        target = folder / f"{name}.schema.json"
        text = json.dumps(schema_for(name), indent=2, ensure_ascii=False) + "\n"
        if dry_run:
            click.echo(f"would write {shown(target)}")
            continue
        folder.mkdir(parents=True, exist_ok=True)
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            click.echo(f"unchanged {shown(target)}")
            continue
        target.write_text(text, encoding="utf-8")
        click.echo(f"wrote {shown(target)}")
