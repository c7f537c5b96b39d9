"""Code the exercises give you: use it in your answers, do not change it."""

from __future__ import annotations

import enum

import attrs

import usjapan2024 as uj


def condemned_actors(threats: list[uj.Threat]) -> int:
    """Return how many distinct actors the ministers condemned (it has a bug: hypothesis-3).

    A threat whose ``actor`` is ``None`` names nobody (the model says so: the text names
    no one behind instability in the Middle East), so it adds no actor to the count.
    """
    return len(
        [t.actor for t in threats if t.response is uj.Response.CONDEMNATION and t.actor is not None]
    )


def records(meeting: uj.Meeting) -> list[uj.Record]:
    """Return every record of ``meeting`` that has an id, in the meeting's record order.

    That order is the file's, as ``Meeting.records()`` gives it: officials, parties,
    programmes, events, commitments, threats, errata, each group in its own order.
    ``uj.search`` keeps it among records whose first quotes start at the same offset.
    """
    return list(meeting.records())


def words(obj: object, *, context: bool = False) -> list[str]:
    """Return the strings ``uj.search`` looks in, written plainly to serve as an oracle.

    They are a record's strings, the values of its vocabulary fields, its quotes, and
    the same of the records nested in it (an erratum's references give their addresses,
    publishers and titles).  A span gives its quote: its own words always, a framing
    sentence cited for context (``role`` ``context``) only with ``context=True``, as
    ``uj.search(..., context=True)`` does.
    """
    found: list[str] = []
    for field in attrs.fields(type(obj)):  # type: ignore[arg-type]
        value = getattr(obj, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, uj.Span):
                if context or item.role is uj.SpanRole.OWN:
                    found.append(item.quote)
            elif isinstance(item, enum.Enum):
                found.append(str(item.value))
            elif isinstance(item, str):
                found.append(item)
            elif attrs.has(type(item)):
                found += words(item, context=context)
    return found
