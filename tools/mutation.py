"""Run mutmut on the core modules, reaching the decorated and the cached code; print scores.

    python tools/mutation.py run [MODULE ...]   # mutate, then test each mutant
    python tools/mutation.py scores             # the table of the last run, per module
    python tools/mutation.py survivors          # the mutants not killed, per module
    python tools/mutation.py show MUTANT        # mutmut's own commands pass through

``scripts/mutation`` runs it in ``.venv``; ``docs/mutation.md`` says what the scores are.

mutmut 3 leaves every decorated function alone (a decorator runs when the function is
defined, and copying one for its trampoline could register it twice).  Two decorators
here are safe to look through: ``contextlib.contextmanager`` (the atomic writes of
``_io/safe.py``) and ``functools.cache`` (the converters of ``_loading/converter.py``,
the filter tables).  mutmut puts its trampoline innermost, under the decorators the
function has, so the decorated object wraps the trampoline and each call reaches the
mutant under test.  This widens that one rule for those two decorators and nothing else,
before mutmut starts; mutmut is pinned in the ``mutation`` extra because the rule is its
private code.

A cache filled before mutmut forks its workers would serve every mutant the original
code's result: ``tests/conftest.py`` empties the caches before each test whenever a
mutant is under test (``MUTANT_UNDER_TEST`` is set), so the converter is built per test,
by the mutant.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable

    import libcst

CORE = (
    "src/usjapan2024/_loading/integrity.py",
    "src/usjapan2024/_model/filters.py",
    "src/usjapan2024/queries.py",
    "src/usjapan2024/_loading/converter.py",
    "src/usjapan2024/_loading/document.py",
    "src/usjapan2024/_io/safe.py",
)
"""The modules mutated, as ``[tool.mutmut] only_mutate`` in ``pyproject.toml`` lists them."""

TESTS: dict[str, tuple[str, ...]] = {
    "usjapan2024._loading.integrity": (
        "tests/test_integrity.py",
        "tests/test_loading.py",
        "tests/test_writing.py",
        "tests/test_compatibility.py",
    ),
    "usjapan2024._model.filters": ("tests/test_queries.py",),
    "usjapan2024.queries": ("tests/test_queries.py", "tests/test_results.py"),
    "usjapan2024._loading.converter": (
        "tests/test_converter.py",
        "tests/test_structuring.py",
        "tests/test_loading.py",
        "tests/test_exceptions.py",
        "tests/test_bugs.py",
    ),
    "usjapan2024._loading.document": (
        "tests/test_compatibility.py",
        "tests/test_loading.py",
        "tests/test_structuring.py",
    ),
    "usjapan2024._io.safe": (
        "tests/test_safe.py",
        "tests/test_writing.py",
    ),
}
"""The tests run for each module's mutants when it is run alone (``scripts/mutation
MODULE``): its own tests, not the whole selection of ``pyproject.toml``, which a mutant
of the converter, reached by every test, would run in full.  mutmut still runs, of
these, only the tests that reach the mutated function.  The hostile suite is left out
(whole files only: mutmut does not take test ids here): its 30 MB files would take
gigabytes under a mutant of the converter's budget, which ``tests/test_converter.py``
tests with small inputs instead."""

LOOKED_THROUGH = frozenset({"contextlib.contextmanager", "functools.cache"})
"""The decorators whose functions are mutated all the same."""

EQUIVALENT_MARK = "equivalent"


def _dotted(node: object) -> str:
    import libcst as cst

    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _looked_through(function: libcst.FunctionDef) -> bool:
    return all(_dotted(d.decorator) in LOOKED_THROUGH for d in function.decorators)


def widen_mutmut() -> None:
    """Let mutmut mutate functions whose only decorators are in :data:`LOOKED_THROUGH`."""
    import libcst as cst
    from mutmut.mutation import file_mutation

    visitor = file_mutation.MutationVisitor
    original = visitor._skip_node_and_children

    def skip(self: file_mutation.MutationVisitor, node: cst.CSTNode) -> bool:
        if isinstance(node, cst.FunctionDef) and node.decorators and _looked_through(node):
            # Judge it as mutmut judges an undecorated function (pragmas included).
            return bool(original(self, node.with_changes(decorators=())))
        return bool(original(self, node))

    visitor._skip_node_and_children = skip  # type: ignore[method-assign]
    arrange = file_mutation.function_trampoline_arrangement

    def arrangement(
        function: cst.FunctionDef,
        mutants: Iterable[file_mutation.Mutation],
        class_name: str | None,
    ) -> tuple[Any, Any, Any, Any]:
        # The trampoline keeps the decorators; the original and the mutants it calls are
        # the plain functions (a mutant wrapped in its own context manager would be
        # entered twice, a cached one would never be called again).
        declarations, methods, assignments, names = arrange(function, mutants, class_name)
        if function.decorators and _looked_through(function):
            methods = [methods[0], *(m.with_changes(decorators=()) for m in methods[1:])]
        return declarations, methods, assignments, names

    file_mutation.function_trampoline_arrangement = arrangement


def select_tests(modules: list[str]) -> None:
    """Have mutmut run the tests of :data:`TESTS` for ``modules`` (all, if none is named)."""
    if not modules:
        return
    from mutmut import configuration

    load = configuration._load_config

    def load_config() -> configuration.Config:
        found = load()
        found.pytest_add_cli_args_test_selection = sorted(
            {test for module in modules for test in TESTS[module]}
        )
        return found

    configuration._load_config = load_config


def module_of(path: str) -> str:
    """``src/usjapan2024/queries.py`` -> ``usjapan2024.queries``."""
    return path.removeprefix("src/").removesuffix(".py").replace("/", ".")


SAVED = Path("mutants/mutation-scores.json")
"""Each module's counts from its last run: a run of one module with its own tests makes
mutmut forget the results of the others, so the table is kept here."""


def scores(root: Path = Path()) -> dict[str, Counter[str]]:
    """Per core module, how many mutants were killed, survived, and so on, in its last run."""
    from mutmut.stats import status_by_exit_code

    saved = root / SAVED
    kept = json.loads(saved.read_text("utf-8")) if saved.exists() else {}
    for path in CORE:
        meta = root / "mutants" / f"{path}.meta"
        if not meta.exists():
            continue
        codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
        if any(code is not None for code in codes.values()):  # this module was run last
            statuses = {name: status_by_exit_code[code] for name, code in codes.items()}
            kept[module_of(path)] = {
                "counts": Counter(statuses.values()),
                "not killed": sorted(
                    name for name, status in statuses.items() if status not in {"killed", "timeout"}
                ),
            }
    saved.parent.mkdir(exist_ok=True)
    saved.write_text(json.dumps(kept, indent=1, sort_keys=True), "utf-8")
    return {module: Counter(entry["counts"]) for module, entry in kept.items()}


def not_killed() -> list[str]:
    """The mutants that survived (or that no test reached) in each module's last run."""
    scores()
    kept = json.loads(SAVED.read_text("utf-8"))
    return [
        name
        for module in map(module_of, CORE)
        for name in kept.get(module, {}).get("not killed", [])
    ]


