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
from usjapan2024.model import Meeting, Record, Span

__all__ = ["InContext", "QuoteInContext", "in_context", "sentence_bounds"]


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

    @property
    def quote(self) -> str:
        """The quoted words."""
        return self.span.quote

    @property
    def sentence(self) -> str:
        """The whole sentence, quote included."""
        return self.before + self.quote + self.after

    def render(self, emphasise: Callable[[str], str]) -> str:
        """The sentence as text, with ``emphasise`` applied to the quote."""
        return self.before + emphasise(self.quote) + self.after

    def __str__(self) -> str:
        return self.render(lambda quote: f"«{quote}»")

    def html(self) -> str:
        """The sentence as HTML, the quote in ``<mark>``."""
        before, quote, after = (html.escape(s) for s in (self.before, self.quote, self.after))
        return f'<span class="in-context">{before}<mark>{quote}</mark>{after}</span>'

    def _repr_html_(self) -> str:
        return f"<blockquote>{self.html()}</blockquote>"


class InContext(tuple[QuoteInContext, ...]):
    """A record's quotes, each in its sentence: a tuple that shows itself in a notebook."""

    __slots__ = ()

    def __str__(self) -> str:
        return "\n".join(map(str, self))

    def _repr_html_(self) -> str:
        return "".join(q._repr_html_() for q in self) or "<p>no quotes</p>"


def quote_in_context(span: Span, text: str) -> QuoteInContext:
    """Return ``span`` inside its sentence of ``text``."""
    begin, finish = sentence_bounds(text, span.start, span.end)
    return QuoteInContext(span, text[begin : span.start], text[span.end : finish])


def in_context(
    item: Record | Meeting | Span | Iterable[Span], *, text: str | None = None
) -> InContext:
    """Return each quote of a record (or of a span, or of spans) inside its sentence.

    >>> import usjapan2024 as uj
    >>> print(uj.in_context(uj.get("official.hamada")))
    The meeting included ..., and «Defense Minister Yasukazu Hamada».

    Args:
        item: A record (its ``sources``), the meeting, one span or several.
        text: The text the spans index into; by default the bundled source text.
    """
    if text is None:
        from usjapan2024._io.bundled import source_text

        text = source_text()
    spans: Iterable[Span]
    if isinstance(item, Span):
        spans = (item,)
    elif isinstance(item, Meeting | Record):
        spans = item.sources
    else:
        spans = item
    return InContext(quote_in_context(span, text) for span in spans)
