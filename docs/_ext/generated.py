"""A Sphinx extension that draws pictures and pages from the code and the data at every build.

* ``_generated/model-records.svg`` and ``model-values.svg``: the class diagrams of the
  model, one per layer (the meeting and its kinds of record with their id references;
  the value types they share), read from the reflection layer
  (``usjapan2024._model.fields``) and laid out and drawn to static SVG by
  ``diagram.py``, each narrow enough to show at its natural size; the page holds them
  inline, so it needs no script and its text can be measured (``tests/test_browser.py``).
* ``_generated/commitments-by-topic.png`` and ``threats-by-actor.png``: bar charts of
  the bundled data (matplotlib, a docs-only dependency).
* ``_generated/source.html`` and ``records.md``: the annotated source text and the
  record catalogue (``pages.py``).
* ``_generated/record-card.html`` and ``results-table.html``: what a notebook shows for
  a record (``official.hamada``, with its erratum) and for a query result (the threats
  by Russia in the corrected view), drawn by the package's own notebook displays, with
  no link to another host.
* ``_generated/dataset-jsonld.html``: the dataset card's schema.org ``Dataset``, for
  dataset search engines, made from the description every export is made from
  (``usjapan2024._tables.catalogue.schema_org``).
* ``_generated/changes-since-<release>.md``: the dataset card's list of what changed since
  each release, written from ``usjapan2024.diff`` of that release's file (shipped in
  the package: ``usjapan2024.releases()``) and the bundled data.

Because they are made anew at each build, none can disagree with the code or the data;
``tests/test_docs_generated.py`` checks the diagrams against the model and the pages
against the data.
"""

from __future__ import annotations

import collections
from pathlib import Path
from typing import Any

import attrs
from diagram import Box, Edge, Line, svg
from pages import write_pages

import usjapan2024
from usjapan2024 import model
from usjapan2024._model.fields import FieldInfo, fields_of
from usjapan2024._model.kinds import CLASS_OF, KINDS
from usjapan2024._presenting.links import ENVIRONMENT_VARIABLE

GENERATED = Path(__file__).resolve().parent.parent / "_generated"


ROOM = 560.0
"""The most the boxes of one layer of a drawing may take side by side, in px: with the
arrows between them, each drawing stays within the content width of the docs' theme
(736 px at a 1280 px window), so it shows at its natural size, its text at 12 px."""


@attrs.frozen
class Drawing:
    """One class diagram of the data-model page: a layer of the model.

    Attributes:
        key: The file's name (``model-<key>.svg``) and the prefix of its own ids.
        title: What it shows, for its ``<title>`` and screen readers.
        classes: The classes it draws, in order.
        legend: The lines of text above its boxes.
    """

    key: str
    title: str
    classes: tuple[type, ...]
    legend: tuple[str, ...]


def classes() -> list[type]:
    """Every class of the model: the meeting and each class its fields hold, found in turn."""
    found: list[type] = [model.Meeting]
    for cls in found:  # grows as it goes: breadth first
        found += [f.nested for f in fields_of(cls) if f.nested and f.nested not in found]
    return found


def drawings() -> tuple[Drawing, ...]:
    """The model's layers: the meeting and its kinds of record, then the values they share."""
    records = (model.Meeting, *(kind.cls for kind in KINDS))
    return (
        Drawing(
            "records",
            "The meeting and its kinds of record: what it holds and which ids they name",
            records,
            (
                "solid arrow: holds records of that kind",
                "dashed arrow: names records by id (checked on loading)",
                "underlined: a value type, drawn in the next diagram",
            ),
        ),
        Drawing(
            "values",
            "The value types the records share",
            tuple(cls for cls in classes() if cls not in records),
            ("solid arrow: holds values of that type",),
        ),
    )


def references() -> dict[tuple[str, str], str]:
    """(class, field) -> the class whose ids the field holds, as the fields declare it."""
    return {
        (cls.__name__, f.name): CLASS_OF[f.refers_to].__name__
        for cls in classes()
        for f in fields_of(cls)
        if f.refers_to is not None and f.refers_to != ANY_RECORD
    }


