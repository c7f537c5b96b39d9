"""Query helpers: filter, search and fetch records of a meeting.

Every helper takes ``meeting=`` and defaults to the bundled dataset, so the common
case is one call.  Filters accept an enum member or its value as a string, in any
case; an open vocabulary's value that is no member (a state by its code, a place another
meeting declares) is accepted as files write it (a lower-case slug), a state's code in
any case.  One rule
holds on every meeting: a value that could match nothing in *any* meeting raises
:class:`ValueError` (an enum filter's value outside its vocabulary, listing the valid
ones, because an empty result from a typo would look exactly like a true "none"; an
empty free-text value); a value that is valid but that this meeting
does not hold gives an empty result.  So ``subject="Tomahawk"`` is an empty result on a
meeting without Tomahawks, never an error.  Filters are answered from indexes built
per meeting (see ``_querying/index.py``: a table is scanned for its first query and
indexed from its second), and the bundled meeting's answers are kept once given (see
:data:`_ANSWERS`).

A filter is typed as its enum, its values (a ``Literal`` alias such as ``TopicValue``,
which editors offer as completions) or any ``str``: a ``str`` held in a variable type-checks,
as it did in 1.0.0 (1.1.0 took ``str`` away, which broke type-checked code in a MINOR
release; the versioning policy in ``docs/dataset-card.md`` now says so), and a value
outside the vocabulary is refused at run time, as above.

Results are :class:`~usjapan2024._results.Results`: tuples that also show as a table
in Jupyter and convert to a DataFrame with ``.to_frame()``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Hashable, Iterable
from typing import Any, TypeVar, overload

from usjapan2024._loading import load as _loading
from usjapan2024._loading.load import load
from usjapan2024._model.filters import exact_sets_of, filters_of, member
from usjapan2024._model.kinds import record_id
from usjapan2024._querying.index import MeetingIndex, index_of
from usjapan2024._querying.results import Results
from usjapan2024.model import (
    Commitment,
    Erratum,
    Meeting,
    Official,
    Record,
    Threat,
)
from usjapan2024.vocabulary import (
    Actor,
    ActorValue,
    Organisation,
    OrganisationValue,
    Place,
    PlaceValue,
    Response,
    ResponseValue,
    Status,
    StatusValue,
    ThreatKind,
    ThreatKindValue,
    Topic,
    TopicValue,
)

__all__ = ["commitments", "errata_for", "get", "officials", "search", "threats"]

T = TypeVar("T")


def officials(
    *,
    country: Actor | ActorValue | str | None = None,
    organisation: Organisation | OrganisationValue | str | None = None,
    meeting: Meeting | None = None,
) -> Results[Official]:
    """Return the officials who took part, optionally only one country's.

    >>> [o.name for o in officials(country="us")]
    ['Antony Blinken', 'Lloyd Austin']
    """
    if meeting is None:  # a question asked before (see _ANSWERS): its answer, at once
        known = _ANSWERS.get(("officials", country, organisation))
        if known is not None and known.meeting is _loading.bundled():
            return known
    return _select("officials", locals())


def commitments(  # noqa: PLR0913  (one keyword per filterable field)
    *,
    party: Actor | ActorValue | str | None = None,
    topic: Topic | TopicValue | str | None = None,
    status: Status | StatusValue | str | None = None,
    place: Place | PlaceValue | str | None = None,
    partner: Actor | ActorValue | str | None = None,
    subject: str | None = None,
    programme: str | None = None,
    meeting: Meeting | None = None,
    parties: Actor | ActorValue | str | Iterable[Actor | ActorValue | str] | None = None,
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
        parties: Exactly these parties commit, no more and no fewer: ``parties="US"``
            is the U.S. alone, ``parties=["US", "JP"]`` both jointly.  ``party=``
            matches a commitment with that party among others.

    >>> [c.id for c in commitments(subject="tomahawk")]
    ['commitment.stand-off-missiles']
    >>> len(commitments(party="US")), len(commitments(parties="US"))
    (34, 3)
    """
    if meeting is None:  # a question asked before (see _ANSWERS): its answer, at once
        wanted = tuple(parties) if parties.__class__ is list else parties  # kept as a tuple
        try:
            known = _ANSWERS.get(
                ("commitments", party, topic, status, place, partner, subject, programme, wanted)
            )
        except TypeError:  # a set of parties, say: never kept
            known = None
        if known is not None and known.meeting is _loading.bundled():
            return known
    return _select("commitments", locals())


