"""The annotated source and the record catalogue, made from the data at every docs build.

* ``source_html``: the whole source text, line by line.  Each stretch of text that a
  record cites is a ``<mark>`` naming its spans and records, and each span ends with
  links to the catalogue entries of the records that cite it; a stretch that an erratum
  concerns is also marked ``erratum``; the lines that are not the communiqué are shown
  struck through, with their reason.
* ``catalogue_md``: one entry per record (and one for the meeting), whose HTML anchor is
  the record's id, with its fields, its quotes in their sentences, the errata on it with
  their references, and links to its spans in the annotated source.

Both are plain HTML that reads without JavaScript; ``_static/viewer.js`` adds hover
and filtering.  Anchors come from ``usjapan2024._presenting.links`` and sentences from
``usjapan2024._presenting.context``, so the command line, the notebook and these pages agree.
"""

from __future__ import annotations

import enum
import html
import itertools
from collections.abc import Iterator
from pathlib import Path

import attrs

from usjapan2024 import load, source_text
from usjapan2024._model.kinds import KINDS, record_id
from usjapan2024._presenting.context import in_context
from usjapan2024._presenting.links import CATALOGUE, SOURCE, record_anchor, span_anchor
from usjapan2024._tables.flat import flatten
from usjapan2024.model import Erratum, Meeting, Record, Span

__all__ = ["Citation", "catalogue_md", "citations", "record_ids", "source_html", "write_pages"]

MEETING = "meeting"  # the group name and anchor of the meeting's own entry
_HIDDEN = {"id", "spans", "quotes", "references", "schema_version", "retired"}


@attrs.frozen
class Citation:
    """One span as one record cites it."""

    span: Span
    anchor: str
    group: str
    erratum: bool


def _entries(meeting: Meeting) -> Iterator[tuple[str, Record | Meeting]]:
    """(group, record) for the meeting, then every record in the order of ``KINDS``."""
    yield MEETING, meeting
    for kind in KINDS:
        for record in getattr(meeting, kind.group):
            yield kind.group, record


def citations(meeting: Meeting) -> list[Citation]:
    """Every span of every record, with the anchor of the record that cites it."""
    return [
        Citation(span, record_anchor(record), group, isinstance(record, Erratum))
        for group, record in _entries(meeting)
        for span in record.sources
    ]


def _e(value: object) -> str:
    return html.escape(str(value))


def _record_link(anchor: str, page: str = "") -> str:
    return f'<a class="uj-ref" href="{page}#{_e(anchor)}">{_e(anchor)}</a>'


def source_html(meeting: Meeting, text: str) -> str:
    """The annotated source text, as an HTML fragment."""
    cited = citations(meeting)
    excluded = {e.span.start: e for e in meeting.metadata.source.excluded}
    parts = ['<div class="uj-source" id="uj-source">']
    line_start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line_end = line_start + len(line)
        exclusion = excluded.get(line_start)
        if exclusion is not None and exclusion.span.end == line_end:
            reason = exclusion.reason.value.replace("-", " ")
            parts.append(
                f'<p class="uj-line uj-excluded" id="line-{number}" data-reason="'
                f'{_e(exclusion.reason.value)}"><span class="uj-reason">[not part of the'
                f" communiqué: {_e(reason)}]</span> <s>{_e(line)}</s></p>"
            )
        elif line:
            inner = _annotate(text, line_start, line_end, cited)
            parts.append(f'<p class="uj-line" id="line-{number}">{inner}</p>')
        line_start = line_end + 1
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def _annotate(text: str, start: int, end: int, cited: list[Citation]) -> str:
    """One line of the text, cut at every span boundary, each cited stretch marked."""
    here = [c for c in cited if c.span.start < end and c.span.end > start]
    cuts = sorted({start, end, *(c.span.start for c in here), *(c.span.end for c in here)})
    cuts = [cut for cut in cuts if start <= cut <= end]
    out: list[str] = []
    opened: set[str] = set()
    for a, b in itertools.pairwise(cuts):
        for c in here:
            key = span_anchor(c.span)
            if c.span.start == a and key not in opened:
                opened.add(key)
                out.append(f'<span class="uj-anchor" id="{key}"></span>')
        covering = [c for c in here if c.span.start <= a and c.span.end >= b]
        words = _e(text[a:b])
        if covering:
            spans = sorted({f"{c.span.start}-{c.span.end}" for c in covering})
            records = list(dict.fromkeys(c.anchor for c in covering))
            groups = sorted({c.group for c in covering})
            erratum = any(c.erratum for c in covering)
            classes = ["uj-erratum"] * erratum + ["uj-multi"] * (len(records) > 1)
            css = f' class="{" ".join(classes)}"' if classes else ""
            out.append(
                f'<mark{css} data-spans="{" ".join(spans)}" data-records="{_e(" ".join(records))}"'
                f' data-kinds="{" ".join(groups)}" title="cited by {_e(", ".join(records))}">'
                f"{words}</mark>"
            )
        else:
            out.append(words)
        ending = list(dict.fromkeys(c.anchor for c in here if c.span.end == b))
        if ending:
            links = " ".join(_record_link(anchor, CATALOGUE) for anchor in ending)
            out.append(f'<sup class="uj-cites">{links}</sup>')
    return "".join(out)


