"""Examples for the kinds of problem in ``network.yml`` and the gathered copies in ``data/network/``,
for the error reference (see ``examples``)."""

from __future__ import annotations

from lgds.sitewide.example import Example

NETWORK = "network.yml"
COPY = "data/network/north-west.json"
EVENT_ID = "2027-05-05-forms-that-work.north-west@lgds-kit"
SITE = {"name": "North West peer group", "address": "https://north-west.example.org/"}

NETWORK_EXAMPLES: dict[str, Example] = {
    "network-address": Example(
        NETWORK,
        12,
        {"value": "http://north-west.example.org/", "reason": "it must start with https://"},
    ),
    "network-unknown-group": Example(
        NETWORK, 12, {"value": "north-west", "groups": "london, midlands, south, south-west"}
    ),
    "network-duplicate": Example(NETWORK, 13, {"what": "group", "value": "north-west", "first": "12"}),
    "gathered-unlisted": Example(COPY, 0, {"file": COPY, "value": "north-west"}),
    "gathered-mismatch": Example(
        COPY,
        1,
        {
            "value": "north-east",
            "source": "https://north-east.example.org/data/events.json",
            "group": "north-west",
            "address": SITE["address"],
        },
    ),
    "gathered-foreign-page": Example(
        COPY, 14, {"id": EVENT_ID, "value": "https://elsewhere.example.com/forms/", **SITE}
    ),
    "gathered-no-page": Example(COPY, 14, {"id": EVENT_ID, **SITE}),
    "gathered-wrong-group": Example(
        COPY,
        14,
        {"id": EVENT_ID, "value": "north-east", "name": SITE["name"], "group": "north-west"},
    ),
    "gathered-repeated-id": Example(COPY, 40, {"id": EVENT_ID}),
    "gathered-not-json": Example(COPY, 3, {"detail": "Expecting ',' delimiter"}),
    "gathered-too-big": Example(COPY, 1, {"size": "6,120,400", "limit": "5,000,000"}),
    "gathered-control-character": Example(COPY, 17),
}
