"""Every class of bad input gives one clear error at its file and line, and the build writes no site.

Each row of ``CASES`` changes one file of a copy of the kit, runs ``mkdocs build --strict`` as CI does
(through MkDocs' command-line entry point, in-process for speed), and expects: a non-zero exit, the error code at ``file:line`` in the output, and no site written (not
even a partial one). To cover a new check, add a row.

Rows marked ``pending`` describe checks another issue is building (cross-file references, run-sheet
sums). Until the check exists the loader reports nothing about that file, so the row is SKIPPED with
the reason "check not built yet"; once it does, the row runs in full, build included. Rows with
``code=None`` are inputs that look odd but are fine: the loader must accept them without a word.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from lgds.core.problems import KINDS
from lgds.load import load_site

from .conftest import BUILD_DATE, BUILD_ENV, ROOT, build_in_process

POINT = "standard/1-understand-user-needs.md"
GROUP = "peer-groups/london/group.yml"
EVENT = "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"
PACK = "franchise-kit/packs/introducing-the-standard/pack.yml"
ROUNDS = "franchise-kit/rounds.yml"
SETTINGS = "site.yml"
SIGNUP = "data/signups/cmd.yml"
HEXMAP = "data/hexmap.csv"
REVIEW = "reviews/bas/2026-03-18-garden-waste-subscription.md"
ACTIVITY = "franchise-kit/packs/introducing-the-standard/activities/welcome.md"
ABOUT = "docs/about.md"
FIRST_LONDON_EVENT = "peer-groups/london/events/2016-07-07-first-meeting.md"


def edit(path: str, old: str, new: str) -> dict[str, str]:
    """The file at ``path`` with one piece of text replaced (which must be there exactly once)."""
    text = (ROOT / path).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path} should contain {old!r} exactly once"
    return {path: text.replace(old, new)}


def drop_line(path: str, start: str) -> dict[str, str]:
    """The file at ``path`` without the one line that starts with ``start``."""
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(start)]
    assert len(kept) == len(lines) - 1, f"{path} should have one line starting {start!r}"
    return {path: "".join(kept)}


def replace_line(path: str, number: int, new: str) -> dict[str, str]:
    """The file at ``path`` with its line ``number`` (counting from 1) replaced by ``new``."""
    lines = (ROOT / path).read_text(encoding="utf-8").splitlines(keepends=True)
    lines[number - 1] = new + "\n"
    return {path: "".join(lines)}


def append(path: str, text: str) -> dict[str, str]:
    """The file at ``path`` with a blank line and ``text`` added at its end."""
    return {path: original(path) + "\n" + text + "\n"}


def lines(path: str) -> int:
    return len(original(path).splitlines())


def raw(path: str, content: bytes) -> dict[str, bytes]:
    return {path: content}


def original(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


LAUGHS = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
    f"{b}: &{b} [" + ", ".join([f"*{a}"] * 9) + "]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)
)
"""A "billion laughs": ten lines whose aliases would expand to 9 ** 9 values."""

FIRST_CELL, SECOND_CELL = (line.split(",") for line in original(HEXMAP).splitlines()[1:3])
"""The first two rows of data/hexmap.csv, on lines 2 and 3: code, col, row."""


NETWORK = "network.yml"
COPY = "data/network/midlands.json"


def network_file(*sites: str) -> dict[str, str]:
    """network.yml listing ``sites``, one flow mapping a line, from line 2."""
    return {NETWORK: "sites:\n" + "".join(f"  - {site}\n" for site in sites)}


MIDLANDS_NETWORK = network_file('{name: Midlands site, group: midlands, address: "https://m.example.org/"}')


def gathered_copy(**changes: str) -> str:
    """A gathered copy of one Midlands event, as `lgds gather` writes it, with ``changes`` to the event."""
    event = {
        "id": "2027-05-05-meet-up.midlands@lgds-kit",
        "group": "midlands",
        "page": "https://m.example.org/peer-groups/midlands/events/2027-05-05-meet-up/",
        "title": "Meet-up",
        "date": "2027-05-05",
        "status": "confirmed",
        **changes,
    }
    data = {
        "version": 1,
        "name": "Midlands",
        "site": "https://m.example.org/",
        "group": "midlands",
        "generated": "2026-11-23",
        "events": [event],
    }
    copy = {
        "group": "midlands",
        "source": "https://m.example.org/data/events.json",
        "gathered": "2026-11-23T06:00:00+00:00",
        "data": data,
    }
    return json.dumps(copy, indent=1) + "\n"


COPY_EVENT_LINE = gathered_copy().splitlines().index('    "id": "2027-05-05-meet-up.midlands@lgds-kit",') + 1
"""The line of the copy's event's identifier, where problems with the event as a whole are reported."""


@dataclass(frozen=True)
class Case:
    """One bad input: the change to make, and the error expected at ``path:line`` (0: no line)."""

    id: str
    files: dict[str, str | bytes | None]
    code: str | None
    path: str = ""
    line: int = 0
    pending: str = ""
    also: tuple[str, ...] = field(default=())
    """Further text that must be in the report, such as the fix or a 'did you mean'."""
    alone: bool = False
    """One mistake, one message: the report has no other error or warning."""


CASES: tuple[Case, ...] = (
    # --- Points of the Standard: standard/<n>-<slug>.md front matter ---
    Case(
        "point-malformed-yaml",
        edit(POINT, "related: [10, 12, 14]", "related: [10, 12"),
        "yaml-syntax",
        POINT,
        5,
    ),
    Case(
        "point-wrong-type",
        edit(POINT, "number: 1\n", "number: one\n"),
        "invalid-value",
        POINT,
        2,
        also=(
            f"{POINT}:2: error invalid-value: `number` is 'one': this is not a whole number; "
            "expected a whole number from 1 to 15 (fix: write it like `number: 1`)",
        ),
    ),
    Case(
        "point-number-out-of-range",
        edit(POINT, "number: 1\n", "number: 16\n"),
        "invalid-value",
        POINT,
        2,
        also=(
            f"{POINT}:2: error invalid-value: `number` is '16': this is more than 15; "
            "expected a whole number from 1 to 15 (fix: use a number from 1 to 15)",
        ),
    ),
    Case("point-missing-field", drop_line(POINT, "title:"), "missing-field", POINT, 2),
    Case(
        "point-unknown-field",
        edit(POINT, "number: 1\n", "number: 1\ntitel: Users\n"),
        "unknown-field",
        POINT,
        3,
        also=("did you mean 'title'?",),
    ),
    Case(
        "point-duplicate-key", edit(POINT, "number: 1\n", "number: 1\nnumber: 2\n"), "yaml-syntax", POINT, 3
    ),
    Case(
        "point-duplicate-number",
        {"standard/1-copy.md": original(POINT)},
        "duplicate-point",
        "standard/1-understand-user-needs.md",
        2,
    ),
    Case(
        "point-missing-file", {"standard/15-test-with-senior-manager.md": None}, "missing-point", "standard"
    ),
    Case(
        "point-html-in-title",
        edit(POINT, "title: Understand user needs", "title: Understand <b>user</b> needs"),
        "invalid-value",
        POINT,
        3,
    ),
    Case(
        "point-script-in-summary",
        edit(POINT, "summary: Find out", "summary: <script>alert(1)</script> Find out"),
        "invalid-value",
        POINT,
        4,
    ),
    Case(
        "point-related-out-of-range",
        edit(POINT, "related: [10, 12, 14]", "related: [10, 99]"),
        "bad-related-point",
        POINT,
        5,
    ),
    Case("point-no-front-matter", {POINT: "# Understand user needs\n"}, "no-front-matter", POINT, 1),
    Case(
        "point-unclosed-front-matter",
        {POINT: "---\nnumber: 1\ntitle: Understand user needs\n"},
        "unclosed-front-matter",
        POINT,
        1,
    ),
    Case(
        "point-not-utf8",
        raw(POINT, original(POINT).replace("related:", "# Caf\u00e9\nrelated:").encode("latin-1", "replace")),
        "not-utf8",
        POINT,
        5,
    ),
    Case("point-utf8-bom-accepted", raw(POINT, b"\xef\xbb\xbf" + original(POINT).encode("utf-8")), None),
    # --- Peer groups: peer-groups/<slug>/group.yml ---
    Case(
        "group-malformed-yaml",
        edit(GROUP, "covers: [London]", "covers: [London"),
        "yaml-syntax",
        GROUP,
        2,
        also=("the `[` on this line is never closed with `]`",),
    ),
    Case(
        "group-wrong-type",
        edit(GROUP, "covers: [London]", "covers: {region: London}"),
        "invalid-value",
        GROUP,
        2,
        also=(
            f"{GROUP}:2: error invalid-value: `covers` is a set of fields: this must be a list; expected a list: "
            "English regions and nations the group covers, spelt as in the register "
            "(fix: write it like `covers: [London]`)",
        ),
    ),
    Case(
        "group-covers-not-a-list",
        edit(GROUP, "covers: [London]", "covers: London"),
        "invalid-value",
        GROUP,
        2,
        also=(
            f"{GROUP}:2: error invalid-value: `covers` is 'London': this must be a list, even of one entry; "
            "expected a list: English regions and nations the group covers, spelt as in the register "
            "(fix: put it in square brackets: `covers: [London]`)",
        ),
    ),
    Case("group-missing-field", drop_line(GROUP, "name:"), "missing-field", GROUP, 1),
    Case(
        "group-unknown-field",
        edit(GROUP, "covers: [London]\n", "covers: [London]\nstatsu: active\n"),
        "unknown-field",
        GROUP,
        3,
    ),
    Case(
        "group-impossible-month",
        edit(GROUP, 'started: "2016-07"', 'started: "2016-13"'),
        "invalid-value",
        GROUP,
        3,
        also=(
            f"{GROUP}:3: error invalid-value: `started` is '2016-13': there is no month 13: months run from 01 "
            "to 12; expected a year and month written YYYY-MM (fix: write it like `started: 2016-07`)",
        ),
    ),
    Case(
        "group-bad-status",
        edit(GROUP, "covers: [London]\n", "covers: [London]\nstatus: sleeping\n"),
        "invalid-value",
        GROUP,
        3,
        also=(
            f"{GROUP}:3: error invalid-value: `status` is 'sleeping': this is not one of the choices; "
            "expected one of: active, forming, dormant "
            "(fix: write one of them exactly as shown, for example `status: active`)",
        ),
    ),
    Case(
        "group-status-in-capitals",
        edit(GROUP, "covers: [London]\n", "covers: [London]\nstatus: Active\n"),
        "invalid-value",
        GROUP,
        3,
        also=(
            f"{GROUP}:3: error invalid-value: `status` is 'Active': this is not one of the choices; "
            "expected one of: active, forming, dormant (fix: did you mean 'active'?)",
        ),
    ),
    Case(
        "group-javascript-link",
        edit(GROUP, "join: https://example.org/join/london", "join: javascript:alert(1)"),
        "invalid-value",
        GROUP,
        6,
        also=(
            f"{GROUP}:6: error invalid-value: `join` is 'javascript:alert(1)': this is not a web address "
            "starting with https:// or http://; expected a web address starting with https:// "
            "(fix: write it like `join: https://www.example.gov.uk/digital`)",
        ),
    ),
    Case(
        "group-link-without-https",
        edit(GROUP, "join: https://example.org/join/london", "join: www.example.org/join"),
        "invalid-value",
        GROUP,
        6,
        also=(
            f"{GROUP}:6: error invalid-value: `join` is 'www.example.org/join': this is not a web address "
            "starting with https:// or http://; expected a web address starting with https:// "
            "(fix: write it as `join: https://www.example.org/join`)",
        ),
    ),
    Case(
        "group-script-in-name",
        edit(GROUP, "name: London peer group", "name: <script>alert(1)</script>"),
        "invalid-value",
        GROUP,
        1,
    ),
    Case(
        "group-unknown-region", edit(GROUP, "covers: [London]", "covers: [Londn]"), "unknown-region", GROUP, 2
    ),
    # --- Events: peer-groups/<group>/events/<date>-<slug>.md front matter ---
    Case(
        "event-impossible-date",
        edit(EVENT, "date: 2027-02-10", "date: 2027-02-30"),
        "invalid-value",
        EVENT,
        3,
    ),
    Case(
        "event-impossible-time",
        edit(EVENT, 'start: "10:00"', 'start: "25:00"'),
        "invalid-value",
        EVENT,
        4,
        also=(
            f"{EVENT}:4: error invalid-value: `start` is '25:00': this is not a 24-hour time written as HH:MM; "
            'expected a 24-hour time written HH:MM, in quotes (fix: write it like `start: "10:00"`)',
        ),
    ),
    Case(
        "event-wrong-type",
        edit(EVENT, "round: 3", "round: three"),
        "invalid-value",
        EVENT,
        12,
        also=(
            f"{EVENT}:12: error invalid-value: `round` is 'three': this is not a whole number; "
            "expected a whole number, 1 or more (fix: write it like `round: 1`)",
        ),
    ),
    Case(
        "event-pack-name-not-a-slug",
        edit(
            EVENT,
            "packs: [peer-review-a-service, show-and-tell]",
            "packs: [peer-review-a-service, Show and tell]",
        ),
        "invalid-value",
        EVENT,
        13,
        also=(
            f"{EVENT}:13: error invalid-value: the second entry of `packs` is 'Show and tell': a slug cannot "
            "have capital letters or spaces; expected a slug: lower-case letters, digits and single hyphens, "
            "like `south-west` (fix: write it as `show-and-tell`)",
        ),
    ),
    Case(
        "event-venue-not-fields",
        {EVENT: re.sub(r"venue:\n(?:  .*\n)+", "venue: Civic Centre\n", original(EVENT))},
        "invalid-value",
        EVENT,
        6,
        also=(
            f"{EVENT}:6: error invalid-value: `venue` is 'Civic Centre': this must be a set of named fields; "
            "expected named fields, each on its own line: name, address, postcode, access, arrival "
            "(fix: put each field on its own line below `venue:`, indented by two spaces, like `name: ...`)",
        ),
    ),
    Case("event-missing-field", drop_line(EVENT, "status:"), "missing-field", EVENT, 2),
    Case(
        "event-unknown-field",
        edit(EVENT, "round: 3\n", "round: 3\nspeaker: Someone\n"),
        "unknown-field",
        EVENT,
        13,
    ),
    Case(
        "event-javascript-link",
        edit(EVENT, "booking: https://example.org/book/london-2027-02-10", "booking: javascript:alert(1)"),
        "invalid-value",
        EVENT,
        14,
    ),
    Case(
        "event-file-link",
        edit(EVENT, "round: 3\n", "round: 3\nonline: file:///etc/passwd\n"),
        "invalid-value",
        EVENT,
        13,
    ),
    Case(
        "event-html-in-title",
        edit(EVENT, "title: Reviewing a service together", "title: <img src=x onerror=alert(1)>"),
        "invalid-value",
        EVENT,
        2,
    ),
    Case(
        "event-script-in-venue-name",
        edit(EVENT, "name: Civic Centre, committee room 3", "name: <script>alert(1)</script>"),
        "invalid-value",
        EVENT,
        7,
    ),
    Case(
        "event-malformed-yaml",
        edit(EVENT, "packs: [peer-review-a-service, show-and-tell]", "packs: [peer-review"),
        "yaml-syntax",
        EVENT,
        13,
    ),
    Case("event-unknown-host", edit(EVENT, "host: CMD", "host: XYZ"), "unknown-council", EVENT, 11),
    Case("event-unknown-pack", edit(EVENT, "show-and-tell]", "show-and-tel]"), "unknown-pack", EVENT, 13),
    Case("event-unknown-round", edit(EVENT, "round: 3", "round: 99"), "unknown-round", EVENT, 12),
    Case(
        "event-ends-before-it-starts",
        edit(EVENT, 'end: "13:00"', 'end: "09:00"'),
        "end-before-start",
        EVENT,
        5,
    ),
    # --- Session packs: franchise-kit/packs/<slug>/pack.yml ---
    Case(
        "pack-version-not-text",
        edit(PACK, 'version: "1.0"', "version: 1.0"),
        "invalid-value",
        PACK,
        2,
        also=(
            f"{PACK}:2: error invalid-value: `version` is '1.0': YAML reads this as a number, not as text; "
            'expected text: MAJOR.MINOR, quoted (fix: put it in quotes: `version: "1.0"`)',
        ),
    ),
    Case("pack-missing-field", drop_line(PACK, "audience:"), "missing-field", PACK, 1),
    Case(
        "pack-zero-minutes",
        edit(PACK, "minutes: 20\n    file: activities/where", "minutes: 0\n    file: activities/where"),
        "invalid-value",
        PACK,
        17,
        also=(
            f"{PACK}:17: error invalid-value: `minutes` in the second entry of `run_sheet` is '0': this is less "
            "than 1; expected a whole number from 1 to 600 (fix: use a number from 1 to 600)",
        ),
    ),
    Case(
        "pack-activity-without-minutes",
        edit(PACK, "    minutes: 20\n    file: activities/where", "    file: activities/where"),
        "missing-field",
        PACK,
        16,
        also=(
            f"{PACK}:16: error missing-field: `minutes` in the second entry of `run_sheet` is missing; "
            "expected a line `minutes: ...` (how long it takes, in whole minutes) "
            "(fix: add the `minutes` line; see the example in the docs for this kind of file)",
        ),
    ),
    Case(
        "pack-html-in-title",
        edit(PACK, "title: Introducing the Standard", "title: Introducing the <em>Standard</em>"),
        "invalid-value",
        PACK,
        1,
    ),
    Case(
        "pack-malformed-yaml", edit(PACK, "points: [1, 2, 3,", "points: [1, 2, 3,,"), "yaml-syntax", PACK, 4
    ),
    Case(
        "pack-durations-do-not-add-up",
        edit(PACK, "duration: 175", "duration: 170"),
        "pack-duration",
        PACK,
        6,
    ),
    Case(
        "pack-unknown-point",
        edit(PACK, "points: [1, 2, 3,", "points: [16, 2, 3,"),
        "pack-unknown-point",
        PACK,
        4,
    ),
    Case(
        "pack-missing-activity-file",
        edit(PACK, "file: activities/welcome.md", "file: activities/welcom.md"),
        "pack-missing-file",
        PACK,
        15,
    ),
    # --- Rounds of the franchise: franchise-kit/rounds.yml ---
    Case(
        "rounds-impossible-month",
        edit(ROUNDS, "starts: 2016-07", "starts: 2016-13"),
        "invalid-value",
        ROUNDS,
        3,
        also=(
            f"{ROUNDS}:3: error invalid-value: `starts` in the first entry is '2016-13': there is no month 13: "
            "months run from 01 to 12; expected a year and month written YYYY-MM "
            "(fix: write it like `starts: 2016-07`)",
        ),
    ),
    Case(
        "rounds-wrong-type",
        edit(ROUNDS, "- number: 1", "- number: first"),
        "invalid-value",
        ROUNDS,
        1,
        also=(
            f"{ROUNDS}:1: error invalid-value: `number` in the first entry is 'first': this is not a whole "
            "number; expected a whole number, 1 or more (fix: write it like `number: 1`)",
        ),
    ),
    Case(
        "rounds-pack-name-not-a-slug",
        edit(
            ROUNDS, "packs: [one-point-in-depth, show-and-tell]", "packs: [one-point-in-depth, Show_and_Tell]"
        ),
        "invalid-value",
        ROUNDS,
        13,
        also=(
            f"{ROUNDS}:13: error invalid-value: the second entry of `packs` in the file's second entry is "
            "'Show_and_Tell': a slug cannot have capital letters or the character '_'; expected a slug: "
            "lower-case letters, digits and single hyphens, like `south-west` (fix: write it as `show-and-tell`)",
        ),
    ),
    Case(
        "rounds-unknown-field",
        edit(ROUNDS, "  theme: One point at a time\n", "  theme: One point at a time\n  them: x\n"),
        "unknown-field",
        ROUNDS,
        10,
        also=(
            f"{ROUNDS}:10: error unknown-field: `them` in the second entry is not a field these entries can have; "
            "expected one of: number, theme, starts, ends, summary, packs, example (fix: did you mean 'theme'?)",
        ),
    ),
    Case(
        "rounds-html-in-theme",
        edit(ROUNDS, "theme: One point at a time", "theme: One <i>point</i>"),
        "invalid-value",
        ROUNDS,
        9,
    ),
    Case("rounds-duplicate-number", edit(ROUNDS, "- number: 2", "- number: 1"), "round-duplicate", ROUNDS, 8),
    # --- Site settings: site.yml ---
    Case(
        "settings-malformed-yaml",
        edit(SETTINGS, "example_data: true", "example_data: [true"),
        "yaml-syntax",
        SETTINGS,
        25,
    ),
    Case(
        "settings-wrong-type",
        edit(SETTINGS, "example_notice: true", "example_notice: sometimes"),
        "invalid-value",
        SETTINGS,
        9,
        also=(
            f"{SETTINGS}:9: error invalid-value: `example_notice` is 'sometimes': this is not true or false; "
            "expected true or false (fix: write `example_notice: true` or `example_notice: false`)",
        ),
    ),
    Case(
        "settings-unknown-field",
        edit(SETTINGS, "branch: main", "branch: main\nbrnach: main"),
        "unknown-field",
        SETTINGS,
        21,
    ),
    Case(
        "settings-bad-group-slug",
        edit(SETTINGS, "group:\n", "group: London Peer Group\n"),
        "invalid-value",
        SETTINGS,
        6,
        also=(
            f"{SETTINGS}:6: error invalid-value: `group` is 'London Peer Group': a slug cannot have capital "
            "letters or spaces; expected a slug: lower-case letters, digits and single hyphens, like "
            "`south-west` (fix: write it as `group: london-peer-group`)",
        ),
    ),
    Case(
        "settings-javascript-link",
        edit(SETTINGS, "repo_url:\n", "repo_url: javascript:alert(1)\n"),
        "invalid-value",
        SETTINGS,
        17,
    ),
    Case(
        "settings-site-url-not-a-web-address",
        edit(SETTINGS, "site_url:\n", "site_url: your-account.github.io/your-copy\n"),
        "invalid-value",
        SETTINGS,
        14,
        also=(
            f"{SETTINGS}:14: error invalid-value: `site_url` is 'your-account.github.io/your-copy': this is not a "
            "web address starting with https:// or http://; expected a web address starting with https:// "
            "(fix: write it as `site_url: https://your-account.github.io/your-copy`)",
        ),
    ),
    Case(
        "settings-unknown-group",
        edit(SETTINGS, "group:\n", "group: atlantis\n"),
        "unknown-group",
        SETTINGS,
        6,
    ),
    Case(
        "settings-contact-not-an-email-address",
        edit(
            SETTINGS,
            "contact_email: lgds-kit-maintainers@example.org",
            "contact_email: maintainers at the kit",
        ),
        "invalid-value",
        SETTINGS,
        35,
        also=("`contact_email` is 'maintainers at the kit'", "expected an email address"),
    ),
    Case(
        "settings-organisation-with-markup",
        edit(SETTINGS, "organisation: the maintainers of the LGDS kit", "organisation: <script>x</script>"),
        "invalid-value",
        SETTINGS,
        32,
    ),
    # --- The hex map's layout: data/hexmap.csv, made by scripts/make_hexmap.py ---
    Case("hexmap-header", replace_line(HEXMAP, 1, "code,x,y"), "hexmap-columns", HEXMAP, 1),
    Case(
        "hexmap-unknown-council",
        replace_line(HEXMAP, 2, "XYZ,0,0"),
        "hexmap-unknown-council",
        HEXMAP,
        2,
        also=("python scripts/make_hexmap.py",),
    ),
    Case(
        "hexmap-former-council",
        replace_line(HEXMAP, 2, "ALL,0,0"),
        "hexmap-unknown-council",
        HEXMAP,
        2,
        also=("it was abolished on 2023-03-31",),
    ),
    Case(
        "hexmap-not-a-number",
        replace_line(HEXMAP, 3, f"{SECOND_CELL[0]},12.5,7"),
        "hexmap-row",
        HEXMAP,
        3,
        also=("'12.5' is not a whole number",),
    ),
    Case(
        "hexmap-missing-number",
        replace_line(HEXMAP, 3, f"{SECOND_CELL[0]},12"),
        "hexmap-row",
        HEXMAP,
        3,
    ),
    Case(
        "hexmap-two-councils-in-one-cell",
        replace_line(HEXMAP, 3, f"{SECOND_CELL[0]},{FIRST_CELL[1]},{FIRST_CELL[2]}"),
        "hexmap-same-cell",
        HEXMAP,
        3,
        also=("(on line 2)",),
    ),
    Case(
        "hexmap-council-twice",
        {HEXMAP: original(HEXMAP) + f"{FIRST_CELL[0]},0,0\n"},
        "hexmap-duplicate-council",
        HEXMAP,
        len(original(HEXMAP).splitlines()) + 1,
        also=("(first on line 2)",),
    ),
    Case(
        "hexmap-with-byte-order-mark-and-windows-line-ends",
        raw(HEXMAP, b"\xef\xbb\xbf" + original(HEXMAP).replace("\n", "\r\n").encode()),
        None,
    ),
    # --- Sign-ups: data/signups/<code>.yml ---
    Case(
        "signup-javascript-link",
        {SIGNUP: "council: CMD\nsigned: 2017-03-14\nstatement: javascript:alert(1)\n"},
        "invalid-value",
        SIGNUP,
        3,
    ),
    Case(
        "signup-impossible-date",
        {SIGNUP: "council: CMD\nsigned: 2017-02-29\n"},
        "invalid-value",
        SIGNUP,
        2,
        also=(
            f"{SIGNUP}:2: error invalid-value: `signed` is '2017-02-29': there is no 29 February 2017: February "
            "2017 has 28 days; expected a day that exists in the calendar, written YYYY-MM-DD "
            "(fix: write it like `signed: 2017-03-14`)",
        ),
    ),
    Case(
        "signup-date-not-iso",
        {SIGNUP: "council: CMD\nsigned: 14/03/2017\n"},
        "invalid-value",
        SIGNUP,
        2,
        also=(
            f"{SIGNUP}:2: error invalid-value: `signed` is '14/03/2017': this is not a date written YYYY-MM-DD; "
            "expected a date written YYYY-MM-DD (fix: write it like `signed: 2017-03-14`)",
        ),
    ),
    Case(
        "signup-unknown-council",
        {SIGNUP: "council: XYZ\nsigned: 2017-03-14\n"},
        "signup-unknown-council",
        SIGNUP,
        1,
    ),
    # --- Peer reviews: reviews/<council>/<date>-<service>.md front matter ---
    Case(
        "review-unknown-council",
        edit(REVIEW, "council: BAS", "council: BASN"),
        "review-unknown-council",
        REVIEW,
        2,
        also=("did you mean BAS (Bath and North East Somerset Council)",),
    ),
    Case(
        "review-council-written-as-a-name",
        edit(REVIEW, "council: BAS", "council: Bath and North East Somerset"),
        "review-unknown-council",
        REVIEW,
        2,
        also=("did you mean BAS (Bath and North East Somerset Council)?",),
    ),
    Case(
        "review-unknown-reviewer",
        edit(REVIEW, "reviewers: [PLY, WIL, TOB]", "reviewers:\n  - PLY\n  - Wiltshire\n  - TOB"),
        "review-unknown-reviewer",
        REVIEW,
        10,
        also=("the reviewer 'Wiltshire' is not a council code", "did you mean WIL (Wiltshire Council)?"),
    ),
    Case(
        "review-reviewed-council-among-its-reviewers",
        edit(REVIEW, "reviewers: [PLY, WIL, TOB]", "reviewers:\n  - PLY\n  - BAS"),
        "review-own-council",
        REVIEW,
        10,
        also=("Bath and North East Somerset Council (BAS) is among its own reviewers",),
    ),
    Case(
        "review-reviewer-abolished-before-the-day",
        edit(REVIEW, "reviewers: [PLY, WIL, TOB]", "reviewers: [PLY, SOM]"),
        "review-after-council",
        REVIEW,
        8,
        also=("use the council that replaced it: Somerset Council (SMT)",),
    ),
    Case(
        "review-before-the-council-existed",
        {
            "reviews/smt/2022-05-10-report-a-pothole.md": "---\ncouncil: SMT\nservice: Report a pothole\n"
            "phase: live\ndate: 2022-05-10\nreviewers: [DEV]\nconsent: true\n---\n"
        },
        "review-before-council",
        "reviews/smt/2022-05-10-report-a-pothole.md",
        2,
        also=("Somerset Council (SMT) began on 2023-04-01, after the review on 2022-05-10",),
    ),
    Case(
        "review-point-out-of-range",
        replace_line(REVIEW, 11, "  - point: 16"),
        "review-point-out-of-range",
        REVIEW,
        11,
    ),
    Case(
        "review-point-given-twice",
        replace_line(REVIEW, 14, "  - point: 1"),
        "review-point-twice",
        REVIEW,
        14,
        also=("point 1 is given twice: first on line 11",),
    ),
    Case(
        "review-result-not-one-of-the-three",
        replace_line(REVIEW, 12, "    result: Not Met"),
        "review-unknown-result",
        REVIEW,
        12,
        also=("(fix: write it `result: not met`, in lower case with a space)",),
    ),
    Case(
        "review-result-misspelt",
        replace_line(REVIEW, 15, "    result: mett"),
        "review-unknown-result",
        REVIEW,
        15,
        also=("did you mean 'met'?",),
    ),
    Case(
        "review-date-in-the-future",
        edit(REVIEW, "date: 2026-03-18", "date: 2027-03-18"),
        "review-future-date",
        REVIEW,
        6,
    ),
    Case(
        "review-date-before-the-standard",
        edit(REVIEW, "date: 2026-03-18", "date: 2015-03-18"),
        "review-before-standard",
        REVIEW,
        6,
    ),
    Case(
        "review-event-does-not-exist",
        edit(
            REVIEW, "event: south-west/2026-03-18-peer-review-day", "event: south-west/2026-03-18-review-day"
        ),
        "review-unknown-event",
        REVIEW,
        7,
        also=("did you mean 'south-west/2026-03-18-peer-review-day'",),
    ),
    Case(
        "review-event-without-its-group",
        edit(REVIEW, "event: south-west/2026-03-18-peer-review-day", "event: 2026-03-18-peer-review-day"),
        "review-unknown-event",
        REVIEW,
        7,
        also=("write the group's folder first: `south-west/2026-03-18-peer-review-day`",),
    ),
    Case(
        "review-event-on-another-day",
        edit(REVIEW, "date: 2026-03-18", "date: 2026-03-17"),
        "review-event-other-day",
        REVIEW,
        7,
    ),
    Case(
        "review-without-consent",
        edit(REVIEW, "consent: true", "consent: false"),
        "review-no-consent",
        REVIEW,
        9,
    ),
    Case("review-consent-left-out", drop_line(REVIEW, "consent:"), "review-no-consent", REVIEW, 2),
    Case(
        "review-in-another-councils-folder",
        {REVIEW: None, "reviews/bat/2026-03-18-garden-waste-subscription.md": original(REVIEW)},
        "review-wrong-folder",
        "reviews/bat/2026-03-18-garden-waste-subscription.md",
        2,
    ),
    Case(
        "review-file-name-without-a-date",
        {REVIEW: None, "reviews/bas/garden-waste.md": original(REVIEW)},
        "bad-review-file-name",
        "reviews/bas/garden-waste.md",
        1,
    ),
    Case(
        "review-unknown-phase",
        edit(REVIEW, "phase: beta", "phase: gamma"),
        "invalid-value",
        REVIEW,
        5,
        also=("expected one of: discovery, alpha, beta, live",),
    ),
    Case(
        "review-misspelt-field",
        edit(REVIEW, "reviewers: [PLY, WIL, TOB]", "reviewer: [PLY, WIL, TOB]"),
        "unknown-field",
        REVIEW,
        8,
        also=("did you mean 'reviewers'?",),
    ),
    Case("review-missing-field", drop_line(REVIEW, "phase:"), "missing-field", REVIEW, 2),
    Case(
        "review-html-in-evidence",
        replace_line(
            REVIEW, 13, "    evidence: <script>alert(1)</script> The team kept speaking to residents."
        ),
        "invalid-value",
        REVIEW,
        13,
    ),
    # --- Issue 12, nothing from outside the repository: a pack's files named outside its folder. Links
    # need a file system, so they are in tests/test_quality_outside.py, which also runs `lgds check`. ---
    Case(
        "outside-pack-file-up-a-folder",
        edit(PACK, "file: activities/welcome.md", "file: ../../../site.yml"),
        "pack-file-outside",
        PACK,
        15,
        also=("`run_sheet.0.file` names `../../../site.yml`, which goes up out of the folder with `..`",),
    ),
    Case(
        "outside-pack-file-absolute",
        edit(PACK, "file: activities/where-it-came-from.md", "file: /etc/passwd"),
        "pack-file-outside",
        PACK,
        18,
        also=("which is an absolute path (it starts with `/`)",),
    ),
    Case(
        "outside-pack-file-backslash",
        edit(PACK, "file: handouts/points-on-a-page.md", "file: handouts\\points-on-a-page.md"),
        "pack-file-outside",
        PACK,
        44,
        also=("which has a backslash",),
    ),
    Case(
        "outside-pack-file-drive-letter",
        edit(PACK, "file: activities/points-card-sort.md", "file: C:/Windows/win.ini"),
        "pack-file-outside",
        PACK,
        21,
        also=("which starts with a drive letter",),
    ),
    # --- Issue 12, bounded inputs: limits well above any real file (lgds/core/limits.py and fastyaml);
    # tests/test_quality_limits.py runs `lgds check` on these rows and times the YAML ones. ---
    Case(
        "limit-yaml-aliases-billion-laughs",
        {SIGNUP: "council: CMD\nsigned: 2017-03-14\n" + LAUGHS},
        "yaml-too-big",
        SIGNUP,
        7,
        also=(
            "the aliases (`*name`) repeat values so often that the file would hold more than 20,000 values",
        ),
    ),
    Case(
        "limit-yaml-alias-inside-itself",
        {SIGNUP: "council: CMD\nsigned: 2017-03-14\nnote: &a [*a]\n"},
        "yaml-too-big",
        SIGNUP,
        3,
        also=("the alias `*a` is inside the value it repeats, so it would never end",),
    ),
    Case(
        "limit-yaml-nested-too-deep",
        {SIGNUP: "council: CMD\nsigned: 2017-03-14\nnote: " + "[" * 30_000 + "]" * 30_000 + "\n"},
        "yaml-too-big",
        SIGNUP,
        3,
        also=("the lists and fields here are nested more than 32 deep",),
    ),
    Case(
        "limit-yaml-front-matter-nested-too-deep",
        edit(EVENT, "round: 3\n", "round: 3\nnotes:\n" + "".join("  " * i + "- \n" for i in range(1, 40))),
        "yaml-too-big",
        EVENT,
        45,
    ),
    Case(
        "limit-yaml-too-long",
        {SIGNUP: "council: CMD\nsigned: 2017-03-14\nnote: " + "a" * 70_000 + "\n"},
        "yaml-too-long",
        SIGNUP,
        1,
        also=("the fields take up 70,039 characters, more than the 65,536 the kit reads in one file",),
    ),
    Case(
        "limit-file-too-big",
        {EVENT: original(EVENT) + ("A long line of text. " * 50 + "\n") * 1100},
        "file-too-big",
        EVENT,
        1,
        also=("the file is over 1 MB, more than the kit reads in one file",),
    ),
    Case(
        "limit-null-byte-in-a-body",
        edit(EVENT, "## Agenda", "## Age\x00nda"),
        "control-character",
        EVENT,
        21,
        also=("the line has an invisible control character (U+0000, a null byte)",),
    ),
    Case(
        "limit-control-character-in-a-title",
        edit(POINT, "title: Understand user needs", "title: Understand\x07 user needs"),
        "control-character",
        POINT,
        3,
    ),
    Case(
        "limit-control-character-by-an-escape",
        edit(POINT, "title: Understand user needs", 'title: "Understand\\0 user needs"'),
        "control-character",
        POINT,
        3,
        also=("(U+0000, a null byte); it is written as an escape with `\\` in double quotes",),
    ),
    Case(
        "limit-control-characters-in-a-sign-up",
        {SIGNUP: "council: CMD\x1b\x00\nsigned: 2017-03-14\n"},
        "control-character",
        SIGNUP,
        1,
        also=("(U+001B, escape); the file has 2 of them",),
    ),
    Case(
        "limit-csv-cell-too-long",
        replace_line(HEXMAP, 3, f'{SECOND_CELL[0]},"{"1" * 20_000}",7'),
        "csv-cell-too-long",
        HEXMAP,
        3,
    ),
    Case(
        "limit-csv-cell-past-pythons-own-limit",
        replace_line(HEXMAP, 2, f'{FIRST_CELL[0]},"{"1" * 200_000}",7'),
        "csv-cell-too-long",
        HEXMAP,
        2,
    ),
    Case(
        "limit-event-in-year-9999",
        {
            "peer-groups/london/events/9999-12-31-far-away.md": original(EVENT).replace(
                "2027-02-10", "9999-12-31"
            )
        },
        "invalid-value",
        "peer-groups/london/events/9999-12-31-far-away.md",
        3,
        also=("the year 9999 is too far ahead: the kit takes years from 1900 to 2199",),
    ),
    Case(
        "limit-sign-up-in-year-0001",
        {SIGNUP: "council: CMD\nsigned: 0001-01-01\n"},
        "invalid-value",
        SIGNUP,
        2,
        also=("the year 0001 is too long ago",),
    ),
    Case(
        "limit-round-in-year-0000",
        edit(ROUNDS, "starts: 2016-07", "starts: 0000-07"),
        "invalid-value",
        ROUNDS,
        3,
    ),
    # --- Issue 12, "one mistake, one message; check agrees with the build": links in Markdown, files
    # the kit would ignore, YAML in plain words, and no cascades. Each is one message, found before
    # the build writes anything, so a reader never gets a page with a link to nowhere. ---
    Case(
        "event-link-to-no-page",
        append(EVENT, "See [point 16](../../../standard/16-be-kind.md)."),
        "broken-link",
        EVENT,
        lines(EVENT) + 2,
        also=("the link to `../../../standard/16-be-kind.md` leads nowhere: the site has no page or file",),
        alone=True,
    ),
    Case(
        "point-link-to-no-page",
        append(POINT, "Read [the pack](../franchise-kit/packs/no-such-pack/index.md)."),
        "broken-link",
        POINT,
        lines(POINT) + 2,
        alone=True,
    ),
    Case(
        "activity-link-counted-from-the-pack-page",
        append(ACTIVITY, "Hand out [the checklist](handouts/no-such-checklist.md)."),
        "broken-link",
        ACTIVITY,
        lines(ACTIVITY) + 2,
        also=(
            "a link is counted from franchise-kit/packs/introducing-the-standard/, where this text is published",
        ),
        alone=True,
    ),
    Case(
        "page-link-to-no-page",
        append(ABOUT, "Write to [us](team@example.org)."),
        "broken-link",
        ABOUT,
        lines(ABOUT) + 2,
        also=("(fix: to link to an email address, write `mailto:` before it: `mailto:team@example.org`)",),
        alone=True,
    ),
    Case(
        "page-link-to-no-section",
        append(ABOUT, "See [how to check](contribute.md#check-your-change)."),
        "broken-section-link",
        ABOUT,
        lines(ABOUT) + 2,
        also=("did you mean 'check-your-change-before-you-send-it'?",),
        alone=True,
    ),
    Case(
        "page-replaced-by-a-generated-one",
        {"docs/councils/index.md": "---\ntitle: Councils\n---\n\nOur councils.\n"},
        "page-replaced",
        "docs/councils/index.md",
        1,
        alone=True,
    ),
    Case(
        "group-file-broken-is-one-message",
        edit(GROUP, "covers: [London]\n", "covers: [London]\n\tstarted: 2016\n"),
        "yaml-syntax",
        GROUP,
        3,
        also=("the line starts with a tab: YAML needs spaces to indent",),
        alone=True,
    ),
    Case(
        "group-file-missing-is-one-message", {GROUP: None}, "unknown-group", FIRST_LONDON_EVENT, 1, alone=True
    ),
    Case(
        "point-missing-field-is-one-message",
        drop_line(POINT, "summary:"),
        "missing-field",
        POINT,
        2,
        alone=True,
    ),
    Case(
        "pack-broken-is-one-message",
        edit(PACK, "duration: 175", "duration: all afternoon"),
        "invalid-value",
        PACK,
        6,
        alone=True,
    ),
    Case(
        "event-missing-colon",
        edit(EVENT, "status: confirmed", "status confirmed"),
        "yaml-syntax",
        EVENT,
        15,
        also=("this line has no colon after its field name",),
        alone=True,
    ),
    Case(
        "event-unclosed-quote",
        edit(EVENT, 'start: "10:00"', 'start: "10:00'),
        "yaml-syntax",
        EVENT,
        4,
        also=('the `"` that starts the value on this line is never closed',),
        alone=True,
    ),
    Case(
        "event-title-cut-by-a-comment",
        edit(EVENT, "title: Reviewing a service together", "title: Reviewing service #3"),
        "text-cut-by-comment",
        EVENT,
        2,
        also=('(fix: put the whole value in quotes: `title: "Reviewing service #3"`)',),
        alone=True,
    ),
    Case(
        "event-title-empty",
        edit(EVENT, "title: Reviewing a service together", "title:"),
        "invalid-value",
        EVENT,
        2,
        also=("`title` is empty: it needs a value",),
        alone=True,
    ),
    Case(
        "event-saved-as-MD",
        {EVENT: None, EVENT.replace(".md", ".MD"): original(EVENT)},
        "unread-file",
        EVENT.replace(".md", ".MD"),
        alone=True,
    ),
    Case(
        "events-in-a-folder",
        {EVENT: None, EVENT.replace("events/", "events/2027/"): original(EVENT)},
        "unread-file",
        "peer-groups/london/events/2027",
        alone=True,
    ),
    Case(
        "signup-saved-as-yaml",
        {"data/signups/cmd.yaml": "council: CMD\nsigned: 2017-03-14\n"},
        "signup-ignored-file",
        "data/signups/cmd.yaml",
        alone=True,
    ),
    Case(
        "signup-named-after-another-council",
        {"data/signups/zzz.yml": "council: CMD\nsigned: 2017-03-14\n"},
        "signup-file-name",
        "data/signups/zzz.yml",
        1,
        alone=True,
    ),
    Case(
        "group-file-saved-as-yaml",
        {GROUP: None, GROUP.replace(".yml", ".yaml"): original(GROUP)},
        "misspelt-file-name",
        GROUP.replace(".yml", ".yaml"),
        alone=True,
    ),
    Case(
        "menu-lists-no-page",
        edit("mkdocs.yml", "About this site: about.md", "About this site: abuot.md"),
        "nav-missing-page",
        "mkdocs.yml",
        102,
        also=("did you mean 'about.md'?",),
        alone=True,
    ),
    Case(
        "readme-and-index-are-one-page",
        {"docs/reference/README.md": "# About these pages\n", "docs/reference/index.md": "# Reference\n"},
        "same-page",
        "docs/reference/README.md",
        1,
        alone=True,
    ),
    Case(
        "readme-where-the-kit-makes-a-page",
        {"peer-groups/london/README.md": "# Our group\n"},
        "page-replaced",
        "peer-groups/london/README.md",
        1,
        alone=True,
    ),
    Case(
        "template-copy-cannot-be-read",
        {"overrides/councils/council.md": "---\ntitle: {{ council.name }\n---\n"},
        "template-syntax",
        "overrides/councils/council.md",
        2,
        alone=True,
    ),
    Case(
        "pack-folder-without-pack-file",
        {"franchise-kit/packs/draft/notes.md": "---\ntitle: Draft\n---\n\nNot ready.\n"},
        "pack-folder-without-pack",
        "franchise-kit/packs/draft",
        alone=True,
    ),
    # --- The network of regional sites: network.yml, and copies in data/network/ ---
    Case(
        "network-unknown-group",
        network_file('{name: North West site, group: north-west, address: "https://nw.example.org/"}'),
        "network-unknown-group",
        NETWORK,
        2,
        alone=True,
    ),
    Case(
        "network-plain-http-address",
        network_file('{name: Midlands site, group: midlands, address: "http://midlands.example.org/"}'),
        "network-address",
        NETWORK,
        2,
        also=("it must start with https://",),
        alone=True,
    ),
    Case(
        "network-not-an-address",
        network_file("{name: Midlands site, group: midlands, address: midlands.example.org}"),
        "invalid-value",
        NETWORK,
        2,
        alone=True,
    ),
    Case(
        "network-missing-name",
        network_file('{group: midlands, address: "https://m.example.org/"}'),
        "missing-field",
        NETWORK,
        2,
    ),
    Case(
        "network-same-group-twice",
        network_file(
            '{name: Midlands site, group: midlands, address: "https://m.example.org/"}',
            '{name: Midlands again, group: midlands, address: "https://m2.example.org/"}',
        ),
        "network-duplicate",
        NETWORK,
        3,
        also=("the group `midlands` is listed twice in network.yml; the first is at line 2",),
        alone=True,
    ),
    Case(
        "network-same-address-twice",
        network_file(
            '{name: Midlands site, group: midlands, address: "https://m.example.org/"}',
            '{name: London site, group: london, address: "https://M.example.org"}',
        ),
        "network-duplicate",
        NETWORK,
        3,
        alone=True,
    ),
    Case(
        "gathered-copy-links-elsewhere",
        {**MIDLANDS_NETWORK, COPY: gathered_copy(page="https://elsewhere.example.com/x/")},
        "gathered-foreign-page",
        COPY,
        COPY_EVENT_LINE,
        alone=True,
    ),
    Case(
        "gathered-copy-html-title",
        {**MIDLANDS_NETWORK, COPY: gathered_copy(title="<img src=x onerror=alert(1)>")},
        "invalid-value",
        COPY,
        COPY_EVENT_LINE + 3,
        alone=True,
    ),
    Case("gathered-copy-unlisted", {COPY: gathered_copy()}, "gathered-unlisted", COPY, 0, alone=True),
)


def expected_line(case: Case) -> str:
    where = f"{case.path}:{case.line}" if case.line else case.path
    severity = KINDS[case.code].severity.value if case.code in KINDS else "error"
    return f"{where}: {severity} {case.code}:"


def mkdocs_build_in_process(root: Path, out: Path) -> tuple[int, str]:
    """A quiet strict build in this process, which keeps this table of many builds quick."""
    return build_in_process(root, out, quiet=True)


def problems_at(root, path: str) -> list[str]:
    """What the loader (the build's first step) reports about ``path``, in-process and fast."""
    _, problems = load_site(root, today=BUILD_DATE.date())
    return [p.format() for p in problems if p.path == path]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_bad_input_is_reported_at_its_line_and_builds_no_site(case, kit, tmp_path, monkeypatch):
    root = kit(case.files)
    if case.code is None:
        changed = [path for path in case.files if problems_at(root, path)]
        assert not changed, f"{case.id} should be accepted: " + "; ".join(
            line for path in changed for line in problems_at(root, path)
        )
        return
    if case.pending and not problems_at(root, case.path):
        pytest.skip(f"check not built yet ({case.id}, issue {case.pending})")
    out = tmp_path / "out"
    for name in ("SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING"):
        monkeypatch.setenv(name, BUILD_ENV[name])
    code, report = mkdocs_build_in_process(root, out)
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) if out.exists() else []
    assert code != 0, f"{case.id}: the build accepted the bad input"
    assert not written, f"{case.id}: the failed build still wrote {written[:5]}"
    assert "Traceback" not in report, report
    wanted = expected_line(case) if case.code else f"{case.path}:{case.line}: error "
    assert wanted in report, f"{case.id}: expected {wanted!r} in:\n{report}"
    for text in case.also:
        assert text in report, f"{case.id}: expected {text!r} in:\n{report}"
    if case.alone:
        said = [line for line in report.splitlines() if re.search(r": (error|warning) [a-z-]+: ", line)]
        assert len(said) == 1, f"{case.id}: one mistake, one message, not:\n" + "\n".join(said)


