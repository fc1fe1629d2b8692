"""Broken content gives errors that name the file, the line, what was expected and a fix."""

from __future__ import annotations

import re

import pytest

from lgds.core.problems import Problems
from lgds.core.sources import parse_yaml
from lgds.core.validate import validate
from lgds.councils.models import SignUp
from lgds.groups.models import EventFile, GroupFile
from lgds.kit.models import PackFile, RoundEntry
from lgds.load import load_site
from lgds.sitewide.models import Settings
from lgds.standard.models import PointFrontMatter

from .conftest import ROOT, lgds, mkdocs_build

POINT_1 = "standard/1-understand-user-needs.md"


def point_1(front: str) -> str:
    body = (ROOT / POINT_1).read_text(encoding="utf-8").split("---", 2)[2]
    return f"---\n{front}---{body}"


def check(root) -> tuple[int, list[str]]:
    result = lgds("check", "--root", str(root))
    return result.returncode, (result.stdout + result.stderr).splitlines()


def test_clean_content_passes(kit):
    code, lines = check(kit())
    assert code == 0
    assert lines == ["All content is valid."]


def test_missing_title_names_the_file_and_line(kit):
    root = kit({POINT_1: point_1("number: 1\nsummary: Know your users.\nrelated: [10]\n")})
    code, lines = check(root)
    assert code == 1
    assert (
        f"{POINT_1}:2: error missing-field: `title` is missing; expected a line `title: ...` "
        "(the point's short title) (fix: add the `title` line; see the example in the docs for this kind of file)"
    ) in lines


def test_number_out_of_range_is_reported_at_its_line(kit):
    front = "title: Understand user needs\nsummary: Know your users.\nnumber: 16\nchecklist: [Users, Needs, Changes]\n"
    code, lines = check(kit({POINT_1: point_1(front)}))
    assert code == 1
    assert (
        f"{POINT_1}:4: error invalid-value: `number` is '16': this is more than 15; "
        "expected a whole number from 1 to 15 (fix: use a number from 1 to 15)"
    ) in lines
    # One mistake, one message: the file is point 1's by its name, so point 1 is not also "missing"
    assert not any("point 1 has no file" in line for line in lines)
    assert len([line for line in lines if ": error " in line]) == 1


def test_duplicate_number_names_both_files(kit):
    copy = (ROOT / "standard/2-have-a-multidisciplinary-team.md").read_text(encoding="utf-8")
    root = kit({"standard/2-copy.md": copy})
    code, lines = check(root)
    assert code == 1
    assert (
        "standard/2-have-a-multidisciplinary-team.md:2: error duplicate-point: point 2 is also defined in "
        "standard/2-copy.md; expected each number from 1 to 15 in exactly one file "
        "(fix: change the number in one of the two files, or delete the copy)"
    ) in lines


def test_malformed_yaml_is_reported_with_its_line(kit):
    front = "number: 1\ntitle: Understand user needs\nsummary: [unclosed\nrelated: [10]\n"
    code, lines = check(kit({POINT_1: point_1(front)}))
    assert code == 1
    syntax = [line for line in lines if "yaml-syntax" in line]
    assert len(syntax) == 1
    assert syntax[0].startswith(
        f"{POINT_1}:4: error yaml-syntax: the YAML cannot be read: the `[` on this line"
    )
    assert "is never closed with `]`" in syntax[0]
    assert "(fix: add `]` after the last entry, as in `summary: [first, second]`" in syntax[0]


def test_unknown_field_suggests_the_right_name(kit):
    front = "number: 1\ntitel: Understand user needs\nsummary: Know your users.\n"
    code, lines = check(kit({POINT_1: point_1(front)}))
    assert code == 1
    assert any(
        line.startswith(f"{POINT_1}:3: error unknown-field: `titel` is not a field")
        and "did you mean 'title'?" in line
        for line in lines
    )


