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

DataFrames get real dtypes: dates as ``datetime64``, every vocabulary as a
``category`` whose categories are all the enum's values (ordered for
:class:`~usjapan2024.Response`, which runs from mild to strong), text as ``string``.
An open vocabulary's categories are the values the meeting declares (its places,
departments and parties), so that a place of its own ("sapporo") is a category and
not a missing value.
pandas is an optional extra; importing this module does not import it.
"""

from __future__ import annotations

import datetime
import enum
from typing import TYPE_CHECKING, Any

from usjapan2024._model.fields import FieldInfo, fields_of
from usjapan2024._model.kinds import KINDS, declarations
from usjapan2024.model import Meeting
from usjapan2024.vocabulary import OpenVocabulary, Response

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["JOIN", "Row", "flatten", "flatten_columns", "frame_of", "pandas"]

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


def frame_of(rows: list[Row], cls: type, meeting: Meeting | None = None) -> pd.DataFrame:
    """Build a DataFrame from flat ``rows`` of records of type ``cls``, of ``meeting``.

    The meeting says which values an open vocabulary's column may hold (its
    declarations); without it, the vocabulary's members.  A value of the rows that is
    neither (a meeting built in code that does not declare it) is a category too, after
    them: no value of a row becomes a missing one.
    """
    pd = pandas()
    columns = flatten_columns(cls)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    fields = {f.name: f for f in fields_of(cls)}
    counted = _groups_of(cls)
    for name in columns:
        dtype = "Int64" if name in counted else _dtype(pd, fields.get(name), meeting)
        if isinstance(dtype, pd.CategoricalDtype):
            known = list(dtype.categories)
            held = [v for v in dict.fromkeys(frame[name]) if isinstance(v, str)]
            others = [v for v in held if v not in set(known)]
            if others:
                dtype = pd.CategoricalDtype([*known, *others], ordered=dtype.ordered)
        frame[name] = frame[name].astype(dtype)
    return frame


def _dtype(pd: Any, field: FieldInfo | None, meeting: Meeting | None) -> Any:  # noqa: ANN401  (pandas is untyped here)
    """A column's dtype: a single-valued field's own; text for the rest.

    The rest are tuples joined as text, and the spans and quotes columns.
    """
    if field is None or field.many:
        return "string"
    vocabulary = field.vocabulary
    if vocabulary is not None:
        if meeting is not None and issubclass(vocabulary, OpenVocabulary):
            values = [value.value for value in declarations(meeting, vocabulary)]
        else:
            values = [member.value for member in vocabulary]
        return pd.CategoricalDtype(values, ordered=vocabulary is Response)
    if field.is_date:
        return "datetime64[ns]"
    if field.base is int:
        return "Int64"
    return "string"


def pandas() -> Any:  # noqa: ANN401
    """Import pandas, or say which extra installs it."""
    try:
        import pandas as pd
    except ImportError:
        msg = "to_frame() needs pandas: pip install 'usjapan2024[pandas]'"
        raise ImportError(msg) from None
    return pd
