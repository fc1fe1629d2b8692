"""`lgds vary-pack`: copying a pack for a group, its lineage, and hearing when the original moves on."""

from __future__ import annotations

from lgds.build import pages_for
from lgds.kit.packs import pack_page
from lgds.load import load_site

from .conftest import lgds

DEPTH = "franchise-kit/packs/one-point-in-depth"
COPY = "peer-groups/south/packs/one-point-in-depth"


def test_dry_run_says_what_it_would_create_and_creates_nothing(kit):
    root = kit()
    result = lgds("vary-pack", "one-point-in-depth", "--group", "south", "--dry-run", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert f"Would create {COPY}/pack.yml" in result.stdout
    assert f"Would create {COPY}/notes.md" in result.stdout
    assert not (root / COPY).exists()


def test_vary_copies_records_its_origin_and_never_overwrites(kit):
    root = kit()
    result = lgds("vary-pack", "one-point-in-depth", "--group", "south", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert f"Created {COPY}/pack.yml" in result.stdout
    assert f"Your variant's page will be /{COPY}/" in result.stdout
    pack_yml = (root / COPY / "pack.yml").read_text()
    assert 'based_on:\n  pack: one-point-in-depth\n  version: "1.0"\n  fingerprints:\n' in pack_yml
    assert (root / COPY / "notes.md").read_bytes() == (root / DEPTH / "notes.md").read_bytes()

    (root / COPY / "notes.md").write_text("---\ntitle: Ours\n---\n\nOur own notes.\n")
    again = lgds("vary-pack", "one-point-in-depth", "--group", "south", "--root", str(root))
    assert again.returncode == 1
    assert f"{COPY}/ already exists, and vary-pack never overwrites anything" in again.stderr
    assert (root / COPY / "notes.md").read_text().endswith("Our own notes.\n")
    assert lgds("check", "--root", str(root)).returncode == 0


def test_unknown_pack_or_group_gets_a_suggestion(kit):
    root = kit()
    result = lgds("vary-pack", "one-point-in-dept", "--group", "south", "--root", str(root))
    assert "there is no pack `one-point-in-dept`" in result.stderr
    assert "did you mean 'one-point-in-depth'?" in result.stderr
    result = lgds("vary-pack", "one-point-in-depth", "--group", "sooth", "--root", str(root))
    assert "Error: there is no peer group `sooth`: did you mean 'south'?" in result.stderr


def test_check_warns_when_the_original_moves_on_naming_what_changed(kit):
    root = kit()
    assert lgds("vary-pack", "one-point-in-depth", "--group", "south", "--root", str(root)).returncode == 0
    pack_yml = root / DEPTH / "pack.yml"
    pack_yml.write_text(
        pack_yml.read_text()
        .replace('version: "1.0"', 'version: "1.2"')
        .replace("audience:", "audience: New.")
    )
    notes = root / DEPTH / "notes.md"
    notes.write_text(notes.read_text() + "\nA new paragraph.\n")

    result = lgds("check", "--root", str(root))
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(x for x in result.stdout.splitlines() if "variant-behind" in x)
    version_line = (root / COPY / "pack.yml").read_text().split("\n").index('  version: "1.0"') + 1
    assert line == (
        f"{COPY}/pack.yml:{version_line}: notice variant-behind: this variant was copied from "
        "`one-point-in-depth` version 1.0; that pack is now at version 1.2. Changed since: fields "
        "`audience`; files `notes.md`; expected `based_on.version` equal to the version of the pack it "
        "follows (fix: look at what changed on the page of `one-point-in-depth` and copy what you want "
        "into this variant; then record that you are up to date: run `lgds vary-pack one-point-in-depth "
        '--group south --update-base`, or change `version:` under `based_on:` to "1.2")'
    )
    # A notice never fails a check, even a strict one: a fork keeps publishing after taking upstream updates.
    assert lgds("check", "--strict", "--root", str(root)).returncode == 0

    update = lgds("vary-pack", "one-point-in-depth", "--group", "south", "--update-base", "--root", str(root))
    assert update.returncode == 0, update.stderr
    assert "based on `one-point-in-depth` version 1.0 → 1.2" in update.stdout
    assert "fields `audience`; files `notes.md`" in update.stdout
    assert lgds("check", "--strict", "--root", str(root)).returncode == 0


def test_a_variant_of_a_variant_shows_its_whole_lineage(kit):
    root = kit()
    result = lgds("vary-pack", "midlands/introducing-the-standard", "--group", "south", "--root", str(root))
    assert result.returncode == 0, result.stderr
    copy = (root / "peer-groups/south/packs/introducing-the-standard/pack.yml").read_text()
    assert "  pack: midlands/introducing-the-standard\n" in copy
    assert "\nexample: true" not in copy  # a real group's copy is not an example

    site, problems = load_site(root)
    assert not problems.errors
    pages = pages_for(site)
    page = pack_page(site, pages, site.packs["south/introducing-the-standard"]).content
    assert (
        "Lineage: [Introducing the Standard (the kit's pack)](../../../../franchise-kit/packs/"
        "introducing-the-standard/index.md) → [Introducing the Standard (Midlands peer group)]"
        "(../../../midlands/packs/introducing-the-standard/index.md) → this variant." in page
    )
    kit_page = pack_page(site, pages, site.packs["introducing-the-standard"]).content
    assert (
        "\n- [Midlands peer group](../../../peer-groups/midlands/index.md): [Introducing the Standard]"
        in kit_page
    )
    assert (
        "\n    - [South peer group](../../../peer-groups/south/index.md): [Introducing the Standard]"
        in kit_page
    )


def test_a_variants_page_says_when_the_original_has_moved_on(kit):
    root = kit()
    assert lgds("vary-pack", "one-point-in-depth", "--group", "south", "--root", str(root)).returncode == 0
    site, _ = load_site(root)
    page = pack_page(site, pages_for(site), site.packs["south/one-point-in-depth"]).content
    assert "The original has moved on" not in page

    pack_yml = root / DEPTH / "pack.yml"
    pack_yml.write_text(pack_yml.read_text().replace('version: "1.0"', 'version: "1.2"'))
    site, _ = load_site(root)
    page = pack_page(site, pages_for(site), site.packs["south/one-point-in-depth"]).content
    assert (
        '.\n\n!!! note "The original has moved on"\n    This variant was copied from version 1\\.0; '
        "One point in depth (the kit's pack) is now at version 1\\.2.\n" in page
    )
