"""The package's layers, as docs/architecture.md draws them: no cycles, no layer leaks."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "src" / "usjapan2024"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


MODULES = _modules()


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(path: Path) -> set[str]:
    """Every module of the package that ``path`` imports at run time, in functions too."""
    found: set[str] = set()
    todo: list[ast.AST] = [ast.parse(path.read_text(encoding="utf-8"))]
    while todo:
        node = todo.pop()
        if _type_checking_only(node):
            continue  # seen by type checkers only, never run
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        todo.extend(ast.iter_child_nodes(node))
    return {name for name in found if name in MODULES}


GRAPH = {name: _imports(path) - {name} for name, path in MODULES.items()}


def _cycles() -> list[list[str]]:
    """The strongly connected parts of the import graph with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in sorted(GRAPH[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            part = []
            while (w := stack.pop()) != v:
                part.append(w)
            part.append(v)
            if len(part) > 1:
                found.append(sorted(part))

    for v in sorted(GRAPH):
        if v not in index:
            visit(v)
    return found


class TestLayers:
    def test_the_graph_is_read(self) -> None:
        """The walk finds imports, including those inside functions."""
        assert "usjapan2024.model" in GRAPH["usjapan2024._model.kinds"]
        assert "usjapan2024._presenting.summary" in GRAPH["usjapan2024._presenting.notebook"]

    def test_no_import_cycles(self) -> None:
        """No module imports, however indirectly and however late, one that imports it."""
        assert _cycles() == []

    def test_the_model_imports_no_other_layer(self) -> None:
        """model and vocabulary import only the reflection layer's leaf, never a user of it."""
        allowed = {
            "usjapan2024.vocabulary",
            "usjapan2024._model.fields",
            "usjapan2024._model.deprecation",  # a leaf: @deprecated, on any Python
            "usjapan2024._model",
            "usjapan2024._io.texts",  # a leaf: which text a loaded meeting was coded from
            "usjapan2024._io",
        }
        assert GRAPH["usjapan2024.model"] <= allowed
        assert GRAPH["usjapan2024.vocabulary"] == set()
        assert GRAPH["usjapan2024._model.fields"] <= {"usjapan2024._model"}
        assert GRAPH["usjapan2024._model.deprecation"] == set()

    def test_only_the_reflection_layer_reads_type_hints(self) -> None:
        """No other module walks type hints to learn what a field is."""
        readers = {
            name
            for name, path in MODULES.items()
            if any(
                reader in path.read_text(encoding="utf-8")
                for reader in ("get_type_hints", "resolve_types")  # attrs.resolve_types reads them
            )
        }
        assert readers == {"usjapan2024._model.fields"}

    def test_private_modules_live_in_their_layer(self) -> None:
        """Apart from the CLI and the Hypothesis hook, private code sits in a layer's folder."""
        flat = {p.name for p in PACKAGE.glob("_*.py")}
        assert flat == {"__init__.py", "__main__.py", "_cli.py", "_hypothesis_plugin.py"}

    def test_nothing_outside_the_package_imports_record_groups(self) -> None:
        """Tests, docs, tools and the course use Meeting.records() or KINDS, not a private map."""
        users = [
            path.relative_to(ROOT)
            for folder in ("tests", "docs", "tools", "examples", "benchmarks")
            for path in (ROOT / folder).rglob("*.py")
            if "record_groups" in path.read_text(encoding="utf-8")
            and path.name != "test_architecture.py"
        ]
        assert users == []


class TestArchitecturePage:
    PAGE = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")

    def test_every_path_it_names_exists(self) -> None:
        """Each `usjapan2024/...` path the page names is a file or folder of the package."""
        import re

        named = set(re.findall(r"`(usjapan2024/[\w/.]+)`", self.PAGE))
        assert named, "the page names no module"
        missing = sorted(n for n in named if not (PACKAGE.parent / n).exists())
        assert missing == []

    def test_it_names_every_private_module(self) -> None:
        """A private module the page does not place in its layer is a layer it forgot."""
        import re

        table = "\n".join(line for line in self.PAGE.splitlines() if line.startswith("|"))
        for name, path in MODULES.items():
            if path.name == "__init__.py" or not any(p.startswith("_") for p in name.split(".")):
                continue
            folder = path.parent.name
            assert path.name in table or f"usjapan2024/{path.name}" in table, name
            if folder != "usjapan2024":
                assert re.search(rf"`usjapan2024/{folder}/`", table), folder
