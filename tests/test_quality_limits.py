"""Bounded inputs (issue 12): no file can crash, stall or exhaust the kit, and past a limit it says so.

The limits are in ``lgds/core/limits.py`` and ``lgds/core/fastyaml.py``, each with the reason for its
size. The rows of ``tests/test_quality_bad_input.py`` whose names start ``limit-`` and ``outside-``
check the strict build; here ``lgds check`` must fail on each of them with the same message (a crash of
the interpreter would show as a negative exit status). The pathological YAML is timed, and its memory
measured, as the parser reads it.
"""

from __future__ import annotations

import subprocess
import sys
import time
import tracemalloc
from datetime import date

import pytest
from pydantic import TypeAdapter, ValidationError

from lgds.core import fastyaml
from lgds.core.fields import Day
from lgds.core.limits import MAX_CELL_CHARS, check_cells, without_controls
from lgds.core.problems import Problems
from lgds.core.sources import load_with_ruamel, parse_yaml
from lgds.load import build_date

from .conftest import BUILD_ENV, lgds
from .test_quality_bad_input import CASES, LAUGHS, expected_line, mkdocs_build_in_process

OURS = [c for c in CASES if c.id.startswith(("limit-", "outside-"))]


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in OURS])
def test_lgds_check_fails_with_the_same_message_as_the_build(case, kit):
    root = kit(case.files)
    result = lgds("check", cwd=root)
    report = result.stdout + result.stderr
    assert result.returncode == 1, f"{case.id}: exit status {result.returncode}\n{report}"
    assert "Traceback" not in report, report
    assert expected_line(case) in report, report
    for text in case.also:
        assert text in report, report


