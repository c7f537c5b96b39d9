"""The relational layout of a meeting: tables, columns and keys, for every export that has them.

The Data Package and the SQLite database hold the same tables; this module says what
they are and makes their rows (the tests turn rows back into a :class:`Meeting`, to show
that nothing is lost).  Nothing here is
listed by hand: the tables, their columns, the references, the vocabularies and the
descriptions all come from the model's fields (``_model.fields``).  So a new field or
kind of record appears in both exports, and in their tests, without an edit here.

The layout:

* ``records``: every id (a party's is its actor's value), its kind and its text; the
  meeting is the record ``"meeting"``.  Spans and errata refer to it.
* ``meeting`` and one table per group of records (``officials`` ... ``errata``, and
  ``retired``): their single-valued fields.
* One table per many-valued field, named ``<group>_<field>``: the owner's id, the
  position (from 0, as in the JSON array) and the value (or, for nested records such as
  an erratum's references, their fields).  A field that a case-insensitive filter reads
  (a commitment's subjects) also holds each value case-folded, so that SQL can match it
  exactly: SQLite's ``lower()`` and ``NOCASE`` fold ASCII letters only.
* ``spans``: every quote of every record (record id, position, then the span's fields:
  start, end, quote, role).

The dataset's metadata is one nested object, not a table: each export keeps it whole.
Strings that are empty and ``None`` are the same empty cell in CSV; the dataset has no
empty strings, so nothing is lost.
"""

from __future__ import annotations

import datetime
import enum
import functools
import json
import typing
from collections.abc import Iterable
from typing import Any

import attrs

from usjapan2024._model.fields import FieldInfo, field_info, fields_of, plain
from usjapan2024._model.filters import Filter
from usjapan2024._model.kinds import KINDS, RECORD_KINDS, declarations, record_id
from usjapan2024.model import Meeting, Span
from usjapan2024.vocabulary import OpenVocabulary, Vocabulary

__all__ = [
    "MEETING_ID",
    "TABLES",
    "Column",
    "Row",
    "Table",
    "filter_column",
    "rows_of",
]

MEETING_ID = "meeting"
"""The meeting's id in ``records`` and ``spans``: the meeting has no id of its own, and
no record can have this one (ids have a kind's prefix; a party's is an actor's value)."""

Value = str | int | datetime.date | None
Row = tuple[Value, ...]


@attrs.frozen
class Column:
    """One column of a table.

    Attributes:
        name: Its name.
        datatype: Its Table Schema type: ``"string"``, ``"integer"`` or ``"date"``.
        required: Whether every row has a value.
        values: The values it may hold (a vocabulary's), or ``None`` for any.
        references: The table whose ``id`` each value names, if any.
        vocabulary: The enum its values are read back as, if any.
        minimum: The least value of an integer column (positions and offsets), if any.
        description: What it holds, for the descriptor and the docs.
    """

    name: str
    datatype: str
    required: bool
    values: tuple[str, ...] | None = None
    references: str | None = None
    vocabulary: type[enum.Enum] | None = None
    minimum: int | None = None
    description: str = ""


@attrs.frozen
class Table:
    """One table.

    Attributes:
        name: Its name (also the CSV file's stem).
        columns: Its columns, in order.
        key: The columns of its primary key.
        description: What one row is.
        owner: For a table of a many-valued field: the table whose rows own these rows.
        field: For a table of a many-valued field: the field it holds.
    """

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    description: str
    owner: str | None = None
    field: str | None = None

    @property
    def foreign_keys(self) -> tuple[tuple[str, str], ...]:
        """``(column, table)`` for each column that names the ``id`` of a row of ``table``."""
        return tuple((c.name, c.references) for c in self.columns if c.references is not None)


# --- deriving the layout from the classes -------------------------------------------------

_GROUPS: dict[str, type] = {
    f.name: f.nested
    for f in fields_of(Meeting)
    if f.many and f.nested is not None and any(g.name == "id" for g in fields_of(f.nested))
}
"""The meeting's groups of records with ids: every kind, and the retired ids."""


def _singular(cls: type) -> str:
    """The name of the column that holds an owner's id: ``commitment_id``."""
    return f"{cls.__name__.lower()}_id"


def _column(field: FieldInfo, *, name: str = "", **extra: Any) -> Column:  # noqa: ANN401
    """The column of ``field`` (named ``name`` if given), typed by its hint."""
    kind = {int: "integer", datetime.date: "date"}.get(field.base, "string")
    return Column(
        name=name or field.name,
        datatype=kind,
        required=not field.optional,
        # An open vocabulary's values are the meeting's own: no fixed list constrains them.
        values=None
        if field.vocabulary is None or issubclass(field.vocabulary, OpenVocabulary)
        else tuple(m.value for m in field.vocabulary),
        references=field.refers_to,
        vocabulary=field.vocabulary,
        description=extra.pop("description", field.plain_description),
        **extra,
    )


