"""The pictures the docs draw from the code and the data agree with them."""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from html import escape
from pathlib import Path
from types import ModuleType

import attrs
import pytest

from usjapan2024 import Actor, load, model, source_text
from usjapan2024._loading.integrity import REFERENCES
from usjapan2024._model.fields import fields_of
from usjapan2024._model.kinds import CLASS_OF, KINDS

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
CONTENT_WIDTH = 736  # px: the content column of the docs' theme (furo) at a 1280 px window


def _drawings() -> dict[str, ET.Element]:
    return {
        key: ET.fromstring(text)  # noqa: S314  (our own output)
        for key, text in GENERATED.class_diagrams().items()
    }


def _boxes() -> dict[str, tuple[str, ET.Element]]:
    """Each class drawn: the drawing it is in, and its box."""
    found: dict[str, tuple[str, ET.Element]] = {}
    for key, root in _drawings().items():
        for box in root.findall(f"{SVG}g[@class='class']"):
            name = box.get("data-name", "")
            assert name not in found, f"{name} is drawn twice"
            assert box.get("id") == f"class-{name}"
            found[name] = key, box
    return found


def _line(text: ET.Element) -> str:
    return "".join(text.itertext())


def _drawn(kind: str) -> set[tuple[str | None, str | None, str | None]]:
    """Every (class, class, field) drawn as a ``kind`` arrow, or as a link to a box elsewhere."""
    found = set()
    boxes = _boxes()
    for key, root in _drawings().items():
        for g in root.findall(f"{SVG}g[@class='edge {kind}']"):
            edge = (g.get("data-source"), g.get("data-target"), g.get("data-field"))
            assert boxes[str(edge[0])][0] == boxes[str(edge[1])][0] == key, edge
            found.add(edge)
    for name, (key, box) in boxes.items():
        for text in box.findall(f"{SVG}text[@class='field']"):
            for link in text.findall(f"{SVG}a[@class='{kind}']"):
                edge = (link.get("data-source"), link.get("data-target"), link.get("data-field"))
                assert edge[0] == name
                assert _line(text).startswith(f"{edge[2]}: ")
                assert link.get("href") == f"#class-{edge[1]}"
                assert boxes[str(edge[1])][0] != key, f"{edge}: an arrow, not a link"
                found.add(edge)
    return found