# --- No script, no markup from data (issue 12) ---------------------------------------------------------
#
# Links must be whole web or email addresses, plain-text settings and names hold no markup (errors); what
# cleaning takes out of a contributor's Markdown is a warning at its line, so `lgds check --strict` and the
# strict build both fail on it (what a reader gets is tested in test_quality_escaping.py). No value, and no
# file name, may start a line that GitHub Actions reads as a command in the build log.

REGISTER = "data/councils.csv"
CAMDEN = "CMD,London Borough of Camden,Camden,camden london boro,"
INTRO = "standard/index.md"
NOTES = "franchise-kit/packs/introducing-the-standard/notes.md"
ACTIVITY = "franchise-kit/packs/introducing-the-standard/activities/welcome.md"
HANDOUT = "franchise-kit/packs/introducing-the-standard/handouts/points-on-a-page.md"
GROUP_PAGE = "peer-groups/london/index.md"
GUIDE = "franchise-kit/guide/starting-a-group.md"
ODD_NAME = "peer-groups/london/events/2027-02-11-odd\n::add-mask::secret.md"


def appended(path: str, text: str) -> tuple[dict[str, str], int]:
    """The file at ``path`` with ``text`` added as a new paragraph, and the line it starts on."""
    lines = original(path).rstrip("\n").split("\n")
    return {path: "\n".join(lines) + "\n\n" + text + "\n"}, len(lines) + 2


