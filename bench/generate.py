"""Make a synthetic copy of the kit at a given scale, for the benchmark.

    python bench/generate.py national /tmp/lgds-national
    python bench/generate.py x10 /tmp/lgds-x10

``national``: every current council in the register signed up (one file each in ``data/signups/``),
every peer group, about 300 events, and one peer review per current council. ``x10``: ten times that:
5,000 events, 50 packs (the kit's packs copied under new slugs) and ten reviews per council. The copy is a whole kit (content, data, hooks, settings), so ``mkdocs build``,
``mkdocs serve`` and ``lgds check`` run in it unchanged. Everything made is plainly example data.
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

from lgds.core.files import KIT_PARTS

ROOT = Path(__file__).resolve().parents[1]
SCALES = {
    "national": {"events": 300, "packs": 10, "reviews": 1},
    "x10": {"events": 5000, "packs": 50, "reviews": 10},
}
"""Events and packs in all, and peer reviews per current council."""
TOPICS = (
    "Reviewing a service together",
    "User research on a budget",
    "Show and tell",
    "Sharing what we built",
    "Know what you need before you buy",
    "Walking the senior manager through",
    "Assisted digital and inclusion",
    "One point in depth",
)
STATUSES = ("confirmed",) * 8 + ("planned", "cancelled")
BODY = """!!! note "Example event"
    A made-up event generated for the benchmark.

## Agenda

- **10:00** Arrival and introductions
- **10:15** {topic}: what we tried and what we learned
- **11:30** Break
- **11:45** Small groups on the points covered
- **12:45** What we will do next, and close

## What to bring

