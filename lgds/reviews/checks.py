"""What a review refers to, checked against the rest of the kit: its council and reviewers in the
register, its day, its event, and the council's consent to publish.

Every problem names the line that causes it, and all of a review's problems are reported together.
"""

from __future__ import annotations

import re
from datetime import date

from lgds.core.problems import Problems, did_you_mean, kind
from lgds.core.sources import Source
from lgds.councils.models import STANDARD_AGREED, Council
from lgds.groups.models import Event
from lgds.reviews.models import EVENT_PATTERN, Review
from lgds.site import Site

REGISTER = "data/councils.csv"
GROUPS = "peer-groups"

UNKNOWN_COUNCIL = kind(
    "review-unknown-council",
    "`council` is {code!r}, which is not a council code in the register",
    expected="the three- or four-letter code of the reviewed council, as in its page's address /councils/<code>/",
    fix="{suggestion}",
    area="reviews",
)
UNKNOWN_REVIEWER = kind(
    "review-unknown-reviewer",
    "the reviewer {code!r} is not a council code in the register",
    expected="the codes of the reviewing councils, as in their pages' addresses /councils/<code>/",
    fix="{suggestion}",
    area="reviews",
)
OWN_REVIEWER = kind(
    "review-own-council",
    "{council} is among its own reviewers",
    expected="reviewers from other councils only: a peer review is done by colleagues from elsewhere",
    fix="take {code} out of `reviewers`; the council's own people are the team being reviewed",
    area="reviews",
)
WRONG_FOLDER = kind(
    "review-wrong-folder",
    "the review of {council} is in the folder reviews/{folder}/",
    expected="each review in its council's folder, named by its code in lower case: reviews/{wanted}/",
    fix="move the file to reviews/{wanted}/, or correct `council`",
    area="reviews",
)
FUTURE_DATE = kind(
    "review-future-date",
    "`date` is {day}, which is after today ({today})",
    expected="the day the review took place, which cannot be in the future",
    fix="check the year and month; add the review once it has taken place",
    area="reviews",
)
BEFORE_STANDARD = kind(
    "review-before-standard",
    "`date` is {day}, before the Standard was agreed in April 2016",
    expected="a date on or after 2016-04-01",
    fix="check the year; dates are written YYYY-MM-DD",
    area="reviews",
)
BEFORE_COUNCIL = kind(
    "review-before-council",
    "{council} began on {start}, after the review on {day}",
    expected="a council that existed on the day of the review",
    fix="check the date; if the service belonged to a council it replaced, use that council's code",
    area="reviews",
)
AFTER_COUNCIL = kind(
    "review-after-council",
    "{council} was abolished on {end} (its last day), before the review on {day}",
    expected="a council that existed on the day of the review",
    fix="{suggestion}",
    area="reviews",
)
UNKNOWN_EVENT = kind(
    "review-unknown-event",
    "`event` is {value!r}, which is not an event of a peer group",
    expected="GROUP/EVENT as in the event's address, like `south-west/2026-03-18-peer-review-day`",
    fix="{suggestion}",
    area="reviews",
)
EVENT_OTHER_DAY = kind(
    "review-event-other-day",
    "the review is dated {day}, but the event {event} was on {event_day}",
    expected="the review's `date` to be the day of its event",
    fix="correct `date` or `event`; leave `event` out if the review was not part of a peer-group event",
    area="reviews",
)
NO_CONSENT = kind(
    "review-no-consent",
    "{council} has not agreed to publish this review",
    expected="`consent: true`, written once the reviewed council has agreed that the review is published",
    fix="ask the council; add `consent: true` once it agrees, otherwise keep the review out of the kit",
    area="reviews",
)


def label(council: Council) -> str:
    """How messages name a council: 'Bath and North East Somerset Council (BAS)'."""
    return f"{council.official_name} ({council.code})"


def suggest_codes(site: Site, typed: str) -> str:
    """'did you mean' the codes spelt like ``typed``, or the councils it names if it was typed as a name."""
    found = site.council_names.suggestions(typed)
    if not found:
        return "find the council's code on its page under /councils/, or in data/councils.csv"
    options = " or ".join(f"{c.code} ({c.official_name})" for c in found)
    return f"did you mean {options}? Each council's code is in its page's address"


