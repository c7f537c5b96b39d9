"""Query helpers: filter, search and fetch records of a meeting.

Every helper takes ``meeting=`` and defaults to the bundled dataset, so the common
case is one call.  Filters accept an enum member or its value as a string, in any
case.  One rule holds on every meeting: a value that could match nothing in *any*
meeting raises :class:`ValueError` (an enum filter's value outside its vocabulary,
listing the valid ones, because an empty result from a typo would look exactly like a
true "none"; an empty free-text value); a value that is valid but that this meeting
does not hold gives an empty result.  So ``subject="Tomahawk"`` is an empty result on a
meeting without Tomahawks, never an error.  Filters are answered from indexes built
once per meeting (see ``_index``), not by a scan.

Results are :class:`~usjapan2024._results.Results`: tuples that also show as a table
in Jupyter and convert to a DataFrame with ``.to_frame()``.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, TypeVar, overload

from usjapan2024._filters import filters_of, member
from usjapan2024._index import MeetingIndex, index_of
from usjapan2024._loading import load
from usjapan2024._results import Results
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
from usjapan2024.vocabulary import (
    Actor,
    Organisation,
    Place,
    Response,
    Status,
    ThreatKind,
    Topic,
)

__all__ = ["commitments", "get", "officials", "search", "threats"]

T = TypeVar("T")


def officials(
    *,
    country: Actor | str | None = None,
    organisation: Organisation | str | None = None,
    meeting: Meeting | None = None,
) -> Results[Official]:
    """Return the officials who took part, optionally only one country's.

    >>> [o.name for o in officials(country="us")]
    ['Antony Blinken', 'Lloyd Austin']
    """
    return _select("officials", locals())


def commitments(  # noqa: PLR0913  (one keyword per filterable field)
    *,
    party: Actor | str | None = None,
    topic: Topic | str | None = None,
    status: Status | str | None = None,
    place: Place | str | None = None,
    partner: Actor | str | None = None,
    subject: str | None = None,
    programme: str | None = None,
    meeting: Meeting | None = None,
) -> Results[Commitment]:
    """Return the commitments matching every filter given, in source order.

    Args:
        party: A party that commits (``"US"``, ``"JP"``).
        topic: The policy area.
        status: Reaffirmed, planned or under way.
        place: A place it concerns.
        partner: Another party it involves.
        subject: A concrete thing it names, e.g. ``"Tomahawk"`` (case-insensitive).
        programme: The id of a programme it involves.
        meeting: The meeting to query; the bundled one by default.

    >>> [c.id for c in commitments(subject="tomahawk")]
    ['commitment.stand-off-missiles']
    """
    return _select("commitments", locals())


def threats(  # noqa: PLR0913  (one keyword per filterable field)
    *,
    actor: Actor | str | None = None,
    kind: ThreatKind | str | None = None,
    place: Place | str | None = None,
    response: Response | str | None = None,
    involving: Actor | str | None = None,
    meeting: Meeting | None = None,
) -> Results[Threat]:
    """Return the threats matching every filter given, in source order.

    >>> [t.kind.value for t in threats(actor="KP")]
    ['missile-launches', 'nuclear-buildup']
    """
    return _select("threats", locals())


def search(text: str, *, meeting: Meeting | None = None) -> Results[Record]:
    """Return every record whose text or quotes contain ``text``, ignoring case.

    Results come in source order of each record's first quote.

    >>> [r.id for r in search("George Washington")]
    ['commitment.uss-george-washington']
    """
    if not isinstance(text, str) or not text.strip():
        msg = f"search() needs a non-empty string, got {text!r}"
        raise ValueError(msg)
    needle = text.casefold()
    found = [record for record, hay in _index(meeting).haystacks if needle in hay]
    return Results(sorted(found, key=lambda r: r.sources[0].start if r.sources else -1))


_MISSING: Any = object()
RecordT = TypeVar("RecordT", Official, Party, Programme, Event, Commitment, Threat, Erratum)


@overload
def get(record_id: str, *, meeting: Meeting | None = None) -> Record: ...
@overload
def get(record_id: str, default: T, *, meeting: Meeting | None = None) -> Record | T: ...
@overload
def get(record_id: str, *, kind: type[RecordT], meeting: Meeting | None = None) -> RecordT: ...
@overload
def get(
    record_id: str, default: T, *, kind: type[RecordT], meeting: Meeting | None = None
) -> RecordT | T: ...
def get(
    record_id: str,
    default: Any = _MISSING,
    *,
    kind: type[Any] | None = None,
    meeting: Meeting | None = None,
) -> Any:
    """Return the record with id ``record_id`` (a party's id is its code, e.g. ``"JP"``).

    Args:
        record_id: The id to look up.
        default: Returned when no record has that id; without it, a miss raises.
        kind: The record type expected; a type checker then knows the result's type,
            and a record of another type raises :class:`TypeError`.
        meeting: The meeting to query; the bundled one by default.

    Raises:
        KeyError: No record has that id and no ``default`` was given; for an id a
            release retired, the message names the records that replaced it.
        TypeError: The record is not of type ``kind``.

    >>> get("official.kamikawa", kind=Official).name
    'Yoko Kamikawa'
    >>> get("official.nobody", None) is None
    True
    """
    index = _index(meeting)
    by_id = index.by_id
    found = by_id.get(record_id, _MISSING)
    if found is _MISSING:
        if default is not _MISSING:
            return default
        retired = index.retired.get(record_id)
        if retired is not None:
            replacements = ", ".join(map(repr, retired.replaced_by))
            msg = (
                f"{record_id!r} was retired in {retired.since} ({retired.reason});"
                f" it was replaced by {replacements}"
            )
            raise KeyError(msg)
        examples = ", ".join(repr(i) for i in list(by_id)[:3])
        msg = f"no record has id {record_id!r}; ids look like {examples}"
        raise KeyError(msg)
    if kind is not None and not isinstance(found, kind):
        msg = f"{record_id!r} is a {type(found).__name__}, not a {kind.__name__}"
        raise TypeError(msg)
    return found


def _index(meeting: Meeting | None) -> MeetingIndex:
    return index_of(load() if meeting is None else meeting)


def _select(query: str, arguments: dict[str, Any]) -> Results[Any]:
    """Answer query function ``query`` called with ``arguments`` (its ``locals()``).

    The keyword arguments of a query function other than ``meeting`` are its filters,
    declared in ``_filters.FILTERS``.
    """
    return _index(arguments["meeting"]).tables[query].select(criteria(query, arguments))


def criteria(query: str, arguments: dict[str, Any], *, option: bool = False) -> dict[str, Hashable]:
    """The filters given in ``arguments``, each as the key the index holds it under.

    This is the one place filter values are interpreted, and the only ``ValueError``
    it raises is for a value that could match nothing in any meeting (the command line
    relies on that).  It needs no meeting: validity does not depend on one.  With
    ``option``, messages name the command line's ``--option`` instead of the keyword.
    """
    criteria: dict[str, Hashable] = {}
    for f in filters_of(query):
        value = arguments[f.name]
        if value is None:
            continue
        if f.vocabulary is not None:
            where = f"unknown --{f.name}" if option else f"{query}(): unknown {f.name}"
            is_member = value.__class__ is f.vocabulary
            criteria[f.name] = value if is_member else member(f.vocabulary, value, where)
            continue
        if not isinstance(value, str) or not value:
            where = f"--{f.name}" if option else f"{query}(): {f.name}"
            msg = f"{where} must be a non-empty string, not {value!r}"
            raise ValueError(msg)
        criteria[f.name] = f.key(value)
    return criteria
