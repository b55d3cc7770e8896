"""The house's rules: data flows one way, and rooms stay small. A module imports only from its own step or a lower floor,
never from a higher one or a sibling step, and no import (inside a function included) closes a loop.

Floors, lowest first: models, extractors, the independent steps fetch / extract / match, store,
outputs, ingest (which composes the steps), flows, cli. Every ``import`` statement counts, at module
level, inside functions and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: folder -> installed package
PACKAGES = {"models": "cspipe.models", "extractors": "cspipe.extractors", "pipeline": "cspipe.pipeline",
            "flows": "cspipe.flows", "cli": "cspipe.cli"}
#: package prefix -> floor; steps on one floor may not import each other
FLOORS = {
    "cspipe.models": 0,
    "cspipe.extractors": 1,
    "cspipe.pipeline.fetch": 2,
    "cspipe.pipeline.extract": 2,
    "cspipe.pipeline.match": 2,
    "cspipe.pipeline.store": 3,
    "cspipe.pipeline.outputs": 4,
    "cspipe.pipeline.ingest": 5,
    "cspipe.pipeline": 5,  # the package itself holds nothing but its docstring
    "cspipe.flows": 6,
    "cspipe.cli": 7,
}


def modules() -> dict[str, Path]:
    found = {}
    for folder, package in PACKAGES.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT / folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            found[".".join([package, *parts])] = path
    return found


def step(module: str) -> str:
    return max((p for p in FLOORS if module == p or module.startswith(p + ".")), key=len)


def imports(path: Path, module: str, known: set[str]) -> set[str]:
    """Every cspipe module ``path`` imports, resolved to a module (not a name inside one)."""
    out: set[str] = set()
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("cspipe."))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([node.module] if node.module else []))
            if not base.startswith("cspipe"):
                continue
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                out.add(sub if sub in known else base)
    return {m for m in out if m in known and m != module}


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {m: imports(p, m, set(mods)) for m, p in mods.items()}


def test_no_import_runs_up_a_floor_or_across_steps() -> None:
    wrong = []
    for module, targets in graph().items():
        here = step(module)
        for target in targets:
            there = step(target)
            if FLOORS[there] > FLOORS[here] or (FLOORS[there] == FLOORS[here] and there != here):
                wrong.append(f"{module} imports {target} ({there} is not below {here})")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_import_loops() -> None:
    g = graph()
    loops: list[list[str]] = []
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(g[node]):
            if state.get(nxt) == 1:
                loops.append(path[path.index(nxt):] + [nxt] if nxt in path else [node, nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for node in sorted(g):
        if node not in state:
            visit(node, [node])
    assert not loops, "\n".join(" -> ".join(loop) for loop in loops)


def test_the_cli_is_imported_by_nothing_below_it() -> None:
    users = sorted(m for m, targets in graph().items()
                   if not m.startswith("cspipe.cli") and any(t.startswith("cspipe.cli") for t in targets))
    assert not users


@pytest.mark.parametrize("layer", ["cspipe.models", "cspipe.extractors"])
def test_lower_floors_import_no_pipeline_step(layer: str) -> None:
    g = graph()
    bad = sorted(f"{m} -> {t}" for m, ts in g.items() if step(m) == layer for t in ts
                 if FLOORS[step(t)] > FLOORS[layer])
    assert not bad


#: the most lines a module or a function of the package may have (data files are not modules)
MODULE_LINES, FUNCTION_LINES = 500, 80


def test_rooms_stay_small() -> None:
    too_big = []
    for module, path in modules().items():
        text = path.read_text(encoding="utf-8")
        if len(text.splitlines()) > MODULE_LINES:
            too_big.append(f"{module}: {len(text.splitlines())} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1  # type: ignore[operator]
                if length > FUNCTION_LINES:
                    too_big.append(f"{module}.{node.name}: {length} lines")
    assert not too_big, "\n".join(too_big)
