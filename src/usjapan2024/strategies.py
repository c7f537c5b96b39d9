"""Hypothesis strategies for every record type and for whole, valid meetings.

For tool authors who test code that consumes this dataset's schema, and for this
project's own property tests, which use nothing else (so these strategies are proven
on every run).  Needs the ``testing`` extra: ``pip install usjapan2024[testing]``.

A generated :class:`Meeting` is valid in every way :func:`usjapan2024.loads` checks:
ids are unique, references resolve, every record quotes at least one span, and every
span is a verbatim slice of a generated source text.  Use :func:`meetings_with_source`
to get that text too, since loading a generated meeting needs it.  Three factories
share their names with query functions of the package (``commitments``, ``officials``,
``threats``), so import the module under a name of its own, as the docs do
(``from usjapan2024 import strategies as ujst``), rather than its names:

>>> from hypothesis import given
>>> from usjapan2024 import dumps, loads
>>> @given(meetings_with_source())
... def test_round_trip(pair):
...     meeting, text = pair
...     assert loads(dumps(meeting), source=text) == meeting
>>> test_round_trip()
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import string
from collections.abc import Callable, Iterable
from typing import Any, Concatenate, Final, ParamSpec, TypeVar

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from usjapan2024._io.bundled import source_text
from usjapan2024._loading.document import SUPPORTED_SCHEMA_VERSIONS
from usjapan2024._loading.load import load
from usjapan2024._loading.rules import FORMULA_TRIGGERS, NUL, formula_trigger
from usjapan2024._model.fields import correctable, fields_of
from usjapan2024._model.kinds import KINDS, record_id
from usjapan2024.model import (
    Commitment,
    Department,
    DocumentRef,
    Erratum,
    Event,
    Exclusion,
    Location,
    Meeting,
    Metadata,
    Official,
    Party,
    Programme,
    Record,
    RecordValue,
    Reference,
    Retired,
    SourceInfo,
    Span,
    Threat,
)
from usjapan2024.vocabulary import (
    Actor,
    ActorKind,
    DepartmentKind,
    ErratumKind,
    ExclusionReason,
    LocationKind,
    Organisation,
    Place,
    ProgrammeKind,
    Response,
    SourceRole,
    SpanRole,
    Status,
    ThreatKind,
    Topic,
)

__all__ = [
    "commitments",
    "departments",
    "errata",
    "events",
    "locations",
    "meetings",
    "meetings_with_source",
    "officials",
    "parties",
    "programmes",
    "source_texts",
    "spans",
    "threats",
]

_WORDS = (
    "alliance", "Japan’s", "U.S.", "deterrence", "Tomahawk", "Indo-Pacific", "ministers",
    "reaffirmed", "condemned", "Article", "V", "Okinawa", "Guam", "peace", "security",
    "東京", "2+2", "(JJOC)", "—",
)  # fmt: skip
_TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters=NUL),
    min_size=1,
    max_size=12,
).filter(lambda text: not formula_trigger(text))
# any Unicode but lone surrogates, which JSON can carry but UTF-8 cannot, and NUL, which
# CSV cannot; and no first character that a spreadsheet reads as a formula: loading
# refuses all three
_SLUG = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=8)
_SMALL = 4
_ACTORS = tuple(Actor)
_PLACES = tuple(Place)
_ORGANISATIONS = tuple(Organisation)
# Values of the open vocabularies that no member has, as another communiqué declares them:
# a meeting drawn with them proves that nothing assumes the bundled communiqué's values.
_COINED_ACTORS = (Actor("PH"), Actor("IN"), Actor("quad"))
_COINED_PLACES = (Place("sapporo"), Place("hokkaido"), Place("manila-bay"))
_COINED_ORGANISATIONS = (Organisation("ph-department-of-national-defense"),)
_NON_STATE_KINDS = tuple(kind for kind in ActorKind if kind is not ActorKind.STATE)
T = TypeVar("T")
P = ParamSpec("P")


def _actor_tuple(actors: object, where: str) -> tuple[Actor, ...]:
    """``actors`` as a tuple of :class:`Actor` members, or why it is not one.

    Any iterable of members will do (a list, a tuple, a set); a string will not, though
    it is an iterable: of its characters.  A list or tuple keeps its order (Hypothesis
    shrinks toward the first actor); a set takes the vocabulary's.
    """
    if isinstance(actors, Actor):
        msg = f"{where} takes an iterable of actors; for one, write [Actor.{actors.name}]"
        raise InvalidArgument(msg)
    if isinstance(actors, str):
        msg = (
            f"{where} takes Actor members, e.g. [Actor.CN, Actor.KP], not the string"
            f" {actors!r} (a string is an iterable of its characters)"
        )
        raise InvalidArgument(msg)
    if not isinstance(actors, Iterable):
        msg = f"{where} takes an iterable of Actor members, not {type(actors).__name__}"
        raise InvalidArgument(msg)
    found = tuple(dict.fromkeys(actors))  # in the order given, each once
    wrong = [a for a in found if not isinstance(a, Actor)]
    if wrong:
        msg = f"{where} takes Actor members, but {wrong[0]!r} is {type(wrong[0]).__name__}"
        if isinstance(wrong[0], str):
            msg += f"; write Actor({wrong[0]!r})"
        raise InvalidArgument(msg)
    if not found:
        msg = f"{where} needs at least one actor"
        raise InvalidArgument(msg)
    if isinstance(actors, (set, frozenset)):  # no order of its own: the vocabulary's, so
        members = [a for a in Actor if a in found]  # that runs repeat in every process;
        return (*members, *sorted(a for a in found if not a.is_member))  # coined ones last
    return found


def _tuple(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    return actors if type(actors) is tuple else tuple(actors)


def _taking_actors(
    name: str,
) -> Callable[[Callable[Concatenate[st.DrawFn, P], T]], Callable[P, st.SearchStrategy[T]]]:
    """``st.composite``, whose strategy refuses a wrong ``name=`` argument when called.

    So that ``threats(actors="CN")`` says at once what is wrong, instead of drawing
    threats of the actors "C" and "N", and a list works as a tuple does.
    """

    def decorate(draw: Callable[Concatenate[st.DrawFn, P], T]) -> Callable[P, st.SearchStrategy[T]]:
        strategy = st.composite(draw)
        where = f"{draw.__name__.removeprefix('_draw_')}({name}=...)"

        @functools.wraps(strategy)
        def factory(*args: P.args, **kwargs: P.kwargs) -> st.SearchStrategy[T]:
            if name in kwargs:
                kwargs[name] = _actor_tuple(kwargs[name], where)
            return strategy(*args, **kwargs)

        return factory

    return decorate


def source_texts() -> st.SearchStrategy[str]:
    """Texts of words that include curly quotes and non-Latin script, as the real one does."""
    return st.lists(st.sampled_from(_WORDS), min_size=1, max_size=60).map(" ".join)


@functools.lru_cache(maxsize=64)
def _passages(text: str, limit: int | None) -> tuple[tuple[int, int], ...]:
    """The ranges of ``text[:limit]`` a record may quote.

    For the bundled text, that is its lines less the excluded ones (headings and links
    to other articles), so that records drawn for it pass loading; for any other text,
    all of it.
    """
    if not text or (limit is not None and limit < 1):
        msg = "spans need a non-empty text to quote"
        raise InvalidArgument(msg)
    end_max = len(text) if limit is None else min(limit, len(text))
    if text != source_text():
        return ((0, end_max),)
    excluded = sorted((e.span.start, e.span.end) for e in load().metadata.source.excluded)
    found, start = [], 0
    for low, high in [*excluded, (end_max, end_max)]:
        if low > start:
            found.append((start, min(low, end_max)))
        start = max(start, high)
    return tuple((a, b) for a, b in found if b > a)


@st.composite
def spans(draw: st.DrawFn, text: str | None = None, *, limit: int | None = None) -> Span:
    """A non-empty, verbatim span of ``text[:limit]`` (a generated text if none is given).

    Given the bundled text, it quotes only the communiqué's lines, never an excluded one.
    """
    text = draw(source_texts()) if text is None else text
    low, high = draw(st.sampled_from(_passages(text, limit)))
    start = draw(st.integers(low, high - 1))
    end = draw(st.integers(start + 1, high))
    return Span(start, end, text[start:end])


def _quotable(text: str, start: int, low: int, high: int) -> int:
    """The first position from ``start`` (then from ``low``) that a record's quote may begin at.

    Loading refuses a quote that begins with a spreadsheet's formula trigger (``-`` of
    "Indo-Pacific", ``+`` of "2+2"); in a passage of nothing else, ``start`` it is.
    """
    for position in itertools.chain(range(start, high), range(low, start)):
        if text[position] not in FORMULA_TRIGGERS:
            return position
    return start


# Strategies are built once and reused: building new strategy objects inside every
# draw made generating a meeting slow, most of the time going to Hypothesis bookkeeping.
_COUNT = st.integers(1, 3)
_OFFSET = st.integers(0, 2**16)


def _draw_sources(
    draw: st.DrawFn, text: str | None, limit: int | None, *, context: bool = True
) -> tuple[Span, ...]:
    """One to three verbatim spans of ``text[:limit]``, drawn from shared strategies.

    A record's own words come first; with ``context``, the spans after them may be cited
    for context (``SpanRole.CONTEXT``), as loading requires.  A meeting's own sources
    pass ``context=False``: it cites no framing sentence.
    """
    text = draw(source_texts()) if text is None else text
    passages = _passages(text, limit)
    count = draw(_COUNT)
    own = 1 + draw(_OFFSET) % count if context else count
    found = []
    for k in range(count):
        low, high = passages[draw(_OFFSET) % len(passages)]
        start = _quotable(text, low + draw(_OFFSET) % (high - low), low, high)
        end = start + 1 + draw(_OFFSET) % (high - start)
        role = SpanRole.OWN if k < own else SpanRole.CONTEXT
        found.append(Span(start, end, text[start:end], role))
    return tuple(found)


# Cached by value: callers pass tuples of enum members or of ids, never a mix, since a
# str enum member and its value are equal keys.
@functools.lru_cache(maxsize=512)
def _one(elements: tuple[T, ...]) -> st.SearchStrategy[T]:
    return st.sampled_from(elements)


@functools.lru_cache(maxsize=512)
def _some_of(elements: tuple[T, ...]) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(st.sampled_from(elements), max_size=3, unique=True).map(tuple)


_MAYBE_DATE = st.none() | st.dates()
_MAYBE_TEXT = st.none() | _TEXT
_SOME_TEXT = st.lists(_TEXT, max_size=3, unique=True).map(tuple)
_SUBJECTS = st.lists(
    st.sampled_from(("Tomahawk", "Article V", "tofu", "TOFU")) | _TEXT, max_size=3, unique=True
).map(tuple)


def _id(draw: st.DrawFn, prefix: str, given: str | None) -> str:
    return given if given is not None else f"{prefix}.{draw(_SLUG)}"


def _draw_parties(
    draw: st.DrawFn,
    *,
    actor: Actor | None = None,
    text: str | None = None,
    limit: int | None = None,
) -> Party:
    """A :class:`Party` (for ``actor``, if given), quoting ``text[:limit]``."""
    actor = draw(_one(_ACTORS)) if actor is None else actor
    return Party(
        id=actor,
        name=draw(_TEXT),
        # A state exactly when its id is an ISO 3166-1 code, as loading checks.
        kind=ActorKind.STATE if actor.is_state else draw(_one(_NON_STATE_KINDS)),
        sources=_draw_sources(draw, text, limit),
    )


parties: Final = st.composite(_draw_parties)


def _draw_locations(
    draw: st.DrawFn,
    *,
    place: Place | None = None,
    text: str | None = None,
    limit: int | None = None,
) -> Location:
    """A :class:`Location` (declaring ``place``, if given), quoting ``text[:limit]``."""
    return Location(
        id=draw(_one(_PLACES + _COINED_PLACES)) if place is None else place,
        name=draw(_TEXT),
        kind=draw(_one(tuple(LocationKind))),
        sources=_draw_sources(draw, text, limit),
    )


locations = st.composite(_draw_locations)


def _draw_departments(
    draw: st.DrawFn,
    *,
    organisation: Organisation | None = None,
    countries: Iterable[Actor] = _ACTORS,
    text: str | None = None,
    limit: int | None = None,
) -> Department:
    """A :class:`Department` (declaring ``organisation``, if given) of one of ``countries``."""
    return Department(
        id=draw(_one(_ORGANISATIONS + _COINED_ORGANISATIONS))
        if organisation is None
        else organisation,
        name=draw(_TEXT),
        kind=draw(_one(tuple(DepartmentKind))),
        country=draw(_one(_tuple(countries))),
        sources=_draw_sources(draw, text, limit),
    )


departments = _taking_actors("countries")(_draw_departments)


def _draw_officials(  # noqa: PLR0913  (one keyword per kind of value it refers to)
    draw: st.DrawFn,
    *,
    id: str | None = None,
    countries: Iterable[Actor] = _ACTORS,
    organisations: tuple[Organisation, ...] = _ORGANISATIONS,
    text: str | None = None,
    limit: int | None = None,
) -> Official:
    """An :class:`Official` of one of ``countries``, leading one of ``organisations``."""
    return Official(
        id=_id(draw, "official", id),
        name=draw(_TEXT),
        title=draw(_TEXT),
        country=draw(_one(_tuple(countries))),
        organisation=draw(_one(organisations)),
        sources=_draw_sources(draw, text, limit),
    )


officials: Final = _taking_actors("countries")(_draw_officials)


def _draw_programmes(
    draw: st.DrawFn, *, id: str | None = None, text: str | None = None, limit: int | None = None
) -> Programme:
    """A :class:`Programme`."""
    return Programme(
        id=_id(draw, "programme", id),
        name=draw(_TEXT),
        acronym=draw(_MAYBE_TEXT),
        kind=draw(_one(tuple(ProgrammeKind))),
        description=draw(_TEXT),
        sources=_draw_sources(draw, text, limit),
    )


programmes: Final = st.composite(_draw_programmes)


def _draw_events(  # noqa: PLR0913  (one keyword per kind of value it refers to)
    draw: st.DrawFn,
    *,
    id: str | None = None,
    actors: Iterable[Actor] = _ACTORS,
    places: tuple[Place, ...] = _PLACES,
    text: str | None = None,
    limit: int | None = None,
) -> Event:
    """An :class:`Event` whose parties are among ``actors``."""
    return Event(
        id=_id(draw, "event", id),
        description=draw(_TEXT),
        date=draw(_MAYBE_DATE),
        parties=draw(_some_of(_tuple(actors))),
        places=draw(_some_of(places)),
        sources=_draw_sources(draw, text, limit),
    )


events: Final = _taking_actors("actors")(_draw_events)


def _draw_commitments(  # noqa: PLR0913  (one keyword per kind of reference)
    draw: st.DrawFn,
    *,
    id: str | None = None,
    actors: Iterable[Actor] = _ACTORS,
    places: tuple[Place, ...] = _PLACES,
    programme_ids: tuple[str, ...] = (),
    event_ids: tuple[str, ...] = (),
    text: str | None = None,
    limit: int | None = None,
) -> Commitment:
    """A :class:`Commitment` whose references are among the ids given."""
    return Commitment(
        id=_id(draw, "commitment", id),
        summary=draw(_TEXT),
        parties=draw(_some_of(_tuple(actors))),
        topic=draw(_one(tuple(Topic))),
        status=draw(_one(tuple(Status))),
        subjects=draw(_SUBJECTS),
        places=draw(_some_of(places)),
        partners=draw(_some_of(_tuple(actors))),
        programmes=draw(_some_of(programme_ids)) if programme_ids else (),
        events=draw(_some_of(event_ids)) if event_ids else (),
        sources=_draw_sources(draw, text, limit),
    )


commitments: Final = _taking_actors("actors")(_draw_commitments)


def _draw_threats(  # noqa: PLR0913  (one keyword per kind of value it refers to)
    draw: st.DrawFn,
    *,
    id: str | None = None,
    actors: Iterable[Actor] = _ACTORS,
    places: tuple[Place, ...] = _PLACES,
    text: str | None = None,
    limit: int | None = None,
) -> Threat:
    """A :class:`Threat` whose actors are among ``actors``."""
    return Threat(
        id=_id(draw, "threat", id),
        summary=draw(_TEXT),
        actor=draw(st.none() | _one(_tuple(actors))),
        kind=draw(_one(tuple(ThreatKind))),
        involving=draw(_some_of(_tuple(actors))),
        places=draw(_some_of(places)),
        targets=draw(_SOME_TEXT),
        response=draw(_one(tuple(Response))),
        sources=_draw_sources(draw, text, limit),
    )


threats: Final = _taking_actors("actors")(_draw_threats)


_REFERENCES = st.lists(
    st.builds(
        Reference,
        title=_TEXT,
        publisher=st.none() | _TEXT,
        url=st.none() | _TEXT,
        date=_MAYBE_DATE,
        role=st.none() | st.sampled_from(SourceRole),
    ),
    min_size=1,
    max_size=2,
).map(tuple)


def _draw_errata(  # noqa: PLR0913  (what it may refer to, and where it quotes)
    draw: st.DrawFn,
    *,
    id: str | None = None,
    targets: dict[str, tuple[str, ...]] | None = None,
    values: dict[tuple[str, str], tuple[RecordValue, ...]] | None = None,
    text: str | None = None,
    limit: int | None = None,
) -> Erratum:
    """An :class:`Erratum` of one of ``targets`` (record id -> its field names).

    Its ``record_value`` is ``None`` or one of ``values[target, field]``, the values
    that field may hold (in a meeting: those that records of the target's kind hold),
    so that it has the field's type and its ids resolve.
    """
    targets = targets or {"official.example": ("name", "title")}
    target = draw(st.sampled_from(sorted(targets)))
    field = draw(_one(targets[target]))
    choices = (values or {}).get((target, field), ())
    return Erratum(
        id=_id(draw, "erratum", id),
        target=target,
        field=field,
        kind=draw(_one(tuple(ErratumKind))),
        text_says=draw(_TEXT),
        record_says=draw(_TEXT),
        references=draw(_REFERENCES),
        sources=_draw_sources(draw, text, limit),
        record_value=draw(st.none() | st.sampled_from(choices)) if choices else None,
    )


errata: Final = st.composite(_draw_errata)


_SIMPLE: dict[type, Callable[..., Record]] = {
    Official: lambda draw, actors, places, organisations, **kw: _draw_officials(  # noqa: ARG005
        draw, countries=actors, organisations=organisations, **kw
    ),
    Programme: lambda draw, actors, places, organisations, **kw: _draw_programmes(  # noqa: ARG005
        draw, **kw
    ),
    Event: lambda draw, actors, places, organisations, **kw: _draw_events(  # noqa: ARG005
        draw, actors=actors, places=places, **kw
    ),
    Threat: lambda draw, actors, places, organisations, **kw: _draw_threats(  # noqa: ARG005
        draw, actors=actors, places=places, **kw
    ),
}
"""How to draw a record of each kind that refers to nothing but declared values."""


def _simple(cls: type) -> Callable[..., Record]:
    found = _SIMPLE.get(cls)
    if found is None:
        msg = f"no strategy draws {cls.__name__} records: add one to strategies._SIMPLE"
        raise TypeError(msg)
    return found


@functools.lru_cache(maxsize=64)
def _counts(min_size: int, max_size: int) -> st.SearchStrategy[int]:
    return st.integers(min_size, max_size)


_DRAWN = 8
"""Records of one kind drawn one by one; any more repeat them under new ids."""


def _some_records(
    draw: st.DrawFn,
    prefix: str,
    draw_one: Callable[..., Record],
    min_size: int,
    max_size: int,
) -> tuple[Record, ...]:
    """Between ``min_size`` and ``max_size`` records, the number drawn evenly.

    Up to ``_DRAWN`` records are drawn (and shrink) one by one; the rest repeat them
    under new ids, so that a meeting of a thousand records fits in one draw, which
    Hypothesis could not hold if every record were drawn field by field.
    """
    count = draw(_counts(min_size, max_size))
    drawn = [draw_one(id=f"{prefix}.{i}-{draw(_SLUG)}") for i in range(min(count, _DRAWN))]
    # Never a Party (whose id is an Actor): parties are one per actor, not counted.
    copies = [
        attrs.evolve(drawn[i % _DRAWN], id=f"{prefix}.{i}")  # type: ignore[arg-type]
        for i in range(len(drawn), count)
    ]
    return (*drawn, *copies)


def _values(groups: dict[str, tuple[Record, ...]]) -> dict[tuple[str, str], tuple[Any, ...]]:
    """For each record and field, the values records of its kind hold there (not ``None``)."""
    found: dict[tuple[str, str], tuple[Any, ...]] = {}
    for records in groups.values():
        for field in fields_of(type(records[0])) if records else ():
            if not correctable(field):
                continue
            held = {repr(v): v for r in records if (v := getattr(r, field.name)) is not None}
            for record in records:
                values = tuple(held.values())
                if isinstance(record, Party) and field.name == "kind":  # its id decides
                    values = tuple(
                        v for v in values if (v is ActorKind.STATE) == record.id.is_state
                    )
                found[record_id(record), field.name] = values
    return found


def _fields(record: Record) -> tuple[str, ...]:
    return tuple(field.name for field in fields_of(type(record)))


def _check_bounds(min_records: int, max_records: int) -> None:
    if not 0 <= min_records <= max_records:
        msg = f"need 0 <= min_records <= max_records, got {min_records} and {max_records}"
        raise InvalidArgument(msg)


@st.composite
def _meetings_with_source(
    draw: st.DrawFn, min_records: int, max_records: int
) -> tuple[Meeting, str]:
    body = draw(source_texts())
    text = f"{body}\n{draw(st.sampled_from(('Related: another article', 'Section heading')))}"
    limit = len(body)
    actors = tuple(
        draw(st.lists(_one(_ACTORS + _COINED_ACTORS), min_size=1, max_size=6, unique=True))
    )
    # A meeting declares its places and departments, or (as every file before schema 3)
    # declares none and uses the bundled communiqué's, the vocabularies' members.
    places, organisations = _PLACES, _ORGANISATIONS
    if draw(st.booleans()):
        places = tuple(
            draw(st.lists(_one(_PLACES + _COINED_PLACES), min_size=1, max_size=4, unique=True))
        )
    if draw(st.booleans()):
        organisations = tuple(
            draw(
                st.lists(
                    _one(_ORGANISATIONS + _COINED_ORGANISATIONS),
                    min_size=1,
                    max_size=3,
                    unique=True,
                )
            )
        )
    groups: dict[str, tuple[Record, ...]] = {}
    # Each kind in the order of the file, so that what a record refers to exists already.
    for kind in KINDS:
        if kind.cls is Party:
            groups[kind.group] = tuple(
                _draw_parties(draw, actor=a, text=text, limit=limit) for a in actors
            )
            continue
        if kind.cls is Location:
            declared = places is not _PLACES
            groups[kind.group] = (
                tuple(_draw_locations(draw, place=p, text=text, limit=limit) for p in places)
                if declared
                else ()
            )
            continue
        if kind.cls is Department:
            declared = organisations is not _ORGANISATIONS
            groups[kind.group] = (
                tuple(
                    _draw_departments(
                        draw, organisation=o, countries=actors, text=text, limit=limit
                    )
                    for o in organisations
                )
                if declared
                else ()
            )
            continue
        draw_one: Callable[..., Record]  # takes the id, as id=
        if kind.cls is Erratum:
            targets = {record_id(r): _fields(r) for g in groups.values() for r in g}
            draw_one = functools.partial(
                _draw_errata, draw, targets=targets, values=_values(groups), text=text,
                limit=limit,
            )  # fmt: skip
        elif kind.cls is Commitment:
            draw_one = functools.partial(
                _draw_commitments, draw, actors=actors, places=places, text=text, limit=limit,
                programme_ids=tuple(record_id(r) for r in groups["programmes"]),
                event_ids=tuple(record_id(r) for r in groups["events"]),
            )  # fmt: skip
        else:
            draw_one = functools.partial(
                _simple(kind.cls), draw, actors=actors, places=places,
                organisations=organisations, text=text, limit=limit,
            )  # fmt: skip
        prefix = kind.cls.__name__.lower()
        groups[kind.group] = _some_records(draw, prefix, draw_one, min_records, max_records)
    # Not the cached `_some_of`: a party's id as a string ("CN") is equal to its Actor and
    # hashes alike, so a cached strategy of strings would be served for one of Actors.
    replacements = st.lists(
        st.sampled_from(sorted({record_id(r) for g in groups.values() for r in g})),
        min_size=1, max_size=3, unique=True,
    ).map(tuple)  # fmt: skip
    retired = tuple(
        Retired(old, draw(replacements), draw(_TEXT), draw(_TEXT))
        for old in (f"retired.{i}-{draw(_SLUG)}" for i in range(draw(_counts(0, _SMALL))))
    )
    exclusion = Exclusion(
        Span(limit + 1, len(text), text[limit + 1 :]), draw(_one(tuple(ExclusionReason)))
    )
    metadata = Metadata(
        title=draw(_TEXT),
        description=draw(_TEXT),
        version=draw(st.sampled_from(("1.0.0", "0.1.0", "2.3.4"))),
        licence=draw(_TEXT),
        citation=draw(_TEXT),
        source=SourceInfo(
            draw(_TEXT),
            draw(_TEXT),
            hashlib.sha256(text.encode("utf-8")).hexdigest(),
            (exclusion,),
        ),
        official_document=DocumentRef(draw(_TEXT), draw(st.dates()), draw(_SOME_TEXT)),
    )
    meeting = Meeting(
        schema_version=SUPPORTED_SCHEMA_VERSIONS[-1],
        metadata=metadata,
        name=draw(_TEXT),
        short_name=draw(_TEXT),
        date=draw(st.dates()),
        place=draw(_one(places)),
        host=draw(_one(actors)),
        sources=_draw_sources(draw, text, limit, context=False),
        retired=retired,
        **groups,  # type: ignore[arg-type]
    )
    return meeting, text


def meetings_with_source(
    max_records: int = _SMALL, *, min_records: int = 0
) -> st.SearchStrategy[tuple[Meeting, str]]:
    """A valid :class:`Meeting` and the source text its spans index into.

    Args:
        min_records: The fewest records of each kind with an id (officials,
            programmes, events, commitments, threats, errata); parties are one per
            actor drawn (1 to 6).
        max_records: The most records of each kind; the number is drawn evenly
            between the two, so large meetings are as likely as small ones.  Set
            both to 150 for a meeting of about a thousand records in one draw.

    The text ends with one line that the metadata excludes, so that exclusions are
    exercised too; no record cites it.

    Raises:
        InvalidArgument: The bounds are negative or the wrong way round.
    """
    _check_bounds(min_records, max_records)
    return _meetings_with_source(min_records, max_records)


def meetings(max_records: int = _SMALL, *, min_records: int = 0) -> st.SearchStrategy[Meeting]:
    """A valid :class:`Meeting` (its source text is not returned; see above).

    A failing example prints the whole meeting.
    """
    _check_bounds(min_records, max_records)
    return _meetings(min_records, max_records)


@st.composite
def _meetings(draw: st.DrawFn, min_records: int, max_records: int) -> Meeting:
    # A composite, not `.map(...)`, so that Hypothesis prints the meeting it drew.
    meeting, _ = draw(_meetings_with_source(min_records, max_records))
    return meeting
