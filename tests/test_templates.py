"""Templates and stylesheets: each template says truly what it receives, the reference page lists them
all, and a fork changes a page's wording or the colours with files of its own under ``overrides/``.

Written over whatever templates the features ship, so it holds as more pages move to templates.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
import jinja2.meta
import pytest
from bs4 import BeautifulSoup

from lgds.build import TEMPLATES, build_all, pages_for
from lgds.core import routes, styles
from lgds.core.escape import markdown_text
from lgds.core.render import Renderer
from lgds.core.reuse import Memory
from lgds.load import load_site
from lgds.sitewide import reference
from lgds.sitewide.describe import ALWAYS, describe

from .conftest import ROOT, mkdocs_build, read_page

KIT = Renderer(ROOT, TEMPLATES)
NAMES = KIT.names()


def parse(name: str) -> jinja2.nodes.Template:
    """A template as its own environment reads it: Markdown pages, or plain text for feeds and files."""
    environment = KIT.markdown if name.endswith(".md") else KIT.text
    return environment.parse(KIT.kit_source(name))


GIVEN = {*ALWAYS, "url", "to", *jinja2.Environment().globals}
"""What a template may use without its comment listing it: every template's own, and Jinja's globals."""

FORK_WORDS = "Our region's own words, Zqx7."
FORK_COLOURS = ":root {\n  --md-primary-fg-color: #7a1f5c;\n  --md-typeset-a-color: #7a1f5c;\n}\n"
FORK_STYLES = "/* Our own additions. */\n.zqx-ours { font-weight: bold; }\n"
PAGES_TO_OVERRIDE = {"councils/council.md": "council", "standard/point.md": "point"}
"""Templates the fork test overrides, with the route of a page each makes."""


def test_every_template_file_is_one_the_renderer_knows():
    on_disk = {
        f"{folder}/{path.relative_to(base).as_posix()}"
        for folder, base in TEMPLATES.items()
        for path in base.rglob("*")
        if path.is_file()
    }
    in_features = {f"{path.parents[1].name}/{path.name}" for path in (ROOT / "lgds").glob("*/templates/*")}
    assert NAMES and set(NAMES) == on_disk
    assert in_features <= on_disk, "a feature's templates folder is not in lgds.build.TEMPLATES"


@pytest.mark.parametrize("name", NAMES)
def test_every_template_parses_and_opens_with_its_description(name: str):
    source = KIT.kit_source(name)
    parse(name)
    assert source.startswith("{#-"), f"{name} does not open with a {{#- ... -#}} comment"
    described = describe(source)
    assert described is not None and described.about, f"{name}'s opening comment says nothing"
    for variable in described.variables:
        assert variable.what, f"{name}: `{', '.join(variable.names)}` has no description"


@pytest.mark.parametrize("name", NAMES)
def test_every_variable_a_template_uses_is_in_its_comment(name: str):
    source = KIT.kit_source(name)
    used = jinja2.meta.find_undeclared_variables(parse(name)) - GIVEN
    described = describe(source)
    assert described is not None
    missing = sorted(used - described.names)
    assert not missing, f"{name} uses {missing} but its opening comment does not list them"


def test_a_comment_lists_shared_names_and_descriptions_over_several_lines():
    described = describe(
        "{#-\n  What it makes, at /x/,\n  over two lines.\n\n  a, b: the first and\n    second `c`\n"
        "  d: the last\n-#}\nbody"
    )
    assert described is not None
    assert [p.text for p in described.about[0]] == ["What it makes, at /x/, over two lines."]
    assert [v.names for v in described.variables] == [("a", "b"), ("d",)]
    assert [(p.text, p.code) for p in described.variables[0].what] == [
        ("the first and second ", False),
        ("c", True),
    ]
    assert describe("no comment {# later #}") is None


def test_the_templates_reference_lists_every_template_and_what_it_receives():
    site, problems = load_site(ROOT)
    assert not problems.errors
    pages = pages_for(site)
    made = {output.path: output for output in reference.build(site, pages)}
    page = made[routes.path("templates")].content
    assert isinstance(page, str)
    for name in NAMES:
        assert f"### {markdown_text(name)}\n" in page, name
        described = describe(KIT.kit_source(name))
        assert described is not None
        for variable in described.names:
            assert f"<code>{markdown_text(variable)}</code>" in page, (name, variable)
    for sheet in pages.renderer.stylesheets():
        assert f"<code>{markdown_text(sheet.name)}</code>" in page, sheet.name


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def test_a_fork_replaces_a_kit_stylesheet_and_adds_its_own_after_the_kits(tmp_path: Path):
    kit_names = sorted(p.name for p in styles.KIT.glob("*.css"))
    assert "colours.css" in kit_names
    _write(
        tmp_path / "overrides" / "assets",
        {"colours.css": FORK_COLOURS, "a-first.css": FORK_STYLES, "b.css": "/* b */\n", "notes.txt": "x"},
    )
    sheets = Renderer(tmp_path, TEMPLATES).stylesheets()
    assert [s.name for s in sheets] == [*kit_names, "a-first.css", "b.css"]
    colours = next(s for s in sheets if s.name == "colours.css")
    assert colours.text == FORK_COLOURS and colours.in_kit and colours.forks
    assert colours.summary == styles.summary((styles.KIT / "colours.css").read_text(encoding="utf-8"))
    added = next(s for s in sheets if s.name == "a-first.css")
    assert not added.in_kit and added.forks and added.summary == "Our own additions."
    bundle = Renderer(tmp_path, TEMPLATES).stylesheet()
    assert "/* overrides/assets/colours.css */\n" + FORK_COLOURS in bundle
    assert (styles.KIT / "colours.css").read_text(encoding="utf-8") not in bundle
    assert bundle.index("/* kit.css */") < bundle.index("/* overrides/assets/a-first.css */")


def test_the_palette_is_only_in_colours_css():
    for path in styles.KIT.glob("*.css"):
        text = path.read_text(encoding="utf-8")
        assert (":root" in text) == (path.name == "colours.css"), path.name
    palette = (styles.KIT / "colours.css").read_text(encoding="utf-8")
    for path in styles.KIT.glob("*.css"):
        if path.name != "colours.css":
            for colour in ("#1d4f91", "#2b6cb0", "#123262", "#0b3d91"):
                assert colour in palette and colour not in path.read_text(encoding="utf-8"), path.name


def test_an_edited_fork_stylesheet_changes_the_bundle_on_the_next_build(kit: Callable[..., Path]):
    root = kit({"overrides/assets/colours.css": FORK_COLOURS})
    memory = Memory()
    site, _ = load_site(root, memory=memory)

    def bundle() -> str:
        made = {o.path: o.content for o in build_all(site, memory)}
        return str(made[routes.path("stylesheet")])

    assert FORK_COLOURS in bundle()
    edited = FORK_COLOURS.replace("#7a1f5c", "#5c1f7a") + "/* edited */\n"
    (root / "overrides/assets/colours.css").write_text(edited, encoding="utf-8")
    assert edited in bundle()
    (root / "overrides/assets/zz.css").write_text(FORK_STYLES, encoding="utf-8")
    assert bundle().endswith(FORK_STYLES)


def test_a_forks_own_template_and_stylesheets_show_in_a_strict_build(
    kit: Callable[..., Path], tmp_path: Path
):
    overrides = {
        f"overrides/{name}": KIT.kit_source(name) + f"\n{FORK_WORDS}\n"
        for name in PAGES_TO_OVERRIDE
        if name in NAMES
    }
    root = kit(
        {
            **overrides,
            "overrides/assets/colours.css": FORK_COLOURS,
            "overrides/assets/zz-ours.css": FORK_STYLES,
        }
    )
    out = tmp_path / "site"
    result = mkdocs_build(root, out)
    assert result.returncode == 0, result.stderr

    site, _ = load_site(root)
    examples = {
        "council": {"council": min(site.current_councils, key=lambda c: c.code)},
        "point": {"point": next(iter(site.points.values()))},
    }
    for name, route in PAGES_TO_OVERRIDE.items():
        if name not in NAMES:
            continue  # this feature's pages are not made from templates yet
        url = routes.url(routes.path(route, **examples[route]))
        text = BeautifulSoup(read_page(out, url), "html.parser").get_text()
        assert FORK_WORDS in text, f"overrides/{name} did not change {url}"
    assert FORK_WORDS not in BeautifulSoup(read_page(out, "/about/"), "html.parser").get_text()

    bundle = (out / routes.path("stylesheet")).read_text(encoding="utf-8")
    assert FORK_COLOURS in bundle and bundle.rstrip().endswith(FORK_STYLES.rstrip())
    assert (styles.KIT / "colours.css").read_text(encoding="utf-8") not in bundle
    assert not (out / "assets/colours.css").exists() and not (out / "assets/zz-ours.css").exists()

    listed = BeautifulSoup(read_page(out, "/reference/templates/"), "html.parser").get_text(" ")
    assert "Replaced by overrides/assets/colours.css" in " ".join(listed.split())
    assert "Added: overrides/assets/zz-ours.css" in " ".join(listed.split())
    assert "This site has its own copy: overrides/standard/point.md" in " ".join(listed.split())
