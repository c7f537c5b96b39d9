"""How records look to a person: which columns a table shows, and plain-text tables.

The command line's tables and the notebook's HTML tables show the same columns,
each kind's from the table in ``_records``; values come from ``_flat.flatten``, so a
table cell always equals the CSV cell.  The notebook's views add each quote inside its
sentence (``_context``), since provenance is read best in context, and a link to the
record's entry in the documentation's catalogue (``_links``).
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Sequence

from usjapan2024._model.kinds import KINDS
from usjapan2024._presenting.terminal import escape
from usjapan2024._tables.flat import Row, flatten
from usjapan2024.model import Meeting, Record

__all__ = ["display_rows", "html_table", "record_html", "text_table"]

COLUMNS: dict[type, tuple[str, ...]] = {
    Meeting: ("name", "short_name", "date", "place", "commitments", "threats"),
    **{kind.cls: kind.columns for kind in KINDS},
}
_TEXT: dict[type, str] = {kind.cls: kind.text for kind in KINDS}
_MIXED = ("type", "id", "text")
_IN_CONTEXT = "in context"
_HIDDEN = {"id", "spans", "quotes"}  # in a record's own view: the heading and the quotes say these
_MIN_TEXT = 30  # below this the last column goes on its own lines
_CAPS = {"id": 32}  # ids are for copying into `show`: cut them only when very long


def display_rows(records: Sequence[object]) -> tuple[tuple[str, ...], list[Row]]:
    """Return the column names and rows to show for ``records``."""
    types = {type(record) for record in records}
    if len(types) == 1:
        (cls,) = types
        columns = COLUMNS[cls]
        return columns, [{c: flatten(r)[c] for c in columns} for r in records]
    rows: list[Row] = []
    for record in records:
        flat = flatten(record)
        text = flat.get(_TEXT[type(record)], "") if type(record) in _TEXT else ""
        rows.append({"type": type(record).__name__, "id": flat.get("id"), "text": text})
    return _MIXED, rows


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def text_table(records: Sequence[object], width: int = 80) -> str:
    """Render ``records`` as a plain-text table no wider than ``width`` characters.

    Every column but the last keeps its natural width up to a cap, cutting longer
    cells with an ellipsis; the last column takes the width that is left and wraps.
    Control characters in a cell are shown as escapes (``terminal.escape``).
    """
    if not records:
        return "(no records)"
    columns, rows = display_rows(records)
    # Escaped before the layout is measured, so that an escape takes the width it shows.
    cells = [[escape(" ".join(_cell(row[c]).split())) for c in columns] for row in rows]
    gap = 2
    widths = [
        min(_CAPS.get(columns[i], 22), max(len(columns[i]), *(len(line[i]) for line in cells)))
        for i in range(len(columns) - 1)
    ]
    used = sum(widths) + gap * len(widths)
    natural = max(len(columns[-1]), *(len(line[-1]) for line in cells))
    if width - used < min(natural, _MIN_TEXT):
        return _stacked(columns, cells, widths, width, gap)
    widths.append(min(natural, width - used))
    lines = [_line(columns, widths, gap), _line(["-" * w for w in widths], widths, gap)]
    for line in cells:
        wrapped = textwrap.wrap(line[-1], widths[-1]) or [""]
        lines.append(_line([*line[:-1], wrapped[0]], widths, gap))
        lines += [_line([""] * (len(widths) - 1) + [more], widths, gap) for more in wrapped[1:]]
    return "\n".join(lines)


def _stacked(
    columns: Sequence[str], cells: list[list[str]], widths: list[int], width: int, gap: int
) -> str:
    """The layout for narrow terminals: the last column goes on indented lines below."""
    head = columns[:-1]
    while sum(widths) + gap * (len(widths) - 1) > width and max(widths) > 4:
        widths[widths.index(max(widths))] -= 1  # narrow the widest column until all fit
    lines = [_line(head, widths, gap), _line(["-" * w for w in widths], widths, gap)]
    for line in cells:
        lines.append(_line(line[:-1], widths, gap))
        lines += textwrap.wrap(line[-1], width, initial_indent="    ", subsequent_indent="    ")
    return "\n".join(lines)


def _line(cells: Sequence[str], widths: Sequence[int], gap: int) -> str:
    fitted = [_fit(cell, w).ljust(w) for cell, w in zip(cells, widths, strict=True)]
    return (" " * gap).join(fitted).rstrip()


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _quotes_html(record: object) -> list[str]:
    """Each quote of ``record`` in its sentence, the quote marked; none if it has none."""
    from usjapan2024._presenting.context import in_context

    if not isinstance(record, Meeting | Record):
        return []
    return [quote.html() for quote in in_context(record)]


def html_table(records: Sequence[object], limit: int = 50) -> str:
    """Render ``records`` as an HTML table, for Jupyter; at most ``limit`` rows.

    The last column shows each record's quotes inside their sentences.
    """
    columns, rows = display_rows(records)
    head = "".join(f"<th>{html.escape(c)}</th>" for c in (*columns, _IN_CONTEXT))
    body = "".join(
        "<tr>"
        + "".join(f"<td>{html.escape(_cell(row[c]))}</td>" for c in columns)
        + f"<td>{'<br>'.join(_quotes_html(record))}</td></tr>"
        for record, row in zip(records[:limit], rows[:limit], strict=True)
    )
    more = f"<p>… and {len(rows) - limit} more</p>" if len(rows) > limit else ""
    count = f"<p>{len(rows)} record{'s' if len(rows) != 1 else ''}</p>"
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}{count}"


def record_html(record: Record) -> str:
    """Render one record as HTML, for Jupyter: its fields, its quotes in context, a link.

    The link goes to the record's entry in the documentation's record catalogue
    (see ``usjapan2024._presenting.links`` for how its address is chosen); none when there is no
    address.
    """
    from usjapan2024._presenting.links import record_url

    row = flatten(record)
    fields = "".join(
        f"<tr><th>{html.escape(key)}</th><td>{html.escape(_cell(value))}</td></tr>"
        for key, value in row.items()
        if key not in _HIDDEN and value not in (None, "")
    )
    quotes = "".join(f"<li>{line}</li>" for line in _quotes_html(record))
    url = record_url(record)
    link = f'<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>' if url is not None else ""
    return (
        f"<div><p><strong>{type(record).__name__}</strong> <code>{html.escape(_cell(row['id']))}"
        f"</code></p><table>{fields}</table><p>Quotes in context:</p><ul>{quotes}</ul>{link}</div>"
    )
