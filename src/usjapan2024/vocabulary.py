"""Controlled vocabularies: every categorical value in the dataset is an Enum member.

Why enums rather than free strings: a filter such as ``commitments(topic="deterence")``
can then be rejected with the list of valid values instead of silently matching
nothing, and a type checker sees every place a value is used.  Every enum is
string-valued so the JSON stays readable by people and by other languages.
"""

from __future__ import annotations

import enum
import re
from typing import Final, Literal

__all__ = [
    "ISO_3166_ALPHA_2",
    "ORDERED",
    "SLUG",
    "Actor",
    "ActorKind",
    "ActorValue",
    "DepartmentKind",
    "ErratumKind",
    "ExclusionReason",
    "LocationKind",
    "OpenVocabulary",
    "Organisation",
    "OrganisationValue",
    "Place",
    "PlaceValue",
    "ProgrammeKind",
    "Response",
    "ResponseValue",
    "SourceRole",
    "SpanRole",
    "Status",
    "StatusValue",
    "ThreatKind",
    "ThreatKindValue",
    "Topic",
    "TopicValue",
    "View",
    "Vocabulary",
]


class Vocabulary(str, enum.Enum):
    """A controlled vocabulary: string-valued members, each with a label for people.

    The value is what files, filters and exports hold (``"women-peace-security"``); the
    label, given right after the class, is what a chart or a page shows (``"Women, peace
    and security"``).

    >>> Topic.WOMEN_PEACE_SECURITY.label
    'Women, peace and security'
    """

    label: str
    """The member's name for people, for charts, pages and the exports' label columns."""

    # A member reads as its value wherever text is made of it, as the file holds it:
    # ``f"{official.country}"`` is ``"JP"``, not ``"Actor.JP"`` (Python 3.12 changed the
    # default for mixed-in enums; this is the same on every Python).  ``repr`` still names
    # the class and member.
    def __str__(self) -> str:
        return str.__str__(self)

    def __format__(self, format_spec: str) -> str:
        return str.__format__(str.__str__(self), format_spec)


SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A value a file may coin: lower-case ASCII words and digits joined by single hyphens."""

_ISO_CODES = """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ
    BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM
    DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS
    GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN
    KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
    MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM
    PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV
    SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI
    VN VU WF WS YE YT ZA ZM ZW
"""

ISO_3166_ALPHA_2: Final = frozenset(_ISO_CODES.split())
"""The 249 officially assigned ISO 3166-1 alpha-2 codes: the values a state may have.
``tests/test_vocabulary.py`` checks the list against pycountry's copy of the standard."""


class OpenVocabulary(Vocabulary):
    """A vocabulary a dataset file may extend with values of its own, declared as records.

    Its members are the values of the bundled communiqué (``Place.TAIWAN``); another
    communiqué needs others (a city, a ministry, a state this text does not name).  Such a
    file declares each one as a record (:class:`~usjapan2024.Location`,
    :class:`~usjapan2024.Department`, :class:`~usjapan2024.Party`), and any well-formed
    value is then a value of the class: ``Place("sapporo")`` is a ``Place`` equal to
    ``"sapporo"``, though not one of the members that iterating the class lists.  Loading
    still refuses a value the file does not declare, naming the ones it does.

    >>> Place("sapporo") == "sapporo", isinstance(Place("sapporo"), Place)
    (True, True)
    >>> Place("Sapporo!")
    Traceback (most recent call last):
    ...
    ValueError: 'Sapporo!' is not a valid Place
    """

    @classmethod
    def well_formed(cls, value: str) -> bool:
        """Whether ``value`` may be a value of this vocabulary (:meth:`form` says how)."""
        return SLUG.fullmatch(value) is not None

    @classmethod
    def form(cls) -> str:
        """What a value of this vocabulary looks like, in words, for error messages."""
        return "a lower-case slug such as 'sapporo' (letters a-z, digits, single hyphens)"

    @classmethod
    def _missing_(cls, value: object) -> OpenVocabulary | None:
        # Called by ``cls(value)`` for a value that is no member.  The new value is not
        # registered with the class (a hostile file of a million values must not grow it):
        # two equal values are equal, as strings, without being one object.
        if not isinstance(value, str) or not cls.well_formed(value):
            return None
        created = str.__new__(cls, value)
        created._name_ = value
        created._value_ = value
        object.__setattr__(created, "label", value)
        return created

    @property
    def is_member(self) -> bool:
        """Whether this is one of the class's members (the bundled communiqué's values)."""
        return type(self)._value2member_map_.get(self._value_) is self


