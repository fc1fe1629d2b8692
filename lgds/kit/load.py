"""Load session packs (the kit's and groups' variants) and the franchise's rounds, and check them.

Checks that need only one pack run while it loads (its minutes, its files, its points); checks that
need everything loaded (rounds naming packs, variants naming their parent, the site's group) run in
``check``, which ``crossrefs`` calls once everything else is in.
"""

from __future__ import annotations

from lgds.core.files import find, link_in, outside
from lgds.core.pages import load_intro
from lgds.core.problems import Problems, did_you_mean, kind
from lgds.core.sources import Source, read_bytes, read_front_matter, read_yaml
from lgds.core.validate import validate
from lgds.kit.lineage import changes_between, fingerprints, lineage, pack_files, version_tuple
from lgds.kit.models import Pack, PackFile, RoundEntry
from lgds.site import Site

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
MISSING_PACK_FILE = kind(
    "pack-missing-file",
    "`{field}` names `{file}`, but there is no such file in {folder}/",
    expected="a Markdown file inside the pack's folder, written relative to it, e.g. `activities/welcome.md`",
    fix="{hint}",
    area="packs",
)
PACK_FILE_OUTSIDE = kind(
    "pack-file-outside",
    "`{field}` names `{file}`, {reason}; the kit reads only the pack's own files",
    expected="a file inside the pack's folder, named from that folder with forward slashes, like "
    "`activities/welcome.md`",
    fix="put the file itself (not a link to it) in the pack's folder, and name it from there, like "
    "`activities/welcome.md`",
    area="packs",
)
MISSING_NOTES = kind(
    "pack-missing-notes",
    "the pack has no facilitator notes",
    expected="a file `notes.md` beside `pack.yml`",
    fix="create {folder}/notes.md with `title:` front matter and the notes for whoever runs the session",
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
VARIANT_UNKNOWN_GROUP = kind(
    "variant-unknown-group",
    "the pack sits in peer-groups/{group}/, but there is no group `{group}`",
    expected="a folder peer-groups/{group}/ with a group.yml",
    fix="move the pack under the folder of an existing group{hint}",
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
    if source is None:
        return
    meta = validate(PackFile, source, problems)
    if meta is None or (meta.example and not site.settings.example_data):
        return
    meta._lines = {"duration": source.line("duration"), "points": source.line("points")}
    if meta.based_on is not None:
        meta._lines["based_on.pack"] = source.line("based_on", "pack")
        meta._lines["based_on.version"] = source.line("based_on", "version")
    found = {rel: read_bytes(site.root, f"{folder}/{rel}", problems) for rel in pack_files(site.root, folder)}
    contents = {rel: data for rel, data in found.items() if data is not None}  # the rest: reported
    pack = Pack(slug=slug, folder=folder, meta=meta, group=group, files=list(contents), contents=contents)
    _check_minutes(pack, path, problems)
    _check_points(site, pack, source, problems)
    notes = f"{folder}/notes.md"
    if "notes.md" in pack.files:
        page = read_front_matter(site.root, notes, problems)
        pack.notes = page.body if page else ""
    elif "notes.md" not in found and link_in(site.root, notes) is None:  # a link is reported as one
        problems.add(MISSING_NOTES, path, 1, folder=folder)
    named = [(("run_sheet", i, "file"), a.file) for i, a in enumerate(meta.run_sheet) if a.file]
    named += [(("handouts", i, "file"), h.file) for i, h in enumerate(meta.handouts)]
    for loc, rel in named:
        if rel not in found or rel in contents:  # one that could not be read is reported already
            _read_part(site, pack, rel, path, loc, source.line(*loc), problems)
    site.packs[pack.key] = pack


def _read_part(
    site: Site, pack: Pack, rel: str, path: str, loc: tuple[str | int, ...], line: int, problems: Problems
) -> None:
    """Read the activity or handout file ``rel`` that the field at ``loc`` names, if it is the pack's."""
    field = ".".join(str(p) for p in loc)
    shown = rel if rel.isprintable() else rel.encode("unicode_escape").decode("ascii")
    reason = outside(rel)
    if not reason and rel in pack.files:  # a regular file in the pack's folder, through no link
        page = read_front_matter(site.root, f"{pack.folder}/{rel}", problems)
        if page is not None:
            pack.parts[rel] = page.body
        return
    link = None if reason else link_in(site.root, f"{pack.folder}/{rel}")
    if link is not None:
        whole = link == f"{pack.folder}/{rel}"
        reason = "which is a symbolic link" if whole else f"which goes through the symbolic link `{link}`"
    if reason:
        problems.add(PACK_FILE_OUTSIDE, path, line, field=field, file=shown, reason=reason)
        return
    markdown = [f for f in pack.files if f.endswith(".md")]
    hint = did_you_mean(rel, markdown) or "create the file, or correct the name"
    problems.add(MISSING_PACK_FILE, path, line, field=field, file=shown, folder=pack.folder, hint=hint)


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


def _check_points(site: Site, pack: Pack, source: Source, problems: Problems) -> None:
    if not site.points:
        return
    for i, number in enumerate(pack.meta.points):
        if number not in site.points:
            problems.add(
                UNKNOWN_POINT, source.path, source.line("points", i), point=number, count=len(site.points)
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
    if source is None or source.data is None:
        return
    if not isinstance(source.data, list):
        problems.add(ROUNDS_NOT_A_LIST, ROUNDS, source.line())
        return
    for i in range(len(source.data)):
        entry = validate(RoundEntry, source, problems, at=(i,))
        if entry is None or (entry.example and not site.settings.example_data):
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
            if slug not in kit:
                hint = did_you_mean(slug, kit) or "add the pack to franchise-kit/packs/, or remove it here"
                problems.add(ROUND_UNKNOWN_PACK, ROUNDS, line, number=entry.number, pack=slug, hint=hint)
    for pack in site.packs.values():
        _check_variant(site, pack, problems)


def _check_variant(site: Site, pack: Pack, problems: Problems) -> None:
    path = f"{pack.folder}/pack.yml"
    if pack.group is not None and site.groups and pack.group not in site.groups:
        hint = did_you_mean(pack.group, site.groups)
        problems.add(VARIANT_UNKNOWN_GROUP, path, 1, group=pack.group, hint=f" ({hint})" if hint else "")
    based = pack.meta.based_on
    if based is None:
        return
    parent = site.packs.get(based.pack)
    if parent is None:
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
