"""Load session packs (the kit's and groups' variants) and the franchise's rounds, and check them.

Checks that need only one pack run while it loads (its minutes, its files, its points); checks that
need everything loaded (rounds naming packs, variants naming their parent, the site's group) run in
``check``, which ``crossrefs`` calls once everything else is in.
"""

from __future__ import annotations

from lgds.core.files import find
from lgds.core.pages import load_intro
from lgds.core.partial import partial
from lgds.core.problems import Problems, did_you_mean, kind
from lgds.core.sources import Source, read_bytes, read_yaml
from lgds.core.validate import validate
from lgds.kit.lineage import changes_between, fingerprints, lineage, pack_files, version_tuple
from lgds.kit.models import Pack, PackFile, RoundEntry
from lgds.kit.parts import read_notes, read_part
from lgds.site import Site
from lgds.standard.models import POINT_COUNT

KIT_PACKS = "franchise-kit/packs"
ROUNDS = "franchise-kit/rounds.yml"
KIT_INDEX = "franchise-kit/index.md"
"""The hand-written introduction at the top of /franchise-kit/, above the packs and rounds."""
SETTINGS = "site.yml"

DURATION_MISMATCH = kind(
    "pack-duration",
    "the run sheet adds up to {total} minutes but `duration` says {duration}",
    expected="`duration` equal to the sum of the `minutes` of every activity in `run_sheet`",
    fix="{fix}",
    area="packs",
)
UNKNOWN_POINT = kind(
    "pack-unknown-point",
    "`points` includes {point}, which is not a point of the Standard",
    expected="point numbers from 1 to {count}",
    fix="remove {point}, or use the number of the point the pack covers",
    area="packs",
)
ROUND_UNKNOWN_PACK = kind(
    "round-unknown-pack",
    "round {number} lists the pack `{pack}`, but there is no folder franchise-kit/packs/{pack}/",
    expected="the folder name of one of the kit's packs",
    fix="{hint}",
    area="packs",
)
ROUND_DUPLICATE = kind(
    "round-duplicate",
    "round {number} is listed twice",
    expected="each round number once",
    fix="give this round the next unused number, or merge the two entries",
    area="packs",
)
VARIANT_UNKNOWN_PARENT = kind(
    "variant-unknown-parent",
    "`based_on.pack` is `{parent}`, but there is no such pack",
    expected="a kit pack's folder name, or `group/pack` for another group's variant",
    fix="{hint}",
    area="packs",
)
VARIANT_CYCLE = kind(
    "variant-cycle",
    "the pack is based on itself, through {chain}",
    expected="a chain of `based_on` that ends at a pack with no `based_on`",
    fix="point `based_on.pack` at the pack this one was really copied from",
    area="packs",
)
PARENT_MOVED_ON = kind(
    "variant-behind",
    "this variant was copied from `{parent}` version {old}; that pack is now at version {new}. "
    "Changed since: {changes}",
    expected="`based_on.version` equal to the version of the pack it follows",
    fix="look at what changed on the page of `{parent}` and copy what you want into this variant; then "
    "record that you are up to date: run `lgds vary-pack {parent} --group {group} --update-base`, or "
    'change `version:` under `based_on:` to "{new}"',
    notice=True,
    area="packs",
)


def load(site: Site, problems: Problems) -> None:
    """Read the kit's packs, then each group's variants under ``peer-groups/<group>/packs/``."""
    for path in find(site.root, KIT_PACKS, "*/pack.yml"):
        _load_pack(site, path, None, problems)
    for path in find(site.root, "peer-groups", "*/packs/*/pack.yml"):
        _load_pack(site, path, path.split("/")[1], problems)


def _load_pack(site: Site, path: str, group: str | None, problems: Problems) -> None:
    folder = path.rsplit("/", 1)[0]
    slug = folder.rsplit("/", 1)[-1]
    site.claimed.update(find(site.root, folder, "**/*.md"))
    source = read_yaml(site.root, path, problems)
    meta = validate(PackFile, source, problems) if source is not None else None
    if meta is None:  # reported at its line; events, rounds and variants naming the pack stay quiet
        site.failed.add(path)
    found = (meta, frozenset[str]()) if meta else partial(PackFile, source.data) if source else None
    if source is None or found is None:
        read_notes(site, folder, path, problems)  # what needs nothing from pack.yml is still checked
        return
    meta, bad = found  # with a problem in pack.yml, the checks of its sound fields still run
    if meta.example and not site.settings.example_data:
        return
    meta._lines = {"duration": source.line("duration"), "points": source.line("points")}
    if meta.based_on is not None:
        meta._lines["based_on.pack"] = source.line("based_on", "pack")
        meta._lines["based_on.version"] = source.line("based_on", "version")
    read = {rel: read_bytes(site.root, f"{folder}/{rel}", problems) for rel in pack_files(site.root, folder)}
    contents = {rel: data for rel, data in read.items() if data is not None}  # the rest: reported
    make = Pack.model_construct if bad else Pack
    pack = make(slug=slug, folder=folder, meta=meta, group=group, files=list(contents), contents=contents)
    if not bad & {"run_sheet", "duration"}:
        _check_minutes(pack, path, problems)
    if "points" not in bad:
        _check_points(pack, source, problems)
    pack.notes = read_notes(site, folder, path, problems)
    named = [(("run_sheet", i, "file"), a.file) for i, a in enumerate(meta.run_sheet or ()) if a.file]
    named += [(("handouts", i, "file"), h.file) for i, h in enumerate(meta.handouts or ())]
    for loc, rel in named:
        if rel not in read or rel in contents:  # one that could not be read is reported already
            read_part(site, pack, rel, path, loc, source.line(*loc), problems)
    if not bad:
        site.packs[pack.key] = pack


