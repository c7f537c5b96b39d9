"""The kinds of record that have ids, read off the model.

A kind is a field of :class:`~usjapan2024.Meeting` that holds records whose class
declares its :class:`~usjapan2024._model.fields.Listing`; the kinds come in the order of
those fields, which is the order of the dataset file.  Integrity checks, indexes,
listings, exports, tables, the command line's choices and the Hypothesis plugin all walk
:data:`KINDS`.  ``docs/architecture.md`` says what else a new kind needs.
"""

from __future__ import annotations

import typing
from typing import Literal

import attrs

from usjapan2024._model.fields import FieldInfo, fields_of, record_fields
from usjapan2024.model import Meeting, Record
from usjapan2024.vocabulary import OpenVocabulary, Vocabulary

__all__ = [
    "CLASS_OF",
    "DECLARED_IN",
    "KINDS",
    "RECORD_KINDS",
    "Kind",
    "RecordKindName",
    "declarations",
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
        columns: The columns a table of these records shows (the class's listing).
        text: The field a table of mixed kinds shows as the record's text.
    """

    group: str
    cls: type[Record]
    columns: tuple[str, ...]
    text: str


def _kind(field: FieldInfo) -> Kind:
    cls = typing.cast("type[Record]", field.nested)
    return Kind(field.name, cls, cls.listing.columns, cls.listing.text)


KINDS: tuple[Kind, ...] = tuple(map(_kind, record_fields(Meeting)))
"""Every kind of record with an id, in the order of the dataset file."""

RecordKindName = Literal[
    "meeting",
    "officials",
    "parties",
    "locations",
    "departments",
    "programmes",
    "events",
    "commitments",
    "threats",
    "errata",
]
"""The kinds of record as a type, public as ``usjapan2024.RecordKindName``: for a caller's
annotations, and the completions an editor offers; a test checks it names
:data:`RECORD_KINDS` (type checkers cannot read a tuple built at run time)."""

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
    """Return a record's id as a string (a declaration's id is its vocabulary value's)."""
    return record.id.value if isinstance(record.id, Vocabulary) else record.id


DECLARED_IN: dict[type[OpenVocabulary], str] = {
    field.vocabulary: kind.group
    for kind in KINDS
    for field in fields_of(kind.cls)
    if field.name == "id"
    and field.vocabulary is not None
    and issubclass(field.vocabulary, OpenVocabulary)
}
"""Each open vocabulary, and the group of records that declares its values: Actor's are
the parties, Place's the locations, Organisation's the departments (read off the
declaring classes' ``id`` fields)."""


def declarations(meeting: Meeting, vocabulary: type[OpenVocabulary]) -> dict[OpenVocabulary, str]:
    """The values of ``vocabulary`` that ``meeting`` may hold, each with its name for people.

    They are the ones its records declare, named as the records name them.  A meeting
    that declares none uses the bundled communiqué's, the vocabulary's members with
    their labels, as every file before schema 3 (which could declare no places nor
    departments) did.
    """
    records = getattr(meeting, DECLARED_IN[vocabulary])
    if not records:
        return {member: member.label for member in vocabulary}
    return {record.id: record.name for record in records}
