"""Pages from templates: the kit's Jinja2 templates, a fork's own copies first, every value escaped.

Each feature keeps its templates in its own ``templates/`` folder; a template's name is the feature's
folder and the file (``councils/council.md``). A file of the same name under ``overrides/`` replaces
it, so a fork changes the wording or markup of any page without touching a file the kit owns.

Templates write Markdown, so MkDocs checks and rewrites every link (the offline copy depends on it),
and builds the search index and tables of contents. Escaping is the default, not a choice:

- every ``{{ value }}`` is written as Markdown text (``escape.markdown_text``), unless it is
  ``Markup``: text the kit itself made, such as a macro's output or a link from ``url()``;
- ``|html``, ``|attribute`` and ``|href`` escape for raw HTML text, an attribute and a web address;
- there is no ``|safe`` filter, so a template cannot mark a value from a content file as markup.
  Python marks the few values that are (a contributor's Markdown body, a chart the kit drew).
- joining text with ``~`` gives plain text, escaped as a whole, and ``|join`` escapes each item, so
  mixing the kit's markup with data never lets the data through unescaped.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat
from markupsafe import Markup

from lgds.core import escape, files, routes, styles
from lgds.core.output import Output
from lgds.core.reuse import Memory, fingerprint
from lgds.core.styles import Stylesheet

OVERRIDES = "overrides"
"""The folder, beside ``mkdocs.yml``, where a fork puts its own templates and stylesheets."""


class _PlainConcat(CodeGenerator):
    """``a ~ b`` always gives plain text, which is then escaped whole.

    Jinja's own join keeps the result as markup when any part is, escaping the other parts for HTML
    only, which would let Markdown in data through.
    """

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("str_join((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _Environment(jinja2.Environment):
    code_generator_class = _PlainConcat


def _finalize(value: Any) -> Any:
    """Every value written by ``{{ }}`` is Markdown text, unless the kit made it."""
    if value is None:
        return ""
    return escape.markdown_text(value)


def _join(items: Iterable[Any], separator: str = "") -> Markup:
    return Markup(escape.markdown_text(separator)).join(escape.markdown_text(item) for item in items)


def _format(template: str, *args: Any) -> str | Markup:
    if isinstance(template, Markup):
        return Markup(str(template) % tuple(escape.markdown_text(a) for a in args))
    return template % args


def _link(here: str, route: str, /, anchor: str = "", **values: Any) -> Markup:
    """A link from the page at ``here`` to the page ``route``, made from the routing table, or to the
    subject's page on another site (``routes.ELSEWHERE``)."""
    subject = routes.ELSEWHERE.get(route)
    elsewhere = getattr(values.get(subject), "elsewhere", None) if subject else None
    if isinstance(elsewhere, str):
        return Markup(escape.href(elsewhere))
    link = routes.relative(here, routes.path(route, **values))
    return Markup(link + ("#" + escape.attribute(anchor) if anchor else ""))


def _link_to(here: str, path: str, anchor: str = "") -> Markup:
    """A link from the page at ``here`` to a source path worked out in Python (from the routing table)."""
    link = routes.relative(here, path)
    return Markup(link + ("#" + escape.attribute(anchor) if anchor else ""))


# Each page is rendered with ``url`` and ``to`` bound to its own path (``Renderer.render``): Jinja
# copies the whole context for every call of a function that asks for it inside a loop, which made
# the long lists of reviews and events slow. These are for templates rendered without them.
@jinja2.pass_context
def _url(context: jinja2.runtime.Context, route: str, /, anchor: str = "", **values: Any) -> Markup:
    return _link(context["here"], route, anchor, **values)


@jinja2.pass_context
def _to(context: jinja2.runtime.Context, path: str, anchor: str = "") -> Markup:
    return _link_to(context["here"], path, anchor)


def day(value: dt.date) -> str:
    """'10 February 2027'."""
    return f"{value.day} {value:%B %Y}"


def long_day(value: dt.date) -> str:
    """'Wednesday 10 February 2027', for a day someone plans to be somewhere."""
    return f"{value:%A} {value.day} {value:%B %Y}"


def month(value: dt.date) -> str:
    """'February 2027', for history whose day nobody recorded."""
    return f"{value:%B %Y}"


def clock(value: dt.time | dt.datetime) -> str:
    """'14:00', a 24-hour time."""
    return f"{value:%H:%M}"


FILTERS = {
    "md": escape.markdown_text,
    "e": escape.markdown_text,
    "escape": escape.markdown_text,
    "html": escape.html_text,
    "attribute": escape.attribute,
    "href": escape.href,
    "yaml": escape.yaml_value,
    "join": _join,
    "format": _format,
    "day": day,
    "long_day": long_day,
    "month": month,
    "clock": clock,
}


COMPILER = "1"
"""Change this when ``_PlainConcat`` changes what templates compile to, so no older code is reused."""


def _compiled(kind: str) -> jinja2.BytecodeCache:
    """Compiled templates, kept on disk between builds as Python keeps compiled modules: compiling
    every template takes longer than rendering most pages. Jinja keeps them in a folder private to the
    user and compiles a template again whenever its text changes; each environment has its own files."""
    return jinja2.FileSystemBytecodeCache(pattern=f"lgds-{kind}-{COMPILER}-%s.cache")


