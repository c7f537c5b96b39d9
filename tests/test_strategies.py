from __future__ import annotations

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
)
from usjapan2024._integrity import check
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
