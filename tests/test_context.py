"""Quotes in their sentences: the view the notebook, the terminal and the docs share."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import usjapan2024 as uj
from usjapan2024 import Span, load, source_text
from usjapan2024._presenting.context import in_context, sentence_bounds


def _records() -> list[object]:
    meeting = load()
    return [meeting, *meeting.records()]


class TestSentence:
    def test_a_phrase_gets_its_sentence(self) -> None:
        """A quoted phrase is shown inside the whole sentence, not beyond it."""
        (quote,) = in_context(uj.get("official.hamada"))
        assert quote.sentence.startswith("The meeting included U.S. Secretary of State")
        assert quote.sentence.endswith("Defense Minister Yasukazu Hamada.")
        assert str(quote).endswith("«Defense Minister Yasukazu Hamada».")

    def test_an_initialism_ends_no_sentence(self) -> None:
        """The full stops of "U.S." do not cut a sentence short."""
        text = "First one. The U.S. Secretary spoke. Last."
        assert text[slice(*sentence_bounds(text, 20, 29))] == "The U.S. Secretary spoke."

    @pytest.mark.parametrize("record", _records(), ids=lambda r: str(getattr(r, "id", "meeting")))
    def test_no_context_reaches_an_excluded_line(self, record: object) -> None:
        """No bundled quote's context holds a headline that is not part of the communiqué."""
        excluded = [e.span.quote for e in load().metadata.source.excluded]
        for quote in in_context(record):  # type: ignore[arg-type]
            assert "\n" not in quote.sentence
            assert quote.sentence in source_text()
            assert not any(line in quote.sentence for line in excluded)

    def test_a_windows_line_ending_is_no_part_of_the_sentence(self) -> None:
        """In a CRLF text the context stops before the carriage return, as before a newline."""
        text = "Heading\r\nThey met in Sapporo. They left.\r\nLast line.\r\n"
        start = text.index("left")
        assert text[slice(*sentence_bounds(text, start, start + 4))] == "They left."
        start = text.index("Last")
        assert text[slice(*sentence_bounds(text, start, start + 4))] == "Last line."
        assert text[slice(*sentence_bounds(text, 0, 7))] == "Heading"
        assert text[slice(*sentence_bounds(text, 0, 8))] == "Heading\r"  # quoted, it stays

    @given(
        st.lists(st.sampled_from(["Word", "word", "U.S.", "A.", "end.", "2024", ","]), max_size=30),
        st.data(),
    )
    def test_never_crosses_a_line(self, words: list[str], data: st.DataObject) -> None:
        """Whatever the text, the context holds the quote and stays on the quote's lines."""
        text = " ".join(words).replace(" , ", data.draw(st.sampled_from(["\n", "\r\n"])))
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        begin, finish = sentence_bounds(text, start, end)
        assert begin <= start <= end <= finish
        assert text[begin:finish].count("\n") == text[start:end].count("\n")
        # A line's carriage return is in no sentence, unless the quote holds it, or
        # stands after it (between the \r and the \n: the sentence must reach the quote).
        after_cr = text[end - 1 : end + 1] == "\r\n" or text[start - 1 : start + 1] == "\r\n"
        assert not text[begin:finish].endswith("\r") or text[start:end].endswith("\r") or after_cr


class TestInContext:
    def test_takes_a_span_or_spans(self) -> None:
        """A span, or any spans, can be shown in context, against any text."""
        text = "A line.\nHe said hello. Then left."
        span = Span(16, 21, "hello")
        assert str(in_context(span, text=text)) == "He said «hello»."
        assert len(in_context([span, span], text=text)) == 2

    def test_html_marks_and_escapes(self) -> None:
        """The HTML view puts the quote in <mark> and escapes the text."""
        text = "Tom & Jerry <met>. Next."
        html = in_context(Span(0, 11, "Tom & Jerry"), text=text)._repr_html_()
        assert "<mark>Tom &amp; Jerry</mark> &lt;met&gt;." in html
        assert in_context(())._repr_html_() == "<p>no quotes</p>"

    def test_is_public(self) -> None:
        """The helper is a public name of the package."""
        assert uj.in_context is in_context
        assert "in_context" in uj.__all__
