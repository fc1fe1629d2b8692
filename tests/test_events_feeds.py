"""Calendar and Atom feeds: parsed back with real libraries, every event checked."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import icalendar

from lgds.build import pages_for
from lgds.core.reuse import Memory
from lgds.groups import atom, calendar
from lgds.groups import events as events_builder
from lgds.load import load_site
from tests.conftest import ROOT

LONDON = ZoneInfo("Europe/London")
BUILD_DAY = dt.date(2026, 11, 23)


def parse(path):
    return icalendar.Calendar.from_ical(path.read_bytes())


def test_all_events_feed_has_every_timed_event(built_site):
    site, _ = load_site(ROOT, today=BUILD_DAY)
    cal = parse(built_site / "events.ics")
    found = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    expected = {e.uid: e for e in site.events if e.timed}
    assert set(found) == set(expected)
    assert not [e for e in site.events if not e.timed and e.uid in found]  # approximate dates left out
    for uid, event in expected.items():
        item = found[uid]
        assert item.decoded("DTSTART") == event.starts_at
        assert item.decoded("DTEND") == event.ends_at
        assert item["DTSTART"].params["TZID"] == "Europe/London"
        assert int(item["SEQUENCE"]) == event.meta.sequence
        assert item.decoded("DTSTAMP") == dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
        wanted = {"cancelled": "CANCELLED", "postponed": "CANCELLED", "planned": "TENTATIVE"}
        assert str(item["STATUS"]) == wanted.get(event.meta.status.value, "CONFIRMED")
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/London"]


def test_group_and_event_feeds(built_site):
    cal = parse(built_site / "peer-groups/south-west/events.ics")
    events = cal.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [
        "2026-03-18-peer-review-day.south-west@lgds-kit",
        "2027-02-17-reviewing-a-service-together.south-west@lgds-kit",
        "2027-05-12-walk-the-senior-manager-through.south-west@lgds-kit",
    ]
    assert str(events[1]["STATUS"]) == "CANCELLED"
    one = parse(built_site / "peer-groups/london/events/2027-02-10-reviewing-a-service-together.ics")
    assert len(one.walk("VEVENT")) == 1 and len(one.walk("VTIMEZONE")) == 1


def test_uids_do_not_change_when_content_changes(kit):
    path = "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"
    text = (
        (ROOT / path)
        .read_text()
        .replace("Reviewing a service together", "A new title")
        .replace("status: confirmed", "status: confirmed\nsequence: 2")
    )
    site, problems = load_site(kit({path: text}), today=BUILD_DAY)
    assert not problems.errors
    cal = icalendar.Calendar.from_ical(calendar.calendar_for(site, pages_for(site), site.events, name="x"))
    item = next(e for e in cal.walk("VEVENT") if e["SUMMARY"] == "A new title")
    assert str(item["UID"]) == "2027-02-10-reviewing-a-service-together.london@lgds-kit"
    assert int(item["SEQUENCE"]) == 2


def test_feeds_are_the_same_bytes_every_build():
    first, _ = load_site(ROOT, today=BUILD_DAY)
    second, _ = load_site(ROOT, today=BUILD_DAY)
    assert calendar.calendar_for(first, pages_for(first), first.events, name="x") == calendar.calendar_for(
        second, pages_for(second), second.events, name="x"
    )
    assert atom.feed(first, pages_for(first)) == atom.feed(second, pages_for(second))


def test_clock_change_offsets_in_the_calendar_and_on_the_page(kit):
    summer = "peer-groups/london/events/2027-03-28-after-the-clocks-change.md"
    winter = "peer-groups/london/events/2027-01-13-winter-morning.md"

    def text(title, day):
        return f'---\ntitle: {title}\ndate: {day}\nstart: "10:00"\nend: "12:00"\nonline: https://example.org/m\nstatus: confirmed\n---\n'

    root = kit(
        {summer: text("After the clocks change", "2027-03-28"), winter: text("Winter morning", "2027-01-13")}
    )
    site, problems = load_site(root, today=BUILD_DAY)
    assert not problems.errors
    cal = icalendar.Calendar.from_ical(calendar.calendar_for(site, pages_for(site), site.events, name="x"))
    starts = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in cal.walk("VEVENT")}
    assert starts["After the clocks change"].utcoffset() == dt.timedelta(hours=1)
    assert starts["After the clocks change"].astimezone(dt.UTC).hour == 9
    assert starts["Winter morning"].utcoffset() == dt.timedelta(0)
    assert starts["Winter morning"].astimezone(dt.UTC).hour == 10
    zone = cal.walk("VTIMEZONE")[0]
    daylight = zone.walk("DAYLIGHT")[0]
    changes = [daylight.decoded("DTSTART")] + [
        d.dt for d in daylight.get("RDATE", icalendar.vDDDLists([])).dts
    ]
    assert dt.datetime(2027, 3, 28, 2, 0) in changes  # the zone's rules cover every event, past ones too
    assert str(daylight["TZOFFSETTO"].to_ical()) in ("+0100", "b'+0100'")

    # The page, as the builder hands it to MkDocs (the full build is tested on the real site).
    pages = {o.path: o.content for o in events_builder.build(site, pages_for(site))}
    summer_page = pages["peer-groups/london/events/2027-03-28-after-the-clocks-change.md"]
    assert '<time datetime="2027-03-28T10:00:00+01:00">10:00</time>' in summer_page
    assert '<time datetime="2027-03-28T12:00:00+01:00">12:00</time> UK time (BST, UTC+1)' in summer_page
    winter_page = pages["peer-groups/london/events/2027-01-13-winter-morning.md"]
    assert '<time datetime="2027-01-13T10:00:00+00:00">10:00</time>' in winter_page
    assert "UK time (GMT, UTC+0)" in winter_page
    per_event = icalendar.Calendar.from_ical(
        pages["peer-groups/london/events/2027-03-28-after-the-clocks-change.ics"]
    )
    assert per_event.walk("VEVENT")[0].decoded("DTSTART") == dt.datetime(2027, 3, 28, 10, tzinfo=LONDON)


def test_atom_feed_lists_events_and_write_ups(built_site):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    tree = ET.parse(built_site / "events.atom").getroot()
    site, _ = load_site(ROOT, today=BUILD_DAY)
    entries = tree.findall("a:entry", ns)
    assert len(entries) == len(site.events)
    ids = [e.find("a:id", ns).text for e in entries]
    assert len(set(ids)) == len(ids)
    titles = [e.find("a:title", ns).text for e in entries]
    assert "Write-up: The Standard, point by point (London peer group, November 2016)" in titles
    assert "Cancelled: Reviewing a service together (South West peer group, 17 February 2027)" in titles
    assert tree.find("a:updated", ns).text.startswith("2026-11-23T00:00:00")


def test_a_title_written_over_several_lines_is_one_line_everywhere(kit):
    path = "peer-groups/london/events/2027-01-13-winter-morning.md"
    text = (
        "---\ntitle: >\n  A long title that a contributor\n  folded over two lines\n"
        'date: 2027-01-13\nstart: "10:00"\nend: "12:00"\nonline: https://example.org/m\nstatus: confirmed\n---\n'
    )
    site, problems = load_site(kit({path: text}), today=BUILD_DAY)
    assert not problems.errors
    outputs = {o.path: o.content for o in events_builder.build(site, pages_for(site))}
    one = icalendar.Calendar.from_ical(outputs[path.removesuffix(".md") + ".ics"])
    title = "A long title that a contributor folded over two lines"
    assert str(one.walk("VEVENT")[0]["SUMMARY"]) == title
    assert str(one["X-WR-CALNAME"]) == title
    assert outputs[path].startswith(f'---\ntitle: "{title}"\n')


ATOM = "{http://www.w3.org/2005/Atom}"


def test_without_a_site_address_the_feeds_link_as_they_always_have():
    site, _ = load_site(ROOT, today=BUILD_DAY)
    assert site.settings.site_url is None
    tree = ET.fromstring(atom.feed(site, pages_for(site)))
    assert {link.get("rel"): link.get("href") for link in tree.findall(f"{ATOM}link")} == {
        "self": "events.atom",
        "alternate": "events/",
    }
    links = [e.find(f"{ATOM}link").get("href") for e in tree.findall(f"{ATOM}entry")]
    assert "peer-groups/london/events/2027-02-10-reviewing-a-service-together/" in links
    assert all(link.startswith("peer-groups/") for link in links)
    cal = icalendar.Calendar.from_ical(calendar.calendar_for(site, pages_for(site), site.events, name="x"))
    urls = {str(e["UID"]): str(e["URL"]) for e in cal.walk("VEVENT") if "URL" in e}
    assert urls == {e.uid: e.meta.online for e in site.events if e.timed and e.meta.online}


def test_feeds_with_a_site_address_are_the_same_bytes_every_build(kit):
    text = (ROOT / "site.yml").read_text(encoding="utf-8")
    root = kit({"site.yml": text.replace("\nsite_url:\n", "\nsite_url: https://example.org/kit\n")})
    first, _ = load_site(root, today=BUILD_DAY)
    second, _ = load_site(root, today=BUILD_DAY)
    with Memory().using():
        made = calendar.calendar_for(first, pages_for(first), first.events, name="x")
    assert b"URL:https://example.org/kit/peer-groups/" in made
    with Memory().using():  # make every entry again, not from memory
        assert made == calendar.calendar_for(second, pages_for(second), second.events, name="x")
    assert atom.feed(first, pages_for(first)) == atom.feed(second, pages_for(second))
