"""The one reflection layer: what every field of every class of the model is.

attrs computes each class's list of fields once and derives ``__init__``, ``__repr__``
and ``__eq__`` from it; this module does the same for the rest of the package.  It reads
each class once, from ``attrs.fields`` and the type hints, with the facts the model
declares on each field (:func:`about`), and keeps the answer: whether a field is
optional, holds many values, takes its values from a vocabulary, nests a class of the
model or names other records, and what it means.  The JSON Schema, the tables of the
exports, the DataFrame dtypes, :func:`usjapan2024.check`, the strategies, search and the
docs' class diagram all ask here; no other module walks type hints for these facts.

It imports nothing of the package but the vocabulary's base, so that ``model`` can use
it (for :meth:`~usjapan2024.Meeting.records`) without a cycle.
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
import textwrap
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

import attrs

__all__ = [
    "ABOUT",
    "FieldInfo",
    "about",
    "correctable",
    "describe_fields",
    "field_info",
    "fields_by_name",
    "fields_of",
    "plain",
    "record_fields",
    "uncorrectable",
]

_C = TypeVar("_C", bound=type[Any])
"""A decorated class: returned as its own type, so a checker that applies class decorators
(pyright does; mypy ignores their types) still sees the class, not ``type[Any]``."""

ABOUT = "usjapan2024"
"""The key of the model's facts in an attrs field's ``metadata``."""


@attrs.frozen
class About:
    """What the model declares of one field, beside its type.

    Attributes:
        description: One sentence on what the field holds.
        refers_to: The group of records whose ids it holds (``"parties"``), ``"records"``
            for an id of any record, ``None`` for a field that names no record.
        searchable: Whether :func:`usjapan2024.search` looks in its words.
        fold_case: Whether a filter on it compares text case-insensitively.
        typed_by_target: Whether its values take the type of another field, the one an
            erratum names (``Erratum.record_value``), so that no type is its own.
    """

    description: str
    refers_to: str | None = None
    searchable: bool = True
    fold_case: bool = False
    typed_by_target: bool = False


def about(
    description: str,
    *,
    refers_to: str | None = None,
    searchable: bool = True,
    fold_case: bool = False,
    typed_by_target: bool = False,
) -> dict[str, About]:
    """Field metadata for ``attrs.field(metadata=...)``: the facts the model declares.

    The description is written here once; the class's docstring gets its ``Attributes:``
    section from it (:func:`describe_fields`), and every export reads it from here.
    """
    return {ABOUT: About(description, refers_to, searchable, fold_case, typed_by_target)}


@attrs.frozen
class FieldInfo:
    """One field of a class of the model, as every layer needs to know it.

    Attributes:
        name: The field's name (also its JSON key and its column's name).
        owner: The class it belongs to.
        hint: Its type hint, as written.
        base: The type of one value: the hint without ``None`` and without the tuple.
        optional: Whether ``None`` is a valid value.
        many: Whether it holds a tuple of values.
        required: Whether a file must give it (it has no default).
        vocabulary: The enum its values come from, if any.
        nested: The class of the model its values are, if any (``Span``, ``Reference``).
        refers_to: The group of records its values name, ``"records"`` for any record.
        description: One sentence on what it holds.
        searchable: Whether search looks in its words.
        fold_case: Whether a filter on it folds case.
        typed_by_target: Whether each value has the type of the field an erratum names
            (then ``base`` is ``object``: no type of its own).
    """

    name: str
    owner: type
    hint: Any
    base: Any
    optional: bool
    many: bool
    required: bool
    vocabulary: type[enum.Enum] | None
    nested: type | None
    refers_to: str | None
    description: str
    searchable: bool
    fold_case: bool
    typed_by_target: bool

    @property
    def plain_description(self) -> str:
        """The description without its docs markup, for exports read outside Python."""
        return plain(self.description)

    @property
    def is_text(self) -> bool:
        """Whether its values are free text (strings, not a vocabulary's)."""
        return self.base is str

    @property
    def is_date(self) -> bool:
        """Whether its values are dates."""
        return self.base is datetime.date


def fields_of(cls: type) -> tuple[FieldInfo, ...]:
    """Every field of the attrs class ``cls``, in order, read once and kept."""
    return _fields_of(cls)


@functools.cache
def _fields_of(cls: Any) -> tuple[FieldInfo, ...]:  # noqa: ANN401  (a class, hashable; typed
    # Any because type checkers see an attrs class's instance __hash__ on the class)
    # Resolved on the class itself (what cattrs would do again when it first structures
    # one, if the fields' types were still the strings of postponed annotations).
    attrs.resolve_types(cls)
    found = []
    for field in attrs.fields(cls):
        hint = field.type
        facts = field.metadata.get(ABOUT)
        if facts is None:
            msg = f"{cls.__name__}.{field.name} declares no description (metadata=about(...))"
            raise TypeError(msg)
        base, optional = (object, True) if facts.typed_by_target else _without_none(hint)
        many = typing.get_origin(base) is tuple
        if many:
            base = typing.get_args(base)[0]
        found.append(
            FieldInfo(
                name=field.name,
                owner=cls,
                hint=hint,
                base=base,
                optional=optional,
                many=many,
                required=field.default is attrs.NOTHING,
                vocabulary=base if isinstance(base, type) and issubclass(base, enum.Enum) else None,
                nested=base if isinstance(base, type) and attrs.has(base) else None,
                refers_to=facts.refers_to,
                description=facts.description,
                searchable=facts.searchable,
                fold_case=facts.fold_case,
                typed_by_target=facts.typed_by_target,
            )
        )
    return tuple(found)


def correctable(field: FieldInfo) -> bool:
    """Whether an erratum's ``record_value`` may give ``field`` a value.

    A field of text, numbers, dates, vocabulary values or ids of other records may; one
    of nested records may not (no cell of an export could hold them), nor a record's own
    ``id``: an id names the record in the dataset, no public record corrects it, and the
    corrected view keeps every id (a corrected id could repeat another's, or strand
    what refers to it).
    """
    return uncorrectable(field) is None


def uncorrectable(field: FieldInfo) -> str | None:
    """Why an erratum's ``record_value`` may not give ``field`` a value; ``None`` if it may."""
    if field.name == "id":
        return (
            "a record_value cannot give a record's id: the id names the record, and the"
            " corrected view keeps it; use null"
        )
    if field.nested is not None or field.typed_by_target:
        return (
            "a record_value gives a field of text, numbers, dates, vocabulary values or ids,"
            " and this field holds nested records; use null"
        )
    return None


def field_info(cls: type, name: str) -> FieldInfo:
    """The field ``name`` of ``cls``; ``KeyError`` if it has none."""
    return _by_name(cls)[name]


def fields_by_name(cls: type) -> Mapping[str, FieldInfo]:
    """The fields of ``cls`` by name."""
    return _by_name(cls)


_ROLE = re.compile(r":[a-z]+:`~?(?:[\w.]*\.)?([^`]+)`")
_LITERAL = re.compile(r"``([^`]+)``")
_EMPHASIS = re.compile(r"(?<![\w*])\*([^*]+)\*(?![\w*])")


def plain(text: str) -> str:
    """``text`` without its reST markup, to read the same in a CSV or a catalogue.

    A role (``:class:`~x.Actor```) becomes its target's last name, literals and emphasis
    lose their marks.
    """
    return _EMPHASIS.sub(r"\1", _LITERAL.sub(r"\1", _ROLE.sub(r"\1", text)))


@functools.cache
def _by_name(cls: Any) -> Mapping[str, FieldInfo]:  # noqa: ANN401  (as _fields_of)
    return types.MappingProxyType({f.name: f for f in fields_of(cls)})


def _without_none(hint: Any) -> tuple[Any, bool]:  # noqa: ANN401  (any type hint)
    """The hint without ``None``, and whether it allowed ``None`` (only ``X | None``)."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(hint))
    return hint, False


def record_fields(cls: type) -> tuple[FieldInfo, ...]:
    """The fields of ``cls`` that hold records with ids: a meeting's groups, in order.

    A record class says it is one by declaring its :class:`Listing` as ``listing``.
    """
    return _record_fields(cls)


@functools.cache
def _record_fields(cls: Any) -> tuple[FieldInfo, ...]:  # noqa: ANN401  (as _fields_of)
    return tuple(
        f for f in fields_of(cls) if f.many and f.nested is not None and _listing(f.nested)
    )


def _listing(cls: type) -> Listing | None:
    found = getattr(cls, "listing", None)
    return found if isinstance(found, Listing) else None


@attrs.frozen
class Listing:
    """How a table of records of one kind shows them: the facts of a kind beside its class.

    Attributes:
        columns: The fields a table of these records shows, in order.
        text: The field a table of mixed kinds shows as the record's text.
    """

    columns: tuple[str, ...]
    text: str


# --- docstrings from the metadata ------------------------------------------------------------

_ATTRIBUTES = re.compile(r"^\s*Attributes:\s*$", re.MULTILINE)


def describe_fields(cls: _C) -> _C:
    """Give ``cls``'s docstring an ``Attributes:`` section made from its fields' descriptions.

    A class decorator, applied over ``attrs.frozen``: the descriptions are written once,
    on the fields, and the docs (napoleon reads ``Attributes:``) show them from there.  A
    hand-written section beside them would be a second copy, so it is refused.
    """
    doc = cls.__doc__ or ""
    if _ATTRIBUTES.search(doc):
        msg = f"{cls.__name__}'s docstring has an Attributes: section of its own; use about()"
        raise TypeError(msg)
    lines = ["", "", "Attributes:"]
    for field in attrs.fields(cls):
        facts = field.metadata.get(ABOUT)
        description = facts.description if facts is not None else ""
        lines.append(f"    {field.name}: {description}")
    cls.__doc__ = _dedent(doc).rstrip() + "\n".join(lines) + "\n"
    return cls


def _dedent(doc: str) -> str:
    """A docstring without its common indentation (the first line has none)."""
    first, _, rest = doc.partition("\n")
    return first + ("\n" + textwrap.dedent(rest) if rest else "")