def _value_html(record: Record | Meeting, name: str, flat: object, linked: set[str]) -> str:
    """A field's value; ids of other records are links to their entries."""
    if name not in linked:
        return _e(flat)
    value = getattr(record, name)
    values = value if isinstance(value, tuple) else (value,)
    return " ".join(
        _record_link(v.value if isinstance(v, enum.Enum) else str(v)) for v in values if v
    )


def _entry(
    group: str,
    record: Record | Meeting,
    text: str,
    errata: list[Erratum],
    linked: set[tuple[str, str]],
) -> str:
    anchor = record_anchor(record)
    name = type(record).__name__
    fields_linked = {f for c, f in linked if c == name}
    rows = "".join(
        f"<dt>{_e(key)}</dt><dd>{_value_html(record, key, value, fields_linked)}</dd>"
        for key, value in flatten(record).items()
        if key not in _HIDDEN and key not in {k.group for k in KINDS} and value not in (None, "")
    )
    quotes = "".join(
        f"<li><blockquote>{quote.html()}</blockquote>"
        f'<a class="uj-to-source" href="{SOURCE}#{span_anchor(quote.span)}">see it in the'
        f" source (characters {quote.span.start}&ndash;{quote.span.end})</a></li>"
        for quote in in_context(record, text=text)
    )
    parts = [
        f'<section class="uj-record" id="{_e(anchor)}" data-kind="{group}">',
        (
            f'<h3><code>{_e(anchor)}</code> <small>{name}</small> <a class="headerlink"'
            f' href="#{_e(anchor)}" title="Link to this record">#</a></h3>'
        ),
        f'<dl class="uj-fields">{rows}</dl>',
    ]
    if isinstance(record, Erratum):
        parts.append(_references(record))
    parts.append(f'<p class="uj-label">Quotes in their sentences:</p><ol>{quotes}</ol>')
    parts.extend(
        f'<div class="uj-erratum-note"><p><strong>{_e(erratum.kind.value.capitalize())}'
        f"</strong> of <code>{_e(erratum.field)}</code> ({_record_link(erratum.id)}):"
        f" the text says &ldquo;{_e(erratum.text_says)}&rdquo;; the public record: "
        f"{_e(erratum.record_says)}</p>{_references(erratum)}</div>"
        for erratum in errata
    )
    parts.append("</section>")
    return "".join(parts)


def _references(erratum: Erratum) -> str:
    items = []
    for ref in erratum.references:
        title = _e(ref.title)
        if ref.url is not None:
            title = f'<a href="{_e(ref.url)}">{title}</a>'
        details = [_e(x) for x in (ref.publisher, ref.date, ref.role and ref.role.value) if x]
        items.append(f"<li>{title}{', ' if details else ''}{', '.join(details)}</li>")
    return f'<p class="uj-label">Sources:</p><ul class="uj-references">{"".join(items)}</ul>'


def catalogue_md(meeting: Meeting, text: str, linked: set[tuple[str, str]]) -> str:
    """The record catalogue as MyST Markdown: a heading per kind, an entry per record.

    Args:
        meeting: The dataset.
        text: Its source text.
        linked: (class name, field) of every field that holds ids of other records.
    """
    on: dict[str, list[Erratum]] = {}
    for erratum in meeting.errata:
        on.setdefault(erratum.target, []).append(erratum)
    sections: dict[str, list[str]] = {}
    for group, record in _entries(meeting):
        anchor = record_anchor(record)
        entry = _entry(group, record, text, on.get(anchor, []), linked)
        sections.setdefault(group, []).append(entry)
    out = []
    for group, entries in sections.items():
        out += [f"## {group.capitalize()}", "", "````{raw} html", *entries, "````", ""]
    return "\n".join(out)


def record_ids(meeting: Meeting) -> list[str]:
    """Every anchor the catalogue must have: the meeting's, and each record's id."""
    return [MEETING, *(record_id(r) for kind in KINDS for r in getattr(meeting, kind.group))]


def write_pages(folder: Path, linked: set[tuple[str, str]]) -> list[Path]:
    """Write the annotated source and the catalogue of the bundled data into ``folder``."""
    meeting, text = load(), source_text()
    pages = {
        folder / "source.html": source_html(meeting, text),
        folder / "records.md": catalogue_md(meeting, text, linked),
    }
    for path, content in pages.items():
        if not path.exists() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
    return list(pages)
