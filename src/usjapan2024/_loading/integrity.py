"""Checks a structured :class:`Meeting` against its source text and itself.

The schema (enforced while structuring) says each value has the right type; these
checks say the values agree: every quote is the text at its offsets, no record cites
a line that is not part of the communiqué, every record cites something, every id is
unique and every reference resolves, and a retired id is no record's id and points
to records that exist.  Each check yields :class:`Problem` values
instead of raising, so one run reports everything that is wrong.

They run on every load, so they are written for speed: one pass over the spans with
integer work only, and a JSON path is formatted only for a problem.
"""

from __future__ import annotations

import bisect
import operator
import re
import typing
from collections.abc import Iterator

from usjapan2024._io.text import occurrences, text_digest
from usjapan2024._loading import rules as _rules
from usjapan2024._model.fields import fields_by_name, fields_of
from usjapan2024._model.kinds import DECLARED_IN, KINDS, declarations, record_groups, record_id
from usjapan2024.exceptions import MAX_PROBLEMS, Problem
from usjapan2024.model import Exclusion, Meeting, Party, Record, Span
from usjapan2024.vocabulary import ActorKind, OpenVocabulary, SpanRole, View

__all__ = ["REFERENCES", "check", "check_without_text"]


def check(meeting: Meeting, text: str, *, hint: str = "source=") -> list[Problem]:
    """Return every problem with ``meeting`` read against the source ``text``.

    A text whose digest is not the file's is one mistake, reported once: its spans are
    not then checked against it, which would only repeat the mistake at every span.
    ``hint`` says how the caller gives the source text, for that message.
    """
    problems = list(_check_digest(meeting, text, hint))
    if problems:
        return problems
    problems += _rules.problems(meeting)
    problems += _check_spans(meeting, text)
    return problems + _records_problems(meeting)


def check_without_text(meeting: Meeting) -> list[Problem]:
    """The checks of :func:`check` that need no source text, for a meeting built in code.

    Spans are checked for their shape only: a range from 0, as long as its quote.
    """
    problems = [
        Problem(_span_path(group, i, j), f"span [{span.start}, {span.end}) does not fit its quote")
        for group, i, j, span in _cited_spans(meeting)
        if not 0 <= span.start < span.end or span.end - span.start != len(span.quote)
    ]
    return problems + _records_problems(meeting)


def _records_problems(meeting: Meeting) -> list[Problem]:
    """What holds of the records whatever the text: cited, unique ids, resolved references."""
    records = meeting.records()
    # Ids as plain strings, a party's being its Actor's value, so that every id compares as text.
    ids = list(map(record_id, records))
    problems = list(_check_cited(meeting))
    problems += _check_ids(meeting, ids)
    by_id = dict(zip(ids, records, strict=True))
    problems += _check_references(meeting, by_id)
    problems += _check_declared(meeting, by_id)
    problems += _check_parties(meeting)
    problems += _check_retired(meeting, by_id)
    return problems


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _check_digest(meeting: Meeting, text: str, hint: str) -> Iterator[Problem]:
    claimed = meeting.metadata.source.sha256
    if not _SHA256.fullmatch(claimed):  # no digest at all: comparing it would say nothing
        shown = repr(claimed) if len(claimed) <= 70 else f"{claimed[:67]!r}..."
        yield Problem(
            "$.metadata.source.sha256",
            f"must be 64 lowercase hex digits (the sha256 of the source text), got {shown}",
        )
        return
    digest = text_digest(text)
    if claimed != digest:
        yield Problem(
            "$.metadata.source.sha256",
            f"this file was coded from a text with sha256 {meeting.metadata.source.sha256},"
            f" but the source text given has sha256 {digest}: give the text it was coded"
            f" from ({hint})",
        )


def _cited_spans(meeting: Meeting) -> Iterator[tuple[str, int, int, Span]]:
    """Yield ``(group, record index, span index, span)`` for every span a record cites.

    The group is ``""`` for the meeting's own sources.
    """
    for j, span in enumerate(meeting.sources):
        yield "", 0, j, span
    for group, records in record_groups(meeting).items():
        for i, record in enumerate(records):
            for j, span in enumerate(record.sources):
                yield group, i, j, span


def _span_path(group: str, i: int, j: int) -> str:
    return f"$.sources[{j}]" if not group else f"$.{group}[{i}].sources[{j}]"


