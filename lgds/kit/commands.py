"""``lgds vary-pack PACK --group GROUP``: copy a pack for a group to change, recording where it came from."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import click

from lgds.core.commands import replace_text, root_option
from lgds.core.files import link_in
from lgds.core.logtext import escaped
from lgds.core.problems import did_you_mean
from lgds.kit.lineage import changes_between, fingerprints
from lgds.kit.models import Pack
from lgds.kit.rebase import CannotUpdate, update_based_on
from lgds.load import load_site
from lgds.site import Site

BASED_ON_COMMENT = (
    "# Where this variant came from, written by `lgds vary-pack`. Leave it as it is: the kit uses it to\n"
    "# show what you changed and to tell you when the original pack changes.\n"
)


@click.command("vary-pack")
@click.argument("pack")
@click.option("--group", required=True, help="The group's folder name under peer-groups/, e.g. midlands.")
@click.option("--dry-run", is_flag=True, help="Say what would be created, and create nothing.")
@click.option(
    "--update-base",
    is_flag=True,
    help="For an existing variant: record the original's current version after you have taken its changes.",
)
@root_option
def vary_pack(pack: str, group: str, dry_run: bool, update_base: bool, root: Path) -> None:
    """Copy PACK into peer-groups/GROUP/packs/ so the group can change it.

    PACK is a kit pack's folder name (introducing-the-standard), or GROUP/PACK to vary another group's
    variant. The copy records which pack and version it came from. Nothing is ever overwritten.
    """
    site, _ = load_site(root)
    parent = _find_pack(site, pack)
    if group not in site.groups:
        hint = did_you_mean(group, site.groups) or "see the folders under peer-groups/"
        raise click.ClickException(f"there is no peer group `{group}`: {hint}")
    target = f"peer-groups/{group}/packs/{parent.slug}"
    link = link_in(site.root, target)
    if link is not None:
        raise click.ClickException(
            f"{link} is a symbolic link, and the kit does not follow links: replace it with the folder "
            "itself (run `lgds check` to see every link)"
        )
    if update_base:
        _update_base(site, parent, target, dry_run)
        return
    if os.path.lexists(site.root / target):
        raise click.ClickException(
            f"{target}/ already exists, and vary-pack never overwrites anything. Edit that copy, or "
            f"remove it first if you really want a fresh one."
        )
    if parent.key == f"{group}/{parent.slug}":
        raise click.ClickException("a group cannot vary its own variant into the same folder")
    verb = "Would create" if dry_run else "Created"
    # The files as the loader read them: regular files inside the pack's folder, never through a link.
    for rel, data in parent.contents.items():
        dest = site.root / target / rel
        if not dry_run:
            dest.parent.mkdir(parents=True, exist_ok=True)
            if rel == "pack.yml":
                text = data.decode("utf-8-sig").replace("\r\n", "\n")
                data = with_based_on(text, parent, site).encode("utf-8")
            with dest.open("xb") as handle:  # never overwrite, even a file that appeared since we looked
                handle.write(data)
        click.echo(f"{verb} {target}/{escaped(rel)}")  # a file's name is shown on one line
    click.echo(
        f"\nThe copy records that it is based on `{parent.key}` version {parent.meta.version}.\n"
        "Next:\n"
        f"  1. Edit {target}/pack.yml: change the run sheet, timings or materials for your group.\n"
        f"  2. Edit the notes, activities and handouts under {target}/.\n"
        "  3. Run `lgds check`, then preview with `python3 dev.py serve`.\n"
        f"  Your variant's page will be /{target}/, showing what you changed beside the original."
    )


def _find_pack(site: Site, key: str) -> Pack:
    if key in site.packs:
        return site.packs[key]
    hint = did_you_mean(key, site.packs) or "see the folders under franchise-kit/packs/"
    raise click.ClickException(f"there is no pack `{key}` (or it has errors; run `lgds check`): {hint}")


def based_on_block(parent: Pack, site: Site) -> str:
    """The ``based_on`` YAML for a copy of ``parent``, with the fingerprints of its fields and files."""
    lines = [
        BASED_ON_COMMENT.rstrip("\n"),
        "based_on:",
        f"  pack: {parent.key}",
        f"  version: {json.dumps(parent.meta.version)}",
        "  fingerprints:",
    ]
    for name, value in fingerprints(site.root, parent.folder).items():
        lines.append(f"    {json.dumps(name)}: {json.dumps(value)}")
    return "\n".join(lines) + "\n"


def strip_top_level(text: str, names: tuple[str, ...]) -> str:
    """Remove top-level ``name:`` entries (with their indented lines and the based_on comment)."""
    out: list[str] = []
    skipping = False
    for line in text.split("\n"):
        top = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if top:
            skipping = top.group(1) in names
        elif skipping and line.strip() and not line.startswith((" ", "\t", "#")):
            skipping = False
        if not skipping:
            out.append(line)
    kept = "\n".join(out)
    kept = kept.replace(BASED_ON_COMMENT, "")
    return kept.rstrip("\n") + "\n"


def with_based_on(text: str, parent: Pack, site: Site) -> str:
    """The parent's pack.yml for a new variant: its own lineage and example flag replaced by ours."""
    return strip_top_level(text, ("based_on", "example")) + "\n" + based_on_block(parent, site)


def _update_base(site: Site, parent: Pack, target: str, dry_run: bool) -> None:
    path = site.root / target / "pack.yml"
    if path.is_symlink():
        raise click.ClickException(f"{target}/pack.yml is a symbolic link, and the kit does not follow links")
    variant = site.packs.get(target.split("/")[1] + "/" + parent.slug)
    if not path.is_file() or variant is None or variant.meta.based_on is None:
        raise click.ClickException(f"{target}/pack.yml is not a variant made by vary-pack")
    based = variant.meta.based_on
    if based.pack != parent.key:
        raise click.ClickException(f"{target} is based on `{based.pack}`, not `{parent.key}`")
    now = fingerprints(site.root, parent.folder)
    changed = changes_between(based.fingerprints, now)
    text = path.read_bytes().decode("utf-8")
    try:
        updated = update_based_on(text, parent.meta.version, now)
    except CannotUpdate as exc:
        raise click.ClickException(
            f"{target}/pack.yml was not changed: {exc}. Change `version:` under `based_on:` to "
            f"{json.dumps(parent.meta.version)} by hand"
        ) from None
    if updated == text:
        click.echo(f"{target}/pack.yml already records `{parent.key}` version {parent.meta.version}.")
        return
    if not dry_run:
        replace_text(path, updated)
    verb = "Would update" if dry_run else "Updated"
    click.echo(
        f"{verb} {target}/pack.yml: based on `{parent.key}` version {based.version} → "
        f"{parent.meta.version}.\nChanged in the original since your copy: "
        f"{escaped('; '.join(changed)) or 'nothing but the version'}.\n"
        "Only `based_on` was changed: your own changes, comments and layout are as you left them."
    )
