"""``lgds new-group`` and ``lgds new-event``: start a group or an event with one command.

Both check what they are given against the loaded content, write prefilled files that pass
``lgds check`` straight away, never overwrite anything, and say what to edit next.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import click

from lgds.core.commands import create_text, root_option
from lgds.core.fields import real_day
from lgds.core.problems import did_you_mean
from lgds.councils.models import AREAS
from lgds.groups.load import region_hint, slugify
from lgds.load import load_site
from lgds.site import Site

DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def _q(value: str) -> str:
    """A YAML string that reads back exactly (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _write(root: Path, files: dict[str, str], dry_run: bool) -> None:
    """Write new files only; refuse before writing anything if any already exists."""
    clashes = [rel for rel in files if (root / rel).exists() or (root / rel).is_symlink()]
    if clashes:
        raise click.ClickException(
            "not writing anything, because these already exist: "
            + ", ".join(clashes)
            + ". Choose another name (--slug), or edit the existing files."
        )
    for rel, content in files.items():
        if dry_run:
            click.echo(f"would create {rel}")
            continue
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if not create_text(target, content):  # made by something else since we looked: keep it
            raise click.ClickException(f"not writing {rel}: it appeared while this command ran")
        click.echo(f"created {rel}")


def _region(value: str) -> str:
    exact = {a.lower(): a for a in AREAS}.get(value.strip().lower())
    if exact:
        return exact
    raise click.BadParameter(
        f"{value!r} is not an English region or a nation; {region_hint(value)}. "
        f"The areas are: {', '.join(AREAS)}.",
        param_hint="--region",
    )


@click.command("new-group")
@click.argument("name")
@click.option(
    "--region", "regions", multiple=True, required=True, help="An area the group covers; repeat for more."
)
@click.option("--slug", help="The folder and web address name; made from NAME if not given.")
@click.option("--dry-run", is_flag=True, help="Say what would be created, and write nothing.")
@root_option
def new_group(name: str, regions: tuple[str, ...], slug: str | None, dry_run: bool, root: Path) -> None:
    """Start a peer group: creates peer-groups/<slug>/group.yml and index.md.

    NAME is the group's name, for example "North East peer group".
    """
    site, _ = load_site(root)
    covers = [_region(r) for r in regions]
    slug = slug or slugify(re.sub(r"\bpeer group\b", "", name, flags=re.IGNORECASE)) or slugify(name)
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise click.BadParameter(
            f"{slug!r} must be lower-case letters, digits and hyphens", param_hint="--slug"
        )
    if slug in site.groups:
        raise click.ClickException(
            f"there is already a group {slug!r} at peer-groups/{slug}/; edit it instead"
        )
    for area in covers:
        for group in site.groups.values():
            if area in group.meta.covers:
                click.echo(
                    f"note: the {group.name} already covers {area}; talk to it before starting another"
                )
    folder = f"peer-groups/{slug}"
    files = {
        f"{folder}/group.yml": _group_yml(name, covers, site),
        f"{folder}/index.md": _group_md(name, covers),
    }
    _write(root, files, dry_run)
    click.echo(
        "\nNext:\n"
        f"  1. Edit {folder}/group.yml: add a contact and a joining link, and facilitators who agree to be named.\n"
        f"  2. Edit {folder}/index.md: say who the group is for and how it works.\n"
        f"  3. Add its first event: lgds new-event {slug} --date YYYY-MM-DD\n"
        "  4. Run `lgds check`, then preview with `python3 dev.py serve`."
    )


def _group_yml(name: str, covers: list[str], site: Site) -> str:
    return (
        "# A peer group. Fields are described in docs/reference/group.md.\n"
        f"name: {_q(name)}\n"
        f"covers: [{', '.join(_q(a) for a in covers)}]\n"
        "# Its status (forming, active or dormant) comes from its events: nothing to set here.\n"
        '# After the first meeting, add when it was, YYYY-MM, like: started: "2027-04"\n'
        "# Only people who have agreed to be named, like:\n"
        "#   - name: A Person\n"
        "#     organisation: A Council\n"
        "facilitators: []\n"
        "# A web address or an email address, like: contact: peer-group@example.gov.uk\n"
        "# Where to ask to join, like: join: https://www.example.gov.uk/peer-group\n"
    )


def _group_md(name: str, covers: list[str]) -> str:
    return (
        f"---\ntitle: {_q(name)}\n---\n\n"
        f"The {name} brings together people from councils in {' and '.join(covers)} who want to use the "
        "Local Government Digital Service Standard in their work.\n\n"
        "## What the group does\n\n"
        "Say how often the group meets, who hosts, and what a session is like.\n"
    )


@click.command("new-event")
@click.argument("group")
@click.option("--date", "day", required=True, help="The day of the event, YYYY-MM-DD.")
@click.option(
    "--round", "round_", type=int, help="The franchise round; its packs are listed in the new file."
)
@click.option("--title", help="The event's title.")
@click.option(
    "--slug", help="The short name after the date in the file name; made from the title if not given."
)
@click.option("--dry-run", is_flag=True, help="Say what would be created, and write nothing.")
@root_option
def new_event(
    group: str, day: str, round_: int | None, title: str | None, slug: str | None, dry_run: bool, root: Path
) -> None:
    """Add an event to GROUP (its folder name under peer-groups/): creates its Markdown file."""
    site, _ = load_site(root)
    if group not in site.groups:
        hint = did_you_mean(group, site.groups) or f"groups are: {', '.join(site.groups) or 'none yet'}"
        raise click.BadParameter(f"there is no peer group {group!r}; {hint}", param_hint="GROUP")
    when = _date(day)
    entry = None
    if round_ is not None:
        entry = site.rounds.get(round_)
        if entry is None:
            rounds = ", ".join(f"{n} ({r.theme})" for n, r in sorted(site.rounds.items())) or "none"
            raise click.BadParameter(
                f"there is no round {round_}; the rounds are: {rounds}", param_hint="--round"
            )
    else:
        month = f"{when:%Y-%m}"
        entry = next((r for r in site.rounds.values() if r.starts <= month <= r.ends), None)
    title = title or (entry.theme if entry else "Peer group meeting")
    slug = slug or slugify(title)
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise click.BadParameter(
            f"{slug!r} must be lower-case letters, digits and hyphens", param_hint="--slug"
        )
    if when < site.today:
        click.echo(f"note: {when.isoformat()} is in the past; the event will be listed under past events")
    rel = f"peer-groups/{group}/events/{when.isoformat()}-{slug}.md"
    _write(root, {rel: _event_md(title, when, entry)}, dry_run)
    click.echo(
        "\nNext:\n"
        f"  1. Edit {rel}: times, venue (address, postcode, access), host council code and booking link.\n"
        "  2. Change `status: planned` to `confirmed` once the date and venue are settled.\n"
        "  3. Write the agenda in the body; after the day, add the write-up.\n"
        "  4. Run `lgds check`, then preview with `python3 dev.py serve`."
    )


def _date(value: str) -> dt.date:
    match = DATE.match(value.strip())
    if not match:
        raise click.BadParameter(
            f"{value!r} is not a date written YYYY-MM-DD, like 2027-02-10", param_hint="--date"
        )
    try:
        real_day(value.strip())
    except ValueError as exc:
        raise click.BadParameter(f"{value}: {exc}", param_hint="--date") from None
    return dt.date(*(int(g) for g in match.groups()))


def _event_md(title: str, day: dt.date, entry) -> str:
    packs = entry.packs if entry else []
    round_line = (
        f"round: {entry.number}\n"
        if entry
        else "# round: the franchise round number, from franchise-kit/rounds.yml\n"
    )
    return (
        "---\n"
        "# An event. Fields are described in docs/reference/event.md. Times are UK time.\n"
        f"title: {_q(title)}\n"
        f"date: {day.isoformat()}\n"
        'start: "10:00"\n'
        'end: "12:30"\n'
        "venue:\n"
        '  name: "To be confirmed"\n'
        "  # address: 1 Example Street, Town\n"
        "  # postcode: AB1 2CD\n"
        '  # access: "Step-free entrance, hearing loop, accessible toilets, quiet room."\n'
        "  # arrival: Sign in at the main reception and ask for the peer group.\n"
        "# online: https://... (a link to join online, instead of or as well as a venue)\n"
        "# host: the host council's code from data/councils.csv, like CMD\n"
        f"{round_line}"
        f"packs: [{', '.join(packs)}]\n"
        "# booking: https://... (where to book a place)\n"
        "status: planned\n"
        "---\n\n"
        "Say in a sentence or two what the session is about and who it is for.\n\n"
        "## Agenda\n\n"
        "- **10:00** Arrival and introductions\n"
        "- **12:30** Close\n\n"
        "## Before the day\n\n"
        "- What people should bring or prepare.\n"
    )
