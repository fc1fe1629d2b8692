"""The reference pages: the error reference at /reference/errors/, made from the catalogue of problems,
and the templates reference at /reference/templates/, made from the templates and stylesheets themselves.

The catalogue (``lgds.core.problems.KINDS``) is full once the site is loaded, as it always is before a
build: each feature's loader registers its own kinds of problem.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby

from lgds.core import routes
from lgds.core.output import Output
from lgds.core.problems import KINDS, Kind, Problem, Problems
from lgds.core.render import Pages
from lgds.site import Site
from lgds.sitewide.describe import Described, describe
from lgds.sitewide.examples import EXAMPLES, Example

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


CODE = re.compile(r"`([^`]*)`")
"""A part of a message written as code, between backticks, as the command line shows it."""


@dataclass(frozen=True)
class Sentence:
    """Text as the reference shows it: parts in turn, each plain text or code (``is_code``)."""

    parts: list[tuple[str, bool]]


@dataclass(frozen=True)
class Reported:
    """One kind of problem with an example of it, filled in as a contributor would see it."""

    kind: Kind
    problem: Problem
    message: Sentence
    expected: Sentence
    fix: Sentence


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


def _areas() -> list[tuple[str, list[Reported]]]:
    def order(kind: Kind) -> tuple[int, str]:
        return (AREAS.index(kind.area) if kind.area in AREAS else len(AREAS), kind.code)

    kinds = sorted(KINDS.values(), key=order)
    return [
        (area, [reported(kind) for kind in group]) for area, group in groupby(kinds, key=lambda k: k.area)
    ]


def reported(kind: Kind) -> Reported:
    """``kind`` with its example's values filled in (a kind with no example keeps its placeholders,
    which ``tests/test_error_reference.py`` does not allow)."""
    example = EXAMPLES.get(kind.code, Example("", 0))
    problem = Problems().add(kind, example.path, example.line, **example.values)
    return Reported(
        kind, problem, sentence(problem.message), sentence(problem.expected), sentence(problem.fix)
    )


def sentence(text: str) -> Sentence:
    """Text as a sentence: a capital letter first unless it starts with code, a full stop last, and
    each part between backticks marked as code."""
    text = text.strip()
    if text and text[-1] not in ".?!":
        text += "."
    pieces = CODE.split(text)
    parts = [(piece, i % 2 == 1) for i, piece in enumerate(pieces) if piece]
    if parts and not parts[0][1]:
        first = parts[0][0]
        parts[0] = (first[0].upper() + first[1:], False)
    return Sentence(parts)
