"""Reading YAML and front matter so that every value remembers its file and line.

Each parsed file keeps, beside its plain values, the line of every value by its location (keys and list
indexes), so a validator can ask where any value came from (the habit of strictyaml's
``yamllocation``) and no message has to guess a line number. libyaml reads almost every file (see
``fastyaml``); ruamel.yaml reads the rest and words their syntax errors, and is imported only then.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lgds.core import fastyaml, files, limits, yamlwords
from lgds.core.fastyaml import Loc
from lgds.core.problems import Problems, kind
from lgds.core.unsafe import check as check_markup

YAML_SYNTAX = kind(
    "yaml-syntax",
    "the YAML cannot be read: {detail}",
    expected="valid YAML: `name: value` pairs, lists with `- `, two-space indents",
    fix="{fix}",
)
NOT_A_MAPPING = kind(
    "not-a-mapping",
    "the file holds {found}, not a set of named fields",
    expected="lines of the form `field: value`",
    fix="start each line with a field name followed by a colon, as in the examples in the docs",
)
NO_FRONT_MATTER = kind(
    "no-front-matter",
    "the page has no front matter",
    expected="a block between two `---` lines at the very top of the file",
    fix="add `---`, the fields (for example `title: ...`), then `---` as the first lines",
)
UNCLOSED_FRONT_MATTER = kind(
    "unclosed-front-matter",
    "the front matter starts with `---` but never ends",
    expected="a second `---` line after the fields",
    fix="add a line with just `---` after the last field",
)
NOT_UTF8 = kind(
    "not-utf8",
    "the file is not saved as UTF-8 text ({detail})",
    expected="UTF-8 text",
    fix="save the file as UTF-8 in your editor (in Notepad: Save As, Encoding: UTF-8)",
)


Lines = dict[Loc, int]
"""0-based line of each value by location: for a key, the line of its value when that is a single
value, else the key's own line; for a list item, the item's line; ``()`` is where the data starts."""


@dataclass
class Source:
    """A parsed file: its data (plain values), where each value is, and any Markdown body."""

    path: str
    data: Any
    first_line: int = 1
    body: str = ""
    body_line: int = 0
    lines: Lines = field(default_factory=dict)

    def line(self, *loc: str | int) -> int:
        """The 1-based line of the value at ``loc`` (keys and list indexes), or of its nearest parent."""
        lines = self.lines
        line = lines.get((), 0)
        for end in range(1, len(loc) + 1):
            found = lines.get(loc[:end])
            if found is None:
                break
            line = found
        return self.first_line + line


def read_text(root: Path, rel: str, problems: Problems) -> str | None:
    """The file's text, accepting a UTF-8 byte-order mark; reports other encodings.

    Also refuses a file reached through a symbolic link or over the size limit, and takes out control
    characters (each reported): see ``files`` and ``limits``.
    """
    raw = read_bytes(root, rel, problems)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add(NOT_UTF8, rel, line, detail=f"byte {raw[exc.start]:#x} is not UTF-8")
        return None
    return limits.without_controls(text, rel, problems)


def read_bytes(root: Path, rel: str, problems: Problems) -> bytes | None:
    """The file's bytes, if it is a regular file inside the kit (no link on the way) under the limit."""
    raw = files.read_regular(root, rel, limits.MAX_FILE_BYTES)
    if raw is None:
        link = files.link_in(root, rel)
        if link is not None:
            problems.add(files.SYMBOLIC_LINK, link)
        else:
            problems.add(files.NOT_A_FILE, rel)
        return None
    if len(raw) > limits.MAX_FILE_BYTES:
        problems.add(limits.FILE_TOO_BIG, rel, 1, limit=f"{limits.MAX_FILE_BYTES // 1024 // 1024} MB")
        return None
    return raw


def parse_yaml(text: str, rel: str, problems: Problems, first_line: int = 1) -> Source | None:
    """Parse YAML text into a located Source, reporting syntax errors with their line."""
    if len(text) > limits.MAX_YAML_CHARS:  # limits: checked first, so no parser sees a text past them
        size, limit = f"{len(text):,}", f"{limits.MAX_YAML_CHARS:,}"
        problems.add(limits.YAML_TOO_LONG, rel, first_line, size=size, limit=limit)
        return None
    try:
        data, lines = fastyaml.load(text)
    except fastyaml.TooBig as exc:
        problems.add(limits.YAML_TOO_BIG, rel, first_line + exc.line, detail=exc.detail)
        return None
    except fastyaml.Unsupported:
        pass  # ruamel reads it, and words any problem
    else:
        yamlwords.report_cut_values(text, rel, problems, first_line)
        return _without_controls(Source(rel, data, first_line, lines=lines), text, problems)
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        data, lines = load_with_ruamel(text)
    except fastyaml.TooBig as exc:  # limits: ruamel's reading went past one fastyaml did not reach
        problems.add(limits.YAML_TOO_BIG, rel, first_line + exc.line, detail=exc.detail)
        return None
    except MarkedYAMLError as exc:
        at, opened = exc.problem_mark, exc.context_mark
        said = yamlwords.explain(
            text,
            (exc.problem or "").strip(),
            (at.line, at.column) if at else None,
            exc.context or "",
            (opened.line, opened.column) if opened else None,
        )
        problems.add(YAML_SYNTAX, rel, first_line + said.line, detail=said.what, fix=said.fix)
        return None
    except YAMLError as exc:
        detail = (str(exc).splitlines() or ["unexpected text"])[0]
        problems.add(YAML_SYNTAX, rel, first_line, detail=detail, fix=yamlwords.GENERIC_FIX)
        return None
    except Exception:  # ruamel.yaml raises plain errors on some odd input, e.g. IndexError on `!!int `
        detail = "a value could not be read; check any `!!` type tags, `&` anchors and `*` aliases"
        problems.add(YAML_SYNTAX, rel, first_line, detail=detail, fix=yamlwords.GENERIC_FIX)
        return None
    yamlwords.report_cut_values(text, rel, problems, first_line)
    return _without_controls(Source(rel, data, first_line, lines=lines), text, problems)


