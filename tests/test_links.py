"""Links in Markdown are checked by ``lgds check`` as MkDocs' strict build checks them.

The check reads links as Python-Markdown reads them, and sections as its ``toc`` names them, without
making any page; it knows the site's pages from the models (``lgds.published``). These tests hold each
of those to what the build does, then check that a broken link in each kind of text is reported at its
own file and line, counted from the page the text appears on.
"""

from __future__ import annotations

import html
import re
from datetime import date

import markdown
import pytest

from lgds.build import build_all
from lgds.core.links import links
from lgds.core.reuse import Memory
from lgds.core.sections import sections
from lgds.load import load_site
from lgds.published import generated

from .conftest import ROOT

TODAY = date(2026, 11, 23)
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]
EXTENSIONS += ["pymdownx.details", "pymdownx.superfences", "pymdownx.tasklist"]
"""mkdocs.yml's Markdown extensions."""

SAMPLES = [
    'See [the code](../code-of-conduct.md) and ![a map](img/map.png "The map").',
    "A [link with (brackets)](page(1).md) and [one in angles](<with space.md> 'A title').",
    "`[not](code.md)` and\n\n```\n[nor](this.md)\n```\n\n~~~~\n[x](y.md)\n~~~~\n[yes](z.md)",
    '<!-- [hidden](h.md) -->\n[a reference][r] and [unused]: u.md\n\n[r]: ref.md "T"\n[u2]: unused.md',
    "[over two\nlines](m.md) and \\[not a link\\](n.md)",
    "[nested [brackets]](nb.md) [empty]() [web](https://x.org) [mail](someone@example.org)",
    "[shortcut]\n\n[shortcut]: short.md",
    "[text that a blank line\n\nbreaks](para.md)",
    "- item [in a list](list.md)\n    [indented](ind.md)",
    "[to a section](page.md#section) [on this page](#anchor) [a query](?x=1)",
    "[a space](a page.md) [an apostrophe](it's.md)",
]


def markdown_hrefs(text: str) -> list[str]:
    made = markdown.markdown(text, extensions=EXTENSIONS)
    return sorted(html.unescape(h) for h in re.findall(r'(?:href|src)="([^"]*)"', made) if h != "#")


def shipped_markdown() -> list[str]:
    paths = [*ROOT.glob("docs/**/*.md"), *ROOT.glob("standard/*.md"), *ROOT.glob("peer-groups/**/*.md")]
    paths += ROOT.glob("franchise-kit/**/*.md")
    return [p.read_text(encoding="utf-8").split("\n---\n", 1)[-1] for p in sorted(paths)]


@pytest.mark.parametrize("text", SAMPLES + shipped_markdown())
def test_links_are_read_as_python_markdown_reads_them(text):
    """Every address Python-Markdown links to, but for autolinks (``<https://...>``), which are never
    relative and so never checked."""
    ours = sorted(link.url for link in links(text))
    autolinks = set(re.findall(r"<([a-z]+:[^>\s]+)>", text))
    assert ours == [u for u in markdown_hrefs(text) if u not in autolinks]


HEADINGS = (
    "# Hello *world*\n\n## Why it matters\n\n## Why it matters\n\nSetext\n------\n\n"
    '### Code `x_y` & more {#custom}\n\n## snake_case __bold__\n\n<div id="raw">x</div>\n\n'
    "## Café [a link](x.md) ![a picture](a.png)\n\n#Tight\n"
)


@pytest.mark.parametrize("text", [HEADINGS, *shipped_markdown()])
def test_every_section_python_markdown_makes_is_known(text):
    made = markdown.markdown(text, extensions=EXTENSIONS)
    ids = set(re.findall(r'id="([^"]*)"', made))
    names = sections(text)
    if names is not None:
        assert ids <= names


def test_the_pages_the_kit_makes_are_known_without_making_them():
    site, problems = load_site(ROOT, today=TODAY, memory=Memory())
    assert not problems.errors
    made = {output.path for output in build_all(site, Memory())}
    assert set(generated(site)) == made


def test_the_pages_the_kit_makes_are_known_without_its_examples(kit):
    root = kit(
        {
            "site.yml": (ROOT / "site.yml")
            .read_text(encoding="utf-8")
            .replace("example_data: true", "example_data: false")
        }
    )
    site, _ = load_site(root, today=TODAY, memory=Memory())
    assert set(generated(site)) == {output.path for output in build_all(site, Memory())}


def errors(root) -> list[str]:
    _, problems = load_site(root, today=TODAY)
    return [p.format() for p in problems.errors]


