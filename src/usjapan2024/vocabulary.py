"""Controlled vocabularies: every categorical value in the dataset is an Enum member.

Why enums rather than free strings: a filter such as ``commitments(topic="deterence")``
can then be rejected with the list of valid values instead of silently matching
nothing, and a type checker sees every place a value is used.  Every enum is
string-valued so the JSON stays readable by people and by other languages.
"""

from __future__ import annotations

import enum
from typing import Literal

__all__ = [
    "Actor",
    "ActorKind",
    "ActorValue",
    "ErratumKind",
    "ExclusionReason",
    "Organisation",
    "OrganisationValue",
    "Place",
    "PlaceValue",
    "ProgrammeKind",
    "Response",
    "ResponseValue",
    "SourceRole",
    "Status",
    "StatusValue",
    "ThreatKind",
    "ThreatKindValue",
    "Topic",
    "TopicValue",
]


class Actor(str, enum.Enum):
    """A party the communiqué names: a state, an organisation or a group.

    States use their ISO 3166-1 alpha-2 code as value (``"JP"``); actors that are
    not states use a lower-case slug (``"houthis"``), so the two can never clash.
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
        return self.value.isupper() and len(self.value) == 2


class ActorKind(str, enum.Enum):
    """What sort of party an :class:`Actor` is."""

    STATE = "state"
    """A sovereign state, identified by its ISO 3166-1 alpha-2 code."""
    ORGANISATION = "organisation"
    """An international organisation (ASEAN, NATO)."""
    GROUP_OF_STATES = "group-of-states"
    """States named together without an organisation (the Pacific Island nations)."""
    NON_STATE_ARMED_GROUP = "non-state-armed-group"
    """An armed movement that is not a state (the Houthis)."""


class Organisation(str, enum.Enum):
    """The government department an official leads."""

    US_DEPARTMENT_OF_STATE = "us-department-of-state"
    US_DEPARTMENT_OF_DEFENSE = "us-department-of-defense"
    JP_MINISTRY_OF_FOREIGN_AFFAIRS = "jp-ministry-of-foreign-affairs"
    JP_MINISTRY_OF_DEFENSE = "jp-ministry-of-defense"


class Place(str, enum.Enum):
    """A place or region the communiqué names."""

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


class Topic(str, enum.Enum):
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


class Status(str, enum.Enum):
    """How far a commitment had gone, as the text presents it on the day."""

    REAFFIRMED = "reaffirmed"
    """An existing commitment stated again."""
    PLANNED = "planned"
    """Something the ministers plan or aim to do."""
    UNDER_WAY = "under-way"
    """Something the text says is already happening."""


class ThreatKind(str, enum.Enum):
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


class Response(str, enum.Enum):
    """How strongly the ministers reacted, weakest first."""

    RECOGNITION = "recognition"
    """The ministers only noted the danger ("recognized that ...")."""
    CONCERN = "concern"
    """The ministers were worried or "expressed concerns"."""
    CRITICISM = "criticism"
    """The ministers "criticized"."""
    CONDEMNATION = "condemnation"
    """The ministers "condemned" (or "strongly condemned"): the strongest response."""


class ProgrammeKind(str, enum.Enum):
    """What sort of named programme, initiative or body a :class:`Programme` is."""

    COMMAND = "command"
    """A military command or headquarters."""
    DIALOGUE = "dialogue"
    """A standing bilateral consultation."""
    INITIATIVE = "initiative"
    """A policy agenda pursued across activities."""
    EXCHANGE = "exchange"
    """A people-to-people exchange programme."""


class ErratumKind(str, enum.Enum):
    """Whether an erratum corrects the text or only adds what it leaves unsaid."""

    CORRECTION = "correction"
    """The text is wrong on a fact."""
    CLARIFICATION = "clarification"
    """The text is vague; the public record is more precise."""


class SourceRole(str, enum.Enum):
    """How a source an erratum cites relates to what it reports."""

    PRIMARY = "primary"
    """The body's own statement: a ministry's or department's page, a joint statement."""
    MIRROR = "mirror"
    """An official text republished on another site: it carries the body's words."""
    REPORT = "report"
    """A news report of what was said or done: indirect evidence."""


class ExclusionReason(str, enum.Enum):
    """Why a line of the scraped article is not part of the communiqué."""

    SECTION_HEADING = "section-heading"
    """A heading the news article added between paragraphs."""
    LINK_TO_OTHER_ARTICLE = "link-to-other-article"
    """A link to another article, shown as its headline."""


# The values of the vocabularies that query filters take, as types: a type checker then
# refuses a misspelt value (`topic="deterence"`) or a member of the wrong vocabulary
# (`topic=Status.PLANNED`).  At run time a filter also accepts any case and the
# member names; `tests/test_vocabulary.py` checks each alias lists its enum's values.
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
