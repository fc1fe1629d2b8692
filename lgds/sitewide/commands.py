"""``lgds check`` and ``lgds schema``: check every file without building, and write JSON Schemas."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from lgds.core import keep
from lgds.core.commands import create_text, replace_text, root_option
from lgds.load import build_date, load_site
from lgds.sitewide.annotations import annotation_lines, summary
from lgds.sitewide.schemas import SCHEMAS, schema_for


@click.command()
@root_option
@click.option("--strict", is_flag=True, help="Treat warnings as errors, as the published build does.")
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="github: write each problem as a GitHub Actions annotation on its file and line, and a summary "
    "in plain words to the file named by GITHUB_STEP_SUMMARY, when it is set.",
)
def check(root: Path, strict: bool, output: str) -> None:
    """Check every content and data file; exit 0 when clean, 1 when not.

    What a run read and checked is kept for the next, outside the kit (``lgds.core.keep``): files
    whose text has not changed are not read into models again. ``LGDS_CACHE=off`` turns that off.
    """
    root = root.resolve()
    today = build_date()
    memory, recalled = keep.recall(root, today)
    _, problems = load_site(root, memory=memory)
    keep.keep(memory, root, today, recalled=recalled)
    failed = bool(problems.errors) or (strict and bool(problems.warnings))
    if output == "github":
        for line in annotation_lines(problems, root, strict):
            click.echo(line)
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if step_summary:
            with open(step_summary, "a", encoding="utf-8") as file:
                file.write(summary(problems, root, strict))
        click.echo(problems.report() if len(problems) else "All content is valid.")
    elif len(problems):
        click.echo(problems.report(), err=failed)
    else:
        click.echo("All content is valid.")
    sys.exit(1 if failed else 0)


@click.command()
@root_option
@click.option("--out", default="schemas", show_default=True, help="Folder to write the schemas to.")
@click.option("--dry-run", is_flag=True, help="Say what would be written, and write nothing.")
@click.option(
    "--force",
    is_flag=True,
    help="Replace schemas that differ from what the kit's models make now. The schemas are made by "
    "this command from the models: change the models, not the schemas.",
)
def schema(root: Path, out: str, dry_run: bool, force: bool) -> None:
    """Write one JSON Schema per file type, so editors can check YAML as you type.

    Missing schemas are created and schemas that are up to date are left alone. A schema that differs
    from what the kit's models make now is never overwritten without --force: the command names it and
    exits 1, so a hand edit is not lost by surprise.
    """
    folder = root / out  # an absolute --out stays absolute

    def shown(path: Path) -> str:
        return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)

    kept: list[str] = []
    for name in SCHEMAS:
        target = folder / f"{name}.schema.json"
        text = json.dumps(schema_for(name), indent=2, ensure_ascii=False) + "\n"
        exists = target.exists() or target.is_symlink()
        regular = target.is_file() and not target.is_symlink()  # never read through a link
        if regular and target.read_bytes() == text.encode("utf-8"):
            click.echo(f"unchanged {shown(target)}")
        elif exists and not (force and not target.is_dir()):
            kept.append(shown(target))
            click.echo(f"not replaced {shown(target)}: it differs from what the kit's models make now")
        elif dry_run:
            click.echo(f"would {'replace' if exists else 'create'} {shown(target)}")
        elif exists:
            replace_text(target, text)
            click.echo(f"replaced {shown(target)}")
        else:
            folder.mkdir(parents=True, exist_ok=True)
            if create_text(target, text):
                click.echo(f"created {shown(target)}")
            else:
                kept.append(shown(target))
                click.echo(f"not replaced {shown(target)}: it appeared while this command ran")
    if kept:
        how = "remove them, or run `lgds schema --force` to replace them" if not force else "remove them"
        raise click.ClickException(
            f"left as they are, and different from what the kit's models make now: {', '.join(kept)}; {how}"
        )
