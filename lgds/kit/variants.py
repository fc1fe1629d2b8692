"""What a group's variant changed: its lineage, its run sheet beside its parent's, and a readable diff.

The diff is made with ``difflib``: changed lines are compared word by word, so a reworded sentence shows
the words that changed rather than two whole paragraphs. Removed words are struck through and added
words underlined, with hidden labels for screen readers, so nothing depends on colour.
"""

from __future__ import annotations

import difflib
import html
import re

from lgds.core.legacy import example_notice, link, text
from lgds.kit.lineage import lineage, version_tuple
from lgds.kit.models import Handout, Pack
from lgds.kit.packs import group_label, page_path, run_sheet_times
from lgds.site import Site

FIELDS = {
    "title": "Title",
    "summary": "Summary",
    "audience": "Who it is for",
    "duration": "Length in minutes",
    "points": "Points of the Standard",
    "objectives": "Objectives",
    "materials": "What to bring",
    "handouts": "Handouts",
}


def variant_intro(site: Site, pack: Pack, here: str) -> str:
    """Whose variant this is and where it came from, back to the kit's own pack."""
    lines = []
    if pack.meta.example and site.settings.example_notice:
        lines.append(example_notice("This variant is an example of how a group can change a pack."))
    lines.append(f"A variant made by {group_label(site, pack.group or '', here)}.")
    chain = lineage(site, pack)
    if chain:
        steps = [f"[{_name(site, p)}]({link(here, page_path(p))})" for p in reversed(chain)]
        lines.append(" Lineage: " + " → ".join([*steps, "this variant"]) + ".")
        based = pack.meta.based_on
        parent = chain[0]
        if based and version_tuple(parent.meta.version) > version_tuple(based.version):
            lines.append(
                f'\n\n!!! note "The original has moved on"\n    This variant was copied from version '
                f"{text(based.version)}; {text(_name(site, parent))} is now at version "
                f"{text(parent.meta.version)}."
            )
    return "".join(lines) + "\n"


def _name(site: Site, pack: Pack) -> str:
    if pack.group is None:
        return f"{pack.meta.title} (the kit's pack)"
    group = site.groups[pack.group].name if pack.group in site.groups else pack.group
    return f"{pack.meta.title} ({group})"


def differences(site: Site, pack: Pack, here: str) -> list[str]:
    """The section showing what this variant changed compared with the pack it was copied from."""
    based = pack.meta.based_on
    parent = site.packs.get(based.pack) if based else None
    if parent is None:
        return []
    target = link(here, page_path(parent))
    lines = [
        "## What this variant changed",
        "",
        f"Compared with [{text(_name(site, parent))}]({target}) as it is now (version "
        f"{text(parent.meta.version)}).",
        "",
        "### Run sheet side by side",
        "",
        side_by_side(parent, pack),
        "",
    ]
    fields = changed_fields(parent, pack)
    lines += ["### Details", ""]
    if fields:
        for label, before, after in fields:
            lines += [f"#### {label}", "", diff_html(before, after), ""]
    else:
        lines += ["The title, summary, audience, objectives, materials and handouts are unchanged.", ""]
    lines += ["### Notes, activities and handouts", ""]
    texts = changed_texts(parent, pack)
    if not texts:
        lines += ["The text of the notes, activities and handouts is unchanged.", ""]
    for rel, before, after in texts:
        label = _file_label(parent, pack, rel)
        if not before:
            label += " (new)"
        elif not after:
            label += " (removed)"
        lines += [f"#### {text(label)}", "", diff_html(before, after), ""]
    return lines


def _file_label(parent: Pack, variant: Pack, rel: str) -> str:
    """'Activity: Welcome' rather than a file path, using either pack's titles."""
    if rel == "notes.md":
        return "Facilitator notes"
    for pack in (variant, parent):
        for activity in pack.meta.run_sheet:
            if activity.file == rel:
                return f"Activity: {activity.title}"
        for handout in pack.meta.handouts:
            if handout.file == rel:
                return f"Handout: {handout.title}"
    return rel


