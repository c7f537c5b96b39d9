"""Shared fixtures and the Hypothesis profiles.

``ci`` is derandomized so a CI run is repeatable; ``dev`` (the default) is quick;
``compat`` is the short run on the other supported Pythons, whose job is to show the
code works there, not to search; ``thorough`` is for a long local hunt; ``mutation`` is
``scripts/mutation``'s.  Choose with ``HYPOTHESIS_PROFILE``; CI sets ``CI=true``, which
selects ``ci``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Generating a whole meeting takes a while on a busy machine (the other Pythons' runs
# share its cores), which is not what the health check is for: it is off everywhere, and
# so are deadlines.
settings.register_profile("base", deadline=None, suppress_health_check=[HealthCheck.too_slow])
base = settings.get_profile("base")
settings.register_profile("ci", base, max_examples=100, derandomize=True, print_blob=True)
settings.register_profile("dev", base, max_examples=100)
settings.register_profile("compat", base, max_examples=25, derandomize=True)
settings.register_profile("thorough", base, max_examples=5_000)
# scripts/mutation: the same few examples for every mutant; mutmut runs a test more than
# once in one process, which this health check would take for a flaky setup.
settings.register_profile(
    "mutation",
    base,
    max_examples=25,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
settings.load_profile(PROFILE)

FUZZ_EXAMPLES = {"ci": 1_000, "dev": 200, "compat": 100, "thorough": 20_000, "mutation": 50}.get(
    PROFILE, 200
)
"""Examples per fuzz test: at least 1,000 in CI, as the fuzzing issue requires."""

ROOT = Path(__file__).resolve().parent.parent

RELEASES = ROOT / "src" / "usjapan2024" / "data" / "releases"
"""The data files of past releases, as the package ships them (``usjapan2024.releases()``)."""


@pytest.fixture(autouse=True)
def _fresh_caches_per_mutant() -> None:
    """Under mutation testing, empty the caches that mutmut's workers inherit.

    mutmut forks a worker per mutant from a process that has already run the code, so a
    converter or filter table cached there was built by the original code and would hide
    every mutant of the code that builds it.  Emptying the caches makes each test build
    them again, through the mutant under test (``tools/mutation.py``).  Outside a mutation
    run (no ``MUTANT_UNDER_TEST``) this does nothing.
    """
    if "MUTANT_UNDER_TEST" in os.environ:
        from usjapan2024._io import safe
        from usjapan2024._loading import converter
        from usjapan2024._model import filters

        for cached in (
            converter.converter,
            converter.fast_converter,
            filters.filters_of,
            filters._spellings,
            safe._renameat2,
        ):
            cached.cache_clear()
