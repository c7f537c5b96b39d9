"""Flat rows and pandas DataFrames of any record type.

Spreadsheets, CSV files and DataFrames want one row per record and one scalar per
cell, so :func:`to_records` flattens each record the same way:

* strings, integers and dates stay as they are; ``None`` stays ``None``;
* an enum becomes its value (``"JP"``, ``"deterrence"``);
* a tuple of strings or enums becomes one string, joined with ``"; "`` (the source
  text has no semicolons, so the join is unambiguous; split on ``"; "`` to undo it,
  or use ``DataFrame.str.split("; ").explode()`` for one row per value);
* ``sources`` becomes two columns: ``spans`` (``"start-end; start-end"``) and
  ``quotes`` (the quotes, joined with ``"; "``).

:func:`to_frame` builds a DataFrame from those rows with real dtypes: dates as
``datetime64``, every vocabulary as a ``category`` whose categories are all the
enum's values (ordered for :class:`~usjapan2024.Response`, which runs from mild to
strong), text as ``string``.  pandas is an optional extra; importing this module
does not import it.
"""

from __future__ import annotations

import datetime
import enum
import typing
from typing import TYPE_CHECKING, Any

import attrs

from usjapan2024._loading import load
from usjapan2024._records import RECORD_KINDS, record_groups
from usjapan2024.model import Meeting, Span
from usjapan2024.vocabulary import Response

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["KINDS", "Row", "to_frame", "to_records"]

Row = dict[str, str | int | datetime.date | None]
"""One flat record: column name -> scalar."""

KINDS = RECORD_KINDS
"""The record kinds :func:`to_records` and :func:`to_frame` accept."""

JOIN = "; "


def to_records(kind: str, *, meeting: Meeting | None = None) -> list[Row]:
    """Return one flat row per record of ``kind``, in source order.

    >>> rows = to_records("officials")
    >>> rows[0]["name"], rows[0]["country"], rows[0]["quotes"]
    ('Antony Blinken', 'US', 'U.S. Secretary of State Antony Blinken')
    >>> to_records("commitments")[0]["parties"]
    'US; JP'
    """
    return [flatten(record) for record in _records(kind, meeting or load())]


def flatten(record: object) -> Row:
    """Flatten one record as :func:`to_records` does."""
    row: Row = {}
    for field in attrs.fields(type(record)):  # type: ignore[arg-type]
        value = getattr(record, field.name)
        if field.name == "sources":
            row["spans"] = JOIN.join(f"{s.start}-{s.end}" for s in value)
            row["quotes"] = JOIN.join(s.quote for s in value)
        elif field.name == "metadata":
            continue  # the meeting's metadata is one nested object, not a column
        elif isinstance(value, tuple):
            if value and attrs.has(type(value[0])):
                row[field.name] = len(value)  # the meeting's record groups: a count
            else:
                row[field.name] = JOIN.join(_scalar_text(item) for item in value)
        else:
            row[field.name] = value.value if isinstance(value, enum.Enum) else value
    return row


def _scalar_text(value: object) -> str:
    return str(value.value) if isinstance(value, enum.Enum) else str(value)


def _records(kind: str, meeting: Meeting) -> tuple[Any, ...]:
    if kind == "meeting":
        return (meeting,)
    groups = record_groups(meeting)
    if kind not in groups:
        valid = ", ".join(repr(k) for k in KINDS)
        msg = f"unknown kind {kind!r}; valid kinds are {valid}"
        raise ValueError(msg)
    return groups[kind]


def _record_class(kind: str) -> type:
    if kind == "meeting":
        return Meeting
    hint = typing.get_type_hints(Meeting)[kind]
    return typing.cast("type", typing.get_args(hint)[0])


def to_frame(kind: str, *, meeting: Meeting | None = None) -> pd.DataFrame:
    """Return the records of ``kind`` as a pandas DataFrame with proper dtypes.

    Needs pandas: ``pip install usjapan2024[pandas]``.

    >>> frame = to_frame("threats")
    >>> str(frame["response"].dtype)
    'category'
    >>> frame.groupby("response", observed=False).size().to_dict()
    {'recognition': 1, 'concern': 1, 'criticism': 2, 'condemnation': 4}
    """
    rows = to_records(kind, meeting=meeting)
    return frame_of(rows, _record_class(kind))


def frame_of(rows: list[Row], cls: type) -> pd.DataFrame:
    """Build a DataFrame from flat ``rows`` of records of type ``cls``."""
    pd = _pandas()
    columns = list(flatten_columns(cls))
    frame = pd.DataFrame.from_records(rows, columns=columns)
    hints = typing.get_type_hints(cls)
    for name in columns:
        frame[name] = frame[name].astype(_dtype(pd, hints.get(name)))
    return frame


def flatten_columns(cls: type) -> list[str]:
    """The column names :func:`flatten` gives a record of type ``cls``."""
    names: list[str] = []
    for field in attrs.fields(cls):
        if field.name == "sources":
            names += ["spans", "quotes"]
        elif field.name != "metadata":
            names.append(field.name)
    return names


def _dtype(pd: Any, hint: Any) -> Any:  # noqa: ANN401  (pandas is untyped here)
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    base = args[0] if typing.get_origin(hint) is not tuple and args else hint
    if isinstance(base, type) and issubclass(base, enum.Enum):
        return pd.CategoricalDtype([m.value for m in base], ordered=base is Response)
    if base is datetime.date:
        return "datetime64[ns]"
    if base is int:
        return "Int64"
    if typing.get_origin(hint) is tuple and attrs.has(typing.get_args(hint)[0]):
        return "Int64" if typing.get_args(hint)[0] is not Span else "string"
    return "string"


def _pandas() -> Any:  # noqa: ANN401
    try:
        import pandas as pd
    except ImportError:
        msg = "to_frame() needs pandas: pip install 'usjapan2024[pandas]'"
        raise ImportError(msg) from None
    return pd
