"""The reference answers of the course's exercises (the teacher's copy).

Each answer has the name and signature its blank has in ``exercises.py``;
``python check.py --answers solutions.py`` passes every check, and the test suite
runs that on every change, so the solutions the docs show always work.
"""

from __future__ import annotations

import attrs
import cattrs
from given import condemned_actors, records, words
from hypothesis import find, given, settings
from hypothesis import strategies as st

import usjapan2024 as uj
from usjapan2024 import strategies as ujst


# attrs-1
def shout(commitment: uj.Commitment) -> uj.Commitment:
    """Return a copy of ``commitment`` whose summary is in capitals."""
    return attrs.evolve(commitment, summary=commitment.summary.upper())


# attrs-2
def compact_converter() -> cattrs.Converter:
    """Return a converter that writes a span as ``[start, end, quote]`` and reads it back."""
    converter = cattrs.Converter()  # a new one: hooks on the global converter leak

    def structure_span(value: object, _: type) -> uj.Span:
        if isinstance(value, dict) and value.keys() == {"start", "end", "quote"}:
            value = [value["start"], value["end"], value["quote"]]  # the normal form
        if not isinstance(value, list) or len(value) != 3:
            msg = f"a span is [start, end, quote] or {{start, end, quote}}, not {value!r}"
            raise ValueError(msg)
        start, end, quote = value
        if type(start) is not int or type(end) is not int or type(quote) is not str:
            msg = f"a span is [int, int, str], not {value!r}"
            raise TypeError(msg)
        return uj.Span(start, end, quote)

    converter.register_structure_hook(uj.Span, structure_span)
    converter.register_unstructure_hook(uj.Span, lambda span: [span.start, span.end, span.quote])
    return converter


# attrs-3
def span_problems(data: object) -> list[str]:
    """Return every problem of structuring ``data`` into a span, each with its path."""
    converter = cattrs.Converter(detailed_validation=True)
    try:
        converter.structure(data, uj.Span)
    except Exception as error:  # noqa: BLE001  (transform_error explains any of them)
        return cattrs.transform_error(error)
    return []


# hypothesis-1
@given(st.data())
def test_span_is_a_slice(data: st.DataObject) -> None:
    """A span drawn from a text is non-empty, inside it, and quotes it at its offsets."""
    text = data.draw(st.text(min_size=1))
    span = data.draw(ujst.spans(text))
    assert 0 <= span.start < span.end <= len(text)
    assert text[span.start : span.end] == span.quote


# hypothesis-2
@given(ujst.meetings(), st.data())
def test_search_matches_the_oracle(meeting: uj.Meeting, data: st.DataObject) -> None:
    """Search finds exactly the records whose words contain the needle, once, in order."""
    quote = data.draw(st.sampled_from([s.quote for r in records(meeting) for s in r.sources]))
    start = data.draw(st.integers(0, len(quote) - 1))
    needle = quote[start : data.draw(st.integers(start + 1, len(quote)))]
    if data.draw(st.booleans()):
        needle = needle.swapcase()  # search ignores case
    if not needle.strip():
        return  # search refuses blank text
    found = uj.search(needle, meeting=meeting)
    # The oracle: a plain scan, in the meeting's record order, sorted by first quote.
    # sorted() is stable, so records whose first quotes start together keep that order.
    expected = sorted(
        (r for r in records(meeting) if any(needle.casefold() in w.casefold() for w in words(r))),
        key=lambda r: r.sources[0].start,
    )
    assert set(found) == set(expected), f"search({needle!r}) found the wrong records"
    assert list(found) == expected, f"search({needle!r}): each record once, in order"


# hypothesis-3
def find_double_count() -> list[uj.Threat]:
    """Return the smallest list of threats on which ``condemned_actors`` is wrong.

    A threat with ``actor=None`` names nobody: it adds no actor to the right count.
    """
    threats = ujst.threats(text="The ministers condemned it.", actors=[uj.Actor.CN, uj.Actor.KP])

    def right(threats: list[uj.Threat]) -> int:  # None names nobody, so it is not counted
        return len(
            {
                t.actor
                for t in threats
                if t.response is uj.Response.CONDEMNATION and t.actor is not None
            }
        )

    return find(
        st.lists(threats, min_size=2, max_size=3),  # short lists, few actors: found soon
        lambda threats: condemned_actors(threats) != right(threats),
        # The same answer every run, and enough tries for any Hypothesis version to find it.
        settings=settings(database=None, derandomize=True, max_examples=2_000),
    )