class _OwnFiles(jinja2.FileSystemLoader):
    """A fork's templates under ``overrides/``: never read through a symbolic link.

    Jinja's own loader follows links, so a linked template would show a file from anywhere on the
    machine. ``lgds check`` reports every link; rendering refuses one with the same words.
    """

    def __init__(self, root: Path) -> None:
        super().__init__(str(root / OVERRIDES))
        self.root = root

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        rel = "/".join(jinja2.loaders.split_template_path(template))
        link = files.link_in(self.root, f"{OVERRIDES}/{rel}")
        if link is not None:
            raise jinja2.TemplateError(
                f"{link}: {files.SYMBOLIC_LINK.message}; replace the link with the template itself"
            )
        return super().get_source(environment, template)


class Renderer:
    """The templates of one version of the kit and its overrides, ready to render."""

    def __init__(self, root: Path, folders: Mapping[str, Path]) -> None:
        overrides = root / OVERRIDES
        kit = jinja2.PrefixLoader({name: jinja2.FileSystemLoader(str(f)) for name, f in folders.items()})
        loaders: list[jinja2.BaseLoader] = [kit]
        if overrides.is_dir():
            loaders.insert(0, _OwnFiles(root))
        self.folders = dict(folders)
        self.overrides = overrides
        self._kit = kit
        self._stylesheets: list[Stylesheet] | None = None
        shared: dict[str, Any] = dict(
            loader=jinja2.ChoiceLoader(loaders),
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        self.markdown = _Environment(
            autoescape=True, finalize=_finalize, bytecode_cache=_compiled("markdown"), **shared
        )
        self.markdown.filters.update(FILTERS)
        del self.markdown.filters["safe"]
        self.markdown.globals.update(url=_url, to=_to)
        self.text = jinja2.Environment(bytecode_cache=_compiled("text"), **shared)
        self.text.filters.update(day=day, long_day=long_day, month=month, clock=clock)

    def names(self) -> list[str]:
        """Every template the kit ships, by name."""
        return sorted(self._kit.list_templates())

    def kit_source(self, name: str) -> str:
        """The text of the kit's own template ``name``, whether or not the fork overrides it."""
        return self._kit.get_source(self.markdown, name)[0]

    def overridden(self, name: str) -> bool:
        """Whether the fork has its own copy of the template ``name`` under ``overrides/``."""
        return (self.overrides / name).is_file()

    def stylesheets(self) -> list[Stylesheet]:
        """The stylesheets of the site, the kit's and the fork's, in the bundle's order."""
        if self._stylesheets is None:
            self._stylesheets = styles.stylesheets(self.overrides)
        return self._stylesheets

    def stylesheet(self) -> str:
        """The one stylesheet every page loads, made from :meth:`stylesheets`."""
        return styles.bundle(self.stylesheets())

    def render(self, template: str, here: str, **data: Any) -> str:
        """Markdown from ``template``, for the page at source path ``here``."""
        links = {"url": functools.partial(_link, here), "to": functools.partial(_link_to, here)}
        return self.markdown.get_template(template).render(here=here, **links, **data)

    def render_text(self, template: str, **data: Any) -> str:
        """Plain text from ``template`` (calendar and feed entries), escaped by whatever writes it."""
        return self.text.get_template(template).render(**data)


def version(root: Path, folders: Mapping[str, Path]) -> str:
    """A fingerprint of every template and stylesheet, the kit's and the fork's: new pages when it changes."""
    seen = []
    for folder in [root / OVERRIDES, *folders.values(), styles.KIT]:
        if not folder.is_dir():
            continue
        for dirpath, _, names in os.walk(folder):
            for name in names:
                stat = os.lstat(os.path.join(dirpath, name))  # a link is reported, not followed
                seen.append((dirpath, name, stat.st_mtime_ns, stat.st_size))
    return fingerprint(sorted(seen))


def renderer(memory: Memory, root: Path, folders: Mapping[str, Path]) -> Renderer:
    """The renderer for the templates as they are now, kept in ``memory`` while none of them changes."""
    memory.begin(version(root, folders))
    found = memory.kept.get("renderer")
    if found is None:
        found = memory.kept["renderer"] = Renderer(root, folders)
    assert isinstance(found, Renderer)
    return found


class Pages:
    """What a feature's page-making needs besides the models: the templates, and the site to show."""

    def __init__(self, renderer: Renderer, site: Any) -> None:
        self.renderer = renderer
        self.site = site

    def render(self, template: str, here: str, **data: Any) -> str:
        return self.renderer.render(template, here, site=self.site, **data)

    def page(
        self,
        template: str,
        here: str,
        *,
        source: str | None = None,
        edit_url: str | None = None,
        **data: Any,
    ) -> Output:
        """One page: ``template`` rendered for the source path ``here``."""
        return Output(here, self.render(template, here, **data), source=source, edit_url=edit_url)

    def text(self, template: str, **data: Any) -> str:
        return self.renderer.render_text(template, site=self.site, **data)
