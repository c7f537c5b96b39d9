"""Deliberately buggy code for the course: the exercises use it, nothing else should.

A property is only as good as the bugs it catches.  This module holds *mutants*:
versions of ``usjapan2024.strategies.spans`` and of ``usjapan2024.search`` that are
each wrong in one way a real implementation could be.  ``python check.py mutants``
runs your properties against every one and reports how many each catches: a
property that passes on a wrong implementation tests less than it seems to.
"""

from __future__ import annotations

from collections.abc import Callable

from given import words
from hypothesis import strategies as st

import usjapan2024 as uj
from usjapan2024 import strategies as ujst
from usjapan2024.queries import search as _real_search  # the real ones, however a mutant
from usjapan2024.strategies import spans as _real_spans  # is swapped in for them

# Mutants of ``ujst.spans(text)``, which should give a non-empty, verbatim slice of text.

Spans = Callable[..., st.SearchStrategy[uj.Span]]


@st.composite
def _one_too_long(draw: st.DrawFn, text: str | None = None) -> uj.Span:
    text = draw(ujst.source_texts()) if text is None else text
    span = draw(_real_spans(text))
    return uj.Span(span.start, span.end, text[span.start : span.end + 1])


@st.composite
def _wrong_place(draw: st.DrawFn, text: str | None = None) -> uj.Span:
    text = draw(ujst.source_texts()) if text is None else text
    span = draw(_real_spans(text))
    return uj.Span(span.start, span.end, text[: span.end - span.start])


@st.composite
def _may_be_empty(draw: st.DrawFn, text: str | None = None) -> uj.Span:
    text = draw(ujst.source_texts()) if text is None else text
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start, len(text)))
    return uj.Span(start, end, text[start:end])


@st.composite
def _past_the_end(draw: st.DrawFn, text: str | None = None) -> uj.Span:
    text = draw(ujst.source_texts()) if text is None else text
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text) + 1))
    return uj.Span(start, end, text[start:end])


SPAN_MUTANTS: dict[str, tuple[str, Spans]] = {
    "one-too-long": ("its quote has one character more than its offsets say", _one_too_long),
    "wrong-place": ("its quote comes from the start of the text, not from its offsets",
                    _wrong_place),
    "may-be-empty": ("it can give an empty span, whose start equals its end", _may_be_empty),
    "past-the-end": ("its end can be one past the end of the text", _past_the_end),
}  # fmt: skip


# Mutants of ``uj.search(text, meeting=...)``: every record whose words contain
# ``text``, ignoring case, once each, in the order of their first quotes.

Search = Callable[..., uj.Results[uj.Record]]
_MAIN_TEXT = {uj.Official: "name", uj.Party: "name", uj.Programme: "name",
              uj.Event: "description", uj.Commitment: "summary", uj.Threat: "summary",
              uj.Erratum: "record_says"}  # fmt: skip


def _records(meeting: uj.Meeting) -> list[uj.Record]:
    return [
        *meeting.officials, *meeting.parties, *meeting.programmes, *meeting.events,
        *meeting.commitments, *meeting.threats, *meeting.errata,
    ]  # fmt: skip


def _in_order(records: list[uj.Record]) -> uj.Results[uj.Record]:
    return uj.Results(sorted(records, key=lambda r: r.sources[0].start))


def _case_sensitive(text: str, *, meeting: uj.Meeting) -> uj.Results[uj.Record]:
    return _in_order([r for r in _records(meeting) if any(text in w for w in words(r))])


def _main_text_only(text: str, *, meeting: uj.Meeting) -> uj.Results[uj.Record]:
    needle = text.casefold()
    return _in_order(
        [r for r in _records(meeting) if needle in getattr(r, _MAIN_TEXT[type(r)]).casefold()]
    )


def _one_extra(text: str, *, meeting: uj.Meeting) -> uj.Results[uj.Record]:
    found = list(_real_search(text, meeting=meeting))
    first = _records(meeting)[0]
    return _in_order(found if first in found else [first, *found])


def _drops_the_last(text: str, *, meeting: uj.Meeting) -> uj.Results[uj.Record]:
    return _real_search(text, meeting=meeting)[:-1]


def _reversed(text: str, *, meeting: uj.Meeting) -> uj.Results[uj.Record]:
    return uj.Results(reversed(_real_search(text, meeting=meeting)))


def _once_per_word(text: str, *, meeting: uj.Meeting) -> uj.Results[uj.Record]:
    needle = text.casefold()
    return _in_order([r for r in _records(meeting) for w in words(r) if needle in w.casefold()])


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
