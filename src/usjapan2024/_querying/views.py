"""The two views of a meeting: the text's, and the public record's (the corrected view).

A record keeps the text's wording even where the text is wrong; an erratum beside it
gives the value the public record holds (``record_value``).  :func:`corrected` puts
each such value in its field, so that questions about the event, not about the text,
can be computed: who was the defence minister, how the ministers met Russia's ties with
North Korea.  The result says in its data that it is the corrected view and which
errata it applied (``Meeting.view``, ``Meeting.corrected_by``), so it is never taken
for the text's view, and a file it is dumped to says so too.
"""

from __future__ import annotations

import typing
from collections import defaultdict
from typing import Any

import attrs

from usjapan2024._io.texts import recall, remember
from usjapan2024._loading.load import load
from usjapan2024._model.kinds import KINDS, record_id
from usjapan2024.model import Erratum, Meeting, Record
from usjapan2024.vocabulary import View

__all__ = ["corrected"]


def corrected(meeting: Meeting | None = None) -> Meeting:
    """Return the corrected view of ``meeting`` (the bundled one by default).

    Each erratum that has a ``record_value`` puts it in the field it names; records keep
    their ids, quotes and sources, and the errata stay beside them.  The result's
    ``view`` is ``corrected`` and its ``corrected_by`` lists the errata applied, in
    order (where two name one field, the later one's value stands, and only it is
    listed).  Every query
    helper, ``to_frame``, the exports and :func:`usjapan2024.check` work on it
    unchanged.  The corrected view of a corrected view is itself.

    >>> import usjapan2024 as uj
    >>> uj.get("official.hamada").name
    'Yasukazu Hamada'
    >>> view = uj.corrected()
    >>> uj.get("official.hamada", meeting=view).name, view.view.value
    ('Minoru Kihara', 'corrected')
    >>> [t.response.value for t in uj.threats(actor="RU", meeting=view)][-2:]
    ['concern', 'condemnation']
    """
    meeting = load() if meeting is None else meeting
    if meeting.view is View.CORRECTED:
        return meeting
    standing: dict[tuple[str, str], Erratum] = {}  # the later of two on one field stands
    for erratum in meeting.errata:
        if erratum.record_value is not None:
            standing.pop((erratum.target, erratum.field), None)
            standing[erratum.target, erratum.field] = erratum
    applied = [e for e in meeting.errata if e in standing.values()]
    changes: defaultdict[str, dict[str, object]] = defaultdict(dict)
    for erratum in applied:
        changes[erratum.target][erratum.field] = erratum.record_value
    groups: dict[str, Any] = {
        kind.group: tuple(_changed(r, changes) for r in getattr(meeting, kind.group))
        for kind in KINDS
    }
    view = attrs.evolve(
        meeting, **groups, view=View.CORRECTED, corrected_by=tuple(e.id for e in applied)
    )
    text = recall(meeting)
    if text is not None:  # quotes and offsets are unchanged: the same text holds them
        remember(view, text)
    return view


def _changed(record: Record, changes: dict[str, dict[str, object]]) -> Record:
    fields = changes.get(record_id(record))
    if not fields:
        return record
    evolved: Record = attrs.evolve(record, **typing.cast("dict[str, Any]", fields))
    return evolved