def _labels(vocabulary: type[Vocabulary], **labels: str) -> None:
    """Give each member of ``vocabulary`` its label, by member name: every one, exactly once.

    A label cannot go in the member's value (type checkers would then type the value as a
    tuple), so it is given here, beside the class; a member left out or a name that is
    no member fails the import, so the two never drift.
    """
    names = [member.name for member in vocabulary]
    if sorted(labels) != sorted(names):
        msg = f"{vocabulary.__name__}: labels for {sorted(labels)}, members {sorted(names)}"
        raise TypeError(msg)
    for member in vocabulary:
        object.__setattr__(member, "label", labels[member.name])


class Actor(OpenVocabulary):
    """A party the communiqué names: a state, an organisation or a group.

    States use their ISO 3166-1 alpha-2 code as value (``"JP"``); actors that are
    not states use a lower-case slug (``"houthis"``), so the two can never clash.  The
    members are the bundled communiqué's parties; a file may name any state by its code
    and declare other parties of its own (an open vocabulary: ``Actor("PH")``), each as a
    :class:`~usjapan2024.Party` record.
    """

    US = "US"
    JP = "JP"
    CN = "CN"
    KP = "KP"
    RU = "RU"
    UA = "UA"
    AU = "AU"
    KR = "KR"
    ASEAN = "asean"
    NATO = "nato"
    PACIFIC_ISLAND_NATIONS = "pacific-island-nations"
    HOUTHIS = "houthis"

    @property
    def is_state(self) -> bool:
        """Whether the actor is a state (its value is an ISO 3166-1 alpha-2 code)."""
        return self._value_ in ISO_3166_ALPHA_2

    @classmethod
    def well_formed(cls, value: str) -> bool:
        """Whether ``value`` is an ISO 3166-1 alpha-2 code or a lower-case slug."""
        return value in ISO_3166_ALPHA_2 or SLUG.fullmatch(value) is not None

    @classmethod
    def form(cls) -> str:
        """What an actor's value looks like, in words, for error messages."""
        return "an ISO 3166-1 alpha-2 code such as 'PH', or a lower-case slug such as 'houthis'"


_labels(
    Actor,
    US="United States",
    JP="Japan",
    CN="China",
    KP="North Korea",
    RU="Russia",
    UA="Ukraine",
    AU="Australia",
    KR="South Korea",
    ASEAN="ASEAN",
    NATO="NATO",
    PACIFIC_ISLAND_NATIONS="Pacific Island nations",
    HOUTHIS="Houthis",
)


class ActorKind(Vocabulary):
    """What sort of party an :class:`Actor` is."""

    STATE = "state"
    """A sovereign state, identified by its ISO 3166-1 alpha-2 code."""
    ORGANISATION = "organisation"
    """An international organisation (ASEAN, NATO)."""
    GROUP_OF_STATES = "group-of-states"
    """States named together without an organisation (the Pacific Island nations)."""
    NON_STATE_ARMED_GROUP = "non-state-armed-group"
    """An armed movement that is not a state (the Houthis)."""


_labels(
    ActorKind,
    STATE="State",
    ORGANISATION="Organisation",
    GROUP_OF_STATES="Group of states",
    NON_STATE_ARMED_GROUP="Non-state armed group",
)


class Organisation(OpenVocabulary):
    """The government department an official leads.

    The members are the bundled communiqué's four; a file declares others of its own
    (an open vocabulary), each as a :class:`~usjapan2024.Department` record.
    """

    US_DEPARTMENT_OF_STATE = "us-department-of-state"
    US_DEPARTMENT_OF_DEFENSE = "us-department-of-defense"
    JP_MINISTRY_OF_FOREIGN_AFFAIRS = "jp-ministry-of-foreign-affairs"
    JP_MINISTRY_OF_DEFENSE = "jp-ministry-of-defense"


_labels(
    Organisation,
    US_DEPARTMENT_OF_STATE="U.S. Department of State",
    US_DEPARTMENT_OF_DEFENSE="U.S. Department of Defense",
    JP_MINISTRY_OF_DEFENSE="Ministry of Defense of Japan",
    JP_MINISTRY_OF_FOREIGN_AFFAIRS="Ministry of Foreign Affairs of Japan",
)


