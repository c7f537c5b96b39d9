"""Hypothesis strategies for every record type and for whole, valid meetings.

For tool authors who test code that consumes this dataset's schema, and for this
project's own property tests, which use nothing else (so these strategies are proven
on every run).  Needs the ``testing`` extra: ``pip install usjapan2024[testing]``.

Everything drawn is valid, against a text the test can get.  A record drawn alone (and
whatever ``st.from_type`` gives) quotes the bundled text (:func:`usjapan2024.source_text`)
unless given another (``text=``), so :func:`usjapan2024.check` passes it as it is; it
names only the bundled meeting's parties, programmes, events and records, so that it
could join the bundled meeting, which would stay valid.  A generated
:class:`Meeting` quotes a generated text, which it knows as its
:attr:`~usjapan2024.Meeting.source_text` (as a loaded meeting does), so
``check(meeting)`` passes it too; it is valid in every way :func:`usjapan2024.loads`
checks: ids unique, references resolved, every record quoting at least one verbatim
span.  :func:`meetings_with_source` gives the text beside it.

``st.from_type`` knows every public class of the package, through the plugin in
``_hypothesis_plugin.py``; ``docs/strategies.md`` says what it gives for each.

Three factories share their names with query functions of the package (``commitments``,
``officials``, ``threats``), so import the module under a name of its own, as the docs do
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

import contextvars
import datetime
import functools
import hashlib
import itertools
import string
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Concatenate, Final, ParamSpec, TypeVar

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from usjapan2024._io.bundled import source_text
from usjapan2024._io.releases import Release, releases
from usjapan2024._io.texts import remember
from usjapan2024._loading.document import SUPPORTED_SCHEMA_VERSIONS
from usjapan2024._loading.load import load
from usjapan2024._loading.rules import FORMULA_TRIGGERS, NUL
from usjapan2024._model.fields import correctable, fields_of
from usjapan2024._model.kinds import DECLARED_IN, KINDS, Kind, record_id
from usjapan2024._presenting.context import InContext, QuoteInContext, in_context
from usjapan2024._querying.diff import DatasetDiff, FieldChange, RecordChange, RetiredRecord, diff
from usjapan2024._querying.results import Results
from usjapan2024.exceptions import DatasetError, Problem
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
    OpenVocabulary,
    Organisation,
    Place,
    ProgrammeKind,
    Response,
    SourceRole,
    SpanRole,
    Status,
    ThreatKind,
    Topic,
    Vocabulary,
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

# Shrinking is what a user waits for when a property fails, and Hypothesis draws a
# meeting hundreds of times to shrink and explain one failure, so a meeting is drawn in
# as few draws as it can be (docs/performance.md, "Shrinking a failing meeting", has
# the figures; each draw costs Hypothesis some 20 to 70 microseconds):
# - every strategy is built once, at import or cached by its bounds, never inside a
#   draw: a new strategy object costs its validation on its first draw;
# - a choice among n things is one integer below n (`_pick`), and a set of up to three
#   of them is one integer too (`_some`), not a list of draws; both shrink to the first;
# - a text is drawn raw and its leading formula trigger dropped (`_text`): a filter
#   would double the cost of every text;
# - records are drawn while a "more" coin says so (`_MORE`): the shrinker deletes a
#   record by deleting its choices and a coin, and stops a kind with one coin;
# - a meeting's metadata is either plain, which shrinks to one choice, or drawn.

_WORDS = (
    "alliance", "Japan’s", "U.S.", "deterrence", "Tomahawk", "Indo-Pacific", "ministers",
    "reaffirmed", "condemned", "Article", "V", "Okinawa", "Guam", "peace", "security",
    "東京", "2+2", "(JJOC)", "—",
)  # fmt: skip
_RAW_TEXT = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters=NUL),
    min_size=1,
    max_size=12,
)
# any Unicode but lone surrogates, which JSON can carry but UTF-8 cannot, and NUL, which
# CSV cannot; and (below) no first character that a spreadsheet reads as a formula:
# loading refuses all three
_TRIGGERS = "".join(sorted(FORMULA_TRIGGERS))


def _loadable(text: str) -> str:
    """``text`` without the formula triggers it begins with (``"0"`` if that is all)."""
    return text.lstrip(_TRIGGERS) or "0"


def _text(draw: st.DrawFn) -> str:
    """A non-empty text that loading accepts, of any script, in one draw."""
    return _loadable(draw(_RAW_TEXT))


_TEXT = _RAW_TEXT.map(_loadable)
"""What :func:`_text` draws, as a strategy (for ``st.builds``)."""
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
_SOURCE_TEXTS = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=60).map(" ".join)
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
    return _SOURCE_TEXTS


@functools.lru_cache(maxsize=1024)
def _below(n: int) -> st.SearchStrategy[int]:
    return st.integers(0, n - 1)


def _index(draw: st.DrawFn, n: int) -> int:
    """An index below ``n``, shrinking to 0; no choice at all when there is one."""
    return draw(_below(n)) if n > 1 else 0


def _pick(draw: st.DrawFn, elements: Sequence[T]) -> T:
    """One of ``elements``, shrinking to the first."""
    return elements[_index(draw, len(elements))]


_TABLED = 16
"""The most elements whose small sets :func:`_some` draws in one choice."""


@functools.lru_cache(maxsize=_TABLED + 1)
def _subsets(n: int) -> tuple[tuple[int, ...], ...]:
    """Every set of at most three of ``range(n)``, the empty set first, then the smaller."""
    return tuple(c for k in range(min(3, n) + 1) for c in itertools.combinations(range(n), k))


def _some(draw: st.DrawFn, elements: Sequence[T], *, at_least_one: bool = False) -> tuple[T, ...]:
    """Up to three distinct ``elements`` (at least one, if asked), shrinking to the fewest.

    Of up to ``_TABLED`` elements, in one choice: an index into the table of every
    such set, whose first entries are the smallest sets of the first elements.
    """
    if not elements:
        return ()
    if len(elements) <= _TABLED:
        table = _subsets(len(elements))[1 if at_least_one else 0 :]
        return tuple(elements[i] for i in _pick(draw, table))
    count = _index(draw, 4 - at_least_one) + at_least_one
    return tuple(dict.fromkeys(_pick(draw, elements) for _ in range(count)))


def _texts(draw: st.DrawFn, *, at_most: int = 3) -> tuple[str, ...]:
    """Up to ``at_most`` distinct texts."""
    return tuple(dict.fromkeys(_text(draw) for _ in range(_index(draw, at_most + 1))))


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
    Unlike a record's, a span drawn without a text quotes one of its own, which the
    caller never sees: it is the subject of the course's first exercise on strategies,
    a span of the text you give it.  ``st.from_type(Span)`` quotes the bundled text.
    """
    text = draw(_SOURCE_TEXTS) if text is None else text
    low, high = _pick(draw, _passages(text, limit))
    start = low + _index(draw, high - low)
    end = start + 1 + _index(draw, high - start)
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


