"""The SQLite database: ``_tables``' layout with its keys and checks enforced by SQLite.

Each table gets its primary key, a FOREIGN KEY for each reference and a CHECK for each
rule a cell must keep (a vocabulary's values, an integer that is an integer, a real
calendar date, a span whose quote is as long as its offsets say).  Foreign keys are
enforced while writing, checked at the commit, and ``PRAGMA foreign_key_check`` must
then be clean, so a file that exists is consistent.

On top of the tables: an index for each query filter (``_filters.FILTERS``), an FTS5
index of each record's words (the words :func:`usjapan2024.search` looks in), the
source text (``source``: one row, the text and its sha256, whatever file the meeting
came from; none for a meeting that knows no text), each span's sentence (``sentences``,
cut at write time by the rule quotes in context use, :func:`sentence_bounds`), views for
common questions (``span_sentences``: each quote in its sentence), a ``metadata`` table
of the meeting's own name, versions, licence and citation, and a ``columns`` table that
describes every column of every table and view.  Only the standard library's
``sqlite3`` writes it.
"""

from __future__ import annotations

import contextlib
import datetime
import errno
import json
import os
import sqlite3
import typing
from pathlib import Path

from usjapan2024._io.safe import new_file
from usjapan2024._io.text import Source, sentence_bounds, text_digest
from usjapan2024._model.filters import FILTERS, Filter
from usjapan2024._model.kinds import record_id
from usjapan2024._querying.index import index_of, words_of
from usjapan2024._tables.describe import NO_TEXT, exported_text, licences, package_name
from usjapan2024._tables.layout import (
    SOURCE_ORDER,
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
    "OWN_TABLES",
    "SENTENCES",
    "SOURCE",
    "VIEWS",
    "column_descriptions",
    "condition",
    "fts5_available",
    "schema",
    "write",
]

FTS_TABLE = "records_fts"
"""The full-text index: one row per record (``record_id``, ``words``), whose ``rowid`` is
the record's ``source_order`` (in ``records`` and in its kind's table)."""

SOURCE = "source"
"""The source text the spans index: one row (``text``, ``sha256``), or none if unknown."""

SENTENCES = "sentences"
"""Where each span's sentence begins and ends in the source text: one row per span."""

VIEWS = {
    "commitment_parties": """
        SELECT c.id AS commitment_id, l.position, l.value AS party, p.name AS party_name,
               c.topic, c.status, c.summary
        FROM commitments AS c
        JOIN commitments_parties AS l ON l.commitment_id = c.id
        JOIN parties AS p ON p.id = l.value
        ORDER BY c.source_order, l.position""",
    "threats_by_actor": """
        SELECT t.actor, p.name AS actor_name, count(*) AS threats,
               group_concat(t.kind, '; ') AS kinds, group_concat(t.id, '; ') AS ids
        FROM threats AS t LEFT JOIN parties AS p ON p.id = t.actor
        GROUP BY t.actor ORDER BY threats DESC, t.actor""",
    "span_sentences": """
        SELECT s.record_id, r.kind, s.position, s.start, s."end", s.quote,
               substr(t.text, b.sentence_start + 1, b.sentence_end - b.sentence_start)
                   AS sentence,
               substr(t.text, b.sentence_start + 1, s.start - b.sentence_start) AS before,
               substr(t.text, s."end" + 1, b.sentence_end - s."end") AS after
        FROM spans AS s
        JOIN records AS r ON r.id = s.record_id
        JOIN sentences AS b ON b.record_id = s.record_id AND b.position = s.position
        CROSS JOIN source AS t
        ORDER BY s.rowid""",
}
"""Answers to common questions: each commitment with the parties that make it; each
actor with the threats it is behind (``actor`` is NULL for those with nobody named);
each span with its sentence (no rows when the database holds no source text)."""

