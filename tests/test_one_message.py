"""One mistake gives one message, and one run reports every mistake in a file.

A file that cannot be loaded is reported at its line; the files that refer to it (events naming a
broken group or pack, packs covering a point whose file is wrong, sign-ups naming a council whose row
in the register is wrong) stay quiet about it. And a file with a wrong field still has its other
fields checked in the same run, so a contributor is not sent back once for each problem.
"""

from __future__ import annotations

from datetime import date

from lgds.load import load_site

from .conftest import ROOT

TODAY = date(2026, 11, 23)
GROUP = "peer-groups/london/group.yml"
EVENT = "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"
POINT = "standard/3-use-agile-methods.md"
PACK = "franchise-kit/packs/show-and-tell/pack.yml"
ROUNDS = "franchise-kit/rounds.yml"
SIGNUP = "data/signups/bir.yml"
REGISTER = "data/councils.csv"


def text(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def errors(root) -> list[str]:
    _, problems = load_site(root, today=TODAY)
    return [p.format() for p in problems.errors]


def test_a_broken_group_file_is_one_message_not_one_per_event(kit):
    found = errors(kit({GROUP: text(GROUP).replace("covers: [London]", "covers: [London")}))
    assert len(found) == 1, found
    assert found[0].startswith(f"{GROUP}:2: error yaml-syntax:")


def test_a_group_file_with_a_wrong_field_is_one_message_and_its_other_fields_are_still_checked(kit):
    changed = text(GROUP).replace('started: "2016-07"', 'started: "2016-13"').replace("[London]", "[Londn]")
    found = errors(kit({GROUP: changed, "site.yml": text("site.yml").replace("group:\n", "group: london\n")}))
    assert [line.split(": error ")[1].split(":")[0] for line in found] == ["unknown-region", "invalid-value"]
    assert all(line.startswith(GROUP) for line in found)


def test_a_group_folder_without_a_group_file_is_one_message_at_its_first_event(kit):
    root = kit({GROUP: None})
    found = errors(root)
    events = sorted(p.name for p in (root / "peer-groups/london/events").glob("*.md"))
    assert len(events) > 1
    assert len(found) == 1, found
    assert found[0].startswith(
        f"peer-groups/london/events/{events[0]}:1: error unknown-group: there is no peer group `london`; "
        "expected the folder name of a group under peer-groups/ that has a group.yml: "
    )
    assert found[0].endswith('(fix: start the group first with `lgds new-group "NAME" --region REGION`)')


def test_a_group_folder_with_only_packs_is_one_message_at_its_first_pack(kit):
    found = errors(kit({"peer-groups/midlands/group.yml": None, "peer-groups/midlands/events": None}))
    assert len(found) == 1, found
    assert found[0].startswith(
        "peer-groups/midlands/packs/introducing-the-standard/pack.yml:1: error unknown-group"
    )


def test_a_point_with_a_missing_field_is_one_message_not_one_per_pack(kit):
    covering = [
        p for p in (ROOT / "franchise-kit/packs").glob("*/pack.yml") if "3" in text(str(p.relative_to(ROOT)))
    ]
    assert covering
    found = errors(
        kit({POINT: "\n".join(x for x in text(POINT).split("\n") if not x.startswith("summary:"))})
    )
    assert len(found) == 1, found
    assert found[0].startswith(f"{POINT}:2: error missing-field: `summary` is missing")


def test_a_point_file_that_cannot_be_read_is_not_also_missing(kit):
    found = errors(kit({POINT: text(POINT).replace("number: 3", "number: [3")}))
    assert len(found) == 1, found
    assert "yaml-syntax" in found[0]


def test_a_broken_pack_is_one_message_not_one_per_event_or_round(kit):
    found = errors(kit({PACK: text(PACK).replace("duration: 90", "duration: ninety")}))
    assert len(found) == 1, found
    assert found[0].startswith(f"{PACK}:6: error invalid-value: `duration` is 'ninety'")


def test_a_broken_parent_pack_is_one_message_not_one_per_variant(kit):
    parent = "franchise-kit/packs/introducing-the-standard/pack.yml"
    found = errors(kit({parent: text(parent).replace("title: Introducing", "title:\n  - Introducing")}))
    assert len(found) == 1, found
    assert found[0].startswith(f"{parent}:1: error invalid-value")


def test_a_broken_round_is_one_message_not_one_per_event(kit):
    found = errors(kit({ROUNDS: text(ROUNDS).replace("  theme: Reviewing services together\n", "")}))
    assert len(found) == 1, found
    assert found[0].startswith(f"{ROUNDS}:15: error missing-field: `theme` in the third entry is missing")


def test_a_bad_row_in_the_register_is_one_message(kit):
    register = text(REGISTER)
    row = next(line for line in register.split("\n") if line.startswith("BIR,"))
    broken = row.replace(",England,", ",Englnd,")
    found = errors(kit({REGISTER: register.replace(row, broken)}))
    assert len(found) == 1, found
    assert found[0].startswith(f"{REGISTER}:") and "BIR" in found[0]


def test_independent_problems_in_an_event_are_all_reported_in_one_run(kit):
    changed = (
        text(EVENT)
        .replace("status: confirmed", "status: sure")
        .replace("host: CMD", "host: XYZ")
        .replace("show-and-tell]", "show-and-tel]")
        .replace('end: "13:00"', 'end: "09:00"')
        .replace("round: 3", "round: 99")
    )
    codes = [line.split(" error ")[1].split(":")[0] for line in errors(kit({EVENT: changed}))]
    assert sorted(codes) == [
        "end-before-start",
        "invalid-value",
        "unknown-council",
        "unknown-pack",
        "unknown-round",
    ]


def test_checks_that_need_a_wrong_field_stay_quiet_about_it(kit):
    changed = (
        text(EVENT).replace("date: 2027-02-10", "date: 2027-02-30").replace('start: "10:00"', "start: soon")
    )
    found = errors(kit({EVENT: changed}))
    assert [line.split(" error ")[1].split(":")[0] for line in found] == ["invalid-value", "invalid-value"]


def test_independent_problems_in_a_pack_are_all_reported_in_one_run(kit):
    folder = "franchise-kit/packs/show-and-tell"
    changed = (
        text(PACK)
        .replace("title: Show and tell", "title: Show <b>and</b> tell")
        .replace("duration: 90", "duration: 95")
    )
    found = errors(kit({PACK: changed, f"{folder}/notes.md": None}))
    codes = sorted(line.split(" error ")[1].split(":")[0] for line in found)
    assert codes == ["invalid-value", "pack-duration", "pack-missing-notes"]


def test_independent_problems_in_a_point_are_all_reported_in_one_run(kit):
    changed = (
        text(POINT)
        .replace("number: 3", "number: three")
        .replace("## Why it matters", "## Why it mattered")
        .replace("related: [", "related: [99, ")
    )
    codes = sorted(line.split(" error ")[1].split(":")[0] for line in errors(kit({POINT: changed})))
    assert codes == ["invalid-value", "missing-section"], "bad-related-point needs the point's own number"


def test_independent_problems_in_a_sign_up_are_all_reported_in_one_run(kit):
    found = errors(kit({SIGNUP: "council: XYZ\nsigned: 2017-02-30\n"}))
    codes = sorted(line.split(" error ")[1].split(":")[0] for line in found)
    assert codes == ["invalid-value", "signup-unknown-council"]


def test_a_link_to_the_page_of_a_file_that_failed_is_not_a_second_message(kit):
    links = "\n[Point 3](standard/3-use-agile-methods.md) [London](peer-groups/london/index.md)\n"
    about = text("docs/about.md") + links
    point = "\n".join(x for x in text(POINT).split("\n") if not x.startswith("summary:"))
    group = text(GROUP).replace('started: "2016-07"', 'started: "2016-13"')
    found = errors(kit({"docs/about.md": about, POINT: point, GROUP: group}))
    assert sorted(line.split(":")[0] for line in found) == [GROUP, POINT], found


def test_the_text_of_a_file_whose_front_matter_cannot_be_read_is_still_checked(kit):
    point = text(POINT).replace("number: 3", "number: [3").replace("## Why it matters", "## Why")
    event = text(EVENT).replace("status: confirmed", "status confirmed") + "\n[Gone](../gone.md)\n"
    found = errors(kit({POINT: point, EVENT: event}))
    codes = sorted((line.split(":")[0], line.split(" error ")[1].split(":")[0]) for line in found)
    assert codes == [
        (EVENT, "broken-link"),
        (EVENT, "yaml-syntax"),
        (POINT, "missing-section"),
        (POINT, "yaml-syntax"),
    ], found
