"""The shape of the package: no import cycle between eislint's modules.

Imports at module level count, those under `if TYPE_CHECKING:` too (a cycle in the types is a
cycle in the design: checks -> config -> loader -> checks was one). An import inside a function
is how a module defers an expensive library (spaCy, pandas) or a command and does not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import eislint

SRC = Path(eislint.__file__).resolve().parent


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(tree: ast.Module, name: str, is_package: bool) -> set[str]:
    found: set[str] = set()

    def visit(nodes):
        for node in nodes:
            if isinstance(node, (ast.If, ast.Try)):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    package = name if is_package else name.rpartition(".")[0]
                    for _ in range(node.level - 1):
                        package = package.rpartition(".")[0]
                    base = f"{package}.{base}".rstrip(".")
                found.add(base)
                found.update(f"{base}.{a.name}" for a in node.names)

    visit(tree.body)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        imports = _top_level_imports(ast.parse(path.read_text(encoding="utf-8")), name, path.name == "__init__.py")
        graph[name] = {i for i in imports if i in modules and i != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            strong(v)
    return out


def test_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_in_eislint():
    graph = import_graph()
    assert "eislint.engine" in graph and "eislint.checks.base" in graph["eislint.checks"]
    assert cycles(graph) == []


# ---------------------------------------------------------------- size of functions

MAX_COMPLEXITY = 20  # radon's cyclomatic complexity
MAX_LINES = 80

# Functions allowed over a limit: none. Should one ever be needed, it is listed here and the list
# may only shrink: a new function over a limit fails, and so does an entry no longer over it.
OVER_LIMIT: set[str] = set()


def over_limit() -> set[str]:
    from radon.complexity import cc_visit

    found = set()
    for path in sorted(SRC.rglob("*.py")):
        for block in cc_visit(path.read_text(encoding="utf-8")):
            for item in [block, *getattr(block, "methods", [])]:
                if type(item).__name__ != "Function":  # a class is no function; its methods are
                    continue
                lines = item.endline - item.lineno + 1
                if item.complexity > MAX_COMPLEXITY or lines > MAX_LINES:
                    name = f"{item.classname}.{item.name}" if getattr(item, "classname", None) else item.name
                    found.add(f"{_module_name(path)}:{name}")
    return found


def test_no_new_function_over_the_limits():
    found = over_limit()
    assert not found - OVER_LIMIT, (
        f"te complex of te lang (>{MAX_COMPLEXITY} / >{MAX_LINES} regels): {sorted(found - OVER_LIMIT)}"
    )
    assert not OVER_LIMIT - found, f"niet meer boven de grens, haal uit OVER_LIMIT: {sorted(OVER_LIMIT - found)}"