_VIEW_COLUMNS = {
    "commitment_parties": {
        "commitment_id": "The commitment's id.",
        "position": "The party's place among the commitment's parties, from 0.",
        "party": "The party's id (an actor code).",
        "party_name": "The party's name.",
        "topic": "The commitment's topic.",
        "status": "The commitment's status.",
        "summary": "The commitment's summary.",
    },
    "threats_by_actor": {
        "actor": "The actor behind the threats; NULL for those with nobody named.",
        "actor_name": "The actor's name; NULL where there is no actor.",
        "threats": "How many threats the actor is behind.",
        "kinds": "The threats' kinds, joined with '; ', in no set order.",
        "ids": "The threats' ids, joined with '; ', in no set order.",
    },
    "span_sentences": {
        "record_id": "The record that quotes the span (meeting for the meeting).",
        "kind": "The group of records the record belongs to, or meeting.",
        "position": "The span's place among the record's sources, from 0.",
        "start": "Index of the quote's first character in the source text (characters).",
        "end": "Index one past the quote's last character.",
        "quote": "The quoted words.",
        "sentence": "The sentence (or sentences) of the source text that hold the quote,"
        " never reaching past its line.",
        "before": "The words of the sentence before the quote.",
        "after": "The words of the sentence after the quote.",
    },
}
"""What each column of each view holds, for the ``columns`` table."""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _checks(column: Column, table: Table) -> list[str]:
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
    if column.ranks is not None:  # the rank agrees with the value it ranks
        ranked = next(c for c in table.columns if c.name == column.ranks)
        cases = " ".join(
            f"WHEN {_text(value)} THEN {rank}" for rank, value in enumerate(ranked.values or ())
        )
        checks.append(f"{name} IS (CASE {_quote(ranked.name)} {cases} END)")
    return checks


def _create(table: Table) -> str:
    lines = []
    for column in table.columns:
        sql_type = {"integer": "INTEGER"}.get(column.datatype, "TEXT")
        required = " NOT NULL" if column.required else ""
        required += " UNIQUE" if column.unique else ""
        checks = " AND ".join(_checks(column, table))
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
    statements.append(
        f"CREATE TABLE {SOURCE} (text TEXT NOT NULL CHECK (typeof(text) = 'text'),"
        " sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),"
        " length INTEGER NOT NULL CHECK (typeof(length) = 'integer' AND length >= 0))"
    )
    statements.append(
        f"CREATE TABLE {SENTENCES} (record_id TEXT NOT NULL, position INTEGER NOT NULL,"
        " sentence_start INTEGER NOT NULL CHECK (typeof(sentence_start) = 'integer'"
        " AND sentence_start >= 0),"
        " sentence_end INTEGER NOT NULL CHECK (typeof(sentence_end) = 'integer'"
        " AND sentence_end >= sentence_start),"
        " PRIMARY KEY (record_id, position),"
        " FOREIGN KEY (record_id, position) REFERENCES spans (record_id, position))"
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
    path: str | os.PathLike[str],
    *,
    meeting: Meeting | None = None,
    source: Source | None = None,
    overwrite: bool = False,
) -> Path:
    """Write ``meeting`` (the bundled one by default) as a SQLite database at ``path``.

    ``source`` is the text its spans index, for a meeting that does not know it.
    """
    if not fts5_available():
        msg = (
            f"this Python's sqlite3 (SQLite {sqlite3.sqlite_version}) was built without"
            " FTS5, which the database's full-text index needs; use a Python whose SQLite"
            " has it (CPython's own builds do)"
        )
        raise RuntimeError(msg)
    meeting, text = exported_text(meeting, source)
    rows = rows_of(meeting)
    with new_file(path, overwrite=overwrite) as partial:
        connection = sqlite3.connect(partial, isolation_level=None)
        try:
            _fill(connection, meeting, rows, text)
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
    text: str | None,
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
    order = _source_order(rows)
    connection.executemany(
        f"INSERT INTO {_quote(FTS_TABLE)} (rowid, record_id, words) VALUES (?, ?, ?)",  # noqa: S608
        (
            (order[record_id(r)], record_id(r), "\n".join(words_of(r)))
            for r in index_of(meeting).by_id.values()
        ),
    )
    if text is not None:  # the checks before writing proved every quote is at its offsets
        connection.execute(
            f"INSERT INTO {SOURCE} VALUES (?, ?, ?)",  # noqa: S608  (a name of this module)
            (text, text_digest(text), len(text)),
        )
        connection.executemany(
            f"INSERT INTO {SENTENCES} VALUES (?, ?, ?, ?)",  # noqa: S608
            (
                (record, position, *sentence_bounds(text, start, end))
                for record, position, start, end in _span_offsets(rows["spans"])
            ),
        )
    connection.executemany("INSERT INTO metadata VALUES (?, ?)", _metadata(meeting, text).items())
    connection.executemany(f"INSERT INTO {COLUMNS} VALUES (?, ?, ?)", column_descriptions())  # noqa: S608
    connection.execute("COMMIT")  # foreign keys are checked here: a violation fails it
    problems = connection.execute("PRAGMA foreign_key_check").fetchall()
    if problems:  # pragma: no cover  (the commit above refuses them)
        msg = f"foreign key violations: {problems[:5]}"
        raise AssertionError(msg)
    connection.execute("PRAGMA optimize")


