"""How records look to a person: which columns a table shows, and plain-text tables.

The command line's tables and the notebook's HTML tables show the same columns,
each kind's from the table in ``_records``; values come from ``_flat.flatten``, so a
table cell always equals the CSV cell.  The notebook's views add each quote inside its
sentence (``_context``), since provenance is read best in context, and a link to the
record's entry in the documentation's catalogue (``_links``).
"""

from __future__ import annotations

import textwrap
from collections.abc import Collection, Sequence

from usjapan2024._model.kinds import KINDS
from usjapan2024._presenting.provenance import (
    KIND_WORDS,
    MARK,
    errata_of,
    errata_of_rows,
    home_of,
    value_text,
)
from usjapan2024._presenting.terminal import escape
from usjapan2024._tables.flat import Row, flatten
from usjapan2024.model import Erratum, Meeting, Record

__all__ = [
    "display_rows",
    "errata_footnote",
    "errata_html",
    "html_table",
    "record_html",
    "text_table",
]

RowErrata = Sequence["tuple[Erratum, ...] | None"]
"""Each row's errata, in the rows' order: ``None`` where they are unknown."""

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


def _marked(row: Row, errata: tuple[Erratum, ...] | None) -> Row:
    """The row with the errata mark after its id when it has errata."""
    if not errata or "id" not in row:
        return row
    return {**row, "id": f"{_cell(row['id'])} {MARK}"}


def text_table(
    records: Sequence[object],
    width: int = 80,
    *,
    errata: RowErrata | None = None,
    corrected_by: Collection[str] = (),
) -> str:
    """Render ``records`` as a plain-text table no wider than ``width`` characters.

    Every column but the last keeps its natural width up to a cap, cutting longer
    cells with an ellipsis; the last column takes the width that is left and wraps.
    Control characters in a cell are shown as escapes (``terminal.escape``).  With
    ``errata`` (each row's, see :func:`errata_footnote`), a row with errata has the mark
    ``†`` after its id, and the footnote under the table says what they are
    (``corrected_by``: the errata whose values the rows hold, in the corrected view).
    """
    if not records:
        return "(no records)"
    columns, rows = display_rows(records)
    if errata is not None:
        rows = [_marked(row, found) for row, found in zip(rows, errata, strict=True)]
    # Escaped before the layout is measured, so that an escape takes the width it shows.
    cells = [[escape(" ".join(_cell(row[c]).split())) for c in columns] for row in rows]
    gap = 2
    caps = {**_CAPS, "id": _CAPS["id"] + len(f" {MARK}")} if errata is not None else _CAPS
    widths = [
        min(caps.get(columns[i], 22), max(len(columns[i]), *(len(line[i]) for line in cells)))
        for i in range(len(columns) - 1)
    ]
    used = sum(widths) + gap * len(widths)
    natural = max(len(columns[-1]), *(len(line[-1]) for line in cells))
    if width - used < min(natural, _MIN_TEXT):
        return _stacked(columns, cells, widths, width, gap) + _footnote(
            records, errata, width, corrected_by
        )
    widths.append(min(natural, width - used))
    lines = [_line(columns, widths, gap), _line(["-" * w for w in widths], widths, gap)]
    for line in cells:
        wrapped = textwrap.wrap(line[-1], widths[-1]) or [""]
        lines.append(_line([*line[:-1], wrapped[0]], widths, gap))
        lines += [_line([""] * (len(widths) - 1) + [more], widths, gap) for more in wrapped[1:]]
    return "\n".join(lines) + _footnote(records, errata, width, corrected_by)


def _footnote(
    records: Sequence[object], errata: RowErrata | None, width: int, corrected_by: Collection[str]
) -> str:
    note = "" if errata is None else errata_footnote(records, errata, width, corrected_by)
    return f"\n\n{note}" if note else ""


def errata_footnote(
    records: Sequence[object],
    errata: RowErrata,
    width: int = 80,
    corrected_by: Collection[str] = (),
) -> str:
    """The footnote of a plain-text table: each erratum on its rows, escaped, wrapped.

    Empty when no row has errata and none has unknown errata.
    """
    lines: list[str] = []
    seen: set[str] = set()
    for record, found in zip(records, errata, strict=True):
        for e in found or ():
            if e.id in seen:
                continue
            seen.add(e.id)
            head = (
                f"{e.target} ({e.field}): {KIND_WORDS[e.kind]}; the public record: {e.record_says}"
            )
            value = value_text(e, record if isinstance(record, Record) else None)
            applied = " (this view holds it)" if e.id in corrected_by else ""
            text = escape(f"{head} Its value: {value}{applied}.")
            lines += textwrap.wrap(text, width, initial_indent="  ", subsequent_indent="    ")
    unknown = sum(found is None for found in errata)
    out: list[str] = []
    if lines:
        intro = f"{MARK} has errata: the text is wrong or vague there, and the public record says:"
        out += [*textwrap.wrap(intro, width), *lines]
    if unknown:
        out += textwrap.wrap(
            f"Errata unknown for {unknown} row{'s' if unknown != 1 else ''}: no meeting"
            " known to hold the record was given.",
            width,
        )
    return "\n".join(out)


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


def _quotes_html(record: object, meeting: Meeting | None) -> list[str]:
    """Each quote of ``record`` in its sentence, the quote marked; none if it has none.

    The sentence comes from the text of the meeting holding the record (else the
    bundled text), and only where that text holds the quote.
    """
    from usjapan2024._presenting.context import in_context

    if not isinstance(record, Meeting | Record):
        return []
    return [quote.html() for quote in in_context(record, meeting=_text_home(record, meeting))]


