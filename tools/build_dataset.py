"""Build ``src/usjapan2024/data/usjapan2024.json`` from the coding below.

The coding (which words become which record) is written here as Python, with every
quote located in the source text by search, so offsets are never typed by hand.
The bundled JSON is this script's output, with its schema and the digests of the
bundled files (``_loading/proven.py``); ``--check`` fails when they differ from what it
would write, and the test suite runs it so none can drift from the others.

    python tools/build_dataset.py          # rewrite the JSON, its schema and digests
    python tools/build_dataset.py --check  # exit 1 if any of them is stale
"""

from __future__ import annotations

import datetime
import hashlib
import json
import sys
from pathlib import Path
from typing import TypeVar

import attrs

from usjapan2024 import dumps, json_schema, source_text
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

R = TypeVar("R", Commitment, Threat)
TEXT = source_text()
DATA = Path(__file__).resolve().parent.parent / "src" / "usjapan2024" / "data"
US, JP = Actor.US, Actor.JP


def span(quote: str, within: str | None = None) -> Span:
    """Locate ``quote`` (inside the unique passage ``within``, if given) in the text."""
    context = quote if within is None else within
    if TEXT.count(context) != 1:
        msg = f"{context!r} occurs {TEXT.count(context)} times; give a unique passage"
        raise SystemExit(msg)
    base = TEXT.index(context)
    offset = context.find(quote)
    if offset < 0 or context.count(quote) != 1:
        msg = f"{quote!r} is not once in {context!r}"
        raise SystemExit(msg)
    start = base + offset
    return Span(start, start + len(quote), quote)


def spans(*quotes: str) -> tuple[Span, ...]:
    """Locate each of ``quotes``; each must occur once in the text."""
    return tuple(span(q) for q in quotes)


def line_span(number: int) -> Span:
    """The whole of line ``number`` (1-based), without its line break."""
    lines = TEXT.split("\n")
    start = sum(len(line) + 1 for line in lines[: number - 1])
    return Span(start, start + len(lines[number - 1]), lines[number - 1])


EXCLUDED = (
    (4, ExclusionReason.SECTION_HEADING),
    (7, ExclusionReason.LINK_TO_OTHER_ARTICLE),
    (11, ExclusionReason.LINK_TO_OTHER_ARTICLE),
    (12, ExclusionReason.SECTION_HEADING),
    (15, ExclusionReason.LINK_TO_OTHER_ARTICLE),
    (19, ExclusionReason.SECTION_HEADING),
)

METADATA = Metadata(
    title="usjapan2024: the Japan-U.S. 2+2 communiqué of 28 July 2024 as typed data",
    description=(
        "Officials, commitments, threats, partners, programmes and earlier events named in a"
        " news summary of the Joint Statement of the Japan-U.S. Security Consultative"
        " Committee (2+2) held in Tokyo on 28 July 2024. Every record quotes the words it"
        " was coded from, with their offsets in the bundled text; where the text is wrong"
        " or vague on a fact, an erratum record says what the public record holds."
    ),
    version="1.2.0",
    licence=(
        "Code: MIT. Data (the records, their coding and the errata): CC BY 4.0. The bundled"
        " source text is a third-party news article, included verbatim for reference and"
        " verification only; it is not relicensed."
    ),
    citation=(
        "usjapan2024 contributors (2026). usjapan2024: the Japan-U.S. Security Consultative"
        " Committee (2+2) communiqué of 28 July 2024 as typed data. Dataset version 1.2.0."
    ),
    source=SourceInfo(
        title="Japan-US alliance: new strategies for global security (title as given in the page address)",
        url="https://www.regtechtimes.com/japan-us-alliance-new-strategies-global-security",
        sha256=hashlib.sha256(TEXT.encode("utf-8")).hexdigest(),
        excluded=tuple(Exclusion(line_span(n), reason) for n, reason in EXCLUDED),
    ),
    official_document=DocumentRef(
        title="Joint Statement of the Security Consultative Committee (2+2)",
        date=datetime.date(2024, 7, 28),
        publishers=(
            "U.S. Department of State",
            "U.S. Department of Defense",
            "Ministry of Foreign Affairs of Japan",
            "Ministry of Defense of Japan",
        ),
    ),
)

OFFICIALS = (
    Official(
        "official.blinken",
        "Antony Blinken",
        "Secretary of State",
        US,
        Organisation.US_DEPARTMENT_OF_STATE,
        spans("U.S. Secretary of State Antony Blinken"),
    ),
    Official(
        "official.austin",
        "Lloyd Austin",
        "Secretary of Defense",
        US,
        Organisation.US_DEPARTMENT_OF_DEFENSE,
        spans("Secretary of Defense Lloyd Austin"),
    ),
    Official(
        "official.kamikawa",
        "Yoko Kamikawa",
        "Foreign Minister",
        JP,
        Organisation.JP_MINISTRY_OF_FOREIGN_AFFAIRS,
        spans("Japanese Foreign Minister Yoko Kamikawa"),
    ),
    Official(
        "official.hamada",
        "Yasukazu Hamada",
        "Defense Minister",
        JP,
        Organisation.JP_MINISTRY_OF_DEFENSE,
        spans("Defense Minister Yasukazu Hamada"),
    ),
)

L8 = "The ministers expressed concerns about regional threats, particularly from China and North Korea."
L9 = "They criticized Russia’s close ties with China and North Korea"
L17 = "support stronger ties with ASEAN, Pacific Island nations, and NATO"

PARTIES = (
    Party(US, "United States", ActorKind.STATE, (span("The U.S. reaffirmed"),)),
    Party(JP, "Japan", ActorKind.STATE, (span("Japan", within="Japan, in turn,"),)),
    Party(Actor.CN, "China", ActorKind.STATE, (span("China", within=L8),)),
    Party(Actor.KP, "North Korea", ActorKind.STATE, (span("North Korea", within=L8),)),
    Party(Actor.RU, "Russia", ActorKind.STATE, (span("Russia’s unprovoked war"),)),
    Party(Actor.UA, "Ukraine", ActorKind.STATE, (span("Ukraine"),)),
    Party(Actor.AU, "Australia", ActorKind.STATE, (span("Australia"),)),
    Party(Actor.KR, "South Korea", ActorKind.STATE, (span("South Korea"),)),
    Party(Actor.ASEAN, "ASEAN", ActorKind.ORGANISATION, (span("ASEAN"),)),
    Party(
        Actor.PACIFIC_ISLAND_NATIONS,
        "Pacific Island nations",
        ActorKind.GROUP_OF_STATES,
        (span("Pacific Island nations"),),
    ),
    Party(Actor.NATO, "NATO", ActorKind.ORGANISATION, (span("NATO"),)),
    Party(Actor.HOUTHIS, "Houthis", ActorKind.NON_STATE_ARMED_GROUP, (span("Houthi attacks"),)),
)

# Codebook rule D1: every place and department a record names is declared, and cited where
# the text names it (a department where the text names the office of the official who
# leads it: the text names no ministry).
LOCATIONS = (
    Location(Place.TOKYO, "Tokyo", LocationKind.CITY, (span("Tokyo"),)),
    Location(
        Place.INDO_PACIFIC,
        "Indo-Pacific",
        LocationKind.REGION,
        (span("Indo-Pacific", within="security in the Indo-Pacific region"),),
    ),
    Location(Place.EAST_CHINA_SEA, "East China Sea", LocationKind.SEA, (span("East China Sea"),)),
    Location(
        Place.SOUTH_CHINA_SEA, "South China Sea", LocationKind.SEA, (span("South China Sea"),)
    ),
    Location(Place.TAIWAN, "Taiwan", LocationKind.ISLANDS, (span("Taiwan"),)),
    Location(Place.UKRAINE, "Ukraine", LocationKind.COUNTRY, (span("Ukraine"),)),
    Location(Place.MIDDLE_EAST, "Middle East", LocationKind.REGION, (span("Middle East"),)),
    Location(
        Place.SOUTHWEST_ISLANDS,
        "Southwest Islands",
        LocationKind.ISLANDS,
        (span("Southwest Islands"),),
    ),
    Location(
        Place.JAPAN,
        "Japan",
        LocationKind.COUNTRY,
        (span("Japan", within="U.S. military planes in Japan"),),
    ),
    Location(
        Place.UNITED_STATES,
        "United States",
        LocationKind.COUNTRY,
        (span("the U.S.", within="visit to the U.S. earlier"),),
    ),
    Location(Place.OKINAWA, "Okinawa", LocationKind.ADMINISTRATIVE_AREA, (span("Okinawa"),)),
    Location(Place.GUAM, "Guam", LocationKind.ADMINISTRATIVE_AREA, (span("Guam"),)),
)