def print_scores() -> None:
    """The table of :func:`scores`; a score counts killed (and timed-out) mutants."""
    print(f"{'module':34} {'mutants':>7} {'killed':>6} {'survived':>8} {'other':>5} {'score':>6}")
    found = scores()
    for module in map(module_of, CORE):
        counts = found.get(module, Counter())
        total = sum(counts.values())
        killed = counts["killed"] + counts["timeout"]
        survived = counts["survived"]
        other = total - killed - survived
        score = f"{100 * killed / total:.1f}%" if total else "-"
        print(f"{module:34} {total:7} {killed:6} {survived:8} {other:5} {score:>6}")


def _mutant_names(arguments: list[str]) -> list[str]:
    """``run``'s arguments, a module name standing for its mutants.

    ``queries`` stands for ``usjapan2024.queries.*``; options and their values, and
    names with a ``*`` or of one mutant, pass as they are.
    """
    names: list[str] = []
    for previous, argument in zip(["", *arguments], arguments, strict=False):
        as_it_is = argument.startswith("-") or previous == "--max-children"
        if as_it_is or "*" in argument or "__mutmut_" in argument:
            names.append(argument)
        else:
            module = argument if argument.startswith("usjapan2024") else f"usjapan2024.{argument}"
            names.append(f"{module}.*")
    return names


def main(arguments: list[str]) -> None:
    """Run mutmut's command line with the widened rule, or print the scores."""
    if arguments[:1] == ["scores"]:
        print_scores()
        return
    if arguments[:1] == ["survivors"]:
        print("\n".join(not_killed()))
        return
    if arguments[:1] == ["run"]:
        arguments = ["run", *_mutant_names(arguments[1:])]
        select_tests([a.removesuffix(".*") for a in arguments[1:] if a.endswith(".*")])
    widen_mutmut()
    from mutmut.__main__ import cli

    cli.main(args=arguments, prog_name="scripts/mutation")


if __name__ == "__main__":
    main(sys.argv[1:])
