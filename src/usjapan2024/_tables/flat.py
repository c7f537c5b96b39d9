"""Flat rows of records, and DataFrames built from them.

Spreadsheets, CSV files, tables and DataFrames want one row per record and one scalar
per cell, so every one of them flattens a record the same way, here:

* strings, integers and dates stay as they are; ``None`` stays ``None``;
* an enum becomes its value (``"JP"``, ``"deterrence"``);
* a tuple of strings or enums becomes one string, joined with ``"; "`` (the source
  text has no semicolons, so the join is unambiguous);
* ``sources`` becomes two columns: ``spans`` (``"start-end; start-end"``) and
  ``quotes`` (the quotes, joined with ``"; "``);
* other nested values (an erratum's references) become their text, joined with ``"; "``
  (a reference's title may itself hold a semicolon: the Data Package and the SQLite
  database keep references as a table of their own);
* the meeting's record groups become counts, and its metadata is left out.

DataFrames get real dtypes: dates as ``datetime64`` (to the second), every vocabulary
as a ``category`` whose categories are all the enum's values (ordered for
:class:`~usjapan2024.Response`, which runs from mild to strong), text as ``string``;
an empty list, ``""`` in a flat row, is a missing value (``<NA>``) in a DataFrame, so
that splitting the joined cells counts no blank value.  An open vocabulary's
categories are the values the meeting declares (its places, departments and parties),
so that a place of its own ("sapporo") is a category and not a missing value.
pandas is an optional extra; importing this module does not import it.
"""

from __future__ import annotations

import datetime
import enum
import typing
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from usjapan2024._model.fields import FieldInfo, fields_of
from usjapan2024._model.kinds import KINDS, declarations
from usjapan2024.model import Meeting
from usjapan2024.vocabulary import ORDERED, OpenVocabulary

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "JOIN",
    "Row",
    "as_frame",
    "flatten",
    "flatten_columns",
    "frame_of",
    "mixed_frame_of",
    "pandas",
    "table_frames",
]

Row = dict[str, str | int | datetime.date | None]
"""One flat record: column name -> scalar."""

JOIN = "; "


def flatten(record: object) -> Row:
    """Flatten one record (or the meeting) into a row of scalars."""
    row: Row = {}
    counted = _groups_of(type(record))
    for field in fields_of(type(record)):
        value = getattr(record, field.name)
        if field.name == "sources":
            row["spans"] = JOIN.join(f"{s.start}-{s.end}" for s in value)
            row["quotes"] = JOIN.join(s.quote for s in value)
        elif field.name == "metadata":
            continue  # the meeting's metadata is one nested object, not a column
        elif field.name in counted:
            row[field.name] = len(value)  # the meeting's record groups: a count
        elif isinstance(value, tuple):
            row[field.name] = JOIN.join(_scalar_text(item) for item in value)
        else:
            row[field.name] = value.value if isinstance(value, enum.Enum) else value
    return row


_COUNTED = frozenset((*(kind.group for kind in KINDS), "retired"))
"""The meeting's fields that a flat row of it counts: its record groups, and retired ids.

Other tuples of nested values (an erratum's references) are joined as text."""


def _groups_of(cls: object) -> frozenset[str]:
    return _COUNTED if cls is Meeting else frozenset()


def _scalar_text(value: object) -> str:
    return str(value.value) if isinstance(value, enum.Enum) else str(value)


def flatten_columns(cls: type) -> list[str]:
    """The column names :func:`flatten` gives a record of type ``cls``."""
    names: list[str] = []
    for field in fields_of(cls):
        if field.name == "sources":
            names += ["spans", "quotes"]
        elif field.name != "metadata":
            names.append(field.name)
    return names


def as_frame(frame: Any) -> pd.DataFrame:  # noqa: ANN401  (what pandas() made)
    """``frame``, typed as the DataFrame it is.

    :func:`pandas` is typed ``Any`` (pandas is optional), so what it builds is too; where
    pandas-stubs are installed (a test dependency brings them), say what it is.
    """
    return typing.cast("pd.DataFrame", frame)


def frame_of(rows: list[Row], cls: type, meeting: Meeting | None = None) -> pd.DataFrame:
    """Build a DataFrame from flat ``rows`` of records of type ``cls``, of ``meeting``.

    The meeting says which values an open vocabulary's column may hold (its
    declarations); without it, the vocabulary's members.  A value of the rows that is
    neither (a meeting built in code that does not declare it) is a category too, after
    them: no value of a row becomes a missing one.
    """
    pd = pandas()
    dtypes = _dtypes(pd, cls, meeting)
    frame = pd.DataFrame.from_records(rows, columns=list(dtypes))
    return as_frame(_typed(frame, dtypes, _list_columns(cls)))


def mixed_frame_of(records: Sequence[object], meeting: Meeting | None = None) -> pd.DataFrame:
    """A DataFrame of records of several types: a ``type`` column and the union of columns.

    Each column keeps the dtype its kinds share (``id`` and ``summary`` text, ``kind`` a
    category of every value of the vocabularies it holds): only where the kinds disagree
    is it text (``id``, which is an :class:`~usjapan2024.Actor` for a party) or, failing
    that, plain objects.  A row's cells of columns its kind lacks are missing (``<NA>``).
    """
    pd = pandas()
    classes = list(dict.fromkeys(type(record) for record in records))
    each = [_dtypes(pd, cls, meeting) for cls in classes]
    names = [kind.cls.__name__ for kind in KINDS]
    names += [cls.__name__ for cls in classes if cls.__name__ not in names]
    dtypes: dict[str, Any] = {"type": pd.CategoricalDtype(names)}
    for name in dict.fromkeys(column for found in each for column in found):
        dtypes[name] = _shared(pd, [found[name] for found in each if name in found])
    if not records:
        dtypes["id"] = "string"
    rows = [{"type": type(record).__name__, **flatten(record)} for record in records]
    frame = pd.DataFrame.from_records(rows, columns=list(dtypes))
    lists = {name for cls in classes for name in _list_columns(cls)}
    return as_frame(_typed(frame, dtypes, lists))


