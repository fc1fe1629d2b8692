"""The reference pages: the error reference at /reference/errors/, made from the catalogue of problems,
and the templates reference at /reference/templates/, made from the templates and stylesheets themselves.

The catalogue (``lgds.core.problems.KINDS``) is full once the site is loaded, as it always is before a
build: each feature's loader registers its own kinds of problem.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from lgds.core import routes
from lgds.core.output import Output
from lgds.core.problems import KINDS, Kind
from lgds.core.render import Pages
from lgds.site import Site
from lgds.sitewide.describe import Described, describe

AREAS = ("general", "standard", "councils", "groups", "events", "packs", "reviews", "settings")
"""The order of the error reference's sections; any other area follows them."""

ERRORS_SOURCE = "lgds/core/problems.py"
TEMPLATES_SOURCE = "lgds/sitewide/templates/template-reference.md"


@dataclass(frozen=True)
class Template:
    """One template the kit ships, as the templates reference shows it."""

    name: str
    feature: str
    described: Described | None
    overridden: bool


def build(site: Site, pages: Pages) -> Iterator[Output]:
    yield pages.page(
        "sitewide/error-reference.md", routes.path("errors"), source=ERRORS_SOURCE, areas=_areas()
    )
    renderer = pages.renderer
    features = list(renderer.folders)
    templates = sorted(
        (
            Template(name, name.split("/")[0], describe(renderer.kit_source(name)), renderer.overridden(name))
            for name in renderer.names()
        ),
        key=lambda t: (features.index(t.feature) if t.feature in features else len(features), t.name),
    )
    yield pages.page(
        "sitewide/template-reference.md",
        routes.path("templates"),
        source=TEMPLATES_SOURCE,
        features=[(feature, list(group)) for feature, group in groupby(templates, key=lambda t: t.feature)],
        stylesheets=renderer.stylesheets(),
    )


def _areas() -> list[tuple[str, list[Kind]]]:
    def order(kind: Kind) -> tuple[int, str]:
        return (AREAS.index(kind.area) if kind.area in AREAS else len(AREAS), kind.code)

    kinds = sorted(KINDS.values(), key=order)
    return [(area, list(group)) for area, group in groupby(kinds, key=lambda k: k.area)]
