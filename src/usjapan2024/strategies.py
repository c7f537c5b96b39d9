"""Hypothesis strategies for every record type and for whole, valid meetings.

For tool authors who test code that consumes this dataset's schema, and for this
project's own property tests, which use nothing else (so these strategies are proven
on every run).  Needs the ``testing`` extra: ``pip install usjapan2024[testing]``.

Everything drawn is valid, against a text the test can get.  A record or a span drawn
alone quotes the bundled text (:func:`usjapan2024.source_text`) unless given another
(``text=``), so :func:`usjapan2024.check` passes it as it is.  A generated
:class:`Meeting` quotes a generated text, which it knows as its
:attr:`~usjapan2024.Meeting.source_text` (as a loaded meeting does), so
``check(meeting)`` passes it too; it is valid in every way :func:`usjapan2024.loads`
checks: ids unique, references resolved, every record quoting at least one verbatim
span.  :func:`meetings_with_source` gives the text beside it.

``st.from_type`` knows every public class of the package through the plugin in
``_hypothesis_plugin.py``; :func:`_for_type` says what it gives for each.

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

import functools
import hashlib
import itertools
import string
import typing
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Concatenate, ParamSpec, TypeVar

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from usjapan2024._io.bundled import source_text
from usjapan2024._io.texts import remember
from usjapan2024._loading.document import SUPPORTED_SCHEMA_VERSIONS
from usjapan2024._loading.load import load
from usjapan2024._loading.rules import FORMULA_TRIGGERS, NUL, formula_trigger
from usjapan2024._model.fields import correctable, fields_of
from usjapan2024._model.kinds import KINDS, Kind, record_id
from usjapan2024._presenting.context import InContext, QuoteInContext, in_context
from usjapan2024._querying.diff import DatasetDiff, FieldChange, RecordChange, RetiredRecord, diff
from usjapan2024._querying.results import Results
from usjapan2024.exceptions import DatasetError, Problem
from usjapan2024.model import (
    Commitment,
    DocumentRef,
    Erratum,
    Event,
    Exclusion,
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
    ErratumKind,
    ExclusionReason,
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
    "errata",
    "events",
    "meetings",
    "meetings_with_source",
    "officials",
    "parties",
    "programmes",
    "source_texts",
    "spans",
    "threats",
]

# Shrinking is what a user waits for when a property fails, so every strategy here is
# built for it (docs/performance.md, "Shrinking a failing meeting", has the figures):
# - every strategy is built once, at import or cached by its bounds, never inside a
#   draw: building strategy objects draw by draw made drawing a meeting slow;
# - a choice among n things is one integer below n (`_pick`), which shrinks to the
#   first in a few steps; never an integer below 2**16 taken modulo n, which takes the
#   shrinker sixteen;
# - the records of a kind are one `st.lists` of records each drawn as one strategy, so
#   that Hypothesis deletes a record in one step, as it deletes a list's element.

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
        return tuple(a for a in Actor if a in found)  # that runs repeat in every process
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


@functools.lru_cache(maxsize=256)
def _distinct(n: int) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(0, n - 1), max_size=min(3, n), unique=True)


def _some(draw: st.DrawFn, elements: Sequence[T], *, at_least_one: bool = False) -> tuple[T, ...]:
    """Up to three distinct ``elements`` (at least one, if asked), shrinking to none."""
    if not elements:
        return ()
    chosen = draw(_distinct(len(elements)))
    if at_least_one and not chosen:
        chosen = [0]
    return tuple(elements[i] for i in chosen)


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
    """A non-empty, verbatim span of ``text[:limit]`` (of the bundled text if none is given).

    Of the bundled text, it quotes only the communiqué's lines, never an excluded one.
    """
    text = source_text() if text is None else text
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


_COUNT = st.integers(1, 3)


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
    passages = _passages(text, limit)
    count = draw(_COUNT)
    own = 1 + _index(draw, count) if context else count
    found = []
    for k in range(count):
        low, high = _pick(draw, passages)
        start = _quotable(text, low + _index(draw, high - low), low, high)
        end = start + 1 + _index(draw, high - start)
        role = SpanRole.OWN if k < own else SpanRole.CONTEXT
        found.append(Span(start, end, text[start:end], role))
    return tuple(found)


_MAYBE_DATE = st.none() | st.dates()
_MAYBE_TEXT = st.none() | _TEXT
_SOME_TEXT = st.lists(_TEXT, max_size=3, unique=True).map(tuple)
_SUBJECTS = st.lists(
    st.sampled_from(("Tomahawk", "Article V", "tofu", "TOFU")) | _TEXT, max_size=3, unique=True
).map(tuple)
_VERSIONS = st.sampled_from(("1.0.0", "0.1.0", "1.1.0", "2.3.4"))


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
    return Party(
        id=_pick(draw, _ACTORS) if actor is None else actor,
        name=draw(_TEXT),
        kind=_pick(draw, tuple(ActorKind)),
        sources=_draw_sources(draw, text, limit),
    )


parties = st.composite(_draw_parties)


def _draw_officials(
    draw: st.DrawFn,
    *,
    id: str | None = None,
    countries: Iterable[Actor] = _ACTORS,
    text: str | None = None,
    limit: int | None = None,
) -> Official:
    """An :class:`Official` of one of ``countries``."""
    return Official(
        id=_id(draw, "official", id),
        name=draw(_TEXT),
        title=draw(_TEXT),
        country=_pick(draw, _tuple(countries)),
        organisation=_pick(draw, tuple(Organisation)),
        sources=_draw_sources(draw, text, limit),
    )


officials = _taking_actors("countries")(_draw_officials)


def _draw_programmes(
    draw: st.DrawFn, *, id: str | None = None, text: str | None = None, limit: int | None = None
) -> Programme:
    """A :class:`Programme`."""
    return Programme(
        id=_id(draw, "programme", id),
        name=draw(_TEXT),
        acronym=draw(_MAYBE_TEXT),
        kind=_pick(draw, tuple(ProgrammeKind)),
        description=draw(_TEXT),
        sources=_draw_sources(draw, text, limit),
    )


programmes = st.composite(_draw_programmes)


def _draw_events(
    draw: st.DrawFn,
    *,
    id: str | None = None,
    actors: Iterable[Actor] = _ACTORS,
    text: str | None = None,
    limit: int | None = None,
) -> Event:
    """An :class:`Event` whose parties are among ``actors``."""
    return Event(
        id=_id(draw, "event", id),
        description=draw(_TEXT),
        date=draw(_MAYBE_DATE),
        parties=_some(draw, _tuple(actors)),
        places=_some(draw, _PLACES),
        sources=_draw_sources(draw, text, limit),
    )


events = _taking_actors("actors")(_draw_events)


def _draw_commitments(  # noqa: PLR0913  (one keyword per kind of reference)
    draw: st.DrawFn,
    *,
    id: str | None = None,
    actors: Iterable[Actor] = _ACTORS,
    programme_ids: tuple[str, ...] = (),
    event_ids: tuple[str, ...] = (),
    text: str | None = None,
    limit: int | None = None,
) -> Commitment:
    """A :class:`Commitment` whose references are among the ids given."""
    actors = _tuple(actors)
    return Commitment(
        id=_id(draw, "commitment", id),
        summary=draw(_TEXT),
        parties=_some(draw, actors),
        topic=_pick(draw, tuple(Topic)),
        status=_pick(draw, tuple(Status)),
        subjects=draw(_SUBJECTS),
        places=_some(draw, _PLACES),
        partners=_some(draw, actors),
        programmes=_some(draw, programme_ids),
        events=_some(draw, event_ids),
        sources=_draw_sources(draw, text, limit),
    )


commitments = _taking_actors("actors")(_draw_commitments)


def _draw_threats(
    draw: st.DrawFn,
    *,
    id: str | None = None,
    actors: Iterable[Actor] = _ACTORS,
    text: str | None = None,
    limit: int | None = None,
) -> Threat:
    """A :class:`Threat` whose actors are among ``actors``."""
    actors = _tuple(actors)
    return Threat(
        id=_id(draw, "threat", id),
        summary=draw(_TEXT),
        actor=_pick(draw, (None, *actors)),
        kind=_pick(draw, tuple(ThreatKind)),
        involving=_some(draw, actors),
        places=_some(draw, _PLACES),
        targets=draw(_SOME_TEXT),
        response=_pick(draw, tuple(Response)),
        sources=_draw_sources(draw, text, limit),
    )


threats = _taking_actors("actors")(_draw_threats)


_URLS = st.builds(
    "https://{}/{}".format,
    st.sampled_from(("www.mofa.go.jp", "www.state.gov", "www.defense.gov", "example.org")),
    _SLUG,
)
_REFERENCES = st.builds(
    Reference,
    title=_TEXT,
    publisher=st.none() | _TEXT,
    url=st.none() | _URLS,
    date=_MAYBE_DATE,
    role=st.none() | st.sampled_from(SourceRole),
)
_SOME_REFERENCES = st.lists(_REFERENCES, min_size=1, max_size=2).map(tuple)


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
    target = _pick(draw, sorted(targets))
    field = _pick(draw, targets[target])
    choices = (values or {}).get((target, field), ())
    return Erratum(
        id=_id(draw, "erratum", id),
        target=target,
        field=field,
        kind=_pick(draw, tuple(ErratumKind)),
        text_says=draw(_TEXT),
        record_says=draw(_TEXT),
        references=draw(_SOME_REFERENCES),
        sources=_draw_sources(draw, text, limit),
        record_value=_pick(draw, (None, *choices)),
    )


errata = st.composite(_draw_errata)


@attrs.frozen(eq=False)
class _World:
    """What a record may quote and refer to: a text, actors, and the records so far.

    A meeting's world grows kind by kind as it is drawn, so that a record refers only to
    records drawn before it; a record drawn alone lives in the bundled meeting's world.
    """

    text: str
    limit: int | None
    actors: tuple[Actor, ...]
    groups: dict[str, tuple[Record, ...]] = attrs.field(factory=dict)

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
                    found[record_id(record), field.name] = tuple(held.values())
        return found


_IN_WORLD: dict[type, Callable[..., Record]] = {
    Party: lambda draw, world, **kw: _draw_parties(draw, text=world.text, limit=world.limit, **kw),
    Official: lambda draw, world, **kw: _draw_officials(
        draw, countries=world.actors, text=world.text, limit=world.limit, **kw
    ),
    Programme: lambda draw, world, **kw: _draw_programmes(
        draw, text=world.text, limit=world.limit, **kw
    ),
    Event: lambda draw, world, **kw: _draw_events(
        draw, actors=world.actors, text=world.text, limit=world.limit, **kw
    ),
    Commitment: lambda draw, world, **kw: _draw_commitments(
        draw,
        actors=world.actors,
        text=world.text,
        limit=world.limit,
        programme_ids=world.ids("programmes"),
        event_ids=world.ids("events"),
        **kw,
    ),
    Threat: lambda draw, world, **kw: _draw_threats(
        draw, actors=world.actors, text=world.text, limit=world.limit, **kw
    ),
    Erratum: lambda draw, world, **kw: _draw_errata(
        draw,
        targets=world.targets(),
        values=world.values(),
        text=world.text,
        limit=world.limit,
        **kw,
    ),
}
"""How to draw a record of each kind in a world (`draw`, `world`, then `id=`; a party
takes `actor=`); a kind missing here is a `TypeError` when a meeting is drawn."""


def _in_world(cls: type) -> Callable[..., Record]:
    found = _IN_WORLD.get(cls)
    if found is None:
        msg = f"no strategy draws {cls.__name__} records: add one to strategies._IN_WORLD"
        raise TypeError(msg)
    return found


def _prefix(cls: type) -> str:
    """The word before the dot of a record's id: ``commitment`` of ``commitment.article-v``."""
    return cls.__name__.lower()