def _all_spans_fine(meeting: Meeting, text: str, blocked: _Blocked) -> bool:
    """The fast pass: True when every cited span is a verbatim, allowed slice of ``text``."""
    size, starts, ends = len(text), blocked.starts, blocked.ends
    count, right = len(starts), bisect.bisect_right
    groups = (meeting.sources, *(r.sources for g in record_groups(meeting).values() for r in g))
    for spans in groups:
        for span in spans:
            start, end = span.start, span.end
            if not (0 <= start < end <= size and text[start:end] == span.quote):
                return False
            k = right(ends, start)
            if k < count and starts[k] < end:
                return False
    return True


def _check_spans(meeting: Meeting, text: str) -> Iterator[Problem]:
    excluded = meeting.metadata.source.excluded
    blocked = _Blocked(excluded)
    if _all_spans_fine(meeting, text, blocked) and not any(
        _span_error(e.span, text) for e in excluded
    ):
        return
    found = _Found(text)
    for i, exclusion in enumerate(excluded):
        message = _span_error(exclusion.span, text, found)
        if message is not None:
            yield Problem(f"$.metadata.source.excluded[{i}].span", message)
    for group, i, j, span in _cited_spans(meeting):
        message = _span_error(span, text, found)
        if message is None and blocked.overlaps(span.start, span.end):
            message = blocked.describe(span)
        if message is not None:
            yield Problem(_span_path(group, i, j), message)


def _span_error(span: Span, text: str, found: _Found | None = None) -> str | None:
    start, end = span.start, span.end
    if 0 <= start < end <= len(text) and text[start:end] == span.quote:
        return None
    where = "" if found is None else found(span.quote)
    if 0 <= start < end <= len(text):
        return (
            f"quote {_clip(span.quote)} does not match the text at"
            f" [{start}, {end}), which reads {_clip(text[start:end])}{where}"
        )
    return (
        f"span [{start}, {end}) is not a non-empty range within the text (0 to {len(text)})" + where
    )


class _Found:
    """Where the quote of a span that misses it does stand, so the fix is in the message.

    Offsets counted by hand are usually wrong (in bytes, or in UTF-16 as editors count),
    while the quote is right.  Only the first :data:`MAX_PROBLEMS` quotes are looked up,
    as many as an error keeps: a file whose every span is stale costs one search of the
    text per problem shown, not one per span.
    """

    def __init__(self, text: str) -> None:
        self.text, self.left = text, MAX_PROBLEMS

    def __call__(self, quote: str) -> str:
        if not quote or self.left <= 0:
            return ""
        self.left -= 1
        starts = occurrences(quote, self.text, limit=4)
        if not starts:
            return "; the quote occurs nowhere in the text"
        ranges = [f"[{s}, {s + len(quote)})" for s in starts]
        if len(ranges) > 3:
            ranges[3:] = ["elsewhere"]
        shown = ", ".join(ranges[:-1]) + " and " + ranges[-1] if len(ranges) > 1 else ranges[0]
        return f"; the quote stands at {shown}: `usjapan2024 fill` sets offsets from quotes"


class _Blocked:
    """The excluded ranges, merged and sorted, for an overlap test by bisection."""

    def __init__(self, excluded: tuple[Exclusion, ...]) -> None:
        self.excluded = excluded
        merged: list[list[int]] = []
        for start, end in sorted((e.span.start, e.span.end) for e in excluded):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self.ends, start)  # the first range ending after `start`
        return k < len(self.starts) and self.starts[k] < end

    def describe(self, span: Span) -> str:
        for exclusion in self.excluded:
            if span.start < exclusion.span.end and exclusion.span.start < span.end:
                return (
                    f"cites {_clip(exclusion.span.quote)}, which is excluded from the"
                    f" communiqué ({exclusion.reason.value})"
                )
        return "cites an excluded line"  # not reached: overlaps() found one


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
            elif record.sources[0].role is not SpanRole.OWN:
                yield Problem(
                    f"$.{group}[{index}].sources[0].role",
                    "a record's first span must be its own words (role 'own'): the spans it"
                    " cites for context follow them",
                )
            else:
                roles = [span.role for span in record.sources]
                for j in range(1, len(roles)):
                    if roles[j] is SpanRole.OWN and roles[j - 1] is SpanRole.CONTEXT:
                        yield Problem(
                            f"$.{group}[{index}].sources[{j}].role",
                            "an own span after a span cited for context: a record's own"
                            " words come first",
                        )


def _check_ids(meeting: Meeting, ids: list[str]) -> Iterator[Problem]:
    if len(set(ids)) == len(ids):
        return
    first_seen: dict[str, tuple[str, int]] = {}
    for group, records in record_groups(meeting).items():
        for index, record in enumerate(records):
            key = record_id(record)
            seen = first_seen.setdefault(key, (group, index))
            if seen != (group, index):
                yield Problem(
                    f"$.{group}[{index}].id",
                    f"duplicate id {key!r}, first used at $.{seen[0]}[{seen[1]}].id",
                )


