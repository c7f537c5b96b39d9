"""The helpers an analyst reaches for: exact parties, errata, printing, empty frames, words."""

from __future__ import annotations

import collections
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import usjapan2024 as uj
from usjapan2024 import strategies as ujst
from usjapan2024._model.kinds import KINDS
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


# --- pandas traps ------------------------------------------------------------------------


def _list_fields() -> list[tuple[str, str]]:
    """(group, field) of every many-valued field of plain values a frame joins into one cell.

    (An erratum's references are records of their own: their cell is their text.)"""
    from usjapan2024._tables.layout import TABLES

    return [
        (t.owner, t.field)
        for t in TABLES
        if t.owner in KIND_GROUPS and t.field is not None and "value" in [c.name for c in t.columns]
    ]


KIND_GROUPS = {kind.group for kind in KINDS}


def _link_counts(group: str, field: str, meeting: uj.Meeting) -> dict[str, int]:
    """How often each value occurs in a many-valued field: from the exports' link table."""
    from usjapan2024._tables.layout import TABLES, rows_of

    (table,) = [t for t in TABLES if t.name == f"{group}_{field}"]
    at = [c.name for c in table.columns].index("value")
    return dict(collections.Counter(str(row[at]) for row in rows_of(meeting)[table.name]))


def _recipe(column: pd.Series) -> dict[str, int]:
    """The documented recipe: split the joined cell, one row per value, count."""
    return {str(k): int(v) for k, v in column.str.split("; ").explode().value_counts().items()}


class TestEmptyListsAreMissing:
    @pytest.mark.parametrize(("group", "field"), _list_fields())
    def test_the_split_recipe_counts_what_the_link_table_holds(
        self, group: str, field: str
    ) -> None:
        """``str.split("; ").explode()`` counts each value as often as the records hold it,
        with no blank for a record whose list is empty."""
        meeting = uj.load()
        frame = uj.to_frame(group)
        assert _recipe(frame[field]) == _link_counts(group, field, meeting)
        empty = sum(not getattr(r, field) for r in getattr(meeting, group))
        assert int(frame[field].isna().sum()) == empty
        assert not (frame[field] == "").any()

    def test_the_tutorials_partner_count(self) -> None:
        """The issue's case: 34 commitments have no partner, and none is counted as one."""
        partners = uj.to_frame("commitments")["partners"]
        counted = _recipe(partners)
        assert "" not in counted
        assert sum(counted.values()) == sum(len(c.partners) for c in uj.load().commitments)

    @given(ujst.meetings())
    def test_on_generated_meetings(self, meeting: uj.Meeting) -> None:
        for group, field in _list_fields():
            frame = uj.to_frame(group, meeting=meeting)
            assert _recipe(frame[field]) == _link_counts(group, field, meeting), (group, field)

    def test_results_frames_follow_the_same_rule(self) -> None:
        found = uj.commitments(party="US")
        assert int(found.to_frame()["partners"].isna().sum()) == sum(not c.partners for c in found)
        mixed = uj.search("Taiwan")
        assert not (mixed.to_frame()["partners"] == "").any()

    def test_the_command_lines_csv_reads_into_pandas_the_same(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An empty list is an empty CSV cell, which pandas reads as missing: the recipe
        counts the same on ``usjapan2024 commitments --format csv`` as on the frame."""
        import io

        from usjapan2024._cli import run

        assert run(["commitments", "--format", "csv"]) == 0
        read = pd.read_csv(io.StringIO(capsys.readouterr().out))
        for field in ("partners", "subjects", "events"):
            assert _recipe(read[field]) == _link_counts("commitments", field, uj.load())


class TestMixedFrames:
    """A frame of several kinds keeps the dtypes the kinds share."""

    @pytest.mark.parametrize("text", ["Japan", "Taiwan", "Hamada", "missile"])
    def test_each_kinds_rows_are_its_own_frame(self, text: str) -> None:
        """Each kind's rows, in its own columns, are that kind's frame: same values, and
        the same dtype wherever every kind in the frame that has the column agrees."""
        found = uj.search(text)
        mixed = found.to_frame()
        assert list(mixed["type"]) == [type(r).__name__ for r in found]
        assert isinstance(mixed["type"].dtype, pd.CategoricalDtype)
        kinds = list(dict.fromkeys(type(r) for r in found))
        single = {cls: uj.Results([r for r in found if type(r) is cls], cls).to_frame()
                  for cls in kinds}  # fmt: skip
        for cls, frame in single.items():
            rows = mixed[mixed["type"] == cls.__name__][list(frame.columns)]
            assert rows.astype(object).reset_index(drop=True).equals(frame.astype(object))
        for column in mixed.columns.drop("type"):
            dtypes = [frame[column].dtype for frame in single.values() if column in frame]
            if all(d == dtypes[0] for d in dtypes):
                assert mixed[column].dtype == dtypes[0], column
            else:
                assert mixed[column].dtype in (pd.StringDtype(), object) or isinstance(
                    mixed[column].dtype, pd.CategoricalDtype
                ), column

    def test_shared_columns(self) -> None:
        """``id`` is text (a party's is an actor); ``kind`` one category of its vocabularies."""
        frame = uj.search("Japan").to_frame()
        assert frame["id"].dtype == pd.StringDtype()
        assert frame["summary"].dtype == pd.StringDtype()
        assert isinstance(frame["kind"].dtype, pd.CategoricalDtype)
        assert {"correction", "state"} <= set(frame["kind"].cat.categories)
        assert isinstance(frame["topic"].dtype, pd.CategoricalDtype)
        assert frame.dtypes.map(str).ne("object").all()
