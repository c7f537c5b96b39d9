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

import attrs
import cattrs
from cattrs.errors import IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from usjapan2024 import vocabulary
from usjapan2024.model import Span

__all__ = ["converter", "fast_converter", "json_type"]

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
    """Return the detailed converter, built on first use: it reports every problem.

    It registers: strict ``str`` and ``int`` (no coercion, no booleans as numbers);
    ``datetime.date`` as ``YYYY-MM-DD``; every enum by value, with the valid values
    in the error; homogeneous tuples from JSON arrays only; attrs classes from JSON
    objects only, unknown keys rejected.  Detailed validation collects every
    problem, not just the first.  It also unstructures (dumps) records.
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
    conv.register_structure_hook_factory(_is_attrs, lambda cls: _attrs_hook(conv, cls))
    conv.register_unstructure_hook_factory(
        _is_attrs, lambda cls: make_dict_unstructure_fn(cls, conv)
    )
    return conv


@functools.cache
def fast_converter() -> cattrs.Converter:
    """Return the fast converter: as strict as :func:`converter`, but it stops at the first problem.

    Valid files are the common case, so loading tries this one first and only when
    it fails runs the detailed converter to list every problem.  Its hooks check
    types by identity (``value.__class__ is str``) and map whole arrays in C where
    they can (``tuple(map(...))``); any input the detailed converter refuses, this
    one refuses too, by raising anything at all.
    """
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=False)
    conv.register_structure_hook(str, _fast_str)
    conv.register_structure_hook(int, _fast_int)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_structure_hook(Span, _fast_span)
    for enum_class in _ENUMS:
        conv.register_structure_hook(enum_class, _fast_enum_hook(enum_class))
    conv.register_structure_hook_factory(
        _is_homogeneous_tuple, lambda cls: _fast_tuple_hook(conv, cls)
    )
    conv.register_structure_hook_factory(_is_attrs, lambda cls: _fast_attrs_hook(conv, cls))
    return conv


def _fast_attrs_hook(conv: cattrs.Converter, cls: Any) -> typing.Callable[[Any, type], Any]:
    # Every field is required, so "no unknown keys" is "exactly as many keys as
    # fields" once the generated function has found each field: a len() instead of
    # the set difference cattrs would compute for every object.
    inner = make_dict_structure_fn(
        cls, conv, _cattrs_forbid_extra_keys=False, _cattrs_detailed_validation=False
    )
    size = len(attrs.fields(cls))

    def structure(value: Any, _: type) -> Any:
        if value.__class__ is not dict or len(value) != size:
            raise TypeError
        return inner(value, cls)

    return structure


def _is_attrs(cls: Any) -> bool:
    return isinstance(cls, type) and hasattr(cls, "__attrs_attrs__")


def _fast_str(value: Any, _: type) -> Any:
    if value.__class__ is not str:
        raise TypeError
    return value


def _fast_int(value: Any, _: type) -> Any:
    if value.__class__ is not int:
        raise TypeError
    return value


def _fast_span(value: Any, _: type) -> Span:
    # Spans are the most numerous object by far: one hand-written hook instead of
    # a generated one with three hook calls.  Exactly three keys, of the right types.
    if value.__class__ is not dict or len(value) != 3:
        raise TypeError
    start, end, quote = value["start"], value["end"], value["quote"]
    if start.__class__ is not int or end.__class__ is not int or quote.__class__ is not str:
        raise TypeError
    return Span(start, end, quote)


def _fast_spans(value: Any, _: type) -> tuple[Span, ...]:
    # Every record has a tuple of spans: build them in one loop, no call per span.
    if value.__class__ is not list:
        raise TypeError
    spans = []
    for item in value:
        if item.__class__ is not dict or len(item) != 3:
            raise TypeError
        start, end, quote = item["start"], item["end"], item["quote"]
        if start.__class__ is not int or end.__class__ is not int or quote.__class__ is not str:
            raise TypeError
        spans.append(Span(start, end, quote))
    return tuple(spans)


def _fast_enum_hook(cls: type[enum.Enum]) -> typing.Callable[[Any, type], enum.Enum]:
    by_value = {member.value: member for member in cls}

    def structure(value: Any, _: type) -> enum.Enum:
        return by_value[value]  # a KeyError or TypeError sends loading to the slow path

    return structure


def _fast_tuple_hook(
    conv: cattrs.Converter, cls: Any
) -> typing.Callable[[Any, type], tuple[Any, ...]]:
    item_type = typing.get_args(cls)[0]
    inner = conv.get_structure_hook(item_type)
    if item_type is Span:
        return _fast_spans
    if item_type is str:

        def strings(value: Any, _: type) -> tuple[Any, ...]:
            if value.__class__ is not list or not set(map(type, value)) <= {str}:
                raise TypeError
            return tuple(value)

        return strings
    if isinstance(item_type, type) and issubclass(item_type, enum.Enum):
        by_value = {member.value: member for member in item_type}

        def members(value: Any, _: type) -> tuple[Any, ...]:
            if value.__class__ is not list:
                raise TypeError
            return tuple(map(by_value.__getitem__, value))

        return members

    def items(value: Any, _: type) -> tuple[Any, ...]:
        if value.__class__ is not list:
            raise TypeError
        return tuple([inner(item, item_type) for item in value])

    return items


def _list_unstructurer(conv: cattrs.Converter, cls: Any) -> typing.Callable[[Any], list[Any]]:
    item_type = typing.get_args(cls)[0]
    inner = conv.get_unstructure_hook(item_type)
    return lambda value: [inner(item) for item in value]