class Place(OpenVocabulary):
    """A place or region the communiqué names.

    The members are the bundled communiqué's places; a file declares others of its own
    (an open vocabulary: ``Place("sapporo")``), each as a :class:`~usjapan2024.Location`
    record.
    """

    TOKYO = "tokyo"
    INDO_PACIFIC = "indo-pacific"
    EAST_CHINA_SEA = "east-china-sea"
    SOUTH_CHINA_SEA = "south-china-sea"
    TAIWAN = "taiwan"
    UKRAINE = "ukraine"
    MIDDLE_EAST = "middle-east"
    SOUTHWEST_ISLANDS = "southwest-islands"
    JAPAN = "japan"
    UNITED_STATES = "united-states"
    OKINAWA = "okinawa"
    GUAM = "guam"


_labels(
    Place,
    TOKYO="Tokyo",
    INDO_PACIFIC="Indo-Pacific",
    EAST_CHINA_SEA="East China Sea",
    SOUTH_CHINA_SEA="South China Sea",
    TAIWAN="Taiwan",
    UKRAINE="Ukraine",
    MIDDLE_EAST="Middle East",
    SOUTHWEST_ISLANDS="Southwest Islands",
    JAPAN="Japan",
    UNITED_STATES="United States",
    OKINAWA="Okinawa",
    GUAM="Guam",
)


class LocationKind(Vocabulary):
    """What sort of place a :class:`~usjapan2024.Location` is (the codebook's scale)."""

    CITY = "city"
    """A city or town (Tokyo)."""
    ADMINISTRATIVE_AREA = "administrative-area"
    """A prefecture, province, state or territory within or of a state (Okinawa, Guam)."""
    COUNTRY = "country"
    """The territory of a state, named as a place (Japan as where forces stand)."""
    ISLANDS = "islands"
    """An island or a chain of islands, named geographically (the Southwest Islands)."""
    SEA = "sea"
    """A sea, a strait or another body of water (the East China Sea)."""
    REGION = "region"
    """A region larger than one state (the Indo-Pacific, the Middle East)."""


_labels(
    LocationKind,
    CITY="City",
    ADMINISTRATIVE_AREA="Administrative area",
    COUNTRY="Country",
    ISLANDS="Islands",
    SEA="Sea",
    REGION="Region",
)


class DepartmentKind(Vocabulary):
    """The portfolio of a :class:`~usjapan2024.Department` (the codebook's scale)."""

    FOREIGN_AFFAIRS = "foreign-affairs"
    """A foreign ministry or a department of state."""
    DEFENSE = "defense"
    """A defence ministry or department."""
    OTHER = "other"
    """Any other portfolio (finance, economy, the cabinet office...)."""


_labels(
    DepartmentKind,
    FOREIGN_AFFAIRS="Foreign affairs",
    DEFENSE="Defense",
    OTHER="Other portfolio",
)


class Topic(Vocabulary):
    """The policy area a commitment belongs to."""

    INTERNATIONAL_ORDER = "international-order"
    """A free and open order based on the rule of law; a united front for peace."""
    ALLIANCE = "alliance"
    """The alliance itself: its importance and working together more closely."""
    COMMAND_AND_CONTROL = "command-and-control"
    """How the two militaries' commands coordinate (USFJ as a joint force headquarters)."""
    DETERRENCE = "deterrence"
    """Article V, extended deterrence, nuclear deterrents."""
    DEFENSE_CAPABILITIES = "defense-capabilities"
    """What the forces can do: budgets, stand-off missiles, cybersecurity."""
    REGIONAL_SECURITY = "regional-security"
    """Peace and stability in a region: Taiwan, the Middle East, readiness against threats."""
    PARTNERSHIPS = "partnerships"
    """Working with third countries and organisations (Australia, ASEAN, NATO...)."""
    DEFENSE_INDUSTRY = "defense-industry"
    """Defense technology, industries, supply chains, production and research."""
    FORCE_POSTURE = "force-posture"
    """Where forces and equipment are, and how they are organised."""
    EXERCISES = "exercises"
    """Joint exercises and training for readiness."""
    ENVIRONMENT = "environment"
    """Environmental concerns such as harmful chemicals and pollutants."""
    HUMANITARIAN = "humanitarian"
    """Humanitarian assistance and the response to natural disasters and climate change."""
    WOMEN_PEACE_SECURITY = "women-peace-security"
    """Women's participation and leadership in security and peace (the WPS agenda)."""
    PEOPLE_TO_PEOPLE = "people-to-people"
    """Exchanges between the two peoples (TOFU, SEED)."""


