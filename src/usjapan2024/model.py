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
import importlib
import typing
import warnings
from typing import ClassVar

import attrs

from usjapan2024._io.texts import recall
from usjapan2024._model.deprecation import deprecated
from usjapan2024._model.fields import Listing, about, describe_fields, record_fields
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
    View,
    Vocabulary,
)

__all__ = [
    "Commitment",
    "Department",
    "DocumentRef",
    "Erratum",
    "Event",
    "Exclusion",
    "Location",
    "Meeting",
    "Metadata",
    "Official",
    "Party",
    "Programme",
    "Record",
    "RecordValue",
    "Reference",
    "Retired",
    "SourceInfo",
    "Span",
    "Threat",
]


class _Shown:
    """Gives a record and the meeting their notebook display, drawn by the presentation layer.

    The presentation layer reads the model, so the model must not import it: a display
    asks for it by module path when a notebook first shows an object (the one-way
    protocol of a plugin entry point; ``docs/architecture.md``).  A base class with no
    slots of its own, so the attrs classes stay slotted.
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        html: str = importlib.import_module(_PRESENTER).html(self)
        return html


_PRESENTER = "usjapan2024._presenting.notebook"
"""The module whose ``html(obj)`` draws a record or a meeting for a notebook."""


@describe_fields
@attrs.frozen
class Span:
    """A verbatim quote of the source text and where it stands."""

    start: int = attrs.field(
        metadata=about(
            "Index of the first character, as a Python ``str`` index (not a byte offset: the "
            "text holds curly apostrophes)."
        )
    )
    end: int = attrs.field(
        metadata=about("Index one past the last character, so ``text[start:end] == quote``.")
    )
    quote: str = attrs.field(
        metadata=about(
            "The quoted words, repeated here so a reader needs no text to see them and loading "
            "can prove the offsets still point at them."
        )
    )
    role: SpanRole = attrs.field(
        default=SpanRole.OWN,
        metadata=about(
            "Whether the quote is the record's own words (``own``) or a framing sentence it "
            "cites for context (``context``, codebook rule F), which sets none of its values; "
            "a file that does not say (every file before schema 3) means ``own``. A record's "
            "own spans come first.",
            searchable=False,
        ),
    )


@describe_fields
@attrs.frozen
class Exclusion:
    """A line of the scraped article that is not part of the communiqué."""

    span: Span = attrs.field(metadata=about("The whole line."))
    reason: ExclusionReason = attrs.field(
        metadata=about("Why it was left out (a section heading, a link to another article).")
    )


@describe_fields
@attrs.frozen
class SourceInfo:
    """Where the source text came from."""

    title: str = attrs.field(metadata=about("The article's title."))
    url: str = attrs.field(metadata=about("The page it was scraped from."))
    sha256: str = attrs.field(
        metadata=about("Hex digest of the UTF-8 bytes of the text; loading checks it.")
    )
    excluded: tuple[Exclusion, ...] = attrs.field(
        metadata=about("Lines of the text that are not the communiqué: no record cites them.")
    )


@describe_fields
@attrs.frozen
class DocumentRef:
    """The official document the source text summarises."""

    title: str = attrs.field(metadata=about("Its title."))
    date: datetime.date = attrs.field(metadata=about("The date it was issued."))
    publishers: tuple[str, ...] = attrs.field(metadata=about("The bodies that published it."))


@describe_fields
@attrs.frozen
class Metadata:
    """What the dataset is, where it comes from and how to cite it."""

    title: str = attrs.field(metadata=about("The dataset's title."))
    description: str = attrs.field(metadata=about("One paragraph on what it holds."))
    version: str = attrs.field(
        metadata=about("The dataset's version (semantic versioning, see the dataset card).")
    )
    licence: str = attrs.field(metadata=about("The licence note for the data."))
    citation: str = attrs.field(metadata=about("How to cite the dataset, as one line of text."))
    source: SourceInfo = attrs.field(metadata=about("The text the records were coded from."))
    official_document: DocumentRef = attrs.field(
        metadata=about("The official statement that text summarises.")
    )


@describe_fields
@attrs.frozen
class Official(_Shown):
    """A minister who took part in the meeting, as the text names them."""

    listing: ClassVar[Listing] = Listing(("id", "name", "title", "country"), "name")

    id: str = attrs.field(metadata=about('Stable id, e.g. ``"official.blinken"``.'))
    name: str = attrs.field(
        metadata=about("The name as the text gives it (errata say where it is wrong).")
    )
    title: str = attrs.field(metadata=about("The office as the text gives it."))
    country: Actor = attrs.field(
        metadata=about("The state the official serves.", refers_to="parties")
    )
    organisation: Organisation = attrs.field(
        metadata=about("The department or ministry the office heads.")
    )
    sources: tuple[Span, ...] = attrs.field(metadata=about("Where the text names the official."))


@describe_fields
@attrs.frozen
class Party(_Shown):
    """A state, organisation or group the communiqué names."""

    listing: ClassVar[Listing] = Listing(("id", "name", "kind"), "name")

    id: Actor = attrs.field(
        metadata=about("The :class:`Actor` this record describes; other records refer to it.")
    )
    name: str = attrs.field(metadata=about("The name in plain English."))
    kind: ActorKind = attrs.field(
        metadata=about("State, organisation, group of states or armed group.")
    )
    sources: tuple[Span, ...] = attrs.field(metadata=about("Where the text names the party."))


@describe_fields
@attrs.frozen
class Location(_Shown):
    """A place the communiqué names, declared so that records can refer to it.

    Every :class:`~usjapan2024.vocabulary.Place` value a meeting's records hold names
    one (new in schema 3; a file that declares none uses the places of the bundled
    communiqué, the members of ``Place``, as every file before schema 3 did).
    """

    listing: ClassVar[Listing] = Listing(("id", "name", "kind"), "name")

    id: Place = attrs.field(
        metadata=about(
            'The :class:`Place` value records hold for it: a lower-case slug (``"sapporo"``).'
        )
    )
    name: str = attrs.field(metadata=about("The name in plain English."))
    kind: LocationKind = attrs.field(
        metadata=about("City, administrative area, country, islands, sea or region.")
    )
    sources: tuple[Span, ...] = attrs.field(metadata=about("Where the text names the place."))


@describe_fields
@attrs.frozen
class Department(_Shown):
    """A ministry or department the meeting's officials lead, declared for them to name.

    Every :class:`~usjapan2024.vocabulary.Organisation` value names one (new in schema 3;
    a file that declares none uses the bundled communiqué's four, the members of
    ``Organisation``, as every file before schema 3 did).
    """

    listing: ClassVar[Listing] = Listing(("id", "name", "kind", "country"), "name")

    id: Organisation = attrs.field(
        metadata=about(
            "The :class:`Organisation` value officials hold for it: a lower-case slug "
            '(``"jp-ministry-of-defense"``).'
        )
    )
    name: str = attrs.field(metadata=about("The name in plain English."))
    kind: DepartmentKind = attrs.field(
        metadata=about("Its portfolio: foreign affairs, defense or another.")
    )
    country: Actor = attrs.field(
        metadata=about("The state whose government it is part of.", refers_to="parties")
    )
    sources: tuple[Span, ...] = attrs.field(
        metadata=about("Where the text names it, or the office of the official who leads it.")
    )


@describe_fields
@attrs.frozen
class Programme(_Shown):
    """A named programme, initiative, dialogue or command the communiqué mentions."""

    listing: ClassVar[Listing] = Listing(("id", "name", "acronym", "kind"), "name")

    id: str = attrs.field(metadata=about('Stable id, e.g. ``"programme.wps"``.'))
    name: str = attrs.field(
        metadata=about('The name as the text gives it (``"TOFU"`` where it gives no more).')
    )
    acronym: str | None = attrs.field(metadata=about("The acronym the text uses, if any."))
    kind: ProgrammeKind = attrs.field(
        metadata=about("Command, dialogue, initiative or exchange programme.")
    )
    description: str = attrs.field(metadata=about("What the text says it is, in the text's terms."))
    sources: tuple[Span, ...] = attrs.field(metadata=about("Where the text names it."))


@describe_fields
@attrs.frozen
class Event(_Shown):
    """An earlier event the communiqué refers to."""

    listing: ClassVar[Listing] = Listing(("id", "date", "description"), "description")

    id: str = attrs.field(metadata=about('Stable id, e.g. ``"event.kishida-visit"``.'))
    description: str = attrs.field(metadata=about("What happened, in the text's terms."))
    date: datetime.date | None = attrs.field(
        metadata=about(
            "The date if the text gives one; ``None`` where it does not (an erratum may then "
            "supply it)."
        )
    )
    parties: tuple[Actor, ...] = attrs.field(metadata=about("Who took part.", refers_to="parties"))
    places: tuple[Place, ...] = attrs.field(metadata=about("Where it happened."))
    sources: tuple[Span, ...] = attrs.field(metadata=about("Where the text refers to it."))


@describe_fields
@attrs.frozen
class Commitment(_Shown):
    """Something one or both governments commit to, reaffirm or plan."""

    listing: ClassVar[Listing] = Listing(("id", "parties", "topic", "status", "summary"), "summary")

    id: str = attrs.field(metadata=about('Stable id, e.g. ``"commitment.article-v"``.'))
    summary: str = attrs.field(metadata=about("One sentence in plain words."))
    parties: tuple[Actor, ...] = attrs.field(
        metadata=about("Who commits: ``US``, ``JP`` or both.", refers_to="parties")
    )
    topic: Topic = attrs.field(metadata=about("The policy area."))
    status: Status = attrs.field(
        metadata=about("Reaffirmed, planned or under way, as the text presents it.")
    )
    subjects: tuple[str, ...] = attrs.field(
        metadata=about(
            'The concrete things it names (``"Tomahawk"``, ``"Article V"``).', fold_case=True
        )
    )
    places: tuple[Place, ...] = attrs.field(metadata=about("The places it concerns."))
    partners: tuple[Actor, ...] = attrs.field(
        metadata=about("Other parties it involves (Australia, ASEAN, ...).", refers_to="parties")
    )
    programmes: tuple[str, ...] = attrs.field(
        metadata=about("Ids of the :class:`Programme` records it involves.", refers_to="programmes")
    )
    events: tuple[str, ...] = attrs.field(
        metadata=about("Ids of the :class:`Event` records it refers to.", refers_to="events")
    )
    sources: tuple[Span, ...] = attrs.field(metadata=about("The words it was coded from."))


@describe_fields
@attrs.frozen
class Threat(_Shown):
    """A behaviour the ministers responded to, and how they responded."""

    listing: ClassVar[Listing] = Listing(("id", "actor", "kind", "response", "summary"), "summary")

    id: str = attrs.field(metadata=about('Stable id, e.g. ``"threat.cn-coercion"``.'))
    summary: str = attrs.field(metadata=about("One sentence in plain words."))
    actor: Actor | None = attrs.field(
        metadata=about(
            "Whose behaviour it is; ``None`` where the text names nobody (instability in the "
            "Middle East).",
            refers_to="parties",
        )
    )
    kind: ThreatKind = attrs.field(metadata=about("The kind of behaviour."))
    involving: tuple[Actor, ...] = attrs.field(
        metadata=about(
            "Other parties the behaviour involves: its victims (Ukraine) or its partners "
            "(Russia's ties *with* China and North Korea).",
            refers_to="parties",
        )
    )
    places: tuple[Place, ...] = attrs.field(metadata=about("The places it concerns or targets."))
    targets: tuple[str, ...] = attrs.field(
        metadata=about("What else it threatens, in the text's words.")
    )
    response: Response = attrs.field(
        metadata=about("Recognition, concern, criticism or condemnation.")
    )
    sources: tuple[Span, ...] = attrs.field(metadata=about("The words it was coded from."))


RecordValue = str | int | datetime.date | Vocabulary | tuple[str | Vocabulary, ...]
"""A value an erratum gives a field of another record: of that field's own type (a name,
a vocabulary member, a tuple of party ids, a date); :func:`usjapan2024.check` and loading
check it against the field it names."""


@describe_fields
@attrs.frozen
class Reference:
    """A public source that an erratum relies on."""

    title: str = attrs.field(
        metadata=about(
            "The page's title as it shows it (for a reference converted from a schema-1 file: "
            "the free-text reference)."
        )
    )
    publisher: str | None = attrs.field(
        metadata=about(
            "Who published the page; for a mirror, the site and whose text it carries.  "
            "``None`` only for a reference converted from schema 1."
        )
    )
    url: str | None = attrs.field(
        metadata=about(
            "The page's full address; ``None`` only for a reference converted from schema 1."
        )
    )
    date: datetime.date | None = attrs.field(
        metadata=about("The date the page gives for itself; ``None`` where it gives none.")
    )
    role: SourceRole | None = attrs.field(
        metadata=about(
            "Whether the page is the primary source, a mirror of it or a report of it; "
            "``None`` only for a reference converted from schema 1."
        )
    )

    def __str__(self) -> str:
        parts = [self.publisher, f'"{self.title}"' if self.publisher else self.title]
        if self.date is not None:
            parts.append(self.date.isoformat())
        if self.url is not None:
            parts.append(self.url)
        return ", ".join(p for p in parts if p)


# `init=False`: the __init__ below keeps 1.0.0's ways of giving the reference working.
@describe_fields
@attrs.frozen(init=False)
class Erratum(_Shown):
    """Where the text is wrong or vague on a fact, and what the public record says.

    The record it concerns keeps the text's wording; this record stands beside it.
    """

    listing: ClassVar[Listing] = Listing(("id", "target", "kind", "record_says"), "record_says")

    id: str = attrs.field(metadata=about('Stable id, e.g. ``"erratum.defense-minister"``.'))
    target: str = attrs.field(
        metadata=about("The id of the record it concerns.", refers_to="records")
    )
    field: str = attrs.field(metadata=about("The field of that record it concerns."))
    kind: ErratumKind = attrs.field(
        metadata=about("A correction (the text is wrong) or a clarification (it is vague).")
    )
    text_says: str = attrs.field(metadata=about("What the text says."))
    record_says: str = attrs.field(
        metadata=about(
            "What the public record holds, in our words; where the evidence is indirect (news "
            "reports of a statement whose text was not seen), it says so."
        )
    )
    references: tuple[Reference, ...] = attrs.field(
        metadata=about(
            "The pages that say so, each with its address, publisher, title, date and role."
        )
    )
    sources: tuple[Span, ...] = attrs.field(metadata=about("The words of the text concerned."))
    record_value: RecordValue | None = attrs.field(
        default=None,
        metadata=about(
            "The value the target field holds according to the public record, in that "
            "field's own type and vocabulary; ``None`` where the erratum only adds context "
            "(new in schema 3).",
            typed_by_target=True,
        ),
    )

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
        record_value: RecordValue | None = None,
        *,
        reference: str | None = None,
    ) -> None:
        """Build an erratum from its fields.

        1.0.0 took one free-text ``reference``, positionally or as ``reference=``; both
        still work, as one :class:`Reference` with only a title, and warn until 2.0.0.
        """
        if reference is not None or isinstance(references, str):
            # At run time only: PEP 702 marks names, not a parameter or a type of one, and
            # overloading __init__ would hide the class from the attrs plugin of mypy.
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
        self.__attrs_init__(
            id, target, field, kind, text_says, record_says, references, sources, record_value
        )

    @property
    @deprecated(
        "Erratum.reference is deprecated since 1.1.0 and will be removed in 2.0.0;"
        " use Erratum.references"
    )
    def reference(self) -> str:
        """The references as one line of text (deprecated since 1.1.0: use ``references``)."""
        return "; ".join(map(str, self.references))


@describe_fields
@attrs.frozen
class Retired:
    """A record id that a release withdrew, and the records that took its place.

    Ids never change meaning: when a record is split and no part keeps its meaning, its
    id is retired rather than reused.  :func:`usjapan2024.get` answers a retired id with
    an error that names the records that replaced it.
    """

    id: str = attrs.field(metadata=about("The id that no record has any more."))
    replaced_by: tuple[str, ...] = attrs.field(
        metadata=about("The ids of the records that hold what it held.", refers_to="records")
    )
    since: str = attrs.field(metadata=about("The dataset version that retired it."))
    reason: str = attrs.field(metadata=about("Why, in a sentence."))


Record = (
    Official | Party | Location | Department | Programme | Event | Commitment | Threat | Erratum
)
"""Any record that has an id and can be fetched with :func:`usjapan2024.get`."""


@describe_fields
@attrs.frozen
class Meeting(_Shown):
    """The root of the dataset: one meeting and everything the communiqué says of it."""

    schema_version: int = attrs.field(
        metadata=about("The version of the file format; loading refuses one it cannot read.")
    )
    metadata: Metadata = attrs.field(
        metadata=about("Title, version, source, licence and citation.")
    )
    name: str = attrs.field(metadata=about("The body that met."))
    short_name: str = attrs.field(metadata=about('Its usual short name, ``"2+2"``.'))
    date: datetime.date = attrs.field(metadata=about("The day it met."))
    place: Place = attrs.field(metadata=about("Where it met."))
    host: Actor = attrs.field(metadata=about("The state that hosted it.", refers_to="parties"))
    officials: tuple[Official, ...] = attrs.field(metadata=about("The ministers who took part."))
    parties: tuple[Party, ...] = attrs.field(
        metadata=about("Every state, organisation and group the records refer to.")
    )
    # Keyword-only, so that they can stand beside the parties they resemble and 1.1.0's
    # positional calls of Meeting(...) keep their meaning.
    locations: tuple[Location, ...] = attrs.field(
        default=(),
        kw_only=True,
        metadata=about(
            "Every place the records name (new in schema 3; none in a file that uses only the "
            "bundled communiqué's places)."
        ),
    )
    departments: tuple[Department, ...] = attrs.field(
        default=(),
        kw_only=True,
        metadata=about(
            "Every ministry or department the officials lead (new in schema 3; none in a file "
            "that uses only the bundled communiqué's four)."
        ),
    )
    programmes: tuple[Programme, ...] = attrs.field(
        metadata=about("Named programmes, initiatives and commands.")
    )
    events: tuple[Event, ...] = attrs.field(
        metadata=about("Earlier events the communiqué refers to.")
    )
    commitments: tuple[Commitment, ...] = attrs.field(
        metadata=about("What the governments commit to, in source order.")
    )
    threats: tuple[Threat, ...] = attrs.field(
        metadata=about("What the ministers responded to, in source order.")
    )
    errata: tuple[Erratum, ...] = attrs.field(
        metadata=about("Corrections and clarifications of the text.")
    )
    sources: tuple[Span, ...] = attrs.field(
        metadata=about("Where the text states the meeting's name, date and place.")
    )
    retired: tuple[Retired, ...] = attrs.field(
        default=(),
        metadata=about(
            "Ids that earlier releases published and this one withdrew (new in schema 2; empty "
            "when none was)."
        ),
    )
    view: View = attrs.field(
        default=View.TEXT,
        metadata=about(
            "Whose account the records give: the text's (``text``), or the public record's "
            "(``corrected``), with each listed erratum's value in its field (new in schema 3)."
        ),
    )
    corrected_by: tuple[str, ...] = attrs.field(
        default=(),
        metadata=about(
            "In the corrected view, the errata whose values the records hold in place of the "
            "text's wording, in order; empty in the text's view (new in schema 3).",
            refers_to="errata",
        ),
    )

    @property
    def source_text(self) -> str | None:
        """The text this meeting was coded from, which its spans index; ``None`` if unknown.

        A loaded meeting knows it: the bundled text, or the one given to
        :func:`usjapan2024.load` or :func:`usjapan2024.loads`, proved to hold every quote.
        So does one derived from it by :func:`usjapan2024.corrected`.  A meeting built in
        code knows no text (pass one to :func:`usjapan2024.check` to prove it).

        >>> import usjapan2024 as uj
        >>> uj.load().source_text == uj.source_text()
        True
        """
        return recall(self)

    @property
    def is_corrected(self) -> bool:
        """Whether this is the corrected view (:func:`usjapan2024.corrected`)."""
        return self.view is View.CORRECTED

    def records(self) -> tuple[Record, ...]:
        """Every record of the meeting that has an id, kind by kind, each in file order.

        The kinds come in the order of the file and of :data:`usjapan2024.export.KINDS`
        (officials, parties, locations, departments, programmes, events, commitments,
        threats, errata); retired ids are not records.

        >>> import usjapan2024 as uj
        >>> meeting = uj.load()
        >>> [r.id for r in meeting.records()][:2]
        ['official.blinken', 'official.austin']
        >>> len(meeting.records()) == len(meeting.officials) + len(meeting.parties) + len(
        ...     meeting.locations) + len(meeting.departments) + len(meeting.programmes) + len(
        ...     meeting.events) + len(meeting.commitments) + len(meeting.threats) + len(
        ...     meeting.errata)
        True
        """
        return tuple(
            record for field in record_fields(type(self)) for record in getattr(self, field.name)
        )
