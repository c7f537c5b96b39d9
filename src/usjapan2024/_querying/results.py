"""The type query helpers return: a tuple that also knows how to show itself.

A query result is a plain tuple in every way that matters (it compares equal to
one, indexes and slices like one, and its ``repr`` is the tuple's, so nothing about
it is hidden), with additions for people reading it: an HTML table in Jupyter, a
short plain-text table from ``print`` or ``str`` in a script, and one call to flat
rows or to a DataFrame.  One thing differs from a tuple on purpose: ``+`` (like ``|``)
is the union of two results, each record once and in source order, because a
concatenation would list a record both found twice, out of order.  A result knows the
type of record it holds even when it is empty, so an empty result still converts to a
DataFrame with that type's columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, SupportsIndex, TypeVar, overload

if TYPE_CHECKING:
    import pandas as pd

    from usjapan2024._tables.flat import Row
    from usjapan2024.model import Meeting

__all__ = ["Results"]

R = TypeVar("R")
T = TypeVar("T")


class Results(tuple[R, ...]):  # noqa: SLOT001  (it stores its kind)
    """Records returned by a query, in source order.

    >>> from usjapan2024 import threats
    >>> found = threats(actor="RU")
    >>> isinstance(found, tuple), len(found)
    (True, 3)
    >>> found.to_frame()[["id", "response"]].to_dict("list")  # doctest: +NORMALIZE_WHITESPACE
    {'id': ['threat.ru-war', 'threat.ru-cn-alignment', 'threat.ru-kp-alignment'],
     'response': ['condemnation', 'criticism', 'criticism']}
    """

    # No ``__slots__``: a tuple subclass cannot have a non-empty one, and ``kind`` must
    # be stored somewhere.  So that results can be shared (queries return the same
    # object to every caller, from any thread), nothing may be set on one: ``kind`` is
    # set once, here, and ``__setattr__``/``__delattr__`` refuse.
    kind: type[R] | None
    """The type of record these results hold; ``None`` for a mix (from ``search``)."""
    meeting: Meeting | None
    """The meeting they were selected from (its errata and its text are what the tables
    show); ``None`` when not known, as for results built in code."""

    def __new__(
        cls,
        records: Iterable[R] = (),
        kind: type[R] | None = None,
        meeting: Meeting | None = None,
    ) -> Results[R]:
        self = super().__new__(cls, records)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "meeting", meeting)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        msg = f"Results are immutable: cannot set {name!r} (they are shared by every caller)"
        raise AttributeError(msg)

    def __delattr__(self, name: str) -> None:
        msg = f"Results are immutable: cannot delete {name!r} (they are shared by every caller)"
        raise AttributeError(msg)

    def __reduce__(
        self,
    ) -> tuple[type[Results[R]], tuple[tuple[R, ...], type[R] | None, Meeting | None]]:
        # Rebuilt through ``__new__``, as copy and pickle cannot set ``kind`` otherwise.
        return (type(self), (tuple(self), self.kind, self.meeting))

    def __str__(self) -> str:
        """A plain-text table of the records, as the command line prints them.

        ``print(results)`` in a script then shows a few readable lines, not a tuple
        of full reprs (which ``repr`` still gives, so nothing is ambiguous).  Rows with
        errata are marked ``†`` and the errata are listed under the table.
        """
        from usjapan2024._presenting.display import text_table
        from usjapan2024._presenting.provenance import errata_of_rows

        applied = () if self.meeting is None else self.meeting.corrected_by
        return text_table(self, errata=errata_of_rows(self, self.meeting), corrected_by=applied)

    @overload
    def __add__(self, other: tuple[R, ...]) -> Results[R]: ...
    @overload
    def __add__(self, other: tuple[T, ...]) -> Results[R | T]: ...
    def __add__(self, other: tuple[Any, ...]) -> Results[Any]:
        """The union of two results, as :meth:`__or__`: not the two one after the other.

        ``search("taiwan") + search("china")`` is every record either found, once each, in
        source order, and still shows as a table (a tuple's ``+`` would repeat the
        records both hold, and give a bare tuple).
        """
        if not isinstance(other, tuple):
            return NotImplemented
        return _union(self, other)

    def __radd__(self, other: tuple[Any, ...]) -> Results[Any]:
        if not isinstance(other, tuple):
            return NotImplemented
        return _union(other, self)

    def __or__(self, other: tuple[T, ...]) -> Results[R | T]:
        """The union of two results: each record either holds, once, in source order.

        Source order is :func:`~usjapan2024.search`'s: by where each record's first
        quote starts in the text, records whose first quotes start together (or that
        have none) in the meeting's record order.  Results of one kind of record come in
        their file order (parties and errata aside, whose file order is not the text's).
        A record both hold appears once (records are compared by value).  The union
        holds one kind when both sides do, and keeps their meeting; results of two
        different meetings (the text's view and the corrected view, say) cannot be
        combined, as their records would be two versions of one record.  A plain tuple
        of records may stand on either side.

        Raises:
            ValueError: The two sides come from different meetings.
        """
        if not isinstance(other, tuple):
            return NotImplemented
        return _union(self, other)

    def __ror__(self, other: tuple[T, ...]) -> Results[R | T]:
        if not isinstance(other, tuple):
            return NotImplemented
        return _union(other, self)

    @overload
    def __getitem__(self, index: SupportsIndex) -> R: ...
    @overload
    def __getitem__(self, index: slice) -> Results[R]: ...
    def __getitem__(self, index: SupportsIndex | slice) -> R | Results[R]:
        # A slice of results is still results, so it still shows as a table.
        if isinstance(index, slice):
            return Results(super().__getitem__(index), self.kind, self.meeting)
        return super().__getitem__(index)

    def to_records(self) -> list[Row]:
        """Flat rows, as :func:`usjapan2024.export.to_records` makes them."""
        from usjapan2024._tables.flat import flatten

        return [flatten(record) for record in self]

    def to_frame(self) -> pd.DataFrame:
        """A pandas DataFrame of these records (needs ``usjapan2024[pandas]``).

        Records of one type get that type's columns and dtypes, even when there are
        none, so that code written for a full result (``frame["topic"]``) works on an
        empty one; a mix of types (from :func:`usjapan2024.search`) gets a ``type``
        column (a category of the record types) and the union of columns, each with the
        dtype the types share, and at least ``type`` and ``id`` when empty.  A list
        that is empty is a missing value (``<NA>``), as in :func:`usjapan2024.to_frame`.
        """
        from usjapan2024._tables.flat import frame_of, mixed_frame_of

        types = {type(record) for record in self}
        cls = types.pop() if len(types) == 1 else None if types else self.kind
        if cls is not None:
            return frame_of(self.to_records(), cls, self.meeting)
        return mixed_frame_of(self, self.meeting)

    def _repr_html_(self) -> str:
        from usjapan2024._presenting.display import html_table

        return html_table(self, meeting=self.meeting) if self else "<p>no records</p>"


def _union(left: tuple[Any, ...], right: tuple[Any, ...]) -> Results[Any]:
    """The records of ``left`` and ``right``, once each, in source order (see ``__or__``)."""
    from usjapan2024._model.kinds import record_id

    meetings = [m for m in (getattr(left, "meeting", None), getattr(right, "meeting", None)) if m]
    if len(meetings) == 2 and meetings[0] is not meetings[1] and meetings[0] != meetings[1]:
        msg = (
            "cannot combine results of two different meetings (such as the text's view"
            " and the corrected view): select both from one meeting"
        )
        raise ValueError(msg)
    meeting = meetings[0] if meetings else None
    kinds = [side.kind for side in (left, right) if isinstance(side, Results)]
    kinds += [type(r) for side in (left, right) if not isinstance(side, Results) for r in side]
    kind = kinds[0] if kinds and all(k is kinds[0] for k in kinds) else None
    records = list(dict.fromkeys((*left, *right)))  # by value, first appearance kept
    rank: dict[str, int] = {}
    if meeting is not None:
        rank = {record_id(r): i for i, r in enumerate(meeting.records())}
    seen = {id(r): len(rank) + i for i, r in enumerate(records)}  # records not in it: after

    def order(record: Any) -> tuple[int, int]:  # noqa: ANN401  (any record)
        start = record.sources[0].start if record.sources else -1
        found = rank.get(record_id(record)) if rank else None
        return (start, seen[id(record)] if found is None else found)

    return Results(sorted(records, key=order), kind, meeting)
