"""Students' answers to the course's exercises, wrong and right, with what the checker says.

Every wrong answer the course's trial tried, and more of the same kinds: each is kept
here as a regression case with the words the checker must say about it (``WRONG``), so
that a hole, once closed, stays closed.  ``RIGHT`` holds correct answers written in
other ways than the solutions, which the checker must accept.  ``tests/test_course.py``
runs them all.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
import hypothesis
from hypothesis import find, given, settings
from hypothesis import strategies as st

import usjapan2024 as uj
from usjapan2024 import strategies as ujst
from usjapan2024.strategies import spans  # as a student may, by name

from .course_modules import given as course_given

condemned_actors = course_given.condemned_actors
records = course_given.records
words = course_given.words


@attrs.frozen
class Answer:
    """One answer to one exercise, and the words the checker must say about it."""

    exercise: str
    name: str
    function: Callable[..., Any]
    says: tuple[str, ...]  # every one must be in the report; () for a right answer

    def __str__(self) -> str:
        return f"{self.exercise}:{self.name}"


WRONG: list[Answer] = []
RIGHT: list[Answer] = []
FORCED: list[tuple[object, str, object]] = []
"""What an answer changed in a frozen, shared record, and its value before: to undo."""


def wrong(exercise: str, *says: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as a wrong answer to ``exercise``."""
    assert says, "a wrong answer says what the checker must say of it"

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        name = getattr(function, "__name__", "answer")
        WRONG.append(Answer(exercise, name, function, says))
        return function

    return register


