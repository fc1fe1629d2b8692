"""Lay out the coverage page's hex map from the register and write data/hexmap.csv.

The layout (the ``lgds.councils.hexmap`` package) puts each current council in a cell near its real
place, keeping the UK's shape. It is worked out here, once, so a build only reads the result. Run it
after any change to data/councils.csv that adds, removes or moves a council:

    python scripts/make_hexmap.py
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lgds.core.problems import Problems  # noqa: E402  (after the kit's folder is on the path)
from lgds.councils import hexmap, register  # noqa: E402
from lgds.councils.mapcells import HEXMAP  # noqa: E402
from lgds.site import Site  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the kit's folder (default: this one)")
    args = parser.parse_args()
    site = Site(root=args.root.resolve(), today=date.today())
    problems = Problems()
    register.load(site, problems)
    if problems.errors:
        print(problems.report(), file=sys.stderr)
        return 1
    hexes = hexmap.layout(site.current_councils)
    (site.root / HEXMAP).write_text(hexmap.csv_text(hexes), encoding="utf-8", newline="")
    print(f"Wrote {HEXMAP}: {len(hexes)} councils.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