_TYPED_BY_TARGET = (
    " In the tables it is text, written as the field it names is: a date as YYYY-MM-DD, a"
    " vocabulary's value or a name as it is, and a many-valued field's values as a JSON"
    ' array of them (["US", "JP"]); empty (NULL) where there is none.'
)
"""How a column of values typed by another field (an erratum's record_value) is written."""


def _scalar_columns(cls: type) -> tuple[Column, ...]:
    return tuple(
        _column(f, description=f.plain_description + _TYPED_BY_TARGET)
        if f.typed_by_target
        else _column(f)
        for f in fields_of(cls)
        if not f.many and f.nested is None
    )


@functools.cache
def _many_fields(cls: type) -> tuple[FieldInfo, ...]:
    """The many-valued fields of ``cls`` that get a table of their own (not ``sources``)."""
    return tuple(
        f
        for f in fields_of(cls)
        if f.many and f.name != "sources" and not (cls is Meeting and f.name in _GROUPS)
    )


def _child(group: str, owner: type, field: FieldInfo) -> Table:
    owner_column = Column(
        _singular(owner), "string", required=True, references=group,
        description=f"The id of the {owner.__name__.lower()} whose {field.name} this row holds.",
    )  # fmt: skip
    position = Column(
        "position", "integer", required=True, minimum=0,
        description=f"The value's place in the {owner.__name__.lower()}'s {field.name}, from 0.",
    )  # fmt: skip
    if field.nested is not None:
        values = _scalar_columns(field.nested)
        what = f"One of the {field.name} of {_a(owner)}: {field.plain_description}"
    else:
        values = (_column(field, name="value"),)
        if field.fold_case:
            values += (Column("folded", "string", required=True,
                              description="The value case-folded, for exact matching "
                              "that ignores case."),)  # fmt: skip
        what = f"One of the {field.name} of {_a(owner)}: {field.plain_description}"
    return Table(
        name=f"{group}_{field.name}",
        columns=(owner_column, position, *values),
        key=(owner_column.name, "position"),
        description=what,
        owner=group,
        field=field.name,
    )


def _a(cls: type) -> str:
    """The class's name as a noun with its article: ``an erratum``, ``a commitment``."""
    noun = cls.__name__.lower()
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _layout() -> tuple[Table, ...]:
    records = Table(
        "records",
        (
            Column("id", "string", required=True,
                   description="The record's id (a party's is its actor code)."),
            Column("kind", "string", required=True, values=RECORD_KINDS,
                   description="The group of records it belongs to, or meeting."),
            Column("text", "string", required=True,
                   description="Its name, summary or description, to show beside the id."),
        ),
        ("id",),
        "Every record and the meeting, by id: what spans and errata refer to.",
    )  # fmt: skip
    meeting = Table(
        "meeting",
        (
            Column("id", "string", required=True, values=(MEETING_ID,), references="records",
                   description=f"Always {MEETING_ID}: the meeting's id in records and spans."),
            *_scalar_columns(Meeting),
        ),
        ("id",),
        "The meeting itself, in one row.",
    )  # fmt: skip
    tables = [records, meeting]
    children = [_child("meeting", Meeting, f) for f in _many_fields(Meeting)]
    for group, cls in _GROUPS.items():
        columns = _scalar_columns(cls)
        if group != "retired":
            columns = tuple(
                attrs.evolve(c, references="records") if c.name == "id" and c.references is None
                else c
                for c in columns
            )  # fmt: skip
        description = plain(field_info(Meeting, group).description)
        tables.append(Table(group, columns, ("id",), f"{description} One row each."))
        children += [_child(group, cls, f) for f in _many_fields(cls)]
    spans = Table(
        "spans",
        (
            Column(
                "record_id",
                "string",
                required=True,
                references="records",
                description="the record that quotes it",
            ),
            Column(
                "position",
                "integer",
                required=True,
                minimum=0,
                description="its place among the record's sources, from 0",
            ),
            *(
                attrs.evolve(c, minimum=0) if c.datatype == "integer" else c
                for c in _scalar_columns(Span)
            ),
        ),
        ("record_id", "position"),
        "a quote of the source text that a record was coded from",
    )
    return (*tables, *children, spans, _labels_table((*tables, *children, spans)))


LABELS = "labels"
"""The table of every vocabulary's values with their labels for people."""


