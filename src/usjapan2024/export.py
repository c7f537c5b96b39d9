"""Flat rows and pandas DataFrames of any kind of record; the data as tables for other tools.

:func:`to_records` gives one flat row per record (the rules are in ``_flat``: enums
as values, tuples joined with ``"; "``, sources as ``spans`` and ``quotes``);
:func:`to_frame` gives a DataFrame of the same rows with real dtypes, and
:func:`to_frames` the exports' related tables as DataFrames.  pandas is an optional
extra; importing this module does not import it.

:func:`to_datapackage` and :func:`to_sqlite` write every record as related tables (the
layout is in ``docs/without-python.md``), for R, spreadsheets, SQL and Datasette;
:func:`datasette_metadata` gives Datasette what it needs to serve the database.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from usjapan2024._io.text import Source
from usjapan2024._loading.load import load
from usjapan2024._model.kinds import CLASS_OF, RECORD_KINDS, RecordKindName, record_groups
from usjapan2024._tables import flat as _flat
from usjapan2024._tables.flat import JOIN, Row
from usjapan2024.model import Meeting

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "JOIN",
    "KINDS",
    "RecordKindName",
    "Row",
    "datasette_metadata",
    "to_datapackage",
    "to_frame",
    "to_frames",
    "to_records",
    "to_sqlite",
]

KINDS = RECORD_KINDS
"""The record kinds :func:`to_records` and :func:`to_frame` accept."""

_CLASSES: dict[str, type] = {"meeting": Meeting, **CLASS_OF}


def to_records(kind: RecordKindName | str, *, meeting: Meeting | None = None) -> list[Row]:
    """Return one flat row per record of ``kind``, in source order.

    ``kind`` is one of :data:`KINDS` (typed as :data:`RecordKindName`, or any ``str``
    as in 1.0.0); another raises :class:`ValueError` naming the valid ones.

    >>> rows = to_records("officials")
    >>> rows[0]["name"], rows[0]["country"], rows[0]["quotes"]
    ('Antony Blinken', 'US', 'U.S. Secretary of State Antony Blinken')
    >>> to_records("commitments")[0]["parties"]
    'US; JP'
    """
    return [_flat.flatten(record) for record in _records(kind, meeting or load())]


def _records(kind: str, meeting: Meeting) -> tuple[Any, ...]:
    if kind not in _CLASSES:
        valid = ", ".join(repr(k) for k in KINDS)
        msg = f"unknown kind {kind!r}; valid kinds are {valid}"
        raise ValueError(msg)
    return (meeting,) if kind == "meeting" else record_groups(meeting)[kind]


def to_frame(kind: RecordKindName | str, *, meeting: Meeting | None = None) -> pd.DataFrame:
    """Return the records of ``kind`` as a pandas DataFrame with proper dtypes.

    Needs pandas: ``pip install usjapan2024[pandas]``.

    >>> frame = to_frame("threats")
    >>> str(frame["response"].dtype)
    'category'
    >>> frame.groupby("response", observed=False).size().to_dict()
    {'recognition': 1, 'concern': 1, 'criticism': 3, 'condemnation': 4}
    """
    meeting = meeting or load()
    rows = to_records(kind, meeting=meeting)
    return _flat.frame_of(rows, _CLASSES[kind], meeting)


def to_frames(*, meeting: Meeting | None = None) -> dict[str, pd.DataFrame]:
    """Return every table of the Data Package and the SQLite database as a DataFrame, by name.

    The normalised tables, with the same names, columns and rows as those exports (see
    ``docs/without-python.md``): one per kind of record, one per many-valued field (the
    owner's id, the ``position`` and the ``value``), ``errata_references``, ``spans``,
    ``retired`` and ``labels``.  Join them on their keys, as in SQL: where
    :func:`to_frame` joins a list into one cell, these hold a row per value.  Columns
    are typed as in :func:`to_frame`.  Needs pandas: ``pip install usjapan2024[pandas]``.

    >>> frames = to_frames()
    >>> frames["errata_references"].columns[:3].tolist()
    ['erratum_id', 'position', 'title']
    >>> partners = frames["commitments_partners"]
    >>> partners.merge(frames["parties"], left_on="value", right_on="id")["name"].tolist()
    ['Australia', 'South Korea', 'ASEAN', 'Pacific Island nations', 'NATO']
    """
    return _flat.table_frames(meeting or load())


def to_datapackage(
    folder: str | os.PathLike[str],
    *,
    meeting: Meeting | None = None,
    source: Source | None = None,
    overwrite: bool = False,
) -> Path:
    """Write a Frictionless Data Package: a folder of CSV files and ``datapackage.json``.

    One CSV file per table (each kind of record, each many-valued field, the spans, the
    errata's references, the retired ids), described with types, vocabularies, keys,
    licences and versions, plus the source text the spans index into.  The descriptor
    describes ``meeting``, not the bundled release: its name (the title's part before a
    colon), title, version and citation are the meeting's metadata's, and its
    ``licenses`` the Open Definition licences its licence note names (the note itself,
    in ``LICENCE.txt``, where it names none this package knows).  The folder is written
    under a temporary name beside it and renamed when complete.

    Args:
        folder: The folder to make; its parent must exist.
        meeting: The meeting to write; the bundled one by default.  Its source text
            (:attr:`~usjapan2024.Meeting.source_text`) is included as ``source.txt``,
            whatever file it was loaded from.
        source: The text the meeting's spans index (the text or a path to it), for a
            meeting that knows none (one built in code); proved to hold every quote
            before anything is written.  Without a text, the package holds none, and its
            descriptor says so (``usjapan2024.source.included`` is false).
        overwrite: Replace an existing ``folder`` (only one that holds a
            ``datapackage.json``: any other folder is refused).

    Returns:
        The folder.

    Raises:
        DatasetError: The meeting cannot be exported, or ``source`` does not hold its
            quotes.
        FileExistsError: ``folder`` exists and ``overwrite`` is false, or it is not a
            data package.
        FileNotFoundError: The parent folder does not exist.
        NotADirectoryError: ``folder`` is a file.
    """
    from usjapan2024._tables import datapackage as _datapackage

    return _datapackage.write(folder, meeting=meeting, source=source, overwrite=overwrite)


def to_sqlite(
    path: str | os.PathLike[str],
    *,
    meeting: Meeting | None = None,
    source: Source | None = None,
    overwrite: bool = False,
) -> Path:
    """Write a SQLite database of the same tables, with their keys and checks enforced.

    Besides the tables: an index per query filter, a full-text index (FTS5) of each
    record's words, the source text (``source``) and each span's sentence
    (``sentences``), the views ``span_sentences`` (each quote in its sentence),
    ``commitment_parties`` and ``threats_by_actor``, a ``metadata`` table of the
    meeting's own name, versions, licence and citation, and a ``columns`` table that
    describes every column.  The file is written under a temporary name and renamed
    when complete.

    Args:
        path: The file to write; its folder must exist.
        meeting: The meeting to write; the bundled one by default.  Its source text is
            stored whatever file it was loaded from.
        source: The text the meeting's spans index, for a meeting that knows none, as
            for :func:`to_datapackage`.  Without a text, ``source`` and ``sentences``
            are empty, and ``metadata`` says so (``source_included``).
        overwrite: Replace an existing file at ``path``.

    Returns:
        The path.

    Raises:
        DatasetError: The meeting cannot be exported, or ``source`` does not hold its
            quotes.
        FileExistsError: ``path`` exists and ``overwrite`` is false.
        FileNotFoundError: The folder of ``path`` does not exist.
        IsADirectoryError: ``path`` is a folder.
        RuntimeError: This Python's SQLite lacks FTS5.
    """
    from usjapan2024._tables import sqlite as _sqlite

    return _sqlite.write(path, meeting=meeting, source=source, overwrite=overwrite)


def datasette_metadata(
    *, meeting: Meeting | None = None, database: str = "usjapan2024"
) -> dict[str, Any]:
    """Return Datasette's metadata for the database :func:`to_sqlite` writes.

    Title, description, citation, licence and source; every table's, view's and
    column's description; full-text search on ``records`` and on each kind's table; a
    default sort in source order; facets for the vocabularies.  Save it as JSON and
    serve both: ``datasette usjapan2024.db --metadata metadata.json``.

    >>> meta = datasette_metadata()
    >>> meta["databases"]["usjapan2024"]["tables"]["records"]["fts_table"]
    'records_fts'

    Args:
        meeting: The meeting the database holds; the bundled one by default.
        database: The database's name in Datasette: its file's name without ``.db``.

    Raises:
        DatasetError: The meeting cannot be exported.
    """
    from usjapan2024._tables import datasette as _datasette
    from usjapan2024._tables.describe import describe, exported_text

    meeting, _ = exported_text(meeting, None)  # checked as the database's would be
    return _datasette.metadata(describe(meeting), database)


_MOVED = ("flatten", "flatten_columns", "frame_of")
"""Helpers 1.0.0 left importable from here; they now live in a private module."""

if TYPE_CHECKING:  # what type checkers see of them: deprecated (PEP 702), as they are
    from usjapan2024._model.deprecation import deprecated

    @deprecated(
        "usjapan2024.export.flatten is deprecated and will be removed in 2.0.0;"
        " use to_records() or Results.to_records() for flat rows"
    )
    def flatten(record: object) -> Row: ...
    @deprecated(
        "usjapan2024.export.flatten_columns is deprecated and will be removed in 2.0.0;"
        " use to_records() or Results.to_records() for flat rows"
    )
    def flatten_columns(cls: type) -> list[str]: ...
    @deprecated(
        "usjapan2024.export.frame_of is deprecated and will be removed in 2.0.0;"
        " use to_records() or Results.to_records() for flat rows"
    )
    def frame_of(rows: list[Row], cls: type) -> pd.DataFrame: ...


def __getattr__(name: str) -> Any:  # noqa: ANN401
    # The run-time side of the stubs above: the warning comes on import, as in 1.1.0.
    if name in _MOVED:
        warnings.warn(
            f"usjapan2024.export.{name} is deprecated and will be removed in 2.0.0;"
            " use to_records() or Results.to_records() for flat rows",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(_flat, name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
