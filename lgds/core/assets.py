"""Bundle the site's CSS and the kit's JavaScript into one file each, so pages make few requests;
and the script that lets search work in the offline copy.

The stylesheet is the kit's and a fork's together (``lgds.core.styles``), as the renderer reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

from lgds.core import routes
from lgds.core.output import Output
from lgds.core.render import Pages


def build(site: object, pages: Pages) -> Iterator[Output]:
    yield Output(routes.path("stylesheet"), pages.renderer.stylesheet())
    yield Output(routes.path("script"), _scripts())
    # Lets search work in the offline copy (see mkdocs.offline.yml); unused when the site is served.
    shim = resources.files("lgds") / "assets" / "offline" / "iframe-worker-shim.js"
    yield Output(routes.path("offline-search"), shim.read_text(encoding="utf-8"))


def _scripts() -> str:
    """Concatenate ``lgds/assets/js/*.js`` in name order; each feature keeps its own file."""
    folder = resources.files("lgds") / "assets" / "js"
    parts = sorted((f for f in folder.iterdir() if f.name.endswith(".js")), key=lambda f: f.name)
    return "\n".join(f"/* {f.name} */\n" + f.read_text(encoding="utf-8") for f in parts)
