"""A Sphinx extension that draws pictures and pages from the code and the data at every build.

* ``_generated/model.svg``: the class diagram of the attrs classes, their fields and
  their references (an id field that names another record type is a reference), laid
  out and drawn to a static SVG by ``diagram.py``, so the page needs no script.
* ``_generated/commitments-by-topic.png`` and ``threats-by-actor.png``: bar charts of
  the bundled data (matplotlib, a docs-only dependency).
* ``_generated/source.html`` and ``records.md``: the annotated source text and the
  record catalogue (``pages.py``).
* ``_generated/changes-since-1.0.0.md``: the dataset card's list of what changed since
  release 1.0.0, written from ``usjapan2024.diff`` of the 1.0.0 file (kept in
  ``tests/data``) and the bundled data.

Because they are made anew at each build, none can disagree with the code or the data;
``tests/test_docs_generated.py`` checks the diagram against the classes and the pages
against the data.
"""

from __future__ import annotations

import collections
import enum
import typing
from pathlib import Path
from typing import Any

import attrs
from diagram import Box, Edge, svg
from pages import write_pages

from usjapan2024 import model

GENERATED = Path(__file__).resolve().parent.parent / "_generated"


def references() -> dict[tuple[str, str], str]:
    """(class, field) -> the class its ids name, from the table loading checks against."""
    from usjapan2024._loading.integrity import REFERENCES

    hints = typing.get_type_hints(model.Meeting)
    name_of = {group: typing.get_args(hints[group])[0].__name__ for group in hints if group in
               {g for g, _ in REFERENCES} | set(REFERENCES.values())}  # fmt: skip
    found = {(name_of[g], f): name_of[target] for (g, f), target in REFERENCES.items()}
    found["Meeting", "host"] = "Party"
    return found


def classes() -> list[type]:
    """The attrs classes of the model, in the order the module defines them."""
    return [getattr(model, n) for n in model.__all__ if attrs.has(getattr(model, n))]


def _type_name(tp: Any) -> str:  # noqa: ANN401
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is tuple:
        return f"tuple[{_type_name(args[0])}]"
    if args and type(None) in args:
        return " | ".join(_type_name(a) for a in args)
    return "None" if tp is type(None) else getattr(tp, "__name__", str(tp))


def _contained(tp: Any) -> list[type]:  # noqa: ANN401
    found = [tp] if attrs.has(tp) else []
    for arg in typing.get_args(tp):
        found += _contained(arg)
    return found


def diagram_parts() -> tuple[list[Box], list[Edge]]:
    """The class diagram's boxes (each class, each field) and arrows, from the classes.

    A field that holds another attrs class is a containment arrow; a field that holds
    ids of other records (``references()``) is a reference arrow, and its line in the
    box names the class the ids name.
    """
    boxes, edges = [], []
    refs = references()
    for cls in classes():
        hints = typing.get_type_hints(cls)
        lines = []
        for field in attrs.fields(cls):
            target = refs.get((cls.__name__, field.name))
            suffix = f" -> {target}" if target is not None else ""
            lines.append(f"{field.name}: {_type_name(hints[field.name])}{suffix}")
            edges += [
                Edge(cls.__name__, inner.__name__, field.name, reference=False)
                for inner in _contained(hints[field.name])
            ]
            if target is not None:
                edges.append(Edge(cls.__name__, target, field.name, reference=True))
        boxes.append(Box(cls.__name__, tuple(lines)))
    return boxes, edges


def class_diagram() -> str:
    """The class diagram as an SVG document."""
    boxes, edges = diagram_parts()
    return svg(boxes, edges, "The classes of usjapan2024.model and their references")


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
    """What the charts show: commitments per topic and threats per actor, from the data."""
    from usjapan2024 import Topic, load

    meeting = load()
    topics = collections.Counter(c.topic for c in meeting.commitments)
    actors = collections.Counter(
        t.actor.value if isinstance(t.actor, enum.Enum) else "(none named)" for t in meeting.threats
    )
    return {
        "commitments-by-topic": {t.value: topics[t] for t in Topic if topics[t]},
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


RELEASE_1_0_0 = Path(__file__).resolve().parents[2] / "tests" / "data" / "usjapan2024-1.0.0.json"


def changes_since_1_0_0() -> str:
    """Markdown for the dataset card: the record-level diff of 1.0.0 and the bundled data."""
    import usjapan2024 as uj
    from usjapan2024._model.kinds import kind_of, record_id

    changes = uj.diff(uj.load(RELEASE_1_0_0), uj.load())
    count = (
        f"{len(changes.added)} records added, {len(changes.removed)} removed,"
        f" {len(changes.retired)} retired and {len(changes.changed)} changed"
    )
    lines = [f"From `usjapan2024 diff` of the 1.0.0 file and this release: {count}.", ""]
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


def _generate(_: object) -> None:
    GENERATED.mkdir(exist_ok=True)
    _write(GENERATED / "model.svg", class_diagram())
    _write(GENERATED / "changes-since-1.0.0.md", changes_since_1_0_0())
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
