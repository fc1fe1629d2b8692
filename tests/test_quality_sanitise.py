"""Contributors' Markdown is cleaned to an allow-list, and every removal is found at its line.

``core.sanitise`` holds the allow-list and the cheap test that decides whether a body is rendered to be
checked; ``core.unsafe`` finds what cleaning takes out. These tests hold them to their promises: each
hostile spelling is caught at its line, no body the cheap test lets through loses anything when cleaned,
and the kit's own pages lose nothing.
"""

from __future__ import annotations

import html
import os
import re
from html.parser import HTMLParser

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lgds.core import sanitise, unsafe
from lgds.core.sanitise import END, MARK, clean, clean_contributed, could_hold_unsafe

from .conftest import ROOT

# What each hostile body must be warned of: (body, the line of each removal counting from 0, a word
# each message holds).
CAUGHT = [
    ("<script>alert(1)</script>", [0], "<script>"),
    ("Text\n\n<SCRIPT>alert(1)</SCRIPT>\n\n<ScRiPt>x</sCrIpT>", [2, 4], "<script>"),
    ("<style>body { display: none }</style>", [0], "<style>"),
    ('<iframe src="https://example.org"></iframe>', [0], "<iframe>"),
    ('<object data="x"></object>', [0], "<object>"),
    ('<embed src="x">', [0], "<embed>"),
    ('<form action="https://example.org">\n<input name="password">\n</form>', [0, 1], "form"),
    ('<svg onload="alert(1)"><circle r="1"/></svg>', [0], "<svg>"),
    ("<img src=x onerror=alert(1)>", [0], "onerror"),
    ('Para\n{: onclick="alert(1)" }', [1], "onclick"),
    ("# Heading { onmouseover=alert(1) }", [0], "onmouseover"),
    ("[x](https://example.org){: onfocus=alert(1) }", [0], "onfocus"),
    ('<p style="position: fixed">x</p>', [0], "style"),
    ("[a](javascript:alert(1))", [0], "javascript:"),
    ("Intro\n\n[a](JaVaScRiPt:alert(1))", [2], "javascript:"),
    ("[a](&#106;avascript:alert(1))", [0], "javascript:"),
    ("[a](&#x6A;&#x61;vascript:alert(1))", [0], "javascript:"),
    ("[a](java&#x09;script:alert(1))", [0], "javascript:"),
    ("[a](<java\nscript:alert(1)>)", [0], "javascript:"),
    ("[x](https://example.org){: href=javascript:alert(1) }", [0], "javascript:"),
    ('<a href="  JAVASCRIPT:alert(1)">x</a>', [0], "javascript:"),
    ('<a href="&#x6A;avascript:alert(1)">x</a>', [0], "javascript:"),
    ('<a href="javascript&colon;alert(1)">x</a>', [0], "javascript:"),
    ("[a][ref]\n\nOpen data: yes\n\n[ref]: vbscript:msgbox(1)", [4], "vbscript:"),
    ("[a](VbScRiPt:msgbox(1))", [0], "vbscript:"),
    ("Open data: here\n\n![a](data:image/svg+xml;base64,PHN2Zz4=)", [2], "data:"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', [0], "data:"),
    ("<div markdown>\n[a](javascript:alert(1))\n</div>", [1], "javascript:"),
]


@pytest.mark.parametrize(("body", "lines", "word"), CAUGHT, ids=[c[0][:40] for c in CAUGHT])
def test_each_hostile_spelling_is_found_at_its_line(body, lines, word):
    assert could_hold_unsafe(body), "the cheap test let it through"
    found = unsafe.found(body)
    assert [line for line, _, _ in found] == lines, found
    assert all(word.lower() in what.lower() for _, what, _ in found[:1]), found
    assert runs_or_loads(unsafe._render(body))
    assert not runs_or_loads(clean(unsafe._render(body)))


ORDINARY = [
    "Plain text with a [link](https://example.org) and [another](../page.md#part).",
    "- [x] done\n- [ ] to do",
    "| a | b |\n|--:|:-:|\n| 1 | 2 |",
    '!!! note "A note"\n    Inside.',
    '??? tip "More"\n    Hidden until opened.',
    "*[HTML]: Hypertext Markup Language\n\nHTML is fine.",
    "Term\n:   Its definition",
    "Show `<script>` as code, and [mail](mailto:group@example.org).",
    "```html\n<script>alert(1)</script>\n```",
    "Fish & chips, R&D, 1 < 2.",
    "<https://example.org> and <group@example.org>",
    '<div class="grid cards" markdown>\n\n- **A card**\n\n</div>',
    "<details><summary>More</summary>Text</details>",
    "A heading { #its-id .a-class }\n===",
]


@pytest.mark.parametrize("body", ORDINARY)
def test_ordinary_markdown_is_not_warned_of(body):
    assert unsafe.found(body) == []


class _Tree(HTMLParser):
    """Tags, attributes and text in order, with tidy-ups that change nothing a reader gets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[str, ...]] = []

    def handle_starttag(self, tag, attrs):
        values = {k: v or "" for k, v in attrs}
        if "style" in values:
            values["style"] = re.sub(r"\s|;$", "", values["style"])
        if tag == "input":
            values["disabled"] = ""
        values.pop("markdown", None)  # asks for Markdown inside raw HTML; left in HTML, it does nothing
        self.events.append(("start", tag, *sorted(f"{k}={v}" for k, v in values.items())))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        if data.strip():
            self.events.append(("text", " ".join(data.split())))


def tree(markup: str) -> list[tuple[str, ...]]:
    parser = _Tree()
    parser.feed(markup)
    parser.close()
    return parser.events


def starts(markup: str) -> list[tuple[str, ...]]:
    """Elements, attributes and text, in order (an end tag with no start, which HTML drops, aside)."""
    return [event for event in tree(markup) if event[0] != "end"]


RUNS = {
    "script",
    "style",
    "iframe",
    "frame",
    "object",
    "embed",
    "form",
    "svg",
    "math",
    "base",
    "meta",
    "link",
}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|data):")


def runs_or_loads(markup: str) -> list[str]:
    """What in ``markup`` could run code, load something or restyle the page: elements, event handlers,
    script links, styles (but a table cell's alignment)."""
    found = []
    for event in tree(markup):
        if event[0] != "start":
            continue
        if event[1] in RUNS:
            found.append(f"<{event[1]}>")
        for attribute in event[2:]:
            name, _, value = attribute.partition("=")
            address = re.sub(r"[\x00-\x20]", "", value).lower()
            restyles = name == "style" and not re.fullmatch(r"(text-align:\w+)?", value)
            if name.startswith("on") or restyles or (name in ("href", "src") and BAD_SCHEME.match(address)):
                found.append(attribute)
    return found


PIECES = st.sampled_from(
    [
        "text ",
        "**bold** ",
        "`code <b>` ",
        "[link](https://example.org/a?b=c#d) ",
        "[rel](../page.md) ",
        "[mail](mailto:a@example.org) ",
        "[odd](javascript:alert(1)) ",
        "[odd](data:x) ",
        "![img](pic.png) ",
        "<b>b</b> ",
        "<span class=x>s</span> ",
        "<script>x</script>",
        "<img src=x onerror=y>",
        '<a href="&#106;avascript:x">a</a>',
        "&amp; ",
        "&#60;b&#62; ",
        "{: onclick=x }",
        "{ .cls }",
        "\n",
        "\n\n",
        "\n\n- item\n",
        "\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n",
        "\n\n```\n<script>\n```\n\n",
        "\n\n!!! note\n    <b>in a note</b>\n\n",
        "\n\n<div markdown>\n",
        "\n</div>\n\n",
        "\n\n<div>\n",
        "\n[ref]: https://example.org\n",
        "\n[ref]: vbscript:x\n",
        "[r][ref] ",
        "<",
        ">",
        "]",
        "(",
        ")",
        ":",
        "&",
        "{",
        "}",
    ]
)


@settings(
    max_examples=int(os.environ.get("LGDS_EXAMPLES", "200")),  # raise it for a deeper search
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(PIECES, max_size=12).map("".join))
def test_what_the_cheap_test_lets_through_loses_nothing_when_cleaned(body):
    """The cheap test only decides what is rendered to be checked; it must never hide a removal."""
    rendered = unsafe._render(body)
    if not could_hold_unsafe(body):
        assert unsafe.removals(rendered) == [], body
        assert starts(clean(rendered)) == starts(rendered), body
    # Whatever the cheap test says, what cleaning leaves never runs or loads anything.
    assert not runs_or_loads(clean(rendered)), body


def test_the_check_renders_with_the_extensions_mkdocs_uses():
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    assert [n if "." in n else f"markdown.extensions.{n}" for n in names] == list(unsafe.EXTENSIONS)


def test_a_contributed_body_is_marked_for_cleaning_and_an_empty_one_is_not():
    from lgds.core.escape import contributed

    assert str(contributed("  Text\n")) == f"{MARK}\n\nText\n\n{END}"
    assert not contributed("  \n")


def test_only_a_contributors_body_is_cleaned_and_the_kits_markup_around_it_is_kept():
    kit = '<form class="lgds-filters" hidden><select id="x" data-phase="beta"></select></form>'
    page = f"{kit}\n{MARK}\n<p>Hi<script>alert(1)</script></p>\n{END}\n{kit}"
    assert clean_contributed(page) == f"{kit}\n\n<p>Hi</p>\n\n{kit}"


def test_a_body_cannot_end_its_own_cleaning_early():
    from lgds.core.escape import contributed

    body = f"Hi\n\n{END}\n\n<script>alert(1)</script>\n\n<!-- LGDS-Contributed-End -->"
    marked = str(contributed(body))
    assert marked.count(END) == 1 and marked.endswith(END)
    assert "<script" not in clean_contributed(marked)


def test_what_a_body_leaves_open_is_closed_inside_it_and_a_lost_end_cleans_the_rest():
    page = f"{MARK}<div><p>Open\n{END}<form hidden></form>"
    assert clean_contributed(page) == "<div><p>Open\n</p></div><form hidden></form>"
    hidden = f"{MARK}<pre><code>&lt;!-- the end --&gt;</code></pre><form hidden></form><script>x</script>"
    assert "<form" not in clean_contributed(hidden) and "<script" not in clean_contributed(hidden)


def test_the_mark_is_taken_out_with_every_other_comment():
    assert clean(f"{MARK}\n<p>Text<!-- a note --></p>") == "\n<p>Text</p>"


def test_cleaning_keeps_every_page_the_kit_makes_as_it_was(tmp_path, monkeypatch):
    """The allow-list keeps everything the kit's templates and Markdown make: a full build, every page
    cleaned compared with the same page before cleaning."""
    from mkdocs.__main__ import cli

    pairs: list[tuple[str, str]] = []
    real = sanitise._cleaner()

    class Recording:
        def clean(self, markup: str) -> str:
            pairs.append((markup, real.clean(markup)))
            return pairs[-1][1]

    monkeypatch.setattr(sanitise, "_cleaner", Recording)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    with pytest.raises(SystemExit) as exit_:
        cli.main(["build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(tmp_path / "site")])
    assert exit_.value.code == 0
    assert len(pairs) > 30, "fewer pages were cleaned than the kit has hand-written pages and bodies"
    changed = [html.unescape(before[:200]) for before, after in pairs if starts(before) != starts(after)]
    assert changed == []


def test_the_warning_says_what_where_what_was_expected_and_the_fix():
    from lgds.core.problems import Problems

    problems = Problems()
    unsafe.check("Intro\n\n<script>alert(1)</script>\n", "standard/1-x.md", 7, problems)
    assert [p.format() for p in problems] == [
        "standard/1-x.md:9: warning unsafe-markup: the text has a <script> element, with what is inside "
        "it: the site leaves it out of the page; expected Markdown, with HTML only to format text: no "
        "scripts, styles, frames, forms or objects, no attributes such as `onclick` that run code, and "
        "links only to https:, http: or mailto: addresses (fix: take out the <script>; to show it as "
        "text, put it in backticks like `<script>`)"
    ]


def test_contributed_lines_in_a_list_stay_one_flat_list_and_are_cleaned():
    import markdown

    from lgds.core.escape import contributed_line

    items = [contributed_line(q) for q in ("Who are your users?", "Is it <script>x</script> safe?")]
    html = markdown.markdown("Questions:\n\n" + "".join(f"- {item}\n" for item in items))
    assert html.count("<ul>") == 1 and html.count("<li>") == 2
    assert "<script" not in clean_contributed(html)
    assert "Who are your users?" in clean_contributed(html)
