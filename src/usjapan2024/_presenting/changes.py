"""What a diff of two datasets shows as in a notebook: its changes, group by group, as tables.

Drawn here, not on :class:`~usjapan2024.DatasetDiff`, for the reason a record's card is:
the presentation layer reads the querying layer, so the diff asks for its display by
module path (``model._Shown``, through ``notebook.html``) and never imports this module.
Values are written as :func:`~usjapan2024._querying.diff.render` writes them for a
terminal (one line, escapes for control characters), then escaped as HTML.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from usjapan2024._querying.diff import CHANGES, DatasetDiff, change_rows, counts_line

__all__ = ["LIMIT", "diff_html"]

LIMIT = 100
"""The most rows a group shows; :meth:`DatasetDiff.to_frame` has every one."""

_COLUMNS = {
    "meeting": ("field", "old", "new"),
    "added": ("kind", "id", "text"),
    "removed": ("kind", "id", "text"),
    "retired": ("kind", "id", "replaced by", "text"),
    "changed": ("kind", "id", "field", "old", "new"),
}
"""Each group's columns: the rows of :meth:`DatasetDiff.to_frame` that matter to it."""

_CELLS = {
    "meeting": ("field", "old", "new"),
    "added": ("kind", "id", "new"),
    "removed": ("kind", "id", "old"),
    "retired": ("kind", "id", "new", "old"),
    "changed": ("kind", "id", "field", "old", "new"),
}
"""Where each column's cells come from, among the fields of a row of ``_rows``."""


def diff_html(changes: DatasetDiff, limit: int = LIMIT) -> str:
    """The HTML a notebook shows for ``changes``: the counts, then a table per group.

    Each group is a ``<details>`` element, open, headed by its count; it shows at most
    ``limit`` rows and says how many more there are.
    """
    if changes.is_empty():
        return "<p>no differences</p>"
    fields = ("change", "kind", "id", "field", "old", "new")
    rows = [dict(zip(fields, row, strict=True)) for row in change_rows(changes)]
    parts = [f"<p><strong>{html.escape(counts_line(changes))}</strong></p>"]
    for change in CHANGES:
        found = [row for row in rows if row["change"] == change]
        if found:
            cells = [[row[name] for name in _CELLS[change]] for row in found]
            parts.append(_group(_title(change, found), _COLUMNS[change], cells, limit))
    return f'<div class="uj-diff">{"".join(parts)}</div>'


def _title(change: str, rows: Sequence[dict[str, str | None]]) -> str:
    """A group's heading: what changed, and how many records (and fields)."""
    if change == "meeting":
        return f"the meeting: {_count(len(rows), 'field')} changed"
    if change == "changed":
        records = len({(row["kind"], row["id"]) for row in rows})
        return f"changed: {_count(records, 'record')}, {_count(len(rows), 'field')}"
    return f"{change}: {_count(len(rows), 'record')}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def _group(
    title: str, columns: Sequence[str], rows: Sequence[Sequence[str | None]], limit: int
) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = "".join(f"<tr>{_cells(row)}</tr>" for row in rows[:limit])
    more = f"<p>… and {len(rows) - limit} more</p>" if len(rows) > limit else ""
    return (
        f"<details open><summary>{html.escape(title)}</summary>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}</details>"
    )


def _cells(row: Iterable[str | None]) -> str:
    return "".join(f"<td>{html.escape(cell or '')}</td>" for cell in row)
