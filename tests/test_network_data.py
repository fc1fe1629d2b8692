"""The events data every copy publishes, checked against its own published schema, and what the
loader does with gathered copies: one event per identifier, the site's own first."""

from __future__ import annotations

import json

from jsonschema import Draft202012Validator

from lgds.build import pages_for
from lgds.core.problems import Problems
from lgds.core.sources import Source
from lgds.load import load_site
from lgds.network.checks import check_data
from lgds.network.models import RegionalSite
from lgds.network.publish import events_json, schema_json

from .conftest import BUILD_DATE, ROOT
from .test_quality_bad_input import COPY, MIDLANDS_NETWORK, gathered_copy
from .test_schemas import FORMATS

SITE = "https://midlands.example.org/"


def midlands_fork(kit):
    settings = (ROOT / "site.yml").read_text(encoding="utf-8")
    settings = settings.replace("\ngroup:\n", "\ngroup: midlands\n").replace(
        "\nsite_url:\n", f"\nsite_url: {SITE}\n"
    )
    return kit({"site.yml": settings})


def published(root):
    site, problems = load_site(root, today=BUILD_DATE.date())
    assert not problems.errors, problems.report()
    pages = pages_for(site)
    return json.loads(events_json(site, pages)), json.loads(schema_json(site))


def test_the_published_events_pass_the_published_schema_and_the_gatherers_rules(kit):
    data, schema = published(midlands_fork(kit))
    Draft202012Validator.check_schema(schema)
    errors = [e.message for e in Draft202012Validator(schema, format_checker=FORMATS).iter_errors(data)]
    assert errors == []
    assert schema["$id"] == SITE + "data/schema/events.json"
    assert data["events"] and {e["group"] for e in data["events"]} == {"midlands"}
    entry = RegionalSite(name="Midlands", group="midlands", address=SITE)
    problems = Problems()
    assert check_data(entry, Source("events.json", data), problems) is not None, problems.report()


def test_without_site_url_events_have_no_page_and_cannot_be_gathered():
    site, _ = load_site(ROOT, today=BUILD_DATE.date())
    data = json.loads(events_json(site, pages_for(site)))
    assert data["site"] is None and all(e["page"] is None for e in data["events"])
    london = [e for e in data["events"] if e["group"] == "london"]
    entry = RegionalSite(name="London", group="london", address="https://london.example.org/")
    problems = Problems()
    assert check_data(entry, Source("events.json", {**data, "events": london}), problems) is None
    assert {p.code for p in problems} == {"gathered-no-page"}


def test_the_schema_refuses_what_the_gatherer_refuses(kit):
    data, schema = published(midlands_fork(kit))
    validator = Draft202012Validator(schema, format_checker=FORMATS)
    event = data["events"][0]
    for change in (
        {"date": "2027-02-30"},
        {"start": "25:00"},
        {"status": "maybe"},
        {"id": "x"},
        {"colour": "red"},
    ):
        assert not validator.is_valid({**data, "events": [{**event, **change}]}), change
    assert not validator.is_valid({**data, "version": 2})


def test_an_event_held_here_and_gathered_appears_once_as_this_sites_own(kit):
    local = "2027-03-03-user-research-on-a-budget.midlands@lgds-kit"
    page = "https://m.example.org/peer-groups/midlands/events/2027-03-03-user-research-on-a-budget/"
    root = kit({**MIDLANDS_NETWORK, COPY: gathered_copy(id=local, page=page, title="Their copy")})
    site, problems = load_site(root, today=BUILD_DATE.date())
    assert not problems.errors, problems.report()
    same = [e for e in site.events if e.uid == local]
    assert len(same) == 1 and same[0].origin is None and same[0].meta.title != "Their copy"
    assert site.gathered["midlands"].data.events[0].id == local


def test_a_gathered_event_links_only_to_its_own_site(kit):
    root = kit(
        {
            **MIDLANDS_NETWORK,
            COPY: gathered_copy(
                online="https://elsewhere.example.com/join", booking="https://m.example.org/book"
            ),
        }
    )
    site, problems = load_site(root, today=BUILD_DATE.date())
    assert not problems.errors, problems.report()
    (event,) = [e for e in site.events if e.origin]
    assert event.meta.online == event.origin.page  # the join link elsewhere gives way to the event's page
    assert event.meta.booking == "https://m.example.org/book"
    assert event.elsewhere == "https://m.example.org/peer-groups/midlands/events/2027-05-05-meet-up/"


def test_a_control_character_in_a_copy_is_refused_at_its_line(kit):
    root = kit({**MIDLANDS_NETWORK, COPY: gathered_copy(title="Meet\u0007up")})
    _, problems = load_site(root, today=BUILD_DATE.date())
    found = [p for p in problems if p.path == COPY]
    assert [p.code for p in found] == ["gathered-control-character"]
    assert found[0].line == gathered_copy().splitlines().index('    "title": "Meet-up",') + 1


def test_each_gathered_events_fields_are_found_on_its_own_lines_however_the_copy_is_laid_out():
    """A copy may be laid out so that no line closes an event at a lower depth than its fields. Each
    event's fields are still found on its own lines, and thousands of such events are read in one pass
    (looking from each event to the end of the file once took minutes for a few hundred kilobytes)."""
    from lgds.network.jsonfile import parse_copy

    rows = ["{", ' "data": {', '  "events": [']
    for i in range(3000):
        rows += ["    {", f'    "id": "e{i}",', f'    "title": "T{i}"', "    },"]
    rows[-1] = "    }"
    rows += ["  ]", " }", "}"]
    problems = Problems()
    source = parse_copy("\n".join(rows), "data/network/flat.json", problems)
    assert source is not None and not list(problems)
    for i in (0, 1500, 2999):
        assert source.line("data", "events", i) == rows.index(f'    "id": "e{i}",') + 1
        assert source.line("data", "events", i, "title") == rows.index(f'    "title": "T{i}"') + 1
