"""Files the kit would ignore are reported, not silently dropped or published unchecked."""

from __future__ import annotations

from datetime import date

import pytest

from lgds.load import load_site

from .conftest import ROOT

EVENT = "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"
SIGNUP = "council: CMD\nsigned: 2017-03-14\n"


def text(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


def problems_in(root) -> list[str]:
    _, problems = load_site(root, today=date(2026, 11, 23))
    return [p.format() for p in problems if p.severity != "notice"]


IGNORED = [
    pytest.param(
        {"data/signups/cmd.yaml": SIGNUP},
        "data/signups/cmd.yaml: error signup-ignored-file: the kit never reads this file, so nothing in it is "
        "published or checked; expected one file per council in data/signups/, named after its code in lower "
        "case, like `cmd.yml` (fix: rename it to `cmd.yml`: sign-ups are read only from files whose names end "
        "in `.yml`)",
        id="sign-up-saved-as-yaml",
    ),
    pytest.param(
        {"data/signups/camden.yml": SIGNUP},
        "data/signups/camden.yml:1: error signup-file-name: the file is called `camden.yml`, but it is the "
        "sign-up of London Borough of Camden (CMD); expected each sign-up named after its council's code in "
        "lower case, so each council has one file (fix: rename the file to data/signups/cmd.yml, or correct "
        "`council` if the file is about another council)",
        id="sign-up-not-named-after-its-council",
    ),
    pytest.param(
        {"data/signups/2017/cmd.yml": SIGNUP},
        "data/signups/2017: error signup-ignored-file: the kit never reads this folder",
        id="sign-ups-in-a-folder",
    ),
    pytest.param(
        {EVENT.replace(".md", ".MD"): text(EVENT), EVENT: None},
        f"{EVENT.replace('.md', '.MD')}: error unread-file: the kit never reads this file, so it is not "
        "published or checked: the kit reads only Markdown files ending in `.md`; expected a name ending in "
        "`.md`, in lower case (fix: rename it to `2027-02-10-reviewing-a-service-together.md`)",
        id="event-saved-as-MD",
    ),
    pytest.param(
        {EVENT.replace(".md", ".markdown"): text(EVENT), EVENT: None},
        f"{EVENT.replace('.md', '.markdown')}: error unread-file",
        id="event-saved-as-markdown",
    ),
    pytest.param(
        {EVENT.replace("events/", "events/2027/"): text(EVENT), EVENT: None},
        "peer-groups/london/events/2027: error unread-file: the kit never reads this folder, so no event in it "
        "is published or checked; expected each event as a file directly in events/",
        id="events-in-a-folder",
    ),
    pytest.param(
        {"peer-groups/london/events/agenda.docx": b"PK\x03\x04"},
        "peer-groups/london/events/agenda.docx: error unread-file: the kit never reads this file, so it is "
        "not published",
        id="a-document-among-the-events",
    ),
    pytest.param(
        {
            "peer-groups/london/group.yaml": text("peer-groups/london/group.yml"),
            "peer-groups/london/group.yml": None,
        },
        "peer-groups/london/group.yaml: error misspelt-file-name: the kit reads `group.yml`, never `group.yaml`, "
        "so nothing in this file is published or checked; expected the file named exactly `group.yml`, in lower "
        "case (fix: rename it to `group.yml`)",
        id="group-yaml",
    ),
    pytest.param(
        {"franchise-kit/Rounds.yml": text("franchise-kit/rounds.yml"), "franchise-kit/rounds.yml": None},
        "franchise-kit/Rounds.yml: error misspelt-file-name: the kit reads `rounds.yml`, never `Rounds.yml`",
        id="rounds-in-capitals",
    ),
    pytest.param(
        {"site.yaml": "example_data: false\n"},
        "site.yaml: error misspelt-file-name: the kit reads `site.yml`, never `site.yaml`, so nothing in this "
        "file is published or checked; expected the file named exactly `site.yml`, in lower case (fix: copy "
        "what it says into `site.yml` and remove it)",
        id="site-yaml-beside-site-yml",
    ),
    pytest.param(
        {"franchise-kit/packs/draft/notes.md": "---\ntitle: Notes\n---\n\nNotes.\n"},
        "franchise-kit/packs/draft: error pack-folder-without-pack: the folder has no pack.yml, so it is not a "
        "session pack",
        id="pack-folder-without-pack-yml",
    ),
    pytest.param(
        {"franchise-kit/guide/extra.markdown": "# Extra\n"},
        "franchise-kit/guide/extra.markdown: error unread-file",
        id="a-page-saved-as-markdown",
    ),
    pytest.param(
        {"franchise-kit/guide/map.png": b"\x89PNG\r\n"},
        "franchise-kit/guide/map.png: warning unpublished-file: this file is never published: from "
        "franchise-kit/ the kit publishes only Markdown pages (`.md`)",
        id="a-picture-in-a-content-folder",
    ),
]


@pytest.mark.parametrize("files,said", IGNORED)
def test_a_file_the_kit_would_ignore_is_reported(kit, files, said):
    found = problems_in(kit(files))
    assert any(line.startswith(said) for line in found), "\n".join(found)
    assert len(found) == 1, "one mistake, one message:\n" + "\n".join(found)


def test_a_pack_whose_pack_yml_is_misspelt_is_one_message(kit):
    pack = "franchise-kit/packs/show-and-tell"
    found = problems_in(kit({f"{pack}/pack.yaml": text(f"{pack}/pack.yml"), f"{pack}/pack.yml": None}))
    assert found == [
        f"{pack}/pack.yaml: error misspelt-file-name: the kit reads `pack.yml`, never `pack.yaml`, so nothing in "
        "this file is published or checked; expected the file named exactly `pack.yml`, in lower case "
        "(fix: rename it to `pack.yml`)"
    ], "events and rounds naming the pack stay quiet"


def test_the_kit_as_shipped_has_no_file_it_would_ignore():
    assert problems_in(ROOT) == []


def test_a_generated_page_never_replaces_a_hand_written_one(kit):
    found = problems_in(kit({"docs/events/index.md": "---\ntitle: Events\n---\n\nOur events.\n"}))
    assert found == [
        "docs/events/index.md:1: error page-replaced: the kit makes its own page at this file's address, "
        "`events/`, and it would take the place of the file; expected a hand-written page at an address the "
        "kit does not use (fix: rename or move the file; to change the words of the kit's page, copy its "
        "template to overrides/ (the Templates reference page lists them))"
    ]
