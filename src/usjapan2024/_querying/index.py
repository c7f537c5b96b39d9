"""Per-meeting lookup tables, built where and when they pay, so that queries are dictionary hits.

A meeting is immutable, so its indexes never go stale: each is built on the first query
that needs it (one query function's table, the ids, the search texts: each on its own)
and kept for as long as the meeting object lives (a weak reference drops them with it).
A query function's records are scanned for its first query and indexed from its second
(:data:`INDEX_FROM`): an index pays only for a meeting that is queried again.
"""

from __future__ import annotations

import enum
import functools
import threading
import weakref
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import Any, Generic, TypeVar

import attrs

from usjapan2024._model.fields import fields_of
from usjapan2024._model.filters import Filter, filters_of
from usjapan2024._model.kinds import CLASS_OF, record_groups, record_id
from usjapan2024._querying.results import Results
from usjapan2024.model import Meeting, Record, Retired, Span
from usjapan2024.vocabulary import SpanRole

__all__ = ["INDEX_FROM", "FieldIndex", "MeetingIndex", "Scan", "index_of", "words_of"]

R = TypeVar("R")

INDEX_FROM = 2
"""A query function's table is scanned for its first query, and indexed from this one on.

Indexing a table by every one of its filters costs many scans of its records, so a
meeting queried once (the first answer of a script) is better served by one scan; a
meeting queried again is likely to be queried more, and is then indexed: a dictionary
hit per filter, whatever its size (flat from 10^3 to 10^5 records in ``scripts/bench``)."""


@attrs.frozen
class FieldIndex(Generic[R]):
    """The records of one type, with answers to every one-field filter made in advance.

    Attributes:
        records: All the records, in source order.
        matches: ``matches[field][value]``: the records whose ``field`` holds (or, for
            a tuple field, contains) ``value``, in source order, ready to return.
        positions: The same as sets of positions in ``records``, for intersecting
            when a query combines several filters.
    """

    records: Results[R]
    matches: dict[str, dict[Hashable, Results[R]]]
    positions: dict[str, dict[Hashable, frozenset[int]]]

    @classmethod
    def build(
        cls,
        records: tuple[R, ...],
        fields: dict[str, Callable[[R], Iterable[Hashable]]],
        kind: type[R] | None = None,
    ) -> FieldIndex[R]:
        """Index ``records`` (of type ``kind``) by each of ``fields``: name -> its values.

        Every result made here carries ``kind``, so that an empty one still knows its
        columns (``Results.to_frame``).
        """
        matches: dict[str, dict[Hashable, Results[R]]] = {}
        positions: dict[str, dict[Hashable, frozenset[int]]] = {}
        for name, values_of in fields.items():
            table: defaultdict[Hashable, list[int]] = defaultdict(list)
            for position, record in enumerate(records):
                for value in dict.fromkeys(values_of(record)):
                    table[value].append(position)
            matches[name] = {
                v: Results((records[i] for i in found), kind) for v, found in table.items()
            }
            positions[name] = {v: frozenset(found) for v, found in table.items()}
        return cls(Results(records, kind), matches, positions)

    def select(self, criteria: dict[str, Hashable]) -> Results[R]:
        """Return the records matching every ``field == value`` in ``criteria``, in order."""
        if not criteria:
            return self.records
        if len(criteria) == 1:
            ((name, value),) = criteria.items()
            return self.matches[name].get(value) or Results((), self.records.kind)
        found = sorted(
            (self.positions[name].get(value, frozenset()) for name, value in criteria.items()),
            key=len,
        )
        chosen = found[0].intersection(*found[1:])
        return Results(map(self.records.__getitem__, sorted(chosen)), self.records.kind)


@attrs.frozen
class Scan(Generic[R]):
    """A table not indexed (yet): the answers of :class:`FieldIndex`, found by a scan.

    Attributes:
        records: All the records, in source order.
        fields: Each filter's keys of a record, as :meth:`FieldIndex.build` indexes them.
    """

    records: Results[R]
    fields: dict[str, Callable[[R], Iterable[Hashable]]]

    def select(self, criteria: dict[str, Hashable]) -> Results[R]:
        """Return the records matching every ``field == value`` in ``criteria``, in order."""
        if not criteria:
            return self.records
        tests = [(self.fields[name], value) for name, value in criteria.items()]
        return Results(
            (r for r in self.records if all(value in keys(r) for keys, value in tests)),
            self.records.kind,
        )


