"""Everything cattrs: the wire format, the converters, and bad data turned into problems.

The wire format is decided here and nowhere else: dates are ISO 8601 strings, enums
travel as their values, collections are JSON arrays, unknown keys are rejected.
cattrs' defaults are lenient in ways that would hide mistakes in a hand-edited file
(``str(5)`` is a fine string to it, ``"abc"`` a fine tuple of three strings), so the
hooks accept exactly the JSON type the schema names.

Bad data and bugs are kept apart.  A hook that meets bad data raises :class:`_Invalid`
and nothing else; with cattrs' own structural errors (a missing or an unknown key)
those are the only failures that become :class:`~usjapan2024.Problem` values.  Any
other exception is a bug in this package and propagates as itself.

What a whole document needs besides (its ``schema_version``, older schemas upgraded)
is in ``_document``.

Valid files are the common case, so loading first structures with a converter that
stops at the first problem, and only when that fails runs the detailed one, which
collects every problem.  Both are built by :func:`configure_converter`, so they share
every hook and accept exactly the same documents.  A third, :func:`proven_converter`,
structures only the bundled bytes the test suite proved valid: the same wire format
without the checks those bytes cannot fail, so cattrs' generated code calls ``str``,
``int`` and the enums directly.

cattrs is imported here only, and this module only when data is first loaded or
dumped, which keeps ``import usjapan2024`` cheap.
"""

from __future__ import annotations

import contextvars
import datetime
import enum
import functools
import json
import re
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.cols import iterable_unstructure_factory, list_structure_factory
from cattrs.gen import make_dict_structure_fn, override

from usjapan2024 import vocabulary
from usjapan2024._model.fields import fields_of
from usjapan2024.exceptions import MAX_PROBLEMS, DatasetError, Problem

__all__ = [
    "configure_converter",
    "converter",
    "describe",
    "fast_converter",
    "proven_converter",
    "structure",
]

T = TypeVar("T")
_ENUMS = tuple(
    value
    for value in map(vars(vocabulary).__getitem__, vocabulary.__all__)
    if isinstance(value, type) and issubclass(value, enum.Enum)  # not the Literal aliases
)
# ASCII digits only, and no trailing newline: `\d` and `$` would allow both.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_UNIONS = (typing.Union, types.UnionType)
_JSON_TYPES = {
    type(None): "null", bool: "boolean", int: "integer", float: "number",
    str: "string", list: "array", dict: "object",
}  # fmt: skip


class _Invalid(ValueError):  # noqa: N818  (a marker, not an error a user ever sees)
    """Raised by a hook, and only by a hook, for a value the schema does not allow."""


class _Budget:
    """How many problems the detailed pass has raised, and how many more it only counted.

    cattrs' detailed validation keeps every exception it catches, with its traceback
    and notes, until the whole document is structured: about 1.5 KiB each, so an
    invalid 3 MB file of a million bad items took 1.9 GiB.  Once ``MAX_PROBLEMS``
    problems have been raised, the hooks stop raising: they count each further
    problem and return a placeholder (the document is invalid anyway, and what is
    built from it is thrown away), so memory stays bounded and the count stays exact.
    """

    __slots__ = ("raised", "skipped")

    def __init__(self) -> None:
        self.raised = 0
        self.skipped = 0


_budget: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("budget", default=None)
"""The budget of the detailed pass running in this thread; ``None`` in the fast pass."""

_MISSING: Any = object()
"""Stands in for a missing key once the budget is spent; hooks give it back as ``None``."""


def _refuse(message: str) -> Any:
    """Raise ``_Invalid(message)``; once the budget is spent, count it and return ``None``."""
    budget = _budget.get()
    if budget is None or budget.raised < MAX_PROBLEMS:
        if budget is not None:
            budget.raised += 1
        raise _Invalid(message)
    budget.skipped += 1
    return None


def _short(value: object) -> str:
    """Show a parsed value briefly: a nested value's repr could itself overflow a screen."""
    if isinstance(value, (list, dict)):
        return f"of {len(value)} item{'s' if len(value) != 1 else ''}"
    if value is None or isinstance(value, bool):  # in JSON's words, not Python's
        return json.dumps(value)
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def describe(value: object) -> str:
    """Name a parsed value's JSON type and show it briefly, for error messages.

    >>> describe(True), describe(None), describe("x")
    ('boolean true', 'null', "string 'x'")
    """
    if value is None:
        return "null"
    return f"{_JSON_TYPES.get(type(value), type(value).__name__)} {_short(value)}"


def _exactly(kind: type, name: str) -> Callable[[Any, type], Any]:
    """A hook that passes a value of exactly ``kind`` through (``True`` is no integer)."""

    def structure(value: Any, _: type) -> Any:
        if value.__class__ is not kind:
            if value is _MISSING:
                return None
            return _refuse(f"expected {name}, got {describe(value)}")
        return value

    return structure