def _draw_span(draw: st.DrawFn, text: str, limit: int | None, role: SpanRole) -> Span:
    """A span of ``text[:limit]`` as a record cites it: its quote begins with no trigger."""
    low, high = _pick(draw, _passages(text, limit))
    start = _quotable(text, low + _index(draw, high - low), low, high)
    end = start + 1 + _index(draw, high - start)
    return Span(start, end, text[start:end], role)


_SPAN_COUNTS = (1, 1, 2, 3)
"""How many spans a record cites: mostly one, as most of the bundled data's records do."""


def _draw_sources(
    draw: st.DrawFn, text: str | None, limit: int | None, *, context: bool = True
) -> tuple[Span, ...]:
    """One to three verbatim spans of ``text[:limit]`` (the bundled text if ``None``).

    A record's own words come first; with ``context``, the spans after them may be cited
    for context (``SpanRole.CONTEXT``), as loading requires.  A meeting's own sources
    pass ``context=False``: it cites no framing sentence.  No quote begins with a
    spreadsheet's formula trigger, which loading refuses in any string.
    """
    text = source_text() if text is None else text
    count = _pick(draw, _SPAN_COUNTS)
    own = 1 + _index(draw, count) if context else count
    return tuple(
        _draw_span(draw, text, limit, SpanRole.OWN if k < own else SpanRole.CONTEXT)
        for k in range(count)
    )


_Y2K = datetime.date(2000, 1, 1).toordinal()
_DAYS = st.integers(datetime.date.min.toordinal() - _Y2K, datetime.date.max.toordinal() - _Y2K)


def _date(draw: st.DrawFn) -> datetime.date:
    """Any date from year 1 to 9999, shrinking to 1 January 2000, in one choice."""
    return datetime.date.fromordinal(_Y2K + draw(_DAYS))


def _maybe_date(draw: st.DrawFn) -> datetime.date | None:
    return _date(draw) if _index(draw, 2) else None


_SUBJECTS = ("Tomahawk", "Article V", "tofu", "TOFU")
_VERSIONS = st.sampled_from(("1.0.0", "0.1.0", "1.1.0", "2.3.4"))


def _maybe_text(draw: st.DrawFn) -> str | None:
    return _text(draw) if _index(draw, 2) else None


def _subjects(draw: st.DrawFn) -> tuple[str, ...]:
    """Up to three subjects: the same words in two cases, or any text."""
    count = _index(draw, 4)
    drawn = (_pick(draw, (*_SUBJECTS, None)) for _ in range(count))
    return tuple(dict.fromkeys(s if s is not None else _text(draw) for s in drawn))


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
    actor = _pick(draw, _ACTORS) if actor is None else actor
    return Party(
        id=actor,
        name=_text(draw),
        # A state exactly when its id is an ISO 3166-1 code, as loading checks.
        kind=ActorKind.STATE if actor.is_state else _pick(draw, _NON_STATE_KINDS),
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
        id=_pick(draw, _PLACES + _COINED_PLACES) if place is None else place,
        name=_text(draw),
        kind=_pick(draw, tuple(LocationKind)),
        sources=_draw_sources(draw, text, limit),
    )


locations: Final = st.composite(_draw_locations)


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
        id=_pick(draw, _ORGANISATIONS + _COINED_ORGANISATIONS)
        if organisation is None
        else organisation,
        name=_text(draw),
        kind=_pick(draw, tuple(DepartmentKind)),
        country=_pick(draw, _tuple(countries)),
        sources=_draw_sources(draw, text, limit),
    )


departments: Final = _taking_actors("countries")(_draw_departments)


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
        name=_text(draw),
        title=_text(draw),
        country=_pick(draw, _tuple(countries)),
        organisation=_pick(draw, organisations),
        sources=_draw_sources(draw, text, limit),
    )


