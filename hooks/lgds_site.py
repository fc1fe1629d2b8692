"""MkDocs hooks: connect MkDocs' build events to the ``lgds`` package, and nothing more.

Loading, checking and page-making all live in ``lgds``; these handlers only pass things along, following
MkDocs' event contract (take the item, return it or a replacement; context comes as keywords).
"""

from __future__ import annotations

import gc
import logging
import os
from pathlib import Path

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from lgds.build import build_all, fill_blocks
from lgds.core import reuse as incremental
from lgds.core.files import CONTENT_FOLDERS, find
from lgds.core.problems import ContentError
from lgds.load import load_site
from lgds.preview import theme_files
from lgds.preview.watch import native_observer
from lgds.site import Site

log = logging.getLogger("mkdocs.plugins.lgds")

_state: dict[str, object] = {}

# Kept for the life of the process: `mkdocs serve` reloads mkdocs.yml on each rebuild but imports this
# module once (MkDocs caches hook modules), so the preview can tell what changed since its last build.
_tracker = incremental.Tracker()
_prints = incremental.Fingerprints()
_written: dict[str, str] = {}
_whole_builds_only: list[bool] = [False]


class _TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates, kept across preview rebuilds (each makes a new Jinja environment).

    Jinja checks each template's source against the checksum stored with it, so an edited template
    is compiled again.
    """

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._store:
            bucket.bytecode_from_string(self._store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


_templates = _TemplateCache()


def _site() -> Site:
    return _state["site"]  # type: ignore[return-value]


def on_startup(command, dirty, **kwargs):
    """A plain ``mkdocs build`` writes every page, so it needs no fingerprints; serving and --dirty do."""
    _whole_builds_only[0] = command == "build" and not dirty


def on_config(config, **kwargs):
    """Load and check all content before anything is written, so a bad file leaves no partial site."""
    root = Path(config.config_file_path).parent
    site, problems = load_site(root)
    for problem in problems.warnings:
        log.warning(problem.format())
    for problem in problems.notices:
        log.info(problem.format())
    if problems.errors:
        raise PluginError(str(ContentError(problems).message))
    _state.update(site=site, root=root, sources={}, edit_urls={})
    settings = site.settings
    if settings.site_name:
        config.site_name = settings.site_name
    if settings.repo_url:
        config.repo_url = settings.repo_url.rstrip("/") + "/"
    # Not when `mkdocs serve` has put the preview's own address there, nor in the offline copy, whose
    # pages are named `about.html` and so are not where the published site has them.
    if settings.site_url and not config.site_url and config.use_directory_urls:
        config.site_url = settings.site_url
    config.nav = _expand_nav(config.nav, site)
    _keep_theme_listing(config, root)
    return config


def _keep_theme_listing(config, root: Path) -> None:
    """Every Jinja environment made from the theme (MkDocs' own, and the search plugin's for its
    translations) keeps compiled templates between rebuilds, and lists the installed theme once."""
    make_env = config.theme.get_env

    def get_env():
        env = make_env()
        env.bytecode_cache = _templates
        if isinstance(env.loader, jinja2.FileSystemLoader):
            theme_files.keep_listing(env.loader, root)
        return env

    config.theme.get_env = get_env


def _expand_nav(nav, site: Site):
    """Put the 15 points under 'The Standard' in the sidebar; generated pages stay out of it."""
    if not nav:
        return nav
    # Titles are given here, not read from the pages, so the sidebar is right even on a `--dirty`
    # rebuild that does not read the pages whose files did not change.
    points = [{f"{p.number}. {p.title}": f"standard/{p.slug}.md"} for p in site.points.values()]
    expanded = []
    for item in nav:
        if isinstance(item, dict):
            item = {k: ([{k: v}, *points] if v == "standard/index.md" else v) for k, v in item.items()}
        expanded.append(item)
    return expanded


def on_files(files: Files, config, **kwargs) -> Files:
    """Mount hand-written content from the top-level folders and add every generated output."""
    site, root = _site(), _state["root"]
    sources, edit_urls = _state["sources"], _state["edit_urls"]
    for folder in CONTENT_FOLDERS:
        for rel in find(root, folder, "**/*.md"):
            if rel in site.claimed or files.get_file_from_path(rel):
                continue
            files.append(File(rel, str(root), config.site_dir, config.use_directory_urls))
            sources[rel] = rel
    for output in build_all(site):
        existing = files.get_file_from_path(output.path)
        if existing:
            files.remove(existing)
        files.append(File.generated(config, output.path, content=output.content))
        if output.source:
            sources[output.path] = output.source
        if output.edit_url:
            edit_urls[output.path] = output.edit_url
    if _whole_builds_only[0]:
        # One build, then the process ends: the loaded site and every output live until then, so
        # keep Python's garbage collector from walking them again and again while MkDocs renders.
        gc.freeze()
    else:
        _mark_modified(files, config)
    return files


def _mark_modified(files: Files, config) -> None:
    """Tell MkDocs which files changed since the last build, for ``mkdocs serve --dirty``.

    Each page is fingerprinted by everything that goes into it (see ``lgds.incremental``); MkDocs'
    own test would call every generated page modified and miss hand-written pages whose data changed.
    """
    site = _site()
    site_wide = incremental.fingerprint(
        config.nav,
        sorted(f.src_uri for f in files),
        site.settings.model_dump(mode="json"),
        Path(config.config_file_path).read_bytes(),
        config.site_url,
    )
    _tracker.begin(site_wide, (f.src_uri for f in files))
    rebuilt = _state["rebuilt"] = set()
    for uri in _tracker.gone:  # a deleted page must not linger in the preview
        Path(_written.pop(uri)).unlink(missing_ok=True)
    for file in files:
        if file.generated_by is None and not file.is_documentation_page():
            continue  # theme and docs/ assets: MkDocs' own modification-time test is right for them
        uri = file.src_uri
        if file.is_documentation_page():
            extra = (_state["sources"].get(uri), _state["edit_urls"].get(uri))
            own = _prints.of(uri, file.content_string, lambda text: fill_blocks(text, site), *extra)
        else:
            own = _prints.of(uri, file.content_bytes, None)
        changed = _tracker.is_changed(file.src_uri, own)
        if changed and file.is_documentation_page():
            rebuilt.add(file.url)
        file.is_modified = (lambda value: lambda: value)(changed)
        _written[file.src_uri] = file.abs_dest_path


def on_env(env, config, files, **kwargs):
    """Reuse compiled templates between preview rebuilds instead of compiling the theme each time."""
    env.bytecode_cache = _templates
    return env


def on_page_markdown(markdown: str, page, **kwargs) -> str:
    """Fill data-driven blocks (``<!-- lgds:NAME -->``) in hand-written pages."""
    return fill_blocks(markdown, _site())


def on_page_context(context, page, config, **kwargs):
    """Point 'edit this page' at the file a contributor really edits, not at the generated page."""
    uri = page.file.src_uri
    edit_url = _state["edit_urls"].get(uri)
    source = _state["sources"].get(uri) or (f"docs/{uri}" if not page.file.generated_by else None)
    if edit_url:
        page.edit_url = edit_url
    elif source and config.repo_url:
        branch = _site().settings.branch
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/{branch}/{source}"
    else:
        page.edit_url = None
    return context


@event_priority(50)  # before the search plugin writes its index
def on_post_build(config, **kwargs):
    """Remember what this build wrote; keep a ``--dirty`` preview's search index whole."""
    search = config.plugins.get("material/search")
    previous = getattr(search, "search_index_prev", None)
    if previous is not None:
        search.search_index.entries = incremental.merge_search(
            previous.entries, search.search_index.entries, _state["rebuilt"], _tracker.everything
        )
        search.search_index_prev = None  # its own merge assumes one page changed; ours is done
    _tracker.finish()


