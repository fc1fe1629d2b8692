"""A fast path for reading the kit's YAML: libyaml (C) parses, and we note where each value was.

ruamel.yaml's round-trip parser is pure Python and took over 90% of ``lgds check`` at national scale
(about 4 ms for a two-line sign-up file). libyaml, through PyYAML (which MkDocs already installs),
composes the same node tree, with the same line marks, in a fraction of that time. We turn that tree
into plain dicts, lists and scalars plus a table of lines by location (see ``sources.Located``), and
resolve plain scalars by the YAML 1.2 rules ruamel uses (``yes`` and ``10:00`` stay text; dates stay
text).

Anything unusual (syntax errors, duplicate keys, merge keys, explicit tags, numbers that are not
plain integers) raises :class:`Unsupported`, and the caller falls back to ruamel, which then reports
the exact problem with its usual message. ``tests/test_perf_yaml.py`` checks both paths agree.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from lgds.core import reuse

# libyaml is what makes this fast; without it the pure-Python loader is no better than ruamel
_Loader: type[yaml.SafeLoader] | type[yaml.CSafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
AVAILABLE = hasattr(yaml, "CSafeLoader")

_NULLS = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_DATE = re.compile(r"[0-9]{4}-[0-9]{1,2}(?:-[0-9]{1,2})?")
_NUMBER_LIKE = re.compile(
    r"[-+]?(?:\.?[0-9][0-9_:.eExXoObB+-]*|0[xXoObB][0-9a-fA-F_]+|\.(?:inf|Inf|INF|nan|NaN|NAN))"
)
_EXPLICIT_TAG = re.compile(r"(?:^|[\s\[{,])!")
_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:value",
}


Loc = tuple[str | int, ...]
"""Where a value is in a file's data: the keys and list positions that lead to it."""


class Unsupported(Exception):
    """The fast path cannot promise the same result as ruamel for this text; use ruamel."""


def load(text: str) -> tuple[Any, dict[Loc, int]]:
    """Parse ``text`` into plain values and the 0-based line of each, or raise :class:`Unsupported`.

    Results are remembered by text, so a preview server re-reads only the files that changed. Callers
    must not change what they get back (the loaders only read it).
    """
    return reuse.current().by_text("yaml", text, _load)


def _load(text: str) -> tuple[Any, dict[Loc, int]]:
    if not AVAILABLE:
        raise Unsupported("libyaml is not installed")
    if _EXPLICIT_TAG.search(text):
        raise Unsupported("explicit tag")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise Unsupported(str(exc)) from exc
    if node is None:
        return None, {}
    lines: dict[Loc, int] = {} if isinstance(node, yaml.ScalarNode) else {(): node.start_mark.line}
    return _build(node, (), lines), lines


def _build(node: yaml.Node, at: Loc, lines: dict[Loc, int]) -> Any:
    """The node's value; records where each key's value (or each item) is, by the rules of ``Located``."""
    if node.tag not in _TAGS:
        raise Unsupported(node.tag)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node)
    if isinstance(node, yaml.SequenceNode):
        items = []
        for i, item in enumerate(node.value):
            lines[(*at, i)] = item.start_mark.line
            items.append(_build(item, (*at, i), lines))
        return items
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                raise Unsupported("complex or merge key")
            key = str(_scalar(key_node))
            if key in mapping:
                raise Unsupported("duplicate key")
            scalar = isinstance(value_node, yaml.ScalarNode)
            lines[(*at, key)] = (value_node if scalar else key_node).start_mark.line
            mapping[key] = _build(value_node, (*at, key), lines)
        return mapping
    raise Unsupported(type(node).__name__)


def _scalar(node: yaml.ScalarNode) -> Any:
    if node.tag not in _TAGS:
        raise Unsupported(node.tag)
    value = node.value
    if node.style:  # quoted or block scalars are always text (plain style is None or "")
        if node.tag != "tag:yaml.org,2002:str":
            raise Unsupported("explicit tag")
        return value
    if value in _NULLS:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.fullmatch(value):
        return int(value)
    if _DATE.fullmatch(value):
        return value  # dates stay text, as in sources._Constructor, so the models can locate bad ones
    if _NUMBER_LIKE.fullmatch(value):
        raise Unsupported(
            f"number-like text {value!r}"
        )  # floats, octal, 1_000, 10:00, .inf: let ruamel decide
    return value
