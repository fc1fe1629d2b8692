"""True to the record: what points, packs, rounds and groups say about events and groups is what
happened by the build date; made-up values say so wherever they appear; point pages carry a
checklist, related guidance and when they last changed."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from lgds.build import pages_for
from lgds.groups import pages as groups_builder
from lgds.groups.models import Event, EventFile, GroupStatus, coming, held, record, standing
from lgds.kit.models import part_of_day
from lgds.load import load_site
from lgds.standard import pages as standard_builder
from tests.conftest import BUILD_DATE, ROOT, read_page

TODAY = BUILD_DATE.date()  # 23 November 2026


def event(day: str, status: str = "confirmed", example: bool = False, slug: str = "") -> Event:
    meta = EventFile.model_validate(
        {"title": slug or day, "date": day, "status": status, "example": example, "venue": {"name": "Hall"}}
    )
    return Event(group="g", slug=slug or day, meta=meta)


def article(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup(read_page(site, url), "html.parser").find("article")


def text_of(page: BeautifulSoup) -> str:
    return " ".join(page.get_text(" ").split())


def section(page: BeautifulSoup, heading_id: str) -> list[str]:
    """The items of the list under a heading, as text."""
    heading = page.find(id=heading_id)
    assert heading is not None, heading_id
    items = heading.find_next("ul")
    return [" ".join(li.get_text(" ").split()) for li in items.find_all("li")]


# Which events count as having run, and which as still to come


def test_only_events_that_ended_and_were_not_cancelled_count_as_held():
    events = [
        event("2026-11-22", slug="yesterday"),
        event("2026-11-23", slug="today"),  # still to come on the build date
        event("2026-10-01", "cancelled", slug="cancelled"),
        event("2026-09-01", "postponed", slug="postponed"),
        event("2026-08-01", "planned", slug="planned-then-held"),
        event("2027-01-05", "cancelled", slug="cancelled-later"),
        event("2027-01-06", "postponed", slug="postponed-later"),
    ]
    assert [e.slug for e in held(events, TODAY)] == ["planned-then-held", "yesterday"]
    assert [e.slug for e in coming(events, TODAY)] == ["today", "postponed-later"]


def test_a_record_keeps_the_latest_held_events_and_counts_the_rest():
    events = [event(f"2020-01-{d:02d}") for d in range(1, 16)] + [event("2027-03-01")]
    found = record(events, TODAY, keep=10)
    assert [e.meta.date.day for e in found.held] == list(range(6, 16))
    assert found.earlier == 5
    assert [str(e.meta.date) for e in found.coming] == ["2027-03-01"]


# A group's status


@pytest.mark.parametrize(
    ("days", "began", "status", "last"),
    [
        (["2026-01-10"], None, GroupStatus.ACTIVE, "2026-01-10"),  # within 12 months
        (["2025-11-20"], None, GroupStatus.DORMANT, "2025-11-20"),  # just over 12 months
        (["2017-03-10", "2027-02-01"], None, GroupStatus.ACTIVE, "2017-03-10"),  # one planned
        ([], dt.date(2016, 10, 1), GroupStatus.DORMANT, None),  # began, never recorded meeting
        ([], None, GroupStatus.FORMING, None),
        (["2027-04-21"], None, GroupStatus.FORMING, None),  # first meeting planned
    ],
)
def test_a_groups_status_comes_from_its_events(days, began, status, last):
    found = standing([event(d) for d in days], TODAY, began)
    assert found.status is status
    assert (str(found.last.meta.date) if found.last else None) == last
    assert not found.example


def test_cancelled_events_do_not_keep_a_group_active():
    found = standing([event("2017-03-10"), event("2027-02-01", "cancelled")], TODAY)
    assert found.status is GroupStatus.DORMANT and found.next is None


def test_a_status_that_rests_on_made_up_events_is_marked_as_an_example():
    found = standing([event("2017-03-10"), event("2027-02-01", example=True)], TODAY)
    assert found.status is GroupStatus.ACTIVE and found.example  # only a made-up meeting is planned
    recent = standing([event("2026-06-01", example=True), event("2027-02-01")], TODAY)
    assert recent.status is GroupStatus.ACTIVE and recent.example  # a real one is planned, but
    # the status is said from the made-up recent meeting
    real = standing([event("2026-06-01"), event("2027-02-01", example=True)], TODAY)
    assert real.status is GroupStatus.ACTIVE and not real.example  # it met, for real, this year
    assert not standing([event("2026-06-01")], TODAY).example


# Times of day


@pytest.mark.parametrize(
    ("begin", "end", "words"),
    [
        ("10:00", "13:05", "morning"),
        ("09:30", "12:00", "morning"),
        ("10:00", "15:30", "morning and afternoon"),
        ("13:30", "16:35", "afternoon"),
        ("18:00", "20:00", "evening"),
    ],
)
def test_the_time_of_day_follows_the_start_and_end(begin, end, words):
    assert part_of_day(dt.time.fromisoformat(begin), dt.time.fromisoformat(end)) == words


def test_the_peer_review_pack_says_morning_for_its_ten_oclock_start(built_site):
    text = text_of(article(built_site, "/franchise-kit/packs/peer-review-a-service/"))
    assert "Times assume a 10:00 start, which makes it a morning session ending at 13:05." in text
    assert "afternoon" not in text


# What the built site says


def test_point_pages_list_what_took_place_apart_from_what_is_planned(built_site):
    page = article(built_site, "/standard/3-use-agile-methods/")
    ran = section(page, "events-that-covered-this-point")
    assert ran[:2] == [
        "The Standard, point by point : London peer group , November 2016",
        "One point at a time: agile ways of working : London peer group , March 2017",
    ]
    assert not [item for item in ran if "2027" in item]
    planned = section(page, "events-planned-on-this-point")
    assert planned and all("2027" in item for item in planned)
    assert all("Example" in item for item in planned)  # the shipped 2027 events are made up
    assert any(item.endswith("(not confirmed yet)") for item in planned)
    assert "Reviewing a service together Example : South West peer group" not in " ".join(
        planned
    )  # cancelled


def test_pack_pages_do_not_count_planned_or_cancelled_events_as_having_used_the_pack(built_site):
    page = article(built_site, "/franchise-kit/packs/peer-review-a-service/")
    text = text_of(page)
    ran = section(page, "events-that-used-this-pack")
    assert [item.rsplit(", ", 1)[1] for item in ran] == [
        "8 October 2025",
        "12 November 2025",
        "18 March 2026",
        "10 June 2026",
    ]
    assert all("Example" in item for item in ran)
    planned = section(page, "events-planned-with-this-pack")
    assert planned == [
        "Reviewing a service together Example : London peer group , Wednesday 10 February 2027"
    ]
    assert "17 February 2027" not in text  # the South West's session is cancelled: in neither list


def test_the_kit_page_separates_rounds_that_ran_from_events_still_planned(built_site):
    page = article(built_site, "/franchise-kit/")
    round_three = page.find(id="round-3")
    following = []
    for sibling in round_three.find_next_siblings():
        if sibling.name == "h3":
            break
        following.append(" ".join(sibling.get_text(" ").split()))
    joined = " ".join(following)
    assert "No group has run this round yet." in joined
    assert "Planned, not yet taken place:" in joined
    assert "South West peer group" not in joined  # its round 3 event is cancelled


def test_group_pages_mark_made_up_sign_ups_and_the_status_they_rest_on(built_site):
    page = article(built_site, "/peer-groups/london/")
    titles = [t.get_text(strip=True) for t in page.select(".admonition-title")]
    assert titles.count("Example data") == 3  # status, contact details, sign-ups
    cells = [
        row.find_all("td")[1] for row in page.find(id="councils-in-the-area").find_next("table").tbody("tr")
    ]
    assert all(cell.find(class_="lgds-tag--example") for cell in cells)
    summary = text_of(page.find(class_="lgds-group-summary"))
    assert summary.startswith(
        "Status Active Example . It has a meeting planned for Wednesday 10 February 2027."
    )
    assert "Last met Peer review day , 8 October 2025 Example" in summary


def test_without_example_data_groups_that_stopped_meeting_are_dormant_with_when_they_last_met(kit):
    settings = (
        (ROOT / "site.yml").read_text(encoding="utf-8").replace("example_data: true", "example_data: false")
    )
    site, problems = load_site(kit({"site.yml": settings}), today=TODAY)
    assert not problems.errors, [p.format() for p in problems.errors]
    made = {o.path: o.content for o in groups_builder.build(site, pages_for(site))}

    def page(slug: str) -> str:
        html = markdown.markdown(made[f"peer-groups/{slug}/index.md"], extensions=["def_list", "md_in_html"])
        return " ".join(BeautifulSoup(html, "html.parser").get_text(" ").split())

    assert "Status Dormant. It last met in March 2017 and has no meeting planned." in page("london")
    assert "Status Dormant. It last met in October 2016" in page("midlands")
    assert "Status Dormant. It began in October 2016; no meeting since then is recorded here" in page(
        "south-west"
    )
    assert "Status Forming. It has not met yet, and no meeting is planned." in page("yorkshire-and-humber")
    assert "Example data" not in page("london")
    listing = made["peer-groups/index.md"]
    assert "Dormant; covers South East; last met 10 March 2017." in listing


def test_histories_cite_sources_and_say_once_what_is_not_known(built_site):
    for slug in ("london", "midlands", "south", "south-west"):
        page = article(built_site, f"/peer-groups/{slug}/")
        text = text_of(page)
        assert "not recorded" not in text, slug
        assert text.count("We have found no public record") == 1, slug
        history = page.find(id="history").find_next_siblings("p")
        assert any(a["href"].startswith("http") for p in history for a in p.find_all("a")), slug


def test_readers_see_no_commands_or_file_names_in_groups_and_pack_pages(built_site):
    for url in (
        "/peer-groups/",
        "/franchise-kit/",
        "/franchise-kit/packs/peer-review-a-service/",
        "/franchise-kit/packs/one-point-in-depth/",
        "/peer-groups/midlands/packs/introducing-the-standard/",
    ):
        text = text_of(article(built_site, url))
        for word in ("lgds ", "pack.yml", "site.yml", "rounds.yml", ".md)"):
            assert word not in text, (url, word)


def test_the_pack_comparison_shows_words_not_markdown(built_site):
    page = article(built_site, "/peer-groups/midlands/packs/introducing-the-standard/")
    diffs = " ".join(d.get_text() for d in page.select(".lgds-diff"))
    assert diffs
    for mark in ("**", "`", "](", "## "):
        assert mark not in diffs, mark


# Point pages as the service manuals do them


def test_point_pages_have_a_checklist_and_related_guidance_over_https(built_site):
    page = article(built_site, "/standard/6-evaluate-what-user-data-and-information-the-service-holds/")
    checklist = section(page, "checklist-what-your-team-should-be-able-to-show")
    assert len(checklist) >= 3
    guidance = page.find(id="related-guidance")
    block = []
    for sibling in guidance.find_next_siblings():
        if sibling.name == "h2":
            break
        block.append(sibling)
    links = [a["href"] for part in block for a in part.find_all("a")]
    assert "https://www.gov.uk/service-manual/service-standard/point-9-create-a-secure-service" in links
    assert "https://localdigital.gov.uk/declaration/" in links
    assert all(link.startswith("https://") for link in links)
    assert "Wales adds ethics" in " ".join(p.get_text() for p in block)


def test_a_guidance_link_that_is_not_https_is_an_error(kit):
    path = "standard/1-understand-user-needs.md"
    text = (ROOT / path).read_text(encoding="utf-8")
    text = text.replace(
        "https://www.gov.uk/service-manual/service-standard/point-1",
        "http://www.gov.uk/service-manual/service-standard/point-1",
    )
    _, problems = load_site(kit({path: text}), today=TODAY)
    found = [p for p in problems.errors if p.code == "guidance-not-https"]
    assert [(p.path, p.line) for p in found] == [
        (
            path,
            text.split("\n").index(
                '    url: "http://www.gov.uk/service-manual/service-standard/point-1-understand-user-needs"'
            )
            + 1,
        )
    ]


def test_a_point_without_a_checklist_is_an_error(kit):
    path = "standard/2-have-a-multidisciplinary-team.md"
    text = (ROOT / path).read_text(encoding="utf-8")
    head, rest = text.split("checklist:\n", 1)
    rest = rest.split("guidance:\n", 1)[1]
    site, problems = load_site(kit({path: head + "guidance:\n" + rest}), today=TODAY)
    assert any(p.path == path for p in problems.errors)
    assert 2 not in site.points


def git(root: Path, *args: str, when: str = "2026-03-14T12:00:00+00:00") -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_AUTHOR_DATE=when,
        GIT_COMMITTER_DATE=when,
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
    )
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_point_pages_say_when_they_last_changed_from_git(kit):
    settings = (ROOT / "site.yml").read_text(encoding="utf-8")
    root = kit(
        {"site.yml": settings.replace("\nrepo_url:\n", "\nrepo_url: https://github.com/example/kit\n")}
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "first")
    page = root / "standard/7-use-open-standards.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA later sentence.\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "second", when="2026-09-02T08:00:00+00:00")
    site, problems = load_site(root, today=TODAY)
    assert not problems.errors
    assert site.points[7].changed == dt.date(2026, 9, 2)
    assert site.points[1].changed == dt.date(2026, 3, 14)
    made = {o.path: o.content for o in standard_builder.build(site, pages_for(site))}
    point = made[f"standard/{site.points[7].slug}.md"]
    assert "This page was last changed on 2 September 2026." in point
    assert "(https://github.com/example/kit/commits/main/standard/7-use-open-standards.md)" in point


def test_outside_git_point_pages_leave_the_date_out(kit):
    root = kit()  # a copy with no .git
    site, problems = load_site(root, today=TODAY)
    assert not problems.errors
    assert all(point.changed is None for point in site.points.values())
    made = {o.path: o.content for o in standard_builder.build(site, pages_for(site))}
    assert not any("last changed" in text for path, text in made.items() if path.startswith("standard/"))


def test_a_kit_inside_a_larger_repository_does_not_read_its_history(tmp_path, kit):
    outer = tmp_path / "outer"
    outer.mkdir()
    git(outer, "init", "-q", "-b", "main")
    root = kit()
    inner = outer / "kit"
    root.rename(inner)
    git(outer, "add", "-A")
    git(outer, "commit", "-q", "-m", "kit inside")
    site, _ = load_site(inner, today=TODAY)
    assert all(point.changed is None for point in site.points.values())
