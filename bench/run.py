"""Benchmark the kit at national scale and ten times that; print a Markdown table of medians.

    .venv/bin/python bench/run.py               # 5 runs of everything, both scales
    .venv/bin/python bench/run.py --runs 3 --scales national

See bench/README.md for what each row measures.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate  # noqa: E402

BIN = Path(sys.executable).parent
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"NO_MKDOCS_2_WARNING": "1"}
"""As Python runs by default: some machines set PYTHONDONTWRITEBYTECODE, which makes every command
compile the kit's own modules again (about 30 ms of each `lgds check` here)."""


def timed(args: list[str], cwd: Path, **env: str) -> float:
    start = time.perf_counter()
    result = subprocess.run(args, cwd=cwd, env=ENV | env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed in {cwd}:\n{result.stderr[-3000:]}")
    return took


def url_of(src: str) -> str:
    """The page's address for a source path, with directory URLs as mkdocs.yml sets them."""
    stem = src.removesuffix(".md")
    if stem == "index":
        return "/"
    if stem.endswith("/index"):
        return "/" + stem.removesuffix("index")
    return f"/{stem}/"


def plain_copy(kit: Path, target: Path) -> None:
    """Every page our hooks make, written out as Markdown, with mkdocs.yml minus the hooks."""
    from lgds.build import build_all, expand_nav, fill_blocks, pages_for
    from lgds.core.files import CONTENT_FOLDERS, find
    from lgds.load import load_site

    site, _ = load_site(kit)
    pages = pages_for(site)
    docs = target / "docs"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(kit / "docs", docs)
    for md in docs.rglob("*.md"):
        here = md.relative_to(docs).as_posix()
        md.write_text(fill_blocks(md.read_text(encoding="utf-8"), site, here, pages), encoding="utf-8")
    for folder in CONTENT_FOLDERS:
        for rel in find(kit, folder, "**/*.md"):
            if rel not in site.claimed:
                out = docs / rel
                out.parent.mkdir(parents=True, exist_ok=True)
                text = (kit / rel).read_text(encoding="utf-8")
                out.write_text(fill_blocks(text, site, rel, pages), encoding="utf-8")
    for output in build_all(site):
        out = docs / output.path
        out.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(output.content, bytes):
            out.write_bytes(output.content)
        else:
            out.write_text(output.content, encoding="utf-8")
    if (kit / "overrides").is_dir():  # the same theme templates, so both builds render alike
        shutil.copytree(kit / "overrides", target / "overrides")
    config = yaml.safe_load((kit / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config["nav"] = _plain(expand_nav(config["nav"], site))
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")


def _plain(value):
    """The navigation with plain strings, as YAML writes them (titles come back as escaped markup)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, str) else value


def content_files(kit: Path) -> int:
    """How many files `lgds check` reads: content and data, not the theme or the hooks."""
    from lgds.core.files import CONTENT_FOLDERS

    folders = [kit / f for f in (*CONTENT_FOLDERS, "data")]
    names = [kit / "site.yml"] + [p for f in folders if f.is_dir() for p in f.rglob("*")]
    return sum(1 for p in names if p.is_file() and p.suffix in (".md", ".yml", ".yaml", ".csv"))


def page_bytes(site_dir: Path, pattern: str) -> int | None:
    """Size of the first built page whose URL matches ``pattern`` (sorted), or None if there is none."""
    for path in sorted(site_dir.rglob("index.html")):
        if re.fullmatch(pattern, path.parent.relative_to(site_dir).as_posix()):
            return path.stat().st_size
    return None


def largest_bytes(site_dir: Path, pattern: str) -> int | None:
    """Size of the largest built page whose URL matches ``pattern``, or None if there is none."""
    sizes = [
        path.stat().st_size
        for path in site_dir.rglob("index.html")
        if re.fullmatch(pattern, path.parent.relative_to(site_dir).as_posix())
    ]
    return max(sizes, default=None)


# --- preview latency --------------------------------------------------------------------------------


class Edit:
    """An edit to one file that puts ``marker`` where a reader would see it."""

    def __init__(self, name: str, path: str, apply) -> None:
        self.name, self.path, self.apply = name, path, apply


def edits(kit: Path) -> list[Edit]:
    event = sorted(kit.glob("peer-groups/*/events/*bench-00001.md"))[0].relative_to(kit).as_posix()
    point = sorted(kit.glob("standard/1-*.md"))[0].relative_to(kit).as_posix()
    signup = sorted(kit.glob("data/signups/*.yml"))[0].relative_to(kit).as_posix()
    review = sorted(kit.glob("reviews/*/*-bench-00-*.md"))[0].relative_to(kit).as_posix()

    def title(text: str, marker: str) -> str:
        return re.sub(r"^title: (.*)$", rf"title: \1 {marker}", text, count=1, flags=re.M)

    def body(text: str, marker: str) -> str:
        return text.rstrip("\n") + f"\n\nBenchmark note {marker}.\n"

    def note(text: str, marker: str) -> str:
        return text.rstrip("\n") + f"\nnote: Benchmark note {marker}\n"

    def evidence(text: str, marker: str) -> str:
        return re.sub(r"^    evidence: ", f"    evidence: {marker} ", text, count=1, flags=re.M)

    return [
        Edit("an event (its title)", event, title),
        Edit("a point of the Standard (its text)", point, body),
        Edit("a sign-up (its note)", signup, note),
        Edit("a review (a point's evidence)", review, evidence),
    ]


def target_page(kit: Path, edit: Edit) -> str | None:
    """The page that shows the edit: one made from the edited file, else any page showing the marker."""
    from lgds.build import build_all, fill_blocks, pages_for
    from lgds.load import load_site

    original = (kit / edit.path).read_text(encoding="utf-8")
    marker = "Zqxprobe"
    (kit / edit.path).write_text(edit.apply(original, marker), encoding="utf-8")
    try:
        site, _ = load_site(kit)
        made = pages_for(site)
        pages = [o for o in build_all(site) if o.path.endswith(".md") and isinstance(o.content, str)]
        hand = [
            _Hand(p.relative_to(kit / "docs").as_posix(), p.read_text(encoding="utf-8"))
            for p in (kit / "docs").rglob("*.md")
        ]
        hand = [_Hand(p.path, fill_blocks(p.content, site, p.path, made)) for p in hand]
        showing = [p for p in [*pages, *hand] if marker in p.content]
        own = [p for p in showing if getattr(p, "source", None) == edit.path]
        chosen = (own or showing or [None])[0]
        return url_of(chosen.path) if chosen else None
    finally:
        (kit / edit.path).write_text(original, encoding="utf-8")


class _Hand:
    def __init__(self, path: str, content: str) -> None:
        self.path, self.content, self.source = path, content, None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 30) -> str:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read().decode("utf-8", "replace")


def preview_latency(kit: Path, runs: int, dirty: bool) -> dict[str, tuple[list[float], str]]:
    """For each edit: the seconds from saving it until the server serves the page showing it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    args = [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"] + (["--dirty"] if dirty else [])
    targets = {e.name: target_page(kit, e) for e in edits(kit)}
    server = subprocess.Popen(args, cwd=kit, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    results: dict[str, tuple[list[float], str]] = {}
    try:
        # its first build took over 5 minutes at network scale on a slow machine
        _wait_for(lambda: get(base + "/", 2), 1800)
        for edit in edits(kit):
            original = (kit / edit.path).read_text(encoding="utf-8")
            target = targets[edit.name]
            times = []
            try:
                for i in range(runs):
                    marker = f"Zqx{time.time_ns()}{i}"
                    epoch = _epoch(get(base + "/"))
                    text = edit.apply(original, marker)
                    start = time.perf_counter()
                    (kit / edit.path).write_text(text, encoding="utf-8")
                    # As a browser does: wait for the server to say a new build is ready (long poll),
                    # then load the page; again if that build started before the file was saved.
                    while True:
                        epoch = int(get(f"{base}/livereload/{epoch}/{i}", 120).strip() or epoch)
                        if not target or marker in get(base + target):
                            break  # with no page showing the edit: until the rebuild is served
                        if time.perf_counter() - start > 120:
                            raise SystemExit("timed out waiting for the preview server")
                    times.append(time.perf_counter() - start)
                    time.sleep(0.3)
            finally:
                (kit / edit.path).write_text(original, encoding="utf-8")
                time.sleep(1.5)
            results[edit.name] = (times, target or "")
    finally:
        server.terminate()
        server.wait(30)
    return results


def _epoch(html: str) -> int:
    found = re.search(r"livereload\((\d+),", html)
    return int(found.group(1)) if found else 0


def _wait_for(check, limit: float, interval: float = 0.1):
    deadline = time.perf_counter() + limit
    while True:
        try:
            if check():
                return
        except OSError:
            pass
        if time.perf_counter() > deadline:
            raise SystemExit("timed out waiting for the preview server")
        time.sleep(interval)


# --- the table ----------------------------------------------------------------------------------------


def measure(scale: str, runs: int, work: Path) -> dict[str, object]:
    kit = generate(scale, work / scale)
    plain = work / f"{scale}-plain"
    plain_copy(kit, plain)
    row: dict[str, object] = {}
    ours, theirs = [], []
    for _ in range(runs):  # alternate, so both see the same machine load
        ours.append(timed([str(BIN / "mkdocs"), "build", "-q", "-d", str(work / "ours")], kit))
        theirs.append(timed([str(BIN / "mkdocs"), "build", "-q", "-d", str(work / "plain")], plain))
    row["build"] = statistics.median(ours)
    row["plain"] = statistics.median(theirs)
    # Each run's two builds are back to back, so their ratio cancels slow drifts in the machine's speed
    # (seen here: the same build taking 6.7 s, then 10.1 s); the median of those ratios is steadier
    # than the ratio of the medians.
    row["ratio"] = statistics.median(o / t for o, t in zip(ours, theirs, strict=True))
    check = [str(BIN / "lgds"), "check"]
    row["check"] = statistics.median(timed(check, kit, LGDS_CACHE="off") for _ in range(runs))
    row["check kept"] = check_after_edits(kit, runs, work / "cache")
    # What `lgds check` costs before it reads a file: Python, and importing the loader and every model.
    # (`lgds --version` no longer measures that: each command's code is imported only when it runs.)
    start = [str(BIN / "lgds"), "check", "--help"]
    row["start-up"] = statistics.median(timed(start, kit) for _ in range(runs))
    row["files"] = content_files(kit)
    site = work / "ours"
    row["pages"] = sum(1 for _ in site.rglob("index.html"))
    row["council bytes"] = page_bytes(site, r"councils/[a-z0-9]+")
    row["event bytes"] = page_bytes(site, r"peer-groups/[^/]+/events/[^/]+-[^/]+")
    row["group bytes"] = page_bytes(site, r"peer-groups/london")
    row["events bytes"] = page_bytes(site, r"events")
    row["review bytes"] = page_bytes(site, r"reviews/[a-z0-9]+/[^/]+-bench-[^/]+")
    row["reviews bytes"] = page_bytes(site, r"reviews")
    row["year bytes"] = largest_bytes(site, r"events/\d{4}")
    row["preview"] = preview_latency(kit, runs, dirty=True)
    return row


def check_after_edits(kit: Path, runs: int, cache: Path) -> float:
    """`lgds check` with the copy its last run kept, each time after editing an event's title."""
    shutil.rmtree(cache, ignore_errors=True)
    check = [str(BIN / "lgds"), "check"]
    timed(check, kit, LGDS_CACHE=str(cache))  # the first run keeps its copy
    event = sorted((kit / "peer-groups").glob("*/events/*.md"))[0]
    original = event.read_text(encoding="utf-8")
    times = []
    try:
        for n in range(runs):
            event.write_text(original.replace("title:", f"title: Kept{n}", 1), encoding="utf-8")
            times.append(timed(check, kit, LGDS_CACHE=str(cache)))
    finally:
        event.write_text(original, encoding="utf-8")
    return statistics.median(times)


def table(rows: dict[str, dict[str, object]], runs: int) -> str:
    scales = list(rows)

    def line(label: str, cells: list[str]) -> str:
        return f"| {label} | " + " | ".join(cells) + " |"

    def seconds(value: object) -> str:
        return f"{value:.2f} s" if isinstance(value, float) else "n/a"

    out = [line(f"Measure (median of {runs} runs)", scales), "|---|" + "---:|" * len(scales)]
    out.append(line("Pages in the built site", [str(rows[s]["pages"]) for s in scales]))
    out.append(line("Cold `mkdocs build`, our site", [seconds(rows[s]["build"]) for s in scales]))
    out.append(line("Plain MkDocs + Material, same pages", [seconds(rows[s]["plain"]) for s in scales]))
    out.append(line("Ratio (target ≤ 1.10)", [f"{rows[s]['ratio']:.2f}" for s in scales]))
    out.append(
        line(
            "`lgds check`, nothing kept from a run before (target ≤ 0.5 s; network ≤ 1.0 s)",
            [seconds(rows[s]["check"]) for s in scales],
        )
    )
    out.append(
        line(
            "`lgds check` after editing an event, with what its last run kept",
            [seconds(rows[s]["check kept"]) for s in scales],
        )
    )
    out.append(line("Content and data files it checks", [f"{rows[s]['files']:,}" for s in scales]))
    out.append(
        line(
            "`lgds check --help` (start-up: Python and imports)",
            [seconds(rows[s]["start-up"]) for s in scales],
        )
    )
    per = [1000 * (rows[s]["check"] - rows[s]["start-up"]) / rows[s]["files"] for s in scales]
    out.append(line("`lgds check` beyond start-up, per 1,000 files", [f"{p:.2f} s" for p in per]))
    names = list(rows[scales[0]]["preview"])
    for name in names:
        cells = []
        for s in scales:
            times, target = rows[s]["preview"][name]
            value = seconds(statistics.median(times))
            cells.append(f"{value} ({target})" if target else f"{value} (no page shows it: rebuild done)")
        out.append(line(f"Preview after editing {name} (target ≤ 1.0 s)", cells))
    for label, key in (
        ("Bytes, a council page", "council bytes"),
        ("Bytes, an event page", "event bytes"),
        ("Bytes, a group's page (London)", "group bytes"),
        ("Bytes, the events page (/events/)", "events bytes"),
        ("Bytes, a review's page", "review bytes"),
        ("Bytes, the reviews page (/reviews/)", "reviews bytes"),
        ("Bytes, the largest year's page of events (/events/<year>/)", "year bytes"),
    ):
        out.append(line(label, [f"{rows[s][key]:,}" if rows[s][key] else "n/a" for s in scales]))
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", default="national,x10")
    parser.add_argument(
        "--keep", type=Path, help="Work in this folder and keep it, instead of a temporary one."
    )
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="lgds-bench-"))
    try:
        rows = {scale: measure(scale, args.runs, work) for scale in args.scales.split(",")}
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(table(rows, args.runs))


if __name__ == "__main__":
    main()
