"""Load peer reviews from ``reviews/<council>/<date>-<service>.md`` and check each one.

The register, the points, the groups and their events load first, so every reference a review makes
(its council, its reviewers, its event) is checked here, at the line that makes it. A review with any
error is reported and left out: above all, one without the council's consent is never published.
``reviews/index.md`` is the hand-written introduction to /reviews/.
"""

from __future__ import annotations

import re

from lgds.core import reuse
from lgds.core.files import find
from lgds.core.links import Body
from lgds.core.pages import load_intro
from lgds.core.problems import Problem, Problems, did_you_mean, kind
from lgds.core.sources import Source, read_front_matter
from lgds.core.validate import validate
from lgds.groups.models import Event
from lgds.reviews import checks, patterns
from lgds.reviews.models import FOLDER, POINTS, RESULTS, Assessment, Result, Review, ReviewFile, order
from lgds.site import Site

INTRO = f"{FOLDER}/index.md"
"""The hand-written introduction above the list of reviews at /reviews/."""
FILE_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$")

BAD_FILE_NAME = kind(
    "bad-review-file-name",
    "the file name `{name}` does not start with a date and the service's short name",
    expected="a name like `2026-03-18-garden-waste-subscription.md`: the date, then lower-case words with hyphens",
    fix="rename the file; `lgds new-review COUNCIL --service NAME --phase PHASE` makes one with the right name",
    area="reviews",
)
POINT_OUT_OF_RANGE = kind(
    "review-point-out-of-range",
    "`point` is {number}, and the Standard has no point {number}",
    expected="a point's number, from 1 to 15",
    fix="correct the number, or remove the entry",
    area="reviews",
)
POINT_TWICE = kind(
    "review-point-twice",
    "point {number} is given twice: first on line {first}",
    expected="each point at most once, with one result",
    fix="merge the two entries into one, keeping the evidence and recommendations of both",
    area="reviews",
)
UNKNOWN_RESULT = kind(
    "review-unknown-result",
    "`result` is {value!r}, which is not a result a point can have",
    expected="one of: met, not met, not assessed",
    fix="{suggestion}",
    area="reviews",
)


def load(site: Site, problems: Problems) -> None:
    """Read every review file, check it, and keep those with no errors, in date order."""
    site.claimed.add(INTRO)
    intro = load_intro(site.root, INTRO, problems)
    if intro is not None:
        site.intros[INTRO] = intro
    events = {f"{e.group}/{e.slug}": e for e in site.events}
    for path in find(site.root, FOLDER, "*/*.md"):
        site.claimed.add(path)
        review = _read(site, path, problems, events)
        if review is not None:
            site.reviews.append(review)
    site.reviews.sort(key=order)
    for review in site.reviews:
        site.reviews_by_council.setdefault(review.council, []).append(review)
        if review.meta.event:
            site.reviews_by_event.setdefault(review.meta.event, []).append(review)
    # Counted again only when a review changed, was added or was taken away.
    counted = reuse.current().store("review-patterns")
    reviews = tuple(site.reviews)
    site.review_points = counted.get_all("by-point", reviews, None, lambda: patterns.by_point(site.reviews))


def _read(site: Site, path: str, problems: Problems, events: dict[str, Event]) -> Review | None:
    source = read_front_matter(site.root, path, problems)
    if source is None:
        return None
    folder, slug = path.split("/")[1], path.rsplit("/", 1)[-1].removesuffix(".md")
    site.bodies.append(Body(path, source.body_line, source.body, path))  # its page has the file's path
    found = Problems()
    if not FILE_NAME.match(slug):
        found.add(BAD_FILE_NAME, path, 1, name=slug + ".md")
    meta = validate(ReviewFile, source, found)
    if meta is not None and meta.example and not site.settings.example_data:
        return None
    review = None
    if meta is not None:
        review = _review(source, folder, slug, meta, found)
        checks.check(site, review, source, found, events)
    problems.extend(found)
    if review is None or found.errors:
        site.failed.add(path)  # a link to its page waits for this file's own problem to be fixed
        return None
    return review


def _review(source: Source, folder: str, slug: str, meta: ReviewFile, problems: Problems) -> Review:
    """The review made from its checked front matter and body: the very same object while its file's
    text is unchanged, so a preview rebuild makes its points again only for the files that changed."""

    def make() -> tuple[Review, list[Problem]]:
        found = Problems()
        assessments = _assessments(source, meta, found)
        return Review(folder=folder, slug=slug, meta=meta, body=source.body, assessments=assessments), list(
            found
        )

    # The file's path gives its folder and slug; the same ``meta`` means the same front matter and lines.
    made = reuse.current().store("reviews")
    review, found = made.get(source.path, meta, source.body, make)
    problems.extend(found)
    return review


def _assessments(source: Source, meta: ReviewFile, problems: Problems) -> tuple[Assessment, ...]:
    """Every point's result, 1 to 15, from the entries; a point left out (or given wrongly) is not assessed."""
    given: dict[int, Assessment] = {}
    first: dict[int, int] = {}
    for i, entry in enumerate(meta.points):
        line = source.line("points", i, "point")
        if entry.point not in POINTS:
            problems.add(POINT_OUT_OF_RANGE, source.path, line, number=entry.point)
            continue
        if entry.point in first:
            problems.add(POINT_TWICE, source.path, line, number=entry.point, first=first[entry.point])
            continue
        first[entry.point] = line
        if entry.result not in RESULTS:
            where = source.line("points", i, "result")
            problems.add(
                UNKNOWN_RESULT, source.path, where, value=entry.result, suggestion=result_hint(entry.result)
            )
            continue
        given[entry.point] = Assessment(
            number=entry.point,
            result=Result(entry.result),
            evidence=entry.evidence or "",
            recommendations=tuple(entry.recommendations),
        )
    return tuple(given.get(number) or Assessment(number=number) for number in POINTS)


def result_hint(value: str) -> str:
    """The result someone meant: the same words in lower case, or the nearest of the three."""
    tidied = " ".join(re.sub(r"[-_]", " ", value).lower().split())
    if tidied in RESULTS:
        return f"write it `result: {tidied}`, in lower case with a space"
    return did_you_mean(value, RESULTS) or "write `result: met`, `result: not met` or `result: not assessed`"
