"""Load the 15 points of the Standard from ``standard/<n>-<slug>.md`` and check the set is whole."""

from __future__ import annotations

import re

from lgds.core import routes
from lgds.core.files import find
from lgds.core.links import Body, body_of_unreadable
from lgds.core.pages import load_intro
from lgds.core.partial import partial
from lgds.core.problems import Problems, kind
from lgds.core.sources import read_front_matter
from lgds.core.validate import validate
from lgds.site import Site
from lgds.standard.history import last_changed
from lgds.standard.models import PHASES, POINT_COUNT, SECTIONS, Point, PointFrontMatter, slugify

DUPLICATE_POINT = kind(
    "duplicate-point",
    "point {number} is also defined in {other}",
    expected="each number from 1 to 15 in exactly one file",
    fix="change the number in one of the two files, or delete the copy",
    area="standard",
)
MISSING_POINT = kind(
    "missing-point",
    "point {number} has no file",
    expected=f"one file for each point from 1 to {POINT_COUNT}",
    fix="add standard/{number}-<title-in-lower-case>.md, or correct the number in the file meant for it",
    area="standard",
)
FILE_NAME_MISMATCH = kind(
    "file-name-mismatch",
    "the file name does not match the point's number and title",
    expected="the file to be called {wanted}",
    fix="rename the file to {wanted}, so the page's address follows its title",
    warning=True,
    area="standard",
)
MISSING_SECTION = kind(
    "missing-section",
    "the page has no `## {section}` section",
    expected="the sections: " + "; ".join(SECTIONS),
    fix="add a line `## {section}` followed by its text",
    area="standard",
)
BAD_RELATED = kind(
    "bad-related-point",
    "related point {number} {why}",
    expected="numbers of other points, from 1 to 15",
    fix="remove {number} from `related`, or correct it",
    area="standard",
)

GUIDANCE_NOT_HTTPS = kind(
    "guidance-not-https",
    "the related guidance link {url} does not start with https://",
    expected="a web address starting with https://, so readers reach the guidance securely",
    fix="change the start of the address to https:// and check the page still opens",
    area="standard",
)
NO_GOV_UK_GUIDANCE = kind(
    "no-gov-uk-guidance",
    "the point does not link to the GOV.UK Service Standard's nearest point",
    expected="one entry in `guidance` with `source: gov-uk`",
    fix="add the GOV.UK Service Standard point closest to this one under `guidance`",
    warning=True,
    area="standard",
)

FOLDER = "standard"
INTRO = f"{FOLDER}/index.md"
"""The hand-written introduction above the list of points at /standard/."""


def load(site: Site, problems: Problems) -> None:
    """Read every point file, then check numbers, names, sections and related points."""
    seen: dict[int, str] = {}
    changed = last_changed(site.root, FOLDER)
    unreadable: set[int] = set()
    site.claimed.add(INTRO)
    intro = load_intro(site.root, INTRO, problems)
    if intro is not None:
        site.intros[INTRO] = intro
    for path in find(site.root, FOLDER, "*.md"):
        if path == INTRO:
            continue
        site.claimed.add(path)
        point, number = _read_point(site, path, problems)
        if point is None:  # reported at its line; the point is there, so it is not also reported missing
            site.failed.add(path)
            if number is not None:
                unreadable.add(number)
            continue
        point.changed = changed.get(path)
        number = point.number
        if number in seen:
            problems.add(DUPLICATE_POINT, path, point.meta.source_line, number=number, other=seen[number])
            continue
        seen[number] = path
        site.points[number] = point
    for number in range(1, POINT_COUNT + 1):
        if number not in seen and number not in unreadable:
            problems.add(MISSING_POINT, FOLDER, 0, number=number)
    site.points = dict(sorted(site.points.items()))


def _read_point(site: Site, path: str, problems: Problems) -> tuple[Point | None, int | None]:
    """The point in ``path``, and its number; when the file has a problem, the point is None and the
    number is the one it gives, else the one its name starts with, so the checks that need only the
    sound parts still run."""
    source = read_front_matter(site.root, path, problems)
    if source is None:  # its body does not depend on its front matter, so is still checked
        body = body_of_unreadable(site.root, path, path)
        if body is not None:
            for section in _missing_sections(body.text):
                problems.add(MISSING_SECTION, path, body.line, section=section)
            site.bodies.append(body)
        return None, _number_in_name(path)
    meta = validate(PointFrontMatter, source, problems)
    bad: frozenset[str] = frozenset()
    if meta is None:
        found = partial(PointFrontMatter, source.data)
        if found is None:
            return None, _number_in_name(path)
        meta, bad = found
    if not bad & {"number", "title"}:
        wanted = f"{meta.number}-{slugify(meta.title)}.md"
        if path.rsplit("/", 1)[-1] != wanted:
            problems.add(FILE_NAME_MISMATCH, path, source.line("title"), wanted=wanted)
    for section in _missing_sections(source.body):
        problems.add(MISSING_SECTION, path, source.body_line, section=section)
    if "guidance" not in bad:
        for i, link in enumerate(meta.guidance):
            if not link.url.lower().startswith("https://"):
                problems.add(GUIDANCE_NOT_HTTPS, path, source.line("guidance", i, "url"), url=link.url)
        if not any(link.source == "gov-uk" for link in meta.guidance):
            problems.add(NO_GOV_UK_GUIDANCE, path, source.line("guidance"))
    point = None if bad else Point(meta=meta, body=source.body, path=path)
    page = routes.path("point", point=point) if point else path
    site.bodies.append(Body(path, source.body_line, source.body, page))
    if not bad & {"number", "related"}:
        for i, related in enumerate(meta.related):
            why = _related_fault(related, meta.number)
            if why:
                problems.add(BAD_RELATED, path, source.line("related", i), number=related, why=why)
    if point is None:
        return None, _number_in_name(path) if "number" in bad else meta.number
    return point, meta.number


def _number_in_name(path: str) -> int | None:
    """The point number a file's name starts with (``standard/3-...md``), if it is one."""
    match = re.match(r"(\d+)-", path.rsplit("/", 1)[-1])
    number = int(match.group(1)) if match else 0
    return number if 1 <= number <= POINT_COUNT else None


def _missing_sections(body: str) -> list[str]:
    headings = {m.strip().lower() for m in re.findall(r"^#{2,3}\s+(.+?)\s*#*$", body, re.MULTILINE)}
    wanted = [*SECTIONS, *PHASES]
    return [s for s in wanted if s.lower() not in headings]


def _related_fault(number: int, own: int) -> str:
    if number == own:
        return "is this point itself"
    if not 1 <= number <= POINT_COUNT:
        return "does not exist"
    return ""
