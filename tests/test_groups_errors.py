"""Bad group files and settings: unknown regions and groups, with their line and a suggestion."""

from __future__ import annotations

from lgds.load import load_site


def test_unknown_region_suggests_the_spelling(kit):
    root = kit(
        {
            "peer-groups/north/group.yml": "name: North peer group\ncovers:\n  - North East\n  - Yorkshire\nstatus: forming\n"
        }
    )
    _, problems = load_site(root)
    assert [p.format() for p in problems] == [
        "peer-groups/north/group.yml:4: error unknown-region: `Yorkshire` is not an English region or a nation; "
        "expected one of: North East, North West, Yorkshire and The Humber, East Midlands, West Midlands, "
        "East of England, London, South East, South West, Scotland, Wales, Northern Ireland "
        "(fix: did you mean 'Yorkshire and The Humber'?)"
    ]


def test_region_in_the_wrong_case(kit):
    root = kit({"peer-groups/north/group.yml": "name: North\ncovers: [north east]\nstatus: forming\n"})
    _, problems = load_site(root)
    (problem,) = problems
    assert problem.line == 2 and problem.fix == "write it exactly as `North East`"


def test_site_settings_naming_an_unknown_group(kit):
    root = kit({"site.yml": "# a fork\ngroup: londom\n"})
    _, problems = load_site(root)
    (problem,) = problems
    assert problem.format().startswith("site.yml:2: error unknown-group: there is no peer group `londom`")
    assert "did you mean 'london'" in problem.fix
