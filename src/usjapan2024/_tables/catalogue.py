"""What dataset catalogues read: Croissant and schema.org JSON-LD, from one description.

Dataset search engines read schema.org's ``Dataset``; machine-learning tools and the
Hugging Face viewer read Croissant (MLCommons), a superset of it that also says which
files hold which records, with each column's type and meaning.  Both are made here from
the :class:`~._tables.describe.Description` the Data Package is made from: the meeting's
metadata, the release's citation facts, the statement's pages, and the tables' layout
with the model's descriptions.  So the dataset card's ``<script
type="application/ld+json">``, the package's ``croissant.json`` and its
``datapackage.json`` cannot disagree.

Croissant 1.0 is written (``conformsTo``): the version every Croissant reader reads.
Each table is a record set whose fields name their CSV column; primary keys are the
record sets' keys and foreign keys the fields' ``references``; each vocabulary is an
enumeration record set of its values and labels, in its order, which the columns that
hold its values refer to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from usjapan2024._tables.describe import CITATION_FILE, Description
from usjapan2024._tables.layout import LABELS, Column, Table, scale_words

__all__ = ["CONFORMS_TO", "CONTEXT", "CROISSANT", "croissant", "schema_org"]

CROISSANT = "croissant.json"
"""The Croissant file's name in a Data Package folder."""

CONFORMS_TO = "http://mlcommons.org/croissant/1.0"

CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
"""The JSON-LD context of Croissant 1.0, as its specification gives it."""

_TYPES = {"string": "sc:Text", "integer": "sc:Integer", "date": "sc:Date"}
"""Each Table Schema type's Croissant data type."""


def _dataset(description: Description) -> dict[str, Any]:
    """The schema.org properties of the dataset that Croissant and the card share."""
    metadata = description.metadata
    node: dict[str, Any] = {
        "name": metadata.title,
        "alternateName": description.name,
        "description": metadata.description,
        "version": metadata.version,
        "license": [lic.get("path") if "name" in lic else metadata.licence
                    for lic in description.licences],
        "keywords": list(description.keywords),
        "inLanguage": "en",
        "isAccessibleForFree": True,
        "temporalCoverage": description.date.isoformat(),
        "spatialCoverage": {"@type": "Place", "name": description.place},
        "isBasedOn": [
            {"@type": "CreativeWork", "name": title, **({"url": url} if url else {})}
            for title, url in description.sources
        ],
    }  # fmt: skip
    release = description.release
    if release is not None:
        node["url"] = release.homepage
        node["sameAs"] = release.repository
        node["datePublished"] = release.released.isoformat()
        node["creator"] = [
            {"@type": "Person" if person else "Organization", "name": name}
            for name, person in zip(release.authors, release.persons, strict=True)
        ]
    return node


def schema_org(description: Description) -> dict[str, Any]:
    """The schema.org ``Dataset`` of the data, as the dataset card embeds it.

    Beside the shared properties: the citation as ``creditText`` and, as
    ``variableMeasured``, each column of each table of records with its description.
    """
    measured = [
        {"@type": "PropertyValue", "name": f"{table.name}.{column.name}",
         "description": column.description}
        for table in description.tables
        if table.source_ordered and table.name != "records"
        for column in table.columns
        if not column.derived
    ]  # fmt: skip
    return {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        **_dataset(description),
        "creditText": description.metadata.citation,
        "variableMeasured": measured,
    }


def croissant(description: Description, files: Mapping[str, str]) -> dict[str, Any]:
    """The Croissant 1.0 description of a Data Package folder.

    Args:
        description: What the folder holds.
        files: Each file of the folder to list (its path in the folder), with the hex
            sha256 of its bytes: every table's CSV file, the source text if included,
            ``CITATION.cff`` if written.
    """
    distribution = [
        {
            "@type": "cr:FileObject",
            "@id": path,
            "name": path,
            "description": _file_description(description, path),
            "contentUrl": path,
            "encodingFormat": _FORMATS.get(path.rsplit(".", 1)[-1], "text/plain"),
            "sha256": digest,
        }
        for path, digest in files.items()
    ]
    tables = [t for t in description.tables if f"{t.name}.csv" in files]
    # A closed vocabulary is an enumeration of its members; an open one's values are the
    # meeting's own, declared in its record set (parties, locations, departments).
    vocabularies = {
        c.vocabulary.__name__: c
        for t in tables
        for c in t.columns
        if c.vocabulary is not None and c.values is not None
    }
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        **_dataset(description),
        "conformsTo": CONFORMS_TO,
        "citeAs": description.metadata.citation,
        "distribution": distribution,
        "recordSet": [
            *(_record_set(table) for table in tables),
            *(_enumeration(name, column) for name, column in vocabularies.items()),
        ],
    }


_FORMATS = {"csv": "text/csv", "txt": "text/plain", "cff": "application/yaml"}


def _file_description(description: Description, path: str) -> str:
    table = next((t for t in description.tables if f"{t.name}.csv" == path), None)
    if table is not None:
        return f"The table {table.name}: {table.description}"
    if path == CITATION_FILE:
        return "How to cite this release (Citation File Format 1.2.0)."
    return (
        "The source text every span indexes into, by character (not byte), included"
        " verbatim for verification; not relicensed."
    )


def _record_set(table: Table) -> dict[str, Any]:
    keys = [{"@id": f"{table.name}/{name}"} for name in table.key]
    return {
        "@type": "cr:RecordSet",
        "@id": table.name,
        "name": table.name,
        "description": table.description,
        "key": keys[0] if len(keys) == 1 else keys,
        "field": [_field(table, column) for column in table.columns],
    }


def _field(table: Table, column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": f"{table.name}/{column.name}",
        "name": column.name,
        "description": column.description,
        "dataType": _TYPES[column.datatype],
        "source": {"fileObject": {"@id": f"{table.name}.csv"}, "extract": {"column": column.name}},
    }
    if column.references is not None:
        field["references"] = {"field": {"@id": f"{column.references}/id"}}
    elif column.vocabulary is not None and column.values is not None and table.name != LABELS:
        field["references"] = {"field": {"@id": f"{column.vocabulary.__name__}/value"}}
    return field


def _enumeration(name: str, column: Column) -> dict[str, Any]:
    """A vocabulary as a record set of its own: each value with its label, in order."""
    ids = {part: f"{name}/{part}" for part in ("value", "label")}
    return {
        "@type": "cr:RecordSet",
        "@id": name,
        "name": name,
        "description": f"The vocabulary {name}: each value with its label, in the"
        " vocabulary's order"
        + (f" ({scale_words(column.vocabulary)})." if column.ordered and column.vocabulary
           else "."),
        "dataType": "sc:Enumeration",
        "key": {"@id": ids["value"]},
        "field": [
            {"@type": "cr:Field", "@id": ids["value"], "name": "value", "dataType": "sc:Text",
             "description": "A value, as the tables hold it."},
            {"@type": "cr:Field", "@id": ids["label"], "name": "label", "dataType": "sc:Text",
             "description": "The value's name for people."},
        ],
        "data": [{ids["value"]: value, ids["label"]: label} for value, label in column.labels],
    }  # fmt: skip
