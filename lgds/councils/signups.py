"""Load sign-ups: one small file per council in ``data/signups/``, so pull requests never collide.

Each file is checked against the register as it loads (the register loads first): the code must be
known, one file per council, and the date must fall between April 2016 and the build date while the
council existed. ``signup_problems`` holds those date checks so ``lgds import-signups`` says the same.
"""

from __future__ import annotations

from datetime import date

from lgds.core.files import find
from lgds.core.problems import Kind, Problems, kind
from lgds.core.sources import read_yaml
from lgds.core.validate import validate
from lgds.councils.matching import NameIndex
from lgds.councils.models import STANDARD_AGREED, Council, SignUp
from lgds.site import Site

FOLDER = "data/signups"

UNKNOWN_CODE = kind(
    "signup-unknown-council",
    "`council` is {code!r}, which is not a council code in the register",
    expected="the three- or four-letter code of a council, as in its page's address /councils/<code>/",
    fix="{suggestion}",
    area="councils",
)
TWO_SIGNUPS = kind(
    "signup-duplicate",
    "{council} already has a sign-up in {first}",
    expected="one sign-up file per council",
    fix="keep one of the two files and delete the other",
    area="councils",
)
FUTURE_DATE = kind(
    "signup-future-date",
    "`signed` is {signed}, which is after today ({today})",
    expected="the date the council signed up, which cannot be in the future",
    fix="check the year and month; add the file on or after the day the council signs up",
    area="councils",
)
TOO_EARLY = kind(
    "signup-before-standard",
    "`signed` is {signed}, before the Standard was agreed in April 2016",
    expected="a date on or after 2016-04-01",
    fix="check the year; dates are written YYYY-MM-DD",
    area="councils",
)
ABOLISHED = kind(
    "signup-after-abolition",
    "{council} was abolished on {end} (its last day), before it signed on {signed}",
    expected="a date on or before {end}, while the council existed",
    fix="if {replaced_by} signed up, use its code instead; otherwise correct the date",
    area="councils",
)
NOT_YET_FORMED = kind(
    "signup-before-council",
    "{council} began on {start}, after it signed on {signed}",
    expected="a date on or after {start}, once the council existed",
    fix="if a council it replaced signed up earlier, use that council's code instead; otherwise correct the date",
    area="councils",
)


def load(site: Site, problems: Problems) -> None:
    """Read every sign-up file and check it against the register and the other sign-ups."""
    by_council: dict[str, str] = {}
    for path in find(site.root, FOLDER, "*.yml"):
        source = read_yaml(site.root, path, problems)
        if source is None:
            continue
        signup = validate(SignUp, source, problems)
        if signup is None or (signup.example and not site.settings.example_data):
            continue
        council = site.councils.get(signup.council)
        if council is None:
            if site.councils:  # without a register, that problem is reported already
                problems.add(
                    UNKNOWN_CODE,
                    path,
                    source.line("council"),
                    code=signup.council,
                    suggestion=suggest_codes(site, signup.council),
                )
            continue
        if council.code in by_council:
            problems.add(
                TWO_SIGNUPS,
                path,
                source.line("council"),
                council=label(council),
                first=by_council[council.code],
            )
            continue
        by_council[council.code] = path
        for kind_, values in signup_problems(site, council, signup.signed):
            problems.add(kind_, path, source.line("signed"), **values)
        site.signups[path] = signup


def label(council: Council) -> str:
    """How messages name a council: 'London Borough of Camden (CMD)'."""
    return f"{council.official_name} ({council.code})"


def signup_problems(site: Site, council: Council, signed: date) -> list[tuple[Kind, dict[str, object]]]:
    """What is wrong with ``council`` signing on ``signed``, as (kind, values) pairs; empty when fine."""
    found: list[tuple[Kind, dict[str, object]]] = []
    values: dict[str, object] = {"signed": signed.isoformat(), "council": label(council)}
    if signed > site.today:
        found.append((FUTURE_DATE, {**values, "today": site.today.isoformat()}))
    if signed < STANDARD_AGREED:
        found.append((TOO_EARLY, values))
    if council.end_date and signed > council.end_date:
        successors = [site.councils[c] for c in council.replaced_by if c in site.councils]
        replaced_by = " or ".join(label(c) for c in successors) or "the council that replaced it"
        found.append((ABOLISHED, {**values, "end": council.end_date.isoformat(), "replaced_by": replaced_by}))
    if council.start_date and signed < council.start_date and signed >= STANDARD_AGREED:
        found.append((NOT_YET_FORMED, {**values, "start": council.start_date.isoformat()}))
    return found


def suggest_codes(site: Site, typed: str) -> str:
    """'did you mean' with the nearest codes and, if it was typed as a name, the councils it names."""
    index = NameIndex(site.councils.values())
    found = index.nearest_codes(typed)
    match = index.match(typed)
    found += [match.council] if match.council else match.candidates or index.similar(typed)
    unique = list({c.code: c for c in found}.values())[:4]
    if not unique:
        return "find the council's code on its page under /councils/, or in data/councils.csv"
    options = " or ".join(f"{c.code} ({c.official_name})" for c in unique)
    return f"did you mean {options}? Each council's code is in its page's address"