_labels(
    Topic,
    INTERNATIONAL_ORDER="International order",
    ALLIANCE="The alliance",
    COMMAND_AND_CONTROL="Command and control",
    DETERRENCE="Deterrence",
    DEFENSE_CAPABILITIES="Defense capabilities",
    REGIONAL_SECURITY="Regional security",
    PARTNERSHIPS="Partnerships",
    DEFENSE_INDUSTRY="Defense industry",
    FORCE_POSTURE="Force posture",
    EXERCISES="Exercises and training",
    ENVIRONMENT="Environment",
    HUMANITARIAN="Humanitarian assistance and disaster relief",
    WOMEN_PEACE_SECURITY="Women, peace and security",
    PEOPLE_TO_PEOPLE="People-to-people exchanges",
)


class Status(Vocabulary):
    """How far a commitment had gone, as the text presents it on the day."""

    REAFFIRMED = "reaffirmed"
    """An existing commitment stated again."""
    PLANNED = "planned"
    """Something the ministers plan or aim to do."""
    UNDER_WAY = "under-way"
    """Something the text says is already happening."""


_labels(
    Status,
    REAFFIRMED="Reaffirmed",
    PLANNED="Planned",
    UNDER_WAY="Under way",
)


class ThreatKind(Vocabulary):
    """The kind of behaviour the ministers objected to."""

    COERCION = "coercion"
    """Attempts to change the status quo by force or coercion."""
    NUCLEAR_BUILDUP = "nuclear-buildup"
    """Building or developing nuclear weapons."""
    MISSILE_LAUNCHES = "missile-launches"
    """Missile tests and launches."""
    WAR_OF_AGGRESSION = "war-of-aggression"
    """An unprovoked war against another state."""
    STRATEGIC_ALIGNMENT = "strategic-alignment"
    """Close military ties between the states the ministers worry about."""
    ARMED_ATTACKS = "armed-attacks"
    """Attacks by an armed group (the Houthis)."""
    REGIONAL_INSTABILITY = "regional-instability"
    """Instability in a region, with nobody named as its cause."""


_labels(
    ThreatKind,
    COERCION="Coercion",
    NUCLEAR_BUILDUP="Nuclear build-up",
    MISSILE_LAUNCHES="Missile launches",
    WAR_OF_AGGRESSION="War of aggression",
    STRATEGIC_ALIGNMENT="Strategic alignment",
    ARMED_ATTACKS="Armed attacks",
    REGIONAL_INSTABILITY="Regional instability",
)


class Response(Vocabulary):
    """How strongly the ministers reacted, weakest first.

    The scale is ordered by :attr:`rank`, not by the members themselves: they are
    strings, which compare as strings (``max(Response)`` would be ``RECOGNITION``).

    >>> Response.RECOGNITION.rank, Response.CONDEMNATION.rank
    (0, 3)
    >>> max(Response, key=lambda r: r.rank)
    <Response.CONDEMNATION: 'condemnation'>
    """

    RECOGNITION = "recognition"
    """The ministers only noted the danger ("recognized that ...")."""
    CONCERN = "concern"
    """The ministers were worried or "expressed concerns"."""
    CRITICISM = "criticism"
    """The ministers "criticized"."""
    CONDEMNATION = "condemnation"
    """The ministers "condemned" (or "strongly condemned"): the strongest response."""

    @property
    def rank(self) -> int:
        """Its place on the scale: 0 for the weakest (recognition), up to the strongest.

        It is the order the members are declared in, weakest first: sort by it
        (``sorted(threats, key=lambda t: t.response.rank)``) or take the strongest
        (``max(Response, key=lambda r: r.rank)``).
        """
        return tuple(Response).index(self)


_labels(
    Response,
    RECOGNITION="Recognition",
    CONCERN="Concern",
    CRITICISM="Criticism",
    CONDEMNATION="Condemnation",
)


class ProgrammeKind(Vocabulary):
    """What sort of named programme, initiative or body a :class:`Programme` is."""

    COMMAND = "command"
    """A military command or headquarters."""
    DIALOGUE = "dialogue"
    """A standing bilateral consultation."""
    INITIATIVE = "initiative"
    """A policy agenda pursued across activities."""
    EXCHANGE = "exchange"
    """A people-to-people exchange programme."""
    EXERCISE = "exercise"
    """A named military exercise or training series (new in 1.2.0: none in this text)."""


_labels(
    ProgrammeKind,
    COMMAND="Command",
    DIALOGUE="Dialogue",
    INITIATIVE="Initiative",
    EXCHANGE="Exchange programme",
    EXERCISE="Exercise",
)


class ErratumKind(Vocabulary):
    """Whether an erratum corrects the text or only adds what it leaves unsaid."""

    CORRECTION = "correction"
    """The text is wrong on a fact."""
    CLARIFICATION = "clarification"
    """The text is vague; the public record is more precise."""


