"""Council pages: the list at /councils/ and a page per current council at /councils/<code>/.

The list is grouped by nation and region so it reads well without JavaScript; a small script adds
filters. Per-council pages stay light (no scripts of their own, no charts) and never enter the nav.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote, urlencode

from lgds.core.legacy import attr, example_notice, link, page, text
from lgds.core.output import Output
from lgds.councils.models import ENGLISH_REGIONS, NATIONS, Council, SignUp
from lgds.site import Site

INDEX = "councils/index.md"
COVERAGE = "councils/coverage.md"
SIGN_UP_HOWTO = "sign-up.md"
DATA_PAGE = "data/index.md"
PEER_GROUPS = "peer-groups/index.md"
SIGNUPS_FOLDER = "data/signups"


def council_path(council: Council) -> str:
    """Where a council's page sits: its URL is /councils/<code in lower case>/."""
    return f"councils/{council.slug}.md"


def signups_by_code(site: Site) -> dict[str, SignUp]:
    return {s.council: s for s in site.signups.values()}


def shows_examples(site: Site, signups: list[SignUp] | None = None) -> bool:
    """Whether to say the data is made up: the setting is on and some shown sign-up is an example."""
    shown = site.signups.values() if signups is None else signups
    return site.settings.example_notice and any(s.example for s in shown)


def signed_count(site: Site) -> tuple[int, int]:
    """(current councils signed up, current councils)."""
    by_code = signups_by_code(site)
    current = site.current_councils
    return sum(1 for c in current if c.code in by_code), len(current)


def long_date(day) -> str:
    return f"{day.day} {day:%B %Y}"


def current_successors(site: Site, council: Council) -> list[Council]:
    """The current councils that took over from an abolished one, following later reorganisations."""
    found: list[Council] = []
    for code in council.replaced_by:
        successor = site.councils.get(code)
        if successor is None:
            continue
        found += [successor] if successor.current else current_successors(site, successor)
    return list({c.code: c for c in found}.values())


def repo_url(site: Site) -> str | None:
    """This copy's repository: from site.yml, else the kit's own from mkdocs.yml."""
    if site.settings.repo_url:
        return site.settings.repo_url.rstrip("/")
    config = site.root / "mkdocs.yml"
    if config.is_file():
        found = re.search(
            r"^repo_url:\s*['\"]?(https?://[^\s'\"]+)", config.read_text(encoding="utf-8"), re.M
        )
        if found:
            return found.group(1).rstrip("/")
    return None


def new_signup_url(site: Site, council: Council) -> str | None:
    """A GitHub link that opens a new sign-up file for ``council``, filled in, ready to propose."""
    repo = repo_url(site)
    if not repo:
        return None
    content = (
        f"# Sign-up for {council.official_name}. Change the date to the day the council signed up.\n"
        f"council: {council.code}\n"
        f"signed: {site.today.isoformat()}\n"
        "# Optional: a link to the council's public statement, and a short note.\n"
        "# statement: https://www.example.gov.uk/digital-standard\n"
        "# note: Signed by the digital board.\n"
    )
    query = urlencode({"filename": f"{council.slug}.yml", "value": content}, quote_via=quote)
    return f"{repo}/new/{quote(site.settings.branch)}/{SIGNUPS_FOLDER}?{query}"


def peer_groups_for(site: Site, council: Council) -> list:
    return [g for g in site.groups.values() if council.area in getattr(g.meta, "covers", [])]


def build(site: Site) -> Iterator[Output]:
    by_code = signups_by_code(site)
    paths = {s.council: p for p, s in site.signups.items()}
    replaced = _replaced(site, by_code)
    yield Output(INDEX, _index(site, by_code))
    for council in sorted(site.current_councils, key=lambda c: c.code):
        signup = by_code.get(council.code)
        if signup:
            yield Output(
                council_path(council),
                _council(site, council, signup, replaced),
                source=paths[council.code],
            )
        else:
            yield Output(
                council_path(council),
                _council(site, council, None, replaced),
                edit_url=new_signup_url(site, council),
            )


def _replaced(site: Site, by_code: dict[str, SignUp]) -> dict[str, list[Council]]:
    """For each current council, the abolished councils it took over from that had signed up."""
    found: dict[str, list[Council]] = {}
    for old in site.councils.values():
        if not old.current and old.code in by_code:
            for successor in current_successors(site, old):
                found.setdefault(successor.code, []).append(old)
    return found


# The list -------------------------------------------------------------------------------------


