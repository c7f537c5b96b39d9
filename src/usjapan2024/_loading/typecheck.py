"""Checks that records built in Python hold what their fields declare.

Loading proves a file's values have the declared types, because the converter builds
them.  A record built in code has had no such check: ``attrs.evolve(c, topic="deterence")``
is accepted, and would only fail later, somewhere else.  :func:`check` walks a record
against its type annotations and reports every mismatch as a :class:`Problem` at a JSON
path, as loading would; it also refuses what JSON could carry but UTF-8 cannot write
(a lone surrogate in a string), so that whatever passes can be written and read back.
"""

from __future__ import annotations

import datetime
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from usjapan2024._io.text import Source, read_source
from usjapan2024._model.fields import FieldInfo, fields_by_name, fields_of, uncorrectable
from usjapan2024._model.kinds import record_id
from usjapan2024.exceptions import DatasetError, Problem
from usjapan2024.model import Meeting, Span

__all__ = ["check", "check_exportable", "lone_surrogate", "type_problems"]


def check(obj: object, *, source: Source | None = None) -> list[Problem]:
    """Return every problem with a meeting or a record built in Python, as loading would.

    Args:
        obj: A :class:`~usjapan2024.Meeting`, or any record (or other attrs class of
            the model) built in code.
        source: The text its spans index into (the text or a path to it); defaults to
            the meeting's own (:attr:`~usjapan2024.Meeting.source_text`), else the
            bundled text.

    For a meeting, this is every check :func:`usjapan2024.loads` makes: types, then the
    consistency checks (quotes, ids, references).  For a single record, the types and
    its quotes against the text.  An empty list means the object is valid.

    >>> import attrs, usjapan2024 as uj
    >>> typo = attrs.evolve(uj.get("commitment.article-v"), topic="deterence")
    >>> [str(p) for p in uj.check(typo)]
    ["$.topic: expected a Topic, got str 'deterence'"]
    """
    problems = list(type_problems(obj))
    if problems:
        return problems
    from usjapan2024._io.bundled import source_text

    known = obj.source_text if isinstance(obj, Meeting) else None
    text = read_source(source) if source is not None else known or source_text()
    if isinstance(obj, Meeting):
        from usjapan2024._loading.integrity import check as consistency

        return consistency(obj, text)
    return [
        Problem(path, f"quote {span.quote!r} is not the text at [{span.start}, {span.end})")
        for path, span in _spans(obj, "$")
        if text[span.start : span.end] != span.quote or not 0 <= span.start < span.end
    ]


def type_problems(obj: object, path: str = "$") -> Iterator[Problem]:
    """Yield a problem for every field value of ``obj`` that is not of its declared type."""
    cls: Any = type(obj)
    if not attrs.has(cls):
        msg = f"check() takes a meeting or a record, not {cls.__name__}"
        raise TypeError(msg)
    for field in fields_of(cls):
        yield from _field_problems(getattr(obj, field.name), field, f"{path}.{field.name}")
    if cls is Meeting:
        yield from _record_value_problems(typing.cast("Meeting", obj), path)


def _record_value_problems(meeting: Meeting, path: str) -> Iterator[Problem]:
    """Each erratum's ``record_value`` against the type of the field it names.

    An erratum whose target or field does not exist is the consistency checks' to report.
    """
    by_id = {record_id(r): r for r in meeting.records()}
    for i, erratum in enumerate(meeting.errata):
        target = by_id.get(erratum.target)
        if erratum.record_value is None or target is None:
            continue
        field = fields_by_name(type(target)).get(erratum.field)
        where = f"{path}.errata[{i}].record_value"
        why = None if field is None else uncorrectable(field)
        if why is not None:
            yield Problem(where, why)
        elif field is not None:
            yield from _field_problems(erratum.record_value, field, where)


def _field_problems(value: object, field: FieldInfo, path: str) -> Iterator[Problem]:
    if (value is None and field.optional) or field.typed_by_target:
        return  # a value typed by another field is checked against it, above
    if not field.many:
        yield from _value_problems(value, field.base, path)
    elif type(value) is not tuple:
        yield _wrong(value, "a tuple", path)
    else:
        for index, item in enumerate(typing.cast("tuple[object, ...]", value)):
            yield from _value_problems(item, field.base, f"{path}[{index}]")


def _value_problems(value: object, base: Any, path: str) -> Iterator[Problem]:  # noqa: ANN401
    if type(value) is not base:  # exact types: a bool is no int, a str no enum member
        article = "an" if base.__name__[:1] in "AEIOU" else "a"  # "an Actor", "a Topic"
        yield _wrong(value, _NAMES.get(base) or f"{article} {base.__name__}", path)
    elif attrs.has(base):
        yield from type_problems(value, path)
    elif isinstance(value, str) and (at := lone_surrogate(value)) is not None:
        yield Problem(path, f"a lone surrogate at index {at}, which UTF-8 cannot encode")


_NAMES = {str: "a string", int: "an integer", datetime.date: "a datetime.date"}


def _wrong(value: object, expected: str, path: str) -> Problem:
    shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
    return Problem(path, f"expected {expected}, got {type(value).__name__} {shown}")


def lone_surrogate(text: str) -> int | None:
    """The index of the first lone surrogate in ``text``, or ``None`` if it has none."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def _spans(obj: object, path: str) -> Iterator[tuple[str, Span]]:
    for field in fields_of(type(obj)):
        value = getattr(obj, field.name)
        for index, item in enumerate(value if isinstance(value, tuple) else (value,)):
            where = f"{path}.{field.name}" + (f"[{index}]" if isinstance(value, tuple) else "")
            if isinstance(item, Span):
                yield where, item
            elif attrs.has(type(item)):
                yield from _spans(item, where)


def check_exportable(meeting: Meeting, text: str | None = None) -> None:
    """Refuse, before anything is written, a meeting that an export cannot hold.

    The types of a meeting built in code (as :func:`usjapan2024.dumps` checks them), then
    the checks of loading: against ``text``, the source text the export will carry, if
    given (its digest, every quote at its offsets); without it, those that need no text
    (the rules above, spans that are ranges as long as their quotes, unique ids and
    references that resolve).

    Raises:
        DatasetError: Every problem found, each at its JSON path.
    """
    from usjapan2024._loading import rules
    from usjapan2024._loading.integrity import check, check_without_text

    found = list(type_problems(meeting))
    if not found and text is not None:
        found = check(meeting, text)
    elif not found:
        found = [*rules.problems(meeting), *check_without_text(meeting)]
    if found:
        raise DatasetError(found)
