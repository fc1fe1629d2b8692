"""Peer reviews on the site: the scorecard, the lists, the patterns, the pages that list reviews, the open
data, the example switch, and pages remembered between previews."""

from __future__ import annotations

import csv
import io
import json
import re

from bs4 import BeautifulSoup

from lgds.build import build_all
from lgds.core import routes
from lgds.core.reuse import Memory
from lgds.load import load_site
from lgds.reviews.models import RECENT
from lgds.reviews.opendata import COLUMNS, defused

from .conftest import BUILD_DATE, ROOT, read_page

TODAY = BUILD_DATE.date()
BAS_BETA = "/reviews/bas/2026-03-18-garden-waste-subscription/"
BAS_ALPHA = "/reviews/bas/2025-05-14-garden-waste-subscription/"
CAMDEN = "reviews/cmd/2025-10-08-report-a-housing-repair.md"


def article(site, url: str) -> BeautifulSoup:
    found = BeautifulSoup(read_page(site, url), "html.parser").find("article")
    assert found is not None
    return found


def text(site, url: str) -> str:
    return " ".join(article(site, url).get_text(" ").split())


def outputs(root, memory: Memory | None = None) -> dict[str, str | bytes]:
    site, problems = load_site(root, today=TODAY, memory=memory)
    assert not problems.errors, [p.format() for p in problems.errors]
    return {o.path: o.content for o in build_all(site, memory)}


def review_file(council: str, day: str, service: str, **fields: str) -> str:
    lines = ["---", f"council: {council}", f"service: {service}", "phase: beta", f"date: {day}"]
    lines += [f"{k}: {v}" for k, v in {"reviewers": "[PLY]", "consent": "true", **fields}.items()]
    return "\n".join([*lines, "---", "", "What the review found.", ""])


def test_the_kit_ships_a_dozen_example_reviews_across_phases_councils_and_nations():
    site, problems = load_site(ROOT, today=TODAY)
    assert not problems.errors
    assert len(site.reviews) >= 12 and all(r.meta.example for r in site.reviews)
    assert {r.meta.phase.value for r in site.reviews} == {"discovery", "alpha", "beta", "live"}
    nations = {site.councils[r.council].nation for r in site.reviews}
    assert nations == {"England", "Scotland", "Wales", "Northern Ireland"}
    assert len({site.councils[r.council].area for r in site.reviews}) >= 8
    assert [r.meta.phase.value for r in site.reviews_by_council["LDS"]] == ["alpha", "beta", "live"]
    assert len(site.reviews_by_event["london/2025-10-08-peer-review-day"]) == 2


def test_a_scorecard_shows_each_points_result_the_overall_result_and_who_reviewed(built_site):
    page = text(built_site, BAS_BETA)
    assert "Overall result: Not met . 6 of the 8 points assessed were met; 2 were not." in page
    assert "7 points were not assessed." in page
    assert "This review is made up" in page
    assert "Reviewing councils Plymouth , Wiltshire and Torbay" in page
    assert "Peer review day , 18 March 2026, South West peer group" in page
    rows = [
        [cell.get_text(" ", strip=True) for cell in tr.find_all("td")]
        for tr in article(built_site, BAS_BETA).select("table tbody tr")
    ]
    assert rows[0] == ["1. Understand user needs", "Met"] and rows[8] == [
        "9. Make a plan for being offline",
        "Not met",
    ]
    assert rows[3] == ["4. Iterate and improve regularly", "Not assessed"]
    assert len(rows) == 15
    section = article(built_site, BAS_BETA).find(id="point-9")
    assert section is not None and section.name == "h3"
    assert "rehearse it with the contact centre" in page
    links = {a.get_text(strip=True): a["href"] for a in article(built_site, BAS_BETA).find_all("a")}
    assert links["Plymouth"] == "../../../councils/ply/"
    assert links["Peer review day"] == "../../../peer-groups/south-west/events/2026-03-18-peer-review-day/"
    assert links["go to the service"] == "https://www.example.gov.uk/garden-waste"


