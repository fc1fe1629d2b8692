"""Load sign-ups: one small file per council in ``data/signups/``, so pull requests never collide."""

from __future__ import annotations

from ..models.council import SignUp
from ..models.site import Site
from ..problems import Problems
from ..sources import read_yaml
from .files import find
from .validate import validate

FOLDER = "data/signups"


def load(site: Site, problems: Problems) -> None:
    """Read every sign-up file; checks against the register come in ``crossrefs``."""
    for path in find(site.root, FOLDER, "*.yml"):
        source = read_yaml(site.root, path, problems)
        if source is None:
            continue
        signup = validate(SignUp, source, problems)
        if signup is not None:
            site.signups[path] = signup
