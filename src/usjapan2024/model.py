"""The record types: frozen, slotted attrs classes with tuple collections.

Every record is immutable so the one bundled :class:`Meeting` can be shared by every
caller and every thread without defensive copies.  Every record except the
vocabulary carries ``sources``: the spans of the source text it was coded from, so
any fact can be followed back to the words that state it.

Cross-references are plain ids (``Commitment.parties`` holds :class:`Actor` values
that name :class:`Party` records, ``Erratum.target`` any record's id), and loading
checks that each one resolves.
"""

from __future__ import annotations

import datetime
import typing
import warnings

import attrs

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
    Status,
    ThreatKind,
    Topic,
)

__all__ = [
    "Commitment",
    "DocumentRef",
    "Erratum",
    "Event",
    "Exclusion",
    "Meeting",
    "Metadata",
    "Official",
    "Party",
    "Programme",
    "Record",
    "Reference",
    "Retired",
    "SourceInfo",
    "Span",
    "Threat",
]


class _Shown:
    """Gives a record its notebook display: its fields and each quote in its sentence.

    A base class with no slots of its own, so the attrs classes stay slotted; the display
    code is imported only when a notebook asks for it.
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        from usjapan2024._presenting.display import record_html

        # Only the record classes derive from this one.
        return record_html(self)  # type: ignore[arg-type]


@attrs.frozen
class Span:
    """A verbatim quote of the source text and where it stands.

    Attributes:
        start: Index of the first character, as a Python ``str`` index (not a byte
            offset: the text holds curly apostrophes).
        end: Index one past the last character, so ``text[start:end] == quote``.
        quote: The quoted words, repeated here so a reader needs no text to see
            them and loading can prove the offsets still point at them.
    """

    start: int
    end: int
    quote: str


@attrs.frozen
class Exclusion:
    """A line of the scraped article that is not part of the communiqué.

    Attributes:
        span: The whole line.
        reason: Why it was left out (a section heading, a link to another article).
    """

    span: Span
    reason: ExclusionReason


@attrs.frozen
class SourceInfo:
    """Where the source text came from.

    Attributes:
        title: The article's title.
        url: The page it was scraped from.
        sha256: Hex digest of the UTF-8 bytes of the text; loading checks it.
        excluded: Lines of the text that are not the communiqué: no record cites them.
    """

    title: str
    url: str
    sha256: str
    excluded: tuple[Exclusion, ...]


@attrs.frozen
class DocumentRef:
    """The official document the source text summarises.

    Attributes:
        title: Its title.
        date: The date it was issued.
        publishers: The bodies that published it.
    """

    title: str
    date: datetime.date
    publishers: tuple[str, ...]


@attrs.frozen
class Metadata:
    """What the dataset is, where it comes from and how to cite it.

    Attributes:
        title: The dataset's title.
        description: One paragraph on what it holds.
        version: The dataset's version (semantic versioning, see the dataset card).
        licence: The licence note for the data.
        citation: How to cite the dataset, as one line of text.
        source: The text the records were coded from.
        official_document: The official statement that text summarises.
    """

    title: str
    description: str
    version: str
    licence: str
    citation: str
    source: SourceInfo
    official_document: DocumentRef


@attrs.frozen
class Official(_Shown):
    """A minister who took part in the meeting, as the text names them.

    Attributes:
        id: Stable id, e.g. ``"official.blinken"``.
        name: The name as the text gives it (errata say where it is wrong).
        title: The office as the text gives it.
        country: The state the official serves.
        organisation: The department or ministry the office heads.
        sources: Where the text names the official.
    """

    id: str
    name: str
    title: str
    country: Actor
    organisation: Organisation
    sources: tuple[Span, ...]


@attrs.frozen
class Party(_Shown):
    """A state, organisation or group the communiqué names.

    Attributes:
        id: The :class:`Actor` this record describes; other records refer to it.
        name: The name in plain English.
        kind: State, organisation, group of states or armed group.
        sources: Where the text names the party.
    """

    id: Actor
    name: str
    kind: ActorKind
    sources: tuple[Span, ...]


@attrs.frozen
class Programme(_Shown):
    """A named programme, initiative, dialogue or command the communiqué mentions.

    Attributes:
        id: Stable id, e.g. ``"programme.wps"``.
        name: The name as the text gives it (``"TOFU"`` where it gives no more).
        acronym: The acronym the text uses, if any.
        kind: Command, dialogue, initiative or exchange programme.
        description: What the text says it is, in the text's terms.
        sources: Where the text names it.
    """

    id: str
    name: str
    acronym: str | None
    kind: ProgrammeKind
    description: str
    sources: tuple[Span, ...]


@attrs.frozen
class Event(_Shown):
    """An earlier event the communiqué refers to.

    Attributes:
        id: Stable id, e.g. ``"event.kishida-visit"``.
        description: What happened, in the text's terms.
        date: The date if the text gives one; ``None`` where it does not (an
            erratum may then supply it).
        parties: Who took part.
        places: Where it happened.
        sources: Where the text refers to it.
    """

    id: str
    description: str
    date: datetime.date | None
    parties: tuple[Actor, ...]
    places: tuple[Place, ...]
    sources: tuple[Span, ...]


@attrs.frozen
class Commitment(_Shown):
    """Something one or both governments commit to, reaffirm or plan.

    Attributes:
        id: Stable id, e.g. ``"commitment.article-v"``.
        summary: One sentence in plain words.
        parties: Who commits: ``US``, ``JP`` or both.
        topic: The policy area.
        status: Reaffirmed, planned or under way, as the text presents it.
        subjects: The concrete things it names (``"Tomahawk"``, ``"Article V"``).
        places: The places it concerns.
        partners: Other parties it involves (Australia, ASEAN, ...).
        programmes: Ids of the :class:`Programme` records it involves.
        events: Ids of the :class:`Event` records it refers to.
        sources: The words it was coded from.
    """

    id: str
    summary: str
    parties: tuple[Actor, ...]
    topic: Topic
    status: Status
    subjects: tuple[str, ...]
    places: tuple[Place, ...]
    partners: tuple[Actor, ...]
    programmes: tuple[str, ...]
    events: tuple[str, ...]
    sources: tuple[Span, ...]


@attrs.frozen
class Threat(_Shown):
    """A behaviour the ministers responded to, and how they responded.

    Attributes:
        id: Stable id, e.g. ``"threat.cn-coercion"``.
        summary: One sentence in plain words.
        actor: Whose behaviour it is; ``None`` where the text names nobody
            (instability in the Middle East).
        kind: The kind of behaviour.
        involving: Other parties the behaviour involves: its victims (Ukraine)
            or its partners (Russia's ties *with* China and North Korea).
        places: The places it concerns or targets.
        targets: What else it threatens, in the text's words.
        response: Recognition, concern, criticism or condemnation.
        sources: The words it was coded from.
    """

    id: str
    summary: str
    actor: Actor | None
    kind: ThreatKind
    involving: tuple[Actor, ...]
    places: tuple[Place, ...]
    targets: tuple[str, ...]
    response: Response
    sources: tuple[Span, ...]


@attrs.frozen
class Reference:
    """A public source that an erratum relies on.

    Attributes:
        title: The page's title as it shows it (for a reference converted from a
            schema-1 file: the free-text reference).
        publisher: Who published the page; for a mirror, the site and whose text it
            carries.  ``None`` only for a reference converted from schema 1.
        url: The page's full address; ``None`` only for a reference converted from
            schema 1.
        date: The date the page gives for itself; ``None`` where it gives none.
        role: Whether the page is the primary source, a mirror of it or a report of
            it; ``None`` only for a reference converted from schema 1.
    """

    title: str
    publisher: str | None
    url: str | None
    date: datetime.date | None
    role: SourceRole | None

    def __str__(self) -> str:
        parts = [self.publisher, f'"{self.title}"' if self.publisher else self.title]
        if self.date is not None:
            parts.append(self.date.isoformat())
        if self.url is not None:
            parts.append(self.url)
        return ", ".join(p for p in parts if p)


# `init=False`: the __init__ below keeps 1.0.0's ways of giving the reference working.
@attrs.frozen(init=False)
class Erratum(_Shown):
    """Where the text is wrong or vague on a fact, and what the public record says.

    The record it concerns keeps the text's wording; this record stands beside it.

    Attributes:
        id: Stable id, e.g. ``"erratum.defense-minister"``.
        target: The id of the record it concerns.
        field: The field of that record it concerns.
        kind: A correction (the text is wrong) or a clarification (it is vague).
        text_says: What the text says.
        record_says: What the public record holds, in our words; where the evidence is
            indirect (news reports of a statement whose text was not seen), it says so.
        references: The pages that say so, each with its address, publisher, title,
            date and role.
        sources: The words of the text concerned.
    """

    id: str
    target: str
    field: str
    kind: ErratumKind
    text_says: str
    record_says: str
    references: tuple[Reference, ...]
    sources: tuple[Span, ...]

    def __init__(  # noqa: PLR0913, PLR0917  (the fields, in order, and 1.0.0's keyword)
        self,
        id: str,
        target: str,
        field: str,
        kind: ErratumKind,
        text_says: str,
        record_says: str,
        references: tuple[Reference, ...] | str | None = None,
        sources: tuple[Span, ...] | None = None,
        *,
        reference: str | None = None,
    ) -> None:
        """Build an erratum from its fields.

        1.0.0 took one free-text ``reference``, positionally or as ``reference=``; both
        still work, as one :class:`Reference` with only a title, and warn until 2.0.0.
        """
        if reference is not None or isinstance(references, str):
            warnings.warn(
                "an Erratum's reference as one string is deprecated since 1.1.0 and will be"
                " removed in 2.0.0: give references=(Reference(...), ...)",
                DeprecationWarning,
                stacklevel=2,
            )
            text = reference if reference is not None else typing.cast("str", references)
            references = (Reference(text, None, None, None, None),)
        if references is None or sources is None:
            msg = "Erratum() needs its references and its sources"
            raise TypeError(msg)
        self.__attrs_init__(id, target, field, kind, text_says, record_says, references, sources)

    @property
    def reference(self) -> str:
        """The references as one line of text (deprecated since 1.1.0: use ``references``)."""
        warnings.warn(
            "Erratum.reference is deprecated since 1.1.0 and will be removed in 2.0.0;"
            " use Erratum.references",
            DeprecationWarning,
            stacklevel=2,
        )
        return "; ".join(map(str, self.references))


@attrs.frozen
class Retired:
    """A record id that a release withdrew, and the records that took its place.

    Ids never change meaning: when a record is split and no part keeps its meaning, its
    id is retired rather than reused.  :func:`usjapan2024.get` answers a retired id with
    an error that names the records that replaced it.

    Attributes:
        id: The id that no record has any more.
        replaced_by: The ids of the records that hold what it held.
        since: The dataset version that retired it.
        reason: Why, in a sentence.
    """

    id: str
    replaced_by: tuple[str, ...]
    since: str
    reason: str


Record = Official | Party | Programme | Event | Commitment | Threat | Erratum
"""Any record that has an id and can be fetched with :func:`usjapan2024.get`."""


@attrs.frozen
class Meeting:
    """The root of the dataset: one meeting and everything the communiqué says of it.

    Attributes:
        schema_version: The version of the file format; loading refuses one it
            cannot read.
        metadata: Title, version, source, licence and citation.
        name: The body that met.
        short_name: Its usual short name, ``"2+2"``.
        date: The day it met.
        place: Where it met.
        host: The state that hosted it.
        officials: The ministers who took part.
        parties: Every state, organisation and group the records refer to.
        programmes: Named programmes, initiatives and commands.
        events: Earlier events the communiqué refers to.
        commitments: What the governments commit to, in source order.
        threats: What the ministers responded to, in source order.
        errata: Corrections and clarifications of the text.
        sources: Where the text states the meeting's name, date and place.
        retired: Ids that earlier releases published and this one withdrew (new in
            schema 2; empty when none was).
    """

    schema_version: int
    metadata: Metadata
    name: str
    short_name: str
    date: datetime.date
    place: Place
    host: Actor
    officials: tuple[Official, ...]
    parties: tuple[Party, ...]
    programmes: tuple[Programme, ...]
    events: tuple[Event, ...]
    commitments: tuple[Commitment, ...]
    threats: tuple[Threat, ...]
    errata: tuple[Erratum, ...]
    sources: tuple[Span, ...]
    retired: tuple[Retired, ...] = ()

    def _repr_html_(self) -> str:
        """Show the meeting in a notebook as its summary, errata by kind included."""
        from usjapan2024._presenting.summary import summary_html

        return summary_html(self)
