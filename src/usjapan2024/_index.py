"""Per-meeting lookup tables, built once so that queries are dictionary hits.

A meeting is immutable, so its indexes never go stale: they are built on the first
query that needs them and kept for as long as the meeting object lives (a weak
reference drops them with it).
"""

from __future__ import annotations

import enum
import threading
import weakref
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

import attrs

from usjapan2024._records import record_groups, record_id
from usjapan2024.model import Commitment, Meeting, Official, Record, Span, Threat

__all__ = ["FieldIndex", "MeetingIndex", "index_of"]

R = TypeVar("R")


@attrs.frozen
class FieldIndex(Generic[R]):
    """The records of one type, and for each filterable field which positions hold a value.

    Attributes:
        records: The records, in source order.
        positions: ``positions[field][value]`` is the sorted tuple of positions in
            ``records`` whose ``field`` holds ``value`` (or contains it, for tuples).
    """

    records: tuple[R, ...]
    positions: dict[str, dict[Hashable, tuple[int, ...]]]

    @classmethod
    def build(
        cls, records: tuple[R, ...], fields: dict[str, Callable[[R], Iterable[Hashable]]]
    ) -> FieldIndex[R]:
        """Index ``records`` by each of ``fields``: name -> the values a record has."""
        positions: dict[str, dict[Hashable, tuple[int, ...]]] = {}
        for name, values_of in fields.items():
            table: defaultdict[Hashable, list[int]] = defaultdict(list)
            for position, record in enumerate(records):
                for value in dict.fromkeys(values_of(record)):
                    table[value].append(position)
            positions[name] = {value: tuple(found) for value, found in table.items()}
        return cls(records, positions)

    def select(self, criteria: dict[str, Hashable]) -> tuple[R, ...]:
        """Return the records matching every ``field == value`` in ``criteria``, in order."""
        if not criteria:
            return self.records
        chosen: set[int] | None = None
        for name, value in criteria.items():
            found = self.positions[name].get(value, ())
            chosen = set(found) if chosen is None else chosen.intersection(found)
            if not chosen:
                return ()
        return tuple(self.records[position] for position in sorted(chosen or ()))


@attrs.frozen
class MeetingIndex:
    """Every index of one meeting.

    Attributes:
        officials: Officials by ``country`` and ``organisation``.
        commitments: Commitments by ``party``, ``topic``, ``status``, ``place``,
            ``partner``, ``subject`` (case-folded) and ``programme``.
        threats: Threats by ``actor``, ``kind``, ``place``, ``response`` and ``involving``.
        by_id: Every record by its id (a party by its actor's value).
        subjects: Each subject's case-folded form mapped to its spelling in the data.
        haystacks: Each record with the case-folded text that :func:`search` looks in.
    """

    officials: FieldIndex[Official]
    commitments: FieldIndex[Commitment]
    threats: FieldIndex[Threat]
    by_id: dict[str, Record]
    subjects: dict[str, str]
    haystacks: tuple[tuple[Record, str], ...]


def _build(meeting: Meeting) -> MeetingIndex:
    records = tuple(r for group in record_groups(meeting).values() for r in group)
    return MeetingIndex(
        officials=FieldIndex.build(
            meeting.officials,
            {"country": lambda o: (o.country,), "organisation": lambda o: (o.organisation,)},
        ),
        commitments=FieldIndex.build(
            meeting.commitments,
            {
                "party": lambda c: c.parties,
                "topic": lambda c: (c.topic,),
                "status": lambda c: (c.status,),
                "place": lambda c: c.places,
                "partner": lambda c: c.partners,
                "subject": lambda c: (s.casefold() for s in c.subjects),
                "programme": lambda c: c.programmes,
            },
        ),
        threats=FieldIndex.build(
            meeting.threats,
            {
                "actor": lambda t: (t.actor,),
                "kind": lambda t: (t.kind,),
                "place": lambda t: t.places,
                "response": lambda t: (t.response,),
                "involving": lambda t: t.involving,
            },
        ),
        by_id={record_id(record): record for record in records},
        subjects={s.casefold(): s for c in meeting.commitments for s in c.subjects},
        haystacks=tuple((record, _haystack(record)) for record in records),
    )


def _haystack(record: Record) -> str:
    """The record's words, case-folded: every string field, enum values, and its quotes."""
    words: list[str] = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, enum.Enum):
                words.append(str(item.value))
            elif isinstance(item, str):
                words.append(item)
            elif isinstance(item, Span):
                words.append(item.quote)
    return "\n".join(words).casefold()


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
                found = _build(meeting)
                _cache[key] = found
                weakref.finalize(meeting, _cache.pop, key, None)
    return found
