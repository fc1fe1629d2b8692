"""Load peer groups from ``peer-groups/<slug>/group.yml`` and their ``index.md``."""

from __future__ import annotations

from ..models.group import Group, GroupFile
from ..models.site import Site
from ..problems import Problems
from ..sources import read_front_matter, read_yaml
from .files import find
from .validate import validate

FOLDER = "peer-groups"


def load(site: Site, problems: Problems) -> None:
    """Each folder with a ``group.yml`` is a group; its folder name is its slug and address."""
    for path in find(site.root, FOLDER, "*/group.yml"):
        slug = path.split("/")[1]
        source = read_yaml(site.root, path, problems)
        if source is None:
            continue
        meta = validate(GroupFile, source, problems)
        if meta is None:
            continue
        group = Group(slug=slug, meta=meta)
        about = f"{FOLDER}/{slug}/index.md"
        if (site.root / about).is_file():
            site.claimed.add(about)
            page = read_front_matter(site.root, about, problems)
            if page is not None:
                group.about, group.about_path = page.body, about
        site.groups[slug] = group
