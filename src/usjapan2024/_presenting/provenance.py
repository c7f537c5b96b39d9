"""Where a shown record comes from: the meeting that holds it, its errata, its text.

A record does not know its meeting, so a surface that shows one must be told (a query
result carries the meeting it was selected from) or must find it.  The rule is the
same everywhere: the meeting given, if it holds that very record; with none given, the
bundled meeting, if it holds that very record; else none, and the surface says that it
does not know the record's errata rather than showing none.  A sentence is cut from a
text only where the text holds the quote at the span's offsets
(:func:`text_holds`), so no surface prints a chimera of two texts.

This module reads the model, the loader and the corrected view; it never imports the
query layer, whose results import the displays (no import cycle).
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Sequence
from typing import Any

import attrs

from usjapan2024._model.kinds import kind_of, record_id
from usjapan2024._tables.flat import flatten
from usjapan2024.model import Erratum, Meeting, Record, Span
from usjapan2024.vocabulary import ErratumKind

__all__ = [
    "KIND_WORDS",
    "MARK",
    "bundled_meeting",
    "bundled_release_holds",
    "errata_of",
    "errata_of_rows",
    "holds",
    "home_of",
    "text_holds",
    "value_text",
]

MARK = "\u2020"  # †: a row with errata
KIND_WORDS = {
    ErratumKind.CORRECTION: "correction (the text is wrong)",
    ErratumKind.CLARIFICATION: "clarification (the text is vague)",
}
NO_SINGLE_VALUE = "no single value (the erratum adds context only)"


def bundled_meeting() -> Meeting:
    """The bundled meeting (loaded once, by the loader's own cache)."""
    from usjapan2024._loading.load import load

    return load()


@functools.cache
def _bundled_corrected() -> Meeting:
    from usjapan2024._querying.views import corrected

    return corrected(bundled_meeting())


def holds(meeting: Meeting, record: Record | Meeting) -> bool:
    """Whether ``meeting`` holds ``record`` itself (the same object, or one equal to it)."""
    if isinstance(record, Meeting):
        return record is meeting or record == meeting
    try:
        group = kind_of(record).group
    except (KeyError, TypeError, ValueError):
        return False
    wanted = record_id(record)
    for candidate in getattr(meeting, group):
        if candidate is record:
            return True
        if record_id(candidate) == wanted:
            return bool(candidate == record)
    return False


def home_of(record: Record | Meeting, meeting: Meeting | None = None) -> Meeting | None:
    """The meeting ``record`` is shown from, or ``None`` when no meeting is known to hold it.

    That is ``meeting`` (with none given, the bundled one) if it holds the very record.
    """
    candidate = bundled_meeting() if meeting is None else meeting
    return candidate if holds(candidate, record) else None


def errata_of(
    record: Record | Meeting, meeting: Meeting | None = None
) -> tuple[Erratum, ...] | None:
    """The errata on ``record`` in its meeting (see :func:`home_of`); ``None``: unknown."""
    home = home_of(record, meeting)
    if home is None:
        return None
    if isinstance(record, Meeting | Erratum):
        return ()  # errata are on records; an erratum has none of its own
    wanted = record_id(record)
    return tuple(e for e in home.errata if e.target == wanted)


def errata_of_rows(
    records: Sequence[object], meeting: Meeting | None = None
) -> list[tuple[Erratum, ...] | None]:
    """:func:`errata_of` for each record of a table; ``()`` for anything not a record.

    The meeting's records and errata are gathered once, so a long table costs one pass.
    """
    home = bundled_meeting() if meeting is None else meeting
    by_id: dict[str, Record] = {record_id(r): r for r in home.records()}
    on: dict[str, list[Erratum]] = {}
    for erratum in home.errata:
        on.setdefault(erratum.target, []).append(erratum)
    found: list[tuple[Erratum, ...] | None] = []
    for record in records:
        if not isinstance(record, Record) or isinstance(record, Erratum):
            found.append(())
            continue
        held = by_id.get(record_id(record))
        if held is not record and held != record:
            found.append(None)
        else:
            found.append(tuple(on.get(record_id(record), ())))
    return found


def value_text(erratum: Erratum, record: Record | None) -> str:
    """The erratum's ``record_value`` as its field's column shows it ("US; JP", an ISO date)."""
    value = erratum.record_value
    if value is None:
        return NO_SINGLE_VALUE
    if record is not None:
        try:
            changes = typing.cast("dict[str, Any]", {erratum.field: value})
            shown = flatten(attrs.evolve(record, **changes)).get(erratum.field)
        except (TypeError, ValueError, AttributeError):
            shown = None
        if shown is not None:
            return str(shown)
    if isinstance(value, tuple):
        return "; ".join(str(getattr(v, "value", v)) for v in value)
    return str(getattr(value, "value", value))


def text_holds(text: str | None, span: Span) -> bool:
    """Whether ``text`` holds ``span``'s quote at its offsets."""
    return (
        text is not None
        and 0 <= span.start <= span.end <= len(text)
        and (text[span.start : span.end] == span.quote)
    )


def bundled_release_holds(record: Record | Meeting, meeting: Meeting | None = None) -> bool:
    """Whether ``record`` is a record of the bundled release (for catalogue links).

    It is when the meeting it is shown from (``meeting``, else the bundled one) holds it,
    that meeting was coded from the bundled text (``metadata.source.sha256``), and the
    bundled meeting, or its corrected view, holds the very same record.
    """
    from usjapan2024._io.bundled import source_text
    from usjapan2024._io.text import text_digest

    home = home_of(record, meeting)
    if home is None or home.metadata.source.sha256 != text_digest(source_text()):
        return False
    return holds(bundled_meeting(), record) or holds(_bundled_corrected(), record)