def _structure_date(value: Any, _: type) -> Any:  # a date, or a placeholder
    if value.__class__ is not str:
        if value is _MISSING:
            return None
        msg = f"expected a date as an ISO 8601 string (YYYY-MM-DD), got {describe(value)}"
        return _refuse(msg)
    if not _ISO_DATE.fullmatch(value):
        return _refuse(f"expected a date as YYYY-MM-DD, got {value!r}")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        pass
    return _refuse(f"expected a real calendar date, got {value!r}")


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, type], Any]:
    # One hook per class: cattrs dispatches on the class first, and a str-valued enum
    # is a subclass of str, so a generic enum hook would lose to the string hook.
    by_value = {member.value: member for member in cls}
    valid = ", ".join(map(repr, by_value))

    if issubclass(cls, vocabulary.OpenVocabulary):
        # A value the file coins is well formed or refused here; whether the file declares
        # it is the integrity checks' business, which name the declared values.
        well_formed, form = cls.well_formed, cls.form()

        def structure_open(
            value: Any, _: type
        ) -> Any:  # a member, a coined value, or a placeholder
            member = by_value.get(value) if value.__class__ is str else None
            if member is None:
                if value.__class__ is str and well_formed(value):
                    return cls(value)
                if value is _MISSING:
                    return None
                return _refuse(f"expected {form} ({cls.__name__}), got {_short(value)}")
            return member

        return structure_open

    def structure(value: Any, _: type) -> Any:  # a member, or a placeholder
        member = by_value.get(value) if value.__class__ is str else None
        if member is None:
            if value is _MISSING:
                return None
            return _refuse(f"expected one of {valid} ({cls.__name__}), got {_short(value)}")
        return member

    return structure


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(
    conv: cattrs.Converter, cls: Any, *, checked: bool = True
) -> Callable[[Any, type], tuple[Any, ...]]:
    items = list_structure_factory(cls, conv)  # cattrs' own, per-index errors included
    if not checked:
        return lambda value, _: tuple(items(value, cls))

    def structure(value: Any, _: type) -> tuple[Any, ...]:
        if value.__class__ is not list:
            if value is _MISSING:
                return ()
            _refuse(f"expected an array, got {describe(value)}")
            return ()
        return tuple(items(value, cls))

    return structure


def _is_optional(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) in _UNIONS and len(args) == 2 and type(None) in args


def _optional_hook(conv: cattrs.Converter, cls: Any) -> Callable[[Any, type], Any]:
    # cattrs' own optional hook looks its inner hook up at every value; this one once.
    inner = next(arg for arg in typing.get_args(cls) if arg is not type(None))
    handler = conv.get_structure_hook(inner)

    def structure(value: Any, _: type) -> Any:
        return None if value is None else handler(value, inner)

    return structure


def _is_attrs(cls: Any) -> bool:
    return isinstance(cls, type) and attrs.has(cls)


def _raw_json(value: Any, _: type) -> Any:
    """A value whose type is another field's (an erratum's ``record_value``), as JSON gave it.

    The document stage structures it as that field once the records exist.
    """
    return None if value is _MISSING else value


def _raw_overrides(cls: Any) -> dict[str, Any]:
    """The cattrs overrides that leave each field typed by its target as JSON gave it."""
    return {f.name: override(struct_hook=_raw_json) for f in fields_of(cls) if f.typed_by_target}


def _attrs_hook(conv: cattrs.Converter, cls: Any) -> Callable[[Any, type], Any]:
    fields = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=True, **_raw_overrides(cls)
    )
    known = frozenset(f.name for f in fields_of(cls))
    required = frozenset(f.name for f in fields_of(cls) if f.required)

    def structure(value: Any, _: type) -> Any:
        if value.__class__ is not dict:
            return (
                None if value is _MISSING else _refuse(f"expected an object, got {describe(value)}")
            )
        budget = _budget.get()
        if budget is not None:  # cattrs reports a missing key, and unknown keys, itself:
            missing = required.difference(value)  # count them against the budget
            unknown = not known.issuperset(value)
            count = len(missing) + unknown
            if count and budget.raised < MAX_PROBLEMS:
                budget.raised += count
            elif count:  # spent: count them, and give cattrs an object it takes quietly
                budget.skipped += count
                value = {key: item for key, item in value.items() if key in known}
                if not value:
                    return None  # nothing inside to count
                value.update(dict.fromkeys(missing, _MISSING))
            if budget.raised >= MAX_PROBLEMS:  # spent: what is built is thrown away at once
                fields(value, cls)
                return None
        return fields(value, cls)

    return structure