def _check_minutes(pack: Pack, path: str, problems: Problems) -> None:
    total = sum(a.minutes for a in pack.meta.run_sheet)
    duration = pack.meta.duration
    if total == duration:
        return
    diff = duration - total
    change = f"add {diff} minutes to" if diff > 0 else f"take {-diff} minutes from"
    fix = f"set `duration: {total}`, or {change} the run sheet's activities"
    problems.add(
        DURATION_MISMATCH, path, pack.meta.line_of("duration"), total=total, duration=duration, fix=fix
    )


def _check_points(pack: Pack, source: Source, problems: Problems) -> None:
    """Each point is one of the Standard's: a point whose file is missing or wrong is reported there."""
    for i, number in enumerate(pack.meta.points):
        if not 1 <= number <= POINT_COUNT:
            problems.add(
                UNKNOWN_POINT, source.path, source.line("points", i), point=number, count=POINT_COUNT
            )


ROUNDS_NOT_A_LIST = kind(
    "rounds-not-a-list",
    "rounds.yml does not hold a list of rounds",
    expected="one entry per round, each starting with `- number: ...`",
    fix="start each round with a hyphen, as in `- number: 1` followed by its `theme:`, `starts:`, `ends:`",
    area="packs",
)


def load_rounds(site: Site, problems: Problems) -> None:
    """Read the kit's introduction, then ``rounds.yml``: a list of rounds, each with its number, theme,
    dates and packs."""
    site.claimed.add(KIT_INDEX)  # /franchise-kit/ is made from it, with the packs and rounds
    intro = load_intro(site.root, KIT_INDEX, problems)
    if intro is not None:
        site.intros[KIT_INDEX] = intro
    if not (site.root / ROUNDS).is_file():
        return
    source = read_yaml(site.root, ROUNDS, problems, mapping=False)
    if source is None:
        site.failed.add(ROUNDS)
        return
    if source.data is None:
        return
    if not isinstance(source.data, list):
        site.failed.add(ROUNDS)
        problems.add(ROUNDS_NOT_A_LIST, ROUNDS, source.line())
        return
    for i in range(len(source.data)):
        entry = validate(RoundEntry, source, problems, at=(i,))
        if entry is None:  # reported at its line; events naming its number stay quiet about it
            found = partial(RoundEntry, source.data[i])
            if found is not None and "number" not in found[1]:
                site.failed.add(f"{ROUNDS}#{found[0].number}")
            continue
        if entry.example and not site.settings.example_data:
            continue
        entry._pack_lines = [source.line(i, "packs", j) for j in range(len(entry.packs))]
        if entry.number in site.rounds:
            problems.add(ROUND_DUPLICATE, ROUNDS, source.line(i, "number"), number=entry.number)
            continue
        site.rounds[entry.number] = entry
    site.rounds = dict(sorted(site.rounds.items()))


def check(site: Site, problems: Problems) -> None:
    """Checks across files: rounds name real packs, variants name real parents, site.yml a real group."""
    kit = sorted(p.slug for p in site.packs.values() if p.group is None)
    for entry in site.rounds.values():
        for slug, line in zip(entry.packs, entry.pack_lines, strict=False):
            if slug not in kit and f"{KIT_PACKS}/{slug}/pack.yml" not in site.failed:
                hint = did_you_mean(slug, kit) or "add the pack to franchise-kit/packs/, or remove it here"
                problems.add(ROUND_UNKNOWN_PACK, ROUNDS, line, number=entry.number, pack=slug, hint=hint)
    for pack in site.packs.values():
        _check_variant(site, pack, problems)


def _pack_path(key: str) -> str:
    """The ``pack.yml`` of a pack by its key: a kit pack's slug, or ``group/slug`` for a variant."""
    group, _, slug = key.rpartition("/")
    return f"peer-groups/{group}/packs/{slug}/pack.yml" if group else f"{KIT_PACKS}/{slug}/pack.yml"


def _check_variant(site: Site, pack: Pack, problems: Problems) -> None:
    path = f"{pack.folder}/pack.yml"
    based = pack.meta.based_on
    if based is None:
        return
    parent = site.packs.get(based.pack)
    if parent is None:
        if _pack_path(based.pack) in site.failed:
            return  # the parent's own problem is reported; this one may be fine
        others = [key for key in site.packs if key != pack.key]
        hint = did_you_mean(based.pack, others) or "use the folder name shown on the pack's page"
        problems.add(
            VARIANT_UNKNOWN_PARENT, path, pack.meta.line_of("based_on.pack"), parent=based.pack, hint=hint
        )
        return
    chain = lineage(site, pack)
    last = chain[-1] if chain else pack
    if last.meta.based_on is not None and last.meta.based_on.pack in site.packs:
        names = " → ".join([pack.key, *(p.key for p in chain), last.meta.based_on.pack])
        problems.add(VARIANT_CYCLE, path, pack.meta.line_of("based_on.pack"), chain=names)
        return
    if version_tuple(parent.meta.version) > version_tuple(based.version):
        if based.fingerprints:
            changed = changes_between(based.fingerprints, fingerprints(site.root, parent.folder))
            changes = "; ".join(changed) or "no field or file (only the version number)"
        else:
            changes = "not recorded (this copy has no fingerprints), so compare the two pages"
        problems.add(
            PARENT_MOVED_ON,
            path,
            pack.meta.line_of("based_on.version"),
            parent=based.pack,
            old=based.version,
            new=parent.meta.version,
            changes=changes,
            group=pack.group or "GROUP",
        )