REFERENCES: dict[tuple[str, str], str] = {
    (kind.group, f.name): f.refers_to
    for kind in KINDS
    for f in fields_of(kind.cls)
    if f.refers_to is not None and f.refers_to != "records"
}
"""Every field of a record that holds ids of records of one group: (group, field) -> the
group the ids must name, as the fields declare it.  Besides these, ``Meeting.host`` names
a party and ``Erratum.target`` any record (checked on their own)."""


def _check_references(meeting: Meeting, by_id: dict[str, Record]) -> Iterator[Problem]:
    groups = record_groups(meeting)
    parties = {party.id for party in meeting.parties}
    known: dict[str, set[typing.Any]] = {
        "parties": parties,
        "programmes": {programme.id for programme in meeting.programmes},
        "events": {event.id for event in meeting.events},
    }
    if meeting.host not in parties:
        yield _unresolved("$.host", meeting.host, "parties")
    for (group, name), kind in REFERENCES.items():
        valid = known[kind]
        if _refs(groups[group], name) <= valid:
            continue  # the fast path: every reference in this field resolves
        for i, record in enumerate(groups[group]):
            yield from _missing(f"$.{group}[{i}].{name}", getattr(record, name), valid, kind)
    for i, erratum in enumerate(meeting.errata):
        target = by_id.get(erratum.target)
        if target is None:
            yield _unresolved(f"$.errata[{i}].target", erratum.target, "records")
            continue
        yield from _check_erratum_field(i, target, erratum.field)
        field = fields_by_name(type(target)).get(erratum.field)
        if erratum.record_value is not None and field is not None and field.refers_to in known:
            where = f"$.errata[{i}].record_value"
            yield from _missing(
                where, erratum.record_value, known[field.refers_to], field.refers_to
            )
    yield from _check_view(meeting, by_id)


_DECLARED_FIELDS: tuple[tuple[str, str, type[OpenVocabulary]], ...] = tuple(
    (group, f.name, f.vocabulary)
    for group, cls in (("", Meeting), *((kind.group, kind.cls) for kind in KINDS))
    for f in fields_of(cls)
    if f.vocabulary in DECLARED_IN and f.name != "id" and f.refers_to is None
)
"""(group, field, vocabulary) for each field of an open vocabulary that names no record
group of its own (``refers_to`` checks those: a party's actor); group "" is the meeting."""


def _check_declared(meeting: Meeting, by_id: dict[str, Record]) -> Iterator[Problem]:
    """Every place and department a record names is one the meeting declares."""
    groups = record_groups(meeting)
    valid = {vocabulary: frozenset(declarations(meeting, vocabulary)) for vocabulary in DECLARED_IN}
    for group, name, vocabulary in _DECLARED_FIELDS:
        records: tuple[object, ...] = groups[group] if group else (meeting,)
        for i, record in enumerate(records):
            where = f"$.{group}[{i}].{name}" if group else f"$.{name}"
            yield from _undeclared(where, getattr(record, name), valid[vocabulary], vocabulary)
    for i, erratum in enumerate(meeting.errata):
        target = by_id.get(erratum.target)
        field = fields_by_name(type(target)).get(erratum.field) if target is not None else None
        if erratum.record_value is None or field is None or field.refers_to is not None:
            continue
        if field.vocabulary in valid:
            where = f"$.errata[{i}].record_value"
            found = valid[field.vocabulary]
            yield from _undeclared(where, erratum.record_value, found, field.vocabulary)


def _undeclared(
    path: str, values: object, valid: frozenset[OpenVocabulary], vocabulary: type
) -> Iterator[Problem]:
    """Problems for the values in ``values`` (one, a tuple or None) that are not declared."""
    for j, value in enumerate(values) if isinstance(values, tuple) else ((None, values),):
        if value is None or value in valid:
            continue
        group = DECLARED_IN[typing.cast("type[OpenVocabulary]", vocabulary)]
        choices = sorted(v.value for v in valid)
        shown = ", ".join(map(repr, choices[:_SHOWN]))
        more = f" and {len(choices) - _SHOWN} more" if len(choices) > _SHOWN else ""
        yield Problem(
            path if j is None else f"{path}[{j}]",
            f"{str(value)!r} is not among the meeting's {group} ({shown}{more});"
            f" declare it in $.{group}",
        )


