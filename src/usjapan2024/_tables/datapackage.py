"""The Frictionless Data Package: one CSV file per table, described by ``datapackage.json``.

The descriptor carries what a reader needs without this package: each column's Table
Schema type and vocabulary, the primary and foreign keys, the licences, the sources and
the versions; and, whole, the dataset's metadata, under ``usjapan2024``.  The tables are
``_tables``' layout, so the package and the SQLite database hold the same rows.

It describes the meeting it holds, not the bundled release: name, title, version,
licences and citation come from the meeting's metadata (``_tables.describe``), and the
licence note travels word for word as ``LICENCE.txt``.  The source text travels with
the tables (``source.txt``, with its sha256), whatever file the meeting came from, so
that every span can be checked offline; the descriptor says it is not relicensed.  A
meeting that knows no text gets none, and ``usjapan2024.source`` says so.

Only the standard library writes it: ``csv`` and ``json``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from usjapan2024._io.safe import new_folder
from usjapan2024._io.text import Source
from usjapan2024._tables.describe import (
    LICENCE_FILE,
    exported_text,
    keywords,
    licences,
    package_name,
    source_note,
)
from usjapan2024._tables.layout import TABLES, Column, Table, rows_of
from usjapan2024.model import Meeting

__all__ = ["DESCRIPTOR", "SOURCE_FILE", "descriptor", "write"]

DESCRIPTOR = "datapackage.json"
SOURCE_FILE = "source.txt"

_NOT_RELICENSED = {
    "path": LICENCE_FILE,
    "title": "Not relicensed by this package: the text keeps its own terms (see the licence"
    " note); it is included verbatim for verification only",
}
"""The source text's licence: none of the data's, whatever the package's licences are."""


def write(
    folder: str | os.PathLike[str],
    *,
    meeting: Meeting | None = None,
    source: Source | None = None,
    overwrite: bool = False,
) -> Path:
    """Write ``meeting`` (the bundled one by default) as a Data Package in ``folder``.

    ``source`` is the text its spans index, for a meeting that does not know it.
    """
    meeting, text = exported_text(meeting, source)
    rows = rows_of(meeting)
    with new_folder(folder, overwrite=overwrite, marker=DESCRIPTOR) as partial:
        for table in TABLES:
            with (partial / f"{table.name}.csv").open("w", encoding="utf-8", newline="") as f:
                out = csv.writer(f)
                out.writerow(c.name for c in table.columns)
                out.writerows(rows[table.name])
        if text is not None:
            (partial / SOURCE_FILE).write_bytes(text.encode("utf-8"))
        (partial / LICENCE_FILE).write_bytes((meeting.metadata.licence + "\n").encode("utf-8"))
        document = json.dumps(descriptor(meeting, text), ensure_ascii=False, indent=2)
        (partial / DESCRIPTOR).write_text(document + "\n", encoding="utf-8")
    return Path(folder)


def descriptor(meeting: Meeting, source: str | None) -> dict[str, Any]:
    """The ``datapackage.json`` of ``meeting``'s tables (and of ``source``, if given)."""
    from usjapan2024._loading.converter import converter

    metadata = meeting.metadata
    resources = [_resource(table) for table in TABLES]
    if source is not None:
        resources.append(
            {
                "name": "source",
                "path": SOURCE_FILE,
                "profile": "data-resource",
                "title": metadata.source.title,
                "description": "The text every span indexes into (by character, not byte),"
                " included verbatim so that every quote can be checked at its offsets; it is"
                " not relicensed by this package. The licence note: " + metadata.licence,
                "format": "txt",
                "mediatype": "text/plain",
                "encoding": "utf-8",
                "hash": f"sha256:{hashlib.sha256(source.encode('utf-8')).hexdigest()}",
                "sources": [{"title": metadata.source.title, "path": metadata.source.url}],
                "licenses": [_NOT_RELICENSED],
            }
        )
    document = metadata.official_document
    return {
        "profile": "data-package",
        "name": package_name(metadata),
        "title": metadata.title,
        "description": metadata.description,
        "version": metadata.version,
        "licenses": licences(metadata.licence),
        "sources": [
            {"title": metadata.source.title, "path": metadata.source.url},
            {"title": f"{document.title} ({document.date.isoformat()})"},
        ],
        "keywords": keywords(meeting),
        "resources": resources,
        "usjapan2024": {
            "schema_version": meeting.schema_version,
            "citation": metadata.citation,
            "licence": metadata.licence,
            "source": source_note(source),
            "metadata": converter().unstructure(metadata),
        },
    }


def _resource(table: Table) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "fields": [_field(column) for column in table.columns],
        "primaryKey": list(table.key),
        "missingValues": [""],
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [name], "reference": {"resource": target, "fields": ["id"]}}
            for name, target in table.foreign_keys
        ]
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _field(column: Column) -> dict[str, Any]:
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.values is not None:
        constraints["enum"] = list(column.values)
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    field: dict[str, Any] = {"name": column.name, "type": column.datatype}
    if column.description:
        field["description"] = column.description
    if constraints:
        field["constraints"] = constraints
    return field
