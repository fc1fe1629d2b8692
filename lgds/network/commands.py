"""``lgds gather``: fetch every regional site's events into ``data/network/``, for review."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from lgds.core.commands import root_option
from lgds.load import load_site
from lgds.network.gather import gather_one
from lgds.network.load import NETWORK


@click.command()
@root_option
@click.option(
    "--dry-run",
    is_flag=True,
    help="Fetch and check every site, and say what would be written; write nothing.",
)
def gather(root: Path, dry_run: bool) -> None:
    """Fetch each regional site in network.yml into data/network/<group>.json.

    Each site's data/events.json is fetched over HTTPS, with a time and size limit, and checked by the
    same rules as the build. A site that cannot be reached or sends bad data is reported and keeps its
    last good copy; the others are gathered all the same. Exits 1 when any site failed.
    """
    site, problems = load_site(root)
    network = site.network
    if network is None:
        raise click.ClickException(
            f"there is no {NETWORK} here, so there are no regional sites to gather from"
        )
    for problem in problems:
        if problem.path == NETWORK:
            click.echo(problem.format(), err=True)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    failed = 0
    for entry in network.sites:
        outcome = gather_one(root, entry, dry_run=dry_run, now=now)
        if outcome.failure:
            failed += 1
            kept = "keeps its last good copy" if (root / outcome.path).is_file() else "has no copy yet"
            click.echo(f"failed {entry.name} ({entry.data_url}): {outcome.failure}; {outcome.path} {kept}")
            for line in outcome.problems or []:
                click.echo(f"  {line}")
        elif outcome.written:
            verb = "would write" if dry_run else "wrote"
            click.echo(f"{verb} {outcome.path}: {outcome.events} events from {entry.name}")
        else:
            click.echo(f"unchanged {outcome.path}: {outcome.events} events from {entry.name}")
    if not network.sites:
        click.echo(f"{NETWORK} lists no regional sites yet.")
    sys.exit(1 if failed else 0)
