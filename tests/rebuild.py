"""Tables back into a meeting: how the tests show that an export loses nothing.

The inverse of ``usjapan2024._tables.layout.rows_of``, read only by the tests of the
exports, so it lives with them.
"""

from __future__ import annotations

import datetime
import json
import typing
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from usjapan2024._loading.converter import converter
from usjapan2024._model.fields import field_info, fields_of
from usjapan2024._model.kinds import record_id
from usjapan2024._tables.layout import (
    _BY_NAME,
    _GROUPS,
    TABLES,
    Column,
    Table,
    _many_fields,
)
from usjapan2024.model import Meeting, Metadata, Span

__all__ = ["meeting_from_rows"]


def _read(column: Column, value: object) -> Any:
    """A cell as the field's value: rows read back as text, or typed by their reader."""
    if value is None or (value == "" and not column.required):
        return None
    if column.vocabulary is not None:
        return column.vocabulary(value)
    if column.datatype == "integer":
        return int(typing.cast("Any", value))
    if column.datatype == "date" and isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return value


def meeting_from_rows(
    rows: Mapping[str, Iterable[Mapping[str, object]]], metadata: Metadata
) -> Meeting:
    """Rebuild the :class:`Meeting` whose tables hold ``rows`` (table -> rows as dicts).

    The inverse of :func:`rows_of`: how the tests show that an export loses nothing.
    Rows of the main tables are taken in the order given; rows of the other tables by
    their position.
    """
    children: dict[str, dict[str, list[tuple[int, Any]]]] = {}
    for table in TABLES:
        if table.owner is None and table.name != "spans":
            continue
        found: defaultdict[str, list[tuple[int, Any]]] = defaultdict(list)
        for row in rows[table.name]:
            owner, position, *rest = (row[c.name] for c in _read_columns(table))
            found[str(owner)].append((int(typing.cast("Any", position)), rest))
        children[table.name] = found
    groups = {g: tuple(_rebuild(g, cls, rows[g], children)) for g, cls in _GROUPS.items()}
    (meeting_row,) = rows["meeting"]
    (meeting,) = _rebuild("meeting", Meeting, [meeting_row], children)
    rebuilt: Meeting = attrs.evolve(meeting, metadata=metadata, **groups)
    return _typed_record_values(rebuilt)


def _typed_record_values(meeting: Meeting) -> Meeting:
    """An erratum's record_value read back as a cell's text, typed as the field it names."""
    by_id = {record_id(r): r for r in meeting.records()}
    errata = []
    for erratum in meeting.errata:
        value = erratum.record_value
        if isinstance(value, str):
            field = field_info(type(by_id[erratum.target]), erratum.field)
            document = json.loads(value) if field.many else value
            value = converter().structure(document, field.hint)
        errata.append(attrs.evolve(erratum, record_value=value))
    return attrs.evolve(meeting, errata=tuple(errata))


def _read_columns(table: Table) -> tuple[Column, ...]:
    """The columns that hold fields: not those an export derives (source order, ranks)."""
    return tuple(c for c in table.columns if not c.derived)


def _rebuild(
    group: str,
    cls: type,
    rows: Iterable[Mapping[str, object]],
    children: Mapping[str, Mapping[str, Sequence[tuple[int, Any]]]],
) -> Iterator[Any]:
    table = _BY_NAME[group]
    has_sources = any(f.name == "sources" for f in fields_of(cls))
    many = {f.name: f.nested or f.base for f in _many_fields(cls)}
    for row in rows:
        values = {c.name: _read(c, row[c.name]) for c in _read_columns(table)}
        owner_id = str(row["id"])
        if cls is Meeting:
            del values["id"]
            values.update(dict.fromkeys(_GROUPS, ()), metadata=None)
        for name, item in many.items():
            child = _BY_NAME[f"{group}_{name}"]
            values[name] = tuple(
                _item(child, item, rest) for _, rest in sorted(children[child.name][owner_id])
            )
        if has_sources:
            spans = sorted(children["spans"][owner_id])
            span_columns = _read_columns(_BY_NAME["spans"])[2:]
            values["sources"] = tuple(
                Span(*(_read(c, v) for c, v in zip(span_columns, rest, strict=True)))
                for _, rest in spans
            )
        yield cls(**values)


def _item(table: Table, item: Any, cells: Sequence[object]) -> Any:
    columns = _read_columns(table)[2:]
    if attrs.has(item):
        return item(*(_read(c, v) for c, v in zip(columns, cells, strict=True)))
    return _read(columns[0], cells[0])
