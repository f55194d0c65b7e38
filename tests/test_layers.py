"""The package's layers, read from the source with `ast` (nothing is imported): who may import what."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "isodocs"

# What the rest of isodocs may take from the checker: the runner (`isodocs.checks`: run, Report, filtered,
# validate_filter) and the rule table (`isodocs.checks.rules`); never the modules that hold the rules themselves.
CHECKS_OPEN = {"isodocs.checks", "isodocs.checks.rules"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or \
        (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _import_nodes(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import the module runs (inside functions too), leaving out `if TYPE_CHECKING:` blocks."""
    found: list[ast.Import | ast.ImportFrom] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _type_checking_only(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return found


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The isodocs modules `name` imports: `from a import b` counts as `a.b` when that is a module, else `a`."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
            continue
        base = node.module or ""
        if node.level:
            anchor = package.split(".")
            anchor = anchor[:len(anchor) - node.level + 1]
            base = ".".join([*anchor, *([base] if base else [])])
        for alias in node.names:
            target = f"{base}.{alias.name}"
            if target in known:
                found.add(target)
            elif base in known:
                found.add(base)
    found.discard(name)
    return found


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports(name, path, known) for name, path in found.items()}


def test_the_graph_is_read():
    edges = graph()
    assert "isodocs.analysis.model" in edges["isodocs.analysis"]
    assert "isodocs.analysis.states" in edges["isodocs.checks.coverage"]
    assert "isodocs.checks" in edges["isodocs.commands.check"]


def test_only_the_runner_and_the_rule_table_are_imported_from_the_checker():
    reaching_in = sorted(f"{name} imports {target}" for name, targets in graph().items()
                         if not name.startswith("isodocs.checks")
                         for target in targets
                         if target.startswith("isodocs.checks") and target not in CHECKS_OPEN)
    assert reaching_in == []


def test_the_analysis_does_not_depend_on_the_checker_or_its_readers():
    readers = ("isodocs.checks", "isodocs.outputs.formats", "isodocs.site", "isodocs.plugin", "isodocs.commands",
               "isodocs.outputs.exports", "isodocs.git.changes", "isodocs.analysis.upkeep", "isodocs.main")
    found = sorted(f"{name} imports {target}" for name, targets in graph().items()
                   if name.startswith("isodocs.analysis")
                   for target in targets if target.startswith(readers))
    assert found == []


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every group of modules that import each other, directly or round about (Tarjan's strongly connected
    components, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_cycles_are_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_round_about():
    """Imports inside functions count; `if TYPE_CHECKING:` imports do not (they never run)."""
    assert cycles(graph()) == []