A service you are working on, and a question you would like help with.
"""


def copy_kit(target: Path) -> None:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for part in KIT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, target / part)


def register(root: Path) -> list[dict[str, str]]:
    with (root / "data" / "councils.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def hosts_on(rows: list[dict[str, str]], day: date) -> list[str]:
    """Councils that existed on ``day`` (an event's host must have)."""
    return [
        row["code"]
        for row in rows
        if (not row["start_date"] or date.fromisoformat(row["start_date"]) <= day)
        and (not row["end_date"] or day <= date.fromisoformat(row["end_date"]))
    ]


def sign_up_all(root: Path, rows: list[dict[str, str]], rng: random.Random) -> None:
    """Every current council signs up, on a day after it began."""
    folder = root / "data" / "signups"
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.yml"):
        old.unlink()
    for row in rows:
        if row["end_date"].strip():
            continue
        code = row["code"]
        began = max(date(2016, 5, 1), date.fromisoformat(row["start_date"] or "2016-05-01"))
        signed = began + timedelta(days=rng.randrange(max((date(2026, 1, 1) - began).days, 1)))
        (folder / f"{code.lower()}.yml").write_text(
            f"# Made up for the benchmark.\ncouncil: {code}\nsigned: {signed.isoformat()}\nexample: true\n",
            encoding="utf-8",
        )


def copy_packs(root: Path, wanted: int) -> list[str]:
    """Copy the kit's packs under new slugs until there are ``wanted``; returns every pack slug."""
    folder = root / "franchise-kit" / "packs"
    originals = sorted(p.name for p in folder.iterdir() if (p / "pack.yml").is_file())
    slugs = list(originals)
    n = 2
    while len(slugs) < wanted:
        for slug in originals:
            if len(slugs) >= wanted:
                break
            new = f"{slug}-{n}"
            shutil.copytree(folder / slug, folder / new)
            pack = folder / new / "pack.yml"
            text = pack.read_text(encoding="utf-8")
            lines = text.split("\n")
            for i, line in enumerate(lines):
                if line.startswith("title:"):
                    lines[i] = f"{line} ({n})"
                    break
            pack.write_text("\n".join(lines), encoding="utf-8")
            slugs.append(new)
        n += 1
    return slugs


def make_events(root: Path, count: int, packs: list[str], rng: random.Random) -> None:
    rows = register(root)
    groups = sorted(p.name for p in (root / "peer-groups").iterdir() if (p / "group.yml").is_file())
    start = date(2017, 1, 1)
    for i in range(count):
        group = groups[i % len(groups)]
        day = start + timedelta(days=(i * 3653) // max(count, 1) + rng.randrange(3))
        topic = TOPICS[i % len(TOPICS)]
        slug = f"{day.isoformat()}-bench-{i:05d}"
        used = rng.sample(packs, k=min(2, len(packs)))
        front = [
            "---",
            f"title: {topic} ({i})",
            f"date: {day.isoformat()}",
            'start: "10:00"',
            'end: "13:00"',
            "venue:",
            f"  name: Example civic centre {i}",
            "  address: 1 Example Street",
            "  postcode: AB1 2CD",
            f"host: {rng.choice(hosts_on(rows, day))}",
            f"packs: [{', '.join(used)}]",
            f"status: {STATUSES[i % len(STATUSES)]}",
            "example: true",
            "---",
            "",
        ]
        folder = root / "peer-groups" / group / "events"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{slug}.md").write_text("\n".join(front) + BODY.format(topic=topic), encoding="utf-8")


SERVICES = (
    "Garden waste subscription",
    "Apply for a blue badge",
    "Report a missed bin",
    "Apply for a school place",
    "Book a bulky waste collection",
    "Apply for a parking permit",
    "Report a pothole",
)
PHASES = ("discovery", "alpha", "beta", "live")
ADVICE = (
    "Write the offline plan down and rehearse it with the contact centre.",
    "Agree a few measures with the service owner and publish them.",
    "Test the whole journey with the assistive technology residents use.",
    "Give the service owner the authority to decide without waiting for a board.",
)


def make_reviews(root: Path, per_council: int, rng: random.Random) -> None:
    """``per_council`` made-up reviews of each current council's services, by councils that existed then."""
    rows = register(root)
    current = [row for row in rows if not row["end_date"].strip()]
    for row in current:
        began = max(date(2016, 5, 1), date.fromisoformat(row["start_date"] or "2016-05-01"))
        for k in range(per_council):
            day = began + timedelta(days=rng.randrange(max((date(2026, 1, 1) - began).days, 1)))
            others = [code for code in hosts_on(current, day) if code != row["code"]]
            service = SERVICES[(k + rng.randrange(len(SERVICES))) % len(SERVICES)]
            lines = [
                "---",
                f"council: {row['code']}",
                f"service: {service}",
                f"phase: {rng.choice(PHASES)}",
                f"date: {day.isoformat()}",
                f"reviewers: [{', '.join(rng.sample(others, k=2))}]",
                "consent: true",
                "points:",
            ]
            for point in sorted(rng.sample(range(1, 16), k=rng.randrange(5, 11))):
                met = rng.random() < 0.7
                lines += [
                    f"  - point: {point}",
                    f"    result: {'met' if met else 'not met'}",
                    f"    evidence: The team showed what it has done on point {point} (review {k}).",
                ]
                if not met:
                    lines += ["    recommendations:", f"      - {rng.choice(ADVICE)}"]
            lines += ["example: true", "---", "", "A made-up review generated for the benchmark.", ""]
            slug = service.lower().replace(" ", "-")
            folder = root / "reviews" / row["code"].lower()
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{day.isoformat()}-bench-{k:02d}-{slug}.md").write_text(
                "\n".join(lines), encoding="utf-8"
            )


def generate(scale: str, target: Path, seed: int = 7) -> Path:
    """Write the synthetic kit into ``target`` (replacing it) and return it."""
    sizes = SCALES[scale]
    rng = random.Random(seed)
    copy_kit(target)
    sign_up_all(target, register(target), rng)
    packs = copy_packs(target, sizes["packs"])
    make_events(target, sizes["events"], packs, rng)
    make_reviews(target, sizes["reviews"], rng)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("scale", choices=sorted(SCALES))
    parser.add_argument("target", type=Path)
    args = parser.parse_args()
    generate(args.scale, args.target)
    print(f"Made a {args.scale} copy of the kit in {args.target}")


if __name__ == "__main__":
    main()
