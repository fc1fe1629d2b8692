"""Bad event and group files: each problem named with its file, line and fix, all in one run."""

from __future__ import annotations

from datetime import date

from lgds.load import load_site

EVENT = "peer-groups/london/events/2027-09-01-bad-event.md"


def problems_for(kit, files):
    root = kit(files)
    _, problems = load_site(root, today=date(2026, 11, 23))
    return [p.format() for p in problems]


def event(front: str) -> str:
    return f"---\n{front.strip()}\n---\n\nBody.\n"


def test_a_good_event_has_no_problems(kit):
    text = event(
        """
title: A good event
date: 2027-09-01
start: "10:00"
end: "12:00"
venue:
  name: Town Hall
host: CMD
round: 3
packs: [show-and-tell]
status: confirmed
"""
    )
    assert problems_for(kit, {EVENT: text}) == []


def test_end_before_start_names_the_line_of_end(kit):
    text = event(
        """
title: Back to front
date: 2027-09-01
start: "14:00"
end: "10:00"
online: https://example.org/meet
status: planned
"""
    )
    assert problems_for(kit, {EVENT: text}) == [
        f"{EVENT}:5: error end-before-start: the event ends at 10:00, which is not after it starts at 14:00; "
        "expected an `end` time later than the `start` time, both 24-hour UK times "
        "(fix: check both times; 2pm is written `14:00`)"
    ]


def test_a_day_that_does_not_exist(kit):
    text = event(
        """
title: Leap day that is not
date: 2027-02-29
start: "10:00"
end: "12:00"
online: https://example.org/meet
status: planned
"""
    )
    (line,) = problems_for(kit, {EVENT: text})
    assert line.startswith(
        f"{EVENT}:3: error invalid-value: `date` is '2027-02-29': there is no 29 February 2027: "
        "February 2027 has 28 days"
    )


def test_unknown_council_suggests_the_code_for_a_name(kit):
    text = event(
        """
title: Hosted by a name
date: 2027-09-01
start: "10:00"
end: "12:00"
venue:
  name: Town Hall
host: Camden
status: planned
"""
    )
    assert problems_for(kit, {EVENT: text}) == [
        f"{EVENT}:8: error unknown-council: `Camden` is not a council code in the register; expected a "
        "council's three- or four-letter code from data/councils.csv, like `CMD` for Camden "
        "(fix: use the council's code, not its name: `CMD`)"
    ]


def test_unknown_council_code_did_you_mean(kit):
    text = event(
        'title: T\ndate: 2027-09-01\nstart: "10:00"\nend: "12:00"\nvenue: {name: Hall}\nhost: CMX\nstatus: planned'
    )
    (line,) = problems_for(kit, {EVENT: text})
    assert line.startswith(f"{EVENT}:7: error unknown-council:")
    assert "did you mean" in line and "'CMD'" in line


def test_host_council_abolished_before_the_event(kit):
    text = event(
        'title: T\ndate: 2027-09-01\nstart: "10:00"\nend: "12:00"\nvenue: {name: Hall}\nhost: ALL\nstatus: planned'
    )
    (line,) = problems_for(kit, {EVENT: text})
    assert line == (
        f"{EVENT}:7: error council-not-current: Allerdale Borough Council (ALL) no longer existed on the day of this event: "
        "its last day was 2023-03-31"
        "; expected a council that exists on the day of the event "
        "(fix: use the council that replaced it: `CBD` (Cumberland))"
    )


def test_no_venue_and_no_online_link(kit):
    text = event('title: Nowhere\ndate: 2027-09-01\nstart: "10:00"\nend: "12:00"\nstatus: planned')
    (line,) = problems_for(kit, {EVENT: text})
    assert line.startswith(
        f"{EVENT}:2: error no-venue-or-online: the event has neither a venue nor an online link"
    )


def test_event_with_a_day_needs_times(kit):
    text = event("title: No times\ndate: 2027-09-01\nonline: https://example.org/x\nstatus: planned")
    (line,) = problems_for(kit, {EVENT: text})
    assert line.startswith(f"{EVENT}:3: error missing-times: the event has a day but no start or end time")


