"""Every ``sql`` example of the docs is run against the SQLite export, and its table compared.

A page shows SQL as plain SQL, for any SQLite client, with the result as a Markdown table
right under it (``NULL`` for SQL's missing value).  Each statement runs here through
Python's own ``sqlite3`` and, where it is installed, through the ``sqlite3`` shell, which
is what a reader without Python uses: both must give the table the page shows.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

import usjapan2024 as uj

from .conftest import ROOT

_BLOCK = re.compile(
    r"^```sql\n(.*?)^```\n((?:[ \t]*\n)*(?:\|[^\n]*\|\n)+)?", re.DOTALL | re.MULTILINE
)
_PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _cells(line: str) -> list[str]:
    """The cells of a Markdown table row (``\\|`` is a pipe inside a cell)."""
    inner = line.strip().removeprefix("|").removesuffix("|")
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", inner)]


def _examples() -> list[tuple[str, int, str, list[list[str]] | None]]:
    """(page, number, statement, the table shown: header then rows, or None)."""
    found = []
    for page in _PAGES:
        text = page.read_text(encoding="utf-8")
        for number, match in enumerate(_BLOCK.finditer(text)):
            table = None
            if match.group(2):
                lines = [line for line in match.group(2).splitlines() if line.strip()]
                assert re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", lines[1].strip()), (page.name, lines)
                table = [_cells(lines[0]), *map(_cells, lines[2:])]
            found.append((page.name, number, match.group(1), table))
    return found


EXAMPLES = _examples()


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The database as the download page publishes it: the bundled data's export."""
    return uj.to_sqlite(tmp_path_factory.mktemp("sql") / "usjapan2024.db")


def _shown(value: object) -> str:
    return "NULL" if value is None else str(value)


def _python(database: Path, statement: str) -> tuple[list[str], list[tuple[object, ...]]]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        cursor = connection.execute(statement)
        return [d[0] for d in cursor.description], cursor.fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize(
    ("page", "number", "statement", "table"), EXAMPLES, ids=[f"{p}-{n}" for p, n, _, _ in EXAMPLES]
)
def test_sql_example(
    database: Path, page: str, number: int, statement: str, table: list[list[str]] | None
) -> None:
    """The statement runs, and gives the columns and rows the page shows under it."""
    columns, rows = _python(database, statement)
    if table is not None:
        assert columns == table[0], (page, number)
        assert [[_shown(v) for v in row] for row in rows] == table[1:], (page, number)


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="no sqlite3 shell installed")
@pytest.mark.parametrize(
    ("page", "number", "statement"),
    [(p, n, s) for p, n, s, _ in EXAMPLES],
    ids=[f"{p}-{n}" for p, n, _, _ in EXAMPLES],
)
def test_sql_example_in_the_sqlite3_shell(
    database: Path, page: str, number: int, statement: str
) -> None:
    """A reader's own client gives the same answer: the ``sqlite3`` shell, in JSON."""
    shell = shutil.which("sqlite3")
    assert shell is not None
    result = subprocess.run(
        [shell, "-readonly", "-json", str(database), statement],
        capture_output=True, text=True, encoding="utf-8", check=False,
    )  # fmt: skip
    assert result.returncode == 0, (page, number, result.stderr)
    columns, rows = _python(database, statement)
    shown = json.loads(result.stdout) if result.stdout.strip() else []
    assert shown == [dict(zip(columns, row, strict=True)) for row in rows], (page, number)


def test_the_pages_show_sql_with_its_results() -> None:
    """The page for readers without Python has its SQL as SQL, each with its result; no
    SQL is left inside a Python example there."""
    mine = [table for page, _, _, table in EXAMPLES if page == "without-python.md"]
    assert len(mine) >= 10
    assert all(table is not None for table in mine)
    page = (ROOT / "docs" / "without-python.md").read_text(encoding="utf-8")
    python = "\n".join(re.findall(r"```pycon\n(.*?)```", page, re.DOTALL))
    assert "SELECT" not in python.upper()


def test_the_steps_no_test_runs_say_so() -> None:
    """R, DuckDB and spreadsheets are not installed here: their sections say they are not run."""
    page = (ROOT / "docs" / "without-python.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^## (.+?)\n(.*?)(?=^## |\Z)", page, re.DOTALL | re.MULTILINE))
    for title in ("DuckDB", "In a spreadsheet", "In R"):
        assert "Not run by the tests" in sections[title], title


def test_the_page_starts_from_the_files() -> None:
    """It begins with the files to download, not with Python."""
    page = (ROOT / "docs" / "without-python.md").read_text(encoding="utf-8")
    first = page.index("## ")
    assert "{doc}`download`" in page[:first]
    assert page.index("```pycon") > page.index("## SQL")
    assert page[first:].startswith("## Get the files")
