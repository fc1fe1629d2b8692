"""``lgds new-group`` and ``lgds new-event``: prefilled, validated, never overwriting."""

from __future__ import annotations

from tests.conftest import lgds


def test_new_group_then_new_event_pass_the_checks(kit):
    root = kit()
    result = lgds("new-group", "North East peer group", "--region", "north east", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "created peer-groups/north-east/group.yml" in result.stdout
    assert "created peer-groups/north-east/index.md" in result.stdout
    assert "Next:" in result.stdout
    assert 'covers: ["North East"]' in (root / "peer-groups/north-east/group.yml").read_text()

    result = lgds(
        "new-event", "north-east", "--date", "2027-06-02", "--round", "4", "--title", "Buying well", cwd=root
    )
    assert result.returncode == 0, result.stderr
    path = root / "peer-groups/north-east/events/2027-06-02-buying-well.md"
    assert "created peer-groups/north-east/events/2027-06-02-buying-well.md" in result.stdout
    text = path.read_text()
    assert (
        "packs: [know-what-you-need-before-you-buy, share-and-reuse, assisted-digital-and-inclusion, "
        "walk-the-senior-manager-through]" in text
    )
    assert "round: 4" in text and 'title: "Buying well"' in text
    check = lgds("check", cwd=root)
    assert check.returncode == 0, check.stdout + check.stderr


def test_new_event_takes_the_round_from_the_date(kit):
    root = kit()
    result = lgds("new-event", "london", "--date", "2027-03-31", "--dry-run", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "would create peer-groups/london/events/2027-03-31-reviewing-services-together.md" in result.stdout
    assert not (root / "peer-groups/london/events/2027-03-31-reviewing-services-together.md").exists()


def test_new_event_never_overwrites(kit):
    root = kit()
    existing = root / "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"
    before = existing.read_text()
    result = lgds(
        "new-event", "london", "--date", "2027-02-10", "--title", "Reviewing a service together", cwd=root
    )
    assert result.returncode == 1
    assert "not writing anything, because these already exist" in result.stderr
    assert existing.read_text() == before


def test_new_event_rejects_bad_input_with_suggestions(kit):
    root = kit()
    result = lgds("new-event", "londn", "--date", "2027-02-10", cwd=root)
    assert result.returncode == 2 and "there is no peer group 'londn'; did you mean 'london'" in result.stderr
    result = lgds("new-event", "london", "--date", "2027-02-29", cwd=root)
    assert "2027-02-29: there is no 29 February 2027: February 2027 has 28 days" in result.stderr
    result = lgds("new-event", "london", "--date", "10/02/2027", cwd=root)
    assert "is not a date written YYYY-MM-DD" in result.stderr
    result = lgds("new-event", "london", "--date", "2027-02-10", "--round", "9", cwd=root)
    assert "there is no round 9; the rounds are: 1 (Getting to know the Standard)" in result.stderr


def test_new_group_rejects_an_unknown_region_and_an_existing_group(kit):
    root = kit()
    result = lgds("new-group", "Yorkshire group", "--region", "Yorkshire", cwd=root)
    assert result.returncode == 2
    assert "did you mean 'Yorkshire and The Humber'?" in result.stderr
    result = lgds("new-group", "London peer group", "--region", "London", cwd=root)
    assert result.returncode == 1 and "there is already a group 'london'" in result.stderr