officials: Final = _taking_actors("countries")(_draw_officials)


def _draw_programmes(
    draw: st.DrawFn, *, id: str | None = None, text: str | None = None, limit: int | None = None
) -> Programme:
    """A :class:`Programme`."""
    return Programme(
        id=_id(draw, "programme", id),
        name=_text(draw),
        acronym=_maybe_text(draw),
        kind=_pick(draw, tuple(ProgrammeKind)),
        description=_text(draw),
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
        description=_text(draw),
        date=_maybe_date(draw),
        parties=_some(draw, _tuple(actors)),
        places=_some(draw, places),
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
    actors = _tuple(actors)
    return Commitment(
        id=_id(draw, "commitment", id),
        summary=_text(draw),
        parties=_some(draw, actors),
        topic=_pick(draw, tuple(Topic)),
        status=_pick(draw, tuple(Status)),
        subjects=_subjects(draw),
        places=_some(draw, places),
        partners=_some(draw, actors),
        programmes=_some(draw, programme_ids),
        events=_some(draw, event_ids),
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
    actors = _tuple(actors)
    return Threat(
        id=_id(draw, "threat", id),
        summary=_text(draw),
        actor=_pick(draw, (None, *actors)),
        kind=_pick(draw, tuple(ThreatKind)),
        involving=_some(draw, actors),
        places=_some(draw, places),
        targets=_texts(draw),
        response=_pick(draw, tuple(Response)),
        sources=_draw_sources(draw, text, limit),
    )


threats: Final = _taking_actors("actors")(_draw_threats)


_HOSTS = ("www.mofa.go.jp", "www.state.gov", "www.defense.gov", "example.org")


def _url(draw: st.DrawFn) -> str:
    return f"https://{_pick(draw, _HOSTS)}/{draw(_SLUG)}"


def _draw_reference(draw: st.DrawFn) -> Reference:
    """A :class:`Reference`; each part ``None`` at times, as in one converted from schema 1."""
    return Reference(
        title=_text(draw),
        publisher=_maybe_text(draw),
        url=_url(draw) if _index(draw, 2) else None,
        date=_maybe_date(draw),
        role=_pick(draw, (None, *SourceRole)),
    )


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
    so that it has the field's type and its ids resolve.  Without ``targets``, it
    concerns a record of the bundled meeting, its values those the bundled data holds.
    """
    if not targets:
        targets, values = _bundled_targets()
    target = _pick(draw, sorted(targets))
    field = _pick(draw, targets[target])
    choices = (values or {}).get((target, field), ())
    return Erratum(
        id=_id(draw, "erratum", id),
        target=target,
        field=field,
        kind=_pick(draw, tuple(ErratumKind)),
        text_says=_text(draw),
        record_says=_text(draw),
        references=tuple(_draw_reference(draw) for _ in range(1 + _index(draw, 2))),
        sources=_draw_sources(draw, text, limit),
        record_value=_pick(draw, (None, *choices)),
    )


errata: Final = st.composite(_draw_errata)


@attrs.frozen(eq=False)
class _World:
    """What a record may quote and refer to: a text, the values, and the records so far.

    A meeting's world grows kind by kind as it is drawn, so that a record refers only to
    records drawn before it; a record drawn alone lives in the bundled meeting's world.
    Its places and organisations are those its locations and departments declare, or,
    if it declares none (as every file before schema 3), the vocabularies' members.
    """

    text: str
    limit: int | None
    actors: tuple[Actor, ...]
    places: tuple[Place, ...] = _PLACES
    organisations: tuple[Organisation, ...] = _ORGANISATIONS
    groups: dict[str, tuple[Record, ...]] = attrs.field(factory=dict)

    @property
    def quoting(self) -> dict[str, Any]:
        """The keywords of a record's strategy that say what its spans quote."""
        return {"text": self.text, "limit": self.limit}

    def ids(self, group: str) -> tuple[str, ...]:
        return tuple(record_id(r) for r in self.groups.get(group, ()))

    def targets(self) -> dict[str, tuple[str, ...]]:
        """What an erratum may concern: every record but an erratum, and its fields."""
        return {
            record_id(r): tuple(f.name for f in fields_of(type(r)))
            for group, records in self.groups.items()
            if group != "errata"
            for r in records
        }

    def values(self) -> dict[tuple[str, str], tuple[Any, ...]]:
        """For each record and field, the values records of its kind hold there (not ``None``)."""
        found: dict[tuple[str, str], tuple[Any, ...]] = {}
        for group, records in self.groups.items():
            if group == "errata" or not records:
                continue
            for field in fields_of(type(records[0])):
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


Drawer = Callable[..., Record]
"""Draws one record: called with ``draw`` and ``id=`` (a declaration: ``actor=``,
``place=``, ``organisation=``, the value it declares)."""

_IN_WORLD: dict[type, Callable[[_World], Drawer]] = {
    Party: lambda world: functools.partial(_draw_parties, **world.quoting),
    Location: lambda world: functools.partial(_draw_locations, **world.quoting),
    Department: lambda world: functools.partial(
        _draw_departments, countries=world.actors, **world.quoting
    ),
    Official: lambda world: functools.partial(
        _draw_officials,
        countries=world.actors,
        organisations=world.organisations,
        **world.quoting,
    ),
    Programme: lambda world: functools.partial(_draw_programmes, **world.quoting),
    Event: lambda world: functools.partial(
        _draw_events, actors=world.actors, places=world.places, **world.quoting
    ),
    Commitment: lambda world: functools.partial(
        _draw_commitments,
        actors=world.actors,
        places=world.places,
        programme_ids=world.ids("programmes"),
        event_ids=world.ids("events"),
        **world.quoting,
    ),
    Threat: lambda world: functools.partial(
        _draw_threats, actors=world.actors, places=world.places, **world.quoting
    ),
    Erratum: lambda world: functools.partial(
        _draw_errata, targets=world.targets(), values=world.values(), **world.quoting
    ),  # the bundled world's are cached: _bundled_drawer
}
"""How to draw a record of each kind in a world, what it may refer to bound once; a
kind missing here is a `TypeError` when a meeting or a record of it is drawn."""


def _in_world(cls: type, world: _World) -> Drawer:
    found = _IN_WORLD.get(cls)
    if found is None:
        msg = f"no strategy draws {cls.__name__} records: add one to strategies._IN_WORLD"
        raise TypeError(msg)
    return found(world)


def _prefix(cls: type) -> str:
    """The word before the dot of a record's id: ``commitment`` of ``commitment.article-v``."""
    return cls.__name__.lower()


@functools.lru_cache(maxsize=64)
def _counts(min_size: int, max_size: int) -> st.SearchStrategy[int]:
    return st.integers(min_size, max_size)


_MORE = st.sampled_from((False, True, True))
"""Whether to draw another record: two times in three (two records of a kind on average,
as many as a kind of the bundled data has at the least); shrinks to no."""

_DRAWN = 8
"""Records of one kind drawn one by one; any more repeat them under new ids."""


def _several(draw: st.DrawFn, min_size: int, max_size: int) -> Iterator[int]:
    """Count ``0, 1, ...`` while a coin says to go on: at least ``min_size``, at most ``max_size``.

    The shrinker deletes one element by deleting its choices and its coin, and all the
    rest by turning one coin.
    """
    count = 0
    while count < max_size and (count < min_size or draw(_MORE)):
        yield count
        count += 1


_DRAWING: contextvars.ContextVar[Callable[[st.DrawFn], Any]] = contextvars.ContextVar("_DRAWING")


@functools.cache
def _one_draw(name: str) -> st.SearchStrategy[Any]:
    """A strategy that calls what :func:`_as_one_draw` set: one per ``name``.

    Each name gets its own function (its default differs), so its own label: the
    shrinker then tells the spans of one kind from another's.
    """

    def as_one_draw(draw: st.DrawFn, _name: str = name) -> Any:  # noqa: ANN401
        return _DRAWING.get()(draw)

    return st.composite(as_one_draw)()


def _as_one_draw(draw: st.DrawFn, name: str, make: Callable[[st.DrawFn], T]) -> T:
    """``make(draw)``, drawn as one draw of its own, which Hypothesis deletes whole.

    A record drawn inline is choices among the meeting's; drawn through a strategy, it
    is a span, and the shrinker deletes a span when the coin before it turns, which is
    how it drops a record.  A strategy made per record would cost its validation every
    time, so one strategy per kind reads what to draw from a context variable.
    """
    token = _DRAWING.set(make)
    try:
        return typing.cast("T", draw(_one_draw(name)))
    finally:
        _DRAWING.reset(token)


def _some_records(
    draw: st.DrawFn, world: _World, kind: Kind, min_size: int, max_size: int
) -> tuple[Record, ...]:
    """Between ``min_size`` and ``max_size`` records of ``kind``, with unique ids.

    Up to ``_DRAWN`` records are drawn one by one, each id numbered by its place
    (``commitment.0-slug``).  Beyond ``_DRAWN``, the number is drawn evenly up to
    ``max_size`` and the rest repeat the drawn records under ids of their own
    (``commitment.9``), so that a meeting of a thousand records fits in one draw,
    which Hypothesis could not hold if every record were drawn field by field.
    """
    draw_one = _in_world(kind.cls, world)
    prefix = _prefix(kind.cls)

    def numbered(place: int) -> Callable[[st.DrawFn], Record]:
        return lambda d: draw_one(d, id=f"{prefix}.{place}-{d(_SLUG)}")

    drawn = [
        _as_one_draw(draw, prefix, numbered(i))
        for i in range(draw(_counts(min(min_size, _DRAWN), min(max_size, _DRAWN))))
    ]
    count = len(drawn)
    if count == _DRAWN < max_size:
        count = draw(_counts(max(min_size, _DRAWN), max_size))
    # Never a Party (whose id is an Actor): parties are one per actor, not counted.
    copies = [
        attrs.evolve(drawn[i % _DRAWN], id=f"{prefix}.{i}")  # type: ignore[arg-type]
        for i in range(len(drawn), count)
    ]
    return (*drawn, *copies)


_DECLARING: frozenset[type] = frozenset(
    kind.cls for kind in KINDS if kind.group in DECLARED_IN.values()
)
"""The kinds of record that declare a value of an open vocabulary: one per value, not
counted by ``min_records`` and ``max_records``, never removed from a release."""


def _declare(
    draw: st.DrawFn, world: _World, kind: Kind, keyword: str, values: tuple[Any, ...]
) -> tuple[Record, ...]:
    """One record of ``kind`` declaring each of ``values``, each drawn as one draw."""
    draw_one = _in_world(kind.cls, world)
    prefix = _prefix(kind.cls)

    def declaring(value: object) -> Callable[[st.DrawFn], Record]:
        return lambda d: draw_one(d, **{keyword: value})

    return tuple(_as_one_draw(draw, prefix, declaring(value)) for value in values)


def _draw_party_set(draw: st.DrawFn, text: str, limit: int) -> tuple[Party, ...]:
    """One to six parties, each of an actor of its own: the actors a meeting's records name.

    Among them, at times, actors no member is (``Actor("PH")``), as another communiqué has.
    """
    remaining = list(_ACTORS + _COINED_ACTORS)

    def party(d: st.DrawFn) -> Party:
        actor = remaining.pop(_index(d, len(remaining)))
        return _draw_parties(d, actor=actor, text=text, limit=limit)

    return tuple(_as_one_draw(draw, "party", party) for _ in range(draw(_counts(1, 6))))


def _draw_retired(draw: st.DrawFn, id: str, replaced_by: Sequence[str]) -> Retired:
    """A :class:`Retired` ``id``, replaced by some of ``replaced_by``."""
    return Retired(
        id=id,
        replaced_by=_some(draw, replaced_by, at_least_one=True),
        since=draw(_VERSIONS),
        reason=_text(draw),
    )


def _retired_ids(draw: st.DrawFn, world: _World) -> tuple[Retired, ...]:
    """Up to four retired ids, each named as a record of its first replacement's kind.

    ``commitment.retired-0-slug`` never names a record: theirs are ``commitment.0-slug``
    and ``commitment.9``.
    """
    by_id = {record_id(r): r for records in world.groups.values() for r in records}
    found = []
    for i in _several(draw, 0, _SMALL if by_id else 0):
        entry = _draw_retired(draw, draw(_SLUG), tuple(by_id))
        prefix = _prefix(type(by_id[entry.replaced_by[0]]))
        found.append(attrs.evolve(entry, id=f"{prefix}.retired-{i}-{entry.id}"))
    return tuple(found)


_EXCLUDED_LINES = ("Section heading", "Related: another article")


def _draw_document(draw: st.DrawFn) -> DocumentRef:
    return DocumentRef(title=_text(draw), date=_date(draw), publishers=_texts(draw))


_PLAIN = Metadata(
    title="A dataset",
    description="Records of a meeting.",
    version="1.0.0",
    licence="CC-BY-4.0",
    citation="A dataset (2024)",
    source=SourceInfo("An article", "https://example.org/article", "", ()),
    official_document=DocumentRef("A statement", datetime.date(2024, 7, 28), ("A ministry",)),
)
"""A plain meeting's metadata, less its text's digest and exclusions."""


def _draw_metadata(
    draw: st.DrawFn, text: str, excluded: tuple[Exclusion, ...], *, plain: bool
) -> Metadata:
    """Metadata of a dataset coded from ``text``, whose ``excluded`` lines no record cites.

    With ``plain``, the same words every time, and no choice drawn.
    """
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if plain:
        return attrs.evolve(
            _PLAIN, source=attrs.evolve(_PLAIN.source, sha256=digest, excluded=excluded)
        )
    return Metadata(
        title=_text(draw),
        description=_text(draw),
        version=draw(_VERSIONS),
        licence=_text(draw),
        citation=_text(draw),
        source=SourceInfo(_text(draw), _url(draw), digest, excluded),
        official_document=_draw_document(draw),
    )


def _check_bounds(min_records: int, max_records: int) -> None:
    if not 0 <= min_records <= max_records:
        msg = f"need 0 <= min_records <= max_records, got {min_records} and {max_records}"
        raise InvalidArgument(msg)


@st.composite
def _meetings_with_source(
    draw: st.DrawFn, min_records: int, max_records: int
) -> tuple[Meeting, str]:
    body = draw(_SOURCE_TEXTS)
    # The meeting's own fields and metadata: plain words at times, and in a shrunk
    # meeting, in one choice, which a failing example shows at a glance.
    plain = not _index(draw, 2)
    text = f"{body}\n{_EXCLUDED_LINES[0] if plain else _pick(draw, _EXCLUDED_LINES)}"
    limit = len(body)
    # The parties first, one per actor: the actors every other record may name.
    drawn_parties = _draw_party_set(draw, text, limit)
    # The places and organisations its records may hold: a few it declares (some coined,
    # as another communiqué's), or, declaring none, the vocabularies' members.
    places = _some(draw, _PLACES + _COINED_PLACES, at_least_one=True) if _index(draw, 2) else ()
    organisations = (
        _some(draw, _ORGANISATIONS + _COINED_ORGANISATIONS, at_least_one=True)
        if _index(draw, 2)
        else ()
    )
    world = _World(
        text,
        limit,
        tuple(p.id for p in drawn_parties),
        places or _PLACES,
        organisations or _ORGANISATIONS,
    )
    # Each kind in the order of the file, so that what a record refers to exists already.
    for kind in KINDS:
        if kind.cls is Party:
            world.groups[kind.group] = drawn_parties
        elif kind.cls is Location:
            world.groups[kind.group] = _declare(draw, world, kind, "place", places)
        elif kind.cls is Department:
            world.groups[kind.group] = _declare(draw, world, kind, "organisation", organisations)
        else:
            world.groups[kind.group] = _some_records(draw, world, kind, min_records, max_records)
    reason = ExclusionReason.SECTION_HEADING if plain else _pick(draw, tuple(ExclusionReason))
    exclusion = Exclusion(Span(limit + 1, len(text), text[limit + 1 :]), reason)
    meeting = Meeting(
        schema_version=SUPPORTED_SCHEMA_VERSIONS[-1],
        metadata=_draw_metadata(draw, text, (exclusion,), plain=plain),
        name="Security Consultative Committee" if plain else _text(draw),
        short_name="2+2" if plain else _text(draw),
        date=datetime.date(2024, 7, 28) if plain else _date(draw),
        place=world.places[0] if plain else _pick(draw, world.places),
        host=_pick(draw, world.actors),
        sources=_draw_sources(draw, text, limit, context=False),
        retired=_retired_ids(draw, world),
        **world.groups,  # type: ignore[arg-type]
    )
    remember(meeting, text)  # valid by construction: its spans index this text
    return meeting, text


def meetings_with_source(
    max_records: int = _SMALL, *, min_records: int = 0
) -> st.SearchStrategy[tuple[Meeting, str]]:
    """A valid :class:`Meeting` and the source text its spans index into.

    The meeting knows its text too (:attr:`~usjapan2024.Meeting.source_text`).

    Args:
        min_records: The fewest records of each kind with an id (officials,
            programmes, events, commitments, threats, errata); declarations are one per
            value, not counted: parties one per actor drawn (1 to 6, some coined, as
            ``Actor("PH")``), and, half the time each, locations and departments one per
            place and organisation the meeting declares (1 to 3; else none, and its
            records hold the vocabularies' members).
        max_records: The most records of each kind.  Up to 8 are drawn one by one,
            as a list (which Hypothesis shrinks by deleting records); past 8, the
            number is drawn evenly up to ``max_records`` and the records repeat the
            first 8 under new ids.  Set both to 150 for a meeting of about a thousand
            records in one draw.

    The text ends with one line that the metadata excludes, so that exclusions are
    exercised too; no record cites it.

    Raises:
        InvalidArgument: The bounds are negative or the wrong way round.
    """
    _check_bounds(min_records, max_records)
    return _meetings_with_source(min_records, max_records)


def meetings(max_records: int = _SMALL, *, min_records: int = 0) -> st.SearchStrategy[Meeting]:
    """A valid :class:`Meeting` that knows its generated source text (see above).

    ``usjapan2024.check(meeting)`` passes it, against ``meeting.source_text``.  A
    failing example prints the whole meeting.
    """
    _check_bounds(min_records, max_records)
    return _meetings(min_records, max_records)


@st.composite
def _meetings(draw: st.DrawFn, min_records: int, max_records: int) -> Meeting:
    # A composite, not `.map(...)`, so that Hypothesis prints the meeting it drew.
    meeting, _ = draw(_meetings_with_source(min_records, max_records))
    return meeting


# What `st.from_type` gives.  A record, span or piece of metadata drawn alone lives in
# the bundled meeting's world: it quotes the bundled text (so `check(record)` passes
# it, its text being the default), names only the bundled meeting's parties,
# programmes, events and records, and has an id that no bundled record has, so that it
# could join the bundled meeting and that meeting would still pass every check.


@functools.cache
def _bundled_world() -> _World:
    meeting = load()
    groups = {
        kind.group: typing.cast("tuple[Record, ...]", getattr(meeting, kind.group))
        for kind in KINDS
    }
    return _World(
        source_text(),
        None,
        tuple(p.id for p in meeting.parties),
        tuple(location.id for location in meeting.locations) or _PLACES,
        tuple(department.id for department in meeting.departments) or _ORGANISATIONS,
        groups,
    )


@functools.cache
def _bundled_ids() -> frozenset[str]:
    """Every id the bundled meeting uses: its records' and its retired ones."""
    meeting = load()
    return frozenset({*map(record_id, meeting.records()), *(r.id for r in meeting.retired)})


def _fresh(prefix: str, slug: str) -> str:
    """``prefix.slug``, made unlike every id of the bundled meeting."""
    found = f"{prefix}.{slug}"
    while found in _bundled_ids():
        found += "-new"
    return found


@functools.cache
def _bundled_targets() -> tuple[
    dict[str, tuple[str, ...]], dict[tuple[str, str], tuple[RecordValue, ...]]
]:
    return _bundled_world().targets(), _bundled_world().values()


@functools.lru_cache(maxsize=32)
def _bundled_drawer(cls: type) -> Drawer:
    return _in_world(cls, _bundled_world())


@st.composite
def _bundled_records(draw: st.DrawFn, cls: type) -> Record:
    """A record of ``cls`` in the bundled world; a declaration stands for its value's.

    A party, location or department declares a value the bundled meeting declares (and
    replaces its declaration) or a new one (and joins it).
    """
    if cls in _DECLARING:
        return _bundled_drawer(cls)(draw)
    return _bundled_drawer(cls)(draw, id=_fresh(_prefix(cls), draw(_SLUG)))


@st.composite
def _bundled_retired(draw: st.DrawFn) -> Retired:
    """A retired id, unlike every bundled id, replaced by records of the bundled meeting."""
    by_id = _bundled_by_id()
    entry = _draw_retired(draw, draw(_SLUG), tuple(by_id))
    prefix = _prefix(type(by_id[entry.replaced_by[0]]))
    return attrs.evolve(entry, id=_fresh(prefix, f"retired-{entry.id}"))


@functools.cache
def _bundled_by_id() -> dict[str, Record]:
    return {record_id(r): r for r in load().records()}


_QUOTES = st.composite(
    lambda draw: _draw_span(draw, source_text(), None, _pick(draw, tuple(SpanRole)))
)()
"""A span of the bundled text as a record cites it: one of its own words or of context."""


def _excluded_subsets(draw: st.DrawFn) -> tuple[Exclusion, ...]:
    """Some of the bundled text's excluded lines, in order: a record cites none of them."""
    excluded = load().metadata.source.excluded
    mask = _index(draw, 2 ** len(excluded))
    return tuple(e for i, e in enumerate(excluded) if mask >> i & 1)


_SOURCE_INFOS = st.composite(
    lambda draw: SourceInfo(
        _text(draw), _url(draw), load().metadata.source.sha256, _excluded_subsets(draw)
    )
)()
_METADATA = st.composite(
    lambda draw: _draw_metadata(draw, source_text(), _excluded_subsets(draw), plain=False)
)()
_DOCUMENT_REFS = st.composite(_draw_document)()
_REFERENCES = st.composite(_draw_reference)()


# The classes besides the model's: what the package's functions return.


def _record_class(kind: object) -> type[Record]:
    classes = {k.cls for k in KINDS}
    if kind not in classes:
        names = ", ".join(sorted(c.__name__ for c in classes))
        msg = f"Results hold records: ask for Results[X] with X one of {names}, not {kind!r}"
        raise InvalidArgument(msg)
    return kind


@st.composite
def _results(draw: st.DrawFn, kind: type[Record] | None, mixed: bool) -> Results[Any]:  # noqa: FBT001
    """Records of ``kind`` (or, ``mixed``, of any kind) a query of a meeting gave, in order."""
    meeting = draw(_meetings(0, _SMALL))
    if kind is None and not mixed:
        kind = _pick(draw, tuple(k.cls for k in KINDS))
    if kind is None:
        held: tuple[Record, ...] = meeting.records()
    else:
        held = getattr(meeting, next(k.group for k in KINDS if k.cls is kind))
    chosen = sorted(draw(st.lists(_below(len(held)), unique=True))) if held else []
    return Results(tuple(held[i] for i in chosen), kind, meeting)


def _results_for(asked: object) -> st.SearchStrategy[Results[Any]]:
    """``Results[Commitment]``: commitments; bare ``Results``: one kind, or a mix (``search``)."""
    args = typing.get_args(asked)
    if args and args[0] not in {k.cls for k in KINDS}:
        # Refused when drawn: Hypothesis reports an error raised here as "could not
        # resolve", without the reason.
        refused: st.SearchStrategy[Any] = st.just(args[0]).map(_record_class)
        return refused
    if args:
        return _results(_record_class(args[0]), mixed=False)
    return _results(None, mixed=False) | _results(None, mixed=True)


def _mentioned(value: object) -> set[str]:
    """The ids a field's value may name: its strings (an Actor is one)."""
    values = value if isinstance(value, tuple) else (value,)
    return {v.value if isinstance(v, Actor) else v for v in values if isinstance(v, str)}


def _referenced(meeting: Meeting) -> set[str]:
    """Every id that a record, an erratum's value or a retired id of ``meeting`` names."""
    found = {r for entry in meeting.retired for r in entry.replaced_by}
    for record in meeting.records():
        for field in fields_of(type(record)):
            if field.refers_to is not None or field.typed_by_target:
                found |= _mentioned(getattr(record, field.name))
    return found


@st.composite
def _releases(draw: st.DrawFn, need: str | None) -> tuple[Meeting, Meeting]:
    """Two valid releases of one dataset, the second made from the first as releases are.

    Some records that nothing names are removed, and some of those retired (replaced by
    a record kept); some records get a new text; the meeting may be renamed.  Unless
    ``need`` is ``"retired"``, the two may come in either order, so that records are
    added too.  ``need`` asks for at least one ``"retired"`` record, one ``"changed"``
    record, or one ``"field"`` changed (of a record or of the meeting).
    """
    old = draw(_meetings(1 if need == "retired" else 0, _SMALL))
    referenced = _referenced(old)
    removable = [
        r for r in old.records() if type(r) not in _DECLARING and record_id(r) not in referenced
    ]
    assume(removable or need != "retired")
    removed = {record_id(r) for r in _some(draw, removable, at_least_one=need == "retired")}
    retire = [i for i in removed if need == "retired" or draw(st.booleans())]
    kept = [record_id(r) for r in old.records() if record_id(r) not in removed]
    revise = set(_some(draw, kept, at_least_one=need in ("changed", "field")))
    groups: dict[str, tuple[Record, ...]] = {}
    for kind in KINDS:
        records = [r for r in getattr(old, kind.group) if record_id(r) not in removed]
        groups[kind.group] = tuple(
            _revised(draw, r, kind.text) if record_id(r) in revise else r for r in records
        )
    retired = tuple(
        Retired(id, (_pick(draw, kept),), draw(_VERSIONS), _text(draw)) for id in sorted(retire)
    )
    new = attrs.evolve(
        old,
        name=_revised_text(draw, old.name) if draw(st.booleans()) else old.name,
        retired=(*old.retired, *retired),
        **groups,  # type: ignore[arg-type]
    )
    remember(new, typing.cast("str", old.source_text))  # valid against its text, as the old
    if need != "retired" and draw(st.booleans()):
        return new, old
    return old, new


def _revised_text(draw: st.DrawFn, text: str) -> str:
    revised = _text(draw)
    return revised if revised != text else f"{text} (revised)"


def _revised(draw: st.DrawFn, record: Record, field: str) -> Record:
    return attrs.evolve(record, **{field: _revised_text(draw, getattr(record, field))})  # type: ignore[arg-type]


@st.composite
def _diffs(draw: st.DrawFn, need: str | None) -> DatasetDiff:
    return diff(*draw(_releases(need)))


@st.composite
def _field_changes(draw: st.DrawFn) -> FieldChange:
    found = draw(_diffs("field"))
    return _pick(draw, [*(f for c in found.changed for f in c.fields), *found.meeting])


@st.composite
def _record_changes(draw: st.DrawFn) -> RecordChange:
    return _pick(draw, draw(_diffs("changed")).changed)


@st.composite
def _retired_records(draw: st.DrawFn) -> RetiredRecord:
    return _pick(draw, draw(_diffs("retired")).retired)


@functools.cache
def _textless() -> Meeting:
    """The bundled meeting, rebuilt in code: it knows no source text."""
    return attrs.evolve(load())


@st.composite
def _in_contexts(draw: st.DrawFn) -> InContext:
    """A bundled-world record's quotes in their sentences; or, no text known, alone."""
    kind = _pick(draw, tuple(k.cls for k in KINDS))
    record = draw(_bundled_records(kind))
    if draw(st.booleans()):
        return in_context(record, meeting=_textless())  # each says why it stands alone
    return in_context(record)


@st.composite
def _quotes_in_context(draw: st.DrawFn) -> QuoteInContext:
    return _pick(draw, draw(_in_contexts()))


@st.composite
def _problems(draw: st.DrawFn) -> Problem:
    """A problem at a JSON path that names fields of the model, as loading reports them."""
    cls: type | None = Meeting
    path = "$"
    for _ in range(1 + _index(draw, 4)):
        if cls is None:
            break
        field = _pick(draw, fields_of(cls))
        path += f".{field.name}"
        if field.many:
            path += f"[{_index(draw, 40)}]"
        cls = field.nested
    return Problem(path, _text(draw))


_DATASET_ERRORS = st.builds(
    DatasetError,
    st.lists(_problems(), min_size=1, max_size=3),
    st.just(0) | st.integers(1, 1_000),
)


_OPEN_VALUES = st.sampled_from(
    (*_ACTORS, *_COINED_ACTORS, *_PLACES, *_COINED_PLACES, *_ORGANISATIONS, *_COINED_ORGANISATIONS)
)
"""A value of an open vocabulary: a member, or one coined as another communiqué's."""


def _vocabularies() -> st.SearchStrategy[Vocabulary]:
    from usjapan2024 import vocabulary

    every = [getattr(vocabulary, name) for name in vocabulary.__all__]
    return st.one_of(
        [st.sampled_from(v) for v in every if isinstance(v, type) and issubclass(v, Vocabulary)
         and len(v) > 0]  # not the bases, which have no members
        + [_OPEN_VALUES]
    )  # fmt: skip


def _bundled_records_of(cls: type) -> Callable[[Any], st.SearchStrategy[Any]]:
    return lambda _: _bundled_records(cls)


_FOR_TYPE: dict[type, Callable[[Any], st.SearchStrategy[Any]]] = {
    **{kind.cls: _bundled_records_of(kind.cls) for kind in KINDS},
    Span: lambda _: _QUOTES,
    Exclusion: lambda _: st.sampled_from(load().metadata.source.excluded),
    SourceInfo: lambda _: _SOURCE_INFOS,
    DocumentRef: lambda _: _DOCUMENT_REFS,
    Metadata: lambda _: _METADATA,
    Reference: lambda _: _REFERENCES,
    Retired: lambda _: _bundled_retired(),
    Meeting: lambda _: meetings(),
    Results: _results_for,
    DatasetDiff: lambda _: _diffs(None),
    FieldChange: lambda _: _field_changes(),
    RecordChange: lambda _: _record_changes(),
    RetiredRecord: lambda _: _retired_records(),
    InContext: lambda _: _in_contexts(),
    QuoteInContext: lambda _: _quotes_in_context(),
    Problem: lambda _: _problems(),
    DatasetError: lambda _: _DATASET_ERRORS,
    Vocabulary: lambda _: _vocabularies(),
    OpenVocabulary: lambda _: _OPEN_VALUES,
    Release: lambda _: st.sampled_from(releases()),
}
"""Each public class's strategy, given the type asked for (``Results[Commitment]``);
every kind of record in :data:`KINDS` has its bundled-world one."""


def _for_type(asked: type) -> st.SearchStrategy[Any]:
    """What ``st.from_type(asked)`` gives: the plugin registers this for every public class.

    Raises:
        InvalidArgument: ``asked`` is a public class with no strategy here.
    """
    make = _FOR_TYPE.get(typing.get_origin(asked) or asked)
    if make is None:
        msg = (
            f"usjapan2024.strategies has no strategy for {getattr(asked, '__name__', asked)}:"
            " add one to strategies._FOR_TYPE"
        )
        raise InvalidArgument(msg)
    return make(asked)
