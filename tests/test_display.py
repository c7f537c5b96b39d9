from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from usjapan2024 import Meeting, load
from usjapan2024._model.kinds import KINDS
from usjapan2024._presenting.display import text_table
from usjapan2024.strategies import meetings


class TestTextTable:
    @given(meetings(), st.integers(40, 200))
    def test_never_wider_than_asked(self, meeting: Meeting, width: int) -> None:
        """Whatever the records and the width, no line is wider."""
        for kind in KINDS:
            records = getattr(meeting, kind.group)
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


class TestNotebookViews:
    def test_every_kind_shows_itself(self) -> None:
        """Every kind of record has a notebook display with its quotes in context."""
        from usjapan2024._model.kinds import KINDS

        for kind in KINDS:
            record = getattr(load(), kind.group)[0]
            html = record._repr_html_()
            assert "<mark>" in html, kind.group
            assert kind.cls.__name__ in html

    def test_record_links_to_the_catalogue(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A record's display links to its catalogue entry, under the configured base."""
        import usjapan2024 as uj

        monkeypatch.setenv("USJAPAN2024_DOCS_URL", "https://d.example/")
        html = uj.get("official.hamada")._repr_html_()
        assert '<a href="https://d.example/records.html#official.hamada">' in html
        assert "Kamikawa, and <mark>Defense Minister Yasukazu Hamada</mark>." in html

    def test_results_show_quotes_in_context(self) -> None:
        """A query result's table ends with each quote inside its sentence."""
        import usjapan2024 as uj

        html = uj.search("Hamada")._repr_html_()
        assert "<th>in context</th>" in html
        assert "<mark>Defense Minister Yasukazu Hamada</mark>." in html
