"""The rules every value keeps so that every export can hold it safely.

The schema says a value is a string; these rules say which strings every export (the
CSV files, the Data Package, the SQLite database, a terminal) can take as they are:

* an **id** (of a record other than a party, and a retired id) matches
  :data:`ID_PATTERN`: lowercase ASCII letters, a dot, then lowercase ASCII letters and
  digits in words joined by single hyphens (``commitment.article-v``).  Being ASCII,
  it holds no space, no invisible character and no look-alike letter (a Cyrillic ``\u043e``
  for the ``o`` of ``official.blinken``); having a dot, it is never ``meeting``, the id the tables
  give the meeting itself.
* a **string** is never empty (an optional field that has no value is ``null``), since a
  CSV reader reads an empty cell as missing;
* a **string** never begins with a character a spreadsheet takes as the start of a
  formula (:data:`FORMULA_TRIGGERS`: ``=``, ``+``, ``-``, ``@``, tab, carriage return,
  and their full-width forms), so that no cell of any CSV the package writes runs
  as a formula when the file is opened in a spreadsheet, and every cell is still the
  data exactly;
* a **string** holds no NUL character (U+0000): a CSV file cannot hold one portably
  (Python's csv module refused it up to 3.10; spreadsheets and R cut the text at it),
  so a file that held one would load and then fail to export as a Data Package.

Loading checks them after the shape (they are part of the consistency stage); the
exports check a meeting built in code against them, and against its types, before
they write anything (``typecheck.check_exportable``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

import attrs

from usjapan2024._model.fields import fields_of
from usjapan2024.exceptions import Problem
from usjapan2024.model import Meeting
from usjapan2024.vocabulary import Vocabulary

__all__ = ["FORMULA_TRIGGERS", "ID_PATTERN", "NUL", "formula_trigger", "problems"]

ID_PATTERN = re.compile(r"[a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*")
"""What every id but a party's matches in full (a party's id is an ``Actor`` value)."""

NUL = "\x00"
"""The character no string may hold: a CSV file cannot hold it portably."""

FORMULA_TRIGGERS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
"""First characters that make a spreadsheet read a cell as a formula (OWASP's list, and
the full-width forms that some spreadsheets read as the same)."""

_ID_RULE = (
    "lowercase ASCII letters, a dot, then lowercase ASCII letters and digits in words"
    " joined by single hyphens, e.g. 'commitment.article-v'"
)


def formula_trigger(text: str) -> bool:
    """Whether ``text`` begins with a character a spreadsheet reads as a formula's start.

    >>> formula_trigger("=HYPERLINK()"), formula_trigger("-1"), formula_trigger("a-b")
    (True, True, False)
    """
    return text[:1] in FORMULA_TRIGGERS


def problems(meeting: Meeting) -> Iterator[Problem]:
    """Yield every value of ``meeting`` (of the right types) that breaks a rule above."""
    if _all_fine(meeting):  # the common case: one pass, no path formatted
        return
    yield from _string_problems(meeting, "$")
    for group, records in _groups(meeting):
        for index, record in enumerate(records):
            if not isinstance(record.id, Vocabulary) and not ID_PATTERN.fullmatch(record.id):
                yield _bad_id(f"$.{group}[{index}].id", record.id)
    for index, retired in enumerate(meeting.retired):
        if not ID_PATTERN.fullmatch(retired.id):
            yield _bad_id(f"$.retired[{index}].id", retired.id)


def _bad_id(path: str, value: str) -> Problem:
    return Problem(path, f"id {value!r} is not of the form of every id: {_ID_RULE}")


def _groups(meeting: Meeting) -> Iterator[tuple[str, tuple[Any, ...]]]:
    from usjapan2024._model.kinds import record_groups

    yield from record_groups(meeting).items()


def _all_fine(meeting: Meeting) -> bool:
    strings: list[str | None] = []
    _collect(meeting, strings)
    present = [s for s in strings if s is not None]
    firsts = {s[:1] for s in present}  # "" for an empty string
    if "" in firsts or not firsts.isdisjoint(FORMULA_TRIGGERS):
        return False
    if any(NUL in s for s in present):
        return False
    ids = [
        r.id for _, records in _groups(meeting) for r in records if not isinstance(r.id, Vocabulary)
    ]
    ids += [retired.id for retired in meeting.retired]
    match = ID_PATTERN.fullmatch
    return all(map(match, ids))


@attrs.frozen
class _Plan:
    """Where the strings of one attrs class are: its fields, by what they hold."""

    strings: tuple[str, ...]  # str or str | None
    string_tuples: tuple[str, ...]  # tuple[str, ...]
    nested: tuple[str, ...]  # an attrs instance, or None
    nested_tuples: tuple[str, ...]  # tuple[<attrs class>, ...]
    typed_by_target: tuple[str, ...]  # a value of another field's type: text may be in it


@functools.cache
def _plan(cls: Any) -> _Plan:  # noqa: ANN401  (any attrs class)
    fields = fields_of(cls)
    return _Plan(
        strings=tuple(f.name for f in fields if f.is_text and not f.many),
        string_tuples=tuple(f.name for f in fields if f.is_text and f.many),
        nested=tuple(f.name for f in fields if f.nested is not None and not f.many),
        nested_tuples=tuple(f.name for f in fields if f.nested is not None and f.many),
        typed_by_target=tuple(f.name for f in fields if f.typed_by_target),
    )


def _texts_in(value: object) -> list[tuple[str, str]]:
    """The strings in a value typed by another field, with their path suffixes."""
    if isinstance(value, str):
        return [("", value)]
    if isinstance(value, tuple):
        return [(f"[{i}]", v) for i, v in enumerate(value) if isinstance(v, str)]
    return []


def _collect(obj: Any, out: list[str | None]) -> None:  # noqa: ANN401
    plan = _plan(obj.__class__)
    out.extend(getattr(obj, name) for name in plan.strings)
    for name in plan.string_tuples:
        out.extend(getattr(obj, name))
    for name in plan.nested:
        value = getattr(obj, name)
        if value is not None:
            _collect(value, out)
    for name in plan.nested_tuples:
        for value in getattr(obj, name):
            _collect(value, out)
    for name in plan.typed_by_target:
        out.extend(text for _, text in _texts_in(getattr(obj, name)))


def _string_problems(obj: Any, path: str) -> Iterator[Problem]:  # noqa: ANN401
    plan = _plan(obj.__class__)
    for name in plan.strings:
        yield from _string_problem(getattr(obj, name), f"{path}.{name}")
    for name in plan.string_tuples:
        for index, value in enumerate(getattr(obj, name)):
            yield from _string_problem(value, f"{path}.{name}[{index}]")
    for name in plan.nested:
        value = getattr(obj, name)
        if value is not None:
            yield from _string_problems(value, f"{path}.{name}")
    for name in plan.nested_tuples:
        for index, value in enumerate(getattr(obj, name)):
            yield from _string_problems(value, f"{path}.{name}[{index}]")
    for name in plan.typed_by_target:
        for suffix, text in _texts_in(getattr(obj, name)):
            yield from _string_problem(text, f"{path}.{name}{suffix}")


def _string_problem(value: str | None, path: str) -> Iterator[Problem]:
    if value is None:
        return
    if not value:
        yield Problem(path, "an empty string; text fields hold some text (null where optional)")
    elif value[0] in FORMULA_TRIGGERS:
        yield Problem(
            path,
            f"begins with {value[0]!r}, which a spreadsheet reads as the start of a formula;"
            " begin it otherwise (a quote: cite from the next character)",
        )
    elif NUL in value:
        yield Problem(
            path,
            "holds a NUL character (U+0000), which a CSV file cannot hold (spreadsheets"
            " and R cut the text at it); remove it",
        )