def test_all_problems_in_all_files_are_reported_together(kit):
    root = kit(
        {
            POINT_1: point_1("number: 1\nsummary: Know your users.\n"),
            "standard/2-have-a-multidisciplinary-team.md": point_1("number: 99\ntitle: X\nsummary: Y\n"),
        }
    )
    code, lines = check(root)
    assert code == 1
    assert any(line.startswith(POINT_1) for line in lines)
    assert any(line.startswith("standard/2-have") for line in lines)
    assert lines[-1].startswith("Found ") and "errors" in lines[-1]


def test_a_warning_fails_only_a_strict_check(kit):
    original = (ROOT / POINT_1).read_text(encoding="utf-8")
    root = kit({POINT_1: None, "standard/1-users.md": original})
    code, lines = check(root)
    assert code == 0
    assert any("file-name-mismatch" in line and "1-understand-user-needs.md" in line for line in lines)
    strict = lgds("check", "--strict", "--root", str(root))
    assert strict.returncode == 1


def test_a_build_with_bad_content_fails_and_writes_no_site(kit, tmp_path):
    root = kit({POINT_1: point_1("number: 1\nsummary: Know your users.\n")})
    out = tmp_path / "out"
    result = mkdocs_build(root, out)
    assert result.returncode != 0
    assert f"{POINT_1}:2: error missing-field" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def site_yml(site_url: str) -> dict[str, str]:
    """site.yml with ``site_url`` set, and the line it is on."""
    text = (ROOT / "site.yml").read_text(encoding="utf-8")
    assert text.count("\nsite_url:\n") == 1
    return {"site.yml": text.replace("\nsite_url:\n", f"\nsite_url: {site_url}\n")}


def site_url_line() -> int:
    lines = (ROOT / "site.yml").read_text(encoding="utf-8").splitlines()
    return lines.index("site_url:") + 1


def test_a_site_address_without_https_is_reported_at_its_line_with_an_example(kit):
    code, lines = check(kit(site_yml("your-account.github.io/your-copy")))
    assert code == 1
    assert (
        f"site.yml:{site_url_line()}: error invalid-value: `site_url` is 'your-account.github.io/your-copy': "
        "this is not a web address starting with https:// or http://; expected a web address starting with "
        "https:// (fix: write it as `site_url: https://your-account.github.io/your-copy`)"
    ) in lines


def test_a_site_address_with_a_query_is_reported_at_its_line(kit):
    code, lines = check(kit(site_yml("https://your-account.github.io/your-copy/?page=1")))
    assert code == 1
    assert any(
        line.startswith(f"site.yml:{site_url_line()}: error invalid-value: `site_url`")
        and "cannot have a part after ? or #" in line
        for line in lines
    )


def test_a_site_address_without_its_last_slash_is_valid(kit):
    assert check(kit(site_yml("https://your-account.github.io/your-copy"))) == (0, ["All content is valid."])


def test_empty_quotes_in_site_yml_mean_not_set(kit):
    text = site_yml('""')["site.yml"].replace("\nrepo_url:\n", '\nrepo_url: ""\n')
    assert 'repo_url: ""' in text
    assert check(kit({"site.yml": text})) == (0, ["All content is valid."])


# --- Wording: every value a model rejects is explained in our words, never pydantic's ---

MODELS: dict[str, tuple[type, str, tuple]] = {
    "standard/1-users.md": (
        PointFrontMatter,
        "number: 1\ntitle: Users\nsummary: Know them.\nchecklist: [Research, Needs, Changes]\n",
        (),
    ),
    "data/signups/cmd.yml": (SignUp, "council: CMD\nsigned: 2017-03-14\n", ()),
    "peer-groups/north/group.yml": (GroupFile, "name: North\ncovers: [North East]\nstatus: forming\n", ()),
    "peer-groups/north/events/2027-02-10-meet.md": (
        EventFile,
        'title: Meet\ndate: 2027-02-10\nstart: "10:00"\nend: "12:00"\nstatus: planned\n',
        (),
    ),
    "franchise-kit/packs/intro/pack.yml": (
        PackFile,
        'title: Intro\nversion: "1.0"\nsummary: S\npoints: [1]\naudience: A\nduration: 10\n'
        "objectives: [Learn]\nrun_sheet:\n  - title: Welcome\n    minutes: 10\n",
        (),
    ),
    "franchise-kit/rounds.yml": (
        RoundEntry,
        "number: 1\ntheme: Start\nstarts: 2016-07\nends: 2016-12\npacks: [intro]\n",
        (0,),
    ),
    "site.yml": (Settings, "branch: main\n", ()),
}
"""A valid file of each kind, the model that checks it, and where in the file the model's data is.

The rounds file is a list of rounds; its text here is one round's fields, which ``messages`` makes the
list's first entry.
"""