def _without_controls(source: Source, text: str, problems: Problems) -> Source:
    """Limits: a control character made by an escape in double quotes is reported, and taken out."""
    found = limits.control_in(source.data) if "\\" in text else None
    if found is not None:
        at, char = found
        more = "; it is written as an escape with `\\` in double quotes"
        problems.add(
            limits.CONTROL_CHARACTER, source.path, source.line(*at), name=limits.describe(char), more=more
        )
        source.data = limits.without_control_values(source.data)
    return source


def load_with_ruamel(text: str) -> tuple[Any, Lines]:
    """What ``fastyaml.load`` gives, read by ruamel.yaml: for the files the fast path leaves to it."""
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import RoundTripConstructor

    class _Constructor(RoundTripConstructor):
        """Leaves dates as text so that the models check them and can say which line is wrong."""

    _Constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node)
    )
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.allow_duplicate_keys = False
    node = yaml.load(text)
    lines: Lines = {(): _ruamel_line(node)}
    return _from_ruamel(node, (), lines, [0]), lines


def _ruamel_line(node: Any) -> int:
    lc = getattr(node, "lc", None)
    return lc.line if lc is not None and lc.line is not None else 0


def _from_ruamel(node: Any, at: Loc, lines: Lines, count: list[int]) -> Any:
    """Plain values from ruamel's nodes, noting lines by the same rules as the fast path.

    ruamel keeps a value repeated by an alias once, so a "billion laughs" stays small until it is
    expanded here: ``count`` keeps this within the limits ``fastyaml`` sets, should ruamel read a file
    further than libyaml did.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    count[0] += 1
    if count[0] > fastyaml.MAX_VALUES or len(at) > fastyaml.MAX_DEPTH:
        line = next((lines[at[:end]] for end in range(len(at), -1, -1) if at[:end] in lines), 0)
        raise fastyaml.TooBig(line, fastyaml.TOO_DEEP if len(at) > fastyaml.MAX_DEPTH else fastyaml.TOO_MANY)

    if isinstance(node, CommentedMap):
        mapping: dict[str, Any] = {}
        for key, value in node.items():
            name = str(key)
            where = node.lc.data.get(key)  # merged keys (`<<`) have no position of their own
            if where:
                collection = isinstance(value, CommentedMap | CommentedSeq)
                lines[(*at, name)] = where[0] if collection else where[2]
            mapping[name] = _from_ruamel(value, (*at, name), lines, count)
        return mapping
    if isinstance(node, CommentedSeq):
        items = []
        for i, value in enumerate(node):
            where = node.lc.data.get(i)
            if where:
                lines[(*at, i)] = where[0]
            items.append(_from_ruamel(value, (*at, i), lines, count))
        return items
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


def read_yaml(root: Path, rel: str, problems: Problems, *, mapping: bool = True) -> Source | None:
    """Read a YAML data file; with ``mapping`` it must hold named fields."""
    text = read_text(root, rel, problems)
    if text is None:
        return None
    source = parse_yaml(text, rel, problems)
    if source is None:
        return None
    if mapping and not isinstance(source.data, dict):
        problems.add(NOT_A_MAPPING, rel, 1, found=_describe(source.data))
        return None
    return source


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Split ``---`` front matter from the body: (yaml, body, body's first line), or None if absent."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    return "", "", -1


def read_front_matter(root: Path, rel: str, problems: Problems) -> Source | None:
    """Read a Markdown file whose front matter holds named fields, keeping the body and its line."""
    text = read_text(root, rel, problems)
    if text is None:
        return None
    parts = split_front_matter(text)
    if parts is None:
        problems.add(NO_FRONT_MATTER, rel, 1)
        return None
    front, body, body_line = parts
    if body_line < 0:
        problems.add(UNCLOSED_FRONT_MATTER, rel, 1)
        return None
    source = parse_yaml(front, rel, problems, first_line=2)
    if source is None:
        return None
    if not isinstance(source.data, dict):
        problems.add(NOT_A_MAPPING, rel, 2, found=_describe(source.data))
        return None
    source.body, source.body_line = body, body_line
    check_markup(body, rel, body_line, problems)  # a body is published: warn of what cleaning takes out
    return source


def _describe(data: Any) -> str:
    if data is None:
        return "nothing"
    if isinstance(data, list):
        return "a list"
    return f"just the value {str(data)[:40]!r}"
