"""The ``lgds`` command: the same loader and models as the site, from the command line.

Each command's module is imported only when that command runs (or help lists it), so ``lgds check``
does not pay for what only ``lgds import-signups`` or ``lgds gather`` needs.
"""

from __future__ import annotations

import importlib

import click

COMMANDS = {
    "check": "lgds.sitewide.commands:check",
    "schema": "lgds.sitewide.commands:schema",
    "import-signups": "lgds.councils.commands:import_signups",
    "new-group": "lgds.groups.commands:new_group",
    "new-event": "lgds.groups.commands:new_event",
    "vary-pack": "lgds.kit.commands:vary_pack",
    "gather": "lgds.network.commands:gather",
    "new-review": "lgds.reviews.commands:new_review",
}
"""Each command's name, and where it is: ``module:function``."""


class Commands(click.Group):
    """A group of commands whose modules are imported when a command is asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        where = COMMANDS.get(cmd_name)
        if where is None:
            return None
        module, name = where.split(":")
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command) and command.name == cmd_name, where
        return command


@click.group(cls=Commands)
@click.version_option(package_name="lgds")
def main() -> None:
    """Check, create and manage the content of a Local Government Digital Service Standard site."""


def every_command() -> dict[str, click.Command]:
    """Every command by name, each module imported (for the documentation's tests)."""
    with click.Context(main) as ctx:
        found = {name: main.get_command(ctx, name) for name in main.list_commands(ctx)}
    return {name: command for name, command in found.items() if command is not None}
