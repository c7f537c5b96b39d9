"""Your answers to the course's exercises: replace each ``raise NotImplementedError``.

The exercises are in the docs (``docs/course.md`` lists them).  Check an answer with
``python examples/course/check.py attrs-1`` (or with no name, for all of them), and
your properties against buggy implementations with ``python examples/course/check.py
mutants``.  Keep each answer's name: the checker looks it up.
"""

from __future__ import annotations

import attrs  # noqa: F401  (you will need it)
import cattrs
from given import condemned_actors, records, words  # noqa: F401  (you will need them)
from hypothesis import find, given, settings  # noqa: F401
from hypothesis import strategies as st  # noqa: F401

import usjapan2024 as uj
from usjapan2024 import strategies as ujst  # noqa: F401  (ujst.spans, ujst.meetings, ...)


# attrs-1
def shout(commitment: uj.Commitment) -> uj.Commitment:
    """Return a copy of ``commitment`` whose summary is in capitals."""
    raise NotImplementedError


# attrs-2
def compact_converter() -> cattrs.Converter:
    """Return a converter that writes a span as ``[start, end, quote]`` and reads it back."""
    raise NotImplementedError


# attrs-3
def span_problems(data: object) -> list[str]:
    """Return every problem of structuring ``data`` into a span, each with its path."""
    raise NotImplementedError


# hypothesis-1: decorate it with @given(st.data()) and give it a `data` argument.
def test_span_is_a_slice() -> None:
    """A span drawn from a text is non-empty, inside it, and quotes it at its offsets."""
    raise NotImplementedError


# hypothesis-2: decorate it with @given(...); call uj.search, which the checker swaps.
def test_search_matches_the_oracle() -> None:
    """Search finds exactly the records whose words contain the needle, once, in order."""
    raise NotImplementedError


# hypothesis-3
def find_double_count() -> list[uj.Threat]:
    """Return the smallest list of threats on which ``condemned_actors`` is wrong.

    A threat with ``actor=None`` names nobody: it adds no actor to the right count.
    """
    raise NotImplementedError