def _dtypes(pd: Any, cls: type, meeting: Meeting | None) -> dict[str, Any]:  # noqa: ANN401
    """Each column of a frame of ``cls`` records, with its dtype."""
    fields = {f.name: f for f in fields_of(cls)}
    counted = _groups_of(cls)
    return {
        name: "Int64" if name in counted else _dtype(pd, fields.get(name), meeting)
        for name in flatten_columns(cls)
    }


def _list_columns(cls: type) -> frozenset[str]:
    """The columns that hold a list joined with ``"; "``: many-valued fields, and the spans."""
    counted = _groups_of(cls)
    many = {f.name for f in fields_of(cls) if f.many and f.name not in counted}
    return frozenset({*many, "spans", "quotes"} - {"sources"})


def _typed(frame: Any, dtypes: dict[str, Any], lists: Collection[str]) -> Any:  # noqa: ANN401
    """``frame`` with each column of its dtype, and each empty list a missing value.

    An empty list joins to ``""``, which ``str.split("; ")`` would turn back into one
    empty value: a blank that counts as a partner, a party.  As ``<NA>`` it splits to
    nothing, and ``explode().value_counts()`` counts only real values.  (The dataset has
    no empty strings, so no value is lost.)
    """
    for name, given in dtypes.items():
        dtype = given
        if isinstance(given, pandas().CategoricalDtype):
            # An open vocabulary's category holds its members; another communiqué's
            # values (a place it declares) come after them, never lost as missing.
            known = set(given.categories)
            extra = [v for v in dict.fromkeys(frame[name].dropna()) if v not in known]
            if extra:
                dtype = pandas().CategoricalDtype([*given.categories, *extra],
                                                  ordered=given.ordered)  # fmt: skip
        column = frame[name].astype(dtype)
        if name in lists:
            column = column.mask(column == "")
        frame[name] = column
    return frame


def _shared(pd: Any, dtypes: list[Any]) -> Any:  # noqa: ANN401  (pandas is untyped here)
    """The dtype of a column that several kinds have, each with its own dtype."""
    first = dtypes[0]
    if all(dtype == first for dtype in dtypes):
        return first
    categories = [d for d in dtypes if isinstance(d, pd.CategoricalDtype)]
    if len(categories) == len(dtypes):
        values = dict.fromkeys(value for d in categories for value in d.categories)
        return pd.CategoricalDtype(list(values))
    if all(d == "string" or isinstance(d, pd.CategoricalDtype) for d in dtypes):
        return "string"
    return "object"


def _dtype(pd: Any, field: FieldInfo | None, meeting: Meeting | None) -> Any:  # noqa: ANN401
    """A column's dtype: a single-valued field's own; text for the rest.

    The rest are tuples joined as text, and the spans and quotes columns.  A vocabulary's
    column is a category of its members' values (``_typed`` adds the values of an open
    vocabulary that a frame holds and no member has).
    """
    if field is None or field.many:
        return "string"
    vocabulary = field.vocabulary
    if vocabulary is not None:
        if meeting is not None and issubclass(vocabulary, OpenVocabulary):
            values = [value.value for value in declarations(meeting, vocabulary)]
        else:
            values = [member.value for member in vocabulary]
        return pd.CategoricalDtype(values, ordered=vocabulary in ORDERED)
    if field.is_date:
        return _DATES
    if field.base is int:
        return "Int64"
    return "string"


def table_frames(meeting: Meeting) -> dict[str, pd.DataFrame]:
    """Every table of the exports' layout (``_tables.layout``) as a DataFrame, by name.

    The same tables, columns and rows as the Data Package and the SQLite database, with
    the dtypes of :func:`frame_of`: a column of a vocabulary is a ``category`` of all its
    values, positions and offsets ``Int64``, dates ``datetime64``, the rest ``string``.
    """
    from usjapan2024._tables.layout import TABLES, Column, rows_of

    pd = pandas()

    def dtype(column: Column) -> Any:  # noqa: ANN401  (pandas is untyped here)
        values = column.values  # noqa: PD011  (the layout's column, not a pandas object)
        if values is not None:
            return pd.CategoricalDtype(values, ordered=column.vocabulary in ORDERED)
        return {"integer": "Int64", "date": _DATES}.get(column.datatype, "string")

    rows = rows_of(meeting)
    frames = {}
    for table in TABLES:
        names = [column.name for column in table.columns]
        frame = pd.DataFrame.from_records(rows[table.name], columns=names)
        frames[table.name] = frame.astype({c.name: dtype(c) for c in table.columns})
    return frames


_DATES = "datetime64[s]"
"""Dates to the second, not pandas' default nanosecond, whose range ends in 2262: a
dataset's dates (a meeting built in code, a generated one) may be any from year 1 to 9999."""


def pandas() -> Any:  # noqa: ANN401
    """Import pandas, or say which extra installs it."""
    try:
        import pandas as pd
    except ImportError:
        msg = "DataFrames need pandas: pip install 'usjapan2024[pandas]'"
        raise ImportError(msg) from None
    return pd
