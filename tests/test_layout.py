"""The package keeps the shape the README describes: features over a small core, no circles.

- ``lgds.core`` imports no feature; ``lgds.preview`` imports only the core.
- A feature imports the core, its own modules, ``lgds.site`` and other features' ``models``, never
  another feature's loading or page-making; a feature's ``commands`` may also load the whole site.
- No module imports another in a circle, and no function imports a module of the kit (the usual way
  to hide a circle).
- No module is much over 300 lines.
- Templates link to pages only through the routing table.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "lgds"
FEATURES = ("standard", "councils", "groups", "kit", "reviews", "sitewide")
ASSEMBLY = ("lgds.site", "lgds.load", "lgds.build", "lgds.cli", "lgds.__main__", "lgds")
MOST_LINES = 300


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(path: Path, *, top_level: bool) -> list[tuple[str, int]]:
    """The kit's modules that ``path`` imports, with the line; at module level, or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        inside = any(
            isinstance(parent, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
            and node in ast.walk(parent)
            for parent in ast.walk(tree)
        )
        if inside == top_level:
            continue
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
        if isinstance(node, ast.ImportFrom) and node.level:
            names = [f"<relative {node.module}>"]
        if isinstance(node, ast.ImportFrom) and node.module:
            names += [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in MODULES]
        found += [(n, node.lineno) for n in names if n.startswith("lgds") or n.startswith("<relative")]
    return found


GRAPH = {
    name: {target for target, _ in imported(path, top_level=True) if target in MODULES and target != name}
    for name, path in MODULES.items()
}


def feature_of(module: str) -> str:
    parts = module.split(".")
    return (
        parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in (*FEATURES, "core", "preview")) else ""
    )


def test_no_module_imports_another_in_a_circle():
    # Tarjan's strongly connected components: any component of more than one module is a circle.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for name in GRAPH:
        if name not in index:
            visit(name)
    assert circles == []


def test_no_function_imports_a_module_of_the_kit():
    inside = {
        module: [f"{target} (line {line})" for target, line in imported(path, top_level=False)]
        for module, path in MODULES.items()
    }
    assert {m: found for m, found in inside.items() if found} == {}


def test_imports_use_whole_names():
    relative = {m: [t for t in targets if t.startswith("<relative")] for m, targets in GRAPH.items()}
    assert {m: t for m, t in relative.items() if t} == {}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_each_module_imports_only_what_its_place_allows(module: str):
    place = feature_of(module)
    wrong = []
    for target in sorted(GRAPH[module]):
        if place == "core":
            allowed = target.startswith("lgds.core")
        elif place == "preview":
            allowed = target.startswith(("lgds.core", "lgds.preview"))
        elif place in FEATURES:
            other = feature_of(target)
            allowed = (
                other in ("core", place)
                or target == "lgds.site"
                or (other in FEATURES and target.endswith(".models"))
                or (module.endswith(".commands") and target == "lgds.load")
            )
        else:
            allowed = True  # the assembly: site, load, build, cli
        if not allowed:
            wrong.append(target)
    assert wrong == [], f"{module} reaches into {wrong}"


def test_the_core_and_the_features_import_no_mkdocs():
    for module, path in MODULES.items():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"^\s*(from|import) mkdocs\b", text, re.M), module


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")) + sorted((ROOT / "hooks").glob("*.py")), ids=str
)
def test_no_module_is_much_over_300_lines(path: Path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MOST_LINES, f"{path.relative_to(ROOT)} has {lines} lines"


LINK = re.compile(r"\]\((?!\{\{|https?://|mailto:|#)([^)]*)\)|href=\"(?!\{\{|https?://|#)([^\"]*)\"")


@pytest.mark.parametrize("template", sorted(PACKAGE.glob("*/templates/**/*.md")), ids=lambda p: p.name)
def test_templates_link_to_pages_only_through_the_routing_table(template: Path):
    """A page's address is written only in ``lgds/core/routes.py``; templates ask it with url()/to()."""
    assert LINK.findall(template.read_text(encoding="utf-8")) == []
