"""Build ``src/usjapan2024/data/usjapan2024.json`` from the coding below.

The coding (which words become which record) is written here as Python, with every
quote located in the source text by search, so offsets are never typed by hand.
The bundled JSON is this script's output; ``--check`` fails when the two differ,
and the test suite runs it so neither can drift from the other.

    python tools/build_dataset.py          # rewrite the JSON
    python tools/build_dataset.py --check  # exit 1 if the JSON is stale
"""

from __future__ import annotations

import datetime
import hashlib
import json
import sys
from pathlib import Path

from usjapan2024 import dumps, json_schema, source_text
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
    Reference,
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
    Status,
    ThreatKind,
    Topic,
)

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
    version="1.0.0",
    licence=(
        "Code: MIT. Data (the records, their coding and the errata): CC BY 4.0. The bundled"
        " source text is a third-party news article, included verbatim for reference and"
        " verification only; it is not relicensed."
    ),
    citation=(
        "usjapan2024 contributors (2026). usjapan2024: the Japan-U.S. Security Consultative"
        " Committee (2+2) communiqué of 28 July 2024 as typed data. Dataset version 1.0.0."
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
        "the forum for strategic-level discussions on extended deterrence",
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
COMMITMENTS = (
    commitment(
        "rule-of-law",
        "Both governments commit to a free and open international order based on the rule of law.",
        BOTH,
        Topic.INTERNATIONAL_ORDER,
        Status.REAFFIRMED,
        spans(
            "The ministers emphasized their strong commitment to a free and open international order based on the rule of law."
        ),
        subjects=("rule of law",),
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
        places=(Place.INDO_PACIFIC,),
    ),
    commitment(
        "global-threats",
        "Both countries will work together on global threats and strengthen their partnership.",
        BOTH,
        Topic.ALLIANCE,
        Status.PLANNED,
        spans(
            "Both countries promised to work together to tackle global threats and make their partnership stronger."
        ),
    ),
    commitment(
        "command-and-control",
        "Upgrade the alliance's command and control to improve coordination.",
        BOTH,
        Topic.COMMAND_AND_CONTROL,
        Status.PLANNED,
        spans(
            "During the meeting, the ministers discussed new strategic plans to enhance their alliance.",
            "They plan to upgrade their command and control systems to improve coordination.",
        ),
        subjects=("command and control",),
        events=("event.kishida-visit",),
    ),
    commitment(
        "defense-cooperation",
        "Work more closely on defense projects and operations.",
        BOTH,
        Topic.ALLIANCE,
        Status.PLANNED,
        spans(
            "They also aim to work more closely on defense projects and enhance their operations in various areas."
        ),
        events=("event.kishida-visit",),
    ),
    commitment(
        "article-v",
        "The U.S. commits to Japan's defense under Article V, with its full range of capabilities, nuclear included.",
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
            "nuclear deterrents",
        ),
        places=(Place.JAPAN,),
    ),
    commitment(
        "japan-capabilities",
        "Japan enhances its defense capabilities: a larger defense budget, technology and cybersecurity.",
        (JP,),
        Topic.DEFENSE_CAPABILITIES,
        Status.REAFFIRMED,
        spans(
            "Japan, in turn, emphasized its dedication to enhancing its defense capabilities by increasing its defense budget and advancing in technology and cybersecurity."
        ),
        subjects=("defense budget", "cybersecurity"),
    ),
    commitment(
        "peace-near-taiwan",
        "Peace near Taiwan must be maintained.",
        BOTH,
        Topic.REGIONAL_SECURITY,
        Status.REAFFIRMED,
        spans("They stressed the need to maintain peace near Taiwan."),
        places=(Place.TAIWAN,),
    ),
    commitment(
        "preparedness",
        "Be prepared to address regional threats to ensure stability and security.",
        BOTH,
        Topic.REGIONAL_SECURITY,
        Status.REAFFIRMED,
        spans(
            "They highlighted the importance of being prepared to address these threats to ensure regional stability and security."
        ),
    ),
    commitment(
        "united-front",
        "A united front to address these challenges and protect international peace.",
        BOTH,
        Topic.INTERNATIONAL_ORDER,
        Status.REAFFIRMED,
        spans(
            "They emphasized the need for a united front to address these challenges and protect international peace."
        ),
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
        subjects=("ceasefire", "two-state solution"),
        places=(Place.MIDDLE_EAST,),
    ),
    commitment(
        "usfj-headquarters",
        "Set up U.S. Forces Japan as a joint force headquarters coordinating with Japan's JJOC.",
        BOTH,
        Topic.COMMAND_AND_CONTROL,
        Status.PLANNED,
        spans(
            "To meet evolving security challenges, the ministers outlined several key areas for enhancing alliance capabilities.",
            "They plan to set up U.S. Forces Japan (USFJ) as a joint force headquarters to improve coordination with Japan’s newly established Joint Operations Command (JJOC).",
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
            "Both nations are advancing cooperation on stand-off missile capabilities, including the acquisition of Tomahawk missiles and other advanced technologies."
        ),
        subjects=("stand-off missile capabilities", "Tomahawk"),
    ),
    commitment(
        "southwest-islands",
        "Japan increases its defense presence in the Southwest Islands.",
        (JP,),
        Topic.FORCE_POSTURE,
        Status.UNDER_WAY,
        spans("Japan is increasing its defense presence in the Southwest Islands"),
        places=(Place.SOUTHWEST_ISLANDS,),
    ),
    commitment(
        "bilateral-presence",
        "Both countries enhance their bilateral presence and defense activities in the Southwest Islands.",
        BOTH,
        Topic.FORCE_POSTURE,
        Status.PLANNED,
        spans(
            "both countries are committed to enhancing their bilateral presence and defense activities in this strategic region."
        ),
        places=(Place.SOUTHWEST_ISLANDS,),
    ),
    commitment(
        "exercises",
        "Joint exercises and realistic training for readiness in peacetime and conflict.",
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
        "Strengthen U.S. extended deterrence and strategic-level discussions in the Extended Deterrence Dialogue.",
        BOTH,
        Topic.DETERRENCE,
        Status.PLANNED,
        spans(
            "They also plan to strengthen U.S. extended deterrence and improve strategic-level discussions through the Extended Deterrence Dialogue."
        ),
        subjects=("extended deterrence",),
        programmes=("programme.deterrence-dialogue",),
    ),
    commitment(
        "australia-south-korea",
        "Work more closely with Australia and South Korea to keep the Indo-Pacific free and open.",
        BOTH,
        Topic.PARTNERSHIPS,
        Status.PLANNED,
        spans(
            "Japan-US are teaming up with other friendly countries to tackle big security problems.",
            "They plan to work more closely with Australia and South Korea",
            "The goal is to keep the Indo-Pacific region open and free.",
            "By collaborating with these allies and partners, they aim to enhance regional security and address shared challenges more effectively.",
        ),
        places=(Place.INDO_PACIFIC,),
        partners=(Actor.AU, Actor.KR),
    ),
    commitment(
        "regional-institutions",
        "Support stronger ties with ASEAN, the Pacific Island nations and NATO.",
        BOTH,
        Topic.PARTNERSHIPS,
        Status.PLANNED,
        spans(L17),
        places=(Place.INDO_PACIFIC,),
        partners=(Actor.ASEAN, Actor.PACIFIC_ISLAND_NATIONS, Actor.NATO),
    ),
    commitment(
        "defense-industry",
        "Develop defense technology together, strengthen defense industries and secure supply chains.",
        BOTH,
        Topic.DEFENSE_INDUSTRY,
        Status.UNDER_WAY,
        spans(
            "The Japan-US forces are working together to improve their defense technology.",
            "They want to develop new and better technologies, strengthen their defense industries, and ensure they have reliable supply chains.",
            "By collaborating, they can stay ahead in technology and help maintain regional peace.",
        ),
        subjects=("defense industries", "supply chains"),
    ),
    commitment(
        "co-production",
        "Make advanced missiles and other defense equipment, increase production and readiness.",
        BOTH,
        Topic.DEFENSE_INDUSTRY,
        Status.UNDER_WAY,
        spans(
            "They are focusing on making advanced missiles and other defense tools, increasing production, and ensuring their defense equipment is ready when needed."
        ),
        subjects=("advanced missiles",),
    ),
    commitment(
        "defense-research",
        "Joint work on new defense technologies and research.",
        BOTH,
        Topic.DEFENSE_INDUSTRY,
        Status.UNDER_WAY,
        spans("They are also working on new defense technologies and research together."),
    ),
    commitment(
        "military-planes",
        "Update U.S. military planes in Japan.",
        (US,),
        Topic.FORCE_POSTURE,
        Status.UNDER_WAY,
        spans(
            "The Japan-US forces are improving their military plans to better handle security challenges.",
            "They are updating U.S. military planes in Japan",
        ),
        subjects=("U.S. military planes",),
        places=(Place.JAPAN,),
    ),
    commitment(
        "marine-corps-units",
        "Reorganise Marine Corps units.",
        (US,),
        Topic.FORCE_POSTURE,
        Status.UNDER_WAY,
        spans("reorganizing Marine Corps units."),
        subjects=("Marine Corps",),
    ),
    commitment(
        "uss-george-washington",
        "The USS George Washington returns to Japan.",
        (US,),
        Topic.FORCE_POSTURE,
        Status.UNDER_WAY,
        spans("The USS George Washington is returning to Japan to support the alliance."),
        subjects=("USS George Washington",),
        places=(Place.JAPAN,),
    ),
    commitment(
        "okinawa-to-guam",
        "Move some U.S. troops from Okinawa to Guam, reducing the impact on local areas.",
        (US,),
        Topic.FORCE_POSTURE,
        Status.PLANNED,
        spans(
            "Some U.S. troops will move from Okinawa to Guam to strengthen defense while reducing the impact on local areas.",
            "These changes aim to enhance their ability to respond to security threats and ensure the stability of the region.",
        ),
        subjects=("U.S. troops",),
        places=(Place.OKINAWA, Place.GUAM),
    ),
    commitment(
        "disaster-task-force",
        "Create a task force for natural disasters and climate change, and provide humanitarian assistance.",
        BOTH,
        Topic.HUMANITARIAN,
        Status.UNDER_WAY,
        spans(
            "The Japan-US teams are also working together to address environmental issues and provide humanitarian assistance.",
            "They are creating a task force to improve their response to natural disasters and climate change.",
        ),
        subjects=("task force", "natural disasters", "climate change"),
    ),
    commitment(
        "pollutants",
        "Address harmful chemicals and pollutants to protect the environment and public health.",
        BOTH,
        Topic.ENVIRONMENT,
        Status.UNDER_WAY,
        spans(
            "They are addressing environmental concerns, such as harmful chemicals and pollutants, to protect the environment and public health.",
            "This cooperation demonstrates their commitment to addressing global challenges and supporting affected communities.",
        ),
        subjects=("harmful chemicals and pollutants",),
    ),
    commitment(
        "women-peace-security",
        "Involve women in security and peace efforts through the Women, Peace, and Security agenda.",
        BOTH,
        Topic.WOMEN_PEACE_SECURITY,
        Status.REAFFIRMED,
        spans(
            "The U.S. and Japan are committed to involving women in security and peace efforts.",
            "They support women’s empowerment and leadership in conflict prevention and peacebuilding.",
            "They will continue working together on Women, Peace, and Security (WPS) initiatives and integrate these goals into their joint activities.",
            "By promoting gender equality and women’s participation, they aim to create a more inclusive and effective approach to security and peace.",
        ),
        subjects=("gender equality",),
        programmes=("programme.wps",),
    ),
    commitment(
        "exchange-programs",
        "Expand exchange programmes such as TOFU and SEED to build future experts.",
        BOTH,
        Topic.PEOPLE_TO_PEOPLE,
        Status.UNDER_WAY,
        spans(
            "The U.S. and Japan value their strong friendship and want to build on it by investing in their people.",
            "They are expanding exchange programs to help young people understand each other’s cultures.",
            "Programs like TOFU and SEED are designed to build future experts who will support the partnership.",
            "These initiatives aim to strengthen the bonds between the two countries and ensure a lasting and cooperative relationship.",
        ),
        subjects=("exchange programs",),
        programmes=("programme.tofu", "programme.seed"),
    ),
)

