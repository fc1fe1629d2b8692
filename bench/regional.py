"""The network scenario's regional sites: 20 regional groups, each with a site whose events the
national site has gathered (``data/network/<group>.json``, as ``lgds gather`` writes them), listed in
``network.yml``. Ten years of events each, about two a month. Everything made is plainly example data.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

from lgds.councils.models import AREAS

EVENTS_PER_SITE = 250
"""Ten years of a regional group meeting about twice a month."""


def add_sites(root: Path, count: int, rng: random.Random) -> None:
    """Add ``count`` regional groups, list their sites in network.yml and write their gathered copies."""
    lines = ["sites:"]
    for n in range(1, count + 1):
        group = f"region-{n:02d}"
        address = f"https://{group}.example.org/"
        folder = root / "peer-groups" / group
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "group.yml").write_text(
            f"name: Regional group {n}\ncovers: [{AREAS[n % len(AREAS)]}]\nstatus: active\n"
            'started: "2017-01"\nexample_contact: true\n',
            encoding="utf-8",
        )
        lines.append(f'  - {{name: Regional site {n}, group: {group}, address: "{address}"}}')
        events = [_event(group, address, i, rng) for i in range(EVENTS_PER_SITE)]
        data = {
            "version": 1,
            "name": f"Regional site {n}",
            "site": address,
            "group": group,
            "generated": "2026-11-23",
            "events": events,
        }
        copy = {
            "group": group,
            "source": address + "data/events.json",
            "gathered": "2026-11-23T06:00:00+00:00",
            "data": data,
        }
        target = root / "data" / "network" / f"{group}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(copy, indent=1) + "\n", encoding="utf-8")
    (root / "network.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _event(group: str, address: str, i: int, rng: random.Random) -> dict[str, object]:
    day = date(2017, 1, 1) + timedelta(days=(i * 3653) // EVENTS_PER_SITE + rng.randrange(3))
    slug = f"{day.isoformat()}-regional-{i:04d}"
    return {
        "id": f"{slug}.{group}@lgds-kit",
        "group": group,
        "page": f"{address}peer-groups/{group}/events/{slug}/",
        "title": f"Regional meet-up {i}",
        "date": day.isoformat(),
        "approximate_date": False,
        "start": "10:00",
        "end": "12:30",
        "status": "confirmed" if i % 9 else "planned",
        "sequence": 0,
        "venue": {
            "name": f"Example town hall {i}",
            "address": None,
            "postcode": None,
            "access": None,
            "arrival": None,
        },
        "online": None,
        "booking": None,
        "round": None,
        "example": True,
    }