def threats(  # noqa: PLR0913  (one keyword per filterable field)
    *,
    actor: Actor | ActorValue | str | None = None,
    kind: ThreatKind | ThreatKindValue | str | None = None,
    place: Place | PlaceValue | str | None = None,
    response: Response | ResponseValue | str | None = None,
    involving: Actor | ActorValue | str | None = None,
    meeting: Meeting | None = None,
) -> Results[Threat]:
    """Return the threats matching every filter given, in source order.

    >>> [t.kind.value for t in threats(actor="KP")]
    ['missile-launches', 'nuclear-buildup']
    """
    if meeting is None:  # a question asked before (see _ANSWERS): its answer, at once
        known = _ANSWERS.get(("threats", actor, kind, place, response, involving))
        if known is not None and known.meeting is _loading.bundled():
            return known
    return _select("threats", locals())


def search(
    text: str, *, meeting: Meeting | None = None, whole_words: bool = False, context: bool = False
) -> Results[Record]:
    """Return every record whose words contain ``text``, ignoring case.

    A record's words are every string field (ids, names, summaries), the value of
    every vocabulary field (``"US"``, ``"deterrence"``), every quote, and the same of
    the records nested in it (an erratum's references), so searching for a publisher
    finds the errata that cite it.  ``text`` matches anywhere inside them, as a
    case-insensitive substring: ``"us"`` finds every record of the U.S. and of
    "focus" and "trust".  With ``whole_words=True`` it matches only where it is not
    part of a longer word (letters, digits or ``_`` on neither side).

    A quote counts only when it is the record's own words: a framing sentence that a
    record cites for context (a span whose ``role`` is ``context``) sets none of its
    values, so it does not make the record match, unless ``context=True``.

    Results come in source order of each record's first quote; records whose first
    quotes start at the same offset keep the meeting's record order (officials,
    parties, programmes, events, commitments, threats, errata, each group in its
    file's order).  So the order is that of ``sorted(matches, key=first quote's start)``
    over the matches in record order, and the same on every run.

    >>> [r.id for r in search("George Washington")]
    ['commitment.uss-george-washington']
    >>> len(search("us")) > len(search("us", whole_words=True))
    True
    >>> search("stay ahead in technology")
    ()
    >>> [r.id for r in search("stay ahead in technology", context=True)]
    ['commitment.defense-industry']
    """
    if not isinstance(text, str) or not text.strip():
        msg = f"search() needs a non-empty string, got {text!r}"
        raise ValueError(msg)
    needle = text.casefold()
    haystacks = _index(meeting).haystacks
    if whole_words:
        word = re.compile(rf"(?<!\w){re.escape(needle)}(?!\w)")

        def matches(texts: tuple[str, ...]) -> bool:
            return any(map(word.search, texts))
    else:

        def matches(texts: tuple[str, ...]) -> bool:
            return any(needle in text for text in texts)

    found = [r for r, own, framing in haystacks if matches(own) or (context and matches(framing))]
    # `found` is in record order and sorted() is stable: ties keep that order, as documented.
    chosen = sorted(found, key=lambda r: r.sources[0].start if r.sources else -1)
    return Results(chosen, None, _meeting(meeting))


def errata_for(record: Record | str, *, meeting: Meeting | None = None) -> Results[Erratum]:
    """Return the errata on ``record`` (a record or its id): where its text is wrong or vague.

    A record keeps the text's wording even where the text is wrong; the erratum beside
    it says what the public record holds.  Check a record's errata before quoting it.

    >>> [(e.id, e.field) for e in errata_for("official.hamada")]
    [('erratum.defense-minister', 'name')]
    >>> errata_for(get("official.kamikawa"))
    ()

    Args:
        record: The record, or its id (a party's id is its code, e.g. ``"JP"``).
        meeting: The meeting the record belongs to; the bundled one by default.

    Raises:
        KeyError: No record has that id (a typo must not look like "no errata"); for a
            retired id, the message names the records that replaced it.
    """
    target = record if isinstance(record, str) else record_id(record)
    get(target, meeting=meeting)  # raises for an id that names no record
    home = _meeting(meeting)
    return Results((e for e in home.errata if e.target == target), Erratum, home)


_MISSING: Any = object()
RecordT = TypeVar("RecordT", bound=Record)
"""A kind of record, for :func:`get`'s ``kind=``: bound to :data:`~usjapan2024.model.Record`, so a
new kind needs no edit here."""


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


def _meeting(meeting: Meeting | None) -> Meeting:
    return load() if meeting is None else meeting


def _index(meeting: Meeting | None) -> MeetingIndex:
    return index_of(_meeting(meeting))


