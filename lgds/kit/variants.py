"""What a group's variant changed: its lineage, its run sheet beside its parent's, and a readable diff.

Python works out what changed, as data; the pack page's template (``kit/variant.md``) says it in
words and marks it up: removed words struck through and added words underlined, with hidden labels for
screen readers, so nothing depends on colour.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Literal

from lgds.kit.diff import Hunk, diff, plain
from lgds.kit.lineage import lineage, version_tuple
from lgds.kit.models import Handout, Pack, Slot, run_sheet_times
from lgds.site import Site

FIELDS = ("title", "summary", "audience", "duration", "points", "objectives", "materials", "handouts")
"""The fields of ``pack.yml`` compared, besides the run sheet, in the order they are shown."""

RowChange = Literal["same", "moved", "minutes", "replaced", "added", "removed"]
"""How an activity changed: ``moved`` is the same activity at a different time."""


@dataclass(frozen=True)
class Row:
    """One line of the run sheets side by side: the original's activity, the variant's, how it changed."""

    before: Slot | None
    after: Slot | None
    change: RowChange


@dataclass(frozen=True)
class FieldChange:
    """A field of ``pack.yml`` whose value differs, by its name, with the diff of its text."""

    name: str
    hunks: list[Hunk]


@dataclass(frozen=True)
class FileChange:
    """A Markdown file whose text differs: what it is to the pack, its title, and the diff."""

    role: Literal["notes", "activity", "handout", "file"]
    title: str
    status: Literal["new", "removed", "changed"]
    hunks: list[Hunk]


@dataclass(frozen=True)
class Variant:
    """What a variant's page says about where it came from and what it changed."""

    ancestors: list[Pack]
    """The packs it descends from, the kit's first; the last is its parent."""
    parent: Pack | None
    copied_from: str | None
    """The parent's version when it was copied; ``None`` unless the parent has moved on since."""
    rows: list[Row]
    fields: list[FieldChange]
    files: list[FileChange]


def variant(site: Site, pack: Pack) -> Variant:
    """Lineage and differences of a group's variant from the pack it names in ``based_on``."""
    chain = lineage(site, pack)
    based = pack.meta.based_on
    copied_from = None
    if chain and based and version_tuple(chain[0].meta.version) > version_tuple(based.version):
        copied_from = based.version
    parent = site.packs.get(based.pack) if based else None
    return Variant(
        ancestors=list(reversed(chain)),
        parent=parent,
        copied_from=copied_from,
        rows=side_by_side(parent, pack) if parent else [],
        fields=changed_fields(parent, pack) if parent else [],
        files=changed_files(parent, pack) if parent else [],
    )


def side_by_side(parent: Pack, variant: Pack) -> list[Row]:
    """Both run sheets lined up by activity, each line saying what changed."""
    old = run_sheet_times(parent)
    new = run_sheet_times(variant)
    matcher = difflib.SequenceMatcher(
        a=[s.activity.title for s in old], b=[s.activity.title for s in new], autojunk=False
    )
    rows = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        left, right = old[i1:i2], new[j1:j2]
        for k in range(max(len(left), len(right))):
            a = left[k] if k < len(left) else None
            b = right[k] if k < len(right) else None
            rows.append(Row(a, b, _row_change(a, b, op)))
    return rows


def _row_change(a: Slot | None, b: Slot | None, op: str) -> RowChange:
    if a is None:
        return "added"
    if b is None:
        return "removed"
    if op != "equal":
        return "replaced"
    if a.activity.minutes != b.activity.minutes:
        return "minutes"
    return "same" if a.begin == b.begin else "moved"


def changed_fields(parent: Pack, variant: Pack) -> list[FieldChange]:
    """Fields other than the run sheet whose values differ, each as readable text before and after."""
    out = []
    for name in FIELDS:
        before = _as_text(getattr(parent.meta, name))
        after = _as_text(getattr(variant.meta, name))
        if before != after:
            out.append(FieldChange(name, diff(before, after)))
    return out


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(_as_text(v) for v in value)
    if isinstance(value, Handout):
        return value.title
    return str(value)


def changed_files(parent: Pack, variant: Pack) -> list[FileChange]:
    """Markdown files whose words differ, matched by their path inside the pack, notes first; compared
    as a reader sees them, without the Markdown's marks."""
    old, new = _texts(parent), _texts(variant)
    out = []
    for rel in sorted(set(old) | set(new), key=lambda r: (r != "notes.md", r)):
        before, after = plain(old.get(rel, "").strip()), plain(new.get(rel, "").strip())
        if before == after:
            continue
        status: Literal["new", "removed", "changed"] = (
            "new" if not before else "removed" if not after else "changed"
        )
        role, title = _file_role(parent, variant, rel)
        out.append(FileChange(role, title, status, diff(before, after)))
    return out


def _texts(pack: Pack) -> dict[str, str]:
    found = {"notes.md": pack.notes} if pack.notes else {}
    return {**found, **pack.parts}


def _file_role(
    parent: Pack, variant: Pack, rel: str
) -> tuple[Literal["notes", "activity", "handout", "file"], str]:
    """What a file is to the pack, and its title in either pack (the variant's first)."""
    if rel == "notes.md":
        return "notes", ""
    for pack in (variant, parent):
        for activity in pack.meta.run_sheet:
            if activity.file == rel:
                return "activity", activity.title
        for handout in pack.meta.handouts:
            if handout.file == rel:
                return "handout", handout.title
    return "file", rel
