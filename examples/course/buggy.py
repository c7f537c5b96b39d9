"""Deliberately buggy code for the course: the exercises use it, nothing else should.

A property is only as good as the bugs it catches.  This module holds *mutants*:
versions of ``usjapan2024.strategies.spans`` and of ``usjapan2024.search`` that are
each wrong in one way a real implementation could be, and otherwise the same: each
takes exactly the real function's arguments, defaults and types (a test compares
their signatures), so that a property can fail on a mutant only because of its bug.
``python check.py mutants`` runs your properties against every one and reports how
many each catches: a property that passes on a wrong implementation tests less than
it seems to.

It also holds the *broken* versions of the sanity gate (``SPAN_BROKEN``,
``SEARCH_BROKEN``): so wrong that every property worth the name fails on them.  A
property that passes one of them is too weak to score.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from given import records, words
from hypothesis import strategies as st

import usjapan2024 as uj
from usjapan2024 import Meeting, Record, Results, Span
from usjapan2024 import strategies as ujst
from usjapan2024.queries import search as _real_search  # the real ones, however a mutant
from usjapan2024.strategies import spans as _real_spans  # is swapped in for them

# Mutants of ``ujst.spans(text, limit=...)``, which should give a non-empty, verbatim
# slice of ``text[:limit]``.

Spans = Callable[..., st.SearchStrategy[Span]]


def _end(text: str, limit: int | None) -> int:
    return len(text) if limit is None else min(limit, len(text))


@st.composite
def _one_too_long(draw: st.DrawFn, text: str | None = None, *, limit: int | None = None) -> Span:
    text = draw(ujst.source_texts()) if text is None else text
    span = draw(_real_spans(text, limit=limit))
    return Span(span.start, span.end, text[span.start : span.end + 1])


@st.composite
def _wrong_place(draw: st.DrawFn, text: str | None = None, *, limit: int | None = None) -> Span:
    text = draw(ujst.source_texts()) if text is None else text
    span = draw(_real_spans(text, limit=limit))
    return Span(span.start, span.end, text[: span.end - span.start])


@st.composite
def _may_be_empty(draw: st.DrawFn, text: str | None = None, *, limit: int | None = None) -> Span:
    text = draw(ujst.source_texts()) if text is None else text
    start = draw(st.integers(0, _end(text, limit) - 1))
    end = draw(st.integers(start, _end(text, limit)))
    return Span(start, end, text[start:end])


@st.composite
def _past_the_end(draw: st.DrawFn, text: str | None = None, *, limit: int | None = None) -> Span:
    text = draw(ujst.source_texts()) if text is None else text
    start = draw(st.integers(0, _end(text, limit) - 1))
    end = draw(st.integers(start + 1, _end(text, limit) + 1))
    return Span(start, end, text[start:end])


SPAN_MUTANTS: dict[str, tuple[str, Spans]] = {
    "one-too-long": ("its quote has one character more than its offsets say", _one_too_long),
    "wrong-place": ("its quote comes from the start of the text, not from its offsets",
                    _wrong_place),
    "may-be-empty": ("it can give an empty span, whose start equals its end", _may_be_empty),
    "past-the-end": ("its end can be one past the end of the text", _past_the_end),
}  # fmt: skip


@st.composite
def _always_empty(draw: st.DrawFn, text: str | None = None, *, limit: int | None = None) -> Span:
    del limit  # the point is that it ignores what it is asked for
    draw(ujst.source_texts()) if text is None else text
    return Span(0, 0, "")


@st.composite
def _beyond_the_text(draw: st.DrawFn, text: str | None = None, *, limit: int | None = None) -> Span:
    del limit
    text = draw(ujst.source_texts()) if text is None else text
    return Span(-1, len(text) + 1, f"?{text}?")


SPAN_BROKEN: dict[str, tuple[str, Spans]] = {
    "nothing": (
        (
            "a strategy whose every span is empty, Span(0, 0, ''), whatever the text: so it"
            " checks neither that a span is non-empty nor that it quotes the text"
        ),
        _always_empty,
    ),
    "everything": (
        (
            "a strategy whose every span runs from before the text's start to past its end, quoting"
            " words that are not in the text: so it checks neither where a span lies nor what it"
            " quotes"
        ),
        _beyond_the_text,
    ),
}
"""The sanity gate's span strategies, each with what passing it says about a property."""