_ANSWERS: dict[tuple[object, ...], Results[Any]] = {}
"""The bundled meeting's answers, by the query and its arguments as given.

The bundled meeting is loaded once and kept for the life of the process, and its
answers are immutable (``Results`` refuse any change), so an answer once given is given
again from here: one dictionary hit, where even an index lookup must first read and
check every argument.  Only answers get here (an invalid argument raised first), only
for plain arguments (:func:`_kept_key`), and at most :data:`_MAX_ANSWERS` of them (then
they are dropped, and kept again as they are asked).

Each query function looks its question up first, by a key of its own arguments in the
order of its signature, ``meeting`` left out: the key :func:`_kept_key` keeps answers
under (``tests/test_queries.py`` asks every query function each of its filters).  A key
that left an argument out would never match, as it would be shorter: the answer would
only be found again by the index."""
_MAX_ANSWERS = 4096


def _kept_key(query: str, arguments: dict[str, Any]) -> tuple[object, ...] | None:
    """The key an answer to this question is kept under, or ``None`` if it is not kept.

    The query and every argument but ``meeting``, in order, so that an argument added
    to a query function is part of the key with no edit here.  Only plain values are
    kept: ``None``, a string or a vocabulary member, or a list or tuple of those (a list
    as a tuple: ``parties=["US", "JP"]`` is the question ``parties=("US", "JP")``
    asks).  Anything else (a set, a generator, an object of the caller's) is not: it
    might hash by identity, and it would be held here.
    """
    key: list[object] = [query]
    for name in _parameters(query):
        value = arguments[name]
        if value.__class__ is list or value.__class__ is tuple:
            items = tuple(value)
            if not all(isinstance(item, str) for item in items):  # members are str too
                return None
            key.append(items)
        elif value is None or isinstance(value, str):
            key.append(value)
        else:
            return None
    return tuple(key)


@functools.cache
def _parameters(query: str) -> tuple[str, ...]:
    """The names of query function ``query``'s parameters but ``meeting``, in order.

    Read from its code (all are keyword-only), not from the ``locals()`` it passes,
    which may hold its own variables too.
    """
    code = globals()[query].__code__
    return tuple(n for n in code.co_varnames[: code.co_kwonlyargcount] if n != "meeting")


def _select(query: str, arguments: dict[str, Any]) -> Results[Any]:
    """Answer query function ``query`` called with ``arguments`` (its ``locals()``).

    The keyword arguments of a query function other than ``meeting`` are its filters,
    declared in ``_model.filters`` (``FILTERS``, and the exact sets that narrow the
    filtered answer).  The answer carries the meeting it comes from, so that its tables
    show that meeting's errata and text.  (The indexes keep results without it: a
    meeting's own indexes must not hold it alive.)  The bundled meeting's answers are
    kept (:data:`_ANSWERS`).
    """
    given = arguments["meeting"]
    meeting = _meeting(given)
    found = index_of(meeting).table(query).select(criteria(query, arguments))
    answer = Results(found, found.kind, meeting)
    wanted = exact_sets(query, arguments)
    if wanted:
        # An exact set narrows the indexed answer: it compares a record's whole set of values.
        chosen = (
            r for r in answer if all(frozenset(getattr(r, f)) == v for f, v in wanted.items())
        )
        answer = Results(chosen, found.kind, meeting)
    if given is None:
        key = _kept_key(query, arguments)
        if key is not None:
            # Every answer kept is of one meeting, so one tells whether the bundled
            # meeting has been loaded again since (as tests do): then none is its.
            kept = next(iter(_ANSWERS.values()), answer)
            if len(_ANSWERS) >= _MAX_ANSWERS or kept.meeting is not meeting:
                _ANSWERS.clear()
            _ANSWERS[key] = answer
    return answer


def exact_sets(
    query: str, arguments: dict[str, Any], *, option: bool = False
) -> dict[str, frozenset[Any]]:
    """The exact sets given in ``arguments``, by field, each as the set of members it names.

    A value outside the vocabulary, or no value at all, raises :class:`ValueError`,
    worded for the command line's ``--option`` with ``option``.
    """
    wanted: dict[str, frozenset[Any]] = {}
    for e in exact_sets_of(query):
        value = arguments[e.name]
        if value is None:
            continue
        given = (value,) if isinstance(value, str) else tuple(value)  # a member is a str
        if not given:
            where = f"--{e.name}" if option else f"{query}(): {e.name}"
            msg = f"{where} must name at least one value"
            raise ValueError(msg)
        where = f"unknown --{e.name}" if option else f"{query}(): unknown {e.name}"
        wanted[e.field] = frozenset(
            v if v.__class__ is e.vocabulary else member(e.vocabulary, v, where) for v in given
        )
    return wanted


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
