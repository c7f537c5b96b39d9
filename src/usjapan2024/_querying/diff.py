"""What changed between two releases of the dataset, record by record.

A data changelog has to say which records came and went and which fields of which
records changed, and a reviewer of a recoding wants the same list before merging it.
:func:`diff` computes it from two loaded meetings, comparing field values exactly as
the records hold them (tuples of spans, enums, references by id), so two meetings
that compare equal have an empty diff and any other pair does not.

Records are matched by kind and id, the kinds walked from ``_records.KINDS``: a record
whose id moved to another kind is removed from one and added to the other.  A record
that left and whose id the new meeting lists as retired is reported as retired, with
what replaced it, rather than as removed.  Everything else the meeting holds (its
name, date, metadata, list of retired ids, ...) is compared field by field, nested
objects by dotted path (``metadata.version``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from usjapan2024._model.fields import fields_of
from usjapan2024._model.kinds import KINDS, kind_of, record_groups, record_id
from usjapan2024._presenting.display import _fit
from usjapan2024._presenting.terminal import escape
from usjapan2024._tables.flat import JOIN, _scalar_text
from usjapan2024.model import Meeting, Record, Retired, Span, _Shown

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CHANGES",
    "ChangeRow",
    "DatasetDiff",
    "FieldChange",
    "RecordChange",
    "RetiredRecord",
    "change_rows",
    "counts_line",
    "diff",
    "render",
]

_QUOTE = 40  # the longest quote a rendered span shows whole
_INDENT = "    "
_SHORT = 5  # the most entries of a group that ``str()`` lists
ChangeRow = tuple[str, str | None, str | None, str | None, str | None, str | None]
"""A row of :meth:`DatasetDiff.to_frame`: change, kind, id, field, old and new."""
CHANGES = ("meeting", "added", "removed", "retired", "changed")
"""The kinds of change, in the order every display of a diff lists them."""


@attrs.frozen
class FieldChange:
    """One field whose value differs.

    Attributes:
        field: The field's name; a dotted path for a field of a nested object of the
            meeting (``metadata.version``, ``metadata.source.sha256``).
        old: The value in the old meeting, as the record holds it.
        new: The value in the new meeting.
    """

    field: str
    old: object
    new: object


@attrs.frozen
class RecordChange:
    """A record that both meetings hold under the same kind and id, with its changes.

    Attributes:
        kind: The record's kind, as its :class:`~usjapan2024.Meeting` field is named
            (``"commitments"``).
        id: The record's id (a party's is its actor's value).
        fields: Each field that differs, in the order the record class declares them.
    """

    kind: str
    id: str
    fields: tuple[FieldChange, ...]


@attrs.frozen
class RetiredRecord:
    """A record of the old meeting whose id the new meeting retired.

    Attributes:
        record: The record as the old meeting held it.
        retired: The new meeting's entry for its id: what replaced it, since when, why.
    """

    record: Record
    retired: Retired


@attrs.frozen(repr=False)
class DatasetDiff(_Shown):
    """The differences between two meetings; empty (and false) when they are equal.

    Every group is in a fixed order, so two runs give the same output: kinds in the
    order of the dataset file, and records in the order of the new file (the old one
    for records it alone holds).

    It shows itself briefly: ``repr`` is one line of counts, ``print`` (``str``) a
    short summary naming the first records of each group, and a notebook an HTML table
    of every change; :meth:`to_text` gives every value, :meth:`to_frame` one row per
    change, :meth:`to_json` all of it as data.

    >>> from usjapan2024 import diff
    >>> diff("1.0.0", "1.1.0")
    <DatasetDiff: 22 added, 0 removed, 1 retired, 38 changed; 3 meeting fields changed>

    Attributes:
        added: Records only the new meeting holds.
        removed: Records only the old meeting holds, whose ids it does not retire.
        retired: Records only the old meeting holds, whose ids the new one retires.
        changed: Records both hold whose fields differ.
        meeting: The meeting's own fields that differ, metadata included.
    """

    added: tuple[Record, ...] = ()
    removed: tuple[Record, ...] = ()
    retired: tuple[RetiredRecord, ...] = ()
    changed: tuple[RecordChange, ...] = ()
    meeting: tuple[FieldChange, ...] = ()

    def is_empty(self) -> bool:
        """Whether the two meetings are equal (nothing added, removed, retired or changed)."""
        return not (self.added or self.removed or self.retired or self.changed or self.meeting)

    def __bool__(self) -> bool:
        """True when the meetings differ, so ``if diff(old, new):`` reads as it means."""
        return not self.is_empty()

    def __repr__(self) -> str:
        """One line of counts: a diff of two releases holds whole records, screens of them."""
        if self.is_empty():
            return "<DatasetDiff: no differences>"
        return f"<DatasetDiff: {counts_line(self)}>"

    def __str__(self) -> str:
        """A short summary: the counts, then the first few records of each group.

        Each line fits 80 characters; :meth:`to_text` shows every record and value.
        """
        if self.is_empty():
            return "(no differences)"
        lines = [counts_line(self)]
        for change, entries in self._entries():
            lines.append(f"{change}:")
            lines += [f"  {entry}" for entry in entries[:_SHORT]]
            if len(entries) > _SHORT:
                lines.append(f"  … and {len(entries) - _SHORT} more")
        lines.append("(every value: .to_text(); one row per change: .to_frame())")
        return "\n".join(_fit(line, 80) for line in lines)

    def _entries(self) -> Iterator[tuple[str, list[str]]]:
        """Each non-empty group, with one short line per record (or meeting field)."""
        groups = {
            "meeting": [change.field for change in self.meeting],
            "added": [f"{kind_of(r).group}  {escape(str(record_id(r)))}" for r in self.added],
            "removed": [f"{kind_of(r).group}  {escape(str(record_id(r)))}" for r in self.removed],
            "retired": [
                f"{kind_of(r.record).group}  {escape(r.retired.id)}  replaced by"
                f" {escape(', '.join(r.retired.replaced_by))}"
                for r in self.retired
            ],
            "changed": [
                f"{c.kind}  {escape(c.id)}  ({', '.join(f.field for f in c.fields)})"
                for c in self.changed
            ],
        }
        for change in CHANGES:
            if groups[change]:
                yield change, groups[change]

    def to_frame(self) -> pd.DataFrame:
        """One row per change, as a pandas DataFrame (needs ``usjapan2024[pandas]``).

        The columns: ``change`` (``meeting``, ``added``, ``removed``, ``retired`` or
        ``changed``, a category), ``kind`` (the record's group, a category; missing for
        the meeting's own fields), ``id``, ``field`` (for a changed record or meeting
        field: one row per field that differs; missing for a whole record), and ``old``
        and ``new``, the values as :func:`render` writes them on one line: for a whole
        record its text (``new`` for one added, ``old`` for one removed or retired), and
        for a retired record ``new`` holds the ids that replaced it, joined with
        ``"; "``.  Rows come in the order of :meth:`to_text`.
        """
        from usjapan2024._tables.flat import as_frame, pandas

        pd = pandas()
        rows = list(change_rows(self))
        columns = ("change", "kind", "id", "field", "old", "new")
        frame = pd.DataFrame.from_records(rows, columns=columns)
        dtypes = {
            "change": pd.CategoricalDtype(CHANGES),
            "kind": pd.CategoricalDtype([kind.group for kind in KINDS]),
        }
        for name in columns:
            frame[name] = frame[name].astype(dtypes.get(name, "string"))
        return as_frame(frame)

    def to_json(self) -> dict[str, Any]:
        """Return the diff as JSON-ready data: dicts, lists, strings, numbers and ``None``.

        Values are written as the dataset file writes them (enums by value, dates in
        ISO 8601, spans as objects), and added, removed and retired records whole, so
        a changelog can be written from this alone.  The shape is documented in
        ``docs/cli.md`` ("Comparing two releases").
        """
        from usjapan2024._loading.converter import converter

        unstructure = converter().unstructure

        def entry(record: Record) -> dict[str, Any]:
            return {"kind": kind_of(record).group, "id": record_id(record)}

        def changes(fields: tuple[FieldChange, ...]) -> list[dict[str, Any]]:
            return [
                {"field": c.field, "old": unstructure(c.old), "new": unstructure(c.new)}
                for c in fields
            ]

        return {
            "equal": self.is_empty(),
            "meeting": changes(self.meeting),
            "added": [{**entry(r), "record": unstructure(r)} for r in self.added],
            "removed": [{**entry(r), "record": unstructure(r)} for r in self.removed],
            "retired": [
                {
                    **entry(r.record),
                    "replaced_by": list(r.retired.replaced_by),
                    "since": r.retired.since,
                    "reason": r.retired.reason,
                    "record": unstructure(r.record),
                }
                for r in self.retired
            ],
            "changed": [
                {"kind": c.kind, "id": c.id, "fields": changes(c.fields)} for c in self.changed
            ],
        }

    def to_text(self, width: int = 80) -> str:
        """Return the diff as text for a terminal, no line wider than ``width``.

        One line per added, removed or retired record (kind, id, its text), and per
        changed field a ``-`` line with the old value and a ``+`` line with the new, as
        ``diff -u`` marks them; values are rendered by :func:`render` and clipped.
        """
        if self.is_empty():
            return "(no differences)"
        lines = list(self._text_lines())
        return "\n".join(_fit(line, width) for line in lines)

    def _text_lines(self) -> Iterator[str]:
        yield counts_line(self)
        if self.meeting:
            yield ""
            yield "meeting:"
            yield from _field_lines(self.meeting)
        for title, records in (("added", self.added), ("removed", self.removed)):
            if records:
                yield ""
                yield f"{title}:"
                for record in records:
                    text = render(getattr(record, kind_of(record).text))
                    yield f"  {kind_of(record).group}  {record_id(record)}  {text}"
        if self.retired:
            yield ""
            yield "retired:"
            for r in self.retired:
                replaced = ", ".join(r.retired.replaced_by)
                yield f"  {kind_of(r.record).group}  {r.retired.id}  replaced by {replaced}"
                yield f"{_INDENT}since {r.retired.since}: {render(r.retired.reason)}"
        if self.changed:
            yield ""
            yield "changed:"
            for change in self.changed:
                yield f"  {change.kind}  {change.id}"
                yield from _field_lines(change.fields)


def counts_line(changes: DatasetDiff) -> str:
    """The first line of every display of ``changes``: how many of each kind of change."""
    counts = {
        "added": len(changes.added),
        "removed": len(changes.removed),
        "retired": len(changes.retired),
        "changed": len(changes.changed),
    }
    fields = len(changes.meeting)
    return ", ".join(f"{n} {what}" for what, n in counts.items()) + (
        f"; {fields} meeting field{'s' if fields != 1 else ''} changed"
    )


def change_rows(changes: DatasetDiff) -> Iterator[ChangeRow]:
    """One row per change, as :meth:`DatasetDiff.to_frame` has them, in its order."""
    for field in changes.meeting:
        yield ("meeting", None, None, field.field, render(field.old), render(field.new))
    for record in changes.added:
        kind = kind_of(record)
        yield ("added", kind.group, str(record_id(record)), None, None,
               render(getattr(record, kind.text)))  # fmt: skip
    for record in changes.removed:
        kind = kind_of(record)
        yield ("removed", kind.group, str(record_id(record)), None,
               render(getattr(record, kind.text)), None)  # fmt: skip
    for entry in changes.retired:
        kind = kind_of(entry.record)
        yield ("retired", kind.group, entry.retired.id, None,
               render(getattr(entry.record, kind.text)),
               JOIN.join(entry.retired.replaced_by))  # fmt: skip
    for change in changes.changed:
        for field in change.fields:
            yield ("changed", change.kind, change.id, field.field, render(field.old),
                   render(field.new))  # fmt: skip


def _field_lines(changes: tuple[FieldChange, ...]) -> Iterator[str]:
    for change in changes:
        yield f"{_INDENT}{change.field}"
        yield f"{_INDENT}  - {render(change.old)}"
        yield f"{_INDENT}  + {render(change.new)}"


def diff(old: Meeting | str, new: Meeting | str) -> DatasetDiff:
    """Compare two meetings record by record; the result is empty when they are equal.

    Either side may be a release's version instead (``"1.0.0"``: a release whose file
    ships in the package, as :func:`~usjapan2024.load` reads it with ``release=``); a
    string is always a release's name, never a path (load a file first).

    >>> from usjapan2024 import load
    >>> meeting = load()
    >>> bool(diff(meeting, meeting))
    False
    >>> import attrs
    >>> renamed = attrs.evolve(meeting, short_name="2 + 2")
    >>> diff(meeting, renamed).meeting
    (FieldChange(field='short_name', old='2+2', new='2 + 2'),)
    >>> [r.retired.id for r in diff("1.0.0", "1.1.0").retired]
    ['threat.ru-alignment']

    Raises:
        ValueError: A string names no release this package ships.
    """
    old, new = _meeting_of(old), _meeting_of(new)
    retired_now = {entry.id: entry for entry in new.retired}
    added: list[Record] = []
    removed: list[Record] = []
    retired: list[RetiredRecord] = []
    changed: list[RecordChange] = []
    old_groups, new_groups = record_groups(old), record_groups(new)
    for kind in KINDS:
        before = {record_id(r): r for r in old_groups[kind.group]}
        after = {record_id(r): r for r in new_groups[kind.group]}
        for id_, record in after.items():
            if id_ not in before:
                added.append(record)
            elif record != before[id_]:
                fields = tuple(_field_changes(before[id_], record))
                changed.append(RecordChange(kind.group, id_, fields))
        for id_, record in before.items():
            if id_ in after:
                continue
            if id_ in retired_now:
                retired.append(RetiredRecord(record, retired_now[id_]))
            else:
                removed.append(record)
    groups = {kind.group for kind in KINDS}
    return DatasetDiff(
        added=tuple(added),
        removed=tuple(removed),
        retired=tuple(retired),
        changed=tuple(changed),
        meeting=tuple(_field_changes(old, new, skip=groups)),
    )


def _meeting_of(side: Meeting | str) -> Meeting:
    """A side of :func:`diff`: the meeting itself, or the release a string names."""
    if isinstance(side, str):
        from usjapan2024._loading.load import load

        return load(release=side)
    return side


def _field_changes(
    old: object, new: object, prefix: str = "", skip: frozenset[str] | set[str] = frozenset()
) -> Iterator[FieldChange]:
    """Each field of two objects of one attrs class that differs, nested ones by path.

    A field that holds one attrs object (the meeting's metadata, its source) is
    compared field by field, so a changed version is one line, not the whole metadata.
    """
    for field in fields_of(type(old)):
        if field.name in skip:
            continue
        before, after = getattr(old, field.name), getattr(new, field.name)
        if before == after:
            continue
        name = prefix + field.name
        if attrs.has(type(before)) and type(before) is type(after):
            yield from _field_changes(before, after, prefix=f"{name}.")
        else:
            yield FieldChange(name, before, after)


def render(value: object) -> str:
    """Render a field value compactly, on one line, for a person reading a diff.

    Enums by value, dates in ISO 8601, tuples joined with ``"; "`` as in flat rows,
    spans as ``[start, end) 'quote'`` with long quotes clipped, ``None`` as ``(none)``
    and an empty tuple or string as ``(empty)``.  Every character that could break the
    line or drive a terminal (a newline, CR, U+2028, a control) is shown escaped, so
    that two values that differ only in one are never shown alike; runs of spaces
    become one.
    """
    if isinstance(value, tuple):
        text = JOIN.join(render(item) for item in value)
    elif isinstance(value, Span):
        text = f"[{value.start}, {value.end}) '{_fit(_one_line(value.quote), _QUOTE)}'"
    elif value is None:
        text = "(none)"
    elif attrs.has(type(value)) and type(value).__str__ is object.__str__:
        fields = fields_of(type(value))
        text = (
            f"{type(value).__name__}({', '.join(render(getattr(value, f.name)) for f in fields)})"
        )
    else:
        text = _one_line(_scalar_text(value))
    return text or "(empty)"


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", escape(text)).strip(" ")


_SPACES = re.compile(" {2,}")
