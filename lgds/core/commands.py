"""Options and helpers shared by commands: finding the kit, and writing files that never overwrite.

Every command that writes files makes each new file whole or not at all, and never where a file
already is: two runs at once, or a file that appears while a command runs, cannot be overwritten.
``replace_text`` is only for the changes a user asks for by name (``schema --force``,
``vary-pack --update-base``).
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

import click

MARKERS = ("mkdocs.yml", "site.yml")
"""The files that mark a kit's folder when looking for it: mkdocs.yml alone could be another site's."""


def is_kit(folder: Path, markers: tuple[str, ...] = MARKERS) -> bool:
    """True when ``folder`` holds the files every kit has at its top."""
    return all((folder / name).is_file() for name in markers)


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that is a kit's folder, or None."""
    for folder in (start, *start.parents):
        if is_kit(folder):
            return folder
    return None


def _root(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path:
    if value is not None:  # named by the user: site.yml may be left out, as the loader allows
        if not is_kit(value, MARKERS[:1]):
            raise click.ClickException(
                f"{value} is not a kit's folder: it has no {MARKERS[0]}; give the kit's folder with --root"
            )
        return value
    try:
        here = Path.cwd()
    except OSError:  # the folder was removed while the shell stayed in it
        raise click.ClickException("the current folder no longer exists; go to the kit's folder") from None
    found = find_root(here)
    if found is None:
        raise click.ClickException(
            f"not inside a kit: neither {here} nor any folder above it holds "
            f"{' and '.join(MARKERS)}; run lgds in the kit's folder, or give it with --root"
        )
    if found != here:
        click.echo(f"Using the kit in {found}", err=True)
    return found


root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    callback=_root,
    help=(
        "The kit's folder (the one with mkdocs.yml and site.yml). Without it, the current folder "
        "or the nearest folder above it that is a kit's folder."
    ),
)


def create(target: Path, write: Callable[[Path], object]) -> bool:
    """Make ``target`` as a new file, whole or not at all; False, writing nothing, if it exists.

    ``write`` fills a hidden file beside the target, which is then linked to the target's name: the
    operating system refuses the link if anything is there already, so a file made by another run in
    the meantime is never overwritten, and nobody ever sees half a file.
    """
    if target.exists() or target.is_symlink():
        return False
    temp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    try:
        write(temp)
        try:
            os.link(temp, target)
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links: create the target exclusively instead
            try:
                with open(target, "xb") as out, open(temp, "rb") as made:
                    shutil.copyfileobj(made, out)
            except FileExistsError:
                return False
        return True
    finally:
        temp.unlink(missing_ok=True)


def create_text(target: Path, text: str) -> bool:
    """Make ``target`` as a new UTF-8 text file (see :func:`create`); False if it exists."""
    return create(target, lambda temp: temp.write_bytes(text.encode("utf-8")))


def replace_text(target: Path, text: str) -> None:
    """Replace ``target``'s content in one step, so nobody ever sees half a file."""
    temp = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        with open(temp, "xb") as out:
            out.write(text.encode("utf-8"))
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