def add(path: str, text: str) -> dict[str, str]:
    return {path: (ROOT / path).read_text(encoding="utf-8") + text}


EVENT = "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"
PACK = "franchise-kit/packs/show-and-tell"

PLACES = [
    # (file, a link that works from where its text is published, the line the text's last line is on)
    pytest.param(EVENT, "../../../franchise-kit/code-of-conduct.md", id="event"),
    pytest.param("standard/3-use-agile-methods.md", "4-iterate-and-improve-regularly.md", id="point"),
    pytest.param("peer-groups/london/index.md", "../../councils/index.md", id="group-page"),
    pytest.param(f"{PACK}/notes.md", "../../code-of-conduct.md", id="pack-notes"),
    pytest.param(f"{PACK}/activities/welcome-and-ground-rules.md", "../../code-of-conduct.md", id="activity"),
    pytest.param("standard/index.md", "../franchise-kit/index.md", id="introduction"),
    pytest.param("franchise-kit/guide/running-the-day.md", "../code-of-conduct.md", id="guide-page"),
    pytest.param("docs/about.md", "franchise-kit/code-of-conduct.md", id="docs-page"),
]


@pytest.mark.parametrize("path,good", PLACES)
def test_a_link_is_counted_from_where_the_text_is_published(kit, path, good):
    assert errors(kit(add(path, f"\n[The code]({good})\n"))) == []


@pytest.mark.parametrize("path,good", PLACES)
def test_a_broken_link_is_reported_at_its_file_and_line(kit, path, good):
    broken = good.replace("code-of-conduct.md", "code-of-conduct-2.md").replace(".md", "-gone.md")
    root = kit(add(path, f"\nSome text.\n\nSee [the page]({broken}).\n"))
    line = (ROOT / path).read_text(encoding="utf-8").count("\n") + 4
    found = errors(root)
    assert len(found) == 1, found
    assert found[0].startswith(f"{path}:{line}: error broken-link: the link to `{broken}` leads nowhere: ")
    assert (
        "expected a link to a page or file of the site, counted from the folder of the page this text is on"
        in found[0]
    )


def test_a_link_to_a_page_the_kit_makes_from_a_model_is_known(kit):
    text = "\n[Camden](../../../councils/cmd.md) [the London group](../index.md) [2016](2016.md)\n"
    assert errors(kit(add(EVENT, text))) == []


def test_the_fix_names_the_file_meant(kit):
    found = errors(kit(add(EVENT, "\n[The code](../code-of-conduct.md)\n")))
    assert found[0].endswith(
        "(fix: did you mean `../../../franchise-kit/code-of-conduct.md`? A link is counted from "
        "peer-groups/london/events/, where this text is published)"
    )


@pytest.mark.parametrize(
    "link,fix",
    [
        (
            "someone@example.org",
            "(fix: to link to an email address, write `mailto:` before it: `mailto:someone@example.org`)",
        ),
        (
            "../../../../../about.md",
            "(fix: there are too many `../`: count the folders up from peer-groups/london/events/",
        ),
        ("../../../about.html", "(fix: did you mean `../../../about.md`?"),
    ],
    ids=["email", "too-far-up", "html"],
)
def test_the_fix_for_a_common_mistake(kit, link, fix):
    found = errors(kit(add(EVENT, f"\n[Here]({link})\n")))
    assert len(found) == 1 and fix in found[0], found


def test_links_the_build_leaves_alone_are_left_alone(kit):
    text = "\n[web](https://example.org/x.md) [mail](mailto:a@example.org) [up](/about/) [folder](../)\n"
    assert errors(kit(add(EVENT, text))) == []


def test_a_link_to_a_section_of_a_hand_written_page_that_it_lacks_is_reported(kit):
    text = (
        "\n[Help](contribute.md#get-help-from-your-editor) [Gone](contribute.md#get-help) [Here](#licence)\n"
    )
    found = errors(kit(add("docs/about.md", text)))
    assert len(found) == 1, found
    assert (
        "error broken-section-link: the link to `contribute.md#get-help` goes to a section `#get-help` that "
        in found[0]
    )
    assert "the page `contribute/` does not have" in found[0]
    assert "(fix: did you mean 'get-help-from-your-editor'?)" in found[0]


def test_sections_of_a_page_the_kit_makes_are_left_to_the_build(kit):
    assert (
        errors(kit(add(EVENT, "\n[Point 1](../../../standard/1-understand-user-needs.md#anything)\n"))) == []
    )