def _groups(site: Site) -> list[tuple[str, str, list[Council]]]:
    """(nation, region or '', councils) in reading order: England's regions, then the other nations."""
    current = site.current_councils
    groups = []
    for region in ENGLISH_REGIONS:
        groups.append(("England", region, [c for c in current if c.region == region]))
    for nation in NATIONS[1:]:
        groups.append((nation, "", [c for c in current if c.nation == nation]))
    return [(n, r, sorted(cs, key=lambda c: c.short_name)) for n, r, cs in groups if cs]


def _status(signup: SignUp | None) -> str:
    return "Signed up" if signup else "Not yet"


def _index(site: Site, by_code: dict[str, SignUp]) -> str:
    signed, total = signed_count(site)
    parts = []
    if shows_examples(site):
        parts.append(example_notice("The sign-ups on this page are made up."))
    parts += [
        f"**{signed} of {total} councils have signed up** to the Standard. This page lists every "
        "principal council in the UK with its status. "
        f"See [coverage by nation, region and type]({link(INDEX, COVERAGE)}), "
        f"[how to sign up your council]({link(INDEX, SIGN_UP_HOWTO)}) and "
        f"[the open data]({link(INDEX, DATA_PAGE)}).",
        "",
        _filter_form(site),
    ]
    heading_nation = None
    for nation, region, councils in _groups(site):
        count = sum(1 for c in councils if c.code in by_code)
        if nation != heading_nation and region:
            parts.append(f"## {nation}\n")
            heading_nation = nation
        level = "###" if region else "##"
        name = region or nation
        parts.append(
            f'<div class="lgds-council-group" data-nation="{attr(nation)}" data-region="{attr(region)}" markdown>\n'
        )
        parts.append(f"{level} {text(name)}\n")
        parts.append(f"{count} of {len(councils)} signed up.\n")
        parts.append("| Council | Type | Status | Signed |\n|---|---|---|---|")
        for council in councils:
            signup = by_code.get(council.code)
            signed_on = signup.signed.isoformat() if signup else ""
            parts.append(
                f"| [{text(council.short_name)}]({link(INDEX, council_path(council))}) "
                f"| {text(council.type.label)} | {_status(signup)} | {signed_on} |"
            )
        parts.append("\n</div>\n")
    parts += _former(site, by_code)
    return page("Councils", "\n".join(parts))


def _filter_form(site: Site) -> str:
    """Filters, hidden until the script shows them, so no one meets controls that do nothing."""
    types = sorted({c.type.label for c in site.current_councils})
    regions = [r for r in ENGLISH_REGIONS]

    def select(name: str, label: str, options: list[str]) -> str:
        items = '<option value="">All</option>' + "".join(
            f'<option value="{attr(o)}">{text(o)}</option>' for o in options
        )
        return (
            f'<div class="lgds-filter"><label for="lgds-filter-{name}">{label}</label>'
            f'<select id="lgds-filter-{name}" name="{name}">{items}</select></div>'
        )

    return (
        '<form class="lgds-council-filters" hidden role="search" aria-label="Filter councils">'
        '<div class="lgds-filter"><label for="lgds-filter-name">Name contains</label>'
        '<input id="lgds-filter-name" name="name" type="search" autocomplete="off"></div>'
        + select("nation", "Nation", list(NATIONS))
        + select("region", "English region", regions)
        + select("type", "Type", types)
        + select("status", "Status", ["Signed up", "Not yet"])
        + '<p class="lgds-filter-count" aria-live="polite"></p>'
        "</form>\n"
    )


def _former(site: Site, by_code: dict[str, SignUp]) -> list[str]:
    """Abolished councils that signed while they existed, and who took over from them."""
    former = [c for c in site.councils.values() if not c.current and c.code in by_code]
    if not former:
        return []
    lines = [
        "## Former councils",
        "",
        "These councils signed up and were later replaced in a reorganisation. Their sign-ups stay on "
        "record; the councils that replaced them sign up in their own right.",
        "",
        "| Council | Signed | Last day | Now part of |",
        "|---|---|---|---|",
    ]
    for council in sorted(former, key=lambda c: c.official_name):
        now = ", ".join(
            f"[{text(s.short_name)}]({link(INDEX, council_path(s))})"
            for s in current_successors(site, council)
        )
        lines.append(
            f"| {text(council.official_name)} | {by_code[council.code].signed.isoformat()} "
            f"| {council.end_date.isoformat() if council.end_date else ''} | {now} |"
        )
    return lines


