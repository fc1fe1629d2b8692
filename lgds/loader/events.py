"""Load events from ``peer-groups/<group>/events/<date>-<slug>.md``."""

from __future__ import annotations

from ..models.event import Event, EventFile
from ..models.site import Site
from ..problems import Problems
from ..sources import read_front_matter
from .files import find
from .validate import validate

FOLDER = "peer-groups"


def load(site: Site, problems: Problems) -> None:
    """Read every event file; its folder names the group and its file name gives the page address."""
    for path in find(site.root, FOLDER, "*/events/*.md"):
        site.claimed.add(path)
        group = path.split("/")[1]
        source = read_front_matter(site.root, path, problems)
        if source is None:
            continue
        meta = validate(EventFile, source, problems)
        if meta is None:
            continue
        slug = path.rsplit("/", 1)[-1].removesuffix(".md")
        site.events.append(Event(group=group, slug=slug, meta=meta, body=source.body))
    site.events.sort(key=lambda e: (e.meta.date, e.meta.start or e.meta.date, e.group, e.slug))