def test_cancelled_event_with_booking_is_a_warning(kit):
    text = event(
        'title: Off\ndate: 2027-09-01\nstart: "10:00"\nend: "12:00"\nonline: https://example.org/x\n'
        "booking: https://example.org/book\nstatus: cancelled"
    )
    root = kit({EVENT: text})
    _, problems = load_site(root)
    assert not problems.errors
    (warning,) = problems.warnings
    assert warning.format() == (
        f"{EVENT}:7: warning cancelled-with-booking: the event is cancelled but still has a booking link, "
        "so people may still book; expected no `booking:` line on a cancelled event "
        "(fix: remove the `booking:` line, and close the booking on the booking site too)"
    )


def test_unknown_round_and_pack(kit):
    text = event(
        'title: T\ndate: 2027-09-01\nstart: "10:00"\nend: "12:00"\nonline: https://example.org/x\n'
        "round: 9\npacks: [show-and-tel, peer-review-a-service]\nstatus: planned"
    )
    lines = problems_for(kit, {EVENT: text})
    assert len(lines) == 2
    assert lines[0].startswith(
        f"{EVENT}:7: error unknown-round: there is no round 9 in franchise-kit/rounds.yml"
    )
    assert lines[1].startswith(f"{EVENT}:8: error unknown-pack: there is no session pack `show-and-tel`")
    assert "did you mean 'show-and-tell'" in lines[1]


def test_time_skipped_by_the_clock_change(kit):
    text = event(
        'title: T\ndate: 2027-03-28\nstart: "01:30"\nend: "03:00"\nonline: https://example.org/x\nstatus: planned'
    )
    (line,) = problems_for(kit, {EVENT: text})
    assert line.startswith(
        f"{EVENT}:4: error time-does-not-exist: 01:30 on 2027-03-28 does not exist in the UK"
    )


def test_event_in_a_folder_with_no_group(kit):
    path = "peer-groups/londn/events/2027-09-01-lost.md"
    text = event(
        'title: T\ndate: 2027-09-01\nstart: "10:00"\nend: "12:00"\nonline: https://example.org/x\nstatus: planned'
    )
    (line,) = problems_for(kit, {path: text})
    assert line.startswith(f"{path}:1: error unknown-group: there is no peer group `londn`")
    assert "did you mean 'london'" in line


def test_event_file_name_must_start_with_a_date(kit):
    path = "peer-groups/london/events/september-meeting.md"
    text = event(
        'title: T\ndate: 2027-09-01\nstart: "10:00"\nend: "12:00"\nonline: https://example.org/x\nstatus: planned'
    )
    (line,) = problems_for(kit, {path: text})
    assert line.startswith(f"{path}:1: error bad-event-file-name:")


def test_every_problem_in_a_file_is_reported_in_one_run(kit):
    text = event(
        'title: T\ndate: 2027-09-01\nstart: "12:00"\nend: "11:00"\nhost: ZZZZ\n'
        "booking: https://example.org/b\nstatus: cancelled"
    )
    codes = [line.split(": ")[1] for line in problems_for(kit, {EVENT: text})]
    assert codes == [
        "error no-venue-or-online",
        "error end-before-start",
        "error unknown-council",
        "warning cancelled-with-booking",
    ]


def test_host_council_that_did_not_exist_yet(kit):
    text = event(
        'title: T\ndate: 2020-02-10\nstart: "10:00"\nend: "12:00"\nvenue: {name: Hall}\nhost: NYE\nstatus: planned'
    )
    lines = problems_for(kit, {EVENT: text})
    assert (
        f"{EVENT}:7: error council-not-yet: North Yorkshire Council (NYE) did not exist yet on the day of this "
        "event: it began on 2023-04-01; expected a council that exists on the day of the event "
        "(fix: check the event's date, or name the council that hosted it then)"
    ) in lines