THREATS = (
    Threat(
        "threat.cn-coercion",
        "China tries to change things in the East and South China Seas.",
        Actor.CN,
        ThreatKind.COERCION,
        (),
        (Place.EAST_CHINA_SEA, Place.SOUTH_CHINA_SEA),
        (),
        Response.CRITICISM,
        (
            span(L8),
            span(
                "They criticized China for trying to change things in the East China Sea and South China Sea"
            ),
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
        (span(L8), span("were worried about China building more nuclear weapons.")),
    ),
    Threat(
        "threat.kp-missiles",
        "North Korea tests missiles.",
        Actor.KP,
        ThreatKind.MISSILE_LAUNCHES,
        (),
        (),
        (),
        Response.CONDEMNATION,
        (
            span(L8),
            span(
                "The ministers also condemned North Korea for its missile tests and nuclear weapons development."
            ),
        ),
    ),
    Threat(
        "threat.kp-nuclear",
        "North Korea develops nuclear weapons.",
        Actor.KP,
        ThreatKind.NUCLEAR_BUILDUP,
        (),
        (),
        (),
        Response.CONDEMNATION,
        (
            span(L8),
            span(
                "The ministers also condemned North Korea for its missile tests and nuclear weapons development."
            ),
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
            "The meeting also addressed Russia’s actions.",
            "The ministers strongly condemned Russia’s unprovoked war against Ukraine and its violations of international law.",
        ),
    ),
    Threat(
        "threat.ru-alignment",
        "Russia's close ties with China and North Korea worsen global and Indo-Pacific security.",
        Actor.RU,
        ThreatKind.STRATEGIC_ALIGNMENT,
        (Actor.CN, Actor.KP),
        (Place.INDO_PACIFIC,),
        ("global and Indo-Pacific security",),
        Response.CRITICISM,
        spans(
            L9
            + ", stating that these relationships are worsening global and Indo-Pacific security."
        ),
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


def ref(
    url: str, publisher: str, title: str, date: datetime.date | None, role: SourceRole
) -> Reference:
    """A source an erratum relies on; every one was read before it was recorded."""
    return Reference(title, publisher, url, date, role)


MOD_2PLUS2 = ref(
    "https://www.mod.go.jp/en/article/2024/07/c11d4b86153aa309ebba4717f43490430d31343c.html",
    "Japan Ministry of Defense",
    'Japan-U.S. Security Consultative Committee ("2+2")',
    None,
    SourceRole.PRIMARY,
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
        ' of 13 September 2023. The joint statement lists "Minister of Defense KIHARA".',
        (
            MOD_2PLUS2,
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
        "On 28 July 2024 the JJOC was planned, not yet established; it was launched on"
        " 24 March 2025 (news reports).",
        (
            ref(
                "https://www.nippon.com/en/news/yjj2025032400552/ceremony-marks-launch-of-sdf-joint-operations-command.html",
                "Nippon.com (Jiji Press)",
                "Ceremony Marks Launch of SDF Joint Operations Command",
                datetime.date(2025, 3, 24),
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
        "erratum.kishida-visit-date",
        "event.kishida-visit",
        "date",
        ErratumKind.CLARIFICATION,
        KISHIDA,
        "An Official Visit with a state dinner, Washington, 10 April 2024, as the White House"
        " announced it in January 2024. Sources on the 2+2 say only that the visit was in April.",
        (
            ref(
                "https://japannews.yomiuri.co.jp/politics/politics-government/20240126-164621/",
                "The Japan News (Yomiuri Shimbun)",
                "White House Announces Official Visit by Japan PM Fumio Kishida on April 10;"
                " State Dinner and Summit with President Joe Biden Planned",
                datetime.date(2024, 1, 26),
                SourceRole.REPORT,
            ),
        ),
        spans(KISHIDA),
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
        ),
        spans("SEED"),
    ),
)

MEETING = Meeting(
    schema_version=2,
    metadata=METADATA,
    name="Japan-US Security Consultative Committee",
    short_name="2+2",
    date=datetime.date(2024, 7, 28),
    place=Place.TOKYO,
    host=JP,
    officials=OFFICIALS,
    parties=PARTIES,
    programmes=PROGRAMMES,
    events=EVENTS,
    commitments=COMMITMENTS,
    threats=THREATS,
    errata=ERRATA,
    sources=spans(
        "On July 28, 2024, the Japan-US Security Consultative Committee met in Tokyo to discuss important security issues and strengthen their alliance.",
        "The meeting included U.S. Secretary of State Antony Blinken, Secretary of Defense Lloyd Austin, Japanese Foreign Minister Yoko Kamikawa, and Defense Minister Yasukazu Hamada.",
    ),
)


def main(argv: list[str]) -> int:
    """Write the JSON files, or with ``--check`` compare them; return the exit status."""
    outputs = {
        DATA / "usjapan2024.json": dumps(MEETING),
        DATA / "usjapan2024.schema.json": json.dumps(json_schema(), ensure_ascii=False, indent=2)
        + "\n",
    }
    if "--check" in argv:
        stale = [p for p, text in outputs.items() if p.read_text(encoding="utf-8") != text]
        for path in stale:
            print(f"{path} is stale: run python tools/build_dataset.py", file=sys.stderr)
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