def test_a_scorecard_links_the_services_earlier_and_later_reviews(built_site):
    later = article(built_site, BAS_BETA)
    assert [a["href"] for a in later.select("ol a")] == ["../2025-05-14-garden-waste-subscription/"]
    earlier = article(built_site, BAS_ALPHA)
    assert [a["href"] for a in earlier.select("ol a")] == ["../2026-03-18-garden-waste-subscription/"]
    assert "Alpha, 14 May 2025: Not met (this review)" in text(built_site, BAS_ALPHA)
    leeds = article(built_site, "/reviews/lds/2025-04-23-apply-for-a-school-place/")
    assert len(leeds.select("ol li")) == 3  # alpha, beta (this one) and live
    assert not article(built_site, "/reviews/ken/2025-11-12-apply-for-a-blue-badge/").select("ol li")


def test_the_list_of_reviews_is_a_table_with_what_the_filters_need(built_site):
    page = article(built_site, "/reviews/")
    rows = page.select(".lgds-reviews tbody tr")
    site, _ = load_site(ROOT, today=TODAY)
    assert len(rows) == min(len(site.reviews), RECENT)
    first = rows[0]  # the latest review
    assert first["data-phase"] == "live" and first["data-area"] == "North East"
    assert first["data-result"] == "met" and first["data-not-met"] == ""
    assert first["data-met"] == "1 4 7 8 9 10 13 14 15"
    form = page.select_one("form.lgds-review-filters")
    assert form is not None and form.has_attr("hidden")  # shown by the script only
    assert [s["name"] for s in form.find_all("select")] == ["area", "phase", "point", "result"]
    assert [a.get_text() for a in page.select("p a") if re.fullmatch(r"\d{4}", a.get_text())] == [
        "2026",
        "2025",
        "2024",
    ]
    year = article(built_site, "/reviews/2024/")
    assert len(year.select(".lgds-reviews tbody tr")) == 1


def test_lists_of_reviews_stay_short_as_reviews_pile_up(kit):
    extra = {
        f"reviews/ply/2026-0{1 + i % 9}-{1 + i:02d}-service-{i}.md": review_file(
            "PLY", f"2026-0{1 + i % 9}-{1 + i:02d}", f"Service {i}", reviewers="[WIL]"
        )
        for i in range(RECENT)
    }
    made = outputs(kit(extra))
    index = str(made[routes.path("reviews")])
    assert index.count("<tr data-area=") == RECENT
    assert f"These are the latest {RECENT} of " in index
    year = str(made[routes.path("reviews-year", year=2026)])
    assert year.count("<tr data-area=") == RECENT + 8  # every 2026 review, the kit's eight included


def test_the_patterns_page_adds_up_the_reviews_by_phase(built_site):
    page = text(built_site, "/reviews/patterns/")
    assert "9. Make a plan for being offline : not met in 7 of the 10 reviews that assessed it" in page
    chart = article(built_site, "/reviews/patterns/").select("svg")
    assert len(chart) == 4 and all(svg.find("title") for svg in chart)
    assert "Session packs for these points" in page


def test_a_point_page_shows_how_reviewed_services_did_and_links_the_recommendations(built_site):
    url = "/standard/9-make-a-plan-for-being-offline/"
    page = text(built_site, url)
    assert "In peer reviews" in page and "The reviews counted here are made up." in page
    assert "Beta 5 4 0 4" in page  # five beta reviews, four assessed the point, none met it
    first = article(built_site, url).select("#what-reviewers-recommend ~ ul li")[0]
    assert first.get_text().startswith("Write the offline plan down")
    assert "7 reviews; the latest: Manchester, beta, August 2026" in first.get_text()
    hrefs = [a["href"] for a in first.find_all("a")]
    assert len(hrefs) == 3 and all(h.endswith("/#point-9") for h in hrefs)