SIGNUP = "council: CMD\nsigned: 2017-03-14\n"
PATHOLOGICAL = [
    ("billion-laughs", SIGNUP + LAUGHS, 7, "repeat values so often"),
    ("laughs-after-a-decimal", "ratio: 1.5\n" + LAUGHS, 6, "repeat values so often"),  # a text for ruamel
    (
        "laughs-through-merge-keys",
        "a: &a {x: 1, y: 2}\n"
        + "".join(
            f"{n}: &{n} {{<<: [{', '.join([f'*{p}'] * 9)}]}}\n"
            for p, n in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        5,
        "repeat values so often",
    ),
    ("alias-inside-itself", "a: &a [1, *a]\n", 1, "the alias `*a` is inside the value it repeats"),
    (
        "alias-inside-its-own-fields",
        "a: &a {b: {c: *a}}\n",
        1,
        "the alias `*a` is inside the value it repeats",
    ),
    ("brackets-30000-deep", "a: " + "[" * 30_000 + "]" * 30_000, 1, "nested more than 32 deep"),
    ("braces-12000-deep", "a: " + "{b: " * 12_000 + "}" * 12_000, 1, "nested more than 32 deep"),
    ("hyphens-30000-deep", "- " * 30_000 + "x\n", 1, "nested more than 32 deep"),
    ("indents-300-deep", "".join(" " * i + f"k{i}:\n" for i in range(300)), 33, "nested more than 32 deep"),
    ("twenty-thousand-values", "a: [" + "1, " * 20_000 + "1]", 1, "holds more than 20,000 values"),
    ("past-64-kb", "note: " + "a" * 70_000, 1, "the fields take up 70,006 characters, more than the 65,536"),
]


@pytest.mark.parametrize(("text", "line", "words"), [pytest.param(*c[1:], id=c[0]) for c in PATHOLOGICAL])
def test_pathological_yaml_is_refused_at_its_line_quickly_and_in_little_memory(text, line, words):
    problems = Problems()
    started = time.perf_counter()
    source = parse_yaml(text, "data/signups/cmd.yml", problems)
    took = time.perf_counter() - started
    assert source is None
    [problem] = problems.errors
    assert problem.line == line and words in problem.message, problem.format()
    assert problem.code in ("yaml-too-big", "yaml-too-long")
    assert took < 1, f"took {took:.2f} s"
    tracemalloc.start()  # again, measuring memory (which slows it down)
    try:
        parse_yaml(text, "data/signups/cmd.yml", Problems())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 50_000_000, f"used {peak / 1e6:.0f} MB"


def test_front_matter_past_a_limit_is_reported_at_the_files_own_line():
    problems = Problems()
    assert parse_yaml("title: A\nlist: " + "[" * 100 + "]" * 100, "x.md", problems, first_line=2) is None
    assert [p.line for p in problems.errors] == [3]


def test_ruamel_expands_no_alias_past_the_limits_either():
    """The files ruamel reads have been counted already; this is the second line of defence."""
    started = time.perf_counter()
    with pytest.raises(fastyaml.TooBig):
        load_with_ruamel(LAUGHS)
    with pytest.raises(fastyaml.TooBig, match="nested more than 32 deep"):
        load_with_ruamel("a: " + "[" * 40 + "]" * 40)
    assert time.perf_counter() - started < 1


def test_real_nesting_and_aliases_well_within_the_limits_still_read():
    deep = "a: " + "[" * (fastyaml.MAX_DEPTH - 1) + "]" * (fastyaml.MAX_DEPTH - 1)  # the fields are one level
    assert parse_yaml(deep, "x.yml", Problems()) is not None
    repeated = "venue: &v {name: Hall, postcode: AB1 2CD}\nagain: *v\n"
    source = parse_yaml(repeated, "x.yml", Problems())
    assert source is not None and source.data["again"] == {"name": "Hall", "postcode": "AB1 2CD"}


def test_a_file_far_past_the_size_limit_is_refused_without_reading_it(kit):
    root = kit()
    with (root / "data/signups/cmd.yml").open("wb") as handle:
        handle.write(SIGNUP.encode())
        handle.truncate(4 * 1024**3)  # four gigabytes, most of it a hole the file system never wrote
    started = time.perf_counter()
    result = lgds("check", cwd=root)
    assert result.returncode == 1
    assert (
        "data/signups/cmd.yml:1: error file-too-big: the file is over 1 MB" in result.stdout + result.stderr
    )
    assert time.perf_counter() - started < 60  # a process start and a check, not reading 4 GB


def test_control_characters_are_reported_once_and_taken_out():
    problems = Problems()
    text = "title: A\tB\r\nnote: x\x00y\x1b\n\x7fend\n"
    assert without_controls(text, "x.md", problems) == "title: A\tB\r\nnote: xy\nend\n"
    [problem] = problems
    assert problem.line == 2
    assert (
        problem.message
        == "the line has an invisible control character (U+0000, a null byte); the file has 3 of them"
    )


def test_a_control_character_made_by_an_escape_is_reported_at_its_value_and_taken_out():
    problems = Problems()
    text = 'title: plain\nlist:\n  - "fine"\n  - "bell\\a and null\\0"\nalso: "\\e"\n'
    source = parse_yaml(text, "x.yml", problems)
    assert (
        source is not None and source.data["list"] == ["fine", "bell and null"] and source.data["also"] == ""
    )
    [problem] = problems
    assert (problem.line, problem.code) == (4, "control-character")
    assert "(U+0007); it is written as an escape with `\\` in double quotes" in problem.message


def test_tabs_new_lines_and_letters_from_any_language_are_not_control_characters():
    problems = Problems()
    text = "name: Cyngor Sir Ynys Môn\tÅland – “quoted” 東京 🙂\r\n"
    assert without_controls(text, "x.yml", problems) == text
    assert not list(problems)


def test_a_csv_cell_past_the_limit_is_reported_at_its_row():
    problems = Problems()
    ok = "a,b\n1,2\n"
    assert check_cells(ok, "x.csv", problems)
    long = f'a,b\n1,2\n3,"{"x" * (MAX_CELL_CHARS + 1)}"\n'
    assert not check_cells(long, "x.csv", problems)
    [problem] = problems
    assert (problem.line, problem.code) == (3, "csv-cell-too-long")


def test_an_unclosed_quote_that_swallows_the_file_is_a_cell_past_the_limit():
    problems = Problems()
    text = 'a,b\n1,"2\n' + "3,4\n" * 100_000
    assert not check_cells(text, "x.csv", problems)
    assert [p.code for p in problems] == ["csv-cell-too-long"]


@pytest.mark.parametrize(
    "value", ["9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01", 7258118400, -2208988800 - 86400]
)
def test_a_day_outside_the_years_the_kit_takes_is_refused(value):
    with pytest.raises(ValidationError, match="the kit takes years from 1900 to 2199"):
        TypeAdapter(Day).validate_python(value)


@pytest.mark.parametrize("value", ["1900-01-01", "2199-12-31", "2027-02-10"])
def test_days_within_those_years_are_taken(value):
    assert TypeAdapter(Day).validate_python(value) == date.fromisoformat(value)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("soon", "not a whole number of seconds"),
        ("1.5e9", "not a whole number of seconds"),
        ("1_800_000_000", "not a whole number of seconds"),
        ("", "it is empty"),
        ("-86400", "a moment before 1970"),
        ("4102444800", "a moment after 2099"),
        ("9" * 5000, "a moment after 2099"),
        ("١٨٠٠٠٠٠٠٠٠", "not a whole number of seconds"),  # digits, but not ASCII ones
    ],
)
def test_an_unusable_source_date_epoch_is_an_error_and_the_date_is_todays(value, reason, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    problems = Problems()
    assert build_date(problems) == date.today()
    [problem] = problems
    assert problem.path == "SOURCE_DATE_EPOCH" and problem.code == "bad-source-date-epoch"
    assert problem.message.endswith(f": {reason}")
    assert len(problem.message) < 200


@pytest.mark.parametrize(
    ("value", "day"), [("1800000000", "2027-01-15"), (" 1800000000\n", "2027-01-15"), ("0", "1970-01-01")]
)
def test_a_usable_source_date_epoch_gives_the_build_date(value, day, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    problems = Problems()
    assert build_date(problems).isoformat() == day
    assert not list(problems)


def test_without_source_date_epoch_the_date_is_todays(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    problems = Problems()
    assert build_date(problems) == date.today()
    assert not list(problems)


@pytest.mark.parametrize("value", ["soon", "99999999999999999999"])
def test_check_and_the_build_agree_on_an_unusable_source_date_epoch(value, kit, tmp_path, monkeypatch):
    root = kit()
    expected = f"SOURCE_DATE_EPOCH: error bad-source-date-epoch: the environment variable SOURCE_DATE_EPOCH is '{value}'"
    for name in ("NO_MKDOCS_2_WARNING",):
        monkeypatch.setenv(name, BUILD_ENV[name])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    out = tmp_path / "out"
    code, report = mkdocs_build_in_process(root, out)
    assert code != 0 and not out.exists()
    assert expected in report and "Traceback" not in report, report
    checked = lgds_with_epoch(root, value)
    assert checked.returncode == 1
    assert expected in checked.stdout + checked.stderr
    assert "Traceback" not in checked.stderr


def lgds_with_epoch(root, value):
    env = {**BUILD_ENV, "SOURCE_DATE_EPOCH": value}
    return subprocess.run(
        [sys.executable, "-m", "lgds", "check"], capture_output=True, text=True, cwd=root, env=env
    )
