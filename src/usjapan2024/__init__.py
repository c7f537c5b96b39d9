"""The Japan-U.S. "2+2" communiqué of 28 July 2024 as typed, verifiable records.

>>> import usjapan2024
>>> meeting = usjapan2024.load()
>>> meeting.date.isoformat(), meeting.place.value
('2024-07-28', 'tokyo')

This module only re-exports; the work lives in small private modules.  Importing
it reads no data: :func:`load` reads the bundled dataset on first use.
"""

from __future__ import annotations

from usjapan2024._loading import (
    SUPPORTED_SCHEMA_VERSIONS,
    dump,
    dumps,
    load,
    loads,
    source_text,
)
from usjapan2024._results import Results
from usjapan2024._schema import json_schema
from usjapan2024.exceptions import DatasetError, Problem
from usjapan2024.export import to_frame, to_records
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
    SourceInfo,
    Span,
    Threat,
)
from usjapan2024.queries import commitments, get, officials, search, threats
from usjapan2024.vocabulary import (
    Actor,
    ActorKind,
    ErratumKind,
    ExclusionReason,
    Organisation,
    Place,
    ProgrammeKind,
    Response,
    Status,
    ThreatKind,
    Topic,
)

__all__ = [
    "SUPPORTED_SCHEMA_VERSIONS",
    "Actor",
    "ActorKind",
    "Commitment",
    "DatasetError",
    "DocumentRef",
    "Erratum",
    "ErratumKind",
    "Event",
    "Exclusion",
    "ExclusionReason",
    "Meeting",
    "Metadata",
    "Official",
    "Organisation",
    "Party",
    "Place",
    "Problem",
    "Programme",
    "ProgrammeKind",
    "Record",
    "Response",
    "Results",
    "SourceInfo",
    "Span",
    "Status",
    "Threat",
    "ThreatKind",
    "Topic",
    "__version__",
    "commitments",
    "dump",
    "dumps",
    "get",
    "json_schema",
    "load",
    "loads",
    "officials",
    "search",
    "source_text",
    "threats",
    "to_frame",
    "to_records",
]


def __getattr__(name: str) -> str:
    # The version comes from the installed metadata; importlib.metadata is slow to
    # import, so it is only read when someone asks.
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        return version("usjapan2024")
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
