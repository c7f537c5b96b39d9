"""Checks a structured :class:`Meeting` against its source text and itself.

The schema (enforced while structuring) says each value has the right type; these
checks say the values agree: every quote is the text at its offsets, no record cites
a line that is not part of the communiqué, every id is unique and every reference
resolves.  Each check yields :class:`Problem` values instead of raising, so one run
reports everything that is wrong.
"""

from __future__ import annotations

import hashlib
import typing
from collections.abc import Iterator

import attrs

from usjapan2024._records import record_groups, record_id
from usjapan2024.exceptions import Problem
from usjapan2024.model import Exclusion, Meeting, Span

__all__ = ["check"]


def check(meeting: Meeting, text: str) -> list[Problem]:
    """Return every problem with ``meeting`` read against the source ``text``."""
    problems = list(_check_digest(meeting, text))
    problems += _check_spans(meeting, text)
    problems += _check_cited(meeting)
    problems += _check_ids(meeting)
    problems += _check_references(meeting)
    return problems


def spans_with_paths(obj: object, path: str = "$") -> Iterator[tuple[str, Span]]:
    """Yield every :class:`Span` reachable from ``obj`` with its JSON path."""
    if isinstance(obj, Span):
        yield path, obj
    elif isinstance(obj, tuple):
        for index, item in enumerate(obj):
            yield from spans_with_paths(item, f"{path}[{index}]")
    elif attrs.has(type(obj)):
        for field in attrs.fields(typing.cast("type[attrs.AttrsInstance]", type(obj))):
            yield from spans_with_paths(getattr(obj, field.name), f"{path}.{field.name}")


def _check_digest(meeting: Meeting, text: str) -> Iterator[Problem]:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if meeting.metadata.source.sha256 != digest:
        yield Problem(
            "$.metadata.source.sha256",
            f"the source text given has sha256 {digest}, not {meeting.metadata.source.sha256};"
            " pass the text this file was coded from as source=",
        )


def _check_spans(meeting: Meeting, text: str) -> Iterator[Problem]:
    excluded = meeting.metadata.source.excluded
    for path, span in spans_with_paths(meeting):
        if not 0 <= span.start < span.end <= len(text):
            yield Problem(
                path,
                f"span [{span.start}, {span.end}) is not a non-empty range"
                f" within the text (0 to {len(text)})",
            )
        elif text[span.start : span.end] != span.quote:
            found = text[span.start : span.end]
            yield Problem(
                path,
                f"quote {_clip(span.quote)} does not match the text at"
                f" [{span.start}, {span.end}), which reads {_clip(found)}",
            )
        elif not path.startswith("$.metadata.source.excluded"):
            yield from _check_not_excluded(path, span, excluded)


def _check_not_excluded(
    path: str, span: Span, excluded: tuple[Exclusion, ...]
) -> Iterator[Problem]:
    for exclusion in excluded:
        if span.start < exclusion.span.end and exclusion.span.start < span.end:
            yield Problem(
                path,
                f"cites {_clip(exclusion.span.quote)}, which is excluded from the"
                f" communiqué ({exclusion.reason.value})",
            )


def _clip(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def _check_cited(meeting: Meeting) -> Iterator[Problem]:
    if not meeting.sources:
        yield Problem("$.sources", "cites no text; every record quotes at least one span")
    for group, records in record_groups(meeting).items():
        for index, record in enumerate(records):
            if not record.sources:
                yield Problem(
                    f"$.{group}[{index}].sources",
                    "cites no text; every record quotes at least one span",
                )


def _check_ids(meeting: Meeting) -> Iterator[Problem]:
    first_seen: dict[str, str] = {}
    for group, records in record_groups(meeting).items():
        for index, record in enumerate(records):
            path = f"$.{group}[{index}].id"
            key = record_id(record)
            if key in first_seen:
                yield Problem(path, f"duplicate id {key!r}, first used at {first_seen[key]}")
            else:
                first_seen[key] = path


def _references(meeting: Meeting) -> Iterator[tuple[str, object, str]]:
    """Yield ``(path, referenced id, kind of record it must name)`` for every reference."""

    def each(path: str, refs: tuple[object, ...], kind: str) -> Iterator[tuple[str, object, str]]:
        for j, ref in enumerate(refs):
            yield f"{path}[{j}]", ref, kind

    yield "$.host", meeting.host, "parties"
    for i, official in enumerate(meeting.officials):
        yield f"$.officials[{i}].country", official.country, "parties"
    for i, event in enumerate(meeting.events):
        yield from each(f"$.events[{i}].parties", event.parties, "parties")
    for i, c in enumerate(meeting.commitments):
        yield from each(f"$.commitments[{i}].parties", c.parties, "parties")
        yield from each(f"$.commitments[{i}].partners", c.partners, "parties")
        yield from each(f"$.commitments[{i}].programmes", c.programmes, "programmes")
        yield from each(f"$.commitments[{i}].events", c.events, "events")
    for i, threat in enumerate(meeting.threats):
        if threat.actor is not None:
            yield f"$.threats[{i}].actor", threat.actor, "parties"
        yield from each(f"$.threats[{i}].involving", threat.involving, "parties")
    for i, erratum in enumerate(meeting.errata):
        yield f"$.errata[{i}].target", erratum.target, "records"


def _check_references(meeting: Meeting) -> Iterator[Problem]:
    known: dict[str, set[object]] = {
        "parties": {party.id for party in meeting.parties},
        "programmes": {programme.id for programme in meeting.programmes},
        "events": {event.id for event in meeting.events},
        "records": {record_id(r) for group in record_groups(meeting).values() for r in group},
    }
    for path, ref, kind in _references(meeting):
        if ref not in known[kind]:
            shown = getattr(ref, "value", ref)
            yield Problem(path, f"{shown!r} does not name any of the meeting's {kind}")
    for index, erratum in enumerate(meeting.errata):
        yield from _check_erratum_field(index, erratum.target, erratum.field, meeting)


def _check_erratum_field(
    index: int, target: str, field: str, meeting: Meeting
) -> Iterator[Problem]:
    for records in record_groups(meeting).values():
        for record in records:
            if record_id(record) == target:
                names = [f.name for f in attrs.fields(type(record))]
                if field not in names:
                    yield Problem(
                        f"$.errata[{index}].field",
                        f"{field!r} is not a field of {target!r};"
                        f" expected one of {', '.join(names)}",
                    )
                return