ANY_RECORD = "records"
"""What ``refers_to`` says of a field that names a record of any kind."""


def _type_name(field: FieldInfo) -> str:
    name = getattr(field.base, "__name__", str(field.base))
    name = f"tuple[{name}]" if field.many else name
    return f"{name} | None" if field.optional else name


def _named(field: FieldInfo) -> str | None:
    """The class whose ids ``field`` holds, ``"any record"``, or ``None``."""
    if field.refers_to is None:
        return None
    return "any record" if field.refers_to == ANY_RECORD else CLASS_OF[field.refers_to].__name__


def diagram_parts(drawing: Drawing) -> tuple[list[Box], list[Edge]]:
    """One drawing's boxes (each class, each field) and arrows, from the reflection layer.

    A field that holds another class of the drawing is a containment arrow; a field that
    holds ids of records of a class of the drawing is a reference arrow, and its line
    names the class.  A class drawn in another drawing is named on the line as a link to
    its box there.
    """
    here = {cls.__name__ for cls in drawing.classes}
    boxes, edges = [], []
    for cls in drawing.classes:
        lines = []
        for field in fields_of(cls):
            named = _named(field)
            text = f"{field.name}: {_type_name(field)}" + (f" -> {named}" if named else "")
            elsewhere, reference = None, False
            if field.nested is not None:
                if field.nested.__name__ in here:
                    edges.append(
                        Edge(cls.__name__, field.nested.__name__, field.name, reference=False)
                    )
                else:
                    elsewhere = field.nested.__name__
            if named is not None and named != "any record":
                if named in here:
                    edges.append(Edge(cls.__name__, named, field.name, reference=True))
                else:
                    elsewhere, reference = named, True
            lines.append(Line(text, elsewhere, reference))
        boxes.append(Box(cls.__name__, tuple(lines)))
    return boxes, edges


def class_diagrams() -> dict[str, str]:
    """Each drawing's SVG document, by its key."""
    return {
        drawing.key: svg(
            *diagram_parts(drawing),
            drawing.title,
            key=drawing.key,
            room=ROOM,
            legend=drawing.legend,
        )
        for drawing in drawings()
    }


def _bar_chart(counts: dict[str, int], title: str, path: Path) -> None:
    import matplotlib as mpl

    mpl.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import MaxNLocator

    labels = list(counts)
    figure, axes = plt.subplots(figsize=(7, 0.35 * len(labels) + 1))
    axes.barh(labels[::-1], [counts[k] for k in labels][::-1], color="#3b6ea5")
    axes.set_title(title)
    axes.set_xlabel("records")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    figure.tight_layout()
    figure.savefig(path, dpi=100, metadata={"Software": None})
    plt.close(figure)


def chart_data() -> dict[str, dict[str, int]]:
    """What the charts show: commitments per topic and threats per actor, from the data.

    Bars are named by the vocabularies' labels for people ("Women, peace and security",
    "North Korea"), not by their values.
    """
    from usjapan2024 import Topic, load

    meeting = load()
    topics = collections.Counter(c.topic for c in meeting.commitments)
    actors = collections.Counter(
        t.actor.label if t.actor is not None else "(none named)" for t in meeting.threats
    )
    return {
        "commitments-by-topic": {t.label: topics[t] for t in Topic if topics[t]},
        "threats-by-actor": dict(actors.most_common()),
    }


def charts(folder: Path = GENERATED) -> list[Path]:
    """Draw the charts of the bundled data into ``folder``; return their paths."""
    titles = {
        "commitments-by-topic": "Commitments by topic",
        "threats-by-actor": "Threats by actor",
    }
    paths = []
    for name, counts in chart_data().items():
        paths.append(folder / f"{name}.png")
        _bar_chart(counts, titles[name], paths[-1])
    return paths


