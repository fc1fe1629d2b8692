"""Mistakes in packs, rounds and site.yml: each reported with its file, line and a fix."""

from __future__ import annotations

from pathlib import Path

from .conftest import ROOT, lgds, mkdocs_build


def read(rel: str) -> str:
    return (ROOT / rel).read_text(encoding="utf-8")


def changed(rel: str, old: str, new: str) -> str:
    text = read(rel)
    assert old in text, f"{old!r} not in {rel}"
    return text.replace(old, new, 1)


INTRO = "franchise-kit/packs/introducing-the-standard/pack.yml"
RESEARCH = "franchise-kit/packs/user-research-on-a-budget/pack.yml"
DEPTH = "franchise-kit/packs/one-point-in-depth/pack.yml"
ROUNDS = "franchise-kit/rounds.yml"
VARIANT = "peer-groups/midlands/packs/introducing-the-standard/pack.yml"


def test_every_kit_mistake_is_reported_at_its_line_in_one_run(kit):
    root = kit(
        {
            INTRO: changed(INTRO, "duration: 175", "duration: 180"),
            RESEARCH: changed(RESEARCH, "points: [1, 12, 14]", "points: [1, 12, 16]"),
            DEPTH: changed(
                DEPTH, "file: handouts/discussion-prompts.md", "file: handouts/discusion-prompts.md"
            ),
            "franchise-kit/packs/show-and-tell/notes.md": None,
            ROUNDS: changed(ROUNDS, "[introducing-the-standard, one", "[introducing-the-standrd, one"),
            "site.yml": changed("site.yml", "\ngroup:\n", "\ngroup: midland\n"),
            VARIANT: changed(VARIANT, "  pack: introducing-the-standard", "  pack: introducing-the-standart"),
        }
    )
    result = lgds("check", "--root", str(root))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    expected = [
        f"{INTRO}:6: error pack-duration: the run sheet adds up to 175 minutes but `duration` says 180; "
        "expected `duration` equal to the sum of the `minutes` of every activity in `run_sheet` "
        "(fix: set `duration: 175`, or add 5 minutes to the run sheet's activities)",
        f"{DEPTH}:43: error pack-missing-file: `handouts.1.file` names `handouts/discusion-prompts.md`, but "
        "there is no such file in franchise-kit/packs/one-point-in-depth/; expected a Markdown file inside "
        "the pack's folder, written relative to it, e.g. `activities/welcome.md` "
        "(fix: did you mean 'handouts/discussion-prompts.md'?)",
        f"{RESEARCH}:4: error pack-unknown-point: `points` includes 16, which is not a point of the "
        "Standard; expected point numbers from 1 to 15 (fix: remove 16, or use the number of the point "
        "the pack covers)",
        "franchise-kit/packs/show-and-tell/pack.yml:1: error pack-missing-notes: the pack has no "
        "facilitator notes; expected a file `notes.md` beside `pack.yml` (fix: create "
        "franchise-kit/packs/show-and-tell/notes.md with `title:` front matter and the notes for whoever "
        "runs the session)",
        f"{ROUNDS}:6: error round-unknown-pack: round 1 lists the pack `introducing-the-standrd`, but there "
        "is no folder franchise-kit/packs/introducing-the-standrd/; expected the folder name of one of the "
        "kit's packs (fix: did you mean 'introducing-the-standard'?)",
        f"{VARIANT}:59: error variant-unknown-parent: `based_on.pack` is `introducing-the-standart`, but "
        "there is no such pack; expected a kit pack's folder name, or `group/pack` for another group's "
        "variant (fix: did you mean 'introducing-the-standard'?)",
        "site.yml:6: error unknown-group: there is no peer group `midland`; expected the folder name of a "
        "group under peer-groups/ that has a group.yml: london, midlands, south-west, south, "
        "yorkshire-and-humber (fix: did you mean 'midlands'?)",
    ]
    for line in expected:
        assert line in lines, "\n".join(lines)


def test_the_build_stops_on_a_pack_error_and_names_the_line(kit, tmp_path: Path):
    root = kit({INTRO: changed(INTRO, "duration: 175", "duration: 150")})
    result = mkdocs_build(root, tmp_path / "out")
    assert result.returncode != 0
    assert f"{INTRO}:6: error pack-duration: the run sheet adds up to 175 minutes" in result.stderr
    assert "(fix: set `duration: 175`, or take 25 minutes from the run sheet's activities)" in result.stderr
