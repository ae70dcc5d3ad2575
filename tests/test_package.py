"""The package installs one name, `wenjin`, and its modules import one another without circles."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = {"wenjin": "wenjin", "rag": "wenjin.rag", "index": "wenjin.index", "ui": "wenjin.ui", "evals": "wenjin.evals"}


def modules() -> dict[str, Path]:
    found = {}
    for folder, package in FOLDERS.items():
        for f in (ROOT / folder).glob("*.py"):
            found[package if f.stem == "__init__" else f"{package}.{f.stem}"] = f
    return found


def imports(name: str, path: Path, known: dict) -> set[str]:
    """Every module of ours that `name` imports, at the top or inside a function alike: an import
    deferred for speed still ties the two modules together."""
    package = name if path.stem == "__init__" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            module = (f"{base}.{node.module}" if node.module else base) if node.level else node.module
            names = [module] + [f"{module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        found |= {n for n in names if n in known and n != name}
    return found


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle, if there is any (depth-first search, grey/black marking)."""
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt, path + [nxt])):
                return found
        state[node] = 2
        return None

    return next((c for n in sorted(graph) if n not in state and (c := visit(n, [n]))), None)


def test_modules_import_one_another_without_circles():
    known = modules()
    graph = {name: imports(name, path, known) for name, path in known.items()}
    assert len(graph) > 40 and sum(map(len, graph.values())) > 60  # the walk really saw the code
    assert cycle(graph) is None, " → ".join(cycle(graph))


def test_the_cycle_finder_finds_a_circle():
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]


def test_nothing_generic_is_importable_at_the_top():
    """Installed, the project is `wenjin` alone: `rag`, `index`, `ui` and `evals` are not names on
    their own (run outside the repository, where the folders would be found by path)."""
    code = ("import importlib.util, wenjin.rag.engine, wenjin.ui.api; "
            "print([n for n in ('rag', 'index', 'ui', 'evals') if importlib.util.find_spec(n)])")
    out = subprocess.run([sys.executable, "-c", code], cwd="/", capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("args", [["-m", "wenjin", "--help"]])
def test_python_dash_m_wenjin_runs_the_cli(args):
    out = subprocess.run([sys.executable, *args], cwd="/", capture_output=True, text=True, check=True)
    assert "ingest" in out.stdout and "ask" in out.stdout


MAY_IMPORT = {"wenjin.index": {"wenjin.index"}, "wenjin.rag": {"wenjin.index", "wenjin.rag"},
              "wenjin.evals": {"wenjin.index", "wenjin.rag", "wenjin.evals"},
              "wenjin.ui": {"wenjin.index", "wenjin.rag", "wenjin.evals", "wenjin.ui"}}


def test_each_package_imports_only_what_the_design_allows():
    """index imports nothing of ours, rag only index, evals rag and index, ui all three."""
    known = modules()
    wrong = []
    for name, path in known.items():
        package = ".".join(name.split(".")[:2])
        for target in imports(name, path, known):
            if package in MAY_IMPORT and ".".join(target.split(".")[:2]) not in MAY_IMPORT[package] | {"wenjin"}:
                wrong.append(f"{name} → {target}")
    assert not wrong, wrong
