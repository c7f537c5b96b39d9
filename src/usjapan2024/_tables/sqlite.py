"""The SQLite database: ``_tables``' layout with its keys and checks enforced by SQLite.

Each table gets its primary key, a FOREIGN KEY for each reference and a CHECK for each
rule a cell must keep (a vocabulary's values, an integer that is an integer, a real
calendar date, a span whose quote is as long as its offsets say).  Foreign keys are
enforced while writing, checked at the commit, and ``PRAGMA foreign_key_check`` must
then be clean, so a file that exists is consistent.

On top of the tables: an index for each query filter (``_filters.FILTERS``), an FTS5
index of each record's words (the words :func:`usjapan2024.search` looks in), two views
for common questions, and a ``metadata`` table of versions, licence and the source's
sha256.  Only the standard library's ``sqlite3`` writes it.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import json
import os
import sqlite3
from pathlib import Path

from usjapan2024._io.safe import new_file
from usjapan2024._loading.load import load
from usjapan2024._loading.typecheck import check_exportable
from usjapan2024._model.filters import FILTERS, Filter
from usjapan2024._model.kinds import record_id
from usjapan2024._querying.index import index_of, words_of
from usjapan2024._tables.layout import (
    DATA_LICENCE,
    TABLES,
    Column,
    Row,
    Table,
    filter_column,
    rows_of,
)
from usjapan2024.model import Meeting

__all__ = [
    "COLUMNS",
    "FTS_TABLE",
    "VIEWS",
    "column_descriptions",
    "condition",
    "fts5_available",
    "schema",
    "write",
]

FTS_TABLE = "records_fts"
"""The full-text index: one row per record (``record_id``, ``words``)."""

VIEWS = {
    "commitment_parties": """
        SELECT c.id AS commitment_id, l.position, l.value AS party, p.name AS party_name,
               c.topic, c.status, c.summary
        FROM commitments AS c
        JOIN commitments_parties AS l ON l.commitment_id = c.id
        JOIN parties AS p ON p.id = l.value
        ORDER BY c.rowid, l.position""",
    "threats_by_actor": """
        SELECT t.actor, p.name AS actor_name, count(*) AS threats,
               group_concat(t.kind, '; ') AS kinds, group_concat(t.id, '; ') AS ids
        FROM threats AS t LEFT JOIN parties AS p ON p.id = t.actor
        GROUP BY t.actor ORDER BY threats DESC, t.actor""",
}
"""Answers to common questions: each commitment with the parties that make it; each
actor with the threats it is behind (``actor`` is NULL for those with nobody named)."""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _checks(column: Column) -> list[str]:
    name = _quote(column.name)
    checks = []
    if column.values is not None:
        checks.append(f"{name} IN ({', '.join(map(_text, column.values))})")
    if column.datatype == "integer":
        checks.append(f"typeof({name}) = 'integer'")
    elif column.datatype == "date":
        checks.append(
            f"{name} = date({name}, '+0 days')"
        )  # a real date (the modifier normalises 30 February away), written YYYY-MM-DD
    else:
        checks.append(f"typeof({name}) = 'text'")
    if column.minimum is not None:
        checks.append(f"{name} >= {column.minimum}")
    return checks


def _create(table: Table) -> str:
    lines = []
    for column in table.columns:
        sql_type = {"integer": "INTEGER"}.get(column.datatype, "TEXT")
        required = " NOT NULL" if column.required else ""
        checks = " AND ".join(_checks(column))
        if not column.required:
            checks = f"{_quote(column.name)} IS NULL OR ({checks})"
        lines.append(f"{_quote(column.name)} {sql_type}{required} CHECK ({checks})")
    lines.append(f"PRIMARY KEY ({', '.join(map(_quote, table.key))})")
    lines += [
        f"FOREIGN KEY ({_quote(name)}) REFERENCES {_quote(target)} (id)"
        for name, target in table.foreign_keys
    ]
    if table.name == "spans":
        # SQLite counts characters as Python does; length() stops at a NUL character.
        lines.append(
            """CHECK ("end" > "start" AND (length("quote") = "end" - "start" """
            """OR instr("quote", char(0)) > 0))"""
        )
    body = ",\n  ".join(lines)
    return f"CREATE TABLE {_quote(table.name)} (\n  {body}\n)"


def condition(f: Filter) -> str:
    """The SQL condition on a row of ``f.query``'s table that filter ``f`` stands for.

    It has one ``?`` for the value: an enum's value, or for a case-insensitive filter
    the value case-folded (``str.casefold()``).  A many-valued field is matched through
    its own table.
    """
    table, column = filter_column(f)
    if table.name == f.query:
        return f"{_quote(column.name)} = ?"
    owner = table.columns[0].name
    return (
        f"id IN (SELECT {_quote(owner)} FROM {_quote(table.name)}"  # noqa: S608  (names from the layout)
        f" WHERE {_quote(column.name)} = ?)"
    )


def _indexes() -> list[str]:
    statements = []
    for f in FILTERS:
        table, column = filter_column(f)
        indexed = [column.name] if table.name == f.query else [column.name, table.columns[0].name]
        name = f"index_{table.name}_{column.name}"
        statement = (
            f"CREATE INDEX IF NOT EXISTS {_quote(name)}"
            f" ON {_quote(table.name)} ({', '.join(map(_quote, indexed))})"
        )
        statements.append(statement)
    return statements


def schema() -> str:
    """Every statement that makes the database's tables, indexes, index and views."""
    statements = [_create(table) for table in TABLES]
    statements += dict.fromkeys(_indexes())  # two filters may share a column
    statements.append(
        f"CREATE VIRTUAL TABLE {_quote(FTS_TABLE)} USING fts5("
        "record_id UNINDEXED, words, tokenize = 'unicode61 remove_diacritics 0')"
    )
    statements += [f"CREATE VIEW {_quote(name)} AS {sql}" for name, sql in VIEWS.items()]
    statements.append("CREATE TABLE metadata (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
    statements.append(
        f"CREATE TABLE {COLUMNS} (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
        " description TEXT NOT NULL, PRIMARY KEY (table_name, column_name))"
    )
    return ";\n".join(statements) + ";\n"


def fts5_available() -> bool:
    """Whether this Python's SQLite has the FTS5 extension (CPython's builds do)."""
    with contextlib.closing(sqlite3.connect(":memory:")) as connection:
        try:
            connection.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
        except sqlite3.OperationalError:
            return False
    return True


def write(
    path: str | os.PathLike[str], *, meeting: Meeting | None = None, overwrite: bool = False
) -> Path:
    """Write ``meeting`` (the bundled one by default) as a SQLite database at ``path``."""
    if not fts5_available():
        msg = (
            f"this Python's sqlite3 (SQLite {sqlite3.sqlite_version}) was built without"
            " FTS5, which the database's full-text index needs; use a Python whose SQLite"
            " has it (CPython's own builds do)"
        )
        raise RuntimeError(msg)
    if meeting is None:
        meeting = load()
    else:  # built in code, perhaps: what the database cannot hold is a DatasetError
        check_exportable(meeting)
    rows = rows_of(meeting)
    with new_file(path, overwrite=overwrite) as partial:
        connection = sqlite3.connect(partial, isolation_level=None)
        try:
            _fill(connection, meeting, rows)
        except sqlite3.OperationalError as error:
            _raise_io_error(error, path)
            raise
        finally:
            connection.close()
    return Path(path)


_SQLITE_IO = {10: "disk I/O error", 13: "No space left on device"}  # SQLITE_IOERR, SQLITE_FULL


def _raise_io_error(error: sqlite3.OperationalError, path: str | os.PathLike[str]) -> None:
    """Raise SQLite's report of a full disk or a failed write as the ``OSError`` it is."""
    code = getattr(error, "sqlite_errorcode", None)  # Python 3.11+; the message before
    primary = code & 0xFF if isinstance(code, int) else None
    text = str(error)
    if primary == 13 or "disk is full" in text:
        raise OSError(errno.ENOSPC, _SQLITE_IO[13], os.fspath(path)) from error
    if primary == 10 or "disk I/O error" in text:
        raise OSError(errno.EIO, _SQLITE_IO[10], os.fspath(path)) from error


def _sql_values(row: Row) -> tuple[object, ...]:
    """A row as SQLite stores it: dates as ISO 8601 text, which the CHECKs expect.

    Done here rather than by sqlite3's default date adapter, deprecated since Python 3.12.
    """
    return tuple(v.isoformat() if isinstance(v, datetime.date) else v for v in row)


def _fill(
    connection: sqlite3.Connection,
    meeting: Meeting,
    rows: dict[str, list[Row]],
) -> None:
    connection.execute("PRAGMA foreign_keys = ON")
    # The file is a temporary one until it is complete: no journal and no syncing while
    # it is built (``_safe`` syncs it once before the rename).
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("BEGIN")
    connection.execute("PRAGMA defer_foreign_keys = ON")  # officials name parties written later
    for statement in schema().split(";\n"):
        if statement.strip():
            connection.execute(statement)
    for table in TABLES:
        marks = ", ".join("?" * len(table.columns))
        insert = f"INSERT INTO {_quote(table.name)} VALUES ({marks})"  # noqa: S608  (values are parameters)
        connection.executemany(insert, map(_sql_values, rows[table.name]))
    connection.executemany(
        f"INSERT INTO {_quote(FTS_TABLE)} (record_id, words) VALUES (?, ?)",  # noqa: S608
        ((record_id(r), "\n".join(words_of(r))) for r in index_of(meeting).by_id.values()),
    )
    connection.executemany("INSERT INTO metadata VALUES (?, ?)", _metadata(meeting).items())
    connection.executemany(f"INSERT INTO {COLUMNS} VALUES (?, ?, ?)", column_descriptions())  # noqa: S608
    connection.execute("COMMIT")  # foreign keys are checked here: a violation fails it
    problems = connection.execute("PRAGMA foreign_key_check").fetchall()
    if problems:  # pragma: no cover  (the commit above refuses them)
        msg = f"foreign key violations: {problems[:5]}"
        raise AssertionError(msg)
    connection.execute("PRAGMA optimize")


COLUMNS = "columns"
"""The table that says what every column of every table holds."""


def column_descriptions() -> list[tuple[str, str, str]]:
    """``(table, column, description)`` for every column of the database.

    The tables' come from the model's fields; ``records_fts``, ``metadata`` and this
    table's own are written here, where those tables are made.
    """
    found = [(t.name, c.name, c.description) for t in TABLES for c in t.columns]
    found += [
        (FTS_TABLE, "record_id", "The id of the record whose texts the row holds."),
        (FTS_TABLE, "words", "The record's searchable texts, one per line, for MATCH."),
        ("metadata", "key", "What the value is: a version, the licence, the source's digest."),
        ("metadata", "value", "The value, as text."),
        (COLUMNS, "table_name", "A table of this database."),
        (COLUMNS, "column_name", "A column of that table."),
        (COLUMNS, "description", "What the column holds."),
    ]
    return found


def _metadata(meeting: Meeting) -> dict[str, str]:
    from usjapan2024._loading.converter import converter

    metadata = meeting.metadata
    return {
        "dataset_version": metadata.version,
        "schema_version": str(meeting.schema_version),
        "licence": metadata.licence,
        "data_licence": DATA_LICENCE["name"],
        "title": metadata.title,
        "citation": metadata.citation,
        "source_url": metadata.source.url,
        "source_sha256": metadata.source.sha256,
        "metadata": json.dumps(converter().unstructure(metadata), ensure_ascii=False),
    }
