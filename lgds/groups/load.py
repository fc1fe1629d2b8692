"""Load peer groups from ``peer-groups/<slug>/group.yml`` and their ``index.md``.

The folder name is the group's slug and its address (/peer-groups/<slug>/). ``peer-groups/index.md``
is the hand-written introduction to the list of groups, read here (so a mistake in it is reported at
its line) and published by the groups' page-making above the list.
"""

from __future__ import annotations

import os
import re

from lgds.core import routes
from lgds.core.fields import SLUG_PATTERN
from lgds.core.files import find
from lgds.core.links import Body
from lgds.core.pages import load_intro
from lgds.core.partial import partial
from lgds.core.problems import Problems, did_you_mean, kind
from lgds.core.sources import Source, read_front_matter, read_yaml
from lgds.core.validate import validate
from lgds.councils.models import AREAS
from lgds.groups.models import Group, GroupFile
from lgds.site import Site

FOLDER = "peer-groups"
INTRO = f"{FOLDER}/index.md"
"""The hand-written introduction shown above the list of groups at /peer-groups/."""
GUIDE = routes.path("starting-a-group")
"""The franchise kit's guide to starting a group, which /peer-groups/ links to when it exists."""

UNKNOWN_REGION = kind(
    "unknown-region",
    "`{value}` is not an English region or a nation",
    expected="one of: {areas}",
    fix="{suggestion}",
    area="groups",
)
UNKNOWN_GROUP = kind(
    "unknown-group",
    "there is no peer group `{value}`",
    expected="the folder name of a group under peer-groups/ that has a group.yml: {groups}",
    fix="{suggestion}",
    area="groups",
)
BAD_GROUP_FOLDER = kind(
    "bad-group-folder",
    "the folder name `{value}` cannot be a web address",
    expected="lower-case letters, digits and single hyphens, like `north-east`",
    fix="rename the folder, for example to `{suggestion}`",
    area="groups",
)


def load(site: Site, problems: Problems) -> None:
    """Each folder with a ``group.yml`` is a group; its folder name is its slug and address."""
    site.claimed.add(INTRO)
    intro = load_intro(site.root, INTRO, problems)
    if intro is not None:
        site.intros[INTRO] = intro
    if (site.root / GUIDE).is_file():
        site.hand_written.add(GUIDE)
    for path in find(site.root, FOLDER, "*/group.yml"):
        slug = path.split("/")[1]
        if not _slug_ok(slug):
            problems.add(BAD_GROUP_FOLDER, path, 1, value=slug, suggestion=slugify(slug))
        about = _read_about(site, slug, problems)
        # A group.yml that cannot be loaded is reported at its line; events, packs and settings that
        # name the group stay quiet about it, and the checks of its sound fields still run.
        source = read_yaml(site.root, path, problems)
        if source is None:
            site.failed.add(path)
            continue
        meta = validate(GroupFile, source, problems)
        if meta is None:
            site.failed.add(path)
            found = partial(GroupFile, source.data)
            if found is not None and "covers" not in found[1]:
                _check_covers(found[0], source, problems)
            continue
        _check_covers(meta, source, problems)
        if meta.example_contact and not site.settings.example_data:
            meta = meta.model_copy(update={"contact": None, "join": None, "example_contact": False})
        group = Group(slug=slug, meta=meta)
        if about is not None:
            group.about, group.about_path = about
        site.groups[slug] = group
    _check_folders_without_group(site, problems)
    _check_settings_group(site, problems)


def _read_about(site: Site, slug: str, problems: Problems) -> tuple[str, str] | None:
    """The group's ``index.md``: its body and path, when there is one and it can be read."""
    about = f"{FOLDER}/{slug}/index.md"
    if not (site.root / about).is_file():
        return None
    site.claimed.add(about)
    page = read_front_matter(site.root, about, problems)
    if page is None:
        return None
    site.bodies.append(Body(about, page.body_line, page.body, routes.path("group", group=slug)))
    return page.body, about


def _check_covers(meta: GroupFile, source: Source, problems: Problems) -> None:
    for i, area in enumerate(meta.covers):
        if area not in AREAS:
            problems.add(
                UNKNOWN_REGION,
                source.path,
                source.line("covers", i),
                value=area,
                areas=", ".join(AREAS),
                suggestion=region_hint(area),
            )


def _check_folders_without_group(site: Site, problems: Problems) -> None:
    """A folder under peer-groups/ with no group.yml: one problem, at the first file that needs it.

    Its events, packs and pages cannot be published without a group, so each would otherwise report
    the same missing group; the first event (else pack, else page) says it once, for the whole folder.
    """
    base = site.root / FOLDER
    if not base.is_dir():
        return
    for entry in sorted(os.scandir(base), key=lambda e: e.name):
        if not entry.is_dir() or (base / entry.name / "group.yml").is_file():
            continue
        if f"{FOLDER}/{entry.name}/group.yml" in site.failed:
            continue  # there is a group.yml spelt another way, reported already
        files = find(site.root, f"{FOLDER}/{entry.name}", "**/*")
        if not files:
            continue
        first = min(files, key=_needs_group_first)
        problems.add(
            UNKNOWN_GROUP,
            first,
            1,
            value=entry.name,
            groups=", ".join(site.groups) or "none yet",
            suggestion=group_hint(entry.name, site),
        )


def _needs_group_first(path: str) -> tuple[int, str]:
    """Events first, then packs, then anything else: where a missing group is best reported."""
    parts = path.split("/")
    if parts[2:3] == ["events"]:
        return 0, path
    if parts[2:3] == ["packs"] and parts[-1] == "pack.yml":
        return 1, path
    return 2, path


def region_hint(value: str) -> str:
    """A fix for a misspelt region: the closest areas, or how they are spelt."""
    exact = {a.lower(): a for a in AREAS}.get(value.strip().lower())
    if exact:
        return f"write it exactly as `{exact}`"
    wanted = value.strip().lower()
    partial = [a for a in AREAS if wanted and (wanted in a.lower() or a.lower() in wanted)]
    if partial:
        return "did you mean " + " or ".join(repr(a) for a in partial) + "?"
    return did_you_mean(value, AREAS) or "use the English region or nation name exactly as listed"


def group_hint(value: str, site: Site) -> str:
    """A fix for an unknown group: the closest group folders, or how to start a group."""
    return (
        did_you_mean(value, site.groups)
        or 'start the group first with `lgds new-group "NAME" --region REGION`'
    )


def _check_settings_group(site: Site, problems: Problems) -> None:
    wanted = site.settings.group
    if wanted and wanted not in site.groups and f"{FOLDER}/{wanted}/group.yml" not in site.failed:
        path = site.settings.source_path or "site.yml"
        problems.add(
            UNKNOWN_GROUP,
            path,
            site.settings.line_of("group"),
            value=wanted,
            groups=", ".join(site.groups) or "none yet",
            suggestion=group_hint(wanted, site),
        )


def _slug_ok(slug: str) -> bool:
    return re.fullmatch(SLUG_PATTERN, slug) is not None


def slugify(text: str) -> str:
    """Lower-case words joined by hyphens: the form of folder names and addresses."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
