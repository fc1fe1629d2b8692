"""Load events from ``peer-groups/<group>/events/<date>-<slug>.md`` and check what they refer to.

Councils, packs, rounds and groups are loaded before events, so every reference an event makes is
checked here, at the line that makes it.
"""

from __future__ import annotations

import datetime as dt
import re

from lgds.core.files import find
from lgds.core.links import Body, body_of_unreadable
from lgds.core.partial import partial
from lgds.core.problems import Problems, did_you_mean, kind
from lgds.core.sources import Source, read_front_matter
from lgds.core.validate import validate
from lgds.councils.models import Council
from lgds.groups.models import UK_TIME, Event, EventFile, EventStatus
from lgds.site import Site

FOLDER = "peer-groups"
KIT_PACKS = "franchise-kit/packs"
ROUNDS = "franchise-kit/rounds.yml"
REGISTER = "data/councils.csv"
FILE_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")

BAD_EVENT_FILE_NAME = kind(
    "bad-event-file-name",
    "the file name `{name}` does not start with a date and a short name",
    expected="a name like `2027-02-10-reviewing-a-service.md`: the date, then lower-case words with hyphens",
    fix="rename the file; `lgds new-event GROUP --date YYYY-MM-DD` makes one with the right name",
    area="events",
)
END_BEFORE_START = kind(
    "end-before-start",
    "the event ends at {end}, which is not after it starts at {start}",
    expected="an `end` time later than the `start` time, both 24-hour UK times",
    fix="check both times; 2pm is written `14:00`",
    area="events",
)
MISSING_TIMES = kind(
    "missing-times",
    "the event has a day but no {missing} time",
    expected='`start:` and `end:` times, like `start: "10:00"` and `end: "12:30"`',
    fix=(
        "add the times; a past event may leave out times nobody knows, and one whose day is not known "
        "needs `approximate_date: true`"
    ),
    area="events",
)
NO_VENUE = kind(
    "no-venue-or-online",
    "the event has neither a venue nor an online link, so nobody can tell how to attend",
    expected="a `venue:` with at least a `name:`, or an `online:` link, or both",
    fix='if the place is not settled yet, write `venue:` and on the next line `  name: "To be confirmed"`',
    area="events",
)
TIME_DOES_NOT_EXIST = kind(
    "time-does-not-exist",
    "{time} on {day} does not exist in the UK: the clocks go forward from 01:00 to 02:00 that night",
    expected="a time outside 01:00 to 01:59 on the day the clocks change",
    fix="move the time to 02:00 or later",
    area="events",
)
UNKNOWN_COUNCIL = kind(
    "unknown-council",
    "`{value}` is not a council code in the register",
    expected="a council's three- or four-letter code from data/councils.csv, like `CMD` for Camden",
    fix="{suggestion}",
    area="events",
)
COUNCIL_NOT_YET = kind(
    "council-not-yet",
    "{name} ({code}) did not exist yet on the day of this event: it began on {began}",
    expected="a council that exists on the day of the event",
    fix="check the event's date, or name the council that hosted it then",
    area="events",
)
COUNCIL_NOT_CURRENT = kind(
    "council-not-current",
    "{name} ({code}) no longer existed on the day of this event: its last day was {ended}",
    expected="a council that exists on the day of the event",
    fix="{suggestion}",
    area="events",
)
CANCELLED_WITH_BOOKING = kind(
    "cancelled-with-booking",
    "the event is cancelled but still has a booking link, so people may still book",
    expected="no `booking:` line on a cancelled event",
    fix="remove the `booking:` line, and close the booking on the booking site too",
    warning=True,
    area="events",
)
UNKNOWN_ROUND = kind(
    "unknown-round",
    "there is no round {value} in franchise-kit/rounds.yml",
    expected="one of the rounds: {rounds}",
    fix="use a round listed in franchise-kit/rounds.yml, or remove the `round:` line",
    area="events",
)
UNKNOWN_PACK = kind(
    "unknown-pack",
    "there is no session pack `{value}`",
    expected="the folder name of a pack under franchise-kit/packs/ or the group's packs/, or a pack a round lists",
    fix="{suggestion}",
    area="events",
)


