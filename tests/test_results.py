from __future__ import annotations

import pandas as pd
from hypothesis import given

from usjapan2024 import Meeting, Results, commitments, load, search, threats
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
