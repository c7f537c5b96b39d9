"""The kinds of record that have ids: the one table the rest of the package derives from.

Integrity checks, indexes, listings, exports, tables, the command line's choices and
the Hypothesis plugin all walk the same kinds in the same order.  The data-model page
of the docs says what else a new kind needs ("Extending the model").
"""

from __future__ import annotations

import typing
from typing import Literal

import attrs

from usjapan2024.model import (
    Commitment,
    Erratum,
    Event,
    Meeting,
    Official,
    Party,
    Programme,
    Record,
    Threat,
)
from usjapan2024.vocabulary import Actor

__all__ = [
    "CLASS_OF",
    "KINDS",
    "RECORD_KINDS",
    "Kind",
    "RecordKindName",
    "kind_of",
    "record_groups",
    "record_id",
]


@attrs.frozen
class Kind:
    """One kind of record.

    Attributes:
        group: The :class:`Meeting` field that holds the records; also the name a
            listing, an export and the Hypothesis strategy of the kind go by.
        cls: The record class.
        columns: The columns a table of these records shows.
        text: The field a table of mixed kinds shows as the record's text.
    """

    group: str
    cls: type[Record]
    columns: tuple[str, ...]
    text: str


KINDS: tuple[Kind, ...] = (
    Kind("officials", Official, ("id", "name", "title", "country"), "name"),
    Kind("parties", Party, ("id", "name", "kind"), "name"),
    Kind("programmes", Programme, ("id", "name", "acronym", "kind"), "name"),
    Kind("events", Event, ("id", "date", "description"), "description"),
    Kind("commitments", Commitment, ("id", "parties", "topic", "status", "summary"), "summary"),
    Kind("threats", Threat, ("id", "actor", "kind", "response", "summary"), "summary"),
    Kind("errata", Erratum, ("id", "target", "kind", "record_says"), "record_says"),
)
"""Every kind of record with an id, in the order of the dataset file."""

RecordKindName = Literal[
    "meeting", "officials", "parties", "programmes", "events", "commitments", "threats", "errata"
]
"""The kinds of record as a type, so that a misspelt kind fails type checking; a test
checks it names :data:`RECORD_KINDS` (type checkers cannot read a tuple built at run time)."""

RECORD_KINDS = typing.cast(
    "tuple[RecordKindName, ...]", ("meeting", *(kind.group for kind in KINDS))
)
"""The kinds of record a listing or an export can ask for: the meeting, or a group."""

_BY_CLASS = {kind.cls: kind for kind in KINDS}

CLASS_OF: dict[str, type[Record]] = {kind.group: kind.cls for kind in KINDS}
"""Each group's record class, by the group's name."""


def kind_of(record: Record) -> Kind:
    """Return the kind of ``record``."""
    return _BY_CLASS[type(record)]


def record_groups(meeting: Meeting) -> dict[str, tuple[Record, ...]]:
    """Map each field of ``meeting`` that holds records with ids to its records."""
    return {kind.group: getattr(meeting, kind.group) for kind in KINDS}


def record_id(record: Record) -> str:
    """Return a record's id as a string (a party's id is its actor's value)."""
    return record.id.value if isinstance(record.id, Actor) else record.id