@st.composite
def _one_record(draw: st.DrawFn, cls: type, world: _World) -> Record:
    """A record of ``cls`` in ``world``, its id ``kind.slug`` (made unique by the caller)."""
    return _in_world(cls)(draw, world, id=f"{_prefix(cls)}.{draw(_SLUG)}")


@functools.lru_cache(maxsize=64)
def _counts(min_size: int, max_size: int) -> st.SearchStrategy[int]:
    return st.integers(min_size, max_size)


_DRAWN = 8
"""Records of one kind drawn one by one; any more repeat them under new ids."""


def _some_records(
    draw: st.DrawFn, world: _World, kind: Kind, min_size: int, max_size: int
) -> tuple[Record, ...]:
    """Between ``min_size`` and ``max_size`` records of ``kind``, with unique ids.

    Up to ``_DRAWN`` records are drawn, as a list, one by one; each is one draw, so that
    Hypothesis shrinks a meeting by deleting whole records.  A record's id is numbered
    by its place (``commitment.0-slug``).  Beyond ``_DRAWN``, the number is drawn
    evenly up to ``max_size`` and the rest repeat the drawn records under ids of their
    own (``commitment.9``), so that a meeting of a thousand records fits in one draw,
    which Hypothesis could not hold if every record were drawn field by field.
    """
    element = _one_record(kind.cls, world)
    drawn = draw(st.lists(element, min_size=min(min_size, _DRAWN), max_size=min(max_size, _DRAWN)))
    numbered = [_renumbered(record, i) for i, record in enumerate(drawn)]
    count = len(drawn)
    if count == _DRAWN < max_size:
        count = draw(_counts(max(min_size, _DRAWN), max_size))
    # Never a Party (whose id is an Actor): parties are one per actor, not counted.
    copies = [
        attrs.evolve(drawn[i % _DRAWN], id=f"{_prefix(kind.cls)}.{i}")  # type: ignore[arg-type]
        for i in range(len(drawn), count)
    ]
    return (*numbered, *copies)