def on_build_error(error, **kwargs):
    """A failed build may have written some pages and not others: rebuild everything next time."""
    _tracker.forget()


def on_serve(server, config, builder, **kwargs):
    """Reload the preview when content, data or settings change, not only ``docs/``."""
    _watch_natively(server)
    root = _state["root"]
    for name in (*CONTENT_FOLDERS, "data", "site.yml"):
        if (root / name).exists():
            server.watch(str(root / name))
    return server


def _watch_natively(server) -> None:
    """Hear about saved files from the operating system instead of MkDocs' polling.

    MkDocs looks at every watched file twice a second, so an edit waits up to half a second before the
    rebuild starts, and each look stats every file (thousands at national scale). The system's own
    notifications (inotify, FSEvents, ReadDirectoryChangesW) arrive at once. Set ``LGDS_POLL=1`` to keep
    MkDocs' polling, which also works on network drives and in some containers where notifications
    do not arrive.
    """
    if os.environ.get("LGDS_POLL", "").strip() not in ("", "0"):
        return
    watched = getattr(server, "_watched_paths", None)
    native = native_observer()
    if native is None or not isinstance(watched, dict):
        return
    counts = dict(watched)
    for path, count in counts.items():
        for _ in range(count):
            server.unwatch(path)
    server.observer = native
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
