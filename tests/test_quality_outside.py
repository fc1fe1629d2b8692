"""Nothing outside the kit's folder is ever read, listed, published, zipped or copied (issue 12).

Each case copies the kit, then adds a symbolic link (to a file, to a folder, to nothing, or in a loop)
to a folder beside the kit that holds a secret, and expects:

- ``lgds check`` to fail with an error at the link's path, saying the kit does not follow links;
- the strict build to fail with the same words and write no site;
- no byte of the secret in anything the kit loaded, made (pages, the packs' zips), reported or copied.

Names written in a pack's fields (``..``, an absolute path, a backslash, a drive letter) are rows of
``tests/test_quality_bad_input.py``; here they name a real file outside, and links on the way.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import fields, is_dataclass
from pathlib import Path

import jinja2
import pytest
from pydantic import BaseModel

from lgds.build import TEMPLATES, build_all
from lgds.core import styles
from lgds.core.files import find, link_in, links, outside
from lgds.core.render import Renderer
from lgds.core.reuse import Memory
from lgds.kit.lineage import pack_files
from lgds.kit.packzip import pack_zip
from lgds.load import load_site

from .conftest import BUILD_DATE, BUILD_ENV, ROOT, lgds
from .test_quality_bad_input import mkdocs_build_in_process

SECRET = "OUTSIDE-THE-KIT-5f1c2"
"""Written in every file outside the kit: it must never turn up in anything the kit makes or says."""

PACK = "franchise-kit/packs/introducing-the-standard"
EVENT = "peer-groups/london/events/2027-02-10-reviewing-a-service-together.md"


@pytest.fixture
def secrets(tmp_path: Path) -> Path:
    """A folder beside the kit's copy, of the kinds of file the kit reads, each holding the secret."""
    folder = tmp_path / "outside"
    (folder / "folder").mkdir(parents=True)
    page = f"---\ntitle: {SECRET}\n---\n\n{SECRET}\n"
    for name in ("secret.md", "folder/welcome.md", "folder/index.md"):
        (folder / name).write_text(page, encoding="utf-8")
    (folder / "event.md").write_text((ROOT / EVENT).read_text(encoding="utf-8") + SECRET, encoding="utf-8")
    (folder / "signup.yml").write_text(
        f"council: CMD\nsigned: 2017-03-14\nnote: {SECRET}\n", encoding="utf-8"
    )
    (folder / "site.yml").write_text(f"site_name: {SECRET}\n", encoding="utf-8")
    (folder / "style.css").write_text(f"/* {SECRET} */ body {{ color: red; }}\n", encoding="utf-8")
    (folder / "template.md").write_text(f"{SECRET}\n", encoding="utf-8")
    register = (ROOT / "data/councils.csv").read_text(encoding="utf-8")
    (folder / "councils.csv").write_text(register.replace("Camden", SECRET, 1), encoding="utf-8")
    shutil.copytree(ROOT / "data", folder / "data")
    (folder / "data/signups/zzz.yml").write_text(f"# {SECRET}\n", encoding="utf-8")
    return folder