DEPARTMENTS = (
    Department(
        Organisation.US_DEPARTMENT_OF_STATE,
        "U.S. Department of State",
        DepartmentKind.FOREIGN_AFFAIRS,
        US,
        (span("Secretary of State", within="U.S. Secretary of State Antony Blinken"),),
    ),
    Department(
        Organisation.US_DEPARTMENT_OF_DEFENSE,
        "U.S. Department of Defense",
        DepartmentKind.DEFENSE,
        US,
        (span("Secretary of Defense", within="Secretary of Defense Lloyd Austin"),),
    ),
    Department(
        Organisation.JP_MINISTRY_OF_FOREIGN_AFFAIRS,
        "Ministry of Foreign Affairs of Japan",
        DepartmentKind.FOREIGN_AFFAIRS,
        JP,
        (span("Foreign Minister", within="Japanese Foreign Minister Yoko Kamikawa"),),
    ),
    Department(
        Organisation.JP_MINISTRY_OF_DEFENSE,
        "Ministry of Defense of Japan",
        DepartmentKind.DEFENSE,
        JP,
        (span("Defense Minister", within="Defense Minister Yasukazu Hamada"),),
    ),
)

JJOC = "Japan’s newly established Joint Operations Command (JJOC)"
PROGRAMMES = (
    Programme(
        "programme.usfj",
        "U.S. Forces Japan",
        "USFJ",
        ProgrammeKind.COMMAND,
        "to be set up as a joint force headquarters",
        spans("U.S. Forces Japan (USFJ)"),
    ),
    Programme(
        "programme.jjoc",
        "Joint Operations Command",
        "JJOC",
        ProgrammeKind.COMMAND,
        "Japan’s newly established Joint Operations Command",
        spans(JJOC),
    ),
    Programme(
        "programme.deterrence-dialogue",
        "Extended Deterrence Dialogue",
        None,
        ProgrammeKind.DIALOGUE,
        "the dialogue through which the ministers plan to improve strategic-level discussions",
        spans("Extended Deterrence Dialogue"),
    ),
    Programme(
        "programme.wps",
        "Women, Peace, and Security",
        "WPS",
        ProgrammeKind.INITIATIVE,
        "initiatives the two governments will continue working together on",
        spans("Women, Peace, and Security (WPS) initiatives"),
    ),
    Programme(
        "programme.tofu",
        "TOFU",
        "TOFU",
        ProgrammeKind.EXCHANGE,
        "an exchange programme designed to build future experts",
        spans("TOFU"),
    ),
    Programme(
        "programme.seed",
        "SEED",
        "SEED",
        ProgrammeKind.EXCHANGE,
        "an exchange programme designed to build future experts",
        spans("SEED"),
    ),
)

KISHIDA = "Prime Minister Kishida’s important visit to the U.S. earlier this year"
EVENTS = (
    Event(
        "event.kishida-visit",
        "Prime Minister Kishida’s visit to the U.S.",
        None,
        (JP, US),
        (Place.UNITED_STATES,),
        spans(
            "These initiatives are part of building a stronger partnership following"
            " Prime Minister Kishida’s important visit to the U.S. earlier this year."
        ),
    ),
)


def commitment(  # noqa: PLR0917  (the coding below reads as a table)
    id_: str,
    summary: str,
    parties: tuple[Actor, ...],
    topic: Topic,
    status: Status,
    sources: tuple[Span, ...],
    *,
    subjects: tuple[str, ...] = (),
    places: tuple[Place, ...] = (),
    partners: tuple[Actor, ...] = (),
    programmes: tuple[str, ...] = (),
    events: tuple[str, ...] = (),
) -> Commitment:
    """A commitment with the optional reference fields defaulted to empty."""
    return Commitment(
        f"commitment.{id_}",
        summary,
        parties,
        topic,
        status,
        subjects,
        places,
        partners,
        programmes,
        events,
        sources,
    )


BOTH = (US, JP)

# Framing sentences (codebook, rule F): each is cited by every record in its scope, after
# the record's own quotes, and sets no field but ``events`` (F2) and ``places`` (F7).
F1 = "During the meeting, the ministers discussed new strategic plans to enhance their alliance."
F2 = (
    "These initiatives are part of building a stronger partnership following"
    " Prime Minister Kishida’s important visit to the U.S. earlier this year."
)
F3 = L8
F4 = "The meeting also addressed Russia’s actions."
F5 = (
    "To meet evolving security challenges, the ministers outlined several key areas"
    " for enhancing alliance capabilities."
)
F6 = "Japan-US are teaming up with other friendly countries to tackle big security problems."
F7 = "The goal is to keep the Indo-Pacific region open and free."
F8 = (
    "By collaborating with these allies and partners, they aim to enhance regional"
    " security and address shared challenges more effectively."
)
F9 = "The Japan-US forces are working together to improve their defense technology."
F10 = "By collaborating, they can stay ahead in technology and help maintain regional peace."
F11 = "The Japan-US forces are improving their military plans to better handle security challenges."
F12 = (
    "These changes aim to enhance their ability to respond to security threats and"
    " ensure the stability of the region."
)
L21_1 = (
    "The Japan-US teams are also working together to address environmental issues"
    " and provide humanitarian assistance."
)
F13 = (
    "This cooperation demonstrates their commitment to addressing global challenges"
    " and supporting affected communities."
)
F14 = (
    "By promoting gender equality and women’s participation, they aim to create a"
    " more inclusive and effective approach to security and peace."
)
F15 = (
    "These initiatives aim to strengthen the bonds between the two countries and"
    " ensure a lasting and cooperative relationship."
)
FRAMING = frozenset((F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12, F13, F14, F15))
"""The framing sentences of the codebook's table (rule F), which records cite for context
(``tests/test_codebook.py`` checks that the data's context spans are exactly these)."""
L9_FULL = L9 + ", stating that these relationships are worsening global and Indo-Pacific security."
L22_3 = (
    "They will continue working together on Women, Peace, and Security (WPS) initiatives"
    " and integrate these goals into their joint activities."
)

