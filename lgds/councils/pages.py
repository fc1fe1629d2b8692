"""Council pages: the list at /councils/ and a page per current council at /councils/<code>/.

The list is grouped by nation and region so it reads well without JavaScript; a small script adds
filters. Per-council pages stay light (no scripts of their own, no charts) and never enter the nav.
The home page's headline (``<!-- lgds:signup-headline -->``) counts the sign-ups.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from urllib.parse import quote, urlencode

from lgds.core import reuse, routes
from lgds.core.output import Output
from lgds.core.render import Pages
from lgds.councils.facts import (
    Listed,
    areas,
    current_successors,
    peer_groups_for,
    replaced,
    shows_examples,
    signed_count,
    signups_by_code,
)
from lgds.councils.models import ENGLISH_REGIONS, NATIONS, Council, SignUp
from lgds.councils.signups import FOLDER as SIGNUPS_FOLDER
from lgds.groups.models import Group
from lgds.reviews.models import Review
from lgds.site import Site


def new_signup_url(site: Site, pages: Pages, council: Council) -> str | None:
    """A GitHub link that opens a new sign-up file for ``council``, filled in, ready to propose."""
    if not site.repo_url:
        return None
    content = pages.text("councils/new-signup.yml", council=council)
    query = urlencode({"filename": f"{council.slug}.yml", "value": content}, quote_via=quote)
    return f"{site.repo_url}/new/{quote(site.settings.branch)}/{SIGNUPS_FOLDER}?{query}"


def build(site: Site, pages: Pages) -> Iterator[Output]:
    by_code = signups_by_code(site)
    paths = {s.council: p for p, s in site.signups.items()}
    yield _index(site, pages, by_code)
    earlier = replaced(site, by_code)
    made = reuse.current().pages("council-pages")
    for council in sorted(site.current_councils, key=lambda c: c.code):
        signup = by_code.get(council.code)
        predecessors = [
            Listed(old, by_code[old.code]) for old in sorted(earlier.get(council.code, []), key=_official)
        ]
        groups = peer_groups_for(site, council)
        reviews = site.reviews_by_council.get(council.code, [])
        # Everything the page shows besides the council's own row: tests/test_perf_memo.py edits each.
        shown = (
            signup,
            tuple(
                (r.path, r.meta.service, r.meta.phase, r.meta.date, r.overall, r.meta.example)
                for r in reviews
            ),
            paths.get(council.code),
            tuple((g.slug, g.name) for g in groups),
            tuple((old.council, old.signup) for old in predecessors),
            site.settings.example_notice,
            site.repo_url,
            site.settings.branch,
            None if signup else site.today,
        )
        make = functools.partial(_council, site, pages, council, signup, groups, predecessors, paths, reviews)
        yield made.get(council.code, council, shown, make)


def _council(
    site: Site,
    pages: Pages,
    council: Council,
    signup: SignUp | None,
    groups: list[Group],
    predecessors: list[Listed],
    paths: dict[str, str],
    reviews: list[Review],
) -> Output:
    signup_url = None if signup else new_signup_url(site, pages, council)
    return pages.page(
        "councils/council.md",
        routes.path("council", council=council),
        source=paths[council.code] if signup else None,
        edit_url=signup_url,
        council=council,
        signup=signup,
        examples=shows_examples(site, [signup]) if signup else False,
        peer_groups=groups,
        predecessors=predecessors,
        signup_url=signup_url,
        reviews=reviews,
    )


def _official(council: Council) -> str:
    return council.official_name


def _index(site: Site, pages: Pages, by_code: dict[str, SignUp]) -> Output:
    signed, total = signed_count(site)
    former = [c for c in site.councils.values() if not c.current and c.code in by_code]
    return pages.page(
        "councils/index.md",
        routes.path("councils"),
        signed=signed,
        total=total,
        examples=shows_examples(site),
        areas=areas(site, by_code),
        nations=NATIONS,
        regions=ENGLISH_REGIONS,
        types=sorted({c.type.label for c in site.current_councils}),
        former=[
            (Listed(c, by_code[c.code]), current_successors(site, c)) for c in sorted(former, key=_official)
        ],
    )


def signup_headline(site: Site, pages: Pages, here: str) -> str:
    """For ``<!-- lgds:signup-headline -->`` in docs/index.md: how many councils, out of how many."""
    signed, total = signed_count(site)
    return pages.render(
        "councils/signup-headline.md", here, signed=signed, total=total, examples=shows_examples(site)
    )


BLOCKS = {"signup-headline": signup_headline}
