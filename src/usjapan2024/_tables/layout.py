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
* ``source_order`` in ``records`` and in each kind's table: the record's place in the
  dataset file (the meeting 0, then each group in the file's order), so that a tool
  sorts in source order by a column rather than by SQLite's ``rowid``, and the
  full-text index can name rows by it.
* Beside a column of an ordered vocabulary (``threats.response``), ``<column>_rank``:
  the value's place in the vocabulary's order (:data:`~usjapan2024.vocabulary.ORDERED`), so that
  ``ORDER BY response_rank`` sorts from the mildest response to the strongest where
  ``ORDER BY response`` sorts alphabetically.
* One table per many-valued field, named ``<group>_<field>``: the owner's id, the
  position (from 0, as in the JSON array) and the value (or, for nested records such as
  an erratum's references, their fields).  A field that a case-insensitive filter reads
  (a commitment's subjects) also holds each value case-folded, so that SQL can match it
  exactly: SQLite's ``lower()`` and ``NOCASE`` fold ASCII letters only.
* ``spans``: every quote of every record (record id, position, then the span's fields:
  start, end, quote, role).

* ``labels``: every vocabulary's values with their labels and their place in the
  vocabulary's order.

Columns an export adds (a source order, a rank) are marked ``derived``: no field holds
them, and reading the tables back skips them.  Every table and column has a description
in words about the data, made from the model's field descriptions (``about(...)``), for
the Data Package, the SQLite ``columns`` table, Croissant and Datasette alike.

The dataset's metadata is one nested object, not a table: each export keeps it whole.
Strings that are empty and ``None`` are the same empty cell in CSV; the dataset has no
empty strings, so nothing is lost.
"""

from __future__ import annotations

import datetime
import enum
import functools
import json
import re
import typing
from collections.abc import Iterable
from typing import Any

import attrs

from usjapan2024._model.fields import FieldInfo, field_info, fields_of, plain
from usjapan2024._model.filters import Filter
from usjapan2024._model.kinds import KINDS, RECORD_KINDS, declarations, record_id
from usjapan2024.model import Meeting, Retired, Span
from usjapan2024.vocabulary import ORDERED, OpenVocabulary, Vocabulary

__all__ = [
    "LABELS",
    "MEETING_ID",
    "SOURCE_ORDER",
    "TABLES",
    "Column",
    "Row",
    "Table",
    "filter_column",
    "rows_of",
    "scale_words",
    "words",
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
        description: What it holds, in words about the data, for every export.
        derived: Whether the export computes it (a source order, a rank) rather than
            a field of the model holding it: reading the tables back skips it.
        unique: Whether no two rows hold the same value.
        ranks: For a rank column: the column whose vocabulary value it ranks.
    """

    name: str
    datatype: str
    required: bool
    values: tuple[str, ...] | None = None
    references: str | None = None
    vocabulary: type[enum.Enum] | None = None
    minimum: int | None = None
    description: str = ""
    derived: bool = False
    unique: bool = False
    ranks: str | None = None

    @property
    def ordered(self) -> bool:
        """Whether its values are a scale, in the vocabulary's order (``response``)."""
        return self.vocabulary in ORDERED

    @property
    def labels(self) -> tuple[tuple[str, str], ...]:
        """``(value, label)`` for each value of its vocabulary, in order; empty for none."""
        if self.vocabulary is None or self.values is None:  # none, or open: the meeting's
            return ()
        return tuple(
            (typing.cast("str", m.value), str(getattr(m, "label", m.value)))
            for m in self.vocabulary
        )


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
        label: The column that names a row for people (a record's name or summary), for
            a tool to show beside an id that refers to the row; ``None`` if none does.
    """

    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    description: str
    owner: str | None = None
    field: str | None = None
    label: str | None = None

    @property
    def source_ordered(self) -> bool:
        """Whether it has a ``source_order`` column: a table of records."""
        return any(c.name == SOURCE_ORDER for c in self.columns)

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


SOURCE_ORDER = "source_order"
"""The column of a record's place in the dataset file, in ``records`` and each kind's table."""


def _singular(cls: type) -> str:
    """The name of the column that holds an owner's id: ``commitment_id``."""
    return f"{cls.__name__.lower()}_id"


_NOUNS: dict[type, str] = {Retired: "retired id"}
"""What one row of a class is called where its class's name is not a noun for it."""


def _noun(cls: type) -> str:
    """What one record of ``cls`` is called in a sentence: ``commitment``, ``retired id``."""
    return _NOUNS.get(cls, cls.__name__.lower())


_NONE = re.compile(r"``None``")
_SENTENCE_START = re.compile(r"(^|[.!?]\s+)empty\b")


def words(field: FieldInfo) -> str:
    """A field's description in words about the tables, for readers outside Python.

    The description without its markup (:func:`plain`), its ``None`` said as what a
    table holds there: an empty cell (NULL in SQL).

    >>> from usjapan2024.model import Threat
    >>> words(field_info(Threat, "actor"))[:40]
    'Whose behaviour it is; empty where the t'
    """
    text = _NONE.sub("empty", field.description)
    text = _SENTENCE_START.sub(lambda m: m.group(1) + "Empty", text)
    return re.sub(r"\s{2,}", " ", plain(text))


def _vocabulary_note(field: FieldInfo) -> str:
    if field.vocabulary is None:
        return ""
    return (
        f" A value of the vocabulary {field.vocabulary.__name__}; {LABELS} gives each"
        " value's label."
    )


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
        description=extra.pop("description", words(field) + _vocabulary_note(field)),
        **extra,
    )


def scale_words(vocabulary: type[enum.Enum]) -> str:
    """What an ordered vocabulary's order is, in words: its docstring's first line.

    >>> from usjapan2024.vocabulary import Response
    >>> scale_words(Response)
    'how strongly the ministers reacted, weakest first'
    """
    first = (vocabulary.__doc__ or vocabulary.__name__).strip().splitlines()[0].rstrip(".")
    return _lower_first(first)


def _with_ranks(columns: Iterable[Column]) -> tuple[Column, ...]:
    """``columns``, each of an ordered vocabulary followed by its rank column."""
    found: list[Column] = []
    for column in columns:
        found.append(column)
        if column.ordered and column.vocabulary is not None:
            members = list(column.vocabulary)
            scale = scale_words(column.vocabulary)
            found.append(
                Column(
                    f"{column.name}_rank",
                    "integer",
                    required=column.required,
                    minimum=0,
                    derived=True,
                    ranks=column.name,
                    description=(
                        f"The place of {column.name} in the order of its vocabulary"
                        f" ({scale}): 0 for {members[0].value} up to"
                        f" {len(members) - 1} for {members[-1].value}. Sort by it to sort by"
                        f" that order; {column.name} itself sorts alphabetically."
                    ),
                )
            )
    return tuple(found)


_TYPED_BY_TARGET = (
    " In the tables it is text, written as the field it names is: a date as YYYY-MM-DD, a"
    " vocabulary's value or a name as it is, and a many-valued field's values as a JSON"
    ' array of them (["US", "JP"]); empty (NULL) where there is none.'
)
"""How a column of values typed by another field (an erratum's record_value) is written."""


def _scalar_columns(cls: type) -> tuple[Column, ...]:
    return _with_ranks(
        _column(f, description=words(f) + _TYPED_BY_TARGET) if f.typed_by_target else _column(f)
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
    noun = _noun(owner)
    owner_column = Column(
        _singular(owner), "string", required=True, references=group,
        description=f"The id of the {noun} the value belongs to (a row of {group}).",
    )  # fmt: skip
    position = Column(
        "position", "integer", required=True, minimum=0,
        description=f"The value's place in the {noun}'s {field.name}, from 0, as in the"
        " dataset file.",
    )  # fmt: skip
    if field.nested is not None:
        values = _scalar_columns(field.nested)
    else:
        values = _with_ranks((_column(field, name="value"),))
        if field.fold_case:
            values += (Column("folded", "string", required=True,
                              description="The value case-folded, for exact matching "
                              "that ignores case."),)  # fmt: skip
    return Table(
        name=f"{group}_{field.name}",
        columns=(owner_column, position, *values),
        key=(owner_column.name, "position"),
        description=f"The {field.name} of each {noun}, one value a row, in their order:"
        f" {_lower_first(words(field))}",
        owner=group,
        field=field.name,
    )


def _lower_first(text: str) -> str:
    """``text`` to follow a colon: its first letter lower-cased.

    Not where it starts a name or an acronym: ``US, JP or both`` keeps its capitals.
    """
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _source_order(description: str) -> Column:
    return Column(
        SOURCE_ORDER, "integer", required=True, minimum=0, derived=True, unique=True,
        description=description,
    )  # fmt: skip


def _layout() -> tuple[Table, ...]:
    groups = ", ".join(kind.group for kind in KINDS)
    records = Table(
        "records",
        (
            Column("id", "string", required=True,
                   description="The record's id (a party's is its actor code)."),
            Column("kind", "string", required=True, values=RECORD_KINDS,
                   description="The group of records it belongs to, or meeting."),
            Column("text", "string", required=True,
                   description="Its name, summary or description, to show beside the id."),
            _source_order(
                "The record's place in the dataset file, from 0: the meeting, then the"
                f" records of each group in the file's order ({groups}). Sort by it for"
                " source order; the full-text index names records by it."
            ),
        ),
        ("id",),
        "Every record and the meeting, by id, in source order: what spans and errata refer"
        " to, and what the full-text index finds.",
        label="text",
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
    texts = {kind.group: kind.text for kind in KINDS}
    for group, cls in _GROUPS.items():
        columns = _scalar_columns(cls)
        if group in texts:  # a kind of record: listed in records, in source order
            columns = tuple(
                attrs.evolve(c, references="records") if c.name == "id" and c.references is None
                else c
                for c in columns
            )  # fmt: skip
            columns += (
                _source_order(
                    f"The {_noun(cls)}'s place in the dataset file, as in"
                    f" records.{SOURCE_ORDER}: sort by it for source order."
                ),
            )
        description = words(field_info(Meeting, group))
        tables.append(
            Table(group, columns, ("id",), f"{description} One row each.", label=texts.get(group))
        )
        children += [_child(group, cls, f) for f in _many_fields(cls)]
    spans = Table(
        "spans",
        (
            Column(
                "record_id",
                "string",
                required=True,
                references="records",
                description="The record that quotes the span (meeting for the meeting).",
            ),
            Column(
                "position",
                "integer",
                required=True,
                minimum=0,
                description="The span's place among the record's sources, from 0.",
            ),
            *(
                attrs.evolve(c, minimum=0) if c.datatype == "integer" else c
                for c in _scalar_columns(Span)
            ),
        ),
        ("record_id", "position"),
        "Every quote of the source text that a record or the meeting was coded from, one"
        " row each: its offsets, its words and its role.",
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
            Column("position", "integer", required=True, minimum=0, derived=True,
                   description="The value's place in its vocabulary's order, from 0 (for"
                   " Response, from the mildest response to the strongest)."),
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
        (vocabulary.__name__, value.value, label, position)
        for vocabulary in _vocabularies(TABLES)
        for position, (value, label) in enumerate(
            declarations(meeting, vocabulary).items()
            if issubclass(vocabulary, OpenVocabulary)
            else ((member, member.label) for member in vocabulary)
        )
    ]
    kinds = {k.group: k for k in KINDS}
    listed: list[tuple[str, str, str]] = [(MEETING_ID, "meeting", meeting.name)]
    for kind in KINDS:
        listed += [
            (_id(r), kind.group, getattr(r, kind.text)) for r in getattr(meeting, kind.group)
        ]
    order = {record: position for position, (record, _, _) in enumerate(listed)}
    rows["records"] = [(*row, order[row[0]]) for row in listed]
    owners: list[tuple[str, str, Any]] = [("meeting", MEETING_ID, meeting)]
    owners += [(g, _id(r), r) for g in _GROUPS for r in getattr(meeting, g)]
    for group, owner_id, record in owners:
        table = _BY_NAME[group]
        columns = table.columns[1:] if group == "meeting" else table.columns
        head = (owner_id,) if group == "meeting" else ()
        rows[group].append((*head, *_cells(columns, record, order.get(owner_id))))
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


def _cells(columns: Iterable[Column], record: object, order: int | None) -> Row:
    """A record's cells in ``columns``: its fields' values, and the derived columns'."""
    found: list[Value] = []
    for column in columns:
        if column.name == SOURCE_ORDER:
            found.append(order)
        elif column.ranks is not None:
            found.append(_rank(getattr(record, column.ranks)))
        else:
            found.append(_cell(getattr(record, column.name)))
    return tuple(found)


def _rank(value: object) -> int | None:
    """A vocabulary member's place in its vocabulary's order; ``None`` for none."""
    if value is None:
        return None
    member = typing.cast("enum.Enum", value)
    return list(type(member)).index(member)


def _item_cells(table: Table, item: object) -> Row:
    if attrs.has(type(item)):
        return _cells(table.columns[2:], item, None)
    value = _cell(item)
    cells: list[Value] = [value]
    for column in table.columns[3:]:
        if column.name == "folded":
            cells.append(typing.cast("str", value).casefold())
        elif column.ranks is not None:
            cells.append(_rank(item))
    return tuple(cells)