def messages(path: str, text: str) -> list[str]:
    """What a contributor reads about ``text`` as the file at ``path``."""
    model, _, at = MODELS[path]
    if at:
        text = "- " + text.rstrip("\n").replace("\n", "\n  ") + "\n"
    problems = Problems()
    source = parse_yaml(text, path, problems)
    assert source is not None, [p.format() for p in problems]
    validate(model, source, problems, at)
    return [p.format() for p in problems]


def with_field(path: str, name: str, value: str) -> str:
    """The valid file at ``path`` with the field ``name`` set to ``value`` (YAML), replacing any it had."""
    kept, skipping = [], False
    for line in MODELS[path][1].splitlines():
        if line.startswith(f"{name}:"):
            skipping = True
        elif not (skipping and line.startswith("  ")):
            skipping = False
            kept.append(line)
    return "\n".join(kept) + f"\n{name}: {value}\n"


GROUP_FILE = "peer-groups/north/group.yml"
EVENT_FILE = "peer-groups/north/events/2027-02-10-meet.md"
PACK_FILE = "franchise-kit/packs/intro/pack.yml"
SIGNUP_FILE = "data/signups/cmd.yml"

WORDING = [
    (
        "slug with capitals and spaces, with the slug to use",
        "site.yml",
        "branch: main\ngroup: South West\n",
        "site.yml:2: error invalid-value: `group` is 'South West': a slug cannot have capital letters or spaces; "
        "expected a slug: lower-case letters, digits and single hyphens, like `south-west` "
        "(fix: write it as `group: south-west`)",
    ),
    (
        "slug in a list, named by its position in words",
        EVENT_FILE,
        with_field(EVENT_FILE, "packs", "[show-and-tell, peer--review]"),
        f"{EVENT_FILE}:6: error invalid-value: the second entry of `packs` is 'peer--review': a slug cannot have "
        "two hyphens together; expected a slug: lower-case letters, digits and single hyphens, like `south-west` "
        "(fix: write it as `peer-review`)",
    ),
    (
        "a choice from a list, none close",
        EVENT_FILE,
        with_field(EVENT_FILE, "status", "done"),
        f"{EVENT_FILE}:5: error invalid-value: `status` is 'done': this is not one of the choices; expected one of: "
        "planned, confirmed, postponed, cancelled (fix: write one of them exactly as shown, for example "
        "`status: planned`)",
    ),
    (
        "a number with a fraction",
        "standard/1-users.md",
        "number: 1.5\ntitle: Users\nsummary: Know them.\n",
        "standard/1-users.md:1: error invalid-value: `number` is '1.5': this is not a whole number; "
        "expected a whole number from 1 to 15 (fix: write it like `number: 1`)",
    ),
    (
        "a number below the least allowed",
        EVENT_FILE,
        with_field(EVENT_FILE, "sequence", "-1"),
        f"{EVENT_FILE}:6: error invalid-value: `sequence` is '-1': this is less than 0; "
        "expected a whole number, 0 or more (fix: use 0 or more)",
    ),
    (
        "text that YAML reads as a number",
        EVENT_FILE,
        with_field(EVENT_FILE, "title", "2027"),
        f"{EVENT_FILE}:5: error invalid-value: `title` is '2027': YAML reads this as a number, not as text; "
        'expected text (fix: put it in quotes: `title: "2027"`)',
    ),
    (
        "a list where text goes",
        "standard/1-users.md",
        "number: 1\ntitle: [Users, needs]\nsummary: Know them.\n",
        "standard/1-users.md:2: error invalid-value: `title` is a list: this must be one piece of text, not a "
        "list; expected text: the point's short title (fix: write it like `title: Understand user needs`)",
    ),
    (
        "empty text",
        "franchise-kit/rounds.yml",
        "number: 1\ntheme: ''\nstarts: 2016-07\nends: 2016-12\n",
        "franchise-kit/rounds.yml:2: error invalid-value: `theme` in the first entry is '': this is empty; "
        "expected some text (fix: write the text after `theme:`, on the same line)",
    ),
    (
        "an empty list that needs an entry",
        GROUP_FILE,
        with_field(GROUP_FILE, "covers", "[]"),
        f"{GROUP_FILE}:3: error invalid-value: `covers` is an empty list: the list has no entries; "
        "expected at least one entry (fix: write it like `covers: [London]`)",
    ),
    (
        "text that is too long",
        SIGNUP_FILE,
        with_field(SIGNUP_FILE, "note", "x" * 300),
        f"{SIGNUP_FILE}:3: error invalid-value: `note` is '{'x' * 57}...': this is 300 characters long; "
        "expected at most 280 characters (fix: shorten it to 280 characters or fewer)",
    ),
    (
        "a name where a person's fields go",
        GROUP_FILE,
        with_field(GROUP_FILE, "facilitators", "[Sam Jones]"),
        f"{GROUP_FILE}:4: error invalid-value: the first entry of `facilitators` is 'Sam Jones': this must be a "
        "set of named fields; expected named fields, each on its own line: name, organisation (fix: start the "
        "entry with `- name: ...` and put each other field on its own line below, lined up with `name`)",
    ),
    (
        "a field missing inside a list entry",
        GROUP_FILE,
        with_field(GROUP_FILE, "facilitators", "[{name: Sam Jones}]"),
        f"{GROUP_FILE}:4: error missing-field: `organisation` in the first entry of `facilitators` is missing; "
        "expected a line `organisation: ...` "
        "(fix: add the `organisation` line; see the example in the docs for this kind of file)",
    ),
    (
        "an unknown field inside a list entry",
        PACK_FILE,
        MODELS[PACK_FILE][1] + "    note: x\n",
        f"{PACK_FILE}:11: error unknown-field: `note` in the first entry of `run_sheet` is not a field these entries "
        "can have; expected one of: title, minutes, file (fix: remove the line, or check its spelling)",
    ),
    (
        "a field missing inside a field",
        EVENT_FILE,
        with_field(EVENT_FILE, "venue", "{address: 1 High Street}"),
        f"{EVENT_FILE}:6: error missing-field: `venue.name` is missing; expected a line `name: ...` "
        "(fix: add the `name` line; see the example in the docs for this kind of file)",
    ),
    (
        "a list where named fields go",
        PACK_FILE,
        MODELS[PACK_FILE][1] + "based_on:\n  pack: intro\n  version: '1.0'\n  fingerprints: [a]\n",
        f"{PACK_FILE}:14: error invalid-value: `based_on.fingerprints` is a list: this must be a set of named "
        "fields; expected named fields, each on its own line (fix: put each field on its own line below "
        "`fingerprints:`, indented by two spaces, like `name: ...`)",
    ),
    (
        "neither a web address nor an email address: one problem, not one for each",
        GROUP_FILE,
        with_field(GROUP_FILE, "contact", "group at example.org"),
        f"{GROUP_FILE}:4: error invalid-value: `contact` is 'group at example.org': this is neither a web address "
        "nor an email address; expected a web address starting with https:// or an "
        "email address (fix: write it like `contact: https://www.example.gov.uk/digital` or "
        "`contact: group@example.org`)",
    ),
    (
        "a number where a web address goes",
        GROUP_FILE,
        with_field(GROUP_FILE, "join", "1.5"),
        f"{GROUP_FILE}:4: error invalid-value: `join` is '1.5': YAML reads this as a number, which is not a web "
        "address; expected a web address starting with https:// "
        "(fix: write it like `join: https://www.example.gov.uk/digital`)",
    ),
    (
        "text not in the form its field needs",
        PACK_FILE,
        MODELS[PACK_FILE][1].replace('version: "1.0"', 'version: "1.0.2"'),
        f"{PACK_FILE}:2: error invalid-value: `version` is '1.0.2': this is not written in the right form; "
        'expected MAJOR.MINOR, quoted (fix: write it like `version: "1.0"`)',
    ),
    (
        "a time YAML reads as a number",
        EVENT_FILE,
        MODELS[EVENT_FILE][1].replace('start: "10:00"', "start: 9.30"),
        f"{EVENT_FILE}:3: error invalid-value: `start` is '9.3': this is not a 24-hour time written as HH:MM; "
        'expected a 24-hour time written HH:MM, in quotes (fix: write it like `start: "10:00"`)',
    ),
]