COMMITMENTS = (
    commitment(
        "rule-of-law",
        "The ministers emphasized their strong commitment to a free and open international order"
        " based on the rule of law.",
        BOTH,
        Topic.INTERNATIONAL_ORDER,
        Status.REAFFIRMED,
        spans(
            "The ministers emphasized their strong commitment to a free and open international order based on the rule of law."
        ),
        subjects=("free and open international order", "rule of law"),
    ),
    commitment(
        "alliance-indo-pacific",
        "The Japan-US Alliance is crucial for peace and security in the Indo-Pacific.",
        BOTH,
        Topic.ALLIANCE,
        Status.REAFFIRMED,
        spans(
            "They confirmed that the Japan-US Alliance is crucial for peace and security in the Indo-Pacific region."
        ),
        subjects=("Japan-US Alliance",),
        places=(Place.INDO_PACIFIC,),
    ),
    commitment(
        "global-threats",
        "Work together to tackle global threats and make their partnership stronger.",
        BOTH,
        Topic.ALLIANCE,
        Status.PLANNED,
        spans(
            "Both countries promised to work together to tackle global threats and make their partnership stronger."
        ),
    ),
    commitment(
        "command-and-control",
        "Upgrade their command and control systems to improve coordination.",
        BOTH,
        Topic.COMMAND_AND_CONTROL,
        Status.PLANNED,
        spans(
            "They plan to upgrade their command and control systems to improve coordination.",
            F1,
            F2,
        ),
        subjects=("command and control systems",),
        events=("event.kishida-visit",),
    ),
    commitment(
        "defense-cooperation",
        "Work more closely on defense projects and enhance their operations in various areas.",
        BOTH,
        Topic.ALLIANCE,
        Status.PLANNED,
        spans(
            "They also aim to work more closely on defense projects and enhance their operations in various areas.",
            F1,
            F2,
        ),
        subjects=("defense projects", "operations"),
        events=("event.kishida-visit",),
    ),
    commitment(
        "article-v",
        "The U.S. reaffirmed its commitment to Japan's defense under Article V, which includes a"
        " promise to use its full range of capabilities, including nuclear deterrents, if necessary.",
        (US,),
        Topic.DETERRENCE,
        Status.REAFFIRMED,
        spans(
            "The U.S. reaffirmed its commitment to Japan’s defense under Article V of the U.S.-Japan Treaty of Mutual Cooperation and Security.",
            "This includes a promise to use its full range of capabilities, including nuclear deterrents, if necessary.",
        ),
        subjects=(
            "Article V",
            "U.S.-Japan Treaty of Mutual Cooperation and Security",
            "full range of capabilities",
            "nuclear deterrents",
        ),
        places=(Place.JAPAN,),
    ),
    commitment(
        "japan-capabilities",
        "Japan emphasized its dedication to enhancing its defense capabilities by increasing its"
        " defense budget and advancing in technology and cybersecurity.",
        (JP,),
        Topic.DEFENSE_CAPABILITIES,
        Status.REAFFIRMED,
        spans(
            "Japan, in turn, emphasized its dedication to enhancing its defense capabilities by increasing its defense budget and advancing in technology and cybersecurity."
        ),
        subjects=("defense capabilities", "defense budget", "technology", "cybersecurity"),
    ),
    commitment(
        "peace-near-taiwan",
        "The need to maintain peace near Taiwan.",
        BOTH,
        Topic.REGIONAL_SECURITY,
        Status.REAFFIRMED,
        spans("They stressed the need to maintain peace near Taiwan.", F3),
        places=(Place.TAIWAN,),
    ),
    commitment(
        "preparedness",
        "The importance of being prepared to address regional threats from China and North Korea"
        " to ensure regional stability and security.",
        BOTH,
        Topic.REGIONAL_SECURITY,
        Status.REAFFIRMED,
        (
            span(
                "They highlighted the importance of being prepared to address these threats to ensure regional stability and security."
            ),
            # U6: the antecedent of "these threats"
            span("regional threats, particularly from China and North Korea", within=L8),
            span(F3),
        ),
    ),
    commitment(
        "united-front",
        "A united front to address Russia's unprovoked war against Ukraine and its close ties with"
        " China and North Korea, and to protect international peace.",
        BOTH,
        Topic.INTERNATIONAL_ORDER,
        Status.REAFFIRMED,
        spans(
            "They emphasized the need for a united front to address these challenges and protect international peace.",
            # U6: the antecedents of "these challenges"
            "Russia’s unprovoked war against Ukraine",
            "Russia’s close ties with China and North Korea",
            F4,
        ),
        subjects=("united front",),
        places=(Place.UKRAINE,),
    ),
    commitment(
        "middle-east-peace",
        "Support for a ceasefire and a negotiated two-state solution to the Israeli-Palestinian conflict.",
        BOTH,
        Topic.REGIONAL_SECURITY,
        Status.REAFFIRMED,
        spans(
            "supported efforts for a ceasefire and a negotiated two-state solution to the Israeli-Palestinian conflict."
        ),
        subjects=("ceasefire", "negotiated two-state solution"),
        places=(Place.MIDDLE_EAST,),
    ),
    commitment(
        "usfj-headquarters",
        "Set up U.S. Forces Japan (USFJ) as a joint force headquarters to improve coordination"
        " with Japan's Joint Operations Command (JJOC).",
        BOTH,
        Topic.COMMAND_AND_CONTROL,
        Status.PLANNED,
        spans(
            "They plan to set up U.S. Forces Japan (USFJ) as a joint force headquarters to improve coordination with Japan’s newly established Joint Operations Command (JJOC).",
            F5,
        ),
        subjects=("joint force headquarters",),
        places=(Place.JAPAN,),
        programmes=("programme.usfj", "programme.jjoc"),
    ),
    commitment(
        "stand-off-missiles",
        "Cooperation on stand-off missile capabilities, including the acquisition of Tomahawk missiles.",
        BOTH,
        Topic.DEFENSE_CAPABILITIES,
        Status.UNDER_WAY,
        spans(
            "Both nations are advancing cooperation on stand-off missile capabilities, including the acquisition of Tomahawk missiles and other advanced technologies.",
            F5,
        ),
        subjects=("stand-off missile capabilities", "Tomahawk", "advanced technologies"),
    ),
    commitment(
        "southwest-islands",
        "Japan is increasing its defense presence in the Southwest Islands.",
        (JP,),
        Topic.FORCE_POSTURE,
        Status.UNDER_WAY,
        spans("Japan is increasing its defense presence in the Southwest Islands"),
        subjects=("defense presence",),
        places=(Place.SOUTHWEST_ISLANDS,),
    ),
    commitment(
        "bilateral-presence",
        "Both countries are committed to enhancing their bilateral presence and defense"
        " activities in the Southwest Islands.",
        BOTH,
        Topic.FORCE_POSTURE,
        Status.REAFFIRMED,
        spans(
            "both countries are committed to enhancing their bilateral presence and defense activities in this strategic region.",
            "Southwest Islands",  # U6: the antecedent of "this strategic region"
        ),
        subjects=("bilateral presence", "defense activities"),
        places=(Place.SOUTHWEST_ISLANDS,),
    ),
    commitment(
        "exercises",
        "The importance of joint exercises and realistic training scenarios to maintain high"
        " readiness levels for both peacetime and conflict.",
        BOTH,
        Topic.EXERCISES,
        Status.REAFFIRMED,
        spans(
            "The ministers emphasized the importance of joint exercises and realistic training scenarios to maintain high readiness levels for both peacetime and conflict."
        ),
        subjects=("joint exercises", "realistic training scenarios"),
    ),
    commitment(
        "extended-deterrence",
        "Strengthen U.S. extended deterrence and improve strategic-level discussions through"
        " the Extended Deterrence Dialogue.",
        BOTH,
        Topic.DETERRENCE,
        Status.PLANNED,
        spans(
            "They also plan to strengthen U.S. extended deterrence and improve strategic-level discussions through the Extended Deterrence Dialogue."
        ),
        subjects=("extended deterrence", "strategic-level discussions"),
        programmes=("programme.deterrence-dialogue",),
    ),
    commitment(
        "australia-south-korea",
        "Work more closely with Australia and South Korea.",
        BOTH,
        Topic.PARTNERSHIPS,
        Status.PLANNED,
        spans("They plan to work more closely with Australia and South Korea", F6, F7, F8),
        places=(Place.INDO_PACIFIC,),
        partners=(Actor.AU, Actor.KR),
    ),
    commitment(
        "regional-institutions",
        "Support stronger ties with ASEAN, the Pacific Island nations and NATO.",
        BOTH,
        Topic.PARTNERSHIPS,
        Status.PLANNED,
        spans(L17, F6, F7, F8),
        places=(Place.INDO_PACIFIC,),
        partners=(Actor.ASEAN, Actor.PACIFIC_ISLAND_NATIONS, Actor.NATO),
    ),
    commitment(
        "defense-industry",
        "Develop new and better technologies, strengthen their defense industries and ensure"
        " reliable supply chains.",
        BOTH,
        Topic.DEFENSE_INDUSTRY,
        Status.PLANNED,
        spans(
            "They want to develop new and better technologies, strengthen their defense industries, and ensure they have reliable supply chains.",
            F9,
            F10,
        ),
        subjects=("new and better technologies", "defense industries", "reliable supply chains"),
    ),
    commitment(
        "co-production",
        "Make advanced missiles and other defense tools, increase production and ensure their"
        " defense equipment is ready when needed.",
        BOTH,
        Topic.DEFENSE_INDUSTRY,
        Status.UNDER_WAY,
        spans(
            "They are focusing on making advanced missiles and other defense tools, increasing production, and ensuring their defense equipment is ready when needed.",
            F9,
        ),
        subjects=("advanced missiles", "defense tools", "production", "defense equipment"),
    ),
    commitment(
        "defense-research",
        "Work on new defense technologies and research together.",
        BOTH,
        Topic.DEFENSE_INDUSTRY,
        Status.UNDER_WAY,
        spans("They are also working on new defense technologies and research together.", F9),
        subjects=("new defense technologies", "research"),
    ),
    commitment(
        "military-planes",
        "Update U.S. military planes in Japan.",
        BOTH,
        Topic.FORCE_POSTURE,
        Status.UNDER_WAY,
        spans("They are updating U.S. military planes in Japan", F11, F12),
        subjects=("U.S. military planes",),
        places=(Place.JAPAN,),
    ),
    commitment(
        "marine-corps-units",
        "Reorganize Marine Corps units.",
        BOTH,
        Topic.FORCE_POSTURE,
        Status.UNDER_WAY,
        spans("reorganizing Marine Corps units.", F11, F12),
        subjects=("Marine Corps units",),
    ),
    commitment(
        "uss-george-washington",
        "The USS George Washington is returning to Japan to support the alliance.",
        (US,),
        Topic.FORCE_POSTURE,
        Status.UNDER_WAY,
        spans("The USS George Washington is returning to Japan to support the alliance.", F11, F12),
        subjects=("USS George Washington",),
        places=(Place.JAPAN,),
    ),
    commitment(
        "okinawa-to-guam",
        "Some U.S. troops will move from Okinawa to Guam to strengthen defense while reducing the"
        " impact on local areas.",
        (US,),
        Topic.FORCE_POSTURE,
        Status.PLANNED,
        spans(
            "Some U.S. troops will move from Okinawa to Guam to strengthen defense while reducing the impact on local areas.",
            F11,
            F12,
        ),
        subjects=("U.S. troops",),
        places=(Place.OKINAWA, Place.GUAM),
    ),
    commitment(
        "pollutants",
        "Address environmental concerns, such as harmful chemicals and pollutants, to protect the"
        " environment and public health.",
        BOTH,
        Topic.ENVIRONMENT,
        Status.UNDER_WAY,
        (
            # U4: 21.3 restates this undertaking with a more specific object
            span(
                "The Japan-US teams are also working together to address environmental issues",
                within=L21_1,
            ),
            span(
                "They are addressing environmental concerns, such as harmful chemicals and pollutants, to protect the environment and public health."
            ),
            span(F13),
        ),
        subjects=("harmful chemicals and pollutants",),
    ),
    commitment(
        "humanitarian-assistance",
        "Provide humanitarian assistance.",
        BOTH,
        Topic.HUMANITARIAN,
        Status.UNDER_WAY,
        (
            # S2: governed by "are also working together to", as in the codebook's row
            span("provide humanitarian assistance.", within=L21_1),
            span(F13),
        ),
        subjects=("humanitarian assistance",),
    ),
    commitment(
        "disaster-task-force",
        "Create a task force to improve their response to natural disasters and climate change.",
        BOTH,
        Topic.HUMANITARIAN,
        Status.UNDER_WAY,
        spans(
            "They are creating a task force to improve their response to natural disasters and climate change.",
            F13,
        ),
        subjects=("task force", "natural disasters", "climate change"),
    ),
    commitment(
        "women-peace-security",
        "The U.S. and Japan are committed to involving women in security and peace efforts.",
        BOTH,
        Topic.WOMEN_PEACE_SECURITY,
        Status.REAFFIRMED,
        spans(
            "The U.S. and Japan are committed to involving women in security and peace efforts.",
            F14,
        ),
        subjects=("women",),
    ),
    commitment(
        "women-empowerment",
        "Support for women’s empowerment and leadership in conflict prevention and peacebuilding.",
        BOTH,
        Topic.WOMEN_PEACE_SECURITY,
        Status.REAFFIRMED,
        spans(
            "They support women’s empowerment and leadership in conflict prevention and peacebuilding.",
            F14,
        ),
        subjects=("women’s empowerment and leadership", "conflict prevention", "peacebuilding"),
    ),
    commitment(
        "wps-initiatives",
        "Continue working together on Women, Peace, and Security (WPS) initiatives.",
        BOTH,
        Topic.WOMEN_PEACE_SECURITY,
        Status.UNDER_WAY,
        (
            span(
                "They will continue working together on Women, Peace, and Security (WPS) initiatives",
                within=L22_3,
            ),
            span(F14),
        ),
        programmes=("programme.wps",),
    ),
    commitment(
        "wps-integration",
        "Integrate the Women, Peace, and Security goals into their joint activities.",
        BOTH,
        Topic.WOMEN_PEACE_SECURITY,
        Status.PLANNED,
        (
            span("integrate these goals into their joint activities.", within=L22_3),
            # U6: the antecedent of "these goals"
            span("Women, Peace, and Security (WPS) initiatives", within=L22_3),
            span(F14),
        ),
        subjects=("joint activities",),
        programmes=("programme.wps",),
    ),
    commitment(
        "friendship",
        "The U.S. and Japan value their strong friendship.",
        BOTH,
        Topic.PEOPLE_TO_PEOPLE,
        Status.REAFFIRMED,
        spans("The U.S. and Japan value their strong friendship", F15),
    ),
    commitment(
        "invest-in-people",
        "Build on their strong friendship by investing in their people.",
        BOTH,
        Topic.PEOPLE_TO_PEOPLE,
        Status.PLANNED,
        spans(
            "want to build on it by investing in their people.",
            "their strong friendship",  # U6: the antecedent of "it"
            F15,
        ),
        subjects=("people",),
    ),
    commitment(
        "exchange-programs",
        "Expand exchange programs to help young people understand each other’s cultures; programs"
        " like TOFU and SEED are designed to build future experts.",
        BOTH,
        Topic.PEOPLE_TO_PEOPLE,
        Status.UNDER_WAY,
        spans(
            "They are expanding exchange programs to help young people understand each other’s cultures.",
            "Programs like TOFU and SEED are designed to build future experts who will support the partnership.",
            F15,
        ),
        subjects=("exchange programs",),
        programmes=("programme.tofu", "programme.seed"),
    ),
)

