from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from usjapan2024 import Commitment, Meeting, Results, Threat, commitments, load, search, threats
from usjapan2024.strategies import meetings


class TestResults:
    def test_is_a_tuple(self) -> None:
        """Results compare equal to the plain tuple of the same records."""
        found = threats(actor="KP")
        assert isinstance(found, tuple)
        assert found == tuple(
            t for t in load().threats if t.actor is not None and t.actor.value == "KP"
        )

    def test_slices_stay_results(self) -> None:
        """A slice of results still shows as a table."""
        assert isinstance(commitments()[:3], Results)
        assert commitments()[0] is load().commitments[0]

    def test_html_repr(self) -> None:
        """In Jupyter, results show as an HTML table with escaped text."""
        html = commitments(subject="Tomahawk")._repr_html_()
        assert html.startswith("<table>")
        assert "<th>summary</th>" in html
        assert "commitment.stand-off-missiles" in html
        assert "<p>1 record</p>" in html
        assert Results()._repr_html_() == "<p>no records</p>"

    def test_html_escapes(self) -> None:
        """Text that looks like markup is shown, not interpreted."""
        found = search("Japan's")
        assert "Japan&#x27;s" in found._repr_html_()

    def test_to_frame_one_type(self) -> None:
        """Results of one type convert with that type's columns."""
        frame = threats(response="condemnation").to_frame()
        assert list(frame["id"]) == [t.id for t in threats(response="condemnation")]
        assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)

    def test_to_frame_mixed(self) -> None:
        """search() results of several types get a type column."""
        frame = search("Hamada").to_frame()
        assert set(frame["type"]) == {"Official", "Erratum"}

    @given(meetings())
    def test_to_records_matches_export(self, meeting: Meeting) -> None:
        """Results.to_records() is export.to_records() for the same records."""
        from usjapan2024 import to_records

        assert commitments(meeting=meeting).to_records() == to_records(
            "commitments", meeting=meeting
        )


def _source_order(meeting: Meeting) -> dict[object, tuple[int, int]]:
    """Each record's place in source order: its first quote's start, then record order."""
    return {
        record: (record.sources[0].start if record.sources else -1, rank)
        for rank, record in enumerate(meeting.records())
    }


class TestCombining:
    def test_the_issues_case(self) -> None:
        """``search(a) + search(b)``: every record either finds, once, in source order, as
        results that still show as a table."""
        taiwan, china = search("taiwan"), search("china")
        both = taiwan + china
        assert isinstance(both, Results)
        assert both == taiwan | china
        assert set(both) == set(taiwan) | set(china)
        assert len(both) == len(set(both)) < len(taiwan) + len(china)  # they share records
        order = _source_order(load())
        assert list(both) == sorted(both, key=order.__getitem__)
        assert both.meeting is load()
        assert both.kind is None
        assert str(both).startswith("type")  # the plain-text table of a mix

    def test_results_of_one_kind_stay_of_it_in_file_order(self) -> None:
        us, jp = commitments(party="US"), commitments(party="JP")
        both = us | jp
        assert both.kind is Commitment
        assert list(both) == [c for c in load().commitments if c in set(us) | set(jp)]
        assert isinstance(both.to_frame()["topic"].dtype, pd.CategoricalDtype)

    def test_a_result_with_itself_or_nothing_is_itself(self) -> None:
        found = search("china")
        assert found + found == found
        assert found + () == found  # noqa: RUF005  (the operator under test)
        assert () + found == found  # noqa: RUF005
        assert isinstance(() + found, Results)  # noqa: RUF005
        assert Results() | Results() == ()

    def test_plain_tuples_combine_too(self) -> None:
        """A tuple of records on either side is taken as results without a meeting."""
        found = threats(actor="KP")
        extra = (load().threats[0],)
        for both in (found + extra, extra + found, found | extra, extra | found):
            assert isinstance(both, Results)
            assert set(both) == {*found, *extra}
            assert both.meeting is load()
            assert both.kind is Threat

    def test_other_operands_are_refused(self) -> None:
        with pytest.raises(TypeError):
            _ = threats() + [load().threats[0]]  # type: ignore[operator]  # noqa: RUF005
        with pytest.raises(TypeError):
            _ = threats() | {load().threats[0]}  # type: ignore[operator]

    def test_two_meetings_do_not_combine(self) -> None:
        """The text's view and the corrected view hold two versions of some records."""
        from usjapan2024 import corrected

        with pytest.raises(ValueError, match="cannot combine results of two different meetings"):
            _ = threats() + threats(meeting=corrected())

    @given(meetings(), st.data())
    def test_union_of_any_two_selections(self, meeting: Meeting, data: st.DataObject) -> None:
        """Any two selections of a meeting's records combine into their union in source
        order, whatever order each side was in."""
        records = meeting.records()
        left = data.draw(st.lists(st.sampled_from(records), unique=True)) if records else []
        right = data.draw(st.lists(st.sampled_from(records), unique=True)) if records else []
        both = Results(left, None, meeting) + Results(right, None, meeting)
        order = _source_order(meeting)
        assert list(both) == sorted({*left, *right}, key=order.__getitem__)
        assert both == Results(right, None, meeting) | Results(left, None, meeting)
