"""Readers see reader pages: no page of the built site shows an unfilled `{placeholder}` or literal
backticks in its text, and the page types readers use show no `lgds` command and no YAML file name
(those belong in the contributor and facilitator guides and the reference). The error reference
shows every kind of problem with an example filled in."""

from __future__ import annotations

import html
import re
import string
from pathlib import Path

import pytest

from lgds.core.problems import KINDS
from lgds.load import load_site
from lgds.sitewide.examples import EXAMPLES
from lgds.sitewide.reference import reported
from tests.conftest import ROOT

PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_]*(?:![rsa])?\}")
"""A ``str.format`` field left unfilled, such as ``{wanted}`` or ``{code!r}``."""
COMMAND = re.compile(r"\blgds [a-z][a-z-]*")
YAML_FILE = re.compile(r"[\w./-]*\.ya?ml\b", re.IGNORECASE)

BODY = re.compile(r"<body\b.*?</body>", re.DOTALL)
ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)
CODE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)
HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def text(markup: str, code: bool = True) -> str:
    """What a reader sees of some HTML, on one line; without code and preformatted text if not ``code``."""
    markup = HIDDEN.sub(" ", markup)
    if not code:
        markup = CODE.sub(" ", markup)
    return " ".join(html.unescape(TAG.sub(" ", markup)).split())


def pages(site: Path, pattern: str) -> list[Path]:
    found = sorted(site.glob(pattern))
    assert found, f"no page matches {pattern}"
    return found


def part(markup: str, pattern: re.Pattern[str]) -> str:
    match = pattern.search(markup)
    assert match, "the page has no such element"
    return match.group(0)


def test_no_page_has_an_unfilled_placeholder_or_literal_backticks(built_site: Path) -> None:
    faults = []
    for page in pages(built_site, "**/*.html"):
        body = part(page.read_text(encoding="utf-8"), BODY)
        where = page.relative_to(built_site).as_posix()
        faults += [f"{where}: {hit}" for hit in set(PLACEHOLDER.findall(text(body)))]
        prose = text(body, code=False)
        if "`" in prose:
            at = prose.index("`")
            faults.append(f"{where}: a backtick in {prose[max(0, at - 40) : at + 40]!r}")
    assert not faults, "\n".join(sorted(faults))


READER_PAGES = [
    pytest.param("home", "index.html", id="home"),
    pytest.param("points", "standard/**/index.html", id="points"),
    pytest.param("councils", "councils/**/index.html", id="councils"),
    pytest.param(
        "peer groups index",
        "peer-groups/index.html",
        id="peer-groups-index",
    ),
    pytest.param("groups and their events", "peer-groups/*/**/index.html", id="groups"),
    pytest.param("events", "events/**/index.html", id="events"),
    pytest.param(
        "packs",
        "franchise-kit/packs/**/index.html",
        id="packs",
    ),
    pytest.param("peer reviews", "reviews/**/index.html", id="reviews"),
    pytest.param("network", "network/index.html", id="network"),
    pytest.param("sign-up", "sign-up/index.html", id="sign-up"),
    pytest.param("about", "about/index.html", id="about"),
]


@pytest.mark.parametrize(("kind", "pattern"), READER_PAGES)
def test_reader_pages_show_no_command_or_yaml_file_name(built_site: Path, kind: str, pattern: str) -> None:
    faults = []
    for page in pages(built_site, pattern):
        seen = text(part(page.read_text(encoding="utf-8"), ARTICLE))
        where = page.relative_to(built_site).as_posix()
        faults += [f"{where}: {hit}" for hit in sorted(set(COMMAND.findall(seen) + YAML_FILE.findall(seen)))]
    assert not faults, f"{kind} pages show developer material:\n" + "\n".join(faults)


def test_the_checks_find_what_they_look_for() -> None:
    """The patterns are not blind: each finds what it is meant to, and passes what it is not."""
    assert PLACEHOLDER.findall("Expected: {wanted}; {code!r}") == ["{wanted}", "{code!r}"]
    assert not PLACEHOLDER.findall("a set {1, 2} and {}")
    assert COMMAND.findall("run lgds new-group now") == ["lgds new-group"]
    assert YAML_FILE.findall("edit site.yml or peer-groups/x/group.yaml") == [
        "site.yml",
        "peer-groups/x/group.yaml",
    ]
    assert text("<p>a <code>`x`</code> b</p>", code=False) == "a b"
    assert text("<p>a&amp;b<script>var x = '{y}'</script></p>") == "a&b"


def test_every_kind_of_problem_has_an_example_that_fills_every_placeholder() -> None:
    load_site(ROOT)  # every feature's loader registers its kinds
    assert sorted(EXAMPLES) == sorted(KINDS), "add an example to lgds/sitewide/examples.py for each new kind"
    for code, kind in KINDS.items():
        wanted = {
            name.split("!")[0]
            for template in (kind.message, kind.expected, kind.fix)
            for _, name, _, _ in string.Formatter().parse(template)
            if name
        }
        assert set(EXAMPLES[code].values) == wanted, code
        example = reported(kind)
        for sentence in (example.message, example.expected, example.fix):
            shown = "".join(part for part, _ in sentence.parts)
            assert not PLACEHOLDER.search(shown), (code, shown)
            assert "`" not in shown, (code, shown)


def test_the_error_reference_shows_each_example_in_full(built_site: Path) -> None:
    page = (built_site / "reference/errors/index.html").read_text(encoding="utf-8")
    seen = re.sub(r" ([.,:;?])", r"\1", text(part(page, ARTICLE)))  # no space a tag's end left
    assert (
        "For example, in site.yml at line 5: There is no peer group midland. What was expected: The folder "
        "name of a group under peer-groups/ that has a group.yml: london, midlands"
    ) in seen
    assert "How to fix it: Did you mean 'midlands'?" in seen
    assert "<code>midland</code>" in page  # what was between backticks is shown as code
