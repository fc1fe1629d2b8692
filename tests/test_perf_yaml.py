"""The fast YAML path reads every file exactly as ruamel does: same values, same lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from lgds import fastyaml
from lgds.problems import Problems
from lgds.sources import _yaml, plain, split_front_matter

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


def _positions(node, at=()) -> dict:
    """Every key's and item's (line, column) as ruamel records them, by location."""
    seen = {}
    if isinstance(node, CommentedMap):
        seen[at] = (node.lc.line, node.lc.col)
        for key, value in node.items():
            seen[(*at, key, "key")] = node.lc.key(key)
            seen[(*at, key, "value")] = node.lc.value(key)
            seen.update(_positions(value, (*at, key)))
    elif isinstance(node, CommentedSeq):
        seen[at] = (node.lc.line, node.lc.col)
        for i, value in enumerate(node):
            seen[(*at, i)] = node.lc.item(i)
            seen.update(_positions(value, (*at, i)))
    return seen


@pytest.mark.parametrize(("path", "text"), _texts(), ids=lambda v: v if "/" in str(v) else "")
def test_every_kit_file_reads_the_same_both_ways(path: str, text: str) -> None:
    try:
        fast = fastyaml.load(text)
    except fastyaml.Unsupported:
        return  # ruamel reads it, so there is nothing to compare
    slow = _yaml().load(text)
    assert plain(fast) == plain(slow)
    assert _positions(fast) == _positions(slow)


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
    data = fastyaml.load("a: yes\nb: no\nc: on\nd: 2017-03-14\ne: true\nf: ~\ng: -3\n")
    assert plain(data) == {"a": "yes", "b": "no", "c": "on", "d": "2017-03-14", "e": True, "f": None, "g": -3}
    assert plain(data) == plain(_yaml().load("a: yes\nb: no\nc: on\nd: 2017-03-14\ne: true\nf: ~\ng: -3\n"))


def test_a_problem_still_gets_ruamels_message_and_line(tmp_path: Path) -> None:
    from lgds.sources import read_yaml

    (tmp_path / "x.yml").write_text("council: CMD\ncouncil: HCK\n", encoding="utf-8")
    problems = Problems()
    assert read_yaml(tmp_path, "x.yml", problems) is None
    assert [p.line for p in problems.errors] == [2]