def check(site: Site, review: Review, source: Source, problems: Problems, events: dict[str, Event]) -> None:
    """Every check of ``review`` that needs the rest of the kit; problems go to ``problems``."""
    meta, path = review.meta, source.path
    day = meta.date
    if day > site.today:
        problems.add(
            FUTURE_DATE, path, source.line("date"), day=day.isoformat(), today=site.today.isoformat()
        )
    if day < STANDARD_AGREED:
        problems.add(BEFORE_STANDARD, path, source.line("date"), day=day.isoformat())
    council = site.councils.get(meta.council)
    if council is None and site.councils and not _failed_row(site, meta.council):
        # without a register, or with a bad row for this code, that problem is reported already
        problems.add(
            UNKNOWN_COUNCIL,
            path,
            source.line("council"),
            code=meta.council,
            suggestion=suggest_codes(site, meta.council),
        )
    if council is not None:
        if review.folder != council.slug:
            problems.add(
                WRONG_FOLDER,
                path,
                source.line("council"),
                council=label(council),
                folder=review.folder,
                wanted=council.slug,
            )
        _existed(site, council, day, path, source.line("council"), problems)
    for i, code in enumerate(meta.reviewers):
        line = source.line("reviewers", i)
        reviewer = site.councils.get(code)
        if reviewer is None:
            if site.councils and not _failed_row(site, code):
                problems.add(UNKNOWN_REVIEWER, path, line, code=code, suggestion=suggest_codes(site, code))
        elif reviewer.code == meta.council:
            problems.add(OWN_REVIEWER, path, line, council=label(reviewer), code=reviewer.code)
        else:
            _existed(site, reviewer, day, path, line, problems)
    if meta.event is not None and not _failed_event(site, meta.event):
        _check_event(meta.event, day, events, path, source.line("event"), problems)
    if not meta.consent:
        name = label(council) if council else meta.council
        problems.add(NO_CONSENT, path, source.line("consent"), council=name)


def _failed_row(site: Site, code: str) -> bool:
    """True when the register has a row for ``code`` that could not be read: reported there already."""
    return f"{REGISTER}#{code}" in site.failed


def _failed_event(site: Site, value: str) -> bool:
    """True when the event named is in a file, or a group, that could not be loaded: one mistake, one
    message, so the review waits for that file's own problem to be fixed."""
    group, _, slug = value.partition("/")
    folder = f"{GROUPS}/{group}"
    if f"{folder}/events/{slug}.md" in site.failed or f"{folder}/group.yml" in site.failed:
        return True
    return group not in site.groups and bool(group) and (site.root / folder).is_dir()


def _existed(site: Site, council: Council, day: date, path: str, line: int, problems: Problems) -> None:
    values = {"council": label(council), "day": day.isoformat()}
    if council.start_date and day < council.start_date and day >= STANDARD_AGREED:
        problems.add(BEFORE_COUNCIL, path, line, start=council.start_date.isoformat(), **values)
    if council.end_date and day > council.end_date:
        successors = [site.councils[c] for c in council.replaced_by if c in site.councils]
        hint = (
            "use the council that replaced it: " + " or ".join(label(c) for c in successors)
            if successors
            else "use the code of a council that existed on the day"
        )
        problems.add(AFTER_COUNCIL, path, line, end=council.end_date.isoformat(), suggestion=hint, **values)


def _check_event(
    value: str, day: date, events: dict[str, Event], path: str, line: int, problems: Problems
) -> None:
    event = events.get(value)
    if event is None:
        problems.add(UNKNOWN_EVENT, path, line, value=value, suggestion=_event_hint(value, events))
        return
    if event.meta.approximate_date:
        same = (event.meta.date.year, event.meta.date.month) == (day.year, day.month)
        when = f"{event.meta.date:%B %Y} (its exact day was not recorded)"
    else:
        same, when = event.meta.date == day, event.meta.date.isoformat()
    if not same:
        problems.add(EVENT_OTHER_DAY, path, line, day=day.isoformat(), event=value, event_day=when)


def _event_hint(value: str, events: dict[str, Event]) -> str:
    if not re.fullmatch(EVENT_PATTERN, value):
        same = [key for key in events if key.endswith("/" + value)]
        if same:
            return "write the group's folder first: " + " or ".join(f"`{key}`" for key in same)
        return "write the group's folder, a slash and the event's file name without .md"
    group = value.split("/")[0]
    near = did_you_mean(value, [key for key in events if key.startswith(group + "/")] or list(events))
    return near or f"find the event under peer-groups/{group}/events/, or add it with `lgds new-event`"
