"""Bundle the kit's own CSS and JavaScript into one file each, so pages make few requests."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from lgds.core.output import Output
from lgds.site import Site

CSS_PATH = "assets/lgds.css"
JS_PATH = "assets/lgds.js"


def build(site: Site) -> Iterator[Output]:
    yield Output(CSS_PATH, _bundle("css"))
    yield Output(JS_PATH, _bundle("js"))


def _bundle(kind: str) -> str:
    """Concatenate ``lgds/assets/<kind>/*.<kind>`` in name order; each domain keeps its own file."""
    folder = resources.files("lgds") / "assets" / kind
    parts = sorted((f for f in folder.iterdir() if f.name.endswith("." + kind)), key=lambda f: f.name)
    return "\n".join(f"/* {f.name} */\n" + f.read_text(encoding="utf-8") for f in parts)
