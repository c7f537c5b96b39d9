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
pandas is an optional extra; importing this module does not import it.
"""

from __future__ import annotations

import datetime
import enum
import typing
from typing import TYPE_CHECKING, Any

from usjapan2024._model.fields import FieldInfo, fields_of
from usjapan2024._model.kinds import KINDS
from usjapan2024.model import Meeting
from usjapan2024.vocabulary import OpenVocabulary, Response

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["JOIN", "ORDERED", "Row", "flatten", "flatten_columns", "frame_of", "pandas"]

Row = dict[str, str | int | datetime.date | None]
"""One flat record: column name -> scalar."""

JOIN = "; "

ORDERED: tuple[type[enum.Enum], ...] = (Response,)
"""The vocabularies whose members' order is a scale: :class:`~usjapan2024.Response` runs
from the mildest response to the strongest.  Every export that orders values reads it
here, and takes the order from the members' own order: a DataFrame's ordered category,
the Data Package's ``categoriesOrdered``, the tables' rank columns."""


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


def frame_of(rows: list[Row], cls: type) -> pd.DataFrame:
    """Build a DataFrame from flat ``rows`` of records of type ``cls``."""
    library = pandas()
    columns = flatten_columns(cls)
    frame = library.DataFrame.from_records(rows, columns=columns)
    fields = {f.name: f for f in fields_of(cls)}
    counted = _groups_of(cls)
    for name in columns:
        field = fields.get(name)
        dtype = "Int64" if name in counted else _dtype(library, field, frame[name])
        frame[name] = frame[name].astype(dtype)
    # pandas() is typed Any (pandas is optional); where pandas-stubs are installed (a test
    # dependency brings them) the frame is still Any, so say what it is.
    return typing.cast("pd.DataFrame", frame)


def _dtype(pd: Any, field: FieldInfo | None, column: Any) -> Any:  # noqa: ANN401  (pandas is untyped)
    """A column's dtype: a single-valued field's own; text for the rest.

    The rest are tuples joined as text, and the spans and quotes columns.  A vocabulary's
    column is a category of its members' values; an open vocabulary's also of the values
    ``column`` holds that are no member (another communiqué's places), after them.
    """
    if field is None or field.many:
        return "string"
    if field.vocabulary is not None:
        values = [m.value for m in field.vocabulary]
        if issubclass(field.vocabulary, OpenVocabulary):
            known = set(values)
            values += [v for v in dict.fromkeys(column.dropna()) if v not in known]
        return pd.CategoricalDtype(values, ordered=field.vocabulary in ORDERED)
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