_labels(
    ErratumKind,
    CORRECTION="Correction",
    CLARIFICATION="Clarification",
)


class View(Vocabulary):
    """Whose account a meeting's records give: the text's, or the public record's."""

    TEXT = "text"
    """The records say what the text says, wrong or vague as it may be; errata beside them."""
    CORRECTED = "corrected"
    """Each erratum's corrected value stands in its field (:func:`usjapan2024.corrected`)."""


_labels(
    View,
    TEXT="The text's view",
    CORRECTED="The corrected view",
)


class SourceRole(Vocabulary):
    """How a source an erratum cites relates to what it reports."""

    PRIMARY = "primary"
    """The body's own statement: a ministry's or department's page, a joint statement."""
    MIRROR = "mirror"
    """An official text republished on another site: it carries the body's words."""
    REPORT = "report"
    """A news report of what was said or done: indirect evidence."""


_labels(
    SourceRole,
    PRIMARY="Primary source",
    MIRROR="Mirror of a primary source",
    REPORT="Report",
)


class ExclusionReason(Vocabulary):
    """Why a line of the scraped article is not part of the communiqué."""

    SECTION_HEADING = "section-heading"
    """A heading the news article added between paragraphs."""
    LINK_TO_OTHER_ARTICLE = "link-to-other-article"
    """A link to another article, shown as its headline."""


_labels(
    ExclusionReason,
    SECTION_HEADING="Section heading",
    LINK_TO_OTHER_ARTICLE="Link to another article",
)


class SpanRole(Vocabulary):
    """Whether a span holds a record's own words or a sentence it cites only for context."""

    OWN = "own"
    """The record's own words: what it is coded from (the default, and all 1.1.0 had)."""
    CONTEXT = "context"
    """A framing sentence (codebook, rule F), cited for context: it sets none of the record's
    values, and :func:`usjapan2024.search` looks in it only when asked to."""


_labels(SpanRole, OWN="Own words", CONTEXT="Context")


ORDERED: Final[tuple[type[Vocabulary], ...]] = (Response,)
"""The vocabularies whose members' order is a scale: :class:`Response` runs from the
mildest response to the strongest.  Every export that orders values reads it here, and
takes the order from the members' own order: a DataFrame's ordered category, the Data
Package's ``categoriesOrdered``, the tables' rank columns, :attr:`Response.rank`."""


# The values of the vocabularies that query filters take, as types: for annotations and
# editors' completions (a filter also takes any `str`, as in 1.0.0, and refuses a value
# outside its vocabulary at run time, in any case or as a member's name);
# `tests/test_typing.py` checks each alias lists its enum's values.
ActorValue = Literal[
    "US",
    "JP",
    "CN",
    "KP",
    "RU",
    "UA",
    "AU",
    "KR",
    "asean",
    "nato",
    "pacific-island-nations",
    "houthis",
]
"""The values of :class:`Actor`, for type checkers."""
OrganisationValue = Literal[
    "us-department-of-state",
    "us-department-of-defense",
    "jp-ministry-of-foreign-affairs",
    "jp-ministry-of-defense",
]
"""The values of :class:`Organisation`, for type checkers."""
PlaceValue = Literal[
    "tokyo",
    "indo-pacific",
    "east-china-sea",
    "south-china-sea",
    "taiwan",
    "ukraine",
    "middle-east",
    "southwest-islands",
    "japan",
    "united-states",
    "okinawa",
    "guam",
]
"""The values of :class:`Place`, for type checkers."""
TopicValue = Literal[
    "international-order",
    "alliance",
    "command-and-control",
    "deterrence",
    "defense-capabilities",
    "regional-security",
    "partnerships",
    "defense-industry",
    "force-posture",
    "exercises",
    "environment",
    "humanitarian",
    "women-peace-security",
    "people-to-people",
]
"""The values of :class:`Topic`, for type checkers."""
StatusValue = Literal["reaffirmed", "planned", "under-way"]
"""The values of :class:`Status`, for type checkers."""
ThreatKindValue = Literal[
    "coercion",
    "nuclear-buildup",
    "missile-launches",
    "war-of-aggression",
    "strategic-alignment",
    "armed-attacks",
    "regional-instability",
]
"""The values of :class:`ThreatKind`, for type checkers."""
ResponseValue = Literal["recognition", "concern", "criticism", "condemnation"]
"""The values of :class:`Response`, for type checkers."""
