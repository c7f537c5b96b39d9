"""The same schema in pydantic v2 and msgspec, generated from the attrs classes.

Generating the peer models from :mod:`usjapan2024.model` guarantees the three libraries
parse exactly the same schema: same fields, same types (tuples, enums by value, dates,
optionals), unknown keys rejected, frozen instances.  The peers do no integrity
checks (quotes against the text, unique ids, resolving references); usjapan2024 does,
and its times include them.
"""

from __future__ import annotations

import datetime
import functools
import operator
import types
import typing
from typing import Any

import attrs
import msgspec
import pydantic

from usjapan2024 import model

__all__ = ["msgspec_decoder", "pydantic_meeting"]


def _classes() -> list[type]:
    return [getattr(model, n) for n in model.__all__ if attrs.has(getattr(model, n))]


def _translate(tp: Any, made: dict[str, Any]) -> Any:  # noqa: ANN401
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple:
        return tuple[_translate(args[0], made), ...]  # type: ignore[misc]
    if args and origin is not None and type(None) in args:  # every member kept, not the first
        rest = [_translate(a, made) for a in args if a is not type(None)]
        return functools.reduce(operator.or_, rest) | None
    if attrs.has(tp):
        return made[tp.__name__]
    return tp


def pydantic_meeting() -> type[pydantic.BaseModel]:
    """A pydantic model of :class:`Meeting` (frozen, extra fields forbidden)."""
    made: dict[str, Any] = {}
    config = pydantic.ConfigDict(frozen=True, extra="forbid")
    for cls in _order():
        hints = typing.get_type_hints(cls)
        fields: dict[str, Any] = {
            f.name: (_translate(hints[f.name], made), ...) for f in attrs.fields(cls)
        }
        made[cls.__name__] = pydantic.create_model(cls.__name__, __config__=config, **fields)
    meeting: type[pydantic.BaseModel] = made["Meeting"]
    return meeting


def msgspec_decoder() -> msgspec.json.Decoder[Any]:
    """A msgspec JSON decoder of :class:`Meeting` (frozen Structs, unknown fields forbidden)."""
    made: dict[str, Any] = {}
    for cls in _order():
        hints = typing.get_type_hints(cls)
        fields = [(f.name, _msgspec_type(hints[f.name], made)) for f in attrs.fields(cls)]
        made[cls.__name__] = msgspec.defstruct(
            cls.__name__, fields, frozen=True, forbid_unknown_fields=True
        )
    return msgspec.json.Decoder(made["Meeting"])


def _msgspec_type(tp: Any, made: dict[str, Any]) -> Any:  # noqa: ANN401
    """The field's type for msgspec, which takes no union of several string-like types.

    So an erratum's ``record_value`` (a name, a date, a vocabulary value or several) is
    any JSON value to it; usjapan2024 types it by the field it corrects.
    """
    translated = _translate(tp, made)
    if tp is not None and typing.get_origin(tp) in (typing.Union, types.UnionType):
        strings = [a for a in typing.get_args(tp) if a is not type(None) and a is not int]
        if len(strings) > 1 and not any(attrs.has(a) for a in strings):
            return Any
    return translated


def _order() -> list[type]:
    """The classes, each after every class its fields use."""
    done: list[type] = []

    def visit(cls: type) -> None:
        if cls in done:
            return
        for hint in typing.get_type_hints(cls).values():
            for arg in (hint, *typing.get_args(hint)):
                if attrs.has(arg):
                    visit(arg)
        done.append(cls)

    for cls in _classes():
        visit(cls)
    return done


_ = datetime  # dates are translated as themselves
