"""Small helpers shared by the tests: broken documents, and a walk over loaded records."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import Any

import attrs
import pytest

from usjapan2024 import DatasetError, dumps, load, loads


@functools.cache
def _bundled_text() -> str:
    return dumps(load())


def bundled_document() -> Any:
    """A fresh, mutable copy of the bundled dataset as parsed JSON."""
    return json.loads(_bundled_text())


def problems_of(document: Any, **kwargs: Any) -> list[tuple[str, str]]:
    """Load ``document`` (JSON-ready data or text); return the (path, message) pairs raised."""
    text = document if isinstance(document, (str, bytes)) else json.dumps(document)
    with pytest.raises(DatasetError) as info:
        loads(text, **kwargs)
    return [(p.path, p.message) for p in info.value.problems]


def walk(obj: object, path: str = "$") -> Iterator[tuple[str, object]]:
    """Yield every object reachable from ``obj`` through attrs fields and tuples, with its path."""
    yield path, obj
    if isinstance(obj, tuple):
        for index, item in enumerate(obj):
            yield from walk(item, f"{path}[{index}]")
    elif attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):  # type: ignore[arg-type]
            yield from walk(getattr(obj, field.name), f"{path}.{field.name}")