@pytest.mark.parametrize(("path", "text", "line"), [pytest.param(*row[1:], id=row[0]) for row in WORDING])
def test_each_kind_of_wrong_value_is_explained_in_plain_words(path, text, line):
    assert line in messages(path, text)


PYDANTIC = re.compile(
    r"[Ii]nput should|[Ss]tring should|should (have|match|be)|type=|_type\b|dictionary|instance of|"
    r"after validation|unable to|[Ff]ield required|Value error|pattern|constrained|function-"
)
LIST_INDEX = re.compile(r"`\d+\.|`[^`\s]*\.\d+[.`]")
WRONG = [
    "one",
    "1.5",
    "-1",
    "0",
    "99999",
    "true",
    "[1, x]",
    "{a: 1}",
    "''",
    "<b>bold</b>",
    "2027-02-30",
    "'25:00'",
    "javascript:alert(1)",
    "Not A Slug",
    "[]",
    "[{a: 1}]",
    "x" * 300,
]
"""Wrong types and values of every sort: words for numbers, lists for text, impossible days and times."""


@pytest.mark.parametrize("path", list(MODELS))
def test_no_message_shows_pydantic_wording_or_a_list_index(path):
    model = MODELS[path][0]
    seen = 0
    for name in model.model_fields:
        for value in WRONG:
            for line in messages(path, with_field(path, name, value)):
                seen += 1
                assert not PYDANTIC.search(line), line
                assert not LIST_INDEX.search(line), line
                assert "; expected " in line and "(fix: " in line and not line.endswith("(fix: )"), line
    assert seen > 50