def body_case(id: str, path: str, text: str, *also: str, offset: int = 0) -> Case:
    files, line = appended(path, text)
    return Case(id, files, "unsafe-markup", path, line + offset, also=also)


MARKUP_CASES: tuple[Case, ...] = (
    Case(
        "event-link-that-closes-itself-and-opens-a-script",
        edit(
            EVENT,
            "booking: https://example.org/book/london-2027-02-10",
            'booking: "https://x.org/a)[y](javascript:alert(1)"',
        ),
        "invalid-value",
        EVENT,
        14,
        also=("this has the character `[`, which a web address cannot hold as it is",),
    ),
    Case(
        "group-link-with-a-password",
        edit(GROUP, "join: https://example.org/join/london", "join: https://user:secret@example.org/join"),
        "invalid-value",
        GROUP,
        6,
        also=("a name or password before an @",),
    ),
    Case(
        "group-link-without-a-site",
        edit(GROUP, "join: https://example.org/join/london", "join: https:///join"),
        "invalid-value",
        GROUP,
        6,
        also=("there is no site name after https://",),
    ),
    Case(
        "event-link-with-a-backslash",
        edit(EVENT, "round: 3\n", 'round: 3\nonline: "https://example.org\\\\@evil.example/"\n'),
        "invalid-value",
        EVENT,
        13,
        also=("backslash",),
    ),
    Case(
        "group-email-with-a-subject",
        edit(
            GROUP,
            "contact: london-peer-group@example.org",
            'contact: "london-peer-group@example.org?subject=Hi"',
        ),
        "invalid-value",
        GROUP,
        5,
    ),
    Case(
        "group-two-email-addresses",
        edit(GROUP, "contact: london-peer-group@example.org", "contact: a@example.org,b@example.org"),
        "invalid-value",
        GROUP,
        5,
    ),
    Case(
        "settings-branch-with-a-command",
        edit(SETTINGS, "branch: main", 'branch: "main; rm -rf /"'),
        "invalid-value",
        SETTINGS,
        20,
        also=("a git branch name: letters, digits and the characters . _ - /",),
    ),
    Case(
        "settings-markup-in-the-site-name",
        edit(SETTINGS, "branch: main", 'branch: main\nsite_name: "<img src=x onerror=alert(1)>"'),
        "invalid-value",
        SETTINGS,
        21,
    ),
    Case(
        "register-markup-in-a-name",
        edit(REGISTER, CAMDEN, "CMD,London Borough of <b>Camden</b>,Camden,camden london boro,"),
        "register-row",
        REGISTER,
        82,
        also=("`official_name`: this cannot contain HTML tags",),
    ),
    Case(
        "register-script-in-other-names",
        edit(
            REGISTER, CAMDEN, "CMD,London Borough of Camden,Camden,camden london boro | <script>x</script>,"
        ),
        "register-row",
        REGISTER,
        82,
        also=("`other_names`",),
    ),
    body_case("point-script-in-body", POINT, "<script>alert(1)</script>", "a <script> element"),
    body_case(
        "event-javascript-link-in-body", EVENT, "[Slides](JaVaScRiPt:alert(1))", "`javascript:` address"
    ),
    body_case(
        "event-event-handler-in-attribute-list",
        EVENT,
        'Notes\n{: onclick="alert(1)" }',
        "`onclick`",
        offset=1,
    ),
    body_case("group-page-iframe", GROUP_PAGE, '<iframe src="https://evil.example"></iframe>', "<iframe>"),
    body_case("pack-notes-event-handler", NOTES, "<img src=x onerror=alert(1)>", "`onerror`"),
    body_case(
        "pack-activity-entity-encoded-link",
        ACTIVITY,
        '<a href="&#x6A;avascript:alert(1)">x</a>',
        "javascript:",
    ),
    body_case(
        "pack-handout-data-image", HANDOUT, "![x](data:image/svg+xml;base64,PHN2Zz4=)", "`data:` address"
    ),
    body_case("introduction-style", INTRO, "<style>body { display: none }</style>", "<style>"),
    body_case(
        "hand-written-page-form",
        GUIDE,
        '<form action="https://evil.example">\n<input name="password">\n</form>',
        "<form>",
    ),
)


