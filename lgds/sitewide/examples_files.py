"""Examples for the kinds of problem any file can have: how it is read, its links, its place in the
site, and the build's own settings. The error reference shows each filled in (see ``examples``)."""

from __future__ import annotations

from lgds.sitewide.example import Example

EVENT = "peer-groups/midlands/events/2027-03-10-show-and-tell.md"
PACK = "franchise-kit/packs/one-point-in-depth/pack.yml"
SIGNUP = "data/signups/cmd.yml"

FILE_EXAMPLES: dict[str, Example] = {
    "yaml-syntax": Example(
        "peer-groups/midlands/group.yml",
        4,
        {
            "detail": "the value has `: ` in it, which YAML reads as the start of another field",
            "fix": 'put the whole value in double quotes: `name: "Midlands: the peer group"`',
        },
    ),
    "not-a-mapping": Example(SIGNUP, 1, {"found": "a list"}),
    "no-front-matter": Example("standard/3-use-agile-methods.md", 1),
    "unclosed-front-matter": Example(EVENT, 1),
    "not-utf8": Example("data/councils.csv", 1, {"detail": "byte 0xe9 at position 311 is not valid UTF-8"}),
    "missing-field": Example(
        EVENT, 2, {"field": "`date`", "name": "date", "about": " (the day, YYYY-MM-DD)"}
    ),
    "unknown-field": Example(
        EVENT,
        7,
        {
            "field": "`venu`",
            "holder": "this file",
            "allowed": "title, date, approximate_date, start, end, venue, online, host, round, packs, points, "
            "booking, status, sequence, example",
            "suggestion": "did you mean 'venue'?",
        },
    ),
    "invalid-value": Example(
        EVENT,
        3,
        {
            "field": "`date`",
            "value": "'2027-02-30'",
            "reason": "there is no 30 February 2027: February 2027 has 28 days",
            "wanted": "a day that exists in the calendar, written YYYY-MM-DD",
            "hint": "write it like `date: 2027-02-10`",
        },
    ),
    "unknown-block": Example(
        "docs/index.md",
        12,
        {
            "name": "next-event",
            "names": "accessibility-contact, accessibility-testing, fork-home, kit-link, next-events, "
            "peer-groups-link, points-count, signup-headline, site-owner",
            "suggestion": "did you mean 'next-events'?",
        },
    ),
    "symbolic-link": Example("peer-groups/midlands/index.md", 0),
    "not-a-file": Example("peer-groups/midlands/events/queue", 0),
    "file-too-big": Example("data/signups/cmd.yml", 1, {"limit": "1 MB"}),
    "yaml-too-long": Example(PACK, 1, {"size": "70,412", "limit": "65,536"}),
    "yaml-too-big": Example(PACK, 12, {"detail": "the fields are nested more than 20 levels deep"}),
    "control-character": Example(
        "docs/contribute.md", 14, {"name": "U+0007", "more": "; the file has 2 of them"}
    ),
    "csv-cell-too-long": Example("data/councils.csv", 57, {"limit": "10,000"}),
    "text-cut-by-comment": Example(
        "peer-groups/london/group.yml",
        1,
        {
            "name": "`name`",
            "kept": "London peer group",
            "rest": "2 in the city",
            "quoted": 'name: "London peer group #2 in the city"',
        },
    ),
    "unsafe-markup": Example(
        "docs/about.md",
        34,
        {
            "what": "a <script> element, with what is inside it",
            "fix": "take out the <script>; to show it as text, put it in backticks like `<script>`",
        },
    ),
    "broken-link": Example(
        "docs/about.md",
        34,
        {
            "url": "franchise-kit/packs/no-such-pack/index.md",
            "target": "franchise-kit/packs/no-such-pack/index.md",
            "hint": "check the name against the list of packs on the franchise kit's page",
        },
    ),
    "unreadable-link": Example("docs/about.md", 34, {"url": "http://[bad", "why": "invalid ipv6 url"}),
    "broken-section-link": Example(
        "docs/about.md",
        36,
        {
            "url": "standard/1-understand-user-needs.md#why-it-matter",
            "anchor": "why-it-matter",
            "target": "standard/1-understand-user-needs.md",
            "some": "why-it-matters, what-it-means-for-a-council, what-to-show-at-each-phase",
            "hint": "did you mean 'why-it-matters'?",
        },
    ),
    "page-replaced": Example("docs/councils/cmd.md", 1, {"what": "page", "address": "councils/cmd/"}),
    "same-page": Example("docs/guide/README.md", 1, {"other": "docs/guide/index.md", "address": "guide/"}),
    "nav-missing-page": Example(
        "mkdocs.yml",
        80,
        {"entry": "acessibility.md", "hint": "did you mean 'accessibility.md'?"},
    ),
    "template-syntax": Example(
        "overrides/councils/council.md",
        12,
        {
            "detail": "Unexpected end of template. Jinja was looking for the following tags: 'elif' or "
            "'else' or 'endif'",
            "original": "councils/templates/council.md",
        },
    ),
    "misspelt-file-name": Example(
        "site.yaml",
        0,
        {"wanted": "site.yml", "name": "site.yaml", "fix": "copy what it says into `site.yml` and remove it"},
    ),
    "unread-file": Example(
        "peer-groups/midlands/events/notes.txt",
        0,
        {
            "what": "file",
            "effect": "nothing in it is published or checked",
            "expected": "one Markdown file per event, named like `2027-02-10-reviewing-a-service.md`",
            "fix": "rename it to end in `.md` if it is an event, or move it out of the events folder",
        },
    ),
    "unpublished-file": Example("standard/photo.png", 0, {"folder": "standard"}),
    "bad-source-date-epoch": Example(
        "SOURCE_DATE_EPOCH", 0, {"value": "'yesterday'", "reason": "this is not a whole number"}
    ),
}