def right(exercise: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as a right answer to ``exercise``."""

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        RIGHT.append(Answer(exercise, getattr(function, "__name__", "answer"), function, ()))
        return function

    return register


def _other_span(c: uj.Commitment) -> uj.Commitment:
    return attrs.evolve(c, summary=c.summary.upper())


# attrs-1 ---------------------------------------------------------------------------


@wrong("attrs-1", "add () after .upper", "$.summary")
def upper_without_call(c: uj.Commitment) -> uj.Commitment:
    return attrs.evolve(c, summary=c.summary.upper)  # type: ignore[arg-type]


@wrong("attrs-1", "only the summary should change, but so did: subjects")
def drops_subjects(c: uj.Commitment) -> uj.Commitment:
    return attrs.evolve(c, summary=c.summary.upper(), subjects=())


@wrong("attrs-1", "shout() returned None: return the copy")
def forgets_return(c: uj.Commitment) -> None:
    attrs.evolve(c, summary=c.summary.upper())


@wrong("attrs-1", "shout() returned the same record")
def returns_the_original(c: uj.Commitment) -> uj.Commitment:
    return c


@wrong("attrs-1", "shout() changed the original record")
def changes_the_original(c: uj.Commitment) -> uj.Commitment:
    copy = attrs.evolve(c, summary=c.summary.upper())
    FORCED.append((c, "summary", c.summary))  # the test puts it back: the record is shared
    object.__setattr__(c, "summary", c.summary + " ")  # a frozen record, forced
    return copy


@wrong("attrs-1", "should return a Commitment, but it returned a dict")
def returns_a_dict(c: uj.Commitment) -> dict[str, Any]:
    return {**attrs.asdict(c), "summary": c.summary.upper()}


@wrong("attrs-1", "should return a Commitment, but it returned a str")
def returns_the_summary(c: uj.Commitment) -> str:
    return c.summary.upper()


@wrong("attrs-1", "should return a Commitment, but it returned a list")
def returns_a_list(c: uj.Commitment) -> list[uj.Commitment]:
    return [_other_span(c)]


@wrong("attrs-1", "the summary should be the original's in capitals")
def lower_case(c: uj.Commitment) -> uj.Commitment:
    return attrs.evolve(c, summary=c.summary.lower())


@wrong("attrs-1", "the summary should be the original's in capitals")
def title_case(c: uj.Commitment) -> uj.Commitment:
    return attrs.evolve(c, summary=c.summary.title())


@wrong("attrs-1", "the summary should be the original's in capitals")
def with_a_bang(c: uj.Commitment) -> uj.Commitment:
    return attrs.evolve(c, summary=c.summary.upper() + "!")


@wrong("attrs-1", "the copy's summary should be a str, but it is None")
def summary_none(c: uj.Commitment) -> uj.Commitment:
    return attrs.evolve(c, summary=None)  # type: ignore[arg-type]


@wrong("attrs-1", "the copy's summary should be a str, but it is a list")
def summary_as_words(c: uj.Commitment) -> uj.Commitment:
    return attrs.evolve(c, summary=c.summary.upper().split())  # type: ignore[arg-type]


@wrong("attrs-1", "raised TypeError", "unexpected keyword argument 'summery'", "(line ")
def misspelt_field(c: uj.Commitment) -> uj.Commitment:
    return attrs.evolve(c, summery=c.summary.upper())  # type: ignore[call-arg]


@wrong("attrs-1", "only the summary should change, but so did: id")
def shouts_the_id_too(c: uj.Commitment) -> uj.Commitment:
    return attrs.evolve(c, id=c.id.upper(), summary=c.summary.upper())


@wrong("attrs-1", "only the summary should change, but so did: sources")
def rebuilt_without_sources(c: uj.Commitment) -> uj.Commitment:
    fields = {f.name: getattr(c, f.name) for f in attrs.fields(uj.Commitment)}
    return uj.Commitment(**{**fields, "summary": c.summary.upper(), "sources": ()})


# attrs-2 ---------------------------------------------------------------------------


def _compact(
    structure: Callable[..., Any] | None, unstructure: Callable[..., Any] | None
) -> Callable[[], cattrs.Converter]:
    def compact_converter() -> cattrs.Converter:
        converter = cattrs.Converter()
        if structure is not None:
            converter.register_structure_hook(uj.Span, structure)
        if unstructure is not None:
            converter.register_unstructure_hook(uj.Span, unstructure)
        return converter

    return compact_converter


def _write(span: uj.Span) -> list[object]:
    return [span.start, span.end, span.quote]


def _strict_list(value: Any) -> uj.Span:
    if not isinstance(value, list) or len(value) != 3:
        raise ValueError(value)
    start, end, quote = value
    if type(start) is not int or type(end) is not int or type(quote) is not str:
        raise TypeError(value)
    return uj.Span(start, end, quote)


def _strict(value: Any, _: type) -> uj.Span:
    if isinstance(value, dict) and value.keys() == {"start", "end", "quote"}:
        value = [value["start"], value["end"], value["quote"]]
    return _strict_list(value)


def _answer(exercise: str, name: str, function: Callable[..., Any], *says: str) -> None:
    WRONG.append(Answer(exercise, name, function, says))


_answer(
    "attrs-2",
    "tuple_not_list",
    _compact(_strict, lambda s: (s.start, s.end, s.quote)),
    "unstructure gives a tuple; give a list",
)
_answer(
    "attrs-2",
    "lenient_hook_of_the_old_page",
    _compact(lambda value, _: uj.Span(*value), _write),
    "structure read the normal",
    "not as Span(start=165, end=203",
)


def _lenient_on_the_normal_form(value: Any, cls: type) -> uj.Span:
    if isinstance(value, dict):
        return cattrs.Converter().structure(value, cls)  # cattrs' lenient defaults
    return _strict_list(value)


_answer(
    "attrs-2",
    "lenient_on_the_normal_form",
    _compact(_lenient_on_the_normal_form, _write),
    "structure accepted {'start': '0', 'end': 5, 'quote': 'Japan'}",
    "a strict hook raises on it",
)


def _swapped_hook(cls: type, value: Any) -> uj.Span:
    return _strict(value, cls)


_answer(
    "attrs-2",
    "hook_arguments_swapped",
    _compact(_swapped_hook, _write),
    "(cls, value)",
    "cattrs calls it as hook(value, type), the value first: swap them",
)


def _swapped_unnamed(t: type, v: Any) -> uj.Span:  # noqa: ARG001  (as a student wrote it)
    return uj.Span(*v) if isinstance(v, list) else uj.Span(**v)


_answer(
    "attrs-2",
    "hook_arguments_swapped_short_names",
    _compact(_swapped_unnamed, _write),
    "hook(value, type), the value first",
)


def _register_swapped() -> cattrs.Converter:
    converter = cattrs.Converter()
    converter.register_structure_hook(_strict, uj.Span)  # type: ignore[arg-type]
    return converter


_answer(
    "attrs-2",
    "register_arguments_swapped",
    _register_swapped,
    "take the class first, then the hook",
)


def _on_the_global() -> cattrs.Converter:
    return cattrs.global_converter


_answer("attrs-2", "global_converter", _on_the_global, "make a new cattrs.Converter()")


def _returns_nothing() -> None:
    converter = cattrs.Converter()
    converter.register_structure_hook(uj.Span, _strict)


_answer("attrs-2", "forgets_return", _returns_nothing, "should return a cattrs.Converter, not None")


def _the_class() -> type:
    return cattrs.Converter


_answer("attrs-2", "returns_the_class", _the_class, "the class itself; call it")


def _base_converter() -> cattrs.BaseConverter:
    converter = cattrs.BaseConverter()
    converter.register_structure_hook(uj.Span, _strict)
    converter.register_unstructure_hook(uj.Span, _write)
    return converter


_answer(
    "attrs-2",
    "base_converter",
    _base_converter,
    "should return a cattrs.Converter, not a BaseConverter",
)
_answer(
    "attrs-2",
    "no_structure_hook",
    _compact(None, _write),
    "structure should read the compact form",
)
_answer(
    "attrs-2",
    "no_unstructure_hook",
    _compact(_strict, None),
    "unstructure should give [165, 203,",
    "but gives {'start': 165",
)
_answer(
    "attrs-2",
    "unstructure_hook_with_two_arguments",
    _compact(_strict, lambda span, _: _write(span)),
    "unstructure raised TypeError",
    "cattrs calls it as hook(obj), with the record only",
)
_answer(
    "attrs-2",
    "compact_form_only",
    _compact(lambda value, _: _strict_list(value), _write),
    'structure should read the normal {"start": ...} form',
)
_answer(
    "attrs-2",
    "string_offsets_accepted",
    _compact(
        lambda v, _: (
            uj.Span(int(v[0]), int(v[1]), str(v[2])) if isinstance(v, list) else _strict(v, _)
        ),
        _write,
    ),
    "structure accepted ['0', 5, 'Japan']",
)


def _isinstance_int(value: Any, _: type) -> uj.Span:
    if isinstance(value, dict):
        value = [value.get("start"), value.get("end"), value.get("quote")]
    start, end, quote = value
    if not isinstance(start, int) or not isinstance(end, int) or not isinstance(quote, str):
        raise TypeError(value)
    return uj.Span(start, end, quote)


_answer(
    "attrs-2",
    "bool_is_an_int",
    _compact(_isinstance_int, _write),
    "structure accepted [True, 5, 'Japan']",
)
_answer(
    "attrs-2",
    "extra_items_ignored",
    _compact(lambda v, _: _strict(v[:3] if isinstance(v, list) else v, _), _write),
    "structure accepted [0, 5, 'Japan', 'extra']",
)


def _extra_keys(value: Any, _: type) -> uj.Span:
    if isinstance(value, dict):
        value = [value["start"], value["end"], value["quote"]]
    return _strict_list(value)


_answer(
    "attrs-2",
    "extra_keys_ignored",
    _compact(_extra_keys, _write),
    "structure accepted {'start': 0, 'end': 5, 'quote': 'Japan', 'extra': 1}",
)
_answer(
    "attrs-2",
    "writes_quote_before_end",
    _compact(_strict, lambda s: [s.start, s.quote, s.end]),
    "unstructure should give [165, 203, 'U.S. Secretary of State Antony Blinken']",
)
_answer(
    "attrs-2",
    "reads_end_first",
    _compact(lambda v, _: _strict([v[1], v[0], v[2]] if isinstance(v, list) else v, _), _write),
    "structure read the compact form",
    "Span(start=203, end=165",
)
_answer(
    "attrs-2",
    "a_string_read_as_a_quote",
    _compact(lambda v, _: _strict([0, len(v), v] if isinstance(v, str) else v, _), _write),
    "structure accepted 'abc'",
)


# attrs-3 ---------------------------------------------------------------------------


@wrong("attrs-3", "return the lines as a list, do not print them")
def prints_them(data: object) -> None:
    try:
        cattrs.Converter().structure(data, uj.Span)
    except Exception as error:  # noqa: BLE001
        print(*cattrs.transform_error(error), sep="\n")  # noqa: T201


@wrong("attrs-3", "detailed_validation=True collects every problem")
def first_problem_only(data: object) -> list[str]:
    try:
        cattrs.Converter(detailed_validation=False).structure(data, uj.Span)
    except Exception as error:  # noqa: BLE001
        return [str(error)]
    return []


@wrong("attrs-3", "should return a list of lines", "returned a str")
def one_string(data: object) -> str:
    try:
        cattrs.Converter().structure(data, uj.Span)
    except Exception as error:  # noqa: BLE001
        return "\n".join(cattrs.transform_error(error))
    return ""


@wrong("attrs-3", "a valid span has no problems: return [] for it", "gave None")
def none_for_no_problem(data: object) -> list[str] | None:
    try:
        cattrs.Converter().structure(data, uj.Span)
    except Exception as error:  # noqa: BLE001
        return cattrs.transform_error(error)
    return None


@wrong("attrs-3", "returned a ClassValidationError")
def returns_the_exception(data: object) -> object:
    try:
        cattrs.Converter().structure(data, uj.Span)
    except Exception as error:  # noqa: BLE001
        return error
    return []


@wrong("attrs-3", "expected the 2 lines")
def str_of_the_group(data: object) -> list[str]:
    try:
        cattrs.Converter().structure(data, uj.Span)
    except Exception as error:  # noqa: BLE001
        return [str(error)]
    return []


@wrong("attrs-3", "for {'end': 'nine'} expected the 3 lines")
def hard_coded(data: object) -> list[str]:
    if data == {"start": 0, "end": 5, "quote": "Japan"}:
        return []
    return ["invalid value for type, expected int @ $.start", "required field missing @ $.quote"]


@wrong("attrs-3", "expected the 2 lines")
def sorted_lines(data: object) -> list[str]:
    try:
        cattrs.Converter().structure(data, uj.Span)
    except Exception as error:  # noqa: BLE001
        return sorted(cattrs.transform_error(error), reverse=True)
    return []


@wrong("attrs-3", "returned a tuple")
def a_tuple(data: object) -> tuple[str, ...]:
    try:
        cattrs.Converter().structure(data, uj.Span)
    except Exception as error:  # noqa: BLE001
        return tuple(cattrs.transform_error(error))
    return ()


@wrong("attrs-3", "return [] for it", "['no problems']")
def says_no_problems(data: object) -> list[str]:
    try:
        cattrs.Converter().structure(data, uj.Span)
    except Exception as error:  # noqa: BLE001
        return cattrs.transform_error(error)
    return ["no problems"]


@wrong("attrs-3", "raised ClassValidationError", "While structuring Span")
def catches_the_wrong_exception(data: object) -> list[str]:
    try:
        cattrs.Converter().structure(data, uj.Span)
    except ValueError as error:
        return cattrs.transform_error(error)
    return []


@wrong("attrs-3", "expected the 2 lines")
def messages_without_paths(data: object) -> list[str]:
    try:
        cattrs.Converter().structure(data, uj.Span)
    except Exception as error:  # noqa: BLE001
        return [str(e) for e in getattr(error, "exceptions", [error])]
    return []


# hypothesis-1 ----------------------------------------------------------------------


@wrong("hypothesis-1", "never calls ujst.spans, so it tests nothing of it")
@given(st.data())
def draws_nothing(data: Any) -> None:
    data.draw(st.text(min_size=1))


@wrong("hypothesis-1", "too weak to score", "every span is empty", "before the text's start")
@given(st.data())
def asserts_nothing(data: Any) -> None:
    text = data.draw(st.text(min_size=1))
    data.draw(ujst.spans(text))


@wrong("hypothesis-1", "too weak to score")
@given(st.data())
def asserts_true(data: Any) -> None:
    span = data.draw(ujst.spans(data.draw(st.text(min_size=1))))
    assert span is not None
    assert True


@wrong("hypothesis-1", "too weak to score", "every span is empty")
@given(st.data())
def is_a_span(data: Any) -> None:
    assert isinstance(data.draw(ujst.spans(data.draw(st.text(min_size=1)))), uj.Span)


@wrong("hypothesis-1", "too weak to score", "every span is empty, Span(0, 0, '')")
@given(st.data())
def property_of_the_old_page(data: Any) -> None:
    text = data.draw(st.text(min_size=1))
    span = data.draw(ujst.spans(text))
    assert len(span.quote) == span.end - span.start
    assert text[span.start : span.end] == span.quote


@wrong("hypothesis-1", "too weak to score", "from before the text's start to past its end")
@given(st.data())
def non_empty_only(data: Any) -> None:
    span = data.draw(ujst.spans(data.draw(st.text(min_size=1))))
    assert span.quote


@wrong("hypothesis-1", "caught 2 of 4", "missed: one-too-long", "missed: wrong-place")
@given(st.data())
def bounds_only(data: Any) -> None:
    text = data.draw(st.text(min_size=1))
    span = data.draw(ujst.spans(text))
    assert 0 <= span.start < span.end <= len(text)


@wrong("hypothesis-1", "too weak to score", "every span is empty")
@given(st.data())
def slice_only(data: Any) -> None:
    text = data.draw(st.text(min_size=1))
    span = data.draw(ujst.spans(text))
    assert text[span.start : span.end] == span.quote


@wrong("hypothesis-1", "caught 3 of 4", "missed: past-the-end: its end can be one past")
@given(st.data())
def non_empty_and_slice(data: Any) -> None:
    text = data.draw(st.text(min_size=1))
    span = data.draw(ujst.spans(text))
    assert span.quote
    assert text[span.start : span.end] == span.quote


@wrong(
    "hypothesis-1",
    "fails on the real ujst.spans: it states something that is not true",
    "`assert span.end < len(text)`",
    "the failing example:",
    "Draw 1:",
)
@given(st.data())
def end_never_at_the_end(data: Any) -> None:
    text = data.draw(st.text(min_size=1))
    span = data.draw(ujst.spans(text))
    assert span.end < len(text)


@wrong("hypothesis-1", "fails on the real ujst.spans", "its end is inside")
@given(st.data())
def false_with_a_message(data: Any) -> None:
    text = data.draw(st.text(min_size=1))
    span = data.draw(ujst.spans(text))
    assert span.end <= len(text) - 1, "its end is inside"


@wrong("hypothesis-1", "not an assert that fails but your property's own code", "IndexError")
@given(st.data())
def indexes_past_the_quote(data: Any) -> None:
    text = data.draw(st.text(min_size=1))
    span = data.draw(ujst.spans(text))
    assert span.quote[5] in text


@wrong("hypothesis-1", "raised InvalidArgument", "spans need a non-empty text")
@given(st.data())
def empty_texts_drawn(data: Any) -> None:
    text = data.draw(st.text())
    span = data.draw(ujst.spans(text))
    assert text[span.start : span.end] == span.quote


@wrong("hypothesis-1", "too weak to score", "without a text")
@given(st.data())
def no_text_given(data: Any) -> None:
    span = data.draw(ujst.spans())
    assert len(span.quote) == span.end - span.start


@wrong("hypothesis-1", "remove the @settings(...) line")
@settings(max_examples=10)
@given(st.data())
def with_settings(data: Any) -> None:
    text = data.draw(st.text(min_size=1))
    span = data.draw(ujst.spans(text))
    assert 0 <= span.start < span.end <= len(text)
    assert text[span.start : span.end] == span.quote


@wrong("hypothesis-1", "is not a Hypothesis test: decorate it with @given")
def without_given() -> None:
    span = uj.Span(0, 5, "Japan")
    assert span.quote == "Japan"


@wrong(
    "hypothesis-1",
    "caught 3 of 4",
    "on the mutant past-the-end, your property raised IndexError",
    "not a catch: only a failing assert counts",
)
@given(st.data())
def raises_on_a_mutant(data: Any) -> None:
    text = data.draw(st.text(min_size=1))
    span = data.draw(ujst.spans(text))
    assert span.quote
    assert text[span.start : span.end] == span.quote
    assert text[span.end - 1] == span.quote[-1]  # IndexError where the end is past the text


# hypothesis-2 ----------------------------------------------------------------------


def _needle(meeting: uj.Meeting, data: Any, *, swap: bool = True) -> str:
    quote = data.draw(st.sampled_from([s.quote for r in records(meeting) for s in r.sources]))
    start = data.draw(st.integers(0, len(quote) - 1))
    needle: str = quote[start : data.draw(st.integers(start + 1, len(quote)))]
    if swap and data.draw(st.booleans()):
        needle = needle.swapcase()
    return needle


def _oracle(meeting: uj.Meeting, needle: str) -> list[uj.Record]:
    return sorted(
        (r for r in records(meeting) if any(needle.casefold() in w.casefold() for w in words(r))),
        key=lambda r: r.sources[0].start,
    )


@wrong("hypothesis-2", "too weak to score", "returns every record of the meeting")
@given(ujst.meetings(), st.sampled_from(["a", "0", "Tomahawk", "é"]))
def search_property_of_the_old_page(meeting: uj.Meeting, needle: str) -> None:
    found = uj.search(needle, meeting=meeting)
    for threat in meeting.threats:
        if needle.casefold() in threat.summary.casefold():
            assert threat in found


@wrong("hypothesis-2", "too weak to score", "always returns nothing", "always returns every")
@given(ujst.meetings(), st.data())
def search_asserts_nothing(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        uj.search(needle, meeting=meeting)


@wrong("hypothesis-2", "too weak to score", "always returns nothing", "finds the records")
@given(ujst.meetings(), st.data())
def nothing_extra_only(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        assert set(uj.search(needle, meeting=meeting)) <= set(_oracle(meeting, needle))


@wrong("hypothesis-2", "too weak to score", "leaves out the records that do not match")
@given(ujst.meetings(), st.data())
def nothing_missing_only(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        assert set(uj.search(needle, meeting=meeting)) >= set(_oracle(meeting, needle))


@wrong("hypothesis-2", "of 6 buggy", "missed: reversed", "missed: once-per-word")
@given(ujst.meetings(), st.data())
def set_equality_only(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        assert set(uj.search(needle, meeting=meeting)) == set(_oracle(meeting, needle))


# Not "caught 5 of 6": a property blind to order may also miss the case-sensitive mutant
# on some seeds (no needle drawn has a letter whose case matters); it always misses this.
@wrong("hypothesis-2", "missed: reversed")
@given(ujst.meetings(), st.data())
def no_order(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        found = uj.search(needle, meeting=meeting)
        expected = _oracle(meeting, needle)
        assert set(found) == set(expected)
        assert len(found) == len(expected)


@wrong("hypothesis-2", "caught 5 of 6", "missed: case-sensitive")
@given(ujst.meetings(), st.data())
def needle_never_case_changed(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data, swap=False)
    if needle.strip():
        assert list(uj.search(needle, meeting=meeting)) == _oracle(meeting, needle)


@wrong("hypothesis-2", "too weak to score", "none of your needles matched anything")
# Longer than any text a generated record holds (12 characters at most), so that no needle
# matches by chance ("QQQQQ" is a name Hypothesis may draw) whatever the seed.
@given(ujst.meetings(), st.text(alphabet="xyzq", min_size=13))
def needles_from_nowhere(meeting: uj.Meeting, needle: str) -> None:
    assert list(uj.search(needle, meeting=meeting)) == _oracle(meeting, needle)


@wrong("hypothesis-2", "fails on the real uj.search", "states something that is not true")
@given(ujst.meetings())
def false_property(meeting: uj.Meeting) -> None:
    assert uj.search("zzzz-none", meeting=meeting) != ()


@wrong("hypothesis-2", "fails on the real uj.search: it states something", "the failing example")
@given(ujst.meetings(), st.data())
def oracle_of_summaries_only(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        expected = {
            r
            for r in records(meeting)
            if needle.casefold() in str(getattr(r, "summary", "")).casefold()
        }
        assert set(uj.search(needle, meeting=meeting)) == expected


@wrong("hypothesis-2", "fails on the real uj.search", "the failing example", "Draw 1:")
@given(ujst.meetings(), st.data())
def whole_words_against_a_substring_oracle(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        found = uj.search(needle, meeting=meeting, whole_words=True)
        assert set(found) == set(_oracle(meeting, needle))


@wrong("hypothesis-2", "too weak to score", "raises ValueError", "assert what must hold")
@given(ujst.meetings(), st.data())
def raises_instead_of_asserting(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        found = list(uj.search(needle, meeting=meeting))
        positions = [found.index(r) for r in _oracle(meeting, needle)]
        assert positions == sorted(positions)


@wrong("hypothesis-2", "your property's own code, which raised TypeError")
@given(ujst.meetings(), st.data())
def meeting_passed_by_position(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        assert uj.search(needle, meeting) is not None  # type: ignore[call-arg]


@wrong("hypothesis-2", "too weak to score")
@given(ujst.meetings(), st.data())
def order_only(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        starts = [r.sources[0].start for r in uj.search(needle, meeting=meeting)]
        assert starts == sorted(starts)


@wrong("hypothesis-2", "too weak to score")
@given(ujst.meetings(), st.data())
def search_against_itself(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        assert uj.search(needle, meeting=meeting) == uj.search(needle, meeting=meeting)


@wrong("hypothesis-2", "remove the @settings(...) line")
@settings(max_examples=5)
@given(ujst.meetings(), st.data())
def search_with_settings(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        assert list(uj.search(needle, meeting=meeting)) == _oracle(meeting, needle)


@wrong("hypothesis-2", "fails on the real uj.search", "search() needs a non-empty string")
@given(ujst.meetings(), st.data())
def blank_needles_kept(meeting: uj.Meeting, data: Any) -> None:
    needle = data.draw(
        st.sampled_from([" ", *(s.quote for r in records(meeting) for s in r.sources)])
    )
    assert list(uj.search(needle, meeting=meeting)) == _oracle(meeting, needle)


@wrong("hypothesis-2", "caught 5 of 6", "missed: one-extra")
@given(ujst.meetings(), st.data())
def allows_one_extra(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        found = uj.search(needle, meeting=meeting)
        expected = _oracle(meeting, needle)
        assert set(expected) <= set(found)
        assert len(set(found) - set(expected)) <= 1
        assert [r for r in found if r in expected] == expected


# hypothesis-3 ----------------------------------------------------------------------


_FIND = settings(database=None, derandomize=True, max_examples=2_000)


def _right(threats: list[uj.Threat]) -> int:
    return len(
        {t.actor for t in threats if t.response is uj.Response.CONDEMNATION and t.actor is not None}
    )


def _condemned(actor: uj.Actor | None, number: int = 0) -> uj.Threat:
    return uj.Threat(
        f"threat.{number}", "Condemned.", actor, uj.ThreatKind.COERCION, (), (), (),
        uj.Response.CONDEMNATION, (uj.Span(0, 9, "condemned"),),
    )  # fmt: skip


_CHEAP = st.builds(
    _condemned,
    st.sampled_from([uj.Actor.CN, uj.Actor.KP, None]),
    st.integers(0, 9),
)  # quick to draw, so the many answers built on it check quickly


def _found() -> list[uj.Threat]:
    found: list[uj.Threat] = find(
        st.lists(_CHEAP, min_size=2, max_size=3),
        lambda ts: condemned_actors(ts) != _right(ts),
        settings=_FIND,
    )
    return found


@wrong("hypothesis-3", "did not call hypothesis.find", "not to build it yourself")
def hand_built() -> list[uj.Threat]:
    return [_condemned(uj.Actor.CN, 1), _condemned(uj.Actor.CN, 2)]


@wrong("hypothesis-3", "did not call hypothesis.find")
def from_the_data() -> list[uj.Threat]:
    return list(uj.threats(actor="RU"))  # one condemnation: the buggy count is right


@wrong("hypothesis-3", "used .example(), which gives a random example")
def with_example() -> list[uj.Threat]:
    strategy = st.lists(_CHEAP, min_size=2, max_size=3).filter(
        lambda ts: condemned_actors(ts) != _right(ts)
    )
    example: list[uj.Threat] = strategy.example()
    return example


@wrong("hypothesis-3", "your condition is true on two condemned threats, by CN and by KP")
def condition_equals_two() -> list[uj.Threat]:
    found: list[uj.Threat] = find(
        st.lists(_CHEAP, min_size=2, max_size=3),
        lambda ts: condemned_actors(ts) == 2,
        settings=_FIND,
    )
    return found


@wrong("hypothesis-3", "your condition is true on two condemned threats, by CN and by KP")
def condition_more_than_one() -> list[uj.Threat]:
    found: list[uj.Threat] = find(
        st.lists(_CHEAP, max_size=3), lambda ts: condemned_actors(ts) > 1, settings=_FIND
    )
    return found


@wrong("hypothesis-3", "your condition is true on two condemned threats, by CN and by KP")
def condition_on_the_length() -> list[uj.Threat]:
    found: list[uj.Threat] = find(
        st.lists(_CHEAP, max_size=3), lambda ts: len(ts) >= 2, settings=_FIND
    )
    return found


@wrong("hypothesis-3", "it counts actor=None as an actor", "the model says None names nobody")
def counts_none() -> list[uj.Threat]:
    found: list[uj.Threat] = find(
        st.lists(_CHEAP, max_size=3),
        lambda ts: (
            condemned_actors(ts)
            != len({t.actor for t in ts if t.response is uj.Response.CONDEMNATION})
        ),
        settings=_FIND,
    )
    return found


@wrong("hypothesis-3", "raised NoSuchExample", "your condition is false on two condemned threats")
def condition_never_true() -> list[uj.Threat]:
    found: list[uj.Threat] = find(st.lists(_CHEAP, max_size=3), lambda _: False, settings=_FIND)
    return found


@wrong("hypothesis-3", "raised NoSuchExample", "lists your strategy drew show the bug")
def lists_too_short() -> list[uj.Threat]:
    found: list[uj.Threat] = find(
        st.lists(_CHEAP, max_size=1),
        lambda ts: condemned_actors(ts) != _right(ts),
        settings=settings(database=None, derandomize=True, max_examples=200),
    )
    return found


@wrong("hypothesis-3", "return what find() returned")
def reversed_copy() -> list[uj.Threat]:
    return list(reversed(_found()))


@wrong("hypothesis-3", "so it shows no bug")
def first_threat_only() -> list[uj.Threat]:
    return _found()[:1]


@wrong("hypothesis-3", "should return a list of threats, not a tuple")
def a_tuple_of_threats() -> tuple[uj.Threat, ...]:
    return tuple(_found())


@wrong("hypothesis-3", "should return a list of threats, but item 0 is a dict")
def dicts() -> list[dict[str, Any]]:
    return [attrs.asdict(t) for t in _found()]


@wrong("hypothesis-3", "raised IndexError", "list index out of range")
def condition_raises() -> list[uj.Threat]:
    found: list[uj.Threat] = find(
        st.lists(_CHEAP, max_size=3),
        lambda ts: ts[0].actor is not None and condemned_actors(ts) != _right(ts),
        settings=_FIND,
    )
    return found


@wrong("hypothesis-3", "should return a list of threats, not None")
def find_without_return() -> None:
    _found()


# Right answers, written otherwise than the solutions -----------------------------


@right("attrs-1")
def shout_by_hand(c: uj.Commitment) -> uj.Commitment:
    fields = {f.name: getattr(c, f.name) for f in attrs.fields(uj.Commitment)}
    return uj.Commitment(**{**fields, "summary": c.summary.upper()})


@right("attrs-3")
def span_problems_default_converter(data: object) -> list[str]:
    try:
        cattrs.Converter().structure(data, uj.Span)  # detailed_validation is the default
    except Exception as error:  # noqa: BLE001
        return list(cattrs.transform_error(error))
    return []


@right("hypothesis-1")
@given(st.data())
def span_imported_by_name(data: Any) -> None:
    text = data.draw(st.text(min_size=1, max_size=30))
    span = data.draw(spans(text))
    assert span.start < span.end, "non-empty"
    assert span.start >= 0
    assert span.end <= len(text)
    assert text[span.start : span.end] == span.quote


@right("hypothesis-1")
@given(ujst.source_texts(), st.data())
def span_of_a_source_text(text: str, data: Any) -> None:
    span = data.draw(ujst.spans(text))
    assert 0 <= span.start < span.end <= len(text)
    assert span.quote == text[span.start : span.end]


@right("hypothesis-2")
@given(ujst.meetings(), st.data())
def exact_order_ties_included(meeting: uj.Meeting, data: Any) -> None:
    """The issue's correct exact-order property: ties in the meeting's record order."""
    needle = _needle(meeting, data)
    if needle.strip():
        assert list(uj.search(needle, meeting=meeting)) == _oracle(meeting, needle)


@right("hypothesis-2")
@given(ujst.meetings(), st.data())
def separate_asserts(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if not needle.strip():
        return
    found = uj.search(needle, meeting=meeting)
    expected = set(_oracle(meeting, needle))
    assert set(found) == expected
    assert len(found) == len(expected)
    starts = [r.sources[0].start for r in found]
    assert starts == sorted(starts)


@right("hypothesis-3")
def find_with_a_tuple_of_actors() -> list[uj.Threat]:
    threats = ujst.threats(actors=(uj.Actor.CN, uj.Actor.KP))
    found: list[uj.Threat] = hypothesis.find(
        st.lists(threats, min_size=2, max_size=3),
        lambda ts: condemned_actors(ts) != _right(ts),
        settings=_FIND,
    )
    return found


# Slow answers: the advice names the cause ------------------------------------------


def _slow_condition(threats: list[uj.Threat]) -> bool:
    # Slow enough that the condition outweighs drawing and Hypothesis's own start-up in
    # the checker's 30-example sample, even on a busy or cold machine (at 5 ms it did not).
    time.sleep(0.02)
    return bool(condemned_actors(threats) != _right(threats))


def slow_condition() -> list[uj.Threat]:
    found: list[uj.Threat] = find(
        st.lists(_CHEAP, min_size=2, max_size=3), _slow_condition, settings=_FIND
    )
    return found


def _slowly(threats: list[uj.Threat]) -> list[uj.Threat]:
    time.sleep(0.015)  # as drawing whole meetings would be
    return threats


def slow_drawing() -> list[uj.Threat]:
    found: list[uj.Threat] = find(
        st.lists(_CHEAP, min_size=2, max_size=3).map(_slowly),
        lambda ts: condemned_actors(ts) != _right(ts),
        settings=_FIND,
    )
    return found


def rare_counterexamples() -> list[uj.Threat]:
    many = st.builds(_condemned, st.sampled_from(list(uj.Actor)))  # twelve actors
    found: list[uj.Threat] = find(
        st.lists(many, min_size=2, max_size=2),
        lambda ts: condemned_actors(ts) != _right(ts),
        settings=_FIND,
    )
    return found


@given(ujst.meetings(max_records=12, min_records=12), st.data())
def large_meetings(meeting: uj.Meeting, data: Any) -> None:
    needle = _needle(meeting, data)
    if needle.strip():
        assert list(uj.search(needle, meeting=meeting)) == _oracle(meeting, needle)


SLOW: dict[str, tuple[Callable[[], list[uj.Threat]], str]] = {
    "condition": (slow_condition, "your condition is slow"),
    "drawing": (slow_drawing, "drawing one example takes"),
    "rare": (rare_counterexamples, "lists your strategy drew show the bug"),
}
"""hypothesis-3 answers that are slow for different reasons, and the advice each gets."""
