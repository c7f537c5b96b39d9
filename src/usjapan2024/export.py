"""Flat rows and pandas DataFrames of any kind of record.

:func:`to_records` gives one flat row per record (the rules are in ``_flat``: enums
as values, tuples joined with ``"; "``, sources as ``spans`` and ``quotes``);
:func:`to_frame` gives a DataFrame of the same rows with real dtypes.  pandas is an
optional extra; importing this module does not import it.
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any

from usjapan2024 import _flat
from usjapan2024._flat import JOIN, Row
from usjapan2024._loading import load
from usjapan2024._records import KINDS as _KINDS
from usjapan2024._records import RECORD_KINDS, record_groups
from usjapan2024.model import Meeting

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["JOIN", "KINDS", "Row", "to_frame", "to_records"]

KINDS = RECORD_KINDS
"""The record kinds :func:`to_records` and :func:`to_frame` accept."""

_CLASSES: dict[str, type] = {"meeting": Meeting, **{kind.group: kind.cls for kind in _KINDS}}


def to_records(kind: str, *, meeting: Meeting | None = None) -> list[Row]:
    """Return one flat row per record of ``kind``, in source order.

    >>> rows = to_records("officials")
    >>> rows[0]["name"], rows[0]["country"], rows[0]["quotes"]
    ('Antony Blinken', 'US', 'U.S. Secretary of State Antony Blinken')
    >>> to_records("commitments")[0]["parties"]
    'US; JP'
    """
    return [_flat.flatten(record) for record in _records(kind, meeting or load())]


def _records(kind: str, meeting: Meeting) -> tuple[Any, ...]:
    if kind not in _CLASSES:
        valid = ", ".join(repr(k) for k in KINDS)
        msg = f"unknown kind {kind!r}; valid kinds are {valid}"
        raise ValueError(msg)
    return (meeting,) if kind == "meeting" else record_groups(meeting)[kind]


def to_frame(kind: str, *, meeting: Meeting | None = None) -> pd.DataFrame:
    """Return the records of ``kind`` as a pandas DataFrame with proper dtypes.

    Needs pandas: ``pip install usjapan2024[pandas]``.

    >>> frame = to_frame("threats")
    >>> str(frame["response"].dtype)
    'category'
    >>> frame.groupby("response", observed=False).size().to_dict()
    {'recognition': 1, 'concern': 1, 'criticism': 3, 'condemnation': 4}
    """
    rows = to_records(kind, meeting=meeting)
    return _flat.frame_of(rows, _CLASSES[kind])


_MOVED = ("flatten", "flatten_columns", "frame_of")
"""Helpers 1.0.0 left importable from here; they now live in a private module."""


def __getattr__(name: str) -> Any:  # noqa: ANN401
    if name in _MOVED:
        warnings.warn(
            f"usjapan2024.export.{name} is deprecated and will be removed in 2.0.0;"
            " use to_records() or Results.to_records() for flat rows",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(_flat, name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