def _labels_table(tables: Iterable[Table]) -> Table:
    return Table(
        LABELS,
        (
            Column("vocabulary", "string", required=True,
                   values=tuple(v.__name__ for v in _vocabularies(tables)),
                   description="The vocabulary, named as its Python class (Topic, Actor...)."),
            Column("value", "string", required=True,
                   description="A value of it, as the other tables hold it."),
            Column("label", "string", required=True,
                   description="The value's name for people, for charts and pages."),
        ),
        ("vocabulary", "value"),
        "Every value of every vocabulary the tables use, with its label, in the vocabulary's "
        "order.",
    )  # fmt: skip


def _vocabularies(tables: Iterable[Table]) -> tuple[type[Vocabulary], ...]:
    found = {c.vocabulary: None for t in tables for c in t.columns if c.vocabulary is not None}
    return tuple(typing.cast("type[Vocabulary]", v) for v in found)


TABLES: tuple[Table, ...] = _layout()
"""Every table: ``records`` and the meeting, each group, the many-valued fields, ``spans``.

Some tables refer to tables after them (officials to parties), so a writer that checks
foreign keys checks them once every row is written."""

_BY_NAME = {t.name: t for t in TABLES}


def filter_column(f: Filter) -> tuple[Table, Column]:
    """The table and column that filter ``f`` compares with (``folded`` where it folds).

    For a many-valued field that is the field's own table, whose owner column names
    the record.
    """
    field = f.field
    table = _BY_NAME.get(f"{f.query}_{field}")
    if table is None:
        table = _BY_NAME[f.query]
        return table, next(c for c in table.columns if c.name == field)
    return table, next(c for c in table.columns if c.name == ("folded" if f.fold else "value"))


# --- rows ----------------------------------------------------------------------------------


def _cell(value: object) -> Value:
    if isinstance(value, enum.Enum):
        return typing.cast("str", value.value)
    if isinstance(value, tuple):  # a value typed by another field: an erratum's record_value
        return json.dumps([_cell(item) for item in value], ensure_ascii=False)
    return typing.cast("Value", value)


# An erratum's record_value of a many-valued field has no table of its own: its cell holds
# the values as a JSON array (exact, whatever the texts hold); a date, enum or text is the
# cell as for any field.  The field the erratum names says how to read it back.


def _id(record: Any) -> str:  # noqa: ANN401
    return record_id(record)


def rows_of(meeting: Meeting) -> dict[str, list[Row]]:
    """Every table's rows for ``meeting``: table name -> rows, each in its columns' order.

    Values are plain: strings (an enum as its value), integers, dates and ``None``.
    """
    rows: dict[str, list[Row]] = {t.name: [] for t in TABLES}
    rows[LABELS] = [
        (vocabulary.__name__, value.value, label)
        for vocabulary in _vocabularies(TABLES)
        for value, label in (
            declarations(meeting, vocabulary).items()
            if issubclass(vocabulary, OpenVocabulary)
            else ((member, member.label) for member in vocabulary)
        )
    ]
    kinds = {k.group: k for k in KINDS}
    rows["records"].append((MEETING_ID, "meeting", meeting.name))
    for kind in KINDS:
        rows["records"] += [
            (_id(r), kind.group, getattr(r, kind.text)) for r in getattr(meeting, kind.group)
        ]
    owners: list[tuple[str, str, Any]] = [("meeting", MEETING_ID, meeting)]
    owners += [(g, _id(r), r) for g in _GROUPS for r in getattr(meeting, g)]
    for group, owner_id, record in owners:
        table = _BY_NAME[group]
        columns = table.columns[1:] if group == "meeting" else table.columns
        head = (owner_id,) if group == "meeting" else ()
        rows[group].append((*head, *(_cell(getattr(record, c.name)) for c in columns)))
        cls: type = type(record)
        for field in _many_fields(cls):
            child = _BY_NAME[f"{group}_{field.name}"]
            for position, item in enumerate(getattr(record, field.name)):
                rows[child.name].append((owner_id, position, *_item_cells(child, item)))
        if group in kinds or group == "meeting":
            rows["spans"] += [
                (owner_id, i, *_item_cells(_BY_NAME["spans"], s))
                for i, s in enumerate(record.sources)
            ]
    return rows


def _item_cells(table: Table, item: object) -> Row:
    if attrs.has(type(item)):
        return tuple(_cell(getattr(item, c.name)) for c in table.columns[2:])
    value = _cell(item)
    if table.columns[-1].name == "folded":
        return (value, typing.cast("str", value).casefold())
    return (value,)
