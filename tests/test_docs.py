"""Every ``console`` example in the docs is run, and its output compared."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

_BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


# The code under test, where PYTHONPATH points at it (a checkout run without installing).
_CODE_UNDER_TEST = {k: v for k, v in os.environ.items() if k == "PYTHONPATH"}
# `show` links to the docs: pin the address to the default that pyproject.toml declares,
# which an installed package reads from its metadata (a bare checkout has none).
_DOCS = re.search(
    r'^Documentation = "(.+)"$',
    (ROOT / "pyproject.toml").read_text(encoding="utf-8"),
    re.MULTILINE,
)
_DOCS_URL = {"USJAPAN2024_DOCS_URL": _DOCS.group(1) if _DOCS else ""}


def _examples() -> list[tuple[str, str, str]]:
    found = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        for block in _BLOCK.findall(page.read_text(encoding="utf-8")):
            command, _, output = block.partition("\n")
            assert command.startswith("$ "), f"{page.name}: a console block starts with '$ '"
            found.append((page.name, command[2:], output))
    return found


@pytest.mark.parametrize(("page", "command", "output"), _examples())
def test_console_example(page: str, command: str, output: str) -> None:
    """The command prints exactly what the page shows (stdout, or stderr on failure)."""
    args = shlex.split(command)
    assert args[0] == "usjapan2024", page
    result = subprocess.run(
        [sys.executable, "-m", "usjapan2024", *args[1:]],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={
            "COLUMNS": "80",
            "PATH": "",
            "PYTHONIOENCODING": "utf-8",
            **_CODE_UNDER_TEST,
            **_DOCS_URL,
        },
        check=False,
    )
    shown = result.stdout if result.returncode == 0 else result.stderr
    assert shown == output


def test_there_are_examples() -> None:
    """The CLI page has examples (a broken pattern would silently test nothing)."""
    assert sum(1 for page, _, _ in _examples() if page == "cli.md") >= 5
    assert Path(ROOT / "docs" / "cli.md").exists()


_FENCE = re.compile(r"^```\s*\{?([\w-]*)\}?", re.MULTILINE)
# Kinds of fenced block that are not Python examples: shell set-up commands (install,
# build), plain text, and Sphinx directives (a `literalinclude` shows a course solution
# from examples/course/solutions.py, which tests/test_course.py runs).  Python examples
# must be `pycon`, which the doctests run; command-line examples must be `console`, which
# the test above runs; SQL examples must be `sql`, which tests/test_docs_sql.py runs.
_NOT_EXAMPLES = {
    "bash", "text", "raw", "image", "include", "literalinclude", "toctree", "eval-rst", "",
}  # fmt: skip


@pytest.mark.parametrize(
    "page",
    [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))],
    ids=lambda p: p.name,
)
def test_no_example_escapes_the_tests(page: Path) -> None:
    """Every Python example is a doctest (pycon) and every CLI example a console block."""
    fences = _FENCE.findall(page.read_text(encoding="utf-8"))
    assert len(fences) % 2 == 0, f"{page.name}: an unclosed code block"
    kinds = fences[::2]  # the opening fences
    unrun = [kind for kind in kinds if kind not in {"pycon", "console", "sql", *_NOT_EXAMPLES}]
    assert unrun == [], f"{page.name} has {unrun} blocks that no test runs"
