"""Small helpers shared by the tests that break documents on purpose."""

from __future__ import annotations

import functools
import json
from typing import Any

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
