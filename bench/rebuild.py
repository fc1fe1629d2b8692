"""Time preview rebuilds in one process, as ``mkdocs serve --dirty`` makes them after an edit.

    .venv/bin/python bench/generate.py national /tmp/lgds-national
    .venv/bin/python bench/rebuild.py /tmp/lgds-national peer-groups/midlands/events/2017-01-14-bench-00001.md
    .venv/bin/python bench/rebuild.py KIT FILE --profile /tmp/rebuild.prof   # cProfile the last rebuild

It builds the kit once, then edits FILE (a marker added to its first ``title:`` line, or a line at
its end) and rebuilds, ``--times`` times, printing each rebuild's seconds; then it puts FILE back.
There is no server and no waiting for a browser, so this is the rebuild alone: ``bench/run.py``
times what a reader of the preview waits for.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def rebuild(root: Path, site_dir: str, *, dirty: bool) -> float:
    """One build as the preview makes it: the configuration read again, then the build timed."""
    config = load_config(str(root / "mkdocs.yml"), site_dir=site_dir)
    config.plugins.on_startup(command="serve", dirty=dirty)
    start = time.perf_counter()
    build(config, serve_url="http://127.0.0.1:8000/", dirty=dirty)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("kit", type=Path)
    parser.add_argument("file", help="the file to edit, from the kit's folder")
    parser.add_argument("--times", type=int, default=3)
    parser.add_argument("--site", default="/tmp/lgds-rebuild-site", help="where the preview's pages go")
    parser.add_argument("--profile", help="write cProfile's statistics of the last rebuild here")
    args = parser.parse_args()
    root = args.kit.resolve()
    os.chdir(root)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1795392000")
    edited = root / args.file
    original = edited.read_text(encoding="utf-8")
    print(f"first build: {rebuild(root, args.site, dirty=False):.2f} s")
    try:
        for n in range(args.times):
            marker = f"Zq{n}"
            text = original.replace("title:", f"title: {marker}", 1) if "title:" in original else original
            edited.write_text(text if text != original else f"{original}\n{marker}\n", encoding="utf-8")
            last = n == args.times - 1
            profile = cProfile.Profile() if args.profile and last else None
            if profile:
                profile.enable()
            seconds = rebuild(root, args.site, dirty=True)
            if profile:
                profile.disable()
                profile.dump_stats(args.profile)
            print(f"rebuild {n + 1}: {seconds:.2f} s" + (" (profiled)" if profile else ""))
    finally:
        edited.write_text(original, encoding="utf-8")


if __name__ == "__main__":
    main()
