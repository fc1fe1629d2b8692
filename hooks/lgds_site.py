"""MkDocs hooks for the content: load and check it, hand MkDocs every page, fill data blocks.

Everything else lives in ``lgds``; these handlers only pass things along, following MkDocs' event
contract (take the item, return it or a replacement; context comes as keywords). The preview's speed
machinery is in ``lgds_preview.py``; the two share only what they put on MkDocs' config:
``lgds_memory`` (what the preview lets a rebuild reuse) and ``lgds_built`` (this build's pages).
"""

from __future__ import annotations

import gc
import logging
import shutil
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from lgds.build import Built, build_all, expand_nav, pages_for
from lgds.core.files import CONTENT_FOLDERS, find
from lgds.core.logtext import guard
from lgds.core.problems import ContentError, Problems
from lgds.core.render import OVERRIDES
from lgds.core.reuse import Memory
from lgds.core.sanitise import MARK, clean, clean_contributed
from lgds.core.styles import FORK, SUFFIX
from lgds.load import load_site
from lgds.published import DOCS, replaced

log = logging.getLogger("mkdocs.plugins.lgds")

_built: list[Built] = []
"""This build's pages, for the page events that follow ``on_files``."""
_output: dict[str, str] = {}
"""The command MkDocs runs, and where this build writes the site: a failed build removes what it wrote."""


def on_startup(command, dirty, **kwargs):
    """Note the command (a failed build removes what it wrote), and let no file name or value in a log
    line read as a command to the publishing service (``::add-mask::``, ``##[...]``): MkDocs' messages
    quote links and file names from pages."""
    _output["command"] = command
    guard(logging.getLogger("mkdocs"))


def on_config(config, **kwargs):
    """Load and check all content before anything is written, so a bad file leaves no partial site."""
    root = Path(config.config_file_path).parent
    _output["site_dir"] = config.site_dir
    memory = config.get("lgds_memory") or Memory()
    # Python's cycle collector rescans every object it tracks at each full collection, and a build makes
    # enough objects to set off several: what exists by now, and the loaded site below, are set aside
    # until the build ends (`on_post_build`), which took a third off a preview rebuild (bench/README.md).
    gc.freeze()
    site, problems = load_site(root, memory=memory)
    gc.freeze()
    # A strict build stops here on a warning too, as `lgds check --strict` does, before it writes a page
    # (MkDocs would count the warning, write every page, and only then fail), and whatever `-q` hides.
    if problems.errors or (config.strict and problems.warnings):
        raise PluginError(str(ContentError(problems).message))
    for problem in problems.warnings:
        log.warning(problem.format())
    for problem in problems.notices:
        log.info(problem.format())
    settings = site.settings
    if settings.site_name:  # the theme writes it into every page as it is: escape it here
        config.site_name = Markup.escape(settings.site_name)
    if settings.repo_url:
        config.repo_url = settings.repo_url.rstrip("/") + "/"
    site.repo_url = config.repo_url.rstrip("/") if config.repo_url else None
    # Not when `mkdocs serve` has put the preview's own address there, nor in the offline copy, whose
    # pages are named `about.html` and so are not where the published site has them.
    if settings.site_url and not config.site_url and config.use_directory_urls:
        config.site_url = settings.site_url
    config.nav = expand_nav(config.nav, site)
    _built[:] = [Built(site, pages_for(site, memory), memory)]
    config["lgds_built"] = _built[0]
    return config


def on_files(files: Files, config, **kwargs) -> Files:
    """Mount hand-written content from the top-level folders and add every generated output."""
    built = _built[0]
    site, root = built.site, built.site.root
    for folder in CONTENT_FOLDERS:
        for rel in find(root, folder, "**/*.md"):
            if rel in site.claimed or files.get_file_from_path(rel):
                continue
            files.append(File(rel, str(root), config.site_dir, config.use_directory_urls))
            built.sources[rel] = rel
    # A fork's stylesheets are in the bundle; the theme, whose folder holds them, must not publish them too.
    bundled = (root / OVERRIDES / FORK).resolve()
    for file in [f for f in files if f.src_uri.startswith(f"{FORK}/") and f.src_uri.endswith(SUFFIX)]:
        if file.abs_src_path and Path(file.abs_src_path).resolve().parent == bundled:
            files.remove(file)
    memory = config.get("lgds_memory") or Memory()
    hand_written = {config.docs_dir, str(root)}
    for output in build_all(site, memory):
        existing = files.get_file_from_path(output.path)
        if existing and existing.src_dir in hand_written:  # on_config has said so; never replace it
            mine = existing.src_uri if existing.src_dir == str(root) else f"{DOCS}/{existing.src_uri}"
            raise PluginError(replaced(mine, output.path, Problems()).format())
        if existing:  # a file of the theme's: the kit's own takes its place
            files.remove(existing)
        files.append(File.generated(config, output.path, content=output.content))
        if output.source:
            built.sources[output.path] = output.source
        if output.edit_url:
            built.edit_urls[output.path] = output.edit_url
    gc.freeze()  # the pages made, until the build ends
    return files


def on_page_markdown(markdown: str, page, **kwargs) -> str:
    """Fill data blocks (``<!-- lgds:NAME -->``) in hand-written pages; generated pages are whole."""
    if page.file.generated_by is not None:
        return markdown
    return _built[0].fill(markdown, page.file.src_uri)


def on_page_content(html: str, page, **kwargs) -> str:
    """Clean the HTML of each page that holds Markdown people wrote, to a safe allow-list.

    That is every hand-written page, and each contributor's body in a generated page, which
    ``core.escape.contributed`` marks at its start and end; ``lgds.core.sanitise`` says what is kept. The loaders have already
    warned of anything this takes out, at its file and line.
    """
    if page.file.generated_by is None:
        return clean(html)
    return clean_contributed(html) if MARK in html else html


def on_page_context(context, page, config, **kwargs):
    """Point 'edit this page' at the file a contributor really edits, not at the generated page."""
    built = _built[0]
    uri = page.file.src_uri
    edit_url = built.edit_urls.get(uri)
    source = built.sources.get(uri) or (f"docs/{uri}" if not page.file.generated_by else None)
    if edit_url:
        page.edit_url = edit_url
    elif source and config.repo_url:
        branch = built.site.settings.branch
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/{branch}/{source}"
    else:
        page.edit_url = None
    return context


def on_post_build(config, **kwargs):
    """The build is over: what was set aside from the cycle collector is collectable again, so nothing
    that a later rebuild leaves behind is kept for good."""
    gc.unfreeze()


def on_build_error(error, **kwargs):
    """A failed build leaves no site behind, not even the pages it wrote before it failed.

    MkDocs' strict mode writes every page and only then fails, on the warnings it counted; a half-made
    or stale site must never be published or mistaken for a good one. A preview (``mkdocs serve``)
    keeps what it last showed, and says what went wrong.
    """
    gc.unfreeze()
    if _output.get("command") in ("build", "gh-deploy") and _output.get("site_dir"):
        remove_site(Path(_output["site_dir"]))


def remove_site(folder: Path) -> None:
    """Empty ``folder`` as MkDocs does before a build (leaving hidden files, such as ``.git``), and
    remove it when nothing is left."""
    if not folder.is_dir():
        return
    for entry in folder.iterdir():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    if not any(folder.iterdir()):
        folder.rmdir()