THREATS = (
    Threat(
        "threat.cn-coercion",
        "China is trying to change things in the East China Sea and South China Sea.",
        Actor.CN,
        ThreatKind.COERCION,
        (),
        (Place.EAST_CHINA_SEA, Place.SOUTH_CHINA_SEA),
        (),
        Response.CRITICISM,
        spans(
            "They criticized China for trying to change things in the East China Sea and South China Sea",
            F3,
        ),
    ),
    Threat(
        "threat.cn-nuclear",
        "China is building more nuclear weapons.",
        Actor.CN,
        ThreatKind.NUCLEAR_BUILDUP,
        (),
        (),
        (),
        Response.CONCERN,
        spans("were worried about China building more nuclear weapons.", F3),
    ),
    Threat(
        "threat.kp-missiles",
        "North Korea's missile tests.",
        Actor.KP,
        ThreatKind.MISSILE_LAUNCHES,
        (),
        (),
        (),
        Response.CONDEMNATION,
        spans(
            "The ministers also condemned North Korea for its missile tests and nuclear weapons development.",
            F3,
        ),
    ),
    Threat(
        "threat.kp-nuclear",
        "North Korea's nuclear weapons development.",
        Actor.KP,
        ThreatKind.NUCLEAR_BUILDUP,
        (),
        (),
        (),
        Response.CONDEMNATION,
        spans(
            "The ministers also condemned North Korea for its missile tests and nuclear weapons development.",
            F3,
        ),
    ),
    Threat(
        "threat.ru-war",
        "Russia's unprovoked war against Ukraine and its violations of international law.",
        Actor.RU,
        ThreatKind.WAR_OF_AGGRESSION,
        (Actor.UA,),
        (Place.UKRAINE,),
        ("international law",),
        Response.CONDEMNATION,
        spans(
            "The ministers strongly condemned Russia’s unprovoked war against Ukraine and its violations of international law.",
            F4,
        ),
    ),
    Threat(
        "threat.ru-cn-alignment",
        "Russia's close ties with China, stated to be worsening global and Indo-Pacific security.",
        Actor.RU,
        ThreatKind.STRATEGIC_ALIGNMENT,
        (Actor.CN,),
        (Place.INDO_PACIFIC,),
        ("global and Indo-Pacific security",),
        Response.CRITICISM,
        spans(L9_FULL, F4),
    ),
    Threat(
        "threat.ru-kp-alignment",
        "Russia's close ties with North Korea, stated to be worsening global and Indo-Pacific"
        " security.",
        Actor.RU,
        ThreatKind.STRATEGIC_ALIGNMENT,
        (Actor.KP,),
        (Place.INDO_PACIFIC,),
        ("global and Indo-Pacific security",),
        Response.CRITICISM,
        spans(L9_FULL, F4),
    ),
    Threat(
        "threat.middle-east-instability",
        "Instability in the Middle East has global repercussions, including for Indo-Pacific security.",
        None,
        ThreatKind.REGIONAL_INSTABILITY,
        (),
        (Place.MIDDLE_EAST, Place.INDO_PACIFIC),
        ("Indo-Pacific security",),
        Response.RECOGNITION,
        spans(
            "Additionally, they recognized that instability in the Middle East has global repercussions, including for Indo-Pacific security."
        ),
    ),
    Threat(
        "threat.houthi-attacks",
        "Houthi attacks threaten regional and global economies.",
        Actor.HOUTHIS,
        ThreatKind.ARMED_ATTACKS,
        (),
        (),
        ("regional and global economies",),
        Response.CONDEMNATION,
        spans("They condemned Houthi attacks that threaten regional and global economies"),
    ),
)

RETIRED = (
    Retired(
        "threat.ru-alignment",
        ("threat.ru-cn-alignment", "threat.ru-kp-alignment"),
        "1.1.0",
        "split in two: the text's one behaviour held Russia's ties with China and its ties with"
        " North Korea, which the joint statement answered differently, and neither part keeps"
        " the old record's meaning",
    ),
)


