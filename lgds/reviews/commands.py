"""``lgds new-review COUNCIL --service NAME --phase PHASE``: start a review's file, ready to fill in.

It checks the council, the reviewers and the event against the loaded content, lists all 15 points as
not assessed with the questions a peer reviewer might ask under each (from the points' own pages), and
never overwrites a file. The new file is not published until the council's consent is recorded in it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import click

from lgds.core.commands import root_option
from lgds.core.fields import real_day, slugify
from lgds.core.problems import did_you_mean
from lgds.councils.models import Council
from lgds.groups.models import Event
from lgds.load import load_site
from lgds.reviews.models import FOLDER, POINTS, Phase
from lgds.site import Site


def _q(value: str) -> str:
    """A YAML string that reads back exactly (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def find_council(site: Site, typed: str, option: str) -> Council:
    """The council ``typed`` names, by code or by name; a usage error with suggestions otherwise."""
    council = site.councils.get(typed.strip().upper())
    if council is None:
        match = site.council_names.match(typed)
        council = match.council
    if council is None:
        found = site.council_names.suggestions(typed)
        hint = (
            "did you mean " + " or ".join(f"{c.code} ({c.official_name})" for c in found) + "?"
            if found
            else "find the council's code on its page under /councils/, or in data/councils.csv"
        )
        raise click.BadParameter(f"{typed!r} is not a council in the register; {hint}", param_hint=option)
    return council


def _event(site: Site, value: str) -> Event:
    events = {f"{e.group}/{e.slug}": e for e in site.events}
    event = events.get(value.strip())
    if event is None:
        hint = (
            did_you_mean(value, events) or "write GROUP/EVENT, as in the event's address under /peer-groups/"
        )
        raise click.BadParameter(f"there is no event {value!r}; {hint}", param_hint="--event")
    return event


def _date(value: str) -> dt.date:
    try:
        real_day(value.strip())
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        reason = str(exc) if "there is no" in str(exc) else "it is not a date written YYYY-MM-DD"
        raise click.BadParameter(f"{value!r}: {reason}", param_hint="--date") from None


@click.command("new-review")
@click.argument("council")
@click.option("--service", required=True, help="The service's name, the same in each of its reviews.")
@click.option(
    "--phase",
    required=True,
    type=click.Choice([p.value for p in Phase], case_sensitive=False),
    help="The phase the service is in.",
)
@click.option("--event", help="The peer-group event it happens at: GROUP/EVENT, as in the event's address.")
@click.option("--date", "day", help="The day of the review, YYYY-MM-DD: the event's day, else today.")
@click.option("--reviewer", "reviewers", multiple=True, help="A reviewing council's code; repeat for more.")
@click.option("--dry-run", is_flag=True, help="Say what would be created, and write nothing.")
@root_option
def new_review(
    council: str,
    service: str,
    phase: str,
    event: str | None,
    day: str | None,
    reviewers: tuple[str, ...],
    dry_run: bool,
    root: Path,
) -> None:
    """Start a review of a COUNCIL's service (its code, or its name): creates its Markdown file."""
    site, _ = load_site(root)
    reviewed = find_council(site, council, "COUNCIL")
    name = _one_line(service)
    slug = slugify(name.replace("'", "").replace("\u2019", ""))
    if not slug:
        raise click.BadParameter(
            "give the service a name with some letters or digits", param_hint="--service"
        )
    happened = _event(site, event) if event else None
    when = _date(day) if day else happened.meta.date if happened else site.today
    if when > site.today:
        raise click.BadParameter(
            f"{when.isoformat()} is after today; add the review once it has taken place", param_hint="--date"
        )
    codes = [find_council(site, code, "--reviewer").code for code in reviewers]
    if reviewed.code in codes:
        raise click.BadParameter(
            f"{reviewed.code} is the council being reviewed; reviewers come from other councils",
            param_hint="--reviewer",
        )
    rel = f"{FOLDER}/{reviewed.slug}/{when.isoformat()}-{slug}.md"
    if (site.root / rel).exists():
        raise click.ClickException(
            f"not writing anything, because {rel} already exists; edit that file instead"
        )
    text = review_file(site, reviewed, name, Phase(phase.lower()), when, event, codes)
    if dry_run:
        click.echo(f"would create {rel}")
    else:
        target = site.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
        click.echo(f"created {rel}")
    click.echo(
        "\nNext:\n"
        f"  1. Edit {rel}: {'' if codes else 'the reviewing councils, then '}"
        "each point's result, evidence and recommendations.\n"
        "  2. Write what the review found in the body, below the second `---`.\n"
        f"  3. Once {reviewed.official_name} agrees to publish it, change `consent: false` to `consent: true`;\n"
        "     until then `lgds check` reports it, and it is not published.\n"
        "  4. Run `lgds check`, then preview with `python3 dev.py serve`."
    )


def review_file(
    site: Site,
    council: Council,
    service: str,
    phase: Phase,
    day: dt.date,
    event: str | None,
    reviewers: list[str],
) -> str:
    """The new review's text: the facts, every point as not assessed with its questions, and a body."""
    lines = [
        "---",
        "# A peer review of a service. Fields are described in docs/reference/review.md.",
        f"council: {council.code}",
        f"service: {_q(service)}",
        "# link: https://... (a link to the service, if it has one)",
        f"phase: {phase.value}",
        f"date: {day.isoformat()}",
        f"event: {event}" if event else "# event: GROUP/EVENT, if it was part of a peer-group event",
        "# The reviewing councils' codes, never people's names, like [PLY, WIL]",
        f"reviewers: [{', '.join(reviewers)}]",
        f"# Change to true once {_one_line(council.official_name)} has agreed to publish this review.",
        "consent: false",
        "# For each point: result (met, not met or not assessed), the evidence seen, and recommendations.",
        "points:",
    ]
    for number in POINTS:
        point = site.points.get(number)
        title = _one_line(point.title) if point else f"Point {number}"
        lines.append(f"  # {number}. {title}")
        if point and point.questions:
            lines.append("  # Questions to ask:")
            lines += [f"  #   - {_one_line(question)}" for question in point.questions]
        lines += [
            f"  - point: {number}",
            "    result: not assessed",
            "    evidence:",
            "    recommendations: []",
        ]
    lines += [
        "---",
        "",
        "## About the service",
        "",
        "What the service does, who uses it, and what the team wanted to learn from the review.",
        "",
        "## What the reviewers found",
        "",
        "The main strengths and concerns, and what the team agreed to do next.",
        "",
    ]
    return "\n".join(lines)
