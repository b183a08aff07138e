"""The layout rules of issue 10, kept: small modules and no import cycle between project modules."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 500


def project_modules():
    """{dotted name: path} for every module of the project's own packages (migrations excepted)."""
    modules = {}
    for package in ("claims", "workbench"):
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            parts = path.relative_to(ROOT).with_suffix("").parts
            modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def imports_of(name, path, modules):
    """The project modules `name` imports anywhere in its file (function-level imports too), with the
    packages whose __init__ an import runs."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = name.split(".")[: len(name.split(".")) - node.level + (1 if is_package else 0)]
                base = ".".join(anchor + ([base] if base else []))
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            parts = target.split(".")
            # Importing a.b.c runs a/__init__ and a/b/__init__ first.
            found.update(".".join(parts[:i]) for i in range(1, len(parts) + 1) if ".".join(parts[:i]) in modules)
    found.discard(name)
    # A module's own parent packages are run before it, not imported by it.
    return {target for target in found if not name.startswith(target + ".")}


def test_no_module_is_longer_than_500_lines():
    long = {
        name: n for name, path in project_modules().items() if (n := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_import_cycle_between_project_modules():
    modules = project_modules()
    graph = {name: imports_of(name, path, modules) for name, path in modules.items()}
    cycles = []
    state = {}

    def visit(name, trail):
        state[name] = "open"
        for target in sorted(graph[name]):
            if state.get(target) == "open":
                cycles.append(trail[trail.index(target) :] + [target])
            elif target not in state:
                visit(target, trail + [target])
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


@pytest.mark.parametrize(
    "source, expected",
    [
        ("from .models import Article", {"claims.models"}),
        ("from . import names", {"claims.names"}),
        ("import claims.exporting.html", {"claims.exporting", "claims.exporting.html"}),
    ],
)
def test_the_import_graph_reads_relative_and_dotted_imports(tmp_path, source, expected):
    path = tmp_path / "probe.py"
    path.write_text(source)
    modules = {"claims", "claims.models", "claims.names", "claims.exporting", "claims.exporting.html", "claims.probe"}
    assert imports_of("claims.probe", path, modules) == expected
