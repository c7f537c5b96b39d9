"""Deterministic synthetic datasets of any size, in the real schema.

Each record cites its own sentence of a generated source text, so every integrity
check runs for real.  The mix of record types follows the bundled data (mostly
commitments and threats); ten commitments, whatever the size, have the topic
``exercises``, so an indexed query for it returns the same ten records at every size.
"""

from __future__ import annotations

import datetime
import hashlib
import random

from usjapan2024 import (
    Actor,
    ActorKind,
    Commitment,
    DocumentRef,
    ErratumKind,
    Event,
    Meeting,
    Metadata,
    Official,
    Organisation,
    Party,
    Place,
    Programme,
    ProgrammeKind,
    Response,
    SourceInfo,
    Span,
    Status,
    Threat,
    ThreatKind,
    Topic,
    dumps,
)
from usjapan2024._loading.document import SUPPORTED_SCHEMA_VERSIONS
from usjapan2024.model import Erratum, Reference
from usjapan2024.vocabulary import ISO_3166_ALPHA_2, SourceRole

__all__ = ["RARE_TOPIC", "make"]

RARE_TOPIC = Topic.EXERCISES
_COMMON_TOPICS = [t for t in Topic if t is not RARE_TOPIC]
_WORDS = ("alliance", "deterrence", "Japan’s", "U.S.", "security", "Indo-Pacific", "peace")


def make(records: int, seed: int = 2024) -> tuple[str, str]:
    """Return ``(json_text, source_text)`` of a valid dataset with about ``records`` records."""
    rng = random.Random(seed)
    sentences = [
        " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 14))) + "."
        for _ in range(records + 1)
    ]
    text = " ".join(sentences)
    spans, start = [], 0
    for sentence in sentences:
        spans.append(Span(start, start + len(sentence), sentence))
        start += len(sentence) + 1
    cite = iter(spans)
    actors = tuple(Actor)
    parties = tuple(  # a state's id is its ISO code; any other party is here an organisation
        Party(a, a.name, ActorKind.STATE if a in ISO_3166_ALPHA_2 else ActorKind.ORGANISATION,
              (spans[0],))
        for a in actors
    )  # fmt: skip
    shares = {"official": 0.03, "programme": 0.03, "event": 0.03, "threat": 0.25, "erratum": 0.03}
    counts = {kind: max(1, int(records * share)) for kind, share in shares.items()}
    counts["commitment"] = max(10, records - sum(counts.values()) - len(parties))
    officials = tuple(
        Official(f"official.{i}", f"Name {i}", "Minister", rng.choice((Actor.US, Actor.JP)),
                 rng.choice(tuple(Organisation)), (next(cite),))
        for i in range(counts["official"])
    )  # fmt: skip
    programmes = tuple(
        Programme(f"programme.{i}", f"Programme {i}", None, rng.choice(tuple(ProgrammeKind)),
                  "a programme", (next(cite),))
        for i in range(counts["programme"])
    )  # fmt: skip
    events = tuple(
        Event(f"event.{i}", "an event", datetime.date(2024, 1, 1 + i % 28), (Actor.JP,),
              (Place.TOKYO,), (next(cite),))
        for i in range(counts["event"])
    )  # fmt: skip
    commitments = tuple(
        Commitment(
            f"commitment.{i}", f"Commitment {i}.",
            tuple(rng.sample((Actor.US, Actor.JP), rng.randint(1, 2))),
            RARE_TOPIC if i < 10 else rng.choice(_COMMON_TOPICS), rng.choice(tuple(Status)),
            ("Tomahawk",) if i % 7 == 0 else (), tuple(rng.sample(tuple(Place), 2)),
            tuple(rng.sample(actors, 2)), (programmes[i % len(programmes)].id,),
            (events[i % len(events)].id,), (next(cite),),
        )
        for i in range(counts["commitment"])
    )  # fmt: skip
    threats = tuple(
        Threat(f"threat.{i}", f"Threat {i}.", rng.choice(actors), rng.choice(tuple(ThreatKind)),
               (), (rng.choice(tuple(Place)),), ("peace",), rng.choice(tuple(Response)),
               (next(cite),))
        for i in range(counts["threat"])
    )  # fmt: skip
    errata = tuple(
        Erratum(f"erratum.{i}", officials[i % len(officials)].id, "name",
                ErratumKind.CORRECTION, "a name", "another name",
                (Reference("a reference", "a publisher", "about:blank", None, SourceRole.REPORT),),
                (next(cite),))
        for i in range(counts["erratum"])
    )  # fmt: skip
    meeting = Meeting(
        schema_version=SUPPORTED_SCHEMA_VERSIONS[-1],
        metadata=Metadata(
            "synthetic", "synthetic data", "0.0.0", "CC0", "none",
            SourceInfo("synthetic", "about:blank", hashlib.sha256(text.encode()).hexdigest(), ()),
            DocumentRef("none", datetime.date(2024, 7, 28), ()),
        ),
        name="Synthetic", short_name="2+2", date=datetime.date(2024, 7, 28), place=Place.TOKYO,
        host=Actor.JP, officials=officials, parties=parties, programmes=programmes,
        events=events, commitments=commitments, threats=threats, errata=errata,
        sources=(spans[0],),
    )  # fmt: skip
    return dumps(meeting), text
