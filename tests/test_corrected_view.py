"""The corrected view, as properties of any valid meeting the public strategies generate.

The strategies give errata ``record_value``s of their target field's own type, so a
generated meeting has corrections to apply: applying them must leave a meeting that
loading would accept, and a meeting with none to apply must come back as it was.
"""

from __future__ import annotations

import json

import attrs
import pytest
from hypothesis import given

import usjapan2024 as uj
from usjapan2024 import strategies as ujst
from usjapan2024._model.kinds import record_id
from usjapan2024.model import Meeting
from usjapan2024.vocabulary import View


def _without_values(meeting: Meeting) -> Meeting:
    errata = tuple(attrs.evolve(e, record_value=None) for e in meeting.errata)
    return attrs.evolve(meeting, errata=errata)


@given(ujst.meetings_with_source())
def test_corrections_applied_then_checked_give_no_problem(pair: tuple[Meeting, str]) -> None:
    """Each record_value is a value its field can hold: the corrected view is valid."""
    meeting, text = pair
    view = uj.corrected(meeting)
    assert view.view is View.CORRECTED
    assert uj.check(view, source=text) == []


@given(ujst.meetings_with_source())
def test_the_corrected_view_holds_each_record_value(pair: tuple[Meeting, str]) -> None:
    """Each field an erratum corrects holds the value of the last erratum that names it."""
    meeting, _ = pair
    view = uj.corrected(meeting)
    applied = [e for e in meeting.errata if e.record_value is not None]
    standing = {(e.target, e.field): e for e in applied}  # the later of two on one field
    # corrected_by lists the errata whose values stand, in the meeting's order, so that
    # every one it lists holds in the view (check() proves it of a loaded file).
    assert view.corrected_by == tuple(e.id for e in applied if standing[e.target, e.field] is e)
    by_id = {record_id(r): r for r in view.records()}
    last = {key: e.record_value for key, e in standing.items()}
    for (target, field), value in last.items():
        assert getattr(by_id[target], field) == value
    assert [record_id(r) for r in view.records()] == [record_id(r) for r in meeting.records()]


@given(ujst.meetings_with_source())
def test_with_no_record_value_the_corrected_view_is_the_meeting(
    pair: tuple[Meeting, str],
) -> None:
    """Nothing to apply: the view differs from the meeting only in saying it is the view."""
    meeting = _without_values(pair[0])
    view = uj.corrected(meeting)
    assert view.view is View.CORRECTED
    assert view.corrected_by == ()
    assert attrs.evolve(view, view=View.TEXT, corrected_by=()) == meeting


def test_no_record_value_gives_a_records_id() -> None:
    """An id names a record and the corrected view keeps it: loading and check() refuse one.

    Found by the first property above: an erratum that "corrected" a party's id gave the
    corrected view two parties with one id.
    """
    meeting = uj.load()
    erratum = attrs.evolve(
        meeting.errata[0], target="official.blinken", field="id", record_value="official.kihara"
    )
    built = attrs.evolve(meeting, errata=(erratum, *meeting.errata[1:]))
    problems = uj.check(built)
    assert [p.path for p in problems] == ["$.errata[0].record_value"]
    assert "id" in problems[0].message
    document = json.loads(uj.dumps(meeting))
    document["errata"][0].update(target="official.blinken", field="id", record_value="x.y")
    with pytest.raises(uj.DatasetError) as info:
        uj.loads(json.dumps(document))
    assert [p.path for p in info.value.problems] == ["$.errata[0].record_value"]
