"""Code the exercises give you: use it in your answers, do not change it."""

from __future__ import annotations

import enum

import attrs

import usjapan2024 as uj


def condemned_actors(threats: list[uj.Threat]) -> int:
    """Return how many distinct actors the ministers condemned (it has a bug: hypothesis-3)."""
    return len([t.actor for t in threats if t.response is uj.Response.CONDEMNATION])


def words(obj: object) -> list[str]:
    """Return the strings ``uj.search`` looks in, written plainly to serve as an oracle.

    They are a record's strings, the values of its vocabulary fields, its quotes, and
    the same of the records nested in it (a span gives its quote; an erratum's
    references give their addresses, publishers and titles).
    """
    found: list[str] = []
    for field in attrs.fields(type(obj)):  # type: ignore[arg-type]
        value = getattr(obj, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if isinstance(item, enum.Enum):
                found.append(str(item.value))
            elif isinstance(item, str):
                found.append(item)
            elif attrs.has(type(item)):
                found += words(item)
    return found