def changes_since(release: str) -> str:
    """Markdown for the dataset card: the record-level diff of ``release`` and the bundled data.

    ``release``'s file is the one the package ships (``usjapan2024.releases()``).
    """
    import usjapan2024 as uj
    from usjapan2024._model.kinds import kind_of, record_id

    changes = uj.diff(release, uj.load())
    count = (
        f"{len(changes.added)} records added, {len(changes.removed)} removed,"
        f" {len(changes.retired)} retired and {len(changes.changed)} changed"
    )
    lines = [f"From `usjapan2024 diff` of the {release} file and this data: {count}.", ""]
    if changes.retired:
        lines += ["Retired (the id is listed in the file's `retired` list):", ""]
        lines += [
            f"- `{r.retired.id}`, replaced by {', '.join(f'`{i}`' for i in r.retired.replaced_by)}:"
            f" {r.retired.reason}"
            for r in changes.retired
        ]
        lines.append("")
    if changes.added:
        lines += ["Added:", ""]
        lines += [f"- `{record_id(r)}`: {getattr(r, kind_of(r).text)}" for r in changes.added]
        lines.append("")
    if changes.changed:
        lines += ["Changed (the fields that differ):", ""]
        lines += [f"- `{c.id}`: {', '.join(f.field for f in c.fields)}" for c in changes.changed]
        lines.append("")
    if changes.meeting:
        fields = ", ".join(f"`{f.field}`" for f in changes.meeting)
        lines += [f"The meeting itself: {fields}.", ""]
    return "\n".join(lines)


def notebook_displays() -> dict[str, str]:
    """The HTML a notebook shows for a record card and a result table, by file name.

    Drawn with no documentation address, so that the page holds no absolute link (the
    card's catalogue link would point at the published docs, not this build).
    """
    import os

    import usjapan2024 as uj

    saved = os.environ.get(ENVIRONMENT_VARIABLE)
    os.environ[ENVIRONMENT_VARIABLE] = ""
    try:
        view = uj.corrected()
        return {
            "record-card.html": uj.get("official.hamada")._repr_html_(),
            "results-table.html": uj.threats(actor="RU", meeting=view)._repr_html_(),
        }
    finally:
        if saved is None:
            del os.environ[ENVIRONMENT_VARIABLE]
        else:
            os.environ[ENVIRONMENT_VARIABLE] = saved


def dataset_json_ld() -> str:
    """The dataset card's ``<script type="application/ld+json">``: schema.org's ``Dataset``.

    The bundled data's, as every export describes it.  ``<`` is escaped, so no text of
    the data can close the script early.
    """
    import json

    import usjapan2024 as uj
    from usjapan2024._tables.catalogue import schema_org
    from usjapan2024._tables.describe import describe

    block = json.dumps(schema_org(describe(uj.load())), indent=2)
    block = block.replace("<", "\\u003c")
    return f'<script type="application/ld+json">\n{block}\n</script>\n'


def _generate(_: object) -> None:
    GENERATED.mkdir(exist_ok=True)
    _write(GENERATED / "dataset-jsonld.html", dataset_json_ld())
    for key, drawing in class_diagrams().items():
        _write(GENERATED / f"model-{key}.svg", drawing)
    for release in usjapan2024.releases():
        _write(GENERATED / f"changes-since-{release.version}.md", changes_since(release.version))
    for name, shown in notebook_displays().items():
        _write(GENERATED / name, f'<div class="notebook-display">{shown}</div>\n')
    charts()
    write_pages(GENERATED, linked_fields())


def linked_fields() -> set[tuple[str, str]]:
    """(class, field) of every field holding ids that the catalogue links to their records."""
    return {*references(), ("Erratum", "target")}


def _write(path: Path, text: str) -> None:
    """Write ``text`` unless the file holds it already (so Sphinx rereads only what changed)."""
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:  # noqa: ANN401
    """Register the generator to run before Sphinx reads any page."""
    app.connect("builder-inited", _generate)
    return {"parallel_read_safe": True, "version": "1"}
