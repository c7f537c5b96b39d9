"""The type query helpers return: a tuple that also knows how to show itself.

A query result is a plain tuple in every way that matters (it compares equal to
one, indexes and slices like one), with three additions for notebook users: an
HTML table in Jupyter, and one call to flat rows or to a DataFrame.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, SupportsIndex, TypeVar, overload

from usjapan2024._flat import Row, flatten

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Results"]

R = TypeVar("R")


class Results(tuple[R, ...]):
    """Records returned by a query, in source order.

    >>> from usjapan2024 import threats
    >>> found = threats(actor="RU")
    >>> isinstance(found, tuple), len(found)
    (True, 3)
    >>> found.to_frame()[["id", "response"]].to_dict("list")  # doctest: +NORMALIZE_WHITESPACE
    {'id': ['threat.ru-war', 'threat.ru-cn-alignment', 'threat.ru-kp-alignment'],
     'response': ['condemnation', 'criticism', 'criticism']}
    """

    __slots__ = ()

    def __new__(cls, records: Iterable[R] = ()) -> Results[R]:
        return super().__new__(cls, records)

    @overload
    def __getitem__(self, index: SupportsIndex) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> Results[R]: ...
    def __getitem__(self, index: SupportsIndex | slice) -> R | Results[R]:
        # A slice of results is still results, so it still shows as a table.
        if isinstance(index, slice):
            return Results(super().__getitem__(index))
        return super().__getitem__(index)

    def to_records(self) -> list[Row]:
        """Flat rows, as :func:`usjapan2024.export.to_records` makes them."""
        return [flatten(record) for record in self]

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame of these records (needs ``usjapan2024[pandas]``).

        Records of one type get that type's columns and dtypes; a mix of types (from
        :func:`usjapan2024.search`) gets a ``type`` column and the union of columns.
        """
        from usjapan2024._flat import frame_of, pandas

        types = {type(record) for record in self}
        if len(types) == 1:
            return frame_of(self.to_records(), types.pop())
        rows = [{"type": type(r).__name__, **flatten(r)} for r in self]
        return pandas().DataFrame.from_records(rows)

    def _repr_html_(self) -> str:
        from usjapan2024._display import html_table

        return html_table(self) if self else "<p>no records</p>"
