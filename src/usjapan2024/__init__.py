"""The Japan-U.S. "2+2" communiqué of 28 July 2024 as typed, verifiable records.

>>> import usjapan2024
>>> meeting = usjapan2024.load()
>>> meeting.date.isoformat(), meeting.place.value
('2024-07-28', 'tokyo')

This module only re-exports; the work lives in small modules.  It is a *lazy*
front: ``import usjapan2024`` defines no class and reads no file, and each name is
imported from its module on first use.  A notebook or tool that imports the package
at start-up pays almost nothing until it touches the data (see
``docs/performance.md``).

Each public name is written twice: in ``_WHERE``, which the lazy loader reads, and in
the imports below, which type checkers and IDEs read (they never see the run-time
``__getattr__``, so a misspelt name fails type checking).  ``tests/test_packaging.py``
checks that the two lists agree.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from usjapan2024._io.bundled import source_text as source_text
    from usjapan2024._io.releases import Release as Release
    from usjapan2024._io.releases import releases as releases
    from usjapan2024._io.text import Source as Source
    from usjapan2024._io.text import locate as locate
    from usjapan2024._io.text import text_digest as text_digest
    from usjapan2024._loading.authoring import fill_offsets as fill_offsets
    from usjapan2024._loading.authoring import skeleton as skeleton
    from usjapan2024._loading.document import SUPPORTED_SCHEMA_VERSIONS as SUPPORTED_SCHEMA_VERSIONS
    from usjapan2024._loading.load import dump as dump
    from usjapan2024._loading.load import dumps as dumps
    from usjapan2024._loading.load import load as load
    from usjapan2024._loading.load import loads as loads
    from usjapan2024._loading.schema import json_schema as json_schema
    from usjapan2024._loading.typecheck import check as check
    from usjapan2024._presenting.context import InContext as InContext
    from usjapan2024._presenting.context import QuoteInContext as QuoteInContext
    from usjapan2024._presenting.context import in_context as in_context
    from usjapan2024._presenting.links import record_url as record_url
    from usjapan2024._querying.diff import DatasetDiff as DatasetDiff
    from usjapan2024._querying.diff import FieldChange as FieldChange
    from usjapan2024._querying.diff import RecordChange as RecordChange
    from usjapan2024._querying.diff import RetiredRecord as RetiredRecord
    from usjapan2024._querying.diff import diff as diff
    from usjapan2024._querying.results import Results as Results
    from usjapan2024._querying.views import corrected as corrected
    from usjapan2024.exceptions import DatasetError as DatasetError
    from usjapan2024.exceptions import Problem as Problem
    from usjapan2024.export import RecordKindName as RecordKindName
    from usjapan2024.export import to_datapackage as to_datapackage
    from usjapan2024.export import to_frame as to_frame
    from usjapan2024.export import to_frames as to_frames
    from usjapan2024.export import to_records as to_records
    from usjapan2024.export import to_sqlite as to_sqlite
    from usjapan2024.model import Commitment as Commitment
    from usjapan2024.model import Department as Department
    from usjapan2024.model import DocumentRef as DocumentRef
    from usjapan2024.model import Erratum as Erratum
    from usjapan2024.model import Event as Event
    from usjapan2024.model import Exclusion as Exclusion
    from usjapan2024.model import Location as Location
    from usjapan2024.model import Meeting as Meeting
    from usjapan2024.model import Metadata as Metadata
    from usjapan2024.model import Official as Official
    from usjapan2024.model import Party as Party
    from usjapan2024.model import Programme as Programme
    from usjapan2024.model import Record as Record
    from usjapan2024.model import RecordValue as RecordValue
    from usjapan2024.model import Reference as Reference
    from usjapan2024.model import Retired as Retired
    from usjapan2024.model import SourceInfo as SourceInfo
    from usjapan2024.model import Span as Span
    from usjapan2024.model import Threat as Threat
    from usjapan2024.queries import commitments as commitments
    from usjapan2024.queries import errata_for as errata_for
    from usjapan2024.queries import get as get
    from usjapan2024.queries import officials as officials
    from usjapan2024.queries import search as search
    from usjapan2024.queries import threats as threats
    from usjapan2024.vocabulary import Actor as Actor
    from usjapan2024.vocabulary import ActorKind as ActorKind
    from usjapan2024.vocabulary import DepartmentKind as DepartmentKind
    from usjapan2024.vocabulary import ErratumKind as ErratumKind
    from usjapan2024.vocabulary import ExclusionReason as ExclusionReason
    from usjapan2024.vocabulary import LocationKind as LocationKind
    from usjapan2024.vocabulary import OpenVocabulary as OpenVocabulary
    from usjapan2024.vocabulary import Organisation as Organisation
    from usjapan2024.vocabulary import Place as Place
    from usjapan2024.vocabulary import ProgrammeKind as ProgrammeKind
    from usjapan2024.vocabulary import Response as Response
    from usjapan2024.vocabulary import SourceRole as SourceRole
    from usjapan2024.vocabulary import SpanRole as SpanRole
    from usjapan2024.vocabulary import Status as Status
    from usjapan2024.vocabulary import ThreatKind as ThreatKind
    from usjapan2024.vocabulary import Topic as Topic
    from usjapan2024.vocabulary import View as View
    from usjapan2024.vocabulary import Vocabulary as Vocabulary

    __version__: str

_WHERE = {
    "usjapan2024._presenting.context": ("InContext", "QuoteInContext", "in_context"),
    "usjapan2024._loading.document": ("SUPPORTED_SCHEMA_VERSIONS",),
    "usjapan2024._querying.diff": (
        "DatasetDiff", "FieldChange", "RecordChange", "RetiredRecord", "diff",
    ),
    "usjapan2024._presenting.links": ("record_url",),
    "usjapan2024._io.bundled": ("source_text",),
    "usjapan2024._io.releases": ("Release", "releases"),
    "usjapan2024._loading.load": ("dump", "dumps", "load", "loads"),
    "usjapan2024._querying.results": ("Results",),
    "usjapan2024._querying.views": ("corrected",),
    "usjapan2024._loading.schema": ("json_schema",),
    "usjapan2024._io.text": ("Source", "locate", "text_digest"),
    "usjapan2024._loading.authoring": ("fill_offsets", "skeleton"),
    "usjapan2024._loading.typecheck": ("check",),
    "usjapan2024.exceptions": ("DatasetError", "Problem"),
    "usjapan2024.export": (
        "RecordKindName", "to_datapackage", "to_frame", "to_frames", "to_records", "to_sqlite",
    ),
    "usjapan2024.model": (
        "Commitment", "Department", "DocumentRef", "Erratum", "Event", "Exclusion", "Location",
        "Meeting", "Metadata", "Official", "Party", "Programme", "Record", "RecordValue",
        "Reference", "Retired", "SourceInfo", "Span", "Threat",
    ),
    "usjapan2024.queries": ("commitments", "errata_for", "get", "officials", "search", "threats"),
    "usjapan2024.vocabulary": (
        "Actor", "ActorKind", "DepartmentKind", "ErratumKind", "ExclusionReason",
        "LocationKind", "OpenVocabulary", "Organisation", "Place", "ProgrammeKind", "Response",
        "SourceRole", "SpanRole", "Status", "ThreatKind", "Topic", "View", "Vocabulary",
    ),
}  # fmt: skip
_MODULE_OF = {name: module for module, names in _WHERE.items() for name in names}

__all__ = sorted([*_MODULE_OF, "__version__"])  # noqa: PLE0605  (derived from _WHERE)

if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        """Import a public name from its module on first use, then keep it here."""
        module_name = _MODULE_OF.get(name)
        if module_name is not None:
            import importlib  # already imported by Python itself: free

            value = getattr(importlib.import_module(module_name), name)
        elif name == "__version__":
            from importlib.metadata import version

            value = version("usjapan2024")
        else:
            msg = f"module {__name__!r} has no attribute {name!r}"
            raise AttributeError(msg)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
