"""The Frictionless Data Package: one CSV file per table, described by ``datapackage.json``.

The descriptor (Data Package v2) carries what a reader needs without this package: each
table's and column's description, each column's Table Schema type and vocabulary (as an
``enum`` constraint, which every validator checks, and as v2 ``categories`` with each
value's label, ``categoriesOrdered`` for an ordered one), the primary and foreign keys,
the licences, the sources (the text and the official statement's pages), the
contributors, the versions and the citation; and, whole, the dataset's metadata, under
``usjapan2024``.  The tables are ``_tables``' layout, so the package and the SQLite
database hold the same rows.

Data Package v2 has no property for a citation.  The citation is given three ways: as
the descriptor's ``bibliographicCitation`` (the Dublin Core term that the Camera Trap
Data Package extension uses for it), as the last paragraph of its ``description`` (a
property every reader shows), and, for the bundled release, as ``CITATION.cff``, the
repository's citation file, a resource of the package.  ``usjapan2024.citation`` keeps
it where 1.1.0 put it, for readers of that release's packages.  Beside the descriptor,
``croissant.json`` describes the same folder for Croissant readers (``_tables.catalogue``).

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
import datetime
import hashlib
import io
import json
import os
from pathlib import Path
from typing import Any

from usjapan2024._io.bundled import read_resource
from usjapan2024._io.safe import new_folder
from usjapan2024._io.text import Source
from usjapan2024._tables.catalogue import CROISSANT, croissant
from usjapan2024._tables.describe import (
    CITATION_FILE,
    LICENCE_FILE,
    Description,
    created_now,
    describe,
    exported_text,
    source_note,
)
from usjapan2024._tables.layout import TABLES, Column, Row, Table, rows_of
from usjapan2024.model import Meeting

__all__ = ["DESCRIPTOR", "PROFILE", "SOURCE_FILE", "descriptor", "write"]

DESCRIPTOR = "datapackage.json"
SOURCE_FILE = "source.txt"
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
"""The Data Package version the descriptor follows: v2, for categories and their labels."""

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
    description = describe(meeting)
    files = {f"{table.name}.csv": _csv(table, rows[table.name]) for table in TABLES}
    if text is not None:
        files[SOURCE_FILE] = text.encode("utf-8")
    if description.release is not None:  # the bundled release: its own citation file
        files[CITATION_FILE] = read_resource(CITATION_FILE)
    digests = {path: hashlib.sha256(data).hexdigest() for path, data in files.items()}
    with new_folder(folder, overwrite=overwrite, marker=DESCRIPTOR) as partial:
        for path, data in files.items():
            (partial / path).write_bytes(data)
        (partial / LICENCE_FILE).write_bytes((meeting.metadata.licence + "\n").encode("utf-8"))
        _write_json(partial / CROISSANT, croissant(description, digests))
        _write_json(partial / DESCRIPTOR, descriptor(meeting, text, description=description))
    return Path(folder)


def _csv(table: Table, rows: list[Row]) -> bytes:
    """A table as the bytes of its CSV file: UTF-8, a header of the column names."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(c.name for c in table.columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _write_json(path: Path, document: dict[str, Any]) -> None:
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def descriptor(
    meeting: Meeting,
    source: str | None,
    *,
    description: Description | None = None,
    created: datetime.datetime | None = None,
) -> dict[str, Any]:
    """The ``datapackage.json`` of ``meeting``'s tables (and of ``source``, if given).

    ``created`` is when the package is made (by default now, or ``SOURCE_DATE_EPOCH``:
    :func:`~._tables.describe.created_now`).
    """
    from usjapan2024._loading.converter import converter

    metadata = meeting.metadata
    described = description if description is not None else describe(meeting)
    made = created if created is not None else created_now()
    resources = [_resource(table) for table in TABLES]
    if source is not None:
        resources.append(
            {
                "name": "source",
                "path": SOURCE_FILE,
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
    release = described.release
    if release is not None:
        resources.append(
            {
                "name": "citation",
                "path": CITATION_FILE,
                "title": "How to cite this release",
                "description": "The repository's citation file (Citation File Format 1.2.0):"
                " the release's title, version, authors, licence and date.",
                "format": "cff",
                "mediatype": "application/yaml",
                "encoding": "utf-8",
                "hash": f"sha256:{hashlib.sha256(read_resource(CITATION_FILE)).hexdigest()}",
            }
        )
    found: dict[str, Any] = {
        "$schema": PROFILE,
        "name": described.name,
        "title": metadata.title,
        "description": f"{metadata.description}\n\nHow to cite it: {metadata.citation}",
        "version": metadata.version,
        "created": made.isoformat().replace("+00:00", "Z"),
    }
    if release is not None:
        found["homepage"] = release.homepage
    found |= {
        "licenses": list(described.licences),
        "sources": [
            {"title": title, **({"path": path} if path else {})}
            for title, path in described.sources
        ],
        "keywords": list(described.keywords),
    }
    if release is not None:
        found["contributors"] = [{"title": name, "roles": ["creator"]} for name in release.authors]
    return found | {
        "bibliographicCitation": metadata.citation,
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
        "type": "table",
        "path": f"{table.name}.csv",
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
    if column.unique:
        constraints["unique"] = True
    field: dict[str, Any] = {"name": column.name, "type": column.datatype}
    if column.description:
        field["description"] = column.description
    if column.labels:  # Table Schema v2: the values with their labels, in order
        field["categories"] = [{"value": value, "label": label} for value, label in column.labels]
        if column.ordered:
            field["categoriesOrdered"] = True
    if constraints:
        field["constraints"] = constraints
    return field