_SHOWN = 20
"""How many valid choices a problem lists: a file may declare thousands."""


def _check_parties(meeting: Meeting) -> Iterator[Problem]:
    """A party is a state exactly when its id is an ISO 3166-1 alpha-2 code.

    So is it in the corrected view: an erratum may not give a party a kind its id denies.
    """
    parties = {party.id.value: party for party in meeting.parties}
    kinds: list[tuple[str, Party, object]] = [
        (f"$.parties[{i}].kind", party, party.kind) for i, party in enumerate(meeting.parties)
    ]
    kinds += [
        (f"$.errata[{i}].record_value", parties[erratum.target], erratum.record_value)
        for i, erratum in enumerate(meeting.errata)
        if erratum.target in parties and erratum.field == "kind" and erratum.record_value
    ]
    for where, party, kind in kinds:
        if (kind == ActorKind.STATE) != party.id.is_state:
            want = "is" if party.id.is_state else "is not"
            yield Problem(
                where,
                f"{str(kind)!r} for {party.id.value!r}, which {want} an ISO 3166-1 alpha-2"
                " code: a state's id is its code, any other party's a lower-case slug",
            )


def _check_view(meeting: Meeting, by_id: dict[str, Record]) -> Iterator[Problem]:
    """A corrected view's records hold the value of each erratum it says it applied."""
    if meeting.view is View.TEXT:
        if meeting.corrected_by:
            yield Problem("$.corrected_by", "the text's view applies no errata; expected []")
        return
    errata = {erratum.id: erratum for erratum in meeting.errata}
    for j, erratum_id in enumerate(meeting.corrected_by):
        where = f"$.corrected_by[{j}]"
        erratum = errata.get(erratum_id)
        if erratum is None:
            yield _unresolved(where, erratum_id, "errata")
        elif erratum.record_value is None:
            yield Problem(where, f"{erratum_id!r} gives no record_value to apply")
        else:
            target = by_id.get(erratum.target)
            held = getattr(target, erratum.field, None) if target is not None else None
            if target is not None and held != erratum.record_value:
                yield Problem(
                    where,
                    f"{erratum.target}.{erratum.field} holds {held!r}, not the value"
                    f" {erratum.record_value!r} that {erratum_id!r} gives",
                )


def _refs(records: tuple[Record, ...], name: str) -> set[typing.Any]:
    """Every value that field ``name`` of ``records`` refers to (``None`` aside)."""
    values = list(map(operator.attrgetter(name), records))
    if values and isinstance(values[0], tuple):
        return set().union(*values)  # a tuple field: the union of the tuples, in C
    found = set(values)
    found.discard(None)
    return found


def _missing(path: str, refs: object, known: set[typing.Any], kind: str) -> Iterator[Problem]:
    """Problems for the references in ``refs`` (one value, a tuple, or None) not in ``known``."""
    if isinstance(refs, tuple):
        for j, ref in enumerate(refs):
            if ref not in known:
                yield _unresolved(f"{path}[{j}]", ref, kind)
    elif refs is not None and refs not in known:
        yield _unresolved(path, refs, kind)


def _unresolved(path: str, ref: object, kind: str) -> Problem:
    shown = ref.value if isinstance(ref, OpenVocabulary) else ref
    return Problem(path, f"{shown!r} does not name any of the meeting's {kind}")


def _check_erratum_field(index: int, target: Record, field: str) -> Iterator[Problem]:
    """An erratum whose target exists must also name one of the target's fields."""
    names = [f.name for f in fields_of(type(target))]
    if field not in names:
        yield Problem(
            f"$.errata[{index}].field",
            f"{field!r} is not a field of {record_id(target)!r};"
            f" expected one of {', '.join(names)}",
        )


def _check_retired(meeting: Meeting, by_id: dict[str, Record]) -> Iterator[Problem]:
    """A retired id names no record and appears once; what replaced it exists."""
    seen: set[str] = set()
    for i, retired in enumerate(meeting.retired):
        if retired.id in by_id:
            yield Problem(f"$.retired[{i}].id", f"{retired.id!r} is retired but a record has it")
        elif retired.id in seen:
            yield Problem(f"$.retired[{i}].id", f"{retired.id!r} is retired twice")
        seen.add(retired.id)
        if not retired.replaced_by:
            yield Problem(f"$.retired[{i}].replaced_by", "names no record; a retired id points on")
        for j, replacement in enumerate(retired.replaced_by):
            if replacement not in by_id:
                yield _unresolved(f"$.retired[{i}].replaced_by[{j}]", replacement, "records")
