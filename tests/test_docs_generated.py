"""The pictures the docs draw from the code and the data agree with them."""

from __future__ import annotations

import importlib.util
import re
import sys
import typing
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path
from types import ModuleType

import attrs
import pytest

from usjapan2024 import Actor, load, model, source_text
from usjapan2024._loading.integrity import REFERENCES

from .builtdocs import built_docs
from .conftest import ROOT

__all__ = ["built_docs"]


SVG = "{http://www.w3.org/2000/svg}"


def _generated() -> ModuleType:
    sys.path.insert(0, str(ROOT / "docs" / "_ext"))  # as docs/conf.py does: its helpers
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
    def _svg(self) -> ET.Element:
        return ET.fromstring(GENERATED.class_diagram())  # noqa: S314  (our own output)

    def test_every_class_and_field_is_drawn(self) -> None:
        """Each attrs class appears as a box with exactly its fields, in order."""
        root = self._svg()
        for cls in CLASSES:
            box = root.find(f"{SVG}g[@id='class-{cls.__name__}']")
            assert box is not None, cls.__name__
            drawn = [
                (t.text or "").split(":")[0] for t in box.findall(f"{SVG}text[@class='field']")
            ]
            assert drawn == [f.name for f in attrs.fields(cls)], cls.__name__

    def _edges(self, kind: str) -> set[tuple[str | None, str | None, str | None]]:
        return {
            (g.get("data-source"), g.get("data-target"), g.get("data-field"))
            for g in self._svg().findall(f"{SVG}g[@class='edge {kind}']")
        }

    def test_every_containment_is_drawn(self) -> None:
        """A field holding records of another class is a solid arrow to that class."""
        drawn = self._edges("contains")
        for cls in CLASSES:
            for field in attrs.fields(cls):
                hint = typing.get_type_hints(cls)[field.name]
                for arg in (hint, *typing.get_args(hint)):
                    if attrs.has(arg):
                        assert (cls.__name__, arg.__name__, field.name) in drawn

    def test_every_reference_is_drawn(self) -> None:
        """Each id reference that loading checks is a dashed arrow."""
        drawn = self._edges("refers")
        assert drawn == {(c, t, f) for (c, f), t in GENERATED.references().items()}
        assert len(GENERATED.references()) == len(REFERENCES) + 1  # + Meeting.host

    def test_arrows_point_down_and_boxes_do_not_overlap(self) -> None:
        """The layout keeps every box apart, so every name and field can be read."""
        rects = []
        for box in self._svg().findall(f"{SVG}g[@class='class']"):
            rect = box.find(f"{SVG}rect")
            assert rect is not None
            x, y, w, h = (float(rect.get(k, "0")) for k in ("x", "y", "width", "height"))
            rects.append((x, y, x + w, y + h))
        for i, a in enumerate(rects):
            for b in rects[i + 1 :]:
                assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]

    def test_the_drawing_is_deterministic(self) -> None:
        """The same classes give the same bytes, so rebuilds do not churn."""
        assert GENERATED.class_diagram() == GENERATED.class_diagram()

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


class TestPages:
    """The annotated source and the catalogue are made from the data, whole."""

    def test_every_span_is_marked_in_the_source(self) -> None:
        """Each span of each record is an anchor, and marks carry its exact quote."""
        import pages

        html = pages.source_html(load(), source_text())
        for citation in pages.citations(load()):
            key = f"{citation.span.start}-{citation.span.end}"
            assert f'id="span-{key}"' in html
            assert f'href="records.html#{citation.anchor}"' in html

    def test_excluded_lines_are_shown_with_their_reason(self) -> None:
        """Each excluded line is struck through beside its reason, and never marked."""
        import pages

        html = pages.source_html(load(), source_text())
        for exclusion in load().metadata.source.excluded:
            line = escape(exclusion.span.quote, quote=False)
            assert f"{exclusion.reason.value.replace('-', ' ')}]</span> <s>{line}</s>" in html

    def test_erratum_passages_are_distinct(self) -> None:
        """Every passage an erratum concerns is marked as such."""
        import pages

        html = pages.source_html(load(), source_text())
        for erratum in load().errata:
            for span in erratum.sources:
                assert re.search(
                    rf'<mark class="uj-erratum[^"]*" data-spans="[^"]*\b{span.start}-{span.end}\b',
                    html,
                ), erratum.id

    def test_every_record_has_an_entry(self) -> None:
        """The catalogue has one entry per record, anchored at its id, with its errata."""
        import pages

        text = pages.catalogue_md(load(), source_text(), GENERATED.linked_fields())
        ids = re.findall(r'<section class="uj-record" id="([^"]+)"', text)
        assert ids == pages.record_ids(load())
        assert len(ids) == len(set(ids))
        for erratum in load().errata:
            for ref in erratum.references:
                if ref.url is not None:
                    assert f'href="{escape(ref.url)}"' in text

    def test_the_written_pages_are_the_data(self, tmp_path: Path) -> None:
        """What a docs build writes is what the data makes now: nothing is kept by hand."""
        import pages

        written = pages.write_pages(tmp_path, GENERATED.linked_fields())
        assert {p.name for p in written} == {"source.html", "records.md"}
        source_page = (tmp_path / "source.html").read_text(encoding="utf-8")
        assert source_page == pages.source_html(load(), source_text())
        catalogue = (tmp_path / "records.md").read_text(encoding="utf-8")
        assert catalogue == pages.catalogue_md(load(), source_text(), GENERATED.linked_fields())

    def test_the_built_pages_are_the_data(self, built_docs: Path) -> None:
        """The built catalogue holds every record id and the built source every quote."""
        import pages

        built = (built_docs / "records.html").read_text(encoding="utf-8")
        for anchor in pages.record_ids(load()):
            assert f'id="{escape(anchor)}"' in built
        source_page = (built_docs / "source.html").read_text(encoding="utf-8")
        assert pages.source_html(load(), source_text()) in source_page
