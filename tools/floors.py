"""Print pip constraints that hold each declared dependency to its lowest release series.

    python tools/floors.py > constraints.txt
    pip install -c constraints.txt -e ".[test-suite]"

``scripts/test`` runs the test suite in an environment made this way, so that every
``>=`` floor in ``pyproject.toml`` is a version the package is known to work at: a
floor ``attrs>=23.1`` becomes ``attrs==23.1.*`` (the newest 23.1 release, since a
series' patch releases only fix bugs).  It covers the runtime dependencies and the
extras the test suite installs (``testing``, ``pandas`` and ``test-suite``); the lint,
docs and benchmark tools are not part of what users run.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover  (Python 3.10)
    import tomli as tomllib

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"
EXTRAS = ("testing", "pandas", "test-suite")


def floors(pyproject: dict[str, Any]) -> list[str]:
    """The constraint lines for ``pyproject``'s dependencies and ``EXTRAS``."""
    project = pyproject["project"]
    declared = [*project["dependencies"]]
    for extra in EXTRAS:
        declared += project["optional-dependencies"][extra]
    lines = []
    for text in declared:
        requirement = Requirement(text)
        if requirement.name == project["name"]:
            continue  # the extras that name other extras
        lows = [s.version for s in requirement.specifier if s.operator == ">="]
        if len(lows) != 1:
            msg = f"{text!r}: every dependency needs exactly one >= floor"
            raise SystemExit(msg)
        major, minor = [*lows[0].split("."), "0"][:2]  # ">=8" is the series 8.0
        series = f"{major}.{minor}"
        marker = f"; {requirement.marker}" if requirement.marker else ""
        lines.append(f"{requirement.name}=={series}.*{marker}")
    return lines


def main() -> int:
    """Print the constraints for this project's ``pyproject.toml``."""
    print("\n".join(floors(tomllib.loads(PYPROJECT.read_text(encoding="utf-8")))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
