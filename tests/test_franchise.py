"""The whole franchise, with real git: a fork makes the site its own, the kit changes every kind of file
it owns, and the fork takes those changes without a conflict and still builds strictly.

The fork touches only what the README says a fork may: ``site.yml``, its group's folder under
``peer-groups/`` and ``overrides/``. The kit's package (``lgds/``, with its templates and styles) is
part of both repositories here, as it is in a real fork, and each build uses its own copy.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import BUILD_ENV, ROOT, copy_kit, read_page
from .test_kit_fork import GIT_ENV, append, git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OWN_EVENT = """---
title: Our first show and tell
date: 2027-09-15
start: "10:00"
end: "12:00"
venue:
  name: Civic Offices, room 1
  address: 1 Example Street, Winchester
  postcode: SO23 9ZZ
packs: [show-and-tell]
status: confirmed
---

The South group's own event, on its own site.
"""

FORK_WORDING = "Our region's wording: ask the South peer group how this council can join in."
FORK_COLOUR = "#5b2a86"
KIT_TEMPLATE_WORDING = "The kit's new closing line for every point."
KIT_STYLE = "/* The kit's new style rule */"
EXAMPLE_SIGNUP = "data/signups/agb.yml"


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    """A command run with this copy's own package first on the path, as the copy's CI would."""
    env = {**BUILD_ENV, "PYTHONPATH": str(root)}
    return subprocess.run([sys.executable, *args], cwd=root, capture_output=True, text=True, env=env)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def article(site: Path, url: str) -> str:
    page = BeautifulSoup(read_page(site, url), "html.parser")
    return " ".join(page.select_one("article").get_text(" ").split())


@pytest.fixture(scope="module")
def franchise(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """The fork after it merged the kit's changes, its built site, and what the merge printed."""
    base = tmp_path_factory.mktemp("franchise")
    upstream = copy_kit(base / "upstream")
    shutil.copytree(ROOT / "lgds", upstream / "lgds", ignore=shutil.ignore_patterns("__pycache__"))
    assert (upstream / EXAMPLE_SIGNUP).is_file()
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "The kit")
    fork = base / "fork"
    git(base, "clone", "-q", str(upstream), str(fork))

    # The fork: its settings, its group's own event and varied pack, its own wording and colours.
    settings = fork / "site.yml"
    edit(settings, "\ngroup:\n", "\ngroup: south\n")
    edit(settings, "\nexample_data: true\n", "\nexample_data: false\n")
    edit(settings, "\nsite_url:\n", "\nsite_url: https://south.example.org/\n")
    edit(
        settings,
        "\norganisation: the maintainers of the LGDS kit\n",
        "\norganisation: the South peer group\n",
    )
    edit(
        settings,
        "\ncontact_email: lgds-kit-maintainers@example.org\n",
        "\ncontact_email: peer-group@your-council.gov.uk\n",
    )
    (fork / "peer-groups/south/events/2027-09-15-our-first-show-and-tell.md").write_text(OWN_EVENT)
    varied = run(fork, "-m", "lgds", "vary-pack", "one-point-in-depth", "--group", "south")
    assert varied.returncode == 0, varied.stderr
    append(fork / "peer-groups/south/packs/one-point-in-depth/notes.md", "\nWe run this over lunch.\n")
    council = (fork / "lgds/councils/templates/council.md").read_text(encoding="utf-8")
    (fork / "overrides/councils").mkdir(parents=True)
    (fork / "overrides/councils/council.md").write_text(council.rstrip("\n") + f"\n\n{FORK_WORDING}\n")
    (fork / "overrides/assets").mkdir(parents=True)
    (fork / "overrides/assets/colours.css").write_text(
        f":root {{\n  --md-primary-fg-color: {FORK_COLOUR};\n  --md-typeset-a-color: {FORK_COLOUR};\n}}\n"
    )
    git(fork, "add", "-A")
    git(fork, "commit", "-q", "-m", "The South group's own site")

    # The kit changes every kind of file it owns.
    append(upstream / "standard/1-understand-user-needs.md", "\nA new upstream paragraph on point 1.\n")
    pack = upstream / "franchise-kit/packs/one-point-in-depth"
    edit(pack / "pack.yml", 'version: "1.0"', 'version: "1.1"')
    append(pack / "notes.md", "\nA new upstream tip for this pack.\n")
    append(upstream / "lgds/standard/templates/point.md", f"\n{KIT_TEMPLATE_WORDING}\n")
    append(upstream / "lgds/assets/css/00-base.css", f"\n{KIT_STYLE}\n")
    edit(upstream / "data/councils.csv", ",Camden,", ",Camden Town,")
    edit(upstream / EXAMPLE_SIGNUP, "example: true", "note: A changed example note.\nexample: true")
    git(
        upstream,
        "commit",
        "-q",
        "-am",
        "Improve a point, a pack, a template, the register, an example and the styles",
    )

    git(fork, "fetch", "-q", "origin")
    merge = subprocess.run(
        ["git", "merge", "--no-edit", "origin/main"], cwd=fork, capture_output=True, text=True, env=GIT_ENV
    )
    assert merge.returncode == 0, merge.stdout + merge.stderr
    out = base / "site"
    built = run(fork, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(out))
    assert built.returncode == 0, built.stderr
    return fork, out, merge.stdout


def test_the_fork_merges_every_kind_of_kit_change_without_a_conflict(franchise):
    fork, _, merged = franchise
    assert "CONFLICT" not in merged
    assert git(fork, "status", "--porcelain").stdout == ""
    assert run(fork, "-m", "lgds", "check", "--strict").returncode == 0


def test_the_forks_own_wording_and_colours_show(franchise):
    _, site, _ = franchise
    assert FORK_WORDING in article(site, "/councils/cmd/")
    assert FORK_COLOUR in (site / "assets/lgds.css").read_text(encoding="utf-8")


def test_the_kits_changes_show_in_the_fork(franchise):
    _, site, _ = franchise
    point = article(site, "/standard/1-understand-user-needs/")
    assert "A new upstream paragraph on point 1." in point
    assert KIT_TEMPLATE_WORDING in point
    assert "A new upstream tip for this pack." in article(site, "/franchise-kit/packs/one-point-in-depth/")
    assert KIT_STYLE in (site / "assets/lgds.css").read_text(encoding="utf-8")
    assert "Camden Town" in article(site, "/councils/cmd/")  # the register, through the fork's template


def test_the_forks_variant_keeps_its_changes_and_hears_the_original_moved_on(franchise):
    fork, site, _ = franchise
    variant = article(site, "/peer-groups/south/packs/one-point-in-depth/")
    assert "We run this over lunch." in variant
    checked = run(fork, "-m", "lgds", "check")
    assert "variant-behind" in checked.stdout + checked.stderr


def test_with_example_data_off_the_fork_shows_only_its_own(franchise):
    _, site, _ = franchise
    assert not (site / "peer-groups/london/events/2027-02-10-reviewing-a-service-together").exists()
    group = article(site, "/peer-groups/south/")
    assert "Our first show and tell" in group
    assert "Example data" not in article(site, "/councils/")
    assert "Signed up" not in article(site, "/councils/agb/")  # the changed example sign-up stays hidden
