"""Load ``site.yml``: the settings a fork changes."""

from __future__ import annotations

from lgds.core.problems import Problems
from lgds.core.sources import NOT_A_MAPPING, read_yaml
from lgds.core.validate import validate
from lgds.site import Site
from lgds.sitewide.models import Settings

SETTINGS_FILE = "site.yml"


def load(site: Site, problems: Problems) -> None:
    """Read the settings if the file exists; an empty file means every default."""
    if not (site.root / SETTINGS_FILE).is_file():
        return
    source = read_yaml(site.root, SETTINGS_FILE, problems, mapping=False)
    if source is None or source.data is None:
        return
    if not isinstance(source.data, dict):
        problems.add(NOT_A_MAPPING, SETTINGS_FILE, 1, found="something other than settings")
        return
    settings = validate(Settings, source, problems)
    if settings is not None:
        settings._lines = {name: source.line(name) for name in source.data}
        site.settings = settings
