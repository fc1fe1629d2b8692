"""Finding content files in a stable order, so reports and builds never depend on the filesystem."""

from __future__ import annotations

from pathlib import Path

CONTENT_FOLDERS = ("standard", "peer-groups", "franchise-kit")
"""Top-level folders the hooks mount into the site, beside ``docs/``."""

KIT_PARTS = ("docs", *CONTENT_FOLDERS, "data", "hooks", "overrides", "mkdocs.yml", "site.yml")
"""What a working copy of the kit holds: the tests and the benchmark copy exactly this."""


def find(root: Path, folder: str, pattern: str) -> list[str]:
    """Repository-relative POSIX paths under ``folder`` matching ``pattern``, sorted."""
    base = root / folder
    if not base.is_dir():
        return []
    return sorted(p.relative_to(root).as_posix() for p in base.glob(pattern) if p.is_file())
