"""An example of each kind of problem for the error reference: the values its message is filled with.

The reference shows every message as a contributor would read it, so each kind's ``{placeholders}``
need believable values. ``tests/test_reader_pages.py`` checks every kind in the catalogue has an
example here and that no placeholder is left unfilled. The file and line say where such a problem
would be reported.
"""

from __future__ import annotations

from lgds.sitewide.example import Example
from lgds.sitewide.examples_files import FILE_EXAMPLES
from lgds.sitewide.examples_network import NETWORK_EXAMPLES
from lgds.sitewide.examples_reviews import REVIEW_EXAMPLES

EVENT = "peer-groups/midlands/events/2027-03-10-show-and-tell.md"
PACK = "franchise-kit/packs/one-point-in-depth/pack.yml"
VARIANT = "peer-groups/south/packs/one-point-in-depth/pack.yml"
SIGNUP = "data/signups/cmd.yml"

EXAMPLES: dict[str, Example] = {
    "no-register": Example("data/councils.csv", 0),
    "register-columns": Example("data/councils.csv", 1, {"found": "code,name,nation,region"}),
    "register-row": Example(
        "data/councils.csv",
        42,
        {
            "code": "CMD",
            "column": "nation",
            "reason": "'Englnd' is not a nation",
            "wanted": "England, Scotland, Wales or Northern Ireland",
        },
    ),
    "duplicate-council": Example("data/councils.csv", 120, {"code": "CMD", "first": "42"}),
    "unknown-successor": Example(
        "data/councils.csv",
        97,
        {"code": "DOR", "successor": "DTS", "suggestion": "did you mean 'DST'?"},
    ),
    "no-hexmap": Example("data/hexmap.csv", 0),
    "hexmap-columns": Example("data/hexmap.csv", 1, {"found": "code,x,y"}),
    "hexmap-row": Example(
        "data/hexmap.csv",
        12,
        {
            "code": "CMD",
            "column": "row",
            "reason": "'twelve' is not a whole number",
            "wanted": "a whole number",
        },
    ),
    "hexmap-unknown-council": Example(
        "data/hexmap.csv",
        30,
        {"code": "CMX", "why": "", "nearest": " (did you mean 'CMD'?)"},
    ),
    "hexmap-duplicate-council": Example("data/hexmap.csv", 88, {"code": "CMD", "first": "12"}),
    "hexmap-same-cell": Example(
        "data/hexmap.csv",
        13,
        {"code": "ISL", "other": "CMD", "first": "12", "col": "24", "row": "30"},
    ),
    "hexmap-missing-council": Example(
        "data/hexmap.csv", 0, {"council": "London Borough of Camden", "code": "CMD"}
    ),
    "signup-unknown-council": Example(SIGNUP, 1, {"code": "CMX", "suggestion": "did you mean 'CMD'?"}),
    "signup-duplicate": Example(
        "data/signups/cmd-2.yml", 1, {"council": "London Borough of Camden", "first": SIGNUP}
    ),
    "signup-future-date": Example(SIGNUP, 2, {"signed": "2031-03-14", "today": "2027-01-20"}),
    "signup-before-standard": Example(SIGNUP, 2, {"signed": "2015-03-14"}),
    "signup-after-abolition": Example(
        "data/signups/dor.yml",
        2,
        {
            "council": "Dorset County Council",
            "end": "2019-03-31",
            "signed": "2019-06-01",
            "replaced_by": "Dorset Council",
        },
    ),
    "signup-before-council": Example(
        "data/signups/dst.yml",
        2,
        {"council": "Dorset Council", "start": "2019-04-01", "signed": "2018-11-20"},
    ),
    "unknown-region": Example(
        "peer-groups/north-east/group.yml",
        3,
        {
            "value": "North-East",
            "areas": "East Midlands, East of England, London, North East, North West, South East, "
            "South West, West Midlands, Yorkshire and the Humber, Scotland, Wales, Northern Ireland",
            "suggestion": "did you mean 'North East'?",
        },
    ),
    "unknown-group": Example(
        "site.yml",
        5,
        {
            "value": "midland",
            "groups": "london, midlands, south-west, south, yorkshire-and-humber",
            "suggestion": "did you mean 'midlands'?",
        },
    ),
    "bad-group-folder": Example(
        "peer-groups/North East/group.yml", 1, {"value": "North East", "suggestion": "north-east"}
    ),
    "bad-event-file-name": Example(
        "peer-groups/midlands/events/show-and-tell.md", 1, {"name": "show-and-tell.md"}
    ),
    "end-before-start": Example(EVENT, 5, {"start": "14:00", "end": "12:30"}),
    "missing-times": Example(EVENT, 3, {"missing": "end"}),
    "no-venue-or-online": Example(EVENT, 2),
    "time-does-not-exist": Example(EVENT, 4, {"time": "01:30", "day": "28 March 2027"}),
    "unknown-council": Example(EVENT, 9, {"value": "CMX", "suggestion": "did you mean 'CMD'?"}),
    "council-not-yet": Example(
        "peer-groups/south-west/events/2018-10-04-standard-in-practice.md",
        9,
        {"name": "Somerset Council", "code": "SMT", "began": "1 April 2023"},
    ),
    "council-not-current": Example(
        EVENT,
        9,
        {
            "name": "Northamptonshire County Council",
            "code": "NTH",
            "ended": "31 March 2021",
            "suggestion": "use the council that replaced it: `NNT` (North Northamptonshire) or `WNT` "
            "(West Northamptonshire)",
        },
    ),
    "cancelled-with-booking": Example(EVENT, 12),
    "unknown-round": Example(EVENT, 10, {"value": "9", "rounds": "1, 2, 3, 4"}),
    "unknown-pack": Example(
        EVENT,
        11,
        {"value": "one-point-indepth", "suggestion": "did you mean 'one-point-in-depth'?"},
    ),
    "pack-duration": Example(
        PACK,
        6,
        {
            "total": "150",
            "duration": "120",
            "fix": "set `duration: 150`, or take 30 minutes from the run sheet's activities",
        },
    ),
    "pack-missing-file": Example(
        PACK,
        14,
        {
            "field": "handouts.0.file",
            "file": "handouts/checklist.md",
            "folder": "franchise-kit/packs/one-point-in-depth",
            "hint": "did you mean 'handouts/what-to-show.md'?",
        },
    ),
    "pack-missing-notes": Example(PACK, 1, {"folder": "franchise-kit/packs/one-point-in-depth"}),
    "pack-unknown-point": Example(PACK, 8, {"point": "16", "count": "15"}),
    "round-unknown-pack": Example(
        "franchise-kit/rounds.yml",
        9,
        {"number": "3", "pack": "peer-reveiw", "hint": "did you mean 'peer-review'?"},
    ),
    "round-duplicate": Example("franchise-kit/rounds.yml", 14, {"number": "3"}),
    "variant-unknown-parent": Example(
        VARIANT, 3, {"parent": "one-point-indepth", "hint": "did you mean 'one-point-in-depth'?"}
    ),
    "variant-cycle": Example(
        VARIANT, 3, {"chain": "south/one-point-in-depth, then midlands/one-point-in-depth, then back"}
    ),
    "variant-behind": Example(
        VARIANT,
        4,
        {
            "parent": "one-point-in-depth",
            "old": "1.0",
            "new": "1.1",
            "changes": "a new activity, and the notes changed",
            "group": "south",
        },
    ),
    "rounds-not-a-list": Example("franchise-kit/rounds.yml", 1),
    "owner-not-set": Example(
        "site.yml",
        35,
        {
            "field": "contact_email",
            "why": "is an example address that reaches nobody",
            "example": "peer-group@your-council.gov.uk",
        },
    ),
    "duplicate-point": Example(
        "standard/3-agile.md", 2, {"number": "3", "other": "standard/3-use-agile-methods.md"}
    ),
    "missing-point": Example("standard", 0, {"number": "7"}),
    "file-name-mismatch": Example("standard/7-open-standards.md", 3, {"wanted": "7-use-open-standards.md"}),
    "missing-section": Example(
        "standard/4-iterate-and-improve-regularly.md",
        20,
        {"section": "Questions a peer reviewer might ask"},
    ),
    "bad-related-point": Example(
        "standard/4-iterate-and-improve-regularly.md", 5, {"number": "4", "why": "is this point itself"}
    ),
    "guidance-not-https": Example(
        "standard/1-understand-user-needs.md",
        21,
        {"url": "http://digitalpublicservices.gov.wales/resources/digital-service-standards/"},
    ),
    "no-gov-uk-guidance": Example("standard/5-evaluate-appropriate-tools-and-systems.md", 12),
    "signup-file-name": Example(
        "data/signups/camden.yml",
        1,
        {"name": "camden.yml", "council": "London Borough of Camden", "wanted": "cmd.yml"},
    ),
    "signup-ignored-file": Example(
        "data/signups/notes.txt",
        0,
        {
            "what": "file",
            "fix": "rename it to `notes.yml`: sign-ups are read only from files whose names end in `.yml`",
        },
    ),
    "pack-file-outside": Example(
        PACK,
        14,
        {
            "field": "handouts.0.file",
            "file": "../../../site.yml",
            "reason": "which is outside the pack's folder",
        },
    ),
    "pack-folder-without-pack": Example("franchise-kit/packs/stray", 0),
    **FILE_EXAMPLES,
    **REVIEW_EXAMPLES,
    **NETWORK_EXAMPLES,
}
"""Each code's example."""