def load(site: Site, problems: Problems) -> None:
    """Read every event file; its folder names the group and its file name gives the page address."""
    packs_for: dict[str, set[str]] = {}
    for path in find(site.root, FOLDER, "*/events/*.md"):
        site.claimed.add(path)
        group = path.split("/")[1]
        slug = path.rsplit("/", 1)[-1].removesuffix(".md")
        if not FILE_NAME.match(slug):
            problems.add(BAD_EVENT_FILE_NAME, path, 1, name=slug + ".md")
        source = read_front_matter(site.root, path, problems)
        if source is None:
            site.failed.add(path)
            site.bodies.extend(filter(None, [body_of_unreadable(site.root, path, path)]))
            continue
        if group not in packs_for:
            packs_for[group] = known_packs(site, group)
        body = Body(path, source.body_line, source.body, path)  # an event's page has its file's path
        meta = validate(EventFile, source, problems)
        if meta is None:  # reported at its fields; the checks of its other fields still run
            site.failed.add(path)
            found = partial(EventFile, source.data)
            if found is not None and not (found[0].example and not site.settings.example_data):
                sound = Event.model_construct(group=group, slug=slug, meta=found[0], body=source.body)
                check_event(site, sound, source, problems, packs_for[group], bad=found[1])
                site.bodies.append(body)
            continue
        if meta.example and not site.settings.example_data:
            continue
        site.bodies.append(body)
        event = Event(group=group, slug=slug, meta=meta, body=source.body)
        check_event(site, event, source, problems, packs_for[group])
        site.events.append(event)
    site.events.sort(key=lambda e: (e.meta.date, e.meta.start or dt.time(0), e.group, e.slug))
    _index(site)


def _index(site: Site) -> None:
    """Which events used each pack and covered each point, worked out once, not once per page."""
    for event in site.events:
        for slug in dict.fromkeys(event.meta.packs):
            site.events_by_pack.setdefault(slug, []).append(event)
        for number in sorted(event_points(site, event)):
            site.events_by_point.setdefault(number, []).append(event)


def event_points(site: Site, event: Event) -> set[int]:
    """The points an event covered: those it names, else those of the packs it used."""
    if event.meta.points:
        return set(event.meta.points)
    covered: set[int] = set()
    for slug in event.meta.packs:
        pack = site.packs.get(slug)
        if pack:
            covered.update(pack.meta.points)
    return covered


def check_event(
    site: Site,
    event: Event,
    source: Source,
    problems: Problems,
    known: set[str],
    bad: frozenset[str] = frozenset(),
) -> None:
    """Every check that needs more than the event's own fields to be well formed.

    ``known`` is :func:`known_packs` for the event's group, worked out once per group, not per event.
    ``bad`` names fields already reported as wrong or missing: a check that needs one of them skips.
    """
    meta, path = event.meta, event.path
    if not bad & {"date", "approximate_date", "start", "end"}:
        _check_times(event, source, problems, site.today)
    # A past event's record may lack what nobody knows now; one still to come needs a place to go.
    past = "date" not in bad and event.is_past(site.today)
    if meta.venue is None and meta.online is None and not bad & {"venue", "online"} and not past:
        problems.add(NO_VENUE, path, source.line("title"))
    if meta.host is not None and "date" not in bad:
        _check_host(site, meta.host, meta.date, path, source.line("host"), problems)
    if meta.status is EventStatus.CANCELLED and meta.booking:
        problems.add(CANCELLED_WITH_BOOKING, path, source.line("booking"))
    # A round that failed to load is reported in rounds.yml, not again at each event naming it
    failed_round = f"{ROUNDS}#{meta.round}" in site.failed
    if meta.round is not None and site.rounds and meta.round not in site.rounds and not failed_round:
        rounds = ", ".join(f"{n} ({r.theme})" for n, r in sorted(site.rounds.items()))
        problems.add(UNKNOWN_ROUND, path, source.line("round"), value=meta.round, rounds=rounds)
    for i, slug in enumerate(meta.packs or ()):
        if slug not in known and not _failed_pack(site, event.group, slug):
            hint = (
                did_you_mean(slug, sorted(known)) or "check the pack's folder name under franchise-kit/packs/"
            )
            problems.add(UNKNOWN_PACK, path, source.line("packs", i), value=slug, suggestion=hint)


