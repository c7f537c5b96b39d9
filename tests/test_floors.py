"""The constraints that hold the floor run to the lowest declared versions."""

from __future__ import annotations

import runpy

import pytest

from .conftest import ROOT

_TOOL = runpy.run_path(str(ROOT / "tools" / "floors.py"))
floors = _TOOL["floors"]


def _project(dependencies: list[str], **extras: list[str]) -> dict[str, object]:
    extras = {"testing": [], "pandas": [], "test-suite": [], **extras}
    return {
        "project": {
            "name": "usjapan2024",
            "dependencies": dependencies,
            "optional-dependencies": extras,
        }
    }


class TestFloors:
    def test_each_floor_becomes_its_release_series(self) -> None:
        """`>=X.Y` pins the series X.Y; a bare major is the series X.0; markers stay."""
        project = _project(
            ["attrs>=23.1", "cattrs>=24.1.2,<30"],
            testing=["hypothesis>=6.100"],
            **{
                "test-suite": [
                    "usjapan2024[testing]",
                    "pytest>=8",
                    "tomli>=2; python_version<'3.11'",
                ]
            },
        )
        assert floors(project) == [
            "attrs==23.1.*",
            "cattrs==24.1.*",
            "hypothesis==6.100.*",
            "pytest==8.0.*",
            'tomli==2.0.*; python_version < "3.11"',
        ]

    def test_a_dependency_without_a_floor_is_refused(self) -> None:
        """An unbounded dependency would make the floor run meaningless."""
        with pytest.raises(SystemExit, match="needs exactly one >= floor"):
            floors(_project(["attrs"]))

    def test_this_project(self) -> None:
        """The real pyproject.toml has a floor for every runtime dependency."""
        project = _TOOL["tomllib"].loads((ROOT / "pyproject.toml").read_text("utf-8"))
        names = [line.split("==")[0] for line in floors(project)]
        assert names[:3] == ["attrs", "cattrs", "importlib-resources"]
        assert "hypothesis" in names
