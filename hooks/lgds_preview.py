"""MkDocs hooks for the preview's speed: reuse between rebuilds, and rewrite only the pages an edit changed.

Nothing here changes what a page says: ``lgds_site.py`` makes every page; these handlers decide which
ones ``mkdocs serve --dirty`` must write again, keep the theme's compiled templates and file listing,
and watch the content folders. All that a preview remembers is one :class:`lgds.preview.state.Preview`.
"""

from __future__ import annotations

import functools
import gc
from pathlib import Path

import jinja2
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from lgds.core.files import CONTENT_FOLDERS
from lgds.core.render import OVERRIDES
from lgds.core.reuse import fingerprint
from lgds.preview.state import Preview
from lgds.preview.tracker import merge_search
from lgds.preview.watch import watch_natively

# Kept for the life of the process: `mkdocs serve` reloads mkdocs.yml on each rebuild but loads this
# module once, so the preview can tell what changed since its last build.
_preview = Preview()


def on_startup(command, dirty, **kwargs):
    """A plain ``mkdocs build`` writes every page, so it needs no fingerprints; serving and --dirty do."""
    _preview.whole_builds_only = command == "build" and not dirty


@event_priority(100)  # before the content hook loads the site
def on_config(config, **kwargs):
    """Hand the content hook what it may reuse; keep the theme's listing and compiled templates."""
    config["lgds_memory"] = _preview.memory
    root = Path(config.config_file_path).parent
    make_env = config.theme.get_env

    def get_env():
        env = make_env()
        env.bytecode_cache = _preview.templates
        if isinstance(env.loader, jinja2.FileSystemLoader):
            _preview.theme.keep(env.loader, root)
        return env

    config.theme.get_env = get_env
    return config


@event_priority(-100)  # after the content hook has added every page
def on_files(files: Files, config, **kwargs) -> Files:
    if _preview.whole_builds_only:
        # One build, then the process ends: the loaded site and every output live until then, so
        # keep Python's garbage collector from walking them again and again while MkDocs renders.
        gc.freeze()
    else:
        _mark_modified(files, config)
    return files


def _mark_modified(files: Files, config) -> None:
    """Tell MkDocs which files changed since the last build, for ``mkdocs serve --dirty``.

    Each page is fingerprinted by everything that goes into it; MkDocs' own test would call every
    generated page modified and miss hand-written pages whose data changed.
    """
    built = config["lgds_built"]
    site_wide = fingerprint(
        config.nav,
        sorted(f.src_uri for f in files),
        built.site.settings.model_dump(mode="json"),
        Path(config.config_file_path).read_bytes(),
        config.site_url,
    )
    tracker = _preview.tracker
    tracker.begin(site_wide, (f.src_uri for f in files))
    _preview.rebuilt = set()
    for uri in tracker.gone:  # a deleted page must not linger in the preview
        Path(_preview.written.pop(uri)).unlink(missing_ok=True)
    for file in files:
        if file.generated_by is None and not file.is_documentation_page():
            continue  # theme and docs/ assets: MkDocs' own modification-time test is right for them
        uri = file.src_uri
        if file.generated_by is None:  # hand-written: its data blocks may show changed data
            extra = (built.sources.get(uri), built.edit_urls.get(uri))
            fill = functools.partial(built.fill, here=uri)
            own = _preview.prints.of(uri, file.content_string, fill, *extra)
        elif file.is_documentation_page():
            extra = (built.sources.get(uri), built.edit_urls.get(uri))
            own = _preview.prints.of(uri, file.content_string, None, *extra)
        else:
            own = _preview.prints.of(uri, file.content_bytes, None)
        changed = tracker.is_changed(uri, own)
        if changed and file.is_documentation_page():
            _preview.rebuilt.add(file.url)
        file.is_modified = (lambda value: lambda: value)(changed)  # type: ignore[method-assign]
        _preview.written[uri] = file.abs_dest_path


def on_env(env, config, files, **kwargs):
    """Reuse compiled templates between preview rebuilds instead of compiling the theme each time."""
    env.bytecode_cache = _preview.templates
    return env


@event_priority(50)  # before the search plugin writes its index
def on_post_build(config, **kwargs):
    """Remember what this build wrote; keep a ``--dirty`` preview's search index whole."""
    search = config.plugins.get("material/search")
    previous = getattr(search, "search_index_prev", None)
    tracker = _preview.tracker
    if previous is not None:
        search.search_index.entries = merge_search(
            previous.entries, search.search_index.entries, _preview.rebuilt, tracker.everything
        )
        search.search_index_prev = None  # its own merge assumes one page changed; ours is done
    tracker.finish()


def on_build_error(error, **kwargs):
    """A failed build may have written some pages and not others: rebuild everything next time."""
    _preview.tracker.forget()


def on_serve(server, config, builder, **kwargs):
    """Reload the preview when content, data, settings or overrides change, not only ``docs/``."""
    watch_natively(server)
    root = Path(config.config_file_path).parent
    for name in (*CONTENT_FOLDERS, "data", "site.yml", "network.yml", OVERRIDES):
        if (root / name).exists():
            server.watch(str(root / name))
    return server