# Each case: an id, the links to make (path in the kit -> where it points: a path under the folder of
# secrets, or a name in the kit for a loop or a link to nothing), and the paths the errors name.
LINKS: list[tuple[str, dict[str, str], list[str]]] = [
    ("pack-file", {f"{PACK}/handouts/extra.md": "@/secret.md"}, [f"{PACK}/handouts/extra.md"]),
    ("pack-folder", {f"{PACK}/extra": "@/folder"}, [f"{PACK}/extra"]),
    (
        "pack-loop",
        {f"{PACK}/loop-a": "loop-b", f"{PACK}/loop-b": "loop-a"},
        [f"{PACK}/loop-a", f"{PACK}/loop-b"],
    ),
    ("pack-to-nothing", {f"{PACK}/handouts/gone.md": "@/no-such-file.md"}, [f"{PACK}/handouts/gone.md"]),
    ("pack-notes", {f"{PACK}/notes.md": "@/secret.md"}, [f"{PACK}/notes.md"]),
    ("docs-page", {"docs/secret.md": "@/secret.md"}, ["docs/secret.md"]),
    ("docs-folder", {"docs/more": "@/folder"}, ["docs/more"]),
    ("docs-loop", {"docs/loop": "."}, ["docs/loop"]),
    ("standard-page", {"standard/secret.md": "@/secret.md"}, ["standard/secret.md"]),
    (
        "event",
        {"peer-groups/london/events/2027-03-01-secret.md": "@/event.md"},
        ["peer-groups/london/events/2027-03-01-secret.md"],
    ),
    ("group-folder", {"peer-groups/secret": "@/folder"}, ["peer-groups/secret"]),
    ("signup", {"data/signups/zzz.yml": "@/signup.yml"}, ["data/signups/zzz.yml"]),
    ("register", {"data/councils.csv": "@/councils.csv"}, ["data/councils.csv"]),
    ("data-folder", {"data": "@/data"}, ["data"]),
    ("settings", {"site.yml": "@/site.yml"}, ["site.yml"]),
    ("stylesheet", {"overrides/assets/extra.css": "@/style.css"}, ["overrides/assets/extra.css"]),
    ("template", {"overrides/councils/council.md": "@/template.md"}, ["overrides/councils/council.md"]),
]


def make_links(root: Path, secrets: Path, made: dict[str, str]) -> None:
    for rel, target in made.items():
        path = root / rel
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(str(secrets / target[2:]) if target.startswith("@/") else target, path)


