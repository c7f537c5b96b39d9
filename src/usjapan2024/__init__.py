"""The Japan-U.S. "2+2" communiqué of 28 July 2024 as typed, verifiable records.

>>> import usjapan2024
>>> meeting = usjapan2024.load()
>>> meeting.date.isoformat(), meeting.place.value
('2024-07-28', 'tokyo')

This module only re-exports; the work lives in small modules.  It is a *lazy*
front: ``import usjapan2024`` defines no class and reads no file, and each name is
imported from its module on first use.  A notebook or tool that imports the package
at start-up pays almost nothing until it touches the data (see
``docs/performance.md``); type checkers and IDEs see ordinary imports.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (6 ms)
if TYPE_CHECKING:
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

_WHERE = {
    "usjapan2024._loading": (
        "SUPPORTED_SCHEMA_VERSIONS", "dump", "dumps", "load", "loads", "source_text",
    ),
    "usjapan2024._results": ("Results",),
    "usjapan2024._schema": ("json_schema",),
    "usjapan2024.exceptions": ("DatasetError", "Problem"),
    "usjapan2024.export": ("to_frame", "to_records"),
    "usjapan2024.model": (
        "Commitment", "DocumentRef", "Erratum", "Event", "Exclusion", "Meeting", "Metadata",
        "Official", "Party", "Programme", "Record", "SourceInfo", "Span", "Threat",
    ),
    "usjapan2024.queries": ("commitments", "get", "officials", "search", "threats"),
    "usjapan2024.vocabulary": (
        "Actor", "ActorKind", "ErratumKind", "ExclusionReason", "Organisation", "Place",
        "ProgrammeKind", "Response", "Status", "ThreatKind", "Topic",
    ),
}  # fmt: skip
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

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


def __getattr__(name: str) -> object:
    """Import a public name from its module on first use, then keep it here."""
    module_name = _MODULE_OF.get(name)
    if module_name is not None:
        import importlib  # noqa: PLC0415  (already imported by Python itself: free)

        value = getattr(importlib.import_module(module_name), name)
    elif name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        value = version("usjapan2024")
    else:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