REGISTER_ROW = (
    "ABD,Aberdeenshire Council,Aberdeenshire,,,Scotland,,scottish,S12000034,57.2411,-2.6320,2005-06-18,,"
)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            ",scottish,",
            ",borough,",
            "the row for ABD has a bad `type`: this is not one of the choices; expected one of: county, district, "
            "unitary, metropolitan, london-borough, city-of-london, scottish, welsh, ni-district",
        ),
        (
            "57.2411",
            "north",
            "the row for ABD has a bad `lat`: this is not a number; expected a number, written in figures",
        ),
        (
            "57.2411",
            "-2.2",  # the longitude written in the latitude's place
            "the row for ABD has a bad `lat`: this is less than 49; expected a number from 49 to 61",
        ),
        (
            "2005-06-18",
            "2005-02-30",
            "the row for ABD has a bad `start_date`: there is no 30 February 2005: February 2005 has 28 days; "
            "expected a day that exists in the calendar, written YYYY-MM-DD",
        ),
    ],
)
def test_a_bad_register_row_is_explained_in_plain_words(kit, old, new, message):
    text = (ROOT / "data/councils.csv").read_text(encoding="utf-8")
    line = text.splitlines().index(REGISTER_ROW) + 1
    root = kit({"data/councils.csv": text.replace(REGISTER_ROW, REGISTER_ROW.replace(old, new))})
    _, problems = load_site(root)
    assert (
        f"data/councils.csv:{line}: error register-row: {message} (fix: correct the value in this row)"
        in [p.format() for p in problems]
    )
