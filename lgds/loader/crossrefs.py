"""Checks that span files: references from one file to what another defines."""

from __future__ import annotations

from ..models.site import Site
from ..problems import Problems
from . import packs


def check(site: Site, problems: Problems) -> None:
    """Run every cross-file check once everything is loaded."""
    for checker in CHECKS:
        checker(site, problems)


CHECKS: list = [packs.check]