def test_council_event_pack_and_data_pages_link_reviews(built_site):
    council = article(built_site, "/councils/lds/")
    assert [a["href"] for a in council.select("#peer-reviews ~ ul a")][:3] == [
        "../../reviews/lds/2024-05-15-apply-for-a-school-place/",
        "../../reviews/lds/2025-04-23-apply-for-a-school-place/",
        "../../reviews/lds/2026-05-20-apply-for-a-school-place/",
    ]
    event = text(built_site, "/peer-groups/london/events/2025-10-08-peer-review-day/")
    assert "Report a housing repair, live review , Camden, 8 October 2025: Not met" in event
    pack = article(built_site, "/franchise-kit/packs/peer-review-a-service/")
    hrefs = {a["href"] for a in pack.find_all("a")}
    assert {"../../../reviews/scoring-sheet/", "../../../reference/review/"} <= hrefs
    data = text(built_site, "/data/")
    assert "reviews.csv" in data and "Open Government Licence v3.0" in data
    assert "The peer reviews in these files are made up" in data


def test_the_open_data_holds_every_review(built_site):
    rows = list(csv.DictReader(io.StringIO((built_site / "data/reviews.csv").read_text(encoding="utf-8"))))
    site, _ = load_site(ROOT, today=TODAY)
    assert len(rows) == len(site.reviews) and list(rows[0]) == COLUMNS
    beta = next(r for r in rows if r["page"] == BAS_BETA.lstrip("/"))
    assert (beta["overall"], beta["met"], beta["not_met"], beta["point_9"]) == (
        "not met",
        "6",
        "2",
        "not met",
    )
    assert beta["reviewers"] == "PLY | WIL | TOB" and beta["example"] == "true"
    data = json.loads((built_site / "data/reviews.json").read_text(encoding="utf-8"))
    assert data["contains_examples"] and data["licence"] == "Open Government Licence v3.0"
    point = data["reviews"][0]["points"][8]
    assert point["point"] == 9 and point["result"] == "not met" and point["recommendations"]


def test_csv_cells_that_could_start_a_formula_are_written_as_text(kit):
    assert [defused(v) for v in ("=1+1", "+44", "-2", "@SUM", "\tx", "\rx", "Plain")] == [
        "'=1+1",
        "'+44",
        "'-2",
        "'@SUM",
        "'\tx",
        "'\rx",
        "Plain",
    ]
    made = outputs(kit({CAMDEN: (ROOT / CAMDEN).read_text().replace("service: Report", "service: =Report")}))
    rows = list(csv.DictReader(io.StringIO(str(made["data/reviews.csv"]))))
    assert "'=Report a housing repair" in [r["service"] for r in rows]


def test_without_example_data_no_example_review_is_published(kit):
    settings = (
        (ROOT / "site.yml").read_text(encoding="utf-8").replace("example_data: true", "example_data: false")
    )
    made = outputs(kit({"site.yml": settings}))
    assert not [p for p in made if p.startswith("reviews/") and p.count("/") == 2]
    assert "No reviews are published yet." in str(made[routes.path("reviews")])
    assert "No reviews are published yet, so there is nothing to add up." in str(made["reviews/patterns.md"])
    rows = list(csv.reader(io.StringIO(str(made["data/reviews.csv"]))))
    assert rows == [COLUMNS]
    assert "In peer reviews" not in str(made["standard/9-make-a-plan-for-being-offline.md"])


def test_a_real_review_shows_no_example_notice(kit):
    real = review_file("PLY", "2026-04-01", "Report a missed bin", reviewers="[CON]")
    made = outputs(kit({"reviews/ply/2026-04-01-report-a-missed-bin.md": real}))
    assert "Example data" not in str(made["reviews/ply/2026-04-01-report-a-missed-bin.md"])


def test_a_review_edit_reaches_every_page_that_shows_it_when_pages_are_remembered(kit):
    root = kit()
    memory = Memory()
    before = outputs(root, memory)
    path = root / CAMDEN
    path.write_text(
        path.read_text(encoding="utf-8").replace("service: Report", "service: Zqx report"), "utf-8"
    )
    remembered = outputs(root, memory)
    fresh = outputs(root, Memory())
    assert [p for p in fresh if remembered[p] != fresh[p]] == []
    for page in (CAMDEN, "councils/cmd.md", "peer-groups/london/events/2025-10-08-peer-review-day.md"):
        assert "Zqx report" in str(remembered[page]) and remembered[page] != before[page], page