def ref(
    url: str, publisher: str, title: str, date: datetime.date | None, role: SourceRole
) -> Reference:
    """A source an erratum relies on; every one was read before it was recorded."""
    return Reference(title, publisher, url, date, role)


NOT_SEEN = "[title not seen]"
"""The title of a reference whose page showed no title to the researcher who read it."""

MOD_2PLUS2 = ref(
    "https://www.mod.go.jp/en/article/2024/07/c11d4b86153aa309ebba4717f43490430d31343c.html",
    "Japan Ministry of Defense",
    'Japan-U.S. Security Consultative Committee ("2+2")',
    None,
    SourceRole.PRIMARY,
)
INDOPACOM_MIRROR = ref(
    # A category page of the mirror ("US Indo-Pacific Command" is its category, not a title
    # the page was seen to show); it carries the text of the joint statement's opening.
    "https://securengin.fifthestate.nz/category/us-indo-pacific-command/page/85",
    "securengin / Fifth Estate (reposting U.S. Indo-Pacific Command releases)",
    NOT_SEEN,
    None,
    SourceRole.MIRROR,
)
DOD_NEWS_USFJ = ref(
    "https://einpresswire.com/article_print/731410361/u-s-intends-to-reconstitute-u-s-forces-japan-as-joint-forces-headquarters?promo=4700",
    "EIN Presswire (reposting DoD News, U.S. Department of Defense)",
    "U.S. Intends to Reconstitute U.S. Forces Japan as Joint Forces Headquarters",
    None,
    SourceRole.MIRROR,
)
NEWS_AZ_NIKKEI = ref(
    "https://news.az/news/us-set-to-create-unified-command-for-its-forces-in-japan",
    "News.Az (citing Nikkei)",
    NOT_SEEN,
    datetime.date(2024, 7, 28),
    SourceRole.REPORT,
)
RYUKYU_SHIMPO = ref(
    "https://ryukyushimpo.jp/news/politics/entry-3320083.html",
    "Ryukyu Shimpo",
    "PFAS、PCB明記 グアム移転年内開始も",
    None,
    SourceRole.REPORT,
)
AFP_TRIBUNE = ref(
    "https://tribune.net.ph/2024/07/28/us-japan-lambast-china-for-destabilizing-region",
    "Daily Tribune (Philippines), carrying the AFP wire text (the AFP credit not seen)",
    NOT_SEEN,
    datetime.date(2024, 7, 28),
    SourceRole.REPORT,
)
AP_LTN = ref(
    "https://news.ltn.com.tw/news/focus/breakingnews/4751463",
    'Liberty Times Net (Associated Press text, credited "AP, TOKYO")',
    NOT_SEEN,
    datetime.date(2024, 7, 29),
    SourceRole.REPORT,
)
AP_KYMA = ref(
    "https://kyma.com/?p=1095911",
    "KYMA (Associated Press)",
    "US-Japan security talks focus on bolstering military cooperation, underscores threat"
    " from China",
    None,
    SourceRole.REPORT,
)
NTV = ref(
    "https://ntv.co.jp/englishnews/articles/2021exearmej9kl9w2hx.html",
    "Nippon TV (NTV News)",
    "Japan and US confirm intention to reinforce security cooperation",
    None,
    SourceRole.REPORT,
)
SPACEWAR_AFP = ref(
    "https://www.spacewar.com/afp/240729080207.eelz0tsk.html",
    "SpaceWar.com (AFP)",
    "China warns US, Japan to 'stop creating imaginary enemies'",
    datetime.date(2024, 7, 29),
    SourceRole.REPORT,
)

