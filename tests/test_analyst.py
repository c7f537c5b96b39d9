"""The helpers an analyst reaches for: exact parties, errata, printing, empty frames, words."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import usjapan2024 as uj
from usjapan2024 import strategies as ujst
from usjapan2024._presenting.display import text_table


class TestExactParties:
    def test_us_alone(self) -> None:
        alone = uj.commitments(parties="US")
        assert [c.id for c in alone] == [
            c.id for c in uj.load().commitments if c.parties == (uj.Actor.US,)
        ]
        assert len(alone) < len(uj.commitments(party="US"))

    def test_order_and_spelling_do_not_matter(self) -> None:
        assert uj.commitments(parties=["jp", uj.Actor.US]) == uj.commitments(parties=("US", "JP"))

    def test_combines_with_the_filters(self) -> None:
        found = uj.commitments(parties="US", topic="deterrence")
        assert [c.id for c in found] == ["commitment.article-v"]

    @pytest.mark.parametrize("bad", ["USA", [], ["US", "no where"]])
    def test_a_value_that_matches_nothing_anywhere_raises(self, bad: object) -> None:
        with pytest.raises(ValueError, match="parties"):
            uj.commitments(parties=bad)  # type: ignore[arg-type]

    @given(ujst.meetings(), st.sets(st.sampled_from(list(uj.Actor)), min_size=1, max_size=3))
    def test_equals_a_scan(self, meeting: uj.Meeting, parties: set[uj.Actor]) -> None:
        found = uj.commitments(parties=parties, meeting=meeting)
        assert list(found) == [c for c in meeting.commitments if set(c.parties) == parties]


class TestErrataFor:
    def test_by_record_and_by_id(self) -> None:
        hamada = uj.get("official.hamada")
        assert uj.errata_for(hamada) == uj.errata_for("official.hamada")
        assert [e.id for e in uj.errata_for(hamada)] == ["erratum.defense-minister"]
        assert uj.errata_for("official.kamikawa") == ()

    @given(ujst.meetings())
    def test_equals_a_scan(self, meeting: uj.Meeting) -> None:
        records: tuple[uj.Record, ...] = (
            *meeting.parties,
            *meeting.commitments,
            *meeting.officials,
        )
        for record in records:
            found = uj.errata_for(record, meeting=meeting)
            target = record.id.value if isinstance(record.id, uj.Actor) else record.id
            assert list(found) == [e for e in meeting.errata if e.target == target]
            assert found.kind is uj.Erratum


class TestPrinting:
    def test_str_is_the_plain_table(self) -> None:
        found = uj.threats(actor="KP")
        assert str(found) == text_table(found)
        assert str(found).splitlines()[0].split() == ["id", "actor", "kind", "response"]
        assert len(str(found)) < len(repr(found)) / 2

    def test_repr_stays_the_tuple_repr(self) -> None:
        found = uj.threats(actor="KP")
        assert repr(found) == repr(tuple(found))
        assert str(uj.commitments(subject="no such thing")) == "(no records)"


class TestEmptyFrames:
    @pytest.mark.parametrize(
        ("query", "kind"),
        [(uj.commitments, uj.Commitment), (uj.threats, uj.Threat), (uj.officials, uj.Official)],
    )
    def test_keeps_columns_and_dtypes(self, query: object, kind: type) -> None:
        full = query()  # type: ignore[operator]
        empty = full[:0]
        assert empty.kind is kind
        frame, reference = empty.to_frame(), full.to_frame()
        assert list(frame.columns) == list(reference.columns)
        assert frame.dtypes.to_dict() == reference.dtypes.to_dict()

    def test_an_empty_query_result(self) -> None:
        frame = uj.commitments(subject="no such thing").to_frame()
        assert isinstance(frame["topic"].dtype, pd.CategoricalDtype)
        assert len(frame) == 0
        assert uj.threats(actor="KP", response="recognition").to_frame().columns[0] == "id"

    def test_an_empty_search(self) -> None:
        assert list(uj.search("zzzz-not-there").to_frame().columns) == ["type", "id"]


class TestWholeWords:
    def test_us_as_a_word(self) -> None:
        substring, words = uj.search("us"), uj.search("us", whole_words=True)
        assert set(words) < set(substring)
        assert uj.get("commitment.article-v") in words  # parties "US"
        for record in set(substring) - set(words):
            assert not re.search(r"(?<!\w)us(?!\w)", " ".join(_words(record)), re.IGNORECASE)

    @given(ujst.meetings(), st.sampled_from(["a", "US", "Guam", "2+2", "(JJOC)", "V"]))
    def test_a_subset_of_substring_search(self, meeting: uj.Meeting, needle: str) -> None:
        words = uj.search(needle, meeting=meeting, whole_words=True)
        assert set(words) <= set(uj.search(needle, meeting=meeting))
        pattern = re.compile(rf"(?<!\w){re.escape(needle.casefold())}(?!\w)")
        for record in words:
            assert pattern.search("\n".join(_words(record)).casefold())


def _words(record: object) -> list[str]:
    from usjapan2024._querying.index import words_of

    return list(words_of(record))
