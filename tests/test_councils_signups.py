"""Sign-up files: every error a contributor can make, with its exact text and line."""

from __future__ import annotations

from .conftest import lgds


def _check(kit, files):
    root = kit(files)
    result = lgds("check", "--root", str(root))
    return result.returncode, result.stdout + result.stderr


def test_unknown_code_suggests_codes_and_names(kit):
    code, out = _check(kit, {"data/signups/zz.yml": "# a comment\ncouncil: CMDN\nsigned: 2018-01-01\n"})
    assert code == 1
    assert (
        "data/signups/zz.yml:2: error signup-unknown-council: `council` is 'CMDN', which is not a council "
        "code in the register; expected the three- or four-letter code of a council, as in its page's "
        "address /councils/<code>/ (fix: did you mean CMN (Carmarthenshire County Council) or CMD "
        "(London Borough of Camden)? Each council's code is in its page's address)" in out
    )


def test_unknown_code_typed_as_a_name(kit):
    _, out = _check(kit, {"data/signups/zz.yml": "council: Barnsley MBC\nsigned: 2018-01-01\n"})
    assert "Barnsley Metropolitan Borough Council" in out and "BNS" in out


def test_two_files_for_one_council(kit):
    _, out = _check(
        kit,
        {
            "data/signups/zz-one.yml": "council: CMD\nsigned: 2018-01-01\n",
            "data/signups/zz-two.yml": "signed: 2019-01-01\ncouncil: CMD\n",
        },
    )
    assert (
        "data/signups/zz-two.yml:2: error signup-duplicate: London Borough of Camden (CMD) already has a "
        "sign-up in data/signups/zz-one.yml; expected one sign-up file per council" in out
    )


def test_future_date_uses_the_build_date(kit):
    _, out = _check(kit, {"data/signups/zz.yml": "council: CMD\nsigned: 2026-11-24\n"})
    assert (
        "data/signups/zz.yml:2: error signup-future-date: `signed` is 2026-11-24, which is after today "
        "(2026-11-23)" in out
    )


def test_before_the_standard(kit):
    _, out = _check(kit, {"data/signups/zz.yml": "council: CMD\nsigned: 2016-03-31\n"})
    assert (
        "data/signups/zz.yml:2: error signup-before-standard: `signed` is 2016-03-31, before the Standard "
        "was agreed in April 2016; expected a date on or after 2016-04-01" in out
    )


def test_abolished_before_signing(kit):
    _, out = _check(kit, {"data/signups/zz.yml": "council: COP\nsigned: 2023-04-01\n"})
    assert (
        "data/signups/zz.yml:2: error signup-after-abolition: Copeland Borough Council (COP) was abolished "
        "on 2023-03-31 (its last day), before it signed on 2023-04-01; expected a date on or before "
        "2023-03-31, while the council existed (fix: if Cumberland Council (CBD) signed up, use its code "
        "instead; otherwise correct the date)" in out
    )


def test_council_not_yet_formed(kit):
    _, out = _check(kit, {"data/signups/zz.yml": "council: DST\nsigned: 2018-05-01\n"})
    assert "error signup-before-council: Dorset Council (DST) began on 2019-04-01" in out


def test_link_must_be_http(kit):
    _, out = _check(
        kit,
        {"data/signups/zz.yml": "council: CMD\nsigned: 2018-01-01\nstatement: ftp://example.org/x\n"},
    )
    assert (
        "data/signups/zz.yml:3: error invalid-value: `statement` is 'ftp://example.org/x': this is not a web "
        "address starting with https:// or http://" in out
    )


def test_abolished_council_that_signed_while_it_existed_is_valid(kit):
    root = kit(
        {
            "data/signups": None,
            "data/signups/all.yml": "council: ALL\nsigned: 2023-03-31\n",
        }
    )
    result = lgds("check", "--root", str(root))
    assert result.returncode == 0, result.stdout
