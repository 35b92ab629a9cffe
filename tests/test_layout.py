"""The house's rooms: no package of ours imports one on a higher floor, and nothing imports in a
circle. Read from the source with `ast`, so a lazy import inside a function counts too.

Floors, lowest first:
  core                                  settings and SQL helpers; imports nothing of ours
  catalog, bot, actions, connectors     the catalog service, what Rasa loads, the actions, the channels
  ops                                   the launcher, supervision, proxy, retention, the operator CLI
A package may import its own floor's packages only where ALLOWED says so: the catalog runs in its
own environment (Python 3.11, pydantic 2), the others in Rasa's, so they never import each other.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OURS = {"core", "catalog", "bot", "actions", "connectors", "ops"}
ALLOWED = {
    "core": set(),
    "catalog": {"core"},
    "bot": {"core"},
    "actions": {"core"},
    "connectors": {"core", "bot"},
    "ops": {"core", "catalog", "bot"},
}


def imports_of(path: Path) -> set[str]:
    """Every module of ours this file imports, as dotted names: `from pkg import mod` names
    pkg.mod when that is a module, else pkg."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                dotted = f"{node.module}.{alias.name}"
                found.add(dotted if dotted in MODULES else node.module)
    return {name for name in found if name.split(".")[0] in OURS}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def our_files() -> list[Path]:
    return [p for package in OURS for p in (ROOT / package).rglob("*.py") if "node_modules" not in p.parts]


MODULES = {module_name(p): p for p in our_files()}


def test_every_package_is_known():
    """A new top-level folder of Python code needs its floor here (tests and benchmarks may
    import anything)."""
    folders = {p.relative_to(ROOT).parts[0] for p in ROOT.glob("*/**/*.py")
               if not p.relative_to(ROOT).parts[0].startswith(".") and "node_modules" not in p.parts}
    assert folders - {"tests", "bench", "standins", "models", "data"} == OURS


def test_no_package_imports_a_higher_room():
    wrong = []
    for path in our_files():
        home = module_name(path).split(".")[0]
        for name in imports_of(path):
            other = name.split(".")[0]
            if other != home and other not in ALLOWED[home]:
                wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_import_cycles():
    graph = {}
    for name, path in MODULES.items():
        targets = {n if n in MODULES else n.rsplit(".", 1)[0] for n in imports_of(path)}
        graph[name] = {t for t in targets if t in MODULES and t != name}
    seen, on_path, cycles = set(), [], []

    def visit(node: str) -> None:
        if node in on_path:
            cycles.append(" -> ".join(on_path[on_path.index(node):] + [node]))
            return
        if node in seen:
            return
        seen.add(node)
        on_path.append(node)
        for target in sorted(graph[node]):
            visit(target)
        on_path.pop()

    for module in sorted(graph):
        visit(module)
    assert not cycles, "\n".join(cycles)
