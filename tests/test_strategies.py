from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from usjapan2024 import (
    Commitment,
    Erratum,
    Event,
    Meeting,
    Official,
    Party,
    Programme,
    Span,
    Threat,
    load,
    strategies,
)
from usjapan2024._loading.integrity import check
from usjapan2024.strategies import meetings_with_source, spans

RECORD_TYPES = [Span, Party, Official, Programme, Event, Commitment, Threat, Erratum, Meeting]


class TestFromType:
    @pytest.mark.parametrize("cls", RECORD_TYPES)
    def test_registered_through_the_entry_point(self, cls: type) -> None:
        """st.from_type finds a strategy for every record type without any import."""

        @given(st.from_type(cls))
        def generated(value: object) -> None:
            assert isinstance(value, cls)
            assert attrs.has(type(value))

        generated()


class TestStrategies:
    @given(st.data())
    def test_spans_are_verbatim(self, data: st.DataObject) -> None:
        """A span drawn for a text quotes that text at its offsets."""
        text = data.draw(st.text(min_size=1))
        span = data.draw(spans(text))
        assert text[span.start : span.end] == span.quote
        assert span.start < span.end

    @given(meetings_with_source(max_records=8))
    def test_meetings_are_valid(self, pair: tuple[Meeting, str]) -> None:
        """Generated meetings pass every integrity check against their text."""
        meeting, text = pair
        assert check(meeting, text) == []


class TestEntryPoint:
    def test_strategies_module_imports_before_hypothesis(self) -> None:
        """Importing usjapan2024.strategies first works: the entry point must not need it."""
        import subprocess
        import sys

        code = (
            "import sys; assert 'hypothesis' not in sys.modules;"
            "import usjapan2024.strategies as s;"
            "from hypothesis import strategies as st;"
            "from usjapan2024 import Meeting;"
            "print(st.from_type(Meeting))"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        )
        assert "meetings" in result.stdout


class TestForDebuggingAndScale:
    def test_a_failing_example_prints_the_meeting(self) -> None:
        """Hypothesis reports the meeting it drew, not `<...>` behind a map."""
        from hypothesis import settings
        from hypothesis.reporting import with_reporter

        from usjapan2024.strategies import meetings

        reports: list[object] = []

        @settings(max_examples=5, database=None)
        @given(meetings())
        def fails(meeting: Meeting) -> None:
            raise AssertionError(meeting.name)

        with with_reporter(reports.append), pytest.raises(AssertionError) as info:
            fails()
        shown = [*reports, *getattr(info.value, "__notes__", [])]
        assert any("meeting=Meeting(" in str(line) for line in shown), shown

    @given(st.data())
    def test_bounds_hold(self, data: st.DataObject) -> None:
        """Every kind with ids has between min_records and max_records records.

        Declarations (parties, locations, departments) are one per value the records
        use, not counted.
        """
        from usjapan2024._model.kinds import DECLARED_IN, KINDS
        from usjapan2024.strategies import meetings

        low = data.draw(st.integers(0, 12))
        high = data.draw(st.integers(low, 12))
        meeting = data.draw(meetings(high, min_records=low))
        for kind in KINDS:
            if kind.group not in DECLARED_IN.values():
                assert low <= len(getattr(meeting, kind.group)) <= high

    def test_a_thousand_records_in_one_draw(self) -> None:
        """A meeting of about a thousand records is drawn, and it loads."""
        from hypothesis import HealthCheck, settings

        from usjapan2024 import dumps, loads
        from usjapan2024.strategies import meetings_with_source

        @settings(max_examples=2, deadline=None, suppress_health_check=list(HealthCheck))
        @given(meetings_with_source(150, min_records=150))
        def big(pair: tuple[Meeting, str]) -> None:
            meeting, text = pair
            assert len(meeting.records()) >= 900
            assert loads(dumps(meeting), source=text) == meeting

        big()

    @given(st.data())
    def test_factories_quote_only_the_communique_of_the_bundled_text(
        self, data: st.DataObject
    ) -> None:
        """Given the bundled text, records quote its body, never a heading or link."""
        from usjapan2024 import check, source_text
        from usjapan2024.strategies import commitments, officials, threats

        factory: Any = data.draw(st.sampled_from([commitments, officials, threats]))
        record = data.draw(factory(text=source_text()))
        assert check(record) == []
        excluded = [(e.span.start, e.span.end) for e in load().metadata.source.excluded]
        for span in record.sources:
            assert all(span.end <= low or span.start >= high for low, high in excluded)

    @pytest.mark.parametrize(
        "make",
        [
            lambda: strategies.meetings(2, min_records=5),
            lambda: strategies.meetings(-1),
            lambda: strategies.commitments(text=""),
            lambda: strategies.spans(""),
        ],
    )
    def test_bad_arguments_are_invalid_argument(self, make: Any) -> None:
        """A strategy asked for the impossible says so, as Hypothesis' own do."""
        from hypothesis import settings
        from hypothesis.errors import InvalidArgument

        @settings(max_examples=1, database=None)
        @given(st.data())
        def draw(data: st.DataObject) -> None:
            data.draw(make())

        with pytest.raises(InvalidArgument):
            draw()
