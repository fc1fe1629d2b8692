"""The ``lgds`` command: the same loader and models as the site, from the command line."""

from __future__ import annotations

import click

from lgds.councils import commands as import_signups
from lgds.groups import commands as new
from lgds.kit import commands as vary
from lgds.reviews import commands as reviews
from lgds.sitewide import commands as sitewide


@click.group()
@click.version_option(package_name="lgds")
def main() -> None:
    """Check, create and manage the content of a Local Government Digital Service Standard site."""


main.add_command(sitewide.check)
main.add_command(sitewide.schema)
main.add_command(import_signups.import_signups)
main.add_command(new.new_group)
main.add_command(new.new_event)
main.add_command(vary.vary_pack)
main.add_command(reviews.new_review)