ERRATA = (
    Erratum(
        "erratum.defense-minister",
        "official.hamada",
        "name",
        ErratumKind.CORRECTION,
        "Defense Minister Yasukazu Hamada",
        "Japan's Minister of Defense on 28 July 2024 was Minoru Kihara, who held the 2+2 with"
        " the other three ministers; he had replaced Yasukazu Hamada in the cabinet reshuffle"
        " of 13 September 2023. The opening of the joint statement, as mirrored, names the"
        ' "Minister of Defense KIHARA".',
        (
            MOD_2PLUS2,
            INDOPACOM_MIRROR,
            ref(
                "https://www.defenceleaders.com/news/japan-gets-new-defense-minister",
                "Defence Leaders (reposting the Associated Press)",
                "Japan gets new defense minister",
                datetime.date(2023, 9, 14),
                SourceRole.REPORT,
            ),
        ),
        spans("Defense Minister Yasukazu Hamada"),
    ),
    Erratum(
        "erratum.jjoc-established",
        "programme.jjoc",
        "description",
        ErratumKind.CORRECTION,
        "Japan’s newly established Joint Operations Command (JJOC)",
        "On 28 July 2024 the JJOC was planned, not yet established: reports of the day put its"
        " launch at the end of Japan's fiscal year 2024, and it was launched on 24 March 2025"
        " (news reports).",
        (
            NEWS_AZ_NIKKEI,
            ref(
                "https://jen.jiji.com/jc/eng?g=eco&k=2025032400729",
                "Jiji Press",
                "Ceremony Marks Launch of SDF Joint Operations Command",
                None,
                SourceRole.REPORT,
            ),
            ref(
                "https://news.usni.org/2025/03/25/japan-stands-up-new-joint-operations-command-planned-to-work-with-local-u-s-forces",
                "USNI News",
                "Japan Stands Up New Joint Operations Command Planned to Work with Local U.S. Forces",
                datetime.date(2025, 3, 25),
                SourceRole.REPORT,
            ),
        ),
        spans(JJOC),
    ),
    Erratum(
        "erratum.usfj-existing",
        "programme.usfj",
        "description",
        ErratumKind.CORRECTION,
        "set up U.S. Forces Japan (USFJ) as a joint force headquarters",
        "USFJ was not to be set up: it already existed, headquartered at Yokota, mainly managing"
        " the bases without command of the U.S. forces in Japan, whose orders come from"
        " Indo-Pacific Command. The plan is to upgrade the existing command, in phases, into a"
        " joint force headquarters (DoD News, reposted, and Associated Press and dpa-AFX/RTT"
        " news reports).",
        (
            DOD_NEWS_USFJ,
            AP_LTN,
            AP_KYMA,
            ref(
                "https://www.finanznachrichten.de/nachrichten-2025-03/64979501-u-s-forces-japan-s-upgrading-to-joint-force-command-launched-020.htm",
                "finanznachrichten.de (dpa-AFX, RTT News)",
                NOT_SEEN,
                datetime.date(2025, 3, 31),
                SourceRole.REPORT,
            ),
        ),
        (span("set up U.S. Forces Japan (USFJ) as a joint force headquarters"),),
    ),
    Erratum(
        "erratum.kishida-visit-date",
        "event.kishida-visit",
        "date",
        ErratumKind.CLARIFICATION,
        KISHIDA,
        "The visit ran from 8 to 14 April 2024 (news report); its official day, with the summit"
        " and the state dinner, was 10 April 2024 (the Prime Minister's Office). The Japanese"
        " text of the joint statement, as reproduced in a document database, refers to the"
        " official visit with state dinner of 10 April.",
        (
            ref(
                "https://worldjpn.net/documents/texts/JPUS/20240728.D1J.html",
                'worldjpn.net ("The World and Japan" database; reproducing the Japanese text'
                " of the joint statement)",
                "日米安全保障協議委員会(「2+2」)共同発表",
                None,
                SourceRole.MIRROR,
            ),
            ref(
                "https://japan.kantei.go.jp/101_kishida/diplomatic/202404/10usa.html",
                "Prime Minister's Office of Japan",
                "Japan-U.S. Summit Meeting (Summary)",
                datetime.date(2024, 4, 10),
                SourceRole.PRIMARY,
            ),
            ref(
                "https://japannews.yomiuri.co.jp/politics/politics-government/20240409-179400/",
                "The Japan News (Yomiuri Shimbun)",
                "Japan PM Fumio Kishida Arrives in Washington; Official Visit Involves Meeting"
                " with Biden, State Dinner and Speech at Congress",
                datetime.date(2024, 4, 9),
                SourceRole.REPORT,
            ),
        ),
        spans(KISHIDA),
    ),
    Erratum(
        "erratum.usfj-upgrade",
        "commitment.usfj-headquarters",
        "parties",
        ErratumKind.CLARIFICATION,
        "They plan to set up U.S. Forces Japan (USFJ) as a joint force headquarters",
        "The upgrade is the United States': in the joint statement the United States stated its"
        " intent to upgrade USFJ, already an existing and mainly administrative command, in"
        " phases into a joint force headquarters under a three-star commander reporting to"
        " Indo-Pacific Command, as the counterpart of Japan's Joint Operations Command, and"
        " Secretary Austin announced it at the press conference; Japan's own step is the JJOC"
        " (DoD News, reposted, and news reports; the statement's English text of this passage"
        " was not seen).",
        (DOD_NEWS_USFJ, NTV, AP_LTN, NEWS_AZ_NIKKEI),
        (span("They plan to set up U.S. Forces Japan (USFJ) as a joint force headquarters"),),
    ),
    Erratum(
        "erratum.command-and-control",
        "commitment.command-and-control",
        "summary",
        ErratumKind.CLARIFICATION,
        "They plan to upgrade their command and control systems to improve coordination.",
        "Japan's defence ministry describes the initiative, confirmed at the April 2024 summit,"
        " as each side upgrading its respective command and control framework: the JJOC on"
        " Japan's side and the upgrade of USFJ on the U.S. side, not one system of the alliance.",
        (
            ref(
                "https://www.mod.go.jp/en/article/2024/06/7b95cd4853e215b57b87baaba256c7ba464e97f1.html",
                "Japan Ministry of Defense",
                "Japan-U.S. Defense Ministerial Meeting (Summary)",
                datetime.date(2024, 6, 2),
                SourceRole.PRIMARY,
            ),
            ref(
                "http://www.mod.go.jp/en/article/2024/05/cc97a978d551395bb4fc46753beec10f25d64703.html",
                "Japan Ministry of Defense",
                "Japan-U.S. Defense Ministerial Meeting (Summary)",
                datetime.date(2024, 5, 3),
                SourceRole.PRIMARY,
            ),
            DOD_NEWS_USFJ,
        ),
        spans("They plan to upgrade their command and control systems to improve coordination."),
    ),
    Erratum(
        "erratum.alliance-cornerstone",
        "commitment.alliance-indo-pacific",
        "summary",
        ErratumKind.CLARIFICATION,
        "the Japan-US Alliance is crucial for peace and security in the Indo-Pacific region",
        "The joint statement calls the Alliance the cornerstone of peace, security and"
        " prosperity in the Indo-Pacific region and beyond: the text leaves out prosperity and"
        " the reach beyond the region.",
        (INDOPACOM_MIRROR,),
        spans("the Japan-US Alliance is crucial for peace and security in the Indo-Pacific region"),
    ),
    Erratum(
        "erratum.article-v-senkaku",
        "commitment.article-v",
        "subjects",
        ErratumKind.CLARIFICATION,
        "This includes a promise to use its full range of capabilities, including nuclear"
        " deterrents, if necessary.",
        "At the joint press conference Secretary Austin said that Article V also applies to the"
        " Senkaku Islands (a TASS report, relayed by an aggregator); according to Ryukyu Shimpo's"
        " report of the joint statement, the statement reconfirmed this too. The text of the"
        " statement on this point was not seen, and the article does not name the Senkakus.",
        (
            ref(
                "https://news-pravda.com/world/2024/07/28/660117.html",
                "News-Pravda (an aggregator copying TASS)",
                "The United States and Japan discussed strengthening their presence on the"
                " southwestern Japanese islands",
                datetime.date(2024, 7, 28),
                SourceRole.REPORT,
            ),
            RYUKYU_SHIMPO,
        ),
        spans(
            "This includes a promise to use its full range of capabilities, including nuclear deterrents, if necessary."
        ),
    ),
    Erratum(
        "erratum.cn-south-china-sea",
        "threat.cn-coercion",
        "summary",
        ErratumKind.CLARIFICATION,
        "They criticized China for trying to change things in the East China Sea and South"
        " China Sea",
        "According to AFP's reports of the joint statement, the ministers opposed China's"
        " intensifying attempts to change the status quo unilaterally by force or coercion in"
        " the East China Sea, and on the South China Sea objected to its destabilizing actions"
        " there, among them unsafe encounters at sea and in the air and the dangerous use of"
        " coast guard and maritime militia vessels; the text's 'trying to change things' does"
        " not say what China does.",
        (
            ref(
                "https://www.lbcgroup.tv/news/world-news/786382/us-japan-slam-chinas-destabilizing-actions-in-south-china-sea/en",
                "LBCI (AFP)",
                "US, Japan slam China's 'destabilizing actions' in South China Sea",
                datetime.date(2024, 7, 28),
                SourceRole.REPORT,
            ),
            SPACEWAR_AFP,
        ),
        spans(
            "They criticized China for trying to change things in the East China Sea and South China Sea"
        ),
    ),
    Erratum(
        "erratum.taiwan-strait",
        "commitment.peace-near-taiwan",
        "summary",
        ErratumKind.CLARIFICATION,
        "They stressed the need to maintain peace near Taiwan.",
        "According to Taiwan's foreign ministry, reporting the joint statement, the ministers"
        " reaffirmed the importance of peace and stability across the Taiwan Strait and called"
        " for the peaceful resolution of cross-Strait issues; 'near Taiwan' is vaguer.",
        (
            ref(
                "https://en.mofa.gov.tw/News_Content.aspx?n=1330&s=117804&sms=274",
                "Ministry of Foreign Affairs, Republic of China (Taiwan)",
                "MOFA response to US and Japan foreign and defense ministers reaffirming"
                " importance of cross-strait peace and stability",
                datetime.date(2024, 7, 28),
                SourceRole.REPORT,
            ),
        ),
        spans("They stressed the need to maintain peace near Taiwan."),
    ),
    Erratum(
        "erratum.ru-cn-response",
        "threat.ru-cn-alignment",
        "response",
        ErratumKind.CORRECTION,
        "They criticized Russia’s close ties with China and North Korea",
        "According to news copies of the joint statement (AFP's wire text and other reports),"
        " the ministers noted Russia's growing and provocative strategic military cooperation"
        " with China with concern, rather than criticizing it, and named joint operations and"
        " drills near Japan. The statement's own text was not seen.",
        (
            AFP_TRIBUNE,
            ref(
                "https://thenationalpolicy.com/us-japan-hit-out-at-china-and-russia",
                "The National Policy (photo credited to AFP; text attribution not seen)",
                NOT_SEEN,
                None,
                SourceRole.REPORT,
            ),
            ref(
                "https://www.opovo.com.br/noticias/mundo/2024/07/28/eua-e-japao-criticam-cooperacao-militar-da-russia-com-a-china-e-a-coreia-do-norte.html",
                "O Povo (Brazil)",
                NOT_SEEN,
                None,
                SourceRole.REPORT,
            ),
        ),
        spans(L9),
    ),
    Erratum(
        "erratum.ru-kp-response",
        "threat.ru-kp-alignment",
        "response",
        ErratumKind.CORRECTION,
        "They criticized Russia’s close ties with China and North Korea",
        "According to news copies of the joint statement (AFP's wire text and other reports),"
        " the ministers condemned the deepening cooperation between Russia and North Korea,"
        " exemplified by Russia's procurement of North Korean ballistic missiles in violation of"
        " UN Security Council resolutions, a stronger response than criticism; one copy, in"
        " Arabic, has it strongly condemned. The statement's own text was not seen. The link to"
        " the non-proliferation regime is in the ministers' separate statement on extended"
        " deterrence of the same day (State Department text, reposted), not in the 2+2's.",
        (
            AFP_TRIBUNE,
            ref(
                "https://elbalad.news/6273273",
                "Sada El Balad",
                NOT_SEEN,
                None,
                SourceRole.REPORT,
            ),
            ref(
                "https://thefederalnewswire.com/stories/662134401-u-s-japan-ministers-discuss-strengthening-extended-deterrence-amid-rising-regional-tensions",
                "The Federal Newswire (reposting the U.S. Department of State text)",
                NOT_SEEN,
                None,
                SourceRole.MIRROR,
            ),
        ),
        spans(L9),
    ),
    Erratum(
        "erratum.tomahawk-buyer",
        "commitment.stand-off-missiles",
        "parties",
        ErratumKind.CLARIFICATION,
        "the acquisition of Tomahawk missiles",
        "The acquisition is Japan's: Japan signed the agreement to buy up to 400 Tomahawk"
        " missiles from the United States at its defence ministry on 18 January 2024 (news"
        " report). Whether the joint statement mentions Tomahawk is not verified.",
        (
            ref(
                "https://kvia.com/news/ap-national/2024/01/18/japan-signs-agreement-to-purchase-400-tomahawk-missiles-as-us-envoy-lauds-its-defense-buildup",
                "KVIA (Associated Press)",
                "Japan signs agreement to purchase 400 Tomahawk missiles as US envoy lauds its"
                " defense buildup",
                datetime.date(2024, 1, 18),
                SourceRole.REPORT,
            ),
        ),
        spans("the acquisition of Tomahawk missiles"),
    ),
    Erratum(
        "erratum.extended-deterrence-meeting",
        "programme.deterrence-dialogue",
        "description",
        ErratumKind.CLARIFICATION,
        "improve strategic-level discussions through the Extended Deterrence Dialogue",
        "The ministers' strategic-level discussion that day was a separate U.S.-Japan"
        " ministerial meeting on extended deterrence, the first held apart from the 2+2, as"
        " the Japanese foreign minister said in opening it; the Extended Deterrence Dialogue"
        " is the officials' channel through which the two governments have coordinated on"
        " extended deterrence since 2010.",
        (
            ref(
                "https://thefederalnewswire.com/stories/662138248-u-s-japan-ministers-discuss-strengthening-extended-deterrence-amid-rising-regional-threats",
                "The Federal Newswire (reposting U.S. Department of State remarks)",
                "U.S.-Japan ministers discuss strengthening extended deterrence amid rising"
                " regional threats",
                None,
                SourceRole.MIRROR,
            ),
            ref(
                "https://miragenews.com/us-japan-extended-deterrence-dialogue-13-1377138",
                "Mirage News (reposting the U.S. Department of State)",
                "U.S.-Japan Extended Deterrence Dialogue 13 December",
                None,
                SourceRole.MIRROR,
            ),
        ),
        spans("improve strategic-level discussions through the Extended Deterrence Dialogue"),
    ),
    Erratum(
        "erratum.co-production",
        "commitment.co-production",
        "subjects",
        ErratumKind.CLARIFICATION,
        "making advanced missiles and other defense tools, increasing production",
        "According to news reports of the official outline of the 2+2, the two sides welcomed"
        " pursuing co-production to expand production capacity for AMRAAM air-to-air missiles"
        " and PAC-3 MSE interceptors, as a high priority; the work runs through the Defense"
        " Industrial Cooperation, Acquisition and Sustainment forum (DICAS), which first met on"
        " 9 June 2024 (the Defense Department's readout, posted by Japan's defence ministry).",
        (
            ref(
                "http://economic.jp/?p=102490",
                "Economic News (エコノミックニュース)",
                "PAC-3新型生産能力拡大へ米と共同生産追求",
                datetime.date(2024, 7, 30),
                SourceRole.REPORT,
            ),
            ref(
                "https://www.defensedaily.com/u-s-japan-discuss-expanding-munitions-co-production-with-amraams-pac-3-mses/international/",
                "Defense Daily",
                NOT_SEEN,
                None,
                SourceRole.REPORT,
            ),
            ref(
                "https://www.mod.go.jp/en/article/2024/06/a37480a6ef780d70fb1b8a5842528dabe43fda3a.html",
                "Japan Ministry of Defense (posting the U.S. Department of Defense readout)",
                "Readout of Under Secretary of Defense Dr. William LaPlante's Visit to Japan",
                datetime.date(2024, 6, 10),
                SourceRole.MIRROR,
            ),
        ),
        spans("making advanced missiles and other defense tools, increasing production"),
    ),
    Erratum(
        "erratum.military-planes-us-plan",
        "commitment.military-planes",
        "parties",
        ErratumKind.CLARIFICATION,
        "They are updating U.S. military planes in Japan",
        "The update is a U.S. Department of Defense plan, announced on 3 July 2024 and made in"
        " coordination with Japan's government: F-15EX to replace the F-15C/D at Kadena, F-35A"
        " to replace the F-16 at Misawa, and changes to the F-35B at Iwakuni, over several"
        " years. Japan's part is coordination: at their meeting the day after the 2+2 the two"
        " defence ministers confirmed they would keep coordinating closely on it (Japan's"
        " defence ministry, as reposted). Whether the joint statement names the aircraft is"
        " not verified.",
        (
            ref(
                "https://publicnow.com/view/F3E4A2D9E08D260B79B42460004BD6EB67DF59A2",
                "U.S. Department of Defense (distributed by Public)",
                "Department of Defense Announces Modernization Plan for Tactical Aircraft Based"
                " in Japan",
                datetime.date(2024, 7, 3),
                SourceRole.MIRROR,
            ),
            ref(
                "https://j-defense.ikaros.jp/docs/mod/001085.html",
                "J-Defense News (Jディフェンスニュース, reproducing the Japan Ministry of Defense summary)",
                "木原防衛大臣、オースティン米国防長官と日米防衛相会談(7月29日)",
                datetime.date(2024, 7, 31),
                SourceRole.MIRROR,
            ),
            ref(
                "https://www.airandspaceforces.com/air-force-f-15ex-f-35-japan-kadena-misawa/",
                "Air & Space Forces Magazine",
                "Air Force Will Swap in F-15EX and F-35 Fighters on Japan",
                None,
                SourceRole.REPORT,
            ),
        ),
        spans("They are updating U.S. military planes in Japan"),
    ),
    Erratum(
        "erratum.marine-littoral-regiment",
        "commitment.marine-corps-units",
        "parties",
        ErratumKind.CLARIFICATION,
        "reorganizing Marine Corps units.",
        "The reorganisation is the U.S. Marine Corps' own: it redesignated its 12th Marine"
        " Regiment in Okinawa as the 12th Marine Littoral Regiment in November 2023, as the 2+2"
        " of January 2023 had announced (the Marine Corps; news reports). According to one news"
        " report of the joint statement (Ryukyu Shimpo), the statement commended the"
        " reorganisation's steady progress toward initial operational capability by 2025:"
        " Japan's part is to commend it. The statement's text was not seen.",
        (
            ref(
                "https://www.marines.mil/News/Press-Releases/Press-Release-Display/Article/3265476/22-announcement-ensures-usmc-remains-ready-to-address-regional-security-challen/",
                "U.S. Marine Corps",
                "2+2 announcement ensures USMC remains ready to address regional security"
                " challenges",
                datetime.date(2023, 1, 11),
                SourceRole.PRIMARY,
            ),
            ref(
                "https://japannews.yomiuri.co.jp/politics/defense-security/20231117-149895/",
                "The Japan News (Yomiuri Shimbun)",
                "US Marine Littoral Regiment Formed in Okinawa to Work Alongside Japan SDF with"
                " China in Mind",
                None,
                SourceRole.REPORT,
            ),
            ref(
                "https://japantoday.com/category/national/u.s.-marines-sets-up-littoral-unit-in-okinawa-for-islands-defense",
                "Japan Today (Kyodo)",
                "U.S. Marines sets up littoral unit in Okinawa for islands defense",
                datetime.date(2023, 11, 16),
                SourceRole.REPORT,
            ),
            RYUKYU_SHIMPO,
        ),
        spans("reorganizing Marine Corps units."),
    ),
    Erratum(
        "erratum.okinawa-guam",
        "commitment.okinawa-to-guam",
        "subjects",
        ErratumKind.CLARIFICATION,
        "Some U.S. troops will move from Okinawa to Guam",
        "The troops are III Marine Expeditionary Force Marines, moving under a long-agreed"
        " realignment plan that Japan co-funds. According to news reports of the joint"
        " statement, it reconfirmed that the relocation would begin within 2024; the start,"
        " with about 100 Marines, was announced on 14 December 2024.",
        (
            ref(
                "https://japannews.yomiuri.co.jp/?p=227954",
                "The Japan News (Yomiuri Shimbun)",
                "U.S. Marines in Okinawa Pref. Begin to Relocate to Guam; Part of Agreement on"
                " Realignment of U.S. Forces in Japan",
                datetime.date(2024, 12, 15),
                SourceRole.REPORT,
            ),
            ref(
                "https://kesq.com/news/2024/12/14/us-marines-start-partial-transfer-from-okinawa-in-japan-to-guam-under-plan-agreed-12-years-ago/",
                "KESQ (Associated Press)",
                "US Marines start partial transfer from Okinawa in Japan to Guam under plan"
                " agreed 12 years ago",
                datetime.date(2024, 12, 14),
                SourceRole.REPORT,
            ),
            RYUKYU_SHIMPO,
        ),
        spans("Some U.S. troops will move from Okinawa to Guam"),
    ),
    Erratum(
        "erratum.disaster-task-force",
        "commitment.disaster-task-force",
        "status",
        ErratumKind.CLARIFICATION,
        "They are creating a task force to improve their response to natural disasters and"
        " climate change.",
        "According to news reports, the 2+2 decided to convene a task force on setting up a"
        " humanitarian assistance and disaster relief hub in Japan; in late August 2024 Japan"
        " had not yet named its members, so the task force was agreed rather than under way.",
        (
            ref(
                "https://www.nippon.com/en/news/yjj2024082200473/u-s-envoy-urges-tokyo-to-speed-up-efforts-on-aid-hub.html",
                "Nippon.com (Jiji Press)",
                "U.S. Envoy Urges Tokyo to Speed Up Efforts on Aid Hub",
                datetime.date(2024, 8, 22),
                SourceRole.REPORT,
            ),
            ref(
                "https://devdiscourse.com/article/law-order/3059997-us-urges-japan-to-appoint-humanitarian-task-force-reps-amid-climate-change-concerns",
                "Devdiscourse (Reuters)",
                "U.S. Urges Japan to Appoint Humanitarian Task Force Reps Amid Climate Change"
                " Concerns",
                datetime.date(2024, 8, 22),
                SourceRole.REPORT,
            ),
            ref(
                "https://japantoday.com/category/politics/us-urges-japan-to-name-disaster-relief-hub-task-force-members",
                "Japan Today (Thomson Reuters)",
                NOT_SEEN,
                datetime.date(2024, 8, 21),
                SourceRole.REPORT,
            ),
        ),
        spans(
            "They are creating a task force to improve their response to natural disasters and climate change."
        ),
    ),
    Erratum(
        "erratum.pfas-pcb",
        "commitment.pollutants",
        "subjects",
        ErratumKind.CLARIFICATION,
        "harmful chemicals and pollutants",
        "According to one news report of the joint statement (Ryukyu Shimpo), the chemicals are"
        " PFAS found at high levels around U.S. bases and untreated PCB inside them; the"
        " statement's text was not seen.",
        (RYUKYU_SHIMPO,),
        spans("harmful chemicals and pollutants"),
    ),
    Erratum(
        "erratum.tofu",
        "programme.tofu",
        "name",
        ErratumKind.CLARIFICATION,
        "TOFU",
        'TOFU is "Think of Okinawa\'s Future in the United States", a Ministry of Foreign Affairs'
        " of Japan exchange programme for Okinawan students. Whether the joint statement names"
        " it is not verified.",
        (
            ref(
                "https://www.mofa.go.jp/na/fa/pagewe_000001_00042.html",
                "Ministry of Foreign Affairs of Japan",
                "Japan-United States of America Relations",
                datetime.date(2024, 4, 5),
                SourceRole.PRIMARY,
            ),
        ),
        spans("TOFU"),
    ),
    Erratum(
        "erratum.seed",
        "programme.seed",
        "name",
        ErratumKind.CLARIFICATION,
        "SEED",
        'SEED is "Student Educational Exchange and Dialogue", run by the Ministry of Foreign'
        " Affairs of Japan with the U.S. Department of Defense Education Activity. Whether the"
        " joint statement names it is not verified.",
        (
            ref(
                "https://www.dodea.edu/Pacific/newsroom/pressreleases/Japan-MOFA-and-DoDEA-Partner.cfm",
                "Department of Defense Education Activity",
                "Japan's Ministry of Foreign Affairs and DoDEA partner to bring unique cultural"
                " and educational exchange opportunities to Japanese and American students",
                datetime.date(2020, 11, 13),
                SourceRole.PRIMARY,
            ),
            ref(
                "https://www.yokota.af.mil/News/Yokota-News/Article-Display/Article/3523977/dodea-partners-with-mofa-plants-seeds-of-friendship/",
                "U.S. Air Force, Yokota Air Base",
                "DoDEA partners with MOFA, plants SEEDs of friendship",
                None,
                SourceRole.PRIMARY,
            ),
        ),
        spans("SEED"),
    ),
)