def _source_order(rows: dict[str, list[Row]]) -> dict[str, int]:
    """Each record's ``records.source_order``, by id: the rowid of its full-text row.

    So a tool can join the index to any table of records on that column (Datasette's
    ``fts_pk``) rather than on SQLite's ``rowid``, which ``VACUUM`` may renumber.
    """
    (records,) = (t for t in TABLES if t.name == "records")
    names = [c.name for c in records.columns]
    at_id, at_order = names.index("id"), names.index(SOURCE_ORDER)
    return {
        typing.cast("str", row[at_id]): typing.cast("int", row[at_order]) for row in rows["records"]
    }


def _span_offsets(spans: list[Row]) -> list[tuple[str, int, int, int]]:
    """Each span's record, position, start and end, from its row of ``spans``."""
    return [typing.cast("tuple[str, int, int, int]", row[:4]) for row in spans]


COLUMNS = "columns"
"""The table that says what every column of every table holds."""


OWN_TABLES = {
    FTS_TABLE: "The full-text index (FTS5) of each record's words, one row per record: what"
    " search() looks in. Its rowid is the record's source_order, so a search joins any"
    " table of records on that column.",
    SOURCE: "The source text every span indexes into, whole, with its sha256: one row, or"
    " none where the database carries no text.",
    SENTENCES: "Where each span's sentence begins and ends in the source text, one row per span.",
    "metadata": "The dataset's own name, versions, licence, citation and source, one key a row.",
    COLUMNS: "What every column of every table and view holds, one row each.",
    "commitment_parties": "Each commitment with each party that makes it, and the party's name.",
    "threats_by_actor": "Each actor with the threats it is behind: how many, of what kinds.",
    "span_sentences": "Each quote in its sentence of the source text, with the words before"
    " and after it.",
}
"""What each table and view the database has beside the layout's holds."""


def column_descriptions() -> list[tuple[str, str, str]]:
    """``(table, column, description)`` for every column of the database's tables and views.

    The tables' come from the model's fields; ``records_fts``, ``source``,
    ``sentences``, ``metadata``, the views' and this table's own are written here,
    where those tables are made.
    """
    found = [(t.name, c.name, c.description) for t in TABLES for c in t.columns]
    found += [
        (FTS_TABLE, "record_id", (
            "The id of the record whose texts the row holds; the row's rowid is the"
            f" record's {SOURCE_ORDER} (in records and in its kind's table)."
        )),
        (FTS_TABLE, "words", (
            "The record's own searchable texts, one per line, for MATCH: as search() by"
            " default, not the framing sentences it cites for context (spans.role)."
        )),
        (SOURCE, "text", "The source text every span indexes into, whole."),
        (SOURCE, "sha256", "The hex sha256 of the text's UTF-8 bytes (metadata.source.sha256)."),
        (SOURCE, "length", "The text's length in characters, as spans count them."),
        (SENTENCES, "record_id", "The record that quotes the span (a row of spans)."),
        (SENTENCES, "position", "The span's place among the record's sources, from 0."),
        (SENTENCES, "sentence_start", "The index of the first character of the span's sentence."),
        (SENTENCES, "sentence_end", "The index one past the last character of that sentence."),
        ("metadata", "key", "What the value is: the name, a version, the licence, the digest."),
        ("metadata", "value", "The value, as text."),
        (COLUMNS, "table_name", "A table or view of this database."),
        (COLUMNS, "column_name", "A column of that table or view."),
        (COLUMNS, "description", "What the column holds."),
    ]  # fmt: skip
    found += [(v, c, d) for v, columns in _VIEW_COLUMNS.items() for c, d in columns.items()]
    return found


def _metadata(meeting: Meeting, text: str | None) -> dict[str, str]:
    """The ``metadata`` table: the meeting's own metadata, never the bundled release's."""
    from usjapan2024._loading.converter import converter

    metadata = meeting.metadata
    found = {
        "name": package_name(metadata),
        "title": metadata.title,
        "dataset_version": metadata.version,
        "schema_version": str(meeting.schema_version),
        "view": meeting.view.value,
        "licence": metadata.licence,
    }
    ids = [lic["name"] for lic in licences(metadata.licence) if "name" in lic]
    if ids:  # the Open Definition ids the licence note names
        found["data_licence"] = "; ".join(ids)
    found |= {
        "citation": metadata.citation,
        "source_url": metadata.source.url,
        "source_sha256": metadata.source.sha256,
        "source_included": "yes" if text is not None else "no: " + NO_TEXT,
        "metadata": json.dumps(converter().unstructure(metadata), ensure_ascii=False),
    }
    return found
