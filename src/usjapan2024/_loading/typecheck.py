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
import functools
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from usjapan2024._io.text import Source, read_source
from usjapan2024.exceptions import Problem
from usjapan2024.model import Meeting, Span

__all__ = ["check", "lone_surrogate", "type_problems"]


def check(obj: object, *, source: Source | None = None) -> list[Problem]:
    """Return every problem with a meeting or a record built in Python, as loading would.

    Args:
        obj: A :class:`~usjapan2024.Meeting`, or any record (or other attrs class of
            the model) built in code.
        source: The text its spans index into (the text or a path to it); defaults to
            the bundled text.

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
    from usjapan2024._loading.load import source_text

    text = source_text() if source is None else read_source(source)
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
    hints = _hints(cls)
    for field in attrs.fields(cls):
        value = getattr(obj, field.name)
        yield from _value_problems(value, hints[field.name], f"{path}.{field.name}")


@functools.cache
def _hints(cls: Any) -> dict[str, Any]:  # noqa: ANN401  (any attrs class)
    return typing.get_type_hints(cls)


def _value_problems(value: object, hint: Any, path: str) -> Iterator[Problem]:  # noqa: ANN401
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        if value is None:
            return  # the model's unions are all `X | None`
        (hint,) = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) is tuple:
        if type(value) is not tuple:
            yield _wrong(value, "a tuple", path)
            return
        for index, item in enumerate(typing.cast("tuple[object, ...]", value)):
            yield from _value_problems(item, typing.get_args(hint)[0], f"{path}[{index}]")
    elif type(value) is not hint:  # exact types: a bool is no int, a str no enum member
        article = "an" if hint.__name__[:1] in "AEIOU" else "a"  # "an Actor", "a Topic"
        yield _wrong(value, _NAMES.get(hint) or f"{article} {hint.__name__}", path)
    elif attrs.has(hint):
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
    for field in attrs.fields(type(obj)):  # type: ignore[arg-type]
        value = getattr(obj, field.name)
        for index, item in enumerate(value if isinstance(value, tuple) else (value,)):
            where = f"{path}.{field.name}" + (f"[{index}]" if isinstance(value, tuple) else "")
            if isinstance(item, Span):
                yield where, item
            elif attrs.has(type(item)):
                yield from _spans(item, where)