RECORD_VALUES: dict[str, RecordValue] = {
    "erratum.defense-minister": "Minoru Kihara",
    "erratum.jjoc-established": "Japan’s planned Joint Operations Command (JJOC)",
    "erratum.kishida-visit-date": datetime.date(2024, 4, 10),
    "erratum.usfj-existing": (
        "the existing U.S. command in Japan, headquartered at Yokota and without operational"
        " command of the U.S. forces there, that the United States intends to upgrade into a"
        " joint force headquarters"
    ),
    "erratum.usfj-upgrade": (US,),
    "erratum.ru-cn-response": Response.CONCERN,
    "erratum.ru-kp-response": Response.CONDEMNATION,
    "erratum.tomahawk-buyer": (JP,),
    "erratum.military-planes-us-plan": (US,),
    "erratum.marine-littoral-regiment": (US,),
    "erratum.disaster-task-force": Status.PLANNED,
    "erratum.tofu": "Think of Okinawa's Future in the United States",
    "erratum.seed": "Student Educational Exchange and Dialogue",
}
"""What the public record holds for the field each erratum names, where it settles one
(codebook rule E2): every correction, and every clarification of a field that holds one
determinate value (who acts, how far a plan had gone, the response, a date, a name).  The
clarifications of summaries, descriptions and subjects only add context: their
record_value is null."""