def _renumbered(record: Record, place: int) -> Record:
    prefix, _, slug = record.id.partition(".")
    return attrs.evolve(record, id=f"{prefix}.{place}-{slug}")  # type: ignore[arg-type]


@st.composite
def _one_retired(draw: st.DrawFn, ids: tuple[str, ...]) -> Retired:
    """A :class:`Retired` id (made unique by the caller) replaced by some of ``ids``."""
    return Retired(
        id=draw(_SLUG),
        replaced_by=_some(draw, ids, at_least_one=True),
        since=draw(_VERSIONS),
        reason=draw(_TEXT),
    )


def _retired_ids(draw: st.DrawFn, world: _World) -> tuple[Retired, ...]:
    """Up to four retired ids, each named as a record of its first replacement's kind.

    ``commitment.retired-0-slug`` never names a record: theirs are ``commitment.0-slug``
    and ``commitment.9``.
    """
    by_id = {record_id(r): r for records in world.groups.values() for r in records}
    if not by_id:
        return ()
    drawn = draw(st.lists(_one_retired(tuple(by_id)), max_size=_SMALL))
    return tuple(
        attrs.evolve(
            entry,
            id=f"{_prefix(type(by_id[entry.replaced_by[0]]))}.retired-{i}-{entry.id}",
        )
        for i, entry in enumerate(drawn)
    )


