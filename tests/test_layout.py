"""The code's shape: stages as packages, no import cycles, no Textual below the reader."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = ("article", "store")
ALL = (*CORE, "tui")  # the reader too: cycles and long modules are checked everywhere
MAX_LINES = 450


def _modules(tops: tuple[str, ...]) -> dict[str, Path]:
    """Dotted module name -> file, for every module under the given top-level packages."""
    found = {}
    for top in tops:
        for path in (ROOT / top).rglob("*.py"):
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def _imports(path: Path, modules: dict[str, Path] | None = None) -> set[str]:
    """Absolute module names a file imports (`from X import y` names X.y too when y is a module)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            dotted = (f"{node.module}.{alias.name}" for alias in node.names)
            names.update(m for m in dotted if modules and m in modules)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while (top := stack.pop()) != node:
                group.append(top)
            if group:
                groups.append([node, *group])

    for node in list(graph):
        if node not in index:
            visit(node)
    return groups


def test_no_import_cycles() -> None:
    modules = _modules(ALL)
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        graph[name] = {m for m in _imports(path, modules) if m in modules and m != name}
    assert _cycles(graph) == []


def test_analysis_and_store_never_import_textual() -> None:
    for path in _modules(CORE).values():
        assert not any(m.split(".")[0] in {"textual", "tui"} for m in _imports(path)), path


def test_stages_import_each_other_only_through_their_packages() -> None:
    stages = {"source", "layout", "blocks", "reflow", "entities", "figures"}
    for name, path in _modules(("article",)).items():
        own = name.split(".")[1] if name.count(".") >= 1 else ""
        for module in _imports(path):
            parts = module.split(".")
            if parts[0] == "article" and len(parts) > 2 and parts[1] in stages:
                assert parts[1] == own, f"{name} imports {module}: use article.{parts[1]}"


def test_no_module_is_longer_than_a_sitting() -> None:
    for path in _modules(ALL).values():
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= MAX_LINES, f"{path.relative_to(ROOT)}: {lines} lines"
