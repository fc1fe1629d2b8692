"""The fast YAML path reads every file exactly as ruamel does: same values, same lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from lgds.core import fastyaml
from lgds.core.problems import Problems
from lgds.core.sources import Source, load_with_ruamel, split_front_matter

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[tuple[str, str]]:
    found = []
    for folder in ("data", "standard", "peer-groups", "franchise-kit"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix in (".yml", ".yaml"):
                found.append((path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")))
            elif path.suffix == ".md":
                parts = split_front_matter(path.read_text(encoding="utf-8"))
                if parts:
                    found.append((path.relative_to(ROOT).as_posix(), parts[0]))
    return found


@pytest.mark.parametrize(("path", "text"), _texts(), ids=lambda v: v if "/" in str(v) else "")
def test_every_kit_file_reads_the_same_both_ways(path: str, text: str) -> None:
    try:
        fast = fastyaml.load(text)
    except fastyaml.Unsupported:
        return  # ruamel reads it, so there is nothing to compare
    assert fast == load_with_ruamel(text)  # the same values, and the same line for every one


def test_lines_are_those_of_values_keys_and_items() -> None:
    text = "title: A\nvenue:\n  name: Hall\n  postcode:\n    AB1 2CD\npacks:\n  - one\n  - two\n"
    for data, lines in (fastyaml.load(text), load_with_ruamel(text)):
        source = Source("x.yml", data, first_line=2, lines=lines)
        assert source.line() == 2
        assert source.line("title") == 2
        assert source.line("venue") == 3  # a mapping: the key's line
        assert source.line("venue", "postcode") == 6  # a single value: the value's own line
        assert source.line("packs", 1) == 9
        assert source.line("packs", 7) == source.line("packs") == 7  # no such item: its parent
        assert source.line("nowhere", "at", "all") == 2


@pytest.mark.parametrize(
    "text",
    [
        "start: 10:00\n",  # YAML 1.1 would read 600
        "number: 010\n",
        "ratio: 1.5\n",
        "big: 1_000\n",
        "a: 1\na: 2\n",  # duplicate key: ruamel words the error
        "<<: {a: 1}\n",
        "value: !!str 5\n",
        "a: [1, 2\n",  # syntax error
    ],
)
def test_unusual_yaml_goes_to_ruamel(text: str) -> None:
    with pytest.raises(fastyaml.Unsupported):
        fastyaml.load(text)


def test_yaml_1_2_words_stay_text_and_dates_stay_text() -> None:
    text = "a: yes\nb: no\nc: on\nd: 2017-03-14\ne: true\nf: ~\ng: -3\n"
    data, _ = fastyaml.load(text)
    assert data == {"a": "yes", "b": "no", "c": "on", "d": "2017-03-14", "e": True, "f": None, "g": -3}
    assert data == load_with_ruamel(text)[0]


def test_a_problem_still_gets_ruamels_message_and_line(tmp_path: Path) -> None:
    from lgds.core.sources import read_yaml

    (tmp_path / "x.yml").write_text("council: CMD\ncouncil: HCK\n", encoding="utf-8")
    problems = Problems()
    assert read_yaml(tmp_path, "x.yml", problems) is None
    assert [p.line for p in problems.errors] == [2]
