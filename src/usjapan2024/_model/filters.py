"""The query filters, declared once: the query functions, the indexes and the CLI read them.

A filter names a field of one kind of record and says how a value given by the user
is checked.  An enum filter accepts a member or its value or name as a string, in any
case; a free-text filter accepts any non-empty string, compared case-insensitively
where ``fold`` says so.  ``queries`` says which values raise and why.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Hashable, Iterable
from typing import Any

import attrs

from usjapan2024.vocabulary import (
    Actor,
    Organisation,
    Place,
    Response,
    Status,
    ThreatKind,
    Topic,
)

__all__ = ["FILTERS", "Filter", "filters_of", "member"]


@attrs.frozen
class Filter:
    """One keyword of a query function.

    Attributes:
        query: The query function, named as the record group it returns.
        name: The keyword.
        values: The values a record has for it (one, or several for a tuple field).
        vocabulary: The enum its values come from; ``None`` for free text, whose valid
            values are those the meeting holds.
        help: What it selects, for the command line's help.
        fold: Whether free text is compared case-insensitively.
    """

    query: str
    name: str
    values: Callable[[Any], Iterable[Hashable]]
    vocabulary: type[enum.Enum] | None
    help: str
    fold: bool = False

    def key(self, value: Hashable) -> Hashable:
        """The form a record's value is indexed under."""
        return value.casefold() if self.fold and isinstance(value, str) else value


FILTERS: tuple[Filter, ...] = (
    Filter("officials", "country", lambda o: (o.country,), Actor, "the state they serve"),
    Filter("officials", "organisation", lambda o: (o.organisation,), Organisation,
           "the department they lead"),
    Filter("commitments", "party", lambda c: c.parties, Actor, "a party that commits"),
    Filter("commitments", "topic", lambda c: (c.topic,), Topic, "policy area"),
    Filter("commitments", "status", lambda c: (c.status,), Status, "how far it has gone"),
    Filter("commitments", "place", lambda c: c.places, Place, "a place it concerns"),
    Filter("commitments", "partner", lambda c: c.partners, Actor, "another party it involves"),
    Filter("commitments", "subject", lambda c: c.subjects, None,
           "a concrete thing it names, e.g. Tomahawk", fold=True),
    Filter("commitments", "programme", lambda c: c.programmes, None,
           "the id of a programme it involves"),
    Filter("threats", "actor", lambda t: (t.actor,), Actor, "whose behaviour"),
    Filter("threats", "kind", lambda t: (t.kind,), ThreatKind, "kind of behaviour"),
    Filter("threats", "place", lambda t: t.places, Place, "a place it concerns"),
    Filter("threats", "response", lambda t: (t.response,), Response,
           "how the ministers responded"),
    Filter("threats", "involving", lambda t: t.involving, Actor, "another party involved"),
)  # fmt: skip


@functools.cache
def filters_of(query: str) -> tuple[Filter, ...]:
    """The filters of one query function, in the order of its keywords."""
    return tuple(f for f in FILTERS if f.query == query)


def member(cls: type[enum.Enum], value: object, where: str) -> enum.Enum:
    """Turn a filter value into a member of ``cls``, case-insensitively, or say why not.

    ``where`` names the filter as the caller spells it: ``commitments(): unknown topic``
    in Python, ``unknown --topic`` on the command line.
    """
    found = _spellings(cls).get(value.casefold()) if isinstance(value, str) else None
    if found is None:
        valid = ", ".join(repr(m.value) for m in cls)
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
