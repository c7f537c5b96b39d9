from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from usjapan2024 import Meeting, load
from usjapan2024._display import text_table
from usjapan2024._records import record_groups
from usjapan2024.strategies import meetings


class TestTextTable:
    @given(meetings(), st.integers(40, 200))
    def test_never_wider_than_asked(self, meeting: Meeting, width: int) -> None:
        """Whatever the records and the width, no line is wider."""
        for records in record_groups(meeting).values():
            if records:
                table = text_table(records, width=width)
                assert max(len(line) for line in table.splitlines()) <= width

    def test_empty(self) -> None:
        """An empty listing says so."""
        assert text_table(()) == "(no records)"

    def test_wide_terminal_keeps_one_line_per_record(self) -> None:
        """With room enough, each record is one line after the header."""
        table = text_table(load().officials, width=120)
        assert len(table.splitlines()) == 2 + len(load().officials)
