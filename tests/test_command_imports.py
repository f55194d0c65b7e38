"""Each command is its own module: what two commands share lives outside isodocs/commands/, so changing one
command never changes another."""

from __future__ import annotations

import ast
from pathlib import Path

COMMANDS = Path(__file__).resolve().parent.parent / "isodocs" / "commands"


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_command_imports_another():
    commands = {f"isodocs.commands.{path.stem}" for path in COMMANDS.glob("*.py") if path.stem != "__init__"}
    assert len(commands) > 10
    found = {path.stem: sorted(imported(path) & (commands - {f"isodocs.commands.{path.stem}"}))
             for path in COMMANDS.glob("*.py")}
    assert {name: modules for name, modules in found.items() if modules} == {}