def holds(value: object, needle: str, seen: set[int] | None = None) -> bool:
    """Whether ``needle`` is anywhere in ``value``: its text, bytes, items, fields or models."""
    seen = set() if seen is None else seen
    if id(value) in seen:
        return False
    seen.add(id(value))
    if isinstance(value, str):
        return needle in value
    if isinstance(value, bytes):
        return needle.encode() in value
    if isinstance(value, dict):
        return any(holds(k, needle, seen) or holds(v, needle, seen) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return any(holds(item, needle, seen) for item in value)
    if isinstance(value, BaseModel):
        private = getattr(value, "__pydantic_private__", None) or {}
        return holds(dict(value), needle, seen) or holds(private, needle, seen)
    if is_dataclass(value):
        return any(holds(getattr(value, f.name), needle, seen) for f in fields(value))
    return False


@pytest.mark.parametrize(("made", "named"), [pytest.param(m, n, id=i) for i, m, n in LINKS])
def test_a_link_is_an_error_at_its_path_and_nothing_outside_is_read(
    made, named, kit, secrets, tmp_path, monkeypatch
):
    root = kit()
    make_links(root, secrets, made)

    check = lgds("check", cwd=root)
    assert check.returncode == 1, check.stdout + check.stderr
    report = check.stdout + check.stderr
    for path in named:
        assert f"{path}: error symbolic-link: this is a symbolic link" in report, report
    assert "the kit does not follow links" in report and "replace the link with the file itself" in report
    assert "Traceback" not in report and SECRET not in report

    for name in ("SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING"):
        monkeypatch.setenv(name, BUILD_ENV[name])
    out = tmp_path / "out"
    code, built = mkdocs_build_in_process(root, out)
    assert code != 0, "the strict build accepted a symbolic link"
    assert not out.exists() or not any(out.iterdir()), "the failed build wrote a site"
    for path in named:
        assert f"{path}: error symbolic-link: this is a symbolic link" in built, built
    assert "Traceback" not in built and SECRET not in built

    site, problems = load_site(root, today=BUILD_DATE.date())
    assert {p.path for p in problems.errors if p.code == "symbolic-link"} == set(named)
    assert not holds(site, SECRET), "a loaded model holds text from outside the kit"
    assert not any(holds(p.format(), SECRET) for p in problems)
    for pack in site.packs.values():
        assert SECRET.encode() not in pack_zip(pack)


def test_even_a_site_made_in_spite_of_the_errors_holds_nothing_from_outside(kit, secrets):
    """Every link at once, and every page made from what was loaded, as if the errors were ignored."""
    root = kit()
    for _, made, _ in LINKS:
        if not any(rel.startswith("data") for rel in made):  # the data folder's link hides the others
            make_links(root, secrets, made)
    site, problems = load_site(root, today=BUILD_DATE.date())
    assert len([p for p in problems.errors if p.code == "symbolic-link"]) >= len(LINKS) - 3
    with pytest.raises(jinja2.TemplateError, match="symbolic link"):
        list(build_all(site, Memory()))  # the linked council template is refused, not read
    (root / "overrides/councils/council.md").unlink()
    outputs = list(build_all(site, Memory()))
    assert outputs
    for output in outputs:
        assert not holds(output.content, SECRET), output.path


def test_a_pack_field_that_names_a_file_outside_is_an_error_at_its_line(kit, secrets):
    text = (ROOT / PACK / "pack.yml").read_text(encoding="utf-8")
    names = {
        "activities/welcome.md": "../../../../outside/secret.md",  # there is such a file
        "activities/where-it-came-from.md": str(secrets / "secret.md"),
        "activities/points-card-sort.md": "extra/welcome.md",  # through the linked folder
        "handouts/points-on-a-page.md": "handouts/extra.md",  # a linked file
    }
    for old, new in names.items():
        assert text.count(f"file: {old}\n") == 1
        text = text.replace(f"file: {old}\n", f"file: {new}\n")
    root = kit({f"{PACK}/pack.yml": text})
    make_links(root, secrets, {f"{PACK}/extra": "@/folder", f"{PACK}/handouts/extra.md": "@/secret.md"})
    assert (root / PACK / "../../../../outside/secret.md").resolve() == (secrets / "secret.md").resolve()
    lines = {new: text[: text.index(f"file: {new}\n")].count("\n") + 1 for new in names.values()}

    check = lgds("check", cwd=root)
    report = check.stdout + check.stderr
    assert check.returncode == 1
    where = f"{PACK}/pack.yml"
    reasons = {
        "../../../../outside/secret.md": "which goes up out of the folder with `..`",
        str(secrets / "secret.md"): "which is an absolute path (it starts with `/`)",
        "extra/welcome.md": f"which goes through the symbolic link `{PACK}/extra`",
        "handouts/extra.md": "which is a symbolic link",
    }
    for new, reason in reasons.items():
        assert f"{where}:{lines[new]}: error pack-file-outside: " in report, report
        assert f"names `{new}`, {reason}; the kit reads only the pack's own files" in report, report
    assert "pack-missing-file" not in report
    assert SECRET not in report
    site, _ = load_site(root, today=BUILD_DATE.date())
    assert not holds(site.packs["introducing-the-standard"], SECRET)


def test_vary_pack_copies_only_the_packs_own_regular_files(kit, secrets):
    root = kit()
    made = {
        f"{PACK}/handouts/extra.md": "@/secret.md",
        f"{PACK}/extra": "@/folder",
        f"{PACK}/loop": "loop",
    }
    make_links(root, secrets, made)
    result = lgds("vary-pack", "introducing-the-standard", "--group", "london", cwd=root)
    assert result.returncode == 0, result.stderr
    copy = root / "peer-groups/london/packs/introducing-the-standard"
    copied = sorted(p.relative_to(copy).as_posix() for p in copy.rglob("*") if not p.is_dir())
    assert copied == pack_files(ROOT, PACK)  # the real pack's files, and nothing the links brought
    assert not [p for p in copy.rglob("*") if p.is_symlink()]
    assert not any(SECRET.encode() in p.read_bytes() for p in copy.rglob("*") if p.is_file())
    assert "extra" not in result.stdout and "loop" not in result.stdout


def test_vary_pack_never_writes_through_a_link(kit, secrets):
    root = kit()
    target = secrets / "elsewhere"
    target.mkdir()
    make_links(root, secrets, {"peer-groups/london/packs": "@/elsewhere"})
    result = lgds("vary-pack", "introducing-the-standard", "--group", "london", cwd=root)
    assert result.returncode != 0
    assert "peer-groups/london/packs is a symbolic link, and the kit does not follow links" in result.stderr
    assert "Traceback" not in result.stderr
    assert not any(target.iterdir()), "vary-pack wrote outside the kit"


def test_listing_never_follows_a_link(kit, secrets):
    root = kit()
    make_links(root, secrets, dict(m for _, made, _ in LINKS[:9] for m in made.items()))
    listed = find(root, "docs", "**/*") + find(root, "franchise-kit", "**/*") + find(root, "standard", "*.md")
    assert not [rel for rel in listed if link_in(root, rel) is not None]
    assert "docs/secret.md" not in listed and f"{PACK}/handouts/extra.md" not in listed
    assert not [rel for rel in pack_files(root, PACK) if "extra" in rel or "loop" in rel or "gone" in rel]
    assert find(root, f"{PACK}/extra", "*.md") == []  # nor anything inside a linked folder
    assert {"docs/secret.md", "docs/loop", f"{PACK}/extra", f"{PACK}/loop-a"} <= set(links(root))


def test_a_linked_stylesheet_is_left_out_of_the_bundle(kit, secrets):
    root = kit()
    make_links(root, secrets, {"overrides/assets/extra.css": "@/style.css"})
    (root / "overrides/assets/own.css").write_text("/* own */\n", encoding="utf-8")
    sheets = styles.stylesheets(root / "overrides")
    assert "own.css" in [s.name for s in sheets]
    assert "extra.css" not in [s.name for s in sheets]
    assert SECRET not in styles.bundle(sheets)


def test_a_linked_folder_of_stylesheets_is_left_out(kit, secrets):
    root = kit()
    make_links(root, secrets, {"overrides/assets": "@/folder"})
    (secrets / "folder/colours.css").write_text(f"/* {SECRET} */\n", encoding="utf-8")
    assert SECRET not in styles.bundle(styles.stylesheets(root / "overrides"))


def test_the_renderer_refuses_a_linked_template_rather_than_read_it(kit, secrets):
    root = kit()
    make_links(root, secrets, {"overrides/councils/council.md": "@/template.md"})
    renderer = Renderer(root, TEMPLATES)
    with pytest.raises(jinja2.TemplateError) as caught:
        renderer.render("councils/council.md", "councils/cmd.md")
    message = str(caught.value)
    assert message.startswith("overrides/councils/council.md: this is a symbolic link")
    assert "the kit does not follow links; replace the link with the template itself" in message
    assert SECRET not in message


def test_a_linked_overrides_folder_is_refused_too(kit, secrets):
    root = kit()
    (secrets / "folder/councils").mkdir()
    (secrets / "folder/councils/council.md").write_text(SECRET, encoding="utf-8")
    shutil.rmtree(root / "overrides")
    make_links(root, secrets, {"overrides": "@/folder"})
    assert links(root) == ["overrides"]
    with pytest.raises(jinja2.TemplateError, match="^overrides: this is a symbolic link"):
        Renderer(root, TEMPLATES).render("councils/council.md", "councils/cmd.md")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("activities/welcome.md", ""),
        ("../secret.md", "which goes up out of the folder with `..`"),
        ("activities/../../secret.md", "which goes up out of the folder with `..`"),
        ("/etc/passwd", "which is an absolute path (it starts with `/`)"),
        ("activities\\welcome.md", "which has a backslash (`\\`), as Windows writes folders"),
        ("..\\..\\secret.md", "which has a backslash (`\\`), as Windows writes folders"),
        ("C:/Users/secret.md", "which starts with a drive letter"),
        ("c:secret.md", "which starts with a drive letter"),
        ("activities/\x00.md", "which has an invisible control character in it"),
    ],
)
def test_names_that_could_lead_outside(name, reason):
    assert outside(name) == reason
