"""A regional fork takes upstream changes with real git: no conflicts, and the merged fork still builds."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .conftest import copy_kit, lgds, mkdocs_build, read_page

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "Kit test",
    "GIT_AUTHOR_EMAIL": "kit-test@example.org",
    "GIT_COMMITTER_NAME": "Kit test",
    "GIT_COMMITTER_EMAIL": "kit-test@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
    "HOME": "/nonexistent",
}

FORK_EVENT = """---
title: Show and tell for the South
date: 2027-09-15
start: "10:00"
end: "12:00"
venue:
  name: Civic Offices, room 1
  address: 1 Example Street, Winchester
  postcode: SO23 9ZZ
round: 4
packs: [show-and-tell]
status: planned
example: true
---

An example event that the South group's own site adds.
"""


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=GIT_ENV)
    assert result.returncode == 0, f"git {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
    return result


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_fork_merges_upstream_without_conflicts_and_builds(tmp_path: Path):
    upstream = copy_kit(tmp_path / "upstream")
    git(upstream, "init", "-q", "-b", "main")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "The kit")
    fork = tmp_path / "fork"
    git(tmp_path, "clone", "-q", str(upstream), str(fork))

    # The fork changes only site.yml's `group:` and `site_url:` lines and its own group's folder.
    settings = fork / "site.yml"
    settings.write_text(
        settings.read_text()
        .replace("\ngroup:\n", "\ngroup: south\n")
        .replace("\nsite_url:\n", "\nsite_url: https://south.example.org/lgds/\n")
    )
    (fork / "peer-groups/south/events/2027-09-15-show-and-tell.md").write_text(FORK_EVENT)
    varied = lgds("vary-pack", "one-point-in-depth", "--group", "south", "--root", str(fork))
    assert varied.returncode == 0, varied.stderr
    append(fork / "peer-groups/south/packs/one-point-in-depth/notes.md", "\nWe run this over lunch.\n")
    git(fork, "add", "-A")
    git(fork, "commit", "-q", "-m", "Our group's site")

    # Meanwhile upstream improves a point of the Standard, a kit pack and the guide.
    append(upstream / "standard/1-understand-user-needs.md", "\nA new upstream paragraph on point 1.\n")
    pack = upstream / "franchise-kit/packs/user-research-on-a-budget"
    (pack / "pack.yml").write_text(
        (pack / "pack.yml").read_text().replace('version: "1.0"', 'version: "1.1"')
    )
    append(pack / "notes.md", "\nA new upstream tip for this pack.\n")
    append(upstream / "franchise-kit/guide/running-the-day.md", "\nA new upstream tip for the day.\n")
    git(upstream, "commit", "-q", "-am", "Improve the Standard, a pack and the guide")

    git(fork, "fetch", "-q", "origin")
    merge = subprocess.run(
        ["git", "merge", "--no-edit", "origin/main"], cwd=fork, capture_output=True, text=True, env=GIT_ENV
    )
    assert merge.returncode == 0, merge.stdout + merge.stderr
    assert "CONFLICT" not in merge.stdout
    assert git(fork, "status", "--porcelain").stdout == ""

    assert lgds("check", "--strict", "--root", str(fork)).returncode == 0
    out = tmp_path / "site"
    built = mkdocs_build(fork, out)
    assert built.returncode == 0, built.stderr

    page = BeautifulSoup(read_page(out, "/"), "html.parser")
    assert page.find("link", rel="canonical")["href"] == "https://south.example.org/lgds/"
    home = page.select_one("article")
    assert "South peer group" in [h.get_text().rstrip("¶") for h in home.find_all("h2")]
    text = re.sub(r" ([:,])", r"\1", " ".join(home.get_text(" ").split()))
    assert "Co-designing a common process: South peer group, 17 March 2027" in text
    assert home.find("a", href="peer-groups/south/packs/one-point-in-depth/")
    assert "A new upstream paragraph on point 1." in read_page(out, "/standard/1-understand-user-needs/")
    assert "A new upstream tip for this pack." in read_page(
        out, "/franchise-kit/packs/user-research-on-a-budget/"
    )
    assert "We run this over lunch." in read_page(out, "/peer-groups/south/packs/one-point-in-depth/")
