"""The ``hypothesis`` entry point: register this package's strategies for ``st.from_type``.

Hypothesis calls :func:`_hypothesis_setup_hook` while it is itself being imported, which
may happen in the middle of importing :mod:`usjapan2024.strategies` (that module imports
Hypothesis).  So the hook registers *functions* that import the strategies module when a
strategy is first asked for, never the module itself: importing it here would find it
half-initialised.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__: list[str] = []


def _lazy(factory: str) -> Callable[[type], Any]:
    def resolve(_: type) -> Any:  # noqa: ANN401  (a SearchStrategy; typed where it is made)
        return getattr(importlib.import_module("usjapan2024.strategies"), factory)()

    return resolve


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every record type; Hypothesis calls this on import."""
    from hypothesis import strategies as st

    from usjapan2024._model.kinds import KINDS
    from usjapan2024.model import Meeting, Span

    # Each kind's strategy is named as its group; the two that are not kinds besides.
    factories: dict[type, str] = {Span: "spans", Meeting: "meetings"}
    factories.update((kind.cls, kind.group) for kind in KINDS)
    for cls, factory in factories.items():
        st.register_type_strategy(cls, _lazy(factory))
