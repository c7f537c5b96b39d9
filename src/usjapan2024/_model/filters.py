"""The query filters, one row each: the query functions, the indexes and the CLI read them.

A filter is a keyword of a query function that names one field of that function's
records; everything else about it is read off the field (:mod:`._model.fields`): its
vocabulary, whether it holds many values (a record matches when any of them does) and
whether text is compared case-insensitively.  An enum filter accepts a member or its
value or name as a string, in any case; a free-text filter accepts any non-empty string.
An exact set (:class:`ExactSet`) is the other kind of keyword: it asks for records whose
many values are exactly the ones given.  ``queries`` says which values raise and why;
``tests/test_fields.py`` fails when a query function's keywords and these rows disagree,
and ``tests/test_cli.py`` when a listing command lacks an option for one of them.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Hashable, Iterable

import attrs

from usjapan2024._model.fields import FieldInfo, field_info
from usjapan2024._model.kinds import CLASS_OF
from usjapan2024.vocabulary import ISO_3166_ALPHA_2, OpenVocabulary

__all__ = [
    "EXACT_SETS",
    "FILTERS",
    "ExactSet",
    "Filter",
    "exact_sets_of",
    "filters_of",
    "keywords_of",
    "member",
]


@attrs.frozen
class Filter:
    """One keyword of a query function.

    Attributes:
        query: The query function, named as the record group it returns.
        name: The keyword.
        field: The field of the query's records it compares with.
        help: What it selects, for the command line's help.
        info: The field, as the reflection layer describes it (read once, when the row
            is made, so that answering a query reads no metadata).
        vocabulary: The enum its values come from; ``None`` for free text (any value the
            meeting holds).
        fold: Whether free text is compared case-insensitively (the field says so).
    """

    query: str
    name: str
    field: str
    help: str
    info: FieldInfo = attrs.field(init=False)
    vocabulary: type[enum.Enum] | None = attrs.field(init=False)
    fold: bool = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        info = field_info(CLASS_OF[self.query], self.field)
        object.__setattr__(self, "info", info)
        object.__setattr__(self, "vocabulary", info.vocabulary)
        object.__setattr__(self, "fold", info.fold_case)

    def values(self, record: object) -> Iterable[Hashable]:
        """The values ``record`` has for it: one, or several for a many-valued field."""
        value = getattr(record, self.field)
        return value if self.info.many else (value,)

    def key(self, value: Hashable) -> Hashable:
        """The form a record's value is indexed under."""
        return value.casefold() if self.fold and isinstance(value, str) else value


FILTERS: tuple[Filter, ...] = (
    Filter("officials", "country", "country", "the state they serve"),
    Filter("officials", "organisation", "organisation", "the department they lead"),
    Filter("commitments", "party", "parties", "a party that commits"),
    Filter("commitments", "topic", "topic", "policy area"),
    Filter("commitments", "status", "status", "how far it has gone"),
    Filter("commitments", "place", "places", "a place it concerns"),
    Filter("commitments", "partner", "partners", "another party it involves"),
    Filter("commitments", "subject", "subjects", "a concrete thing it names, e.g. Tomahawk"),
    Filter("commitments", "programme", "programmes", "the id of a programme it involves"),
    Filter("threats", "actor", "actor", "whose behaviour"),
    Filter("threats", "kind", "kind", "kind of behaviour"),
    Filter("threats", "place", "places", "a place it concerns"),
    Filter("threats", "response", "response", "how the ministers responded"),
    Filter("threats", "involving", "involving", "another party involved"),
)
"""Every filter, grouped by query function in the order of its keywords."""


@functools.cache
def filters_of(query: str) -> tuple[Filter, ...]:
    """The filters of one query function, in the order of its keywords."""
    return tuple(f for f in FILTERS if f.query == query)


@attrs.frozen
class ExactSet:
    """A keyword of a query function that asks for exactly a set of values.

    ``commitments(parties=["US", "JP"])`` is the commitments whose ``parties`` are the
    U.S. and Japan, no more and no fewer.  Not a :class:`Filter`: a filter matches one
    value against a record's values (and is indexed, in memory and in SQLite); this
    compares a whole set, so it narrows the indexed answer instead.

    Attributes:
        query: The query function, named as the record group it returns.
        name: The keyword.
        field: The many-valued field of the query's records it compares with.
        help: What it selects, for the command line's help.
        vocabulary: The enum its values come from (read off the field).
    """

    query: str
    name: str
    field: str
    help: str
    vocabulary: type[enum.Enum] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        info = field_info(CLASS_OF[self.query], self.field)
        if info.vocabulary is None or not info.many:
            msg = f"{self.query}({self.name}=): {self.field} is not a field of many enum values"
            raise TypeError(msg)
        object.__setattr__(self, "vocabulary", info.vocabulary)


EXACT_SETS: tuple[ExactSet, ...] = (
    ExactSet("commitments", "parties", "parties", "exactly these parties commit, no more"),
)
"""Every exact-set keyword; each comes after ``meeting=`` in its function's signature."""


@functools.cache
def exact_sets_of(query: str) -> tuple[ExactSet, ...]:
    """The exact-set keywords of one query function, in the order of its keywords."""
    return tuple(e for e in EXACT_SETS if e.query == query)


def keywords_of(query: str) -> tuple[Filter | ExactSet, ...]:
    """Every keyword of one query function that selects records: its filters, then sets."""
    return (*filters_of(query), *exact_sets_of(query))


def member(cls: type[enum.Enum], value: object, where: str) -> enum.Enum:
    """Turn a filter value into a member of ``cls``, case-insensitively, or say why not.

    ``where`` names the filter as the caller spells it: ``commitments(): unknown topic``
    in Python, ``unknown --topic`` on the command line.
    """
    found = _spellings(cls).get(value.casefold()) if isinstance(value, str) else None
    # A string, but not a member of another vocabulary, which is one too (Topic.DETERRENCE).
    other = isinstance(value, enum.Enum)
    if found is None and isinstance(value, str) and not other and issubclass(cls, OpenVocabulary):
        # A value another meeting may declare: valid, though this one may hold none of it.
        # A state's code in any case ("ph" is the Philippines); any other value as files
        # write it, in lower case, so that the common mistakes ("Russia" for "RU", "USA",
        # "JPN") are refused with the valid values, not read as some other file's slug.
        code = value.upper()
        if code in ISO_3166_ALPHA_2 and cls.well_formed(code):
            return cls(code)
        if cls.well_formed(value):
            return cls(value)
    if found is None:
        valid = ", ".join(repr(m.value) for m in cls)
        if issubclass(cls, OpenVocabulary):
            valid += f", or {cls.form()}"
        msg = f"{where} {value!r}; valid values are {valid}"
        raise ValueError(msg)
    return found


@functools.cache
def _spellings(cls: type[enum.Enum]) -> dict[str, enum.Enum]:
    """Every accepted spelling of each member of ``cls``: its value and name, case-folded."""
    found: dict[str, enum.Enum] = {}
    for m in cls:
        found[m.name.casefold()] = m
        found[str(m.value).casefold()] = m
    return found
