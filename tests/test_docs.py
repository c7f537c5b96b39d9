"""Every ``console`` example in the docs is run, and its output compared."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

_BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


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
        env={"COLUMNS": "80", "PATH": "", "PYTHONIOENCODING": "utf-8"},
        check=False,
    )
    shown = result.stdout if result.returncode == 0 else result.stderr
    assert shown == output


def test_there_are_examples() -> None:
    """The CLI page has examples (a broken pattern would silently test nothing)."""
    assert sum(1 for page, _, _ in _examples() if page == "cli.md") >= 5
    assert Path(ROOT / "docs" / "cli.md").exists()
