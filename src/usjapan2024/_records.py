"""The records of a meeting that have ids, and their ids as strings.

Integrity checks, indexes and the command line all walk the same groups in the same
order; this is the one place that order and the id rule are written down.
"""

from __future__ import annotations

from usjapan2024.model import Meeting, Record
from usjapan2024.vocabulary import Actor

__all__ = ["RECORD_KINDS", "record_groups", "record_id"]

RECORD_KINDS: tuple[str, ...] = (
    "meeting",
    "officials",
    "parties",
    "programmes",
    "events",
    "commitments",
    "threats",
    "errata",
)
"""The kinds of record a listing or an export can ask for: the meeting, or a group."""


def record_groups(meeting: Meeting) -> dict[str, tuple[Record, ...]]:
    """Map each field of ``meeting`` that holds records with ids to its records."""
    return {
        "officials": meeting.officials,
        "parties": meeting.parties,
        "programmes": meeting.programmes,
        "events": meeting.events,
        "commitments": meeting.commitments,
        "threats": meeting.threats,
        "errata": meeting.errata,
    }


def record_id(record: Record) -> str:
    """Return a record's id as a string (a party's id is its actor's value)."""
    return record.id.value if isinstance(record.id, Actor) else record.id
