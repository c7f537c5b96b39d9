"""Datasette's metadata for the SQLite database: what makes its pages ready to serve.

Datasette shows a database as it finds it: no title, no licence, rows by ``rowid``, and
a search box only on a table it recognises as full-text indexed (ours is not: the index
is ``records_fts``, a table of its own).  Its metadata file says the rest, and this
module writes it from the :class:`~._tables.describe.Description` every export is made
from:

* the dataset's title, description (with its citation), licence, source, and the
  dataset card as its ``about`` page;
* each table's and view's description, and each column's (the ``columns`` table's);
* full-text search on ``records`` and on each kind's table: ``fts_table`` names the
  index and ``fts_pk`` the column its ``rowid`` matches (``source_order``), so
  ``records?_search=taiwan`` finds the records that hold the word;
* a default sort in source order (``sort``), facets for the vocabularies, and the
  column that names each record (``label_column``), which Datasette shows beside an id
  that refers to it;
* the full-text index itself hidden from the table list: its page shows internals.

``datasette usjapan2024.db --metadata metadata.json`` serves it; the command line's
``usjapan2024 datasette`` prints the file.
"""

from __future__ import annotations

import re
from typing import Any

from usjapan2024._tables.describe import Description
from usjapan2024._tables.layout import SOURCE_ORDER, Table
from usjapan2024._tables.sqlite import FTS_TABLE, OWN_TABLES, column_descriptions

__all__ = ["DATABASE", "metadata"]

_WEB_ADDRESS = re.compile(r"https?://[^\s\x00-\x1f\x7f]+\Z", re.IGNORECASE)
"""An address Datasette may make a link of: a web page's, with no space or control
character.  A dataset file's source address is its author's to choose; any other
(``javascript:``) is left out of the metadata, and the source is named without a link."""

DATABASE = "usjapan2024"
"""The database's name in Datasette by default: the stem of ``usjapan2024.db``."""


def metadata(description: Description, database: str = DATABASE) -> dict[str, Any]:
    """Datasette's metadata for the database ``database`` (its file's stem)."""
    meta = description.metadata
    found: dict[str, Any] = {
        "title": meta.title,
        "description": f"{meta.description}\n\nHow to cite it: {meta.citation}",
    }
    licence = description.licences[0] if description.licences else None
    if licence is not None and "name" in licence:
        found |= {"license": licence["name"], "license_url": licence["path"]}
    else:
        found["license"] = meta.licence
    found["source"] = meta.source.title
    if _WEB_ADDRESS.match(meta.source.url):  # a page links it: no javascript: from a file
        found["source_url"] = meta.source.url
    if description.homepage is not None:
        found |= {"about": "The dataset card", "about_url": description.homepage}
    return found | {"databases": {database: {"tables": _tables(description)}}}


def _tables(description: Description) -> dict[str, Any]:
    columns: dict[str, dict[str, str]] = {}
    for table, column, text in column_descriptions():
        columns.setdefault(table, {})[column] = text
    found = {table.name: _table(table, columns[table.name]) for table in description.tables}
    found |= {
        name: {"description": text, "columns": columns.get(name, {})}
        for name, text in OWN_TABLES.items()
    }
    found[FTS_TABLE]["hidden"] = True
    return found


def _table(table: Table, columns: dict[str, str]) -> dict[str, Any]:
    found: dict[str, Any] = {"description": table.description, "columns": columns}
    if table.source_ordered:
        found |= {"sort": SOURCE_ORDER, "fts_table": FTS_TABLE, "fts_pk": SOURCE_ORDER}
    facets = [c.name for c in table.columns if c.values is not None and c.name not in table.key]
    if facets:
        found["facets"] = facets
    if table.label is not None:
        found["label_column"] = table.label
    return found