ERRATA_WITH_VALUES = tuple(
    attrs.evolve(e, record_value=RECORD_VALUES[e.id]) if e.id in RECORD_VALUES else e
    for e in ERRATA
)
if not {e.id for e in ERRATA_WITH_VALUES if e.kind is ErratumKind.CORRECTION} <= set(RECORD_VALUES):
    raise SystemExit("every correction needs its record_value in RECORD_VALUES")
if not set(RECORD_VALUES) <= {e.id for e in ERRATA}:
    raise SystemExit("RECORD_VALUES names an erratum that ERRATA does not hold")


def framed(records: tuple[R, ...]) -> tuple[R, ...]:
    """``records`` with each span that quotes a framing sentence marked ``SpanRole.CONTEXT``."""
    return tuple(
        attrs.evolve(
            record,
            sources=tuple(
                attrs.evolve(s, role=SpanRole.CONTEXT) if s.quote in FRAMING else s
                for s in record.sources
            ),
        )
        for record in records
    )


MEETING = Meeting(
    schema_version=3,
    metadata=METADATA,
    name="Japan-US Security Consultative Committee",
    short_name="2+2",
    date=datetime.date(2024, 7, 28),
    place=Place.TOKYO,
    host=JP,
    officials=OFFICIALS,
    parties=PARTIES,
    locations=LOCATIONS,
    departments=DEPARTMENTS,
    programmes=PROGRAMMES,
    events=EVENTS,
    commitments=framed(COMMITMENTS),
    threats=framed(THREATS),
    errata=ERRATA_WITH_VALUES,
    retired=RETIRED,
    sources=spans(
        "On July 28, 2024, the Japan-US Security Consultative Committee met in Tokyo to discuss important security issues and strengthen their alliance.",
        "The meeting included U.S. Secretary of State Antony Blinken, Secretary of Defense Lloyd Austin, Japanese Foreign Minister Yoko Kamikawa, and Defense Minister Yasukazu Hamada.",
    ),
)


PROVEN = DATA.parent / "_loading" / "proven.py"


def proven_module(data: bytes, text: bytes) -> str:
    """The source of ``_loading/proven.py``: the digests of the bundled files, as built.

    The test suite proves these very bytes valid (``tests/test_loading.py`` loads them
    with every check, and fails when a digest here is not that of the bundled file), so
    the first ``load()`` may skip re-proving bytes with these digests.
    """
    return f'''"""The SHA-256 of the bundled files that the test suite proves valid: written by the build.

``tools/build_dataset.py`` writes this module with the dataset; do not edit it.  The
tests load the bundled JSON with every check and fail when a digest here is not that of
the bundled file (``tests/test_loading.py::TestProvenBundledFile``), so a digest here is
always that of bytes that pass every check.  The first ``load()`` of the bundled
dataset compares the bytes it reads with these and, when both match, skips the checks
the digests make redundant (``_loading/load.py``); any other bytes get every check.
"""

DATA_SHA256 = "{hashlib.sha256(data).hexdigest()}"
"""SHA-256 of ``data/usjapan2024.json``, as the build wrote it."""

SOURCE_SHA256 = "{hashlib.sha256(text).hexdigest()}"
"""SHA-256 of ``data/communique-2024-07-28.txt``, the text its spans index."""
'''


def main(argv: list[str]) -> int:
    """Write the dataset's files, or with ``--check`` compare them; return the exit status."""
    data = dumps(MEETING)
    outputs = {
        DATA / "usjapan2024.json": data,
        DATA / "usjapan2024.schema.json": json.dumps(json_schema(), ensure_ascii=False, indent=2)
        + "\n",
        PROVEN: proven_module(data.encode("utf-8"), TEXT.encode("utf-8")),
    }
    if "--check" in argv:
        stale = [
            p
            for p, text in outputs.items()
            if not p.exists() or p.read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(f"{path} is stale: run python tools/build_dataset.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
