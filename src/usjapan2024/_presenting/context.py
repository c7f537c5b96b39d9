"""A quote inside the sentence it was cut from: one view for the notebook, terminal and docs.

A span's quote is often a phrase ("Defense Minister Yasukazu Hamada"); a reader judges
the coding only by seeing the sentence around it.  The sentence finder never crosses a
line break: each line of the source text is a paragraph or a headline, and some lines
are headlines of other articles (``metadata.source.excluded``), so a context that ran
over a line break could show words that are not part of the communiqué.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

import attrs

from usjapan2024._io.text import sentence_bounds
from usjapan2024._presenting.provenance import text_holds
from usjapan2024.model import Meeting, Record, Span

__all__ = [
    "NOT_HELD",
    "NO_TEXT",
    "InContext",
    "QuoteInContext",
    "in_context",
    "quote_in_context",
    "sentence_bounds",
]


@attrs.frozen
class QuoteInContext:
    """One quote and the rest of its sentence.

    Attributes:
        span: The span quoted.
        before: The words of its sentence before the quote.
        after: The words of its sentence after the quote.
    """

    span: Span
    before: str
    after: str
    missing: str | None = None
    """Why the sentence is not shown (no text is known, or the text does not hold the
    quote at its offsets); ``None`` when it is."""

    @property
    def quote(self) -> str:
        """The quoted words."""
        return self.span.quote

    @property
    def sentence(self) -> str:
        """The whole sentence, quote included."""
        return self.before + self.quote + self.after

    def render(self, emphasise: Callable[[str], str]) -> str:
        """The sentence as text, with ``emphasise`` applied to the quote.

        Where the sentence cannot be shown, the quote alone and the reason, in brackets.
        """
        shown = self.before + emphasise(self.quote) + self.after
        return shown if self.missing is None else f"{shown} [{self.missing}]"

    def __str__(self) -> str:
        return self.render(lambda quote: f"«{quote}»")

    def html(self) -> str:
        """The sentence as HTML, the quote in ``<mark>``."""
        before, quote, after = (html.escape(s) for s in (self.before, self.quote, self.after))
        note = (
            ""
            if self.missing is None
            else f' <em class="no-context">[{html.escape(self.missing)}]</em>'
        )
        return f'<span class="in-context">{before}<mark>{quote}</mark>{after}{note}</span>'

    def _repr_html_(self) -> str:
        return f"<blockquote>{self.html()}</blockquote>"


class InContext(tuple[QuoteInContext, ...]):
    """A record's quotes, each in its sentence: a tuple that shows itself in a notebook."""

    __slots__ = ()

    def __str__(self) -> str:
        return "\n".join(map(str, self))

    def _repr_html_(self) -> str:
        return "".join(q._repr_html_() for q in self) or "<p>no quotes</p>"


NO_TEXT = "no source text is known for this record: its sentence is not shown"
NOT_HELD = "the source text does not hold this quote at its offsets: its sentence is not shown"


def quote_in_context(span: Span, text: str | None) -> QuoteInContext:
    """Return ``span`` inside its sentence of ``text``.

    The sentence is cut only from a text that holds the quote at the span's offsets;
    otherwise the quote stands alone and says why (``missing``).
    """
    if text is None:
        return QuoteInContext(span, "", "", NO_TEXT)
    if not text_holds(text, span):
        return QuoteInContext(span, "", "", NOT_HELD)
    begin, finish = sentence_bounds(text, span.start, span.end)
    return QuoteInContext(span, text[begin : span.start], text[span.end : finish])


def in_context(
    item: Record | Meeting | Span | Iterable[Span],
    *,
    text: str | None = None,
    meeting: Meeting | None = None,
) -> InContext:
    """Return each quote of a record (or of a span, or of spans) inside its whole sentence.

    >>> import usjapan2024 as uj
    >>> print(uj.in_context(uj.get("official.hamada")))
    The meeting included ..., and «Defense Minister Yasukazu Hamada».

    The text is, in order: ``text``; the text ``meeting`` was coded from
    (``meeting.source_text``); for the meeting itself, its own; else the bundled text.
    A sentence is cut only where that text holds the quote at the span's offsets; where
    no text is known or it does not hold the quote, the quote stands alone and says so
    (``QuoteInContext.missing``), so that a file's offsets are never read in another text.

    Args:
        item: A record (its ``sources``), the meeting, one span or several.
        text: The text the spans index into.
        meeting: The meeting the record belongs to; its text is the one used.
    """
    if text is None:
        if meeting is not None:
            text = meeting.source_text
        elif isinstance(item, Meeting):
            text = item.source_text
        else:
            from usjapan2024._io.bundled import source_text

            text = source_text()  # a lone record: used only where it holds the quote
    spans: Iterable[Span]
    if isinstance(item, Span):
        spans = (item,)
    elif isinstance(item, Meeting | Record):
        spans = item.sources
    else:
        spans = item
    return InContext(quote_in_context(span, text) for span in spans)