# Mutants of ``uj.search(text, meeting=..., whole_words=...)``: every record whose words
# contain ``text``, ignoring case, once each, in the order of their first quotes (ties
# in the meeting's record order).

Search = Callable[..., Results[Record]]
_MAIN_TEXT = {uj.Official: "name", uj.Party: "name", uj.Location: "name",
              uj.Department: "name", uj.Programme: "name", uj.Event: "description",
              uj.Commitment: "summary", uj.Threat: "summary",
              uj.Erratum: "record_says"}  # fmt: skip


def _meeting(meeting: Meeting | None) -> Meeting:
    return uj.load() if meeting is None else meeting


def _contains(hay: str, needle: str, *, whole_words: bool) -> bool:
    if whole_words:
        return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", hay) is not None
    return needle in hay


def _in_order(found: list[Record]) -> Results[Record]:
    return Results(sorted(found, key=lambda r: r.sources[0].start))


def _case_sensitive(
    text: str, *, meeting: Meeting | None = None, whole_words: bool = False, context: bool = False
) -> Results[Record]:
    _real_search(text, meeting=meeting)  # refuses what search refuses
    return _in_order(
        [
            r
            for r in records(_meeting(meeting))
            if any(_contains(w, text, whole_words=whole_words) for w in words(r, context=context))
        ]
    )


def _main_text_only(
    text: str, *, meeting: Meeting | None = None, whole_words: bool = False, context: bool = False
) -> Results[Record]:
    del context  # the main text holds no quote, of either role
    _real_search(text, meeting=meeting)
    needle = text.casefold()
    return _in_order([r for r in records(_meeting(meeting))
                      if _contains(getattr(r, _MAIN_TEXT[type(r)]).casefold(), needle,
                                   whole_words=whole_words)])  # fmt: skip


def _one_extra(
    text: str, *, meeting: Meeting | None = None, whole_words: bool = False, context: bool = False
) -> Results[Record]:
    found = list(_real_search(text, meeting=meeting, whole_words=whole_words, context=context))
    first = records(_meeting(meeting))[0]
    return _in_order(found if first in found else [first, *found])


def _drops_the_last(
    text: str, *, meeting: Meeting | None = None, whole_words: bool = False, context: bool = False
) -> Results[Record]:
    return _real_search(text, meeting=meeting, whole_words=whole_words, context=context)[:-1]


def _reversed(
    text: str, *, meeting: Meeting | None = None, whole_words: bool = False, context: bool = False
) -> Results[Record]:
    return Results(
        reversed(_real_search(text, meeting=meeting, whole_words=whole_words, context=context))
    )


def _once_per_word(
    text: str, *, meeting: Meeting | None = None, whole_words: bool = False, context: bool = False
) -> Results[Record]:
    _real_search(text, meeting=meeting)
    needle = text.casefold()
    return _in_order([r for r in records(_meeting(meeting)) for w in words(r, context=context)
                      if _contains(w.casefold(), needle, whole_words=whole_words)])  # fmt: skip


SEARCH_MUTANTS: dict[str, tuple[str, Search]] = {
    "case-sensitive": ("it does not ignore case", _case_sensitive),
    "main-text-only": ("it looks only in a record's name or summary, not in its quotes",
                       _main_text_only),
    "one-extra": ("it always returns the meeting's first record, even when it does not match",
                  _one_extra),
    "drops-the-last": ("it leaves out the last record that matches", _drops_the_last),
    "reversed": ("it returns the records in reverse source order", _reversed),
    "once-per-word": ("it returns a record once for every word that matches, so some twice",
                      _once_per_word),
}  # fmt: skip


def _nothing(
    text: str, *, meeting: Meeting | None = None, whole_words: bool = False, context: bool = False
) -> Results[Record]:
    del text, meeting, whole_words, context
    return Results(())


def _everything(
    text: str, *, meeting: Meeting | None = None, whole_words: bool = False, context: bool = False
) -> Results[Record]:
    del text, whole_words, context
    return Results(sorted(records(_meeting(meeting)), key=lambda r: r.sources[0].start))


SEARCH_BROKEN: dict[str, tuple[str, Search]] = {
    "nothing": (
        (
            "a search that always returns nothing: so it never checks that search finds the"
            " records that match"
        ),
        _nothing,
    ),
    "everything": (
        (
            "a search that always returns every record of the meeting: so it never checks that"
            " search leaves out the records that do not match"
        ),
        _everything,
    ),
}
"""The sanity gate's searches, each with what passing it says about a property."""