def command_lines(text: str) -> list[str]:
    """Lines a GitHub Actions runner would read as workflow commands (``::name::``, or ``##[`` anywhere)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line for line in lines if line.lstrip().startswith("::") or "##[" in line]


def strict_build(root: Path, out: Path) -> tuple[int, str]:
    """``mkdocs build --strict`` as CI runs it, in this process. Not ``-q``: that drops warnings before
    MkDocs counts them, so a quiet strict build passes with warnings."""
    return build_in_process(root, out, quiet=False)


def check_report(root: Path) -> tuple[int, str]:
    from click.testing import CliRunner

    from lgds.cli import main

    result = CliRunner().invoke(main, ["check", "--strict", "--root", str(root)])
    return result.exit_code, result.output


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in MARKUP_CASES])
def test_markup_and_hostile_links_are_reported_by_check_and_fail_the_strict_build(
    case, kit, tmp_path, monkeypatch
):
    from lgds.core.problems import KINDS

    root = kit(case.files)
    severity = KINDS[str(case.code)].severity.value
    wanted = f"{case.path}:{case.line}: {severity} {case.code}:"
    code, report = check_report(root)
    assert code == 1, report
    assert wanted in report, f"{case.id}: expected {wanted!r} from lgds check in:\n{report}"
    for text in case.also:
        assert text in report, f"{case.id}: expected {text!r} in:\n{report}"
    for name in ("SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING"):
        monkeypatch.setenv(name, BUILD_ENV[name])
    code, log = strict_build(root, tmp_path / "out")
    assert code != 0, f"{case.id}: the strict build accepted it"
    assert wanted in log, f"{case.id}: expected {wanted!r} in the build's log:\n{log}"
    assert "Traceback" not in log


LOG_CASES = (
    Case(
        "value-with-an-old-style-command",
        edit(GROUP, "covers: [London]\n", 'covers: [London]\nstatus: "##[add-mask]secret"\n'),
        "invalid-value",
        GROUP,
        3,
        also=("#\\x23[add-mask]secret",),
    ),
    Case(
        "file-name-with-a-line-break-and-a-command",
        {ODD_NAME: original(EVENT)},
        "bad-event-file-name",
        "peer-groups/london/events/2027-02-11-odd\\n::add-mask::secret.md",
        1,
    ),
)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in LOG_CASES])
def test_no_value_or_file_name_writes_a_command_into_the_log(case, kit, tmp_path, monkeypatch):
    root = kit(case.files)
    code, report = check_report(root)
    assert code == 1 and f"{case.path}:{case.line}: error {case.code}:" in report, report
    for text in case.also:
        assert text in report, report
    assert command_lines(report) == []
    for name in ("SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING"):
        monkeypatch.setenv(name, BUILD_ENV[name])
    code, log = strict_build(root, tmp_path / "out")
    assert code != 0 and f"{case.path}:{case.line}: error {case.code}:" in log, log
    assert command_lines(log) == []


def test_mkdocs_own_messages_that_quote_a_file_name_carry_no_command(kit, tmp_path, monkeypatch):
    """MkDocs names pages in its log (here: a page left out of the navigation, which the kit's mkdocs.yml
    keeps quiet and a fork may ask to hear about); the hooks defuse it."""
    settings = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "omitted_files: ignore" in settings
    root = kit(
        {
            "franchise-kit/guide/odd\n::warning::x.md": "# Odd\n",
            "mkdocs.yml": settings.replace("omitted_files: ignore", "omitted_files: info"),
        }
    )
    for name in ("SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING"):
        monkeypatch.setenv(name, BUILD_ENV[name])
    _, log = strict_build(root, tmp_path / "out")
    assert "guide/odd" in log, log
    assert command_lines(log) == []
