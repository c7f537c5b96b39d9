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
every hook and accept exactly the same documents.

cattrs is imported here only, and this module only when data is first loaded or
dumped, which keeps ``import usjapan2024`` cheap.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
import typing
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import attrs
import cattrs
from cattrs.cols import iterable_unstructure_factory, list_structure_factory
from cattrs.gen import make_dict_structure_fn

from usjapan2024 import vocabulary
from usjapan2024.exceptions import DatasetError, Problem

__all__ = ["configure_converter", "converter", "describe", "fast_converter", "structure"]

T = TypeVar("T")
_ENUMS = tuple(
    value
    for value in map(vars(vocabulary).__getitem__, vocabulary.__all__)
    if isinstance(value, type) and issubclass(value, enum.Enum)  # not the Literal aliases
)
# ASCII digits only, and no trailing newline: `\d` and `$` would allow both.
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_JSON_TYPES = {
    type(None): "null", bool: "boolean", int: "integer", float: "number",
    str: "string", list: "array", dict: "object",
}  # fmt: skip


class _Invalid(ValueError):  # noqa: N818  (a marker, not an error a user ever sees)
    """Raised by a hook, and only by a hook, for a value the schema does not allow."""


def _short(value: object) -> str:
    """Show a parsed value briefly: a nested value's repr could itself overflow a screen."""
    if isinstance(value, (list, dict)):
        return f"of {len(value)} item{'s' if len(value) != 1 else ''}"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def describe(value: object) -> str:
    """Name a parsed value's JSON type and show it briefly, for error messages."""
    return f"{_JSON_TYPES.get(type(value), type(value).__name__)} {_short(value)}"


def _exactly(kind: type, name: str) -> Callable[[Any, type], Any]:
    """A hook that passes a value of exactly ``kind`` through (``True`` is no integer)."""

    def structure(value: Any, _: type) -> Any:
        if value.__class__ is not kind:
            raise _Invalid(f"expected {name}, got {describe(value)}")
        return value

    return structure


def _structure_date(value: Any, _: type) -> datetime.date:
    if value.__class__ is not str:
        msg = f"expected a date as an ISO 8601 string (YYYY-MM-DD), got {describe(value)}"
        raise _Invalid(msg)
    if not _ISO_DATE.fullmatch(value):
        raise _Invalid(f"expected a date as YYYY-MM-DD, got {value!r}")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise _Invalid(f"expected a real calendar date, got {value!r}") from None


def _enum_hook(cls: type[enum.Enum]) -> Callable[[Any, type], enum.Enum]:
    # One hook per class: cattrs dispatches on the class first, and a str-valued enum
    # is a subclass of str, so a generic enum hook would lose to the string hook.
    by_value = {member.value: member for member in cls}
    valid = ", ".join(map(repr, by_value))

    def structure(value: Any, _: type) -> enum.Enum:
        member = by_value.get(value) if value.__class__ is str else None
        if member is None:
            raise _Invalid(f"expected one of {valid} ({cls.__name__}), got {_short(value)}")
        return member

    return structure


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(conv: cattrs.Converter, cls: Any) -> Callable[[Any, type], tuple[Any, ...]]:
    items = list_structure_factory(cls, conv)  # cattrs' own, per-index errors included

    def structure(value: Any, _: type) -> tuple[Any, ...]:
        if value.__class__ is not list:
            raise _Invalid(f"expected an array, got {describe(value)}")
        return tuple(items(value, cls))

    return structure


def _is_attrs(cls: Any) -> bool:
    return isinstance(cls, type) and attrs.has(cls)


def _attrs_hook(conv: cattrs.Converter, cls: Any) -> Callable[[Any, type], Any]:
    fields = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

    def structure(value: Any, _: type) -> Any:
        if value.__class__ is not dict:
            raise _Invalid(f"expected an object, got {describe(value)}")
        return fields(value, cls)

    return structure


def configure_converter(conv: cattrs.Converter) -> None:
    """Register this dataset's wire format on ``conv``, as cattrs' ``preconf`` modules do.

    Strict ``str`` and ``int`` (no coercion, no booleans as numbers); ``datetime.date``
    as ``YYYY-MM-DD``; every enum by value, with the valid values in the error;
    homogeneous tuples from JSON arrays only, dumped as lists; attrs classes from
    JSON objects only, unknown keys rejected.
    """
    conv.register_structure_hook(str, _exactly(str, "a string"))
    conv.register_structure_hook(int, _exactly(int, "an integer"))
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    for enum_class in _ENUMS:
        conv.register_structure_hook(enum_class, _enum_hook(enum_class))
        conv.register_unstructure_hook(enum_class, lambda member: member.value)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, lambda cls: _tuple_hook(conv, cls))
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple, lambda cls: iterable_unstructure_factory(cls, conv, list)
    )
    conv.register_structure_hook_factory(_is_attrs, lambda cls: _attrs_hook(conv, cls))


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


def structure(document: Any, cls: type[T]) -> T:
    """Structure ``document`` as ``cls``: fast if it is valid, every problem if it is not.

    Raises:
        DatasetError: With one :class:`Problem` for each value that is wrong.
    """
    try:
        return fast_converter().structure(document, cls)
    except (_Invalid, cattrs.ForbiddenExtraKeysError, KeyError):
        pass  # bad data, or a bug the detailed pass will re-raise: it finds out which
    try:
        return converter().structure(document, cls)
    except cattrs.BaseValidationError as group:
        bug = next((leaf for leaf in _leaves(group) if not _is_bad_data(leaf)), None)
        if bug is not None:
            raise bug from None
        lines = cattrs.transform_error(group, format_exception=_message)
        raise DatasetError([_problem(line) for line in lines]) from None
    except _Invalid as invalid:  # a hook refused the whole document (it is not an object)
        raise DatasetError([Problem("$", str(invalid))]) from None


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
