"""The import graph of the two packages: no cycles, and the cleaner library apart from the tooling."""

from __future__ import annotations

import ast
import logging
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

PACKAGES = ("cleaners", "scrapers")
TOOLING = ("scrapers", "bench", "tests")  # what the cleaner library never imports
CLEANER_TOOLS = ("cleaners.cli", "cleaners.cli_fixtures", "cleaners.fixtures", "cleaners.health")
HEAVY = ("scrapy", "twisted", "jsonschema", "tqdm", "redis", "scrapy_redis", "warcio")


def modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the packages."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Every module `name` imports (at the top or inside a function), resolved to the deepest known
    module; `from pkg import sub` is an import of the submodule, not of the package. Imports under
    `if TYPE_CHECKING:` never run (only the type checker reads them), so they are not edges."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    targets: list[str] = []
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[: len(package) - node.level + 1]) if node.level else ""
            module = ".".join(part for part in (base, node.module or "") if part)
            subs = [f"{module}.{alias.name}" for alias in node.names if f"{module}.{alias.name}" in known]
            targets += subs + ([module] if len(subs) < len(node.names) else [])
    deps = set()
    for target in targets:
        while target and target not in known and "." in target:
            target = target.rpartition(".")[0]
        if target != name:
            deps.add(target)
    return deps


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """The nodes of `tree` outside `if TYPE_CHECKING:` blocks."""
    out: list[ast.AST] = []
    todo = [tree]
    while todo:
        node = todo.pop()
        out.append(node)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and ast.unparse(child.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
                todo.extend(child.orelse)
            else:
                todo.append(child)
    return out


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imported(name, path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path back to its start) through each module that is on one."""
    found: list[list[str]] = []
    on_cycle: set[str] = set()
    for start in sorted(edges):
        if start in on_cycle:
            continue
        paths, seen = [[start]], {start}
        while paths:  # breadth first: the shortest way back to `start`
            path = paths.pop(0)
            for dep in sorted(edges[path[-1]] & edges.keys()):
                if dep == start:
                    found.append([*path, start])
                    on_cycle.update(path)
                    paths = []
                    break
                if dep not in seen:
                    seen.add(dep)
                    paths.append([*path, dep])
    return found


def test_type_checking_imports_are_not_edges(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import cleaners.profiles\n"
        "else:\n    import cleaners.errors\nimport cleaners.select\n"
    )
    known = {"cleaners.profiles": module, "cleaners.errors": module, "cleaners.select": module}
    assert imported("x.m", module, known) == {"typing", "cleaners.errors", "cleaners.select"}


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_lazy_and_relative_imports() -> None:
    edges = graph()
    assert "scrapers.mirror" in edges["scrapers.cli"]  # imported inside cmd_crawl
    assert "cleaners.dates" in edges["cleaners.datefind"]  # `from . import dates`
    assert "cleaners.sites" in edges["cleaners.profiles"]


def test_no_import_cycles() -> None:
    found = cycles(graph())
    assert not found, "import cycles: " + "; ".join(" -> ".join(cycle) for cycle in found)


def test_the_cleaner_library_imports_no_tooling() -> None:
    for name, deps in graph().items():
        if name.startswith("cleaners"):
            bad = {d for d in deps if d.split(".")[0] in TOOLING}
            assert not bad, f"{name} imports {sorted(bad)}"
            if name not in CLEANER_TOOLS:
                assert not deps & set(CLEANER_TOOLS), f"library module {name} imports the tooling"


def test_import_cleaners_loads_only_the_library() -> None:
    code = (
        "import sys, cleaners; cleaners.clean_html(b'<html><body><p>x</p></body></html>');"
        "print(' '.join(sorted(m for m in sys.modules)))"
    )
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        ).stdout.split()
    )
    assert not loaded & {*CLEANER_TOOLS, *HEAVY}, sorted(loaded & {*CLEANER_TOOLS, *HEAVY})
    assert not any(m.split(".")[0] in TOOLING for m in loaded)


def test_the_library_changes_no_global_logger() -> None:
    code = (
        "import logging, cleaners; cleaners.clean_html(b'<html><body><p>x</p></body></html>');"
        "print(logging.getLogger('trafilatura').level, logging.getLogger().level)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert run.stdout.split() == [str(logging.NOTSET), str(logging.WARNING)]