class MeetingIndex:
    """Every index of one meeting, each built when first asked for.

    It holds the meeting's records, never the meeting itself (the cache of indexes must
    not keep a meeting alive).  Two threads asking at once may both build a part: they
    build equal immutable values, and one of them is kept.
    """

    def __init__(self, meeting: Meeting) -> None:
        self._groups = record_groups(meeting)
        self._records = tuple(r for group in self._groups.values() for r in group)
        self._retired = meeting.retired
        self._tables: dict[str, FieldIndex[Any]] = {}
        self._asked: dict[str, int] = {}  # queries answered by a scan, by query function

    def table(self, query: str) -> FieldIndex[Any] | Scan[Any]:
        """The records of query function ``query``, ready to filter (see :data:`INDEX_FROM`).

        For each query function (``"commitments"``...), its records indexed by each of
        its filters (see ``_model.filters.FILTERS``), or scanned until it is asked again.
        """
        built = self._tables.get(query)
        if built is None:
            asked = self._asked[query] = self._asked.get(query, 0) + 1
            fields = {f.name: _keys(f) for f in filters_of(query)}
            records, kind = self._groups[query], CLASS_OF[query]
            if asked < INDEX_FROM:
                return Scan(Results(records, kind), fields)
            built = self._tables.setdefault(query, FieldIndex.build(records, fields, kind))
        return built

    @functools.cached_property
    def by_id(self) -> dict[str, Record]:
        """Every record by its id (a party by its actor's value)."""
        return {record_id(record): record for record in self._records}

    @functools.cached_property
    def retired(self) -> dict[str, Retired]:
        """Every retired id, with what replaced it."""
        return {retired.id: retired for retired in self._retired}

    @functools.cached_property
    def haystacks(self) -> tuple[tuple[Record, tuple[str, ...], tuple[str, ...]], ...]:
        """Each record with the case-folded texts that :func:`search` looks in.

        Its own words, and those of the framing sentences it cites for context.
        """
        return tuple((record, *_haystacks(record)) for record in self._records)


def _keys(f: Filter) -> Callable[[Any], Iterable[Hashable]]:
    """The index keys of a record for filter ``f``: its values, case-folded if ``f`` folds."""
    return lambda record: map(f.key, f.values(record))


def _haystacks(record: Record) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The record's own texts and its context quotes, case-folded, each text apart.

    Apart, so that no needle spans two of them.  Its strings, enum values and quotes,
    nested ones too.  Nested records count (an erratum's references), so that searching
    for a publisher finds the errata that cite it.
    """
    own = tuple(text.casefold() for text in words_of(record))
    context = tuple(text.casefold() for text in context_quotes(record))
    return own, context


def context_quotes(record: object) -> Iterator[str]:
    """The quotes of the framing sentences ``record`` cites for context (``SpanRole.CONTEXT``).

    Only a record's own ``sources`` hold them; :func:`search` looks in them when asked.
    """
    for span in getattr(record, "sources", ()):
        if span.role is SpanRole.CONTEXT:
            yield span.quote


def words_of(obj: object) -> Iterator[str]:
    """Every text :func:`search` looks in by default: ``obj``'s own words.

    Its searchable strings, vocabulary values and the quotes of its own spans (not those
    it cites for context: :func:`context_quotes`), nested records' too.  The SQLite
    export's full-text index holds the same texts, so that the two agree.
    """
    for field in fields_of(type(obj)):
        if not field.searchable:
            continue
        value = getattr(obj, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, enum.Enum):
                yield str(item.value)
            elif isinstance(item, str):
                yield item
            elif isinstance(item, Span):
                if item.role is SpanRole.OWN:
                    yield item.quote
            elif attrs.has(type(item)):
                yield from words_of(item)


_lock = threading.Lock()
_cache: dict[int, MeetingIndex] = {}


def index_of(meeting: Meeting) -> MeetingIndex:
    """Return the indexes of ``meeting``, building them on first use."""
    key = id(meeting)
    found = _cache.get(key)
    if found is None:
        with _lock:
            found = _cache.get(key)
            if found is None:
                found = MeetingIndex(meeting)
                _cache[key] = found
                weakref.finalize(meeting, _cache.pop, key, None)
    return found
