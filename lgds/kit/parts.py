"""A pack's own files: its facilitator notes and the activities and handouts its ``pack.yml`` names.

Each is read only when it is a regular file inside the pack's folder, never through a symbolic link,
and its body is kept for the link checks, counted from the pack's page where it is published.
"""

from __future__ import annotations

from types import SimpleNamespace

from lgds.core import routes
from lgds.core.files import link_in, outside
from lgds.core.links import Body
from lgds.core.problems import Problems, did_you_mean, kind
from lgds.core.sources import read_front_matter
from lgds.kit.models import Pack
from lgds.site import Site

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


def read_notes(site: Site, folder: str, path: str, problems: Problems) -> str:
    """The body of the pack's ``notes.md``, published on the pack's page; reports a missing one."""
    notes = f"{folder}/notes.md"
    if link_in(site.root, notes) is not None:  # reported as a link, and never read through
        return ""
    if not (site.root / notes).is_file():
        problems.add(MISSING_NOTES, path, 1, folder=folder)
        return ""
    page = read_front_matter(site.root, notes, problems)
    if page is None:
        return ""
    site.bodies.append(Body(notes, page.body_line, page.body, _page(folder)))
    return page.body


def _page(folder: str) -> str:
    """The pack's page, where its notes, activities and handouts are published, whatever their folder."""
    return routes.path("pack", pack=SimpleNamespace(folder=folder))


def read_part(
    site: Site, pack: Pack, rel: str, path: str, loc: tuple[str | int, ...], line: int, problems: Problems
) -> None:
    """Read the activity or handout file ``rel`` that the field at ``loc`` names, if it is the pack's."""
    field = ".".join(str(p) for p in loc)
    shown = rel if rel.isprintable() else rel.encode("unicode_escape").decode("ascii")
    reason = outside(rel)
    if not reason and rel in pack.files:  # a regular file in the pack's folder, through no link
        part = read_front_matter(site.root, f"{pack.folder}/{rel}", problems)
        if part is not None:
            pack.parts[rel] = part.body
            site.bodies.append(Body(f"{pack.folder}/{rel}", part.body_line, part.body, _page(pack.folder)))
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
