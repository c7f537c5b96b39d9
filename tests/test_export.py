from __future__ import annotations

import datetime
import subprocess
import sys

import attrs
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from usjapan2024 import Meeting, Response, load, to_frame, to_records
from usjapan2024._model.fields import fields_by_name
from usjapan2024._model.kinds import CLASS_OF, RecordKindName, declarations
from usjapan2024._tables.flat import flatten_columns
from usjapan2024.export import JOIN, KINDS
from usjapan2024.strategies import meetings
from usjapan2024.vocabulary import OpenVocabulary

SCALARS = (str, int, datetime.date, type(None))
_NANOSECONDS = (datetime.date(1677, 9, 22), datetime.date(2262, 4, 11))
"""The days a ``datetime64[ns]`` column can hold, as a frame's dates are."""


class TestToRecords:
    @given(meetings(), st.sampled_from(KINDS))
    def test_rows_are_flat_and_complete(self, meeting: Meeting, kind: RecordKindName) -> None:
        """One row per record, every cell a scalar, the same columns in every row."""
        rows = to_records(kind, meeting=meeting)
        expected = 1 if kind == "meeting" else len(getattr(meeting, kind))
        assert len(rows) == expected
        for row in rows:
            assert all(isinstance(value, SCALARS) for value in row.values())
        assert len({tuple(row) for row in rows}) <= 1

    @given(meetings())
    def test_joined_values_split_back(self, meeting: Meeting) -> None:
        """Tuples are joined with '; ' and sources become spans and quotes."""
        rows = to_records("commitments", meeting=meeting)
        for commitment, row in zip(meeting.commitments, rows, strict=True):
            assert row["parties"] == JOIN.join(a.value for a in commitment.parties)
            assert row["spans"] == JOIN.join(f"{s.start}-{s.end}" for s in commitment.sources)
            assert row["quotes"] == JOIN.join(s.quote for s in commitment.sources)

    def test_bundled_example(self) -> None:
        """A real row reads as a spreadsheet user expects."""
        rows = {r["id"]: r for r in to_records("threats")}
        row = rows["threat.ru-kp-alignment"]
        assert row["actor"] == "RU"
        assert row["involving"] == "KP"
        assert row["response"] == "criticism"
        assert rows["threat.middle-east-instability"]["places"] == "middle-east; indo-pacific"

    def test_unknown_kind(self) -> None:
        """A typo in the kind names the valid kinds."""
        with pytest.raises(ValueError, match=r"unknown kind 'threat'; valid kinds are 'meeting'"):
            to_records("threat")


class TestToFrame:
    @pytest.mark.parametrize("kind", KINDS)
    def test_columns_and_length(self, kind: RecordKindName) -> None:
        """Each kind's frame has the documented columns and one row per record."""
        frame = to_frame(kind)
        assert len(frame) == len(to_records(kind))
        assert list(frame.columns) == flatten_columns(type(_first(kind)))

    def test_dtypes(self) -> None:
        """Dates are datetimes, vocabularies categories, text strings."""
        events = to_frame("events")
        assert str(events["date"].dtype).startswith("datetime64")
        commitments = to_frame("commitments")
        assert isinstance(commitments["topic"].dtype, pd.CategoricalDtype)
        assert commitments["summary"].dtype == pd.StringDtype()
        meeting = to_frame("meeting")
        assert meeting["date"].iloc[0] == pd.Timestamp("2024-07-28")

    def test_categories_are_the_whole_vocabulary(self) -> None:
        """A category lists every value, so counts include the zeros."""
        responses = to_frame("threats")["response"]
        assert list(responses.cat.categories) == [r.value for r in Response]
        assert responses.cat.ordered  # recognition < concern < criticism < condemnation
        strong = {Response.CRITICISM, Response.CONDEMNATION}
        assert (responses >= "criticism").sum() == sum(t.response in strong for t in load().threats)

    @given(meetings(), st.sampled_from(KINDS))
    def test_no_value_is_lost_to_a_category(self, meeting: Meeting, kind: RecordKindName) -> None:
        """A value of an open vocabulary the meeting declares ("sapporo") is a category too.

        A category column holds what the row holds, missing only where the row has none,
        and its categories are the meeting's declared values (members if it declares none).
        """
        meeting = _datable(meeting)
        frame = to_frame(kind, meeting=meeting)
        rows = to_records(kind, meeting=meeting)
        cls = Meeting if kind == "meeting" else CLASS_OF[kind]
        for name in frame.columns:
            if not isinstance(frame[name].dtype, pd.CategoricalDtype):
                continue
            assert [None if pd.isna(v) else v for v in frame[name]] == [r[name] for r in rows]
            vocabulary = fields_by_name(cls)[name].vocabulary
            if vocabulary is not None and issubclass(vocabulary, OpenVocabulary):
                declared = [v.value for v in declarations(meeting, vocabulary)]
                assert list(frame[name].cat.categories)[: len(declared)] == declared

    def test_without_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas, to_frame says how to install it."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(ImportError, match=r"pip install 'usjapan2024\[pandas\]'"):
            to_frame("threats")

    def test_import_does_not_import_pandas(self) -> None:
        """import usjapan2024 leaves pandas unimported."""
        code = "import sys, usjapan2024; assert 'pandas' not in sys.modules"
        subprocess.run([sys.executable, "-c", code], check=True)


def _datable(meeting: Meeting) -> Meeting:
    """``meeting`` with each date a frame shows moved into what ``datetime64[ns]`` holds."""

    def moved(day: datetime.date) -> datetime.date:
        return day if _NANOSECONDS[0] <= day <= _NANOSECONDS[1] else _DAY

    events = tuple(
        e if e.date is None else attrs.evolve(e, date=moved(e.date)) for e in meeting.events
    )
    return attrs.evolve(meeting, date=moved(meeting.date), events=events)


_DAY = datetime.date(2024, 7, 28)


def _first(kind: str) -> object:
    meeting = load()
    return meeting if kind == "meeting" else getattr(meeting, kind)[0]


class TestMovedHelpers:
    @pytest.mark.parametrize("name", ["flatten", "flatten_columns", "frame_of"])
    def test_old_names_warn_and_work(self, name: str) -> None:
        """The 1.0.0 helpers still import from `export`, with a DeprecationWarning."""
        from usjapan2024 import export
        from usjapan2024._tables import flat as _flat

        with pytest.warns(DeprecationWarning, match=f"export.{name} is deprecated"):
            value = getattr(export, name)
        assert value is getattr(_flat, name)