# A council's page ----------------------------------------------------------------------------


def _council(
    site: Site, council: Council, signup: SignUp | None, replaced: dict[str, list[Council]] | None = None
) -> str:
    here = council_path(council)
    parts = [f"# {text(council.official_name)}", ""]
    if signup and shows_examples(site, [signup]):
        parts.append(example_notice("This sign-up is made up."))
    if signup:
        parts.append(f"**Signed up to the Standard on {long_date(signup.signed)}.**\n")
    else:
        parts.append(f"**{text(council.short_name)} has not signed up to the Standard yet.**\n")
    facts = []
    if signup and signup.statement:
        url = signup.statement.replace("(", "%28").replace(")", "%29")
        facts.append(("Statement", f"[The council's statement about signing up]({url})"))
    if signup and signup.note:
        facts.append(("Note", text(signup.note)))
    if council.welsh_name:
        facts.append(("Welsh name", text(council.welsh_name)))
    facts.append(("Type", text(council.type.label)))
    facts.append(("Region" if council.region else "Nation", text(council.area)))
    facts.append(("Peer group", _peer_group(site, council, here)))
    facts.append(("Council code", f"{text(council.code)} (GSS code {text(council.gss_code)})"))
    for term, value in facts:
        parts.append(f"{term}\n:   {value}\n")
    parts += _predecessors(site, council, replaced)
    if not signup:
        parts += _how_to_sign_up(site, council, here)
    parts.append(f"[All councils]({link(here, INDEX)}) · [Coverage by region]({link(here, COVERAGE)})")
    return page(council.short_name, "\n".join(parts), council=council.code)


def _peer_group(site: Site, council: Council, here: str) -> str:
    groups = peer_groups_for(site, council)
    target = link(here, PEER_GROUPS)
    if groups:
        names = " and ".join(
            f"[{text(g.name)}]({link(here, f'peer-groups/{g.slug}/index.md')})" for g in groups
        )
        return f"{names} ([about peer groups]({target}))"
    return f"None covers {text(council.area)} yet ([about peer groups and starting one]({target}))"


def _predecessors(
    site: Site, council: Council, replaced: dict[str, list[Council]] | None = None
) -> list[str]:
    """Councils this one replaced that had signed up: their sign-ups stay on record here."""
    if replaced is None:
        replaced = _replaced(site, signups_by_code(site))
    earlier = replaced.get(council.code, [])
    if not earlier:
        return []
    by_code = signups_by_code(site)
    lines = ["## Councils it replaced", ""]
    for old in sorted(earlier, key=lambda c: c.official_name):
        signup = by_code[old.code]
        lines.append(
            f"- {text(old.official_name)} signed up on {long_date(signup.signed)}"
            f"{' (example)' if signup.example and site.settings.example_notice else ''}. "
            f"It was abolished after {long_date(old.end_date)}."
        )
    lines.append("")
    lines.append(f"{text(council.official_name)} needs to sign up in its own right to count as signed up.\n")
    return lines


def _how_to_sign_up(site: Site, council: Council, here: str) -> list[str]:
    lines = [
        "## How to sign up",
        "",
        "A council signs up by adding one small file with its code and the date it signed.",
        "",
    ]
    url = new_signup_url(site, council)
    if url:
        lines.append(
            f"- On GitHub: [propose a sign-up file for {text(council.short_name)}]({url}), "
            "already filled in with the council's code. Change the date, then propose the change."
        )
    lines += [
        f"- Without GitHub: see [how to sign up your council]({link(here, SIGN_UP_HOWTO)}) for the issue "
        "form and the spreadsheet route.",
        "",
        f"The council's code is **{text(council.code)}**.",
        "",
    ]
    return lines


# The home page's headline ---------------------------------------------------------------------


def signup_headline(site: Site) -> str:
    """For ``<!-- lgds:signup-headline -->`` in docs/index.md: how many councils, out of how many."""
    signed, total = signed_count(site)
    notice = ""
    if shows_examples(site):
        notice = "\n\n" + example_notice("The sign-ups counted here are made up.").strip()
    return (
        "## Councils using the Standard\n\n"
        f"**{signed} of {total} councils have signed up** to the Standard. "
        f"[See which councils]({INDEX}), [coverage by nation and region]({COVERAGE}), or "
        f"[sign up your council]({SIGN_UP_HOWTO})." + notice + "\n"
    )


BLOCKS = {"signup-headline": signup_headline}
