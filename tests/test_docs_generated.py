"""The pictures the docs draw from the code and the data agree with them."""

from __future__ import annotations

import importlib.util
import sys
import typing
from pathlib import Path
from types import ModuleType

import attrs
import pytest

from usjapan2024 import Actor, load, model
from usjapan2024._integrity import REFERENCES

from .conftest import ROOT


def _generated() -> ModuleType:
    path = ROOT / "docs" / "_ext" / "generated.py"
    spec = importlib.util.spec_from_file_location("docs_generated", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["docs_generated"] = module
    spec.loader.exec_module(module)
    return module


GENERATED = _generated()
CLASSES = [getattr(model, n) for n in model.__all__ if attrs.has(getattr(model, n))]


class TestDiagram:
    def test_every_class_and_field_is_drawn(self) -> None:
        """Each attrs class appears with exactly its fields, in order."""
        lines = GENERATED.mermaid().splitlines()
        for cls in CLASSES:
            start = lines.index(f"  class {cls.__name__} {{")
            drawn = [line.split()[-1] for line in lines[start + 1 : lines.index("  }", start)]]
            assert drawn == [f.name for f in attrs.fields(cls)], cls.__name__

    def test_every_containment_is_drawn(self) -> None:
        """A field holding records of another class is a solid edge to that class."""
        diagram = GENERATED.mermaid()
        for cls in CLASSES:
            for name, hint in typing.get_type_hints(cls).items():
                for arg in (hint, *typing.get_args(hint)):
                    if attrs.has(arg):
                        assert f"{cls.__name__} *-- {arg.__name__} : {name}" in diagram

    def test_every_reference_is_drawn(self) -> None:
        """Each id reference that loading checks is a dotted arrow."""
        diagram = GENERATED.mermaid()
        for (cls, field), target in GENERATED.references().items():
            assert f"{cls} ..> {target} : {field} (id)" in diagram
        assert len(GENERATED.references()) == len(REFERENCES) + 1  # + Meeting.host

    def test_every_actor_field_is_a_checked_reference(self) -> None:
        """A record field typed with Actor must name a party: loading must check it.

        Add such a field without adding it to ``_integrity.REFERENCES`` and this fails.
        """
        hints = typing.get_type_hints(model.Meeting)
        group_of = {typing.get_args(hints[g])[0]: g for g in hints if typing.get_args(hints[g])}
        for cls, group in group_of.items():
            if not attrs.has(cls) or cls is model.Party:
                continue
            for name, hint in typing.get_type_hints(cls).items():
                if Actor in (hint, *typing.get_args(hint)):
                    assert REFERENCES.get((group, name)) == "parties", f"{cls.__name__}.{name}"


class TestCharts:
    def test_chart_data_is_the_data(self) -> None:
        """The charts count every commitment and every threat once."""
        data = GENERATED.chart_data()
        assert sum(data["commitments-by-topic"].values()) == len(load().commitments)
        assert sum(data["threats-by-actor"].values()) == len(load().threats)
        assert data["threats-by-actor"]["KP"] == 2

    def test_charts_are_drawn(self, tmp_path: Path) -> None:
        """The charts render to PNG files."""
        pytest.importorskip("matplotlib")
        for path in GENERATED.charts(tmp_path):
            assert path.read_bytes().startswith(b"\x89PNG")
