"""The ``hypothesis`` entry point: register this package's strategies for ``st.from_type``.

Hypothesis calls :func:`_hypothesis_setup_hook` while it is itself being imported, which
may happen in the middle of importing :mod:`usjapan2024.strategies` (that module imports
Hypothesis).  So the hook registers a *function* that imports the strategies module when a
strategy is first asked for, never the module itself: importing it here would find it
half-initialised.

Every public class is registered: each class of ``usjapan2024.model.__all__`` (so a new
record kind is registered the moment it is public), and the classes that the package's
functions return, named below.  The strategies module says what each gets
(``strategies._for_type``), and refuses, naming the class, one it has no strategy for,
rather than let Hypothesis build it from its annotations (which gives records that quote
no text and name nothing that exists).  The vocabularies are left to Hypothesis, which
draws a member of an enum itself.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__: list[str] = []

_RETURNED = {
    "usjapan2024._querying.results": ("Results",),
    "usjapan2024._querying.diff": ("DatasetDiff", "FieldChange", "RecordChange", "RetiredRecord"),
    "usjapan2024._presenting.context": ("InContext", "QuoteInContext"),
    "usjapan2024.exceptions": ("DatasetError", "Problem"),
    "usjapan2024._io.releases": ("Release",),
    # The bases of the vocabularies, which have no members of their own: any member (of
    # an open one, or a value coined as another communiqué declares it).
    "usjapan2024.vocabulary": ("Vocabulary", "OpenVocabulary"),
}
"""The public classes besides the model's, by the module that defines them."""


def public_classes() -> tuple[type, ...]:
    """Every class the hook registers: the model's public classes, then those above."""
    model = importlib.import_module("usjapan2024.model")
    found = [getattr(model, name) for name in model.__all__]
    for module, names in _RETURNED.items():
        found += [getattr(importlib.import_module(module), name) for name in names]
    return tuple(cls for cls in found if isinstance(cls, type))  # not the Record unions


def _resolve(asked: type) -> Any:  # noqa: ANN401  (a SearchStrategy; typed where it is made)
    # Hypothesis passes the type asked for: `Results[Commitment]`, not only `Results`.
    return importlib.import_module("usjapan2024.strategies")._for_type(asked)  # noqa: SLF001


def _hypothesis_setup_hook() -> None:
    """Register a strategy for every public class; Hypothesis calls this on import."""
    from hypothesis import strategies as st

    for cls in public_classes():
        st.register_type_strategy(cls, _resolve)