class TestDiagram:
    def test_every_class_is_drawn_once(self) -> None:
        """Each attrs class of the model has one box, in one of the drawings."""
        assert sorted(_boxes()) == sorted(cls.__name__ for cls in CLASSES)

    def test_the_drawings_are_the_layers(self) -> None:
        """The meeting and every kind of record in one drawing; the values in another."""
        boxes = _boxes()
        records = {"Meeting", *(kind.cls.__name__ for kind in KINDS)}
        assert {name for name, (key, _) in boxes.items() if key == "records"} == records
        assert {name for name, (key, _) in boxes.items() if key == "values"} == (
            {cls.__name__ for cls in CLASSES} - records
        )

    def test_every_field_is_drawn_in_order(self) -> None:
        """Each box has exactly its class's fields, in order, each saying what it holds."""
        boxes = _boxes()
        for cls in CLASSES:
            lines = [_line(t) for t in boxes[cls.__name__][1].findall(f"{SVG}text[@class='field']")]
            assert [line.split(":")[0] for line in lines] == [f.name for f in fields_of(cls)]
            for field, line in zip(fields_of(cls), lines, strict=True):
                kind = line.split(": ", 1)[1]
                assert kind.startswith("tuple[") == field.many, line
                assert ("| None" in kind) == field.optional, line
                if field.nested is not None:
                    assert field.nested.__name__ in kind, line
                if field.refers_to == "records":
                    assert kind.endswith("-> any record"), line
                elif field.refers_to is not None:
                    assert kind.endswith(f"-> {CLASS_OF[field.refers_to].__name__}"), line

    def test_every_containment_is_drawn(self) -> None:
        """A field holding another class is a solid arrow to it, or a link to it elsewhere."""
        wanted = {
            (cls.__name__, f.nested.__name__, f.name)
            for cls in CLASSES
            for f in fields_of(cls)
            if f.nested is not None
        }
        assert _drawn("contains") == wanted

    def test_every_reference_is_drawn(self) -> None:
        """Each field that names records of one kind is a dashed arrow to their class."""
        wanted = {
            (cls.__name__, CLASS_OF[f.refers_to].__name__, f.name)
            for cls in CLASSES
            for f in fields_of(cls)
            if f.refers_to is not None and f.refers_to != "records"
        }
        assert _drawn("refers") == wanted
        assert {(c, t, f) for (c, f), t in GENERATED.references().items()} == wanted
        kinds = {kind.cls.__name__: kind.group for kind in KINDS}
        assert {(kinds[c], f) for c, _, f in wanted if c in kinds} == set(REFERENCES)

    def test_every_drawing_fits_the_page(self) -> None:
        """Each drawing is no wider than the page's content, so it shows at its natural size."""
        for key, root in _drawings().items():
            width = float(root.get("width", "inf"))
            assert width <= CONTENT_WIDTH, key
            assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"

    def test_ids_are_unique_on_the_page(self) -> None:
        """The drawings share a page, inline: no id may be used twice."""
        ids = [e.get("id") for root in _drawings().values() for e in root.iter() if e.get("id")]
        assert len(ids) == len(set(ids))

    def test_arrows_point_down_and_boxes_do_not_overlap(self) -> None:
        """The layout keeps every box apart, so every name and field can be read."""
        for root in _drawings().values():
            rects = []
            for box in root.findall(f"{SVG}g[@class='class']"):
                rect = box.find(f"{SVG}rect")
                assert rect is not None
                x, y, w, h = (float(rect.get(k, "0")) for k in ("x", "y", "width", "height"))
                assert x >= 0
                assert x + w <= float(root.get("width", "0"))
                rects.append((x, y, x + w, y + h))
            for i, a in enumerate(rects):
                for b in rects[i + 1 :]:
                    assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]

    def test_the_drawing_is_deterministic(self) -> None:
        """The same classes give the same bytes, so rebuilds do not churn."""
        assert GENERATED.class_diagrams() == GENERATED.class_diagrams()

    def test_every_actor_field_is_a_checked_reference(self) -> None:
        """A field typed with Actor must name a party: loading must check it.

        Add such a field without ``refers_to="parties"`` in its ``about()`` and this fails.
        """
        kinds = {kind.cls: kind.group for kind in KINDS}
        for cls in CLASSES:
            if cls is model.Party:
                continue  # its id is the Actor
            for field in fields_of(cls):
                if field.vocabulary is Actor:
                    assert field.refers_to == "parties", f"{cls.__name__}.{field.name}"
                    if cls in kinds:
                        assert REFERENCES.get((kinds[cls], field.name)) == "parties"


class TestCharts:
    def test_chart_data_is_the_data(self) -> None:
        """The charts count every commitment and every threat once."""
        data = GENERATED.chart_data()
        assert sum(data["commitments-by-topic"].values()) == len(load().commitments)
        assert sum(data["threats-by-actor"].values()) == len(load().threats)
        assert data["threats-by-actor"][Actor.KP.label] == 2
        assert "Women, peace and security" in data["commitments-by-topic"]  # labels, not slugs

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


class TestNotebookDisplays:
    """The tutorial shows the notebook's own displays, drawn at build, with no other host."""

    def test_they_are_the_package_s_own_displays(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The card is Hamada's, erratum and corrected value included; the table marks rows."""
        from usjapan2024 import corrected, get, threats
        from usjapan2024._presenting.display import html_table, record_html

        shown = _generated().notebook_displays()
        monkeypatch.setenv("USJAPAN2024_DOCS_URL", "")  # as the build draws them
        card, table = shown["record-card.html"], shown["results-table.html"]
        assert card == record_html(get("official.hamada"))
        assert table == html_table(threats(actor="RU", meeting=corrected()), meeting=corrected())
        assert "Minoru Kihara" in card
        assert "erratum.defense-minister" in card
        assert table.count('title="errata: ') == 2
        for html in (card, table):
            assert "href=" not in html  # drawn with no docs address: no absolute link

    def test_the_built_tutorial_holds_them(self, built_docs: Path) -> None:
        """The built tutorial page holds both displays, whole."""
        page = (built_docs / "tutorial.html").read_text(encoding="utf-8")
        for shown in _generated().notebook_displays().values():
            assert shown in page
