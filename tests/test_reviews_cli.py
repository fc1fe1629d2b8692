"""``lgds new-review``: a prefilled review file, checked before it is written, never overwriting."""

from __future__ import annotations

import re

from lgds.load import load_site
from lgds.reviews.models import Result

from .conftest import BUILD_DATE, ROOT, lgds

NEW = "reviews/bas/2026-03-18-waste-permit.md"


def run(root, *args: str):
    return lgds("new-review", *args, "--root", str(root))


def test_a_new_review_lists_every_point_as_not_assessed_with_its_questions(kit):
    root = kit()
    done = run(root, "BAS", "--service", "Waste permit", "--phase", "beta", "--date", "2026-03-18")
    assert done.returncode == 0, done.stderr
    assert f"created {NEW}" in done.stdout
    text = (root / NEW).read_text(encoding="utf-8")
    assert text.count("    result: not assessed\n") == 15
    assert [int(n) for n in re.findall(r"^  - point: (\d+)$", text, re.M)] == list(range(1, 16))
    site, _ = load_site(ROOT)
    for point in site.points.values():
        assert f"  # {point.number}. {point.title}\n" in text
        for question in point.questions:
            assert f"  #   - {question}\n" in text
    assert "consent: false" in text and "reviewers: []" in text


def test_a_new_review_once_filled_in_passes_the_checks(kit):
    root = kit()
    done = run(root, "bas", "--service", "Waste permit", "--phase", "Beta", "--date", "2026-03-18",
               "--reviewer", "ply", "--reviewer", "Wiltshire")  # fmt: skip
    assert done.returncode == 0, done.stderr
    path = root / NEW
    text = path.read_text(encoding="utf-8")
    assert "reviewers: [PLY, WIL]" in text
    checked = lgds("check", "--root", str(root))
    assert checked.returncode == 1
    assert f"{NEW}:12: error review-no-consent:" in checked.stdout + checked.stderr
    path.write_text(text.replace("consent: false", "consent: true"), encoding="utf-8")
    assert lgds("check", "--root", str(root)).returncode == 0
    site, problems = load_site(root, today=BUILD_DATE.date())
    review = next(r for r in site.reviews if r.path == NEW)
    assert review.overall is Result.NOT_ASSESSED and review.meta.phase.value == "beta"


def test_the_event_gives_the_day_and_a_name_finds_the_council(kit):
    root = kit()
    done = run(root, "Bath and North East Somerset", "--service", "Waste permit", "--phase", "beta",
               "--event", "south-west/2026-03-18-peer-review-day")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "event: south-west/2026-03-18-peer-review-day\n" in (root / NEW).read_text(encoding="utf-8")


def test_a_dry_run_writes_nothing_and_an_existing_file_is_never_overwritten(kit):
    root = kit()
    dry = run(root, "BAS", "--service", "Waste permit", "--phase", "beta", "--dry-run")
    assert dry.returncode == 0 and "would create reviews/bas/2026-11-23-waste-permit.md" in dry.stdout
    assert not list((root / "reviews/bas").glob("*waste-permit.md"))
    existing = root / "reviews/bas/2026-03-18-garden-waste-subscription.md"
    before = existing.read_bytes()
    for extra in ((), ("--dry-run",)):
        again = run(root, "BAS", "--service", "Garden waste subscription", "--phase", "beta", "--date",
                    "2026-03-18", *extra)  # fmt: skip
        assert again.returncode == 1 and "already exists" in again.stderr
    assert existing.read_bytes() == before


def test_mistakes_are_refused_with_what_to_do(kit):
    root = kit()
    unknown = run(root, "BASN", "--service", "X", "--phase", "beta")
    assert (
        unknown.returncode == 2
        and "did you mean BAS (Bath and North East Somerset Council)" in unknown.stderr
    )
    phase = run(root, "BAS", "--service", "X", "--phase", "gamma")
    assert (
        phase.returncode == 2 and "'gamma' is not one of 'discovery', 'alpha', 'beta', 'live'" in phase.stderr
    )
    event = run(
        root, "BAS", "--service", "X", "--phase", "beta", "--event", "south-west/2026-03-18-review-day"
    )
    assert event.returncode == 2 and "did you mean 'south-west/2026-03-18-peer-review-day'" in event.stderr
    own = run(root, "BAS", "--service", "X", "--phase", "beta", "--reviewer", "BAS")
    assert own.returncode == 2 and "reviewers come from other councils" in own.stderr
    future = run(root, "BAS", "--service", "X", "--phase", "beta", "--date", "2099-01-01")
    assert future.returncode == 2 and "after today" in future.stderr
    day = run(root, "BAS", "--service", "X", "--phase", "beta", "--date", "2026-02-30")
    assert day.returncode == 2 and "there is no 30 February 2026" in day.stderr
    assert sorted(p.name for p in (root / "reviews/bas").iterdir()) == [
        "2025-05-14-garden-waste-subscription.md",
        "2026-03-18-garden-waste-subscription.md",
    ]
