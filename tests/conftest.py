"""Shared fixtures and the Hypothesis profiles.

``ci`` is derandomized so a CI run is repeatable; ``dev`` (the default) is quick;
``compat`` is the short run on the other supported Pythons, whose job is to show the
code works there, not to search; ``thorough`` is for a long local hunt.  Choose with
``HYPOTHESIS_PROFILE``; CI sets ``CI=true``, which selects ``ci``.
"""

from __future__ import annotations

import os
from pathlib import Path

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
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
settings.load_profile(PROFILE)

FUZZ_EXAMPLES = {"ci": 1_000, "dev": 200, "compat": 100, "thorough": 20_000}.get(PROFILE, 200)
"""Examples per fuzz test: at least 1,000 in CI, as the fuzzing issue requires."""

ROOT = Path(__file__).resolve().parent.parent
