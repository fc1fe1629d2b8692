"""Examples for the kinds of problem a peer review's file can have, for the error reference (see
``examples``)."""

from __future__ import annotations

from lgds.sitewide.example import Example

REVIEW = "reviews/cmd/2025-10-08-report-a-housing-repair.md"

REVIEW_EXAMPLES: dict[str, Example] = {
    "review-unknown-council": Example(REVIEW, 2, {"code": "CMX", "suggestion": "did you mean 'CMD'?"}),
    "review-unknown-reviewer": Example(REVIEW, 7, {"code": "ISN", "suggestion": "did you mean 'ISL'?"}),
    "review-own-council": Example(REVIEW, 7, {"council": "London Borough of Camden", "code": "CMD"}),
    "review-wrong-folder": Example(
        "reviews/isl/2025-10-08-report-a-housing-repair.md",
        2,
        {"council": "London Borough of Camden", "folder": "isl", "wanted": "cmd"},
    ),
    "review-future-date": Example(REVIEW, 5, {"day": "2031-10-08", "today": "2027-01-20"}),
    "review-before-standard": Example(REVIEW, 5, {"day": "2015-10-08"}),
    "review-before-council": Example(
        "reviews/smt/2022-05-11-apply-for-a-blue-badge.md",
        5,
        {"council": "Somerset Council", "start": "2023-04-01", "day": "2022-05-11"},
    ),
    "review-after-council": Example(
        "reviews/nth/2021-06-09-apply-for-a-school-place.md",
        5,
        {
            "council": "Northamptonshire County Council",
            "end": "2021-03-31",
            "day": "2021-06-09",
            "suggestion": "use the council that replaced it: `NNT` (North Northamptonshire) or `WNT` "
            "(West Northamptonshire)",
        },
    ),
    "review-unknown-event": Example(
        REVIEW,
        6,
        {
            "value": "london/2025-10-09-peer-review-day",
            "suggestion": "did you mean 'london/2025-10-08-peer-review-day'?",
        },
    ),
    "review-event-other-day": Example(
        REVIEW,
        5,
        {"day": "2025-10-09", "event": "london/2025-10-08-peer-review-day", "event_day": "2025-10-08"},
    ),
    "review-no-consent": Example(REVIEW, 1, {"council": "London Borough of Camden"}),
    "bad-review-file-name": Example("reviews/cmd/housing-repairs.md", 1, {"name": "housing-repairs.md"}),
    "review-point-out-of-range": Example(REVIEW, 10, {"number": "16"}),
    "review-point-twice": Example(REVIEW, 13, {"number": "4", "first": "10"}),
    "review-unknown-result": Example(
        REVIEW, 14, {"value": "partly met", "suggestion": "did you mean 'not met'?"}
    ),
}
"""Each review code's example."""
