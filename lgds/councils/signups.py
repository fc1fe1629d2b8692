"""Load sign-ups: one small file per council in ``data/signups/``, so pull requests never collide.

Each file is checked against the register as it loads (the register loads first): the code must be
known, one file per council, and the date must fall between April 2016 and the build date while the
council existed. ``signup_problems`` holds those date checks so ``lgds import-signups`` says the same.
"""

from __future__ import annotations

from datetime import date

from lgds.core.files import find
from lgds.core.partial import partial
from lgds.core.problems import Kind, Problems, kind
from lgds.core.sources import read_yaml
from lgds.core.validate import validate
from lgds.councils.matching import NameIndex
from lgds.councils.models import STANDARD_AGREED, Council, SignUp
from lgds.councils.register import REGISTER
from lgds.site import Site

FOLDER = "data/signups"
EXAMPLE = "cmd.yml"

FILE_NAME = kind(
    "signup-file-name",
    "the file is called `{name}`, but it is the sign-up of {council}",
    expected="each sign-up named after its council's code in lower case, so each council has one file",
    fix="rename the file to {wanted}, or correct `council` if the file is about another council",
    area="councils",
)
IGNORED = kind(
    "signup-ignored-file",
    "the kit never reads this {what}, so nothing in it is published or checked",
    expected="one file per council in data/signups/, named after its code in lower case, like `cmd.yml`",
    fix="{fix}",
    area="councils",
)
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
    _check_other_files(site, problems)
    for path in find(site.root, FOLDER, "*.yml"):
        source = read_yaml(site.root, path, problems)
        if source is None:
            continue
        signup = validate(SignUp, source, problems)
        bad: frozenset[str] = frozenset()
        if signup is None:  # reported at its line; the checks of its sound fields still run
            found = partial(SignUp, source.data)
            if found is None:
                continue
            signup, bad = found
        if (signup.example and not site.settings.example_data) or "council" in bad:
            continue
        council = site.councils.get(signup.council)
        if council is None:
            # Without a register, or with this council's row wrong, that problem is reported already
            if site.councils and f"{REGISTER}#{signup.council}" not in site.failed:
                problems.add(
                    UNKNOWN_CODE,
                    path,
                    source.line("council"),
                    code=signup.council,
                    suggestion=suggest_codes(site, signup.council),
                )
            continue
        wanted = f"{FOLDER}/{council.code.lower()}.yml"
        if path != wanted:
            problems.add(
                FILE_NAME, path, 1, name=path.rsplit("/", 1)[-1], council=label(council), wanted=wanted
            )
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
        if "signed" not in bad:
            for kind_, values in signup_problems(site, council, signup.signed):
                problems.add(kind_, path, source.line("signed"), **values)
        if not bad:
            site.signups[path] = signup


def _check_other_files(site: Site, problems: Problems) -> None:
    """Anything in data/signups/ besides ``<code>.yml`` files and notes in Markdown is never read."""
    folder = site.root / FOLDER
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir()):
        name = entry.name
        if name.startswith(".") or (entry.is_file() and name.endswith((".yml", ".md"))):
            continue
        stem = name.split(".", 1)[0].lower()
        if entry.is_dir():
            fix = f"move the sign-up files in it up into {FOLDER}/, each named after its council's code"
        elif stem and name.lower().endswith((".yaml", ".yml", ".txt", ".json")):
            fix = f"rename it to `{stem}.yml`: sign-ups are read only from files whose names end in `.yml`"
        else:
            fix = f"remove it; a sign-up is a file named after the council's code, like `{EXAMPLE}`"
        problems.add(IGNORED, f"{FOLDER}/{name}", 0, what="folder" if entry.is_dir() else "file", fix=fix)


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