_EXCLUDED_LINES = st.sampled_from(("Related: another article", "Section heading"))
_DOCUMENT_REFS = st.builds(DocumentRef, title=_TEXT, date=st.dates(), publishers=_SOME_TEXT)


def _draw_metadata(draw: st.DrawFn, text: str, excluded: tuple[Exclusion, ...]) -> Metadata:
    """Metadata of a dataset coded from ``text``, whose ``excluded`` lines no record cites."""
    return Metadata(
        title=draw(_TEXT),
        description=draw(_TEXT),
        version=draw(_VERSIONS),
        licence=draw(_TEXT),
        citation=draw(_TEXT),
        source=SourceInfo(
            draw(_TEXT),
            draw(_URLS),
            hashlib.sha256(text.encode("utf-8")).hexdigest(),
            excluded,
        ),
        official_document=draw(_DOCUMENT_REFS),
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
    text = f"{body}\n{draw(_EXCLUDED_LINES)}"
    limit = len(body)
    # The parties first, one per actor: the actors every other record may name.
    drawn_parties = draw(
        st.lists(parties(text=text, limit=limit), min_size=1, max_size=6, unique_by=record_id)
    )
    world = _World(text, limit, tuple(p.id for p in drawn_parties))
    # Each kind in the order of the file, so that what a record refers to exists already.
    for kind in KINDS:
        if kind.cls is Party:
            world.groups[kind.group] = tuple(drawn_parties)
        else:
            world.groups[kind.group] = _some_records(draw, world, kind, min_records, max_records)
    exclusion = Exclusion(
        Span(limit + 1, len(text), text[limit + 1 :]), _pick(draw, tuple(ExclusionReason))
    )
    meeting = Meeting(
        schema_version=SUPPORTED_SCHEMA_VERSIONS[-1],
        metadata=_draw_metadata(draw, text, (exclusion,)),
        name=draw(_TEXT),
        short_name=draw(_TEXT),
        date=draw(st.dates()),
        place=_pick(draw, _PLACES),
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
            programmes, events, commitments, threats, errata); parties are one per
            actor drawn (1 to 6).
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
    return _World(source_text(), None, tuple(p.id for p in meeting.parties), groups)


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


@st.composite
def _bundled_records(draw: st.DrawFn, cls: type) -> Record:
    """A record of ``cls`` in the bundled world; a party stands for its actor's."""
    if cls is Party:
        return _in_world(Party)(draw, _bundled_world())
    return _in_world(cls)(draw, _bundled_world(), id=_fresh(_prefix(cls), draw(_SLUG)))


@st.composite
def _bundled_retired(draw: st.DrawFn) -> Retired:
    """A retired id, unlike every bundled id, replaced by records of the bundled meeting."""
    ids = tuple(map(record_id, load().records()))
    entry = draw(_one_retired(ids))
    prefix = _prefix(type(_bundled_world_by_id()[entry.replaced_by[0]]))
    return attrs.evolve(entry, id=_fresh(prefix, f"retired-{entry.id}"))


@functools.cache
def _bundled_world_by_id() -> dict[str, Record]:
    return {record_id(r): r for r in load().records()}


def _draw_span(draw: st.DrawFn, text: str, limit: int | None, role: SpanRole) -> Span:
    low, high = _pick(draw, _passages(text, limit))
    start = _quotable(text, low + _index(draw, high - low), low, high)
    end = start + 1 + _index(draw, high - start)
    return Span(start, end, text[start:end], role)


_QUOTES = st.composite(
    lambda draw: _draw_span(draw, source_text(), None, _pick(draw, tuple(SpanRole)))
)()
"""A span of the bundled text as a record cites it: one of its own words or of context."""


def _excluded_subsets(draw: st.DrawFn) -> tuple[Exclusion, ...]:
    """Some of the bundled text's excluded lines, in order: a record cites none of them."""
    excluded = load().metadata.source.excluded
    return tuple(excluded[i] for i in sorted(draw(_distinct(len(excluded)))))


_SOURCE_INFOS = st.composite(
    lambda draw: SourceInfo(
        draw(_TEXT), draw(_URLS), load().metadata.source.sha256, _excluded_subsets(draw)
    )
)()
_METADATA = st.composite(
    lambda draw: _draw_metadata(draw, source_text(), _excluded_subsets(draw))
)()


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
        r for r in old.records() if type(r) is not Party and record_id(r) not in referenced
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
        Retired(id, (_pick(draw, kept),), draw(_VERSIONS), draw(_TEXT)) for id in sorted(retire)
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
    revised = draw(_TEXT)
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
    return Problem(path, draw(_TEXT))


_DATASET_ERRORS = st.builds(
    DatasetError,
    st.lists(_problems(), min_size=1, max_size=3),
    st.just(0) | st.integers(1, 1_000),
)


def _vocabularies() -> st.SearchStrategy[Vocabulary]:
    from usjapan2024 import vocabulary

    every = [getattr(vocabulary, name) for name in vocabulary.__all__]
    return st.one_of(
        [st.sampled_from(v) for v in every if isinstance(v, type) and issubclass(v, Vocabulary)
         and v is not Vocabulary]
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