def _text_home(record: Record | Meeting, meeting: Meeting | None) -> Meeting | None:
    """The meeting whose text a record's quotes are read in: the one given, else none.

    With none, ``in_context`` tries the bundled text, checking each quote.
    """
    if isinstance(record, Meeting) and meeting is None:
        return record
    return meeting


def _id_cell(row: Row, found: tuple[Erratum, ...] | None) -> str:
    import html  # for notebooks only: the command line's tables are text

    text = html.escape(_cell(row["id"]))
    if found:
        ids = ", ".join(e.id for e in found)
        return f'{text} <sup title="errata: {html.escape(ids)}">{MARK}</sup>'
    return text


def errata_html(erratum: Erratum, record: Record | None, meeting: Meeting | None = None) -> str:
    """One erratum as an HTML list item.

    It gives the kind, the field, what the public record says, the value it gives the
    field (as the field's column shows it) and the references' publishers and dates.
    """
    import html

    esc = html.escape
    refs = "; ".join(
        ", ".join(esc(p) for p in (r.publisher or r.title, r.date and r.date.isoformat()) if p)
        for r in erratum.references
    )
    applied = (
        " (this view holds it)"
        if meeting is not None and erratum.id in meeting.corrected_by
        else ""
    )
    return (
        f"<li><code>{esc(erratum.id)}</code>: {esc(KIND_WORDS[erratum.kind])} of "
        f"<code>{esc(erratum.target)}</code> <b>{esc(erratum.field)}</b>; the text says "
        f"<q>{esc(erratum.text_says)}</q>. The public record: {esc(erratum.record_says)} "
        f"Its value: <b>{esc(value_text(erratum, record))}</b>{applied}."
        f"{f' References: {refs}.' if refs else ''}</li>"
    )


def html_table(
    records: Sequence[object], limit: int = 50, *, meeting: Meeting | None = None
) -> str:
    """Render ``records`` as an HTML table, for Jupyter; at most ``limit`` rows.

    The last column shows each record's quotes inside their sentences.  ``meeting`` is
    the meeting the records were selected from; a row with errata in it has the mark
    ``†`` after its id, and the errata are listed under the table.
    """
    import html

    columns, rows = display_rows(records)
    shown = records[:limit]
    errata = errata_of_rows(shown, meeting)
    head = "".join(f"<th>{html.escape(c)}</th>" for c in (*columns, _IN_CONTEXT))
    body = "".join(
        "<tr>"
        + "".join(
            f"<td>{_id_cell(row, found) if c == 'id' else html.escape(_cell(row[c]))}</td>"
            for c in columns
        )
        + f"<td>{'<br>'.join(_quotes_html(record, meeting))}</td></tr>"
        for record, row, found in zip(shown, rows[:limit], errata, strict=True)
    )
    more = f"<p>… and {len(rows) - limit} more</p>" if len(rows) > limit else ""
    count = f"<p>{len(rows)} record{'s' if len(rows) != 1 else ''}</p>"
    notes = _errata_notes(shown, errata, meeting)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}{count}{notes}"


def _errata_notes(records: Sequence[object], errata: RowErrata, meeting: Meeting | None) -> str:
    items: dict[str, str] = {}
    for record, found in zip(records, errata, strict=True):
        for e in found or ():
            home = home_of(record, meeting) if isinstance(record, Record) else None
            items.setdefault(
                e.id, errata_html(e, record if isinstance(record, Record) else None, home)
            )
    unknown = sum(found is None for found in errata)
    parts = []
    if items:
        parts.append(
            f"<p>{MARK} Errata: the text is wrong or vague there, and the public record says:</p>"
            f"<ul>{''.join(items.values())}</ul>"
        )
    if unknown:
        parts.append(
            f"<p>Errata unknown for {unknown} row{'s' if unknown != 1 else ''}: no meeting "
            "known to hold the record was given.</p>"
        )
    return "".join(parts)


def record_html(record: Record, meeting: Meeting | None = None) -> str:
    """Render one record as HTML, for Jupyter: its fields, its quotes in context, errata, a link.

    ``meeting`` is the meeting the record belongs to; with none, the bundled meeting if
    it holds this very record.  Each erratum on the record is shown (kind, field, what the
    public record says, its value, the references); with no meeting known to hold the
    record, the card says its errata are unknown.  The quotes' sentences come from that
    meeting's text, and only where it holds each quote.  The link goes to the record's
    entry in the documentation's record catalogue, for a record of the bundled release
    only (see ``usjapan2024._presenting.links``).
    """
    import html

    from usjapan2024._presenting.links import record_url

    home = home_of(record, meeting)
    errata = errata_of(record, meeting)
    if errata is None:
        notes = (
            "<p><em>Errata unknown: no meeting known to hold this record was given "
            "(pass the record's meeting).</em></p>"
        )
    elif errata:
        items = "".join(errata_html(e, record, home) for e in errata)
        notes = (
            f"<p>{MARK} Errata: the text is wrong or vague here, and the public record says:</p>"
            f"<ul>{items}</ul>"
        )
    else:
        notes = ""
    row = flatten(record)
    fields = "".join(
        f"<tr><th>{html.escape(key)}</th><td>{html.escape(_cell(value))}</td></tr>"
        for key, value in row.items()
        if key not in _HIDDEN and value not in (None, "")
    )
    quotes = "".join(f"<li>{line}</li>" for line in _quotes_html(record, meeting))
    url = record_url(record, meeting=meeting)
    link = f'<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>' if url is not None else ""
    mark = f" {MARK}" if errata else ""
    return (
        f"<div><p><strong>{type(record).__name__}</strong> <code>{html.escape(_cell(row['id']))}"
        f"</code>{mark}</p><table>{fields}</table><p>Quotes in context:</p><ul>{quotes}</ul>"
        f"{notes}{link}</div>"
    )