def side_by_side(parent: Pack, variant: Pack) -> str:
    """Both run sheets in one table, lined up by activity, with a column saying what changed."""
    old = run_sheet_times(parent)
    new = run_sheet_times(variant)
    matcher = difflib.SequenceMatcher(
        a=[a.title for _, _, a in old], b=[a.title for _, _, a in new], autojunk=False
    )
    rows = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        left, right = old[i1:i2], new[j1:j2]
        for k in range(max(len(left), len(right))):
            a = left[k] if k < len(left) else None
            b = right[k] if k < len(right) else None
            rows.append(_row(a, b, op))
    return (
        '<table class="lgds-side-by-side">'
        f"<caption>Run sheet of {html.escape(parent.meta.title)} (left) and this variant (right), "
        "from a 10:00 start</caption>"
        '<thead><tr><th scope="col">Original time</th><th scope="col">Original activity</th>'
        '<th scope="col">Variant time</th><th scope="col">Variant activity</th>'
        '<th scope="col">Change</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>"
    )


def _row(a, b, op: str) -> str:
    def cells(entry) -> str:
        if entry is None:
            return "<td>–</td><td>–</td>"
        begin, end, activity = entry
        return (
            f"<td>{begin:%H:%M} to {end:%H:%M}</td>"
            f"<td>{html.escape(activity.title)} ({activity.minutes} min)</td>"
        )

    if a is None:
        change = "Added"
    elif b is None:
        change = "Removed"
    elif op == "equal":
        change = "Same" if a[2].minutes == b[2].minutes else "Minutes changed"
        if a[2].minutes == b[2].minutes and a[0] != b[0]:
            change = "Same, at a different time"
    else:
        change = "Replaced"
    css = "" if change == "Same" else ' class="lgds-changed"'
    return f"<tr{css}>{cells(a)}{cells(b)}<td>{change}</td></tr>"


def changed_fields(parent: Pack, variant: Pack) -> list[tuple[str, str, str]]:
    """Fields other than the run sheet whose values differ, each as readable text before and after."""
    out = []
    for name, label in FIELDS.items():
        before = _as_text(getattr(parent.meta, name))
        after = _as_text(getattr(variant.meta, name))
        if before != after:
            out.append((label, before, after))
    return out


def _as_text(value) -> str:
    if isinstance(value, list):
        return "\n".join(_as_text(v) for v in value)
    if isinstance(value, Handout):
        return f"{value.title} ({value.file})"
    return str(value)


def changed_texts(parent: Pack, variant: Pack) -> list[tuple[str, str, str]]:
    """Markdown files whose text differs, matched by their path inside the pack."""

    def texts(pack: Pack) -> dict[str, str]:
        found = {"notes.md": pack.notes} if pack.notes else {}
        return {**found, **pack.parts}

    old, new = texts(parent), texts(variant)
    out = []
    for rel in sorted(set(old) | set(new), key=lambda r: (r != "notes.md", r)):
        before, after = old.get(rel, ""), new.get(rel, "")
        if before.strip() != after.strip():
            out.append((rel, before.strip(), after.strip()))
    return out


def diff_html(before: str, after: str) -> str:
    """A readable diff: only the changed lines with one line of context, changed words marked."""
    a, b = before.split("\n"), after.split("\n")
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    hunks = []
    for group in matcher.get_grouped_opcodes(1):
        parts = []
        for op, i1, i2, j1, j2 in group:
            if op == "equal":
                parts += [f'<span class="lgds-context">{html.escape(line)}</span>' for line in a[i1:i2]]
            elif op == "delete":
                parts += [_mark("del", line) for line in a[i1:i2]]
            elif op == "insert":
                parts += [_mark("ins", line) for line in b[j1:j2]]
            else:
                parts.append(_words("\n".join(a[i1:i2]), "\n".join(b[j1:j2])))
        hunks.append('<p class="lgds-hunk">' + "<br>".join(p for p in parts) + "</p>")
    if not hunks:
        return "<p>No change.</p>"
    legend = '<p class="lgds-diff-legend">Struck-through text was removed; underlined text was added.</p>'
    return '<div class="lgds-diff">' + legend + "".join(hunks) + "</div>"


def _mark(tag: str, value: str) -> str:
    if not value.strip():
        return ""
    label = "Removed" if tag == "del" else "Added"
    return f'<{tag}><span class="lgds-kit-sr">{label}: </span>{html.escape(value)}</{tag}>'


def _words(before: str, after: str) -> str:
    """Changed lines compared word by word."""
    a, b = re.findall(r"\S+|\s+", before), re.findall(r"\S+|\s+", after)
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(html.escape("".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            out.append(_mark("del", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            out.append(_mark("ins", "".join(b[j1:j2])))
    return "".join(out).replace("\n", "<br>")