def configure_converter(conv: cattrs.Converter, *, checked: bool = True) -> None:
    """Register this dataset's wire format on ``conv``, as cattrs' ``preconf`` modules do.

    Strict ``str`` and ``int`` (no coercion, no booleans as numbers); ``datetime.date``
    as ``YYYY-MM-DD``; every enum by value, with the valid values in the error;
    ``X | None`` as ``null`` or an ``X``; homogeneous tuples from JSON arrays only,
    dumped as lists; attrs classes from JSON objects only, unknown keys rejected.

    With ``checked=False`` the wire format is the same and no type is checked: ``str``
    and ``int`` keep cattrs' own hooks, which its generated code inlines as calls of
    the class (``str(o['quote'])``); a tuple is the items of cattrs' own list hook; an
    attrs class is cattrs' own generated function, with no wrapper; a date is
    ``date.fromisoformat``; an enum is still looked up by value (a dictionary lookup
    costs less than calling the class).  That is for bytes proven valid only (the
    bundled file, by its digest): on them it builds the same records, which
    ``tests/test_loading.py`` checks, and on anything else it would accept what the
    checked hooks refuse.
    """
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    for enum_class in _ENUMS:
        conv.register_structure_hook(enum_class, _enum_hook(enum_class))
        conv.register_unstructure_hook(enum_class, lambda member: member.value)
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple, lambda cls: iterable_unstructure_factory(cls, conv, list)
    )
    conv.register_structure_hook_factory(_is_optional, lambda cls: _optional_hook(conv, cls))
    if not checked:
        conv.register_structure_hook(datetime.date, _structure_proven_date)
        conv.register_structure_hook_factory(
            _is_homogeneous_tuple, lambda cls: _tuple_hook(conv, cls, checked=False)
        )
        conv.register_structure_hook_factory(
            _is_attrs, lambda cls: make_dict_structure_fn(cls, conv, **_raw_overrides(cls))
        )
        return
    conv.register_structure_hook(str, _exactly(str, "a string"))
    conv.register_structure_hook(int, _exactly(int, "an integer"))
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, lambda cls: _tuple_hook(conv, cls))
    conv.register_structure_hook_factory(_is_attrs, lambda cls: _attrs_hook(conv, cls))


def _structure_proven_date(value: str, _: type) -> datetime.date:
    return datetime.date.fromisoformat(value)


@functools.cache
def converter() -> cattrs.Converter:
    """The detailed converter: it reports every problem.  It also dumps records."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(conv)
    return conv


@functools.cache
def fast_converter() -> cattrs.Converter:
    """The same hooks without detailed validation: it stops at the first problem."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    configure_converter(conv)
    return conv


@functools.cache
def proven_converter() -> cattrs.Converter:
    """The wire format without its checks, for the bundled bytes proven valid only."""
    conv = cattrs.Converter(detailed_validation=False)
    configure_converter(conv, checked=False)
    return conv


def structure(document: Any, cls: type[T]) -> T:
    """Structure ``document`` as ``cls``: fast if it is valid, every problem if it is not.

    Raises:
        DatasetError: With one :class:`Problem` for each value that is wrong.
    """
    try:
        return fast_converter().structure(document, cls)
    except (_Invalid, cattrs.ForbiddenExtraKeysError, KeyError):
        pass  # bad data, or a bug the detailed pass will re-raise: it finds out which
    budget = _Budget()
    token = _budget.set(budget)
    try:
        return converter().structure(document, cls)
    except cattrs.BaseValidationError as group:
        bug = next((leaf for leaf in _leaves(group) if not _is_bad_data(leaf)), None)
        if bug is not None:
            raise bug from None
        lines = cattrs.transform_error(group, format_exception=_message)
        raise DatasetError([_problem(line) for line in lines], budget.skipped) from None
    except _Invalid as invalid:  # a hook refused the whole document (it is not an object)
        raise DatasetError([Problem("$", str(invalid))]) from None
    finally:
        _budget.reset(token)


def _problem(line: str) -> Problem:
    message, _, path = line.rpartition(" @ ")  # cattrs writes "message @ $.path"
    return Problem(path, message)


def _leaves(group: BaseException) -> Iterator[BaseException]:
    if isinstance(group, cattrs.BaseValidationError):
        for inner in group.exceptions:
            yield from _leaves(inner)
    else:
        yield group


def _is_bad_data(exc: BaseException) -> bool:
    """Whether ``exc`` was caused by the document rather than by this package's code."""
    if isinstance(exc, KeyError):
        # A missing field is the KeyError of `o["field"]` in cattrs' generated function,
        # raised in the very frame that caught it; one from deeper down is a bug.
        return exc.__traceback__ is not None and exc.__traceback__.tb_next is None
    return isinstance(exc, (_Invalid, cattrs.ForbiddenExtraKeysError))


def _message(exc: BaseException, _type: object) -> str:
    if isinstance(exc, KeyError):
        return "required field is missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown field(s): {', '.join(sorted(exc.extra_fields))}"
    return str(exc)