def _failed_pack(site: Site, group: str, slug: str) -> bool:
    """True when the pack is there but its ``pack.yml`` could not be loaded, which is reported already."""
    paths = (f"{KIT_PACKS}/{slug}/pack.yml", f"{FOLDER}/{group}/packs/{slug}/pack.yml")
    return any(path in site.failed for path in paths)


def known_packs(site: Site, group: str) -> set[str]:
    """Packs an event may name: the kit's, the group's own variants, and those a round plans."""
    known = {p.slug for p in site.packs.values() if p.group in (None, group)}
    for entry in site.rounds.values():
        known.update(entry.packs)
    return known


def _check_times(event: Event, source: Source, problems: Problems, today: dt.date) -> None:
    meta, path = event.meta, event.path
    if not meta.approximate_date and not event.is_past(today):
        missing = [name for name in ("start", "end") if getattr(meta, name) is None]
        if missing:
            line = source.line(missing[0]) if missing[0] in source.data else source.line("date")
            problems.add(MISSING_TIMES, path, line, missing=" or ".join(missing))
    if meta.start and meta.end and meta.end <= meta.start:
        problems.add(
            END_BEFORE_START, path, source.line("end"), start=f"{meta.start:%H:%M}", end=f"{meta.end:%H:%M}"
        )
    for name in ("start", "end"):
        clock = getattr(meta, name)
        if clock is not None and not _exists(meta.date, clock):
            problems.add(
                TIME_DOES_NOT_EXIST, path, source.line(name), time=f"{clock:%H:%M}", day=meta.date.isoformat()
            )


def _exists(day: dt.date, clock: dt.time) -> bool:
    """False for a UK clock time skipped when the clocks go forward."""
    local = dt.datetime.combine(day, clock, UK_TIME)
    round_trip = local.astimezone(dt.UTC).astimezone(UK_TIME)
    return round_trip.replace(tzinfo=None) == local.replace(tzinfo=None)


def _check_host(site: Site, code: str, day: dt.date, path: str, line: int, problems: Problems) -> None:
    council = site.councils.get(code)
    if council is None:
        if site.councils and f"{REGISTER}#{code}" not in site.failed:  # else the register's problem says
            problems.add(UNKNOWN_COUNCIL, path, line, value=code, suggestion=council_hint(site, code))
        return
    if council.start_date and day < council.start_date:
        problems.add(
            COUNCIL_NOT_YET,
            path,
            line,
            name=council.official_name,
            code=council.code,
            began=council.start_date.isoformat(),
        )
    elif not council.existed_on(day):
        problems.add(
            COUNCIL_NOT_CURRENT,
            path,
            line,
            name=council.official_name,
            code=council.code,
            ended=council.end_date.isoformat() if council.end_date else "",
            suggestion=_successors(site, council),
        )


def council_hint(site: Site, value: str) -> str:
    """Suggest codes by name ("Camden" → CMD) or by spelling; else say where codes are listed."""
    wanted = value.strip().lower()
    by_name = [c.code for c in site.councils.values() if wanted in (n.lower() for n in c.all_names)]
    if by_name:
        return "use the council's code, not its name: " + " or ".join(f"`{c}`" for c in by_name)
    return did_you_mean(value.upper(), site.councils) or "look up the code in data/councils.csv"


def _successors(site: Site, council: Council) -> str:
    names = [f"`{c}` ({site.councils[c].short_name})" for c in council.replaced_by if c in site.councils]
    if names:
        return "use the council that replaced it: " + " or ".join(names)
    return "use the code of a council that exists now"
