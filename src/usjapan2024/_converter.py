"""The one cattrs converter that turns JSON-ready data into records and back.

Everything about the wire format is decided here and nowhere else: dates are ISO 8601
strings, enums travel as their values, collections are JSON arrays, and unknown keys
are rejected.  cattrs' defaults are lenient in ways that would hide mistakes in a
hand-edited file (``str(5)`` is a fine string to it, ``"abc"`` a fine tuple of three
strings), so the hooks below accept exactly the JSON type the schema names.

cattrs is imported here only, and this module is imported only when data is first
loaded or dumped, which keeps ``import usjapan2024`` cheap.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
import typing
from typing import Any

import cattrs
from cattrs.errors import IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from usjapan2024 import vocabulary

__all__ = ["converter", "json_type"]

_ENUMS: tuple[type[enum.Enum], ...] = tuple(
    getattr(vocabulary, name) for name in vocabulary.__all__
)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _expect(value: object, kind: type | tuple[type, ...], name: str) -> None:
    # bool is an int subclass in Python but not a number in JSON.
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
        msg = f"expected {name}, got {json_type(value)} {_short(value)}"
        raise TypeError(msg)


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def json_type(value: object) -> str:
    """Name the JSON type of a parsed value, for error messages."""
    names = {
        type(None): "null",
        bool: "boolean",
        int: "integer",
        float: "number",
        str: "string",
        list: "array",
        tuple: "array",
        dict: "object",
    }
    return names.get(type(value), type(value).__name__)


def _short(value: object) -> str:
    # Only scalars are shown: repr() of a deeply nested array would itself overflow.
    if isinstance(value, (list, dict)):
        return f"of {len(value)} item{'s' if len(value) != 1 else ''}"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _structure_str(value: object, _: type) -> str:
    _expect(value, str, "a string")
    return typing.cast("str", value)


def _structure_int(value: object, _: type) -> int:
    _expect(value, int, "an integer")
    return typing.cast("int", value)


def _structure_date(value: object, _: type) -> datetime.date:
    _expect(value, str, "a date as an ISO 8601 string (YYYY-MM-DD)")
    text = typing.cast("str", value)
    if not _ISO_DATE.fullmatch(text):
        msg = f"expected a date as YYYY-MM-DD, got {text!r}"
        raise ValueError(msg)
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        msg = f"expected a real calendar date, got {text!r}"
        raise ValueError(msg) from None


def _enum_hook(cls: type[enum.Enum]) -> typing.Callable[[object, type], enum.Enum]:
    by_value = {member.value: member for member in cls}
    valid = ", ".join(repr(value) for value in by_value)

    def structure(value: object, _: type) -> enum.Enum:
        member = by_value.get(value) if isinstance(value, str) else None
        if member is None:
            msg = f"expected one of {valid} ({cls.__name__}), got {_short(value)}"
            raise ValueError(msg)
        return member

    return structure


def _enum_value(member: enum.Enum) -> object:
    return member.value


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = typing.get_args(cls)
    return typing.get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook(
    conv: cattrs.Converter, cls: Any
) -> typing.Callable[[object, type], tuple[Any, ...]]:
    item_type = typing.get_args(cls)[0]
    inner = conv.get_structure_hook(item_type)

    def structure(value: object, _: type) -> tuple[Any, ...]:
        _expect(value, list, "an array")
        items = typing.cast("list[Any]", value)
        errors: list[Exception] = []
        result = []
        for index, item in enumerate(items):
            try:
                result.append(inner(item, item_type))
            except Exception as exc:  # noqa: BLE001, PERF203  (collected, re-raised as a group)
                note = IterableValidationNote(
                    f"Structuring {cls} @ index {index}", index, item_type
                )
                exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]
                errors.append(exc)
        if errors:
            msg = f"While structuring {cls!r}"
            raise cattrs.IterableValidationError(msg, errors, cls)
        return tuple(result)

    return structure


def _attrs_hook(conv: cattrs.Converter, cls: Any) -> typing.Callable[[object, type], Any]:
    inner = make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True)

    def structure(value: object, _: type) -> Any:
        _expect(value, dict, "an object")
        return inner(typing.cast("dict[str, Any]", value), cls)

    return structure


@functools.cache
def converter() -> cattrs.Converter:
    """Return the converter, built on first use.

    It registers: strict ``str`` and ``int`` (no coercion, no booleans as numbers);
    ``datetime.date`` as ``YYYY-MM-DD``; every enum by value, with the valid values
    in the error; homogeneous tuples from JSON arrays only; attrs classes from JSON
    objects only, unknown keys rejected.  Detailed validation collects every
    problem, not just the first.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    # One hook per enum class: cattrs dispatches on the class first, and a ``str``-valued
    # enum is a subclass of ``str``, so a generic enum hook would lose to the string one.
    for enum_class in _ENUMS:
        conv.register_structure_hook(enum_class, _enum_hook(enum_class))
        conv.register_unstructure_hook(enum_class, _enum_value)
    conv.register_structure_hook_factory(_is_homogeneous_tuple, lambda cls: _tuple_hook(conv, cls))
    conv.register_unstructure_hook_factory(
        _is_homogeneous_tuple, lambda cls: _list_unstructurer(conv, cls)
    )
    conv.register_structure_hook_factory(
        lambda cls: isinstance(cls, type) and hasattr(cls, "__attrs_attrs__"),
        lambda cls: _attrs_hook(conv, cls),
    )
    conv.register_unstructure_hook_factory(
        lambda cls: isinstance(cls, type) and hasattr(cls, "__attrs_attrs__"),
        lambda cls: make_dict_unstructure_fn(cls, conv),
    )
    return conv


def _list_unstructurer(conv: cattrs.Converter, cls: Any) -> typing.Callable[[Any], list[Any]]:
    item_type = typing.get_args(cls)[0]
    inner = conv.get_unstructure_hook(item_type)
    return lambda value: [inner(item) for item in value]
