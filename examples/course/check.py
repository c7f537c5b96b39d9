"""Check your answers to the course's exercises, and say in plain words what is wrong.

Write your answers in ``exercises.py`` (beside this file), then run, from anywhere::

    python examples/course/check.py              # every exercise
    python examples/course/check.py attrs-2      # one exercise
    python examples/course/check.py mutants      # how many bugs your properties catch
    python examples/course/check.py hypothesis-1 mutants   # one property's catches
    python examples/course/check.py --answers examples/course/solutions.py   # the teacher's

A check runs *your* answer, on the bundled data and on buggy implementations made
for the purpose (``buggy.py``), and reports each thing that is wrong, or "correct".
A property is first run on the real code (it must pass), then on blatantly broken
code (it must fail: one that passes is too weak to score), then on the mutants: it
catches one only when one of its asserts fails there.  The check exits with status 0
when every exercise checked is correct, 1 otherwise.  In a notebook,
``report("attrs-1", shout)`` prints the same report for one answer.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.util
import inspect
import json
import linecache
import os
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType, TracebackType
from typing import Any
from unittest import mock

import attrs
import cattrs
import hypothesis
import hypothesis.errors
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from hypothesis.errors import (
    HypothesisException,
    InvalidArgument,
    NonInteractiveExampleWarning,
    NoSuchExample,
)

import usjapan2024 as uj
import usjapan2024.queries
from usjapan2024 import strategies as ujst

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # `given` and `buggy`, wherever this is run from

import buggy  # noqa: E402
from given import condemned_actors, records, words  # noqa: E402

NOT_ANSWERED = "not answered yet"
# Seconds per 50 examples: a property slower than this needs smaller data.  A busy
# machine (a test run that checks answers side by side) may allow more, or "inf".
SLOW = float(os.environ.get("COURSE_SLOW_SECONDS", "10"))
_SMALL_EXAMPLE = 10  # threats: find() shrinks well below this
_SHOWN = 240  # characters of a failing example shown per line


@functools.cache
def _property_settings(examples: int) -> settings:
    """The checker's settings for a property: one object per count, so a rerun can tell."""
    return settings(
        max_examples=examples,
        derandomize=True,  # the same examples every run, so the counts are repeatable
        database=None,
        deadline=None,
        phases=(Phase.explicit, Phase.generate),  # no shrinking: a failure is all we need
        suppress_health_check=list(HealthCheck),
    )


class NotAnsweredError(Exception):
    """The answer is still the blank."""


class AnswerError(Exception):
    """The answer cannot be checked; the message says why, in words."""


def _a(noun: str) -> str:
    """``noun`` with its indefinite article: "an Actor", "a Topic"."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _kind(value: object) -> str:
    """What ``value`` is, in words: "None", "a str", "an int"."""
    return "None" if value is None else _a(type(value).__name__)


def _shorten(text: str, limit: int = _SHOWN) -> str:
    return text if len(text) <= limit else f"{text[: limit - 1]}…"


def _leaves(error: BaseException) -> list[BaseException]:
    """The exceptions inside ``error``: itself, or those of Hypothesis' exception groups.

    Only plain groups (several failures) and Hypothesis' own (a failure that did not
    happen twice) are opened: a library's group, such as cattrs', is one error.
    """
    inner = getattr(error, "exceptions", None)
    plain = type(error).__module__ in {"builtins", "exceptiongroup"}
    if isinstance(inner, tuple) and inner and (plain or isinstance(error, HypothesisException)):
        return [leaf for e in inner for leaf in _leaves(e)]
    return [error]


def _is_assertion(error: BaseException) -> bool:
    """Whether ``error`` is a property's own failure, not an error in its code.

    That is a failed assert, or Hypothesis' report of failed asserts (an exception
    group of them, such as a failure that did not happen twice).
    """
    return all(isinstance(leaf, AssertionError) for leaf in _leaves(error))


def _student_line(error: BaseException, filename: str | None) -> tuple[int, str] | None:
    """The line of ``filename`` (the answer's file) where ``error`` was raised, and its code."""
    found = None
    tb: TracebackType | None = error.__traceback__
    while tb is not None:
        if filename is None or tb.tb_frame.f_code.co_filename == filename:
            code = tb.tb_frame.f_code.co_filename
            found = (tb.tb_lineno, linecache.getline(code, tb.tb_lineno).strip())
        tb = tb.tb_next
    return found


def _filename(function: object) -> str | None:
    inner = getattr(getattr(function, "hypothesis", None), "inner_test", function)
    code = getattr(inner, "__code__", None)
    return None if code is None else code.co_filename


def _explained(error: BaseException, function: object) -> str:
    """``error`` in words: what failed, where in the answer, and on which example.

    Never a bare ``AssertionError``: a failed assert is shown as its line of code.
    """
    leaf = _leaves(error)[0]
    where = _student_line(leaf, _filename(function))
    message = str(leaf).strip()
    if isinstance(leaf, AssertionError):
        said = (
            f"`{where[1]}` (line {where[0]}) failed" if where and where[1] else "an assert failed"
        )
        said += f": {_shorten(message)}" if message else ""
    else:
        said = f"{type(leaf).__name__}: {_shorten(message)}" if message else type(leaf).__name__
        if where and where[1]:
            said += f", raised by `{where[1]}` (line {where[0]})"
    notes = [
        _shorten(line)
        for note in getattr(error, "__notes__", []) + getattr(leaf, "__notes__", [])
        for line in str(note).splitlines()
        if line.strip()
    ]
    example = " ".join(dict.fromkeys(notes))  # a group and its leaf may carry the same notes
    return f"{said}; the failing example: {example}" if example else said


def _call(function: Callable[..., Any], *args: object) -> Any:  # noqa: ANN401
    """Call the student's ``function``; a blank is not answered, an error is explained."""
    try:
        return function(*args)
    except NotImplementedError:
        raise NotAnsweredError from None
    except Exception as error:
        name = getattr(function, "__name__", "your answer")
        msg = f"{name}() raised {_explained(error, function)}"
        raise AnswerError(msg) from error


# attrs-1 -------------------------------------------------------------------------


def check_attrs_1(shout: Callable[[uj.Commitment], uj.Commitment]) -> list[str]:
    """What is wrong with ``shout``, which should copy a commitment with its summary in capitals."""
    for original in uj.load().commitments[:3]:
        before = attrs.asdict(original)
        problems = _shout_problems(_call(shout, original), original, before)
        if problems:
            return problems
    return []


def _shout_problems(copy: object, original: uj.Commitment, before: dict[str, Any]) -> list[str]:
    if copy is None:
        return ["shout() returned None: return the copy (return attrs.evolve(...))"]
    if not isinstance(copy, uj.Commitment):
        return [f"shout() should return a Commitment, but it returned {_kind(copy)}"]
    if copy is original:
        return ["shout() returned the same record: make a new one with attrs.evolve()"]
    problems = []
    if attrs.asdict(original) != before:
        problems.append("shout() changed the original record; it should leave it as it was")
    if callable(copy.summary):
        found = "; ".join(map(str, uj.check(copy)))
        method = (
            "the copy's summary is a method, not text: you passed summary.upper without"
            f" calling it; add () after .upper (usjapan2024.check(copy) says: {found})"
        )
        return [*problems, method]
    if not isinstance(copy.summary, str):
        return [*problems, f"the copy's summary should be a str, but it is {_kind(copy.summary)}"]
    if copy.summary != original.summary.upper():
        problems.append(
            f"the summary should be the original's in capitals, {original.summary.upper()!r},"
            f" but it is {copy.summary!r}"
        )
    changed = [
        f.name
        for f in attrs.fields(uj.Commitment)
        if f.name != "summary" and getattr(copy, f.name) != getattr(original, f.name)
    ]
    if changed:
        problems.append(f"only the summary should change, but so did: {', '.join(changed)}")
    if not problems and copy == original:
        problems.append("the copy should not be equal to the original")
    return problems


# attrs-2 -------------------------------------------------------------------------

_STRICT_REFUSES: tuple[object, ...] = (
    ["0", 5, "Japan"],  # a string offset
    [0, 5],  # no quote
    [0, 5, "Japan", "extra"],
    [True, 5, "Japan"],  # a bool is an int to Python, not to JSON
    [0.0, 5, "Japan"],  # a float offset
    [0, 5, 7],  # a number quote
    [0, 5, None],
    "abc",  # three characters are not three fields
    None,
    {"start": 0, "end": 5},  # the normal form, without its quote
    {"start": "0", "end": 5, "quote": "Japan"},  # the normal form is strict too
    {"start": 0, "end": 5, "quote": 7},
    {"start": True, "end": 5, "quote": "Japan"},
    {"start": 0, "end": 5, "quote": "Japan", "extra": 1},
)
_TYPE_NAMES = frozenset({"cls", "type", "typ", "type_", "_type", "t", "klass", "kind", "target"})


def check_attrs_2(compact_converter: Callable[[], cattrs.Converter]) -> list[str]:
    """What is wrong with the converter that writes spans as ``[start, end, quote]``."""
    try:
        converter = _call(compact_converter)
    except AnswerError as error:
        if "is not a class" not in str(error.__cause__):
            raise
        swapped = (
            "register_structure_hook() and register_unstructure_hook() take the class"
            " first, then the hook: register_structure_hook(uj.Span, structure_span)"
        )
        return [swapped]
    if isinstance(converter, type):
        return [f"compact_converter() returned the class itself; call it: {converter.__name__}()"]
    if not isinstance(converter, cattrs.Converter):
        return [f"compact_converter() should return a cattrs.Converter, not {_kind(converter)}"]
    if converter is cattrs.global_converter:
        return ["make a new cattrs.Converter(): hooks on the global one change every user of it"]
    span = uj.load().officials[0].sources[0]
    problems = _writing_problems(converter, span)
    reading = _reading_problems(converter, span)
    if reading:  # a hook that cannot read yet is not worth testing for strictness
        return problems + reading
    return problems + _leniency_problems(converter)


def _writing_problems(converter: cattrs.Converter, span: uj.Span) -> list[str]:
    """Whether ``converter`` writes ``span``, alone and inside a record, as a JSON array."""
    compact = [span.start, span.end, span.quote]
    try:
        written = converter.unstructure(span)
    except Exception as error:  # noqa: BLE001  (the student's hook may raise anything)
        hook = converter.get_unstructure_hook(uj.Span)
        return [f"unstructure raised {_explained(error, None)}{_unstructure_arguments(hook)}"]
    if isinstance(written, tuple) and list(written) == compact:
        tuple_ = (
            "unstructure gives a tuple; give a list: JSON reads an array back as a list, so"
            " json.loads(json.dumps(...)) would not give back what you wrote"
        )
        return [tuple_]
    if written != compact:
        return [f"unstructure should give {compact!r}, but gives {written!r}"]
    nested = converter.unstructure(uj.load().officials[0])["sources"]
    if nested != [compact]:
        return [f"a span inside a record should be written {[compact]!r}, not {nested!r}"]
    return []


def _parameters(hook: object) -> list[str]:
    try:
        return list(inspect.signature(hook).parameters)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return []


def _unstructure_arguments(hook: object) -> str:
    names = _parameters(hook)
    if len(names) > 1:
        return (
            f" (your unstructure hook takes {len(names)} arguments, ({', '.join(names)}), but"
            " cattrs calls it as hook(obj), with the record only)"
        )
    return ""


def _swapped_arguments(converter: cattrs.Converter, data: object, span: uj.Span) -> str:
    """Why the structure hook failed, when the reason is its arguments' order."""
    hook = converter.get_structure_hook(uj.Span)
    names = _parameters(hook)
    try:
        works_swapped = hook(uj.Span, data) == span
    except Exception:  # noqa: BLE001  (only a success is telling)
        works_swapped = False
    if works_swapped or (len(names) == 2 and names[0].lstrip("_") in _TYPE_NAMES):
        shown = f"({', '.join(names)})" if len(names) == 2 else "(type, value)"
        return (
            f"; your structure hook takes its arguments as {shown}, but cattrs calls it as"
            " hook(value, type), the value first: swap them"
        )
    return ""


def _reading_problems(converter: cattrs.Converter, span: uj.Span) -> list[str]:
    """Whether ``converter`` reads ``span`` back from both forms, after a JSON round trip."""
    problems = []
    normal = {"start": span.start, "end": span.end, "quote": span.quote}
    compact = json.loads(json.dumps([span.start, span.end, span.quote]))
    for form, data in (("the compact form", compact), ('the normal {"start": ...} form', normal)):
        try:
            read = converter.structure(data, uj.Span)
        except Exception as error:  # noqa: BLE001  (any failure is the student's to see)
            problems.append(
                f"structure should read {form} {data!r}, but raised {_explained(error, None)}"
                + _swapped_arguments(converter, data, span)
            )
            continue
        if read != span:
            problems.append(
                f"structure read {form} {data!r} as {read!r}, not as {span!r}"
                + _swapped_arguments(converter, data, span)
            )
    return problems


def _leniency_problems(converter: cattrs.Converter) -> list[str]:
    """Each malformed span that ``converter`` accepts instead of raising."""
    problems = []
    for bad in _STRICT_REFUSES:
        try:
            read = converter.structure(bad, uj.Span)
        except Exception:  # noqa: BLE001, S112  (refusing is right, whatever the exception)
            continue
        problems.append(f"structure accepted {bad!r} as {read!r}; a strict hook raises on it")
    return problems


# attrs-3 -------------------------------------------------------------------------

_PROBES: tuple[object, ...] = (
    {"start": "zero", "end": 2},  # the exercise's example
    {"end": "nine"},
    [0, 5, "Japan"],
)


def _expected_lines(data: object) -> list[str]:
    """What cattrs says of ``data`` as a span, one line a problem: the oracle of attrs-3."""
    try:
        cattrs.Converter(detailed_validation=True).structure(data, uj.Span)
    except Exception as error:  # noqa: BLE001  (transform_error explains any of them)
        return cattrs.transform_error(error)
    return []


def check_attrs_3(span_problems: Callable[[object], list[str]]) -> list[str]:
    """What is wrong with ``span_problems``, which should list every problem with its path."""
    problems: list[str] = []
    for data in _PROBES:
        lines = _call(span_problems, data)
        if lines is None:
            return [(f"span_problems({data!r}) returned None: return the lines as a list, do not"
                    " print them")]  # fmt: skip
        if not isinstance(lines, list):
            return [
                (
                    f"span_problems() should return a list of lines (one str a problem), but it"
                    f" returned {_kind(lines)}: {_shorten(repr(lines))}"
                )
            ]
        expected = _expected_lines(data)
        if lines != expected:
            problems.append(
                f"for {data!r} expected the {len(expected)} lines {expected!r},"
                f" got {lines!r} (detailed_validation=True collects every problem, and"
                " cattrs.transform_error turns them into lines)"
            )
            break
    valid = _call(span_problems, {"start": 0, "end": 5, "quote": "Japan"})
    if valid != []:
        problems.append(
            f"a valid span has no problems: return [] for it, but span_problems() gave {valid!r}"
        )
    return problems


# hypothesis-1 and hypothesis-2: properties, run against mutants -------------------


@attrs.frozen
class MutantScore:
    """How many of an exercise's mutants a property caught, and which it missed."""

    exercise: str
    what: str
    caught: int
    total: int
    missed: tuple[str, ...]

    def __str__(self) -> str:
        line = (
            f"{self.exercise}: your property caught {self.caught} of {self.total}"
            f" buggy {self.what} (target: {self.total} of {self.total})"
        )
        return "\n".join([line, *(f"  missed: {m}" for m in self.missed)])


def _configured(test: Callable[[], None], examples: int) -> Callable[[], None]:
    """``test`` with the course's settings, or the reason it cannot be run."""
    if not hasattr(test, "hypothesis"):
        _call(test)  # a blank raises NotImplementedError
        msg = f"{test.__name__} is not a Hypothesis test: decorate it with @given(...)"
        raise AnswerError(msg)
    configured = _property_settings(examples)
    if getattr(test, "_hypothesis_internal_use_settings", None) is configured:
        return test  # configured by an earlier check: settings apply to the function itself
    try:
        return configured(test)
    except InvalidArgument:
        msg = "remove the @settings(...) line: the checker sets the examples, so counts repeat"
        raise AnswerError(msg) from None


def _failure(test: Callable[[], None]) -> BaseException | None:
    try:
        test()
    except NotImplementedError:
        raise NotAnsweredError from None
    except Exception as error:  # noqa: BLE001  (a failing property may raise anything)
        return error
    return None


@contextlib.contextmanager
def _swapped(module: ModuleType, name: str, replacement: object, test: object) -> Iterator[None]:
    """Put ``replacement`` for ``module.name``, and for the name in ``test``'s module if there.

    The second is for an answer that imported the name itself (``from ... import spans``).
    """
    real = getattr(module, name)
    with contextlib.ExitStack() as stack:
        stack.enter_context(mock.patch.object(module, name, replacement))
        student = sys.modules.get(getattr(test, "__module__", ""))
        if student is not None and getattr(student, name, None) is real:
            stack.enter_context(mock.patch.object(student, name, replacement))
        yield


@attrs.define
class _Calls:
    """What a property passed to the real function, and what it got back."""

    made: list[tuple[Any, ...]] = attrs.Factory(list)
    seconds: float = 0.0


@attrs.frozen
class _Property:
    """What a property exercise checks: the real function, its broken versions, its mutants."""

    exercise: str
    what: str  # what the mutants are: "span strategies"
    real: str  # the real function's name, as the student calls it
    swap: Callable[[object, object], contextlib.AbstractContextManager[None]]
    recording: Callable[[_Calls], object]  # the real function, noting each call
    broken: dict[str, tuple[str, Any]]
    mutants: dict[str, tuple[str, Any]]
    # Why a catch of a mutant is not credited (it was caught by chance), or None.
    by_chance: Callable[[str, _Calls], str | None]
    # Advice that depends on what the property did: for the broken version it passed, if slow.
    advice: Callable[[str, _Calls], str]
    # Examples per run: enough that a right property catches every mutant whatever the
    # seed (checked on each supported Python and Hypothesis version), yet a few seconds.
    examples: int = 50


def _score(spec: _Property, test: Callable[[], None]) -> tuple[list[str], MutantScore | None]:
    """Run ``test`` on the real code, the broken versions, then the mutants, and score it."""
    configured = _configured(test, spec.examples)
    began = time.perf_counter()
    calls = _Calls()
    with spec.swap(spec.recording(calls), test):
        error = _failure(configured)
    if error is not None:
        if _is_assertion(error):
            said = f"it states something that is not true: {_explained(error, test)}"
        else:
            said = (
                "it is not an assert that fails but your property's own code, which raised"
                f" {_explained(error, test)}"
            )
        return [f"your property fails on the real {spec.real}: {said}"], None
    if not calls.made:
        return [f"your property never calls {spec.real}, so it tests nothing of it"], None
    gate = _gate_problems(spec, configured, test, calls)
    if gate:
        return [f"your property is too weak to score: {'; and '.join(gate)}"], None
    missed, errors = [], []
    for name, (description, mutant) in spec.mutants.items():
        with spec.swap(mutant, test):
            error = _failure(configured)
        if error is None:
            missed.append(f"{name}: {description}")
        elif not _is_assertion(error):
            missed.append(f"{name}: {description}")
            errors.append(
                f"on the mutant {name}, your property raised {_explained(error, test)}; that is"
                " an error in your code, not a catch: only a failing assert counts"
            )
        elif (reason := spec.by_chance(name, calls)) is not None:
            missed.append(f"{name}: {description} (caught only by chance: {reason})")
    caught = len(spec.mutants) - len(missed)
    score = MutantScore(spec.exercise, spec.what, caught, len(spec.mutants), tuple(missed))
    problems = [str(score), *errors] if missed else []
    elapsed = time.perf_counter() - began
    if elapsed > SLOW * spec.examples / 50:
        advice = spec.advice("slow", calls)
        problems.append(f"the runs took {elapsed:.0f} s; aim for a few seconds: {advice}")
    return problems, score


def _is_hypothesis_own(error: BaseException) -> bool:
    """Whether Hypothesis itself gave up on the run, rather than the property failing.

    A strategy that draws differently when replayed (``FlakyStrategyDefinition``, which
    whole large meetings can cause) says nothing of the student's asserts, so it is
    neither a catch nor a sign of a weak property.
    """
    # FlakyStrategyDefinition is new in Hypothesis 6.111; older ones raise Flaky for it.
    flaky = getattr(hypothesis.errors, "FlakyStrategyDefinition", hypothesis.errors.Flaky)
    return isinstance(error, flaky)


def _gate_problems(
    spec: _Property, configured: Callable[[], None], test: object, calls: _Calls
) -> list[str]:
    """Why ``test`` is too weak to score: each broken version it does not fail on by assert."""
    found = []
    for name, (description, broken) in spec.broken.items():
        with spec.swap(broken, test):
            error = _failure(configured)
        if error is None:
            found.append(f"it passes on {description}{spec.advice(name, calls)}")
        elif _is_hypothesis_own(error):
            continue  # Hypothesis stopped the run itself (data too large to replay): no verdict
        elif not _is_assertion(error):
            found.append(
                f"on {description.split(':')[0]}, it raises {_explained(error, test)}; only a"
                " failing assert shows a bug: assert what must hold"
            )
    return found


# hypothesis-1: spans


def _recording_spans(calls: _Calls) -> object:
    def spans(text: str | None = None, *, limit: int | None = None) -> st.SearchStrategy[uj.Span]:
        calls.made.append((text, limit))
        return buggy._real_spans(text, limit=limit)  # noqa: SLF001  (the real one, as buggy.py holds it)

    return spans


def _spans_advice(case: str, calls: _Calls) -> str:
    texts = [text for text, _ in calls.made if text is not None]
    if case == "slow":
        if texts and sum(map(len, texts)) / len(texts) > 1_000:
            average = sum(map(len, texts)) // len(texts)
            return (
                f"your texts are long ({average} characters on average): draw shorter ones"
                " (st.text(min_size=1, max_size=100))"
            )
        return "the time goes to your property's own code: keep it to a few asserts"
    if not texts:
        return (
            " (you call ujst.spans() without a text, so your property cannot compare a span"
            " with the text it quotes: draw a text first and pass it, ujst.spans(text))"
        )
    return ""


def _no_chance_spans(name: str, calls: _Calls) -> str | None:
    del name, calls
    return None


HYPOTHESIS_1 = _Property(
    exercise="hypothesis-1",
    what="span strategies",
    real="ujst.spans",
    swap=lambda replacement, test: _swapped(ujst, "spans", replacement, test),
    recording=_recording_spans,
    broken=buggy.SPAN_BROKEN,
    mutants=buggy.SPAN_MUTANTS,
    by_chance=_no_chance_spans,
    advice=_spans_advice,
    # At 50, a right property written otherwise missed the past-the-end mutant at
    # Hypothesis 6.114 (the floors then): no drawn span ended one past its text.  At 100 it
    # catches all four there and on the newest Hypothesis.
    examples=100,
)


# hypothesis-2: search


def _recording_search(calls: _Calls) -> object:
    def search(
        text: str,
        *,
        meeting: uj.Meeting | None = None,
        whole_words: bool = False,
        context: bool = False,
    ) -> uj.Results[uj.Record]:
        began = time.perf_counter()
        found = buggy._real_search(text, meeting=meeting, whole_words=whole_words, context=context)  # noqa: SLF001
        calls.seconds += time.perf_counter() - began
        calls.made.append((text, uj.load() if meeting is None else meeting, found))
        return found

    return search


@contextlib.contextmanager
def _search_swapped(mutant: object, test: object) -> Iterator[None]:
    uj.search  # noqa: B018  (the package imports its names on first use: import it now)
    with (
        _swapped(uj, "search", mutant, test),
        mock.patch.object(usjapan2024.queries, "search", mutant),
    ):
        yield


def _matches_only_ignoring_case(needle: str, meeting: uj.Meeting, found: object) -> bool:
    """Whether ``needle`` found something only because search ignores case."""
    written = any(needle in w for r in records(meeting) for w in words(r))
    return bool(found) and not written


def _search_by_chance(name: str, calls: _Calls) -> str | None:
    if name != "case-sensitive":
        return None
    if any(_matches_only_ignoring_case(t, m, f) for t, m, f in calls.made):
        return None
    return (
        "your needles always appear in the meeting exactly as written, so nothing checks"
        " that search ignores case; change the needle's case sometimes (needle.swapcase())"
    )


def _search_advice(case: str, calls: _Calls) -> str:
    if case == "nothing" and not any(found for _, _, found in calls.made):
        return (
            " (on the real search, none of your needles matched anything: draw the needle"
            " from a quote of the meeting, so that it matches something)"
        )
    if case != "slow":
        return ""
    sizes = [len(records(meeting)) for _, meeting, _ in calls.made]
    average = sum(sizes) / len(sizes) if sizes else 0
    if average > 30:
        return (
            f"your meetings are large ({average:.0f} records on average): draw smaller ones"
            " (ujst.meetings(max_records=2))"
        )
    return (
        "the time goes to your property's own code, not to search or to drawing: compute"
        " each record's words once, not once per needle"
    )


HYPOTHESIS_2 = _Property(
    exercise="hypothesis-2",
    what="search implementations",
    real="uj.search",
    swap=_search_swapped,
    recording=_recording_search,
    broken=buggy.SEARCH_BROKEN,
    mutants=buggy.SEARCH_MUTANTS,
    by_chance=_search_by_chance,
    advice=_search_advice,
    # At 50, a right property missed a mutant on about 1 seed in 20 (on Python 3.10 with
    # Hypothesis 6.168, and at Hypothesis 6.100): a tiny meeting whose first record holds
    # every needle, or no swapped needle that matters.  At 100: none in 60 seeds.
    examples=100,
)


def score_hypothesis_1(test: Callable[[], None]) -> tuple[list[str], MutantScore | None]:
    """The span property's problems, and how many of the span mutants it catches."""
    return _score(HYPOTHESIS_1, test)


def score_hypothesis_2(test: Callable[[], None]) -> tuple[list[str], MutantScore | None]:
    """The search property's problems, and how many of the search mutants it catches."""
    return _score(HYPOTHESIS_2, test)


def check_hypothesis_1(test: Callable[[], None]) -> list[str]:
    """What is wrong with the span property: false on the real ``spans``, or blind to mutants."""
    return score_hypothesis_1(test)[0]


def check_hypothesis_2(test: Callable[[], None]) -> list[str]:
    """What is wrong with the search property: false on the real search, or blind to mutants."""
    return score_hypothesis_2(test)[0]


# hypothesis-3 --------------------------------------------------------------------


def _threat(number: int, actor: uj.Actor | None) -> uj.Threat:
    return uj.Threat(
        id=f"threat.probe-{number}", summary="A probe.", actor=actor, kind=uj.ThreatKind.COERCION,
        involving=(), places=(), targets=(), response=uj.Response.CONDEMNATION,
        sources=(uj.Span(0, 9, "condemned"),),
    )  # fmt: skip


def right_count(threats: list[uj.Threat]) -> int:
    """The distinct actors condemned in ``threats``, as the model counts them (None is nobody)."""
    return len(
        {t.actor for t in threats if t.response is uj.Response.CONDEMNATION and t.actor is not None}
    )


_SAME = [_threat(1, uj.Actor.CN), _threat(2, uj.Actor.CN)]
_CONDITION_PROBES: tuple[tuple[str, list[uj.Threat]], ...] = (
    ("no threats", []),
    ("one condemned threat by CN", [_threat(1, uj.Actor.CN)]),
    ("two condemned threats, by CN and by KP", [_threat(1, uj.Actor.CN), _threat(2, uj.Actor.KP)]),
    ("one condemned threat whose actor is None", [_threat(1, None)]),
)


@attrs.define
class _Finds:
    """The calls of ``hypothesis.find`` an answer made, and whether it used ``.example()``."""

    made: list[tuple[Any, Callable[[Any], object]]] = attrs.Factory(list)
    returned: list[object] = attrs.Factory(list)
    example_called: bool = False


@contextlib.contextmanager
def _watching_find(answer: object) -> Iterator[_Finds]:
    finds = _Finds()
    real_find = hypothesis.find
    real_example = st.SearchStrategy.example

    def find(specifier: Any, condition: Callable[[Any], object], **kwargs: Any) -> Any:  # noqa: ANN401
        finds.made.append((specifier, condition))
        found = real_find(specifier, condition, **kwargs)
        finds.returned.append(found)
        return found

    def example(self: st.SearchStrategy[Any]) -> Any:  # noqa: ANN401
        finds.example_called = True
        with warnings.catch_warnings():  # the report says why not to use it
            warnings.simplefilter("ignore", NonInteractiveExampleWarning)
            return real_example(self)

    with (
        _swapped(hypothesis, "find", find, answer),
        mock.patch.object(st.SearchStrategy, "example", example),
    ):
        yield finds


def _condition_problems(condition: Callable[[Any], object]) -> list[str]:
    """Where ``condition`` disagrees with "condemned_actors() is wrong on this list"."""
    try:
        for what, threats in _CONDITION_PROBES:
            if condition(threats):
                if any(t.actor is None for t in threats):
                    return [
                        (
                            f"your condition is true on {what}, where condemned_actors() is right"
                            " (0): it counts actor=None as an actor, but the model says None names"
                            " nobody; leave None out of your count (t.actor is not None)"
                        )
                    ]
                return [
                    (
                        f"your condition is true on {what}, where condemned_actors() is right"
                        f" ({condemned_actors(threats)}): compare condemned_actors(threats) with a"
                        " count you trust, so that it is true only where the two differ"
                    )
                ]
        if not condition(_SAME):
            return [
                (
                    "your condition is false on two condemned threats by the same actor (CN), where"
                    f" condemned_actors() says {condemned_actors(_SAME)} and the right count is"
                    f" {right_count(_SAME)}: it should be true exactly where the two differ"
                )
            ]
    except Exception as error:  # noqa: BLE001  (the student's condition may raise anything)
        return [f"your condition raised {_explained(error, condition)}"]
    return []


def _find_advice(specifier: Any, condition: Callable[[Any], object]) -> str:  # noqa: ANN401
    """Why finding is slow, measured: drawing, the condition, or rare counterexamples."""
    tries, hits, in_condition = 0, 0, 0.0
    began = time.perf_counter()

    @settings(max_examples=30, derandomize=True, database=None, deadline=None,
              phases=(Phase.generate,), suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(specifier)
    def sample(value: object) -> None:
        nonlocal tries, hits, in_condition
        tries += 1
        start = time.perf_counter()
        hits += bool(condition(value))
        in_condition += time.perf_counter() - start

    with contextlib.suppress(Exception):
        sample()
    total = time.perf_counter() - began
    if tries and not hits:  # the strategy never shows the bug: that is the cause, at any speed
        return _rare_advice(hits, tries)
    if tries and in_condition > total / 2:
        return (
            f"your condition is slow ({1_000 * in_condition / tries:.0f} ms a call): compare"
            " two counts, nothing more"
        )
    if tries and (total - in_condition) / tries > 0.01:
        return (
            f"drawing one example takes {1_000 * (total - in_condition) / tries:.0f} ms: draw"
            " lists of threats (ujst.threats()), not whole meetings, and keep them short"
            " (max_size=3)"
        )
    return _rare_advice(hits, tries)


def _rare_advice(hits: int, tries: int) -> str:
    return (
        f"only {hits} of {tries} lists your strategy drew show the bug: let the threats"
        " share actors (ujst.threats(actors=[uj.Actor.CN, uj.Actor.KP])) and keep the lists"
        " short (max_size=3)"
    )


def check_hypothesis_3(find_double_count: Callable[[], list[uj.Threat]]) -> list[str]:  # noqa: C901  (one message per wrong answer)
    """What is wrong with the counterexample ``find_double_count`` returns."""
    began = time.perf_counter()
    with _watching_find(find_double_count) as finds:
        try:
            example = _call(find_double_count)
        except AnswerError as error:
            if not isinstance(error.__cause__, NoSuchExample) or not finds.made:
                raise
            specifier, condition = finds.made[-1]
            found = _condition_problems(condition)
            return [
                "find() found no example, so it raised NoSuchExample: "
                + (found[0] if found else _find_advice(specifier, condition))
            ]
    elapsed = time.perf_counter() - began
    if not finds.made:
        if finds.example_called:
            return [
                (
                    "find_double_count() used .example(), which gives a random example, a new one"
                    " each run and not the smallest: let hypothesis.find(strategy, condition) look"
                    " for it"
                )
            ]
        return [
            (
                "find_double_count() did not call hypothesis.find: the exercise is to let"
                " Hypothesis find the list, with find(strategy, condition), not to build it"
                " yourself"
            )
        ]
    if not isinstance(example, list):
        return [f"find_double_count() should return a list of threats, not {_kind(example)}"]
    wrong = [
        f"item {i} is {_kind(t)}" for i, t in enumerate(example) if not isinstance(t, uj.Threat)
    ]
    if wrong:
        return [f"find_double_count() should return a list of threats, but {wrong[0]}"]
    specifier, condition = finds.made[-1]
    problems = _condition_problems(condition)
    right = right_count(example)
    if problems:
        pass
    elif condemned_actors(example) == right:
        problems.append(
            f"condemned_actors() is right on this list ({right}), so it shows no bug:"
            " find() should look for a list where it differs from the right count"
        )
    elif not any(example is r for r in finds.returned):
        problems.append(
            "return what find() returned: the list it found is the smallest, yours is not it"
        )
    elif len(example) > _SMALL_EXAMPLE:
        problems.append(
            f"your example has {len(example)} threats, but find() shrinks what it finds toward"
            " the smallest: return what find() returned"
        )
    if elapsed > SLOW:
        problems.append(
            f"find() took {elapsed:.0f} s; aim for a few seconds: "
            + _find_advice(specifier, condition)
        )
    return problems


# Running them ----------------------------------------------------------------------

CHECKS: dict[str, tuple[str, Callable[..., list[str]]]] = {
    "attrs-1": ("shout", check_attrs_1),
    "attrs-2": ("compact_converter", check_attrs_2),
    "attrs-3": ("span_problems", check_attrs_3),
    "hypothesis-1": ("test_span_is_a_slice", check_hypothesis_1),
    "hypothesis-2": ("test_search_matches_the_oracle", check_hypothesis_2),
    "hypothesis-3": ("find_double_count", check_hypothesis_3),
}
"""Each exercise: the name of its answer in ``exercises.py``, and its check."""

MUTANTS = "mutants"


def problems_of(exercise: str, answer: object) -> list[str]:
    """Every problem with ``answer`` to ``exercise``; ``[NOT_ANSWERED]`` for a blank."""
    _, check = CHECKS[exercise]
    try:
        return check(answer)
    except NotAnsweredError:
        return [NOT_ANSWERED]
    except AnswerError as error:
        return [str(error)]


_SCORES = {"hypothesis-1": score_hypothesis_1, "hypothesis-2": score_hypothesis_2}


def mutant_report(exercise: str, answer: Callable[[], None]) -> tuple[str, bool]:
    """How many mutants the property ``answer`` catches, and whether that is all of them.

    When the property cannot be scored (a blank, no ``@given``, false on the real
    code, too weak), the first line says why instead.
    """
    try:
        problems, score = _SCORES[exercise](answer)
    except NotAnsweredError:
        return f"{exercise}: {NOT_ANSWERED}", False
    except AnswerError as error:
        return f"{exercise}: {error}", False
    if score is None:
        return f"{exercise}: {problems[0]}", False
    others = [f"  - {p}" for p in problems if not p.startswith(exercise)]  # e.g. too slow
    return "\n".join([str(score), *others]), not problems


def report(exercise: str, answer: object) -> str:
    """One exercise's report: "correct", "not answered yet", or each problem on a line."""
    found = problems_of(exercise, answer)
    if not found:
        return f"{exercise}: correct"
    if found == [NOT_ANSWERED]:
        return f"{exercise}: {NOT_ANSWERED}"
    return "\n".join([f"{exercise}: not yet right", *(f"  - {p}" for p in found)])


def load_answers(path: Path) -> ModuleType:
    """Import the answers at ``path`` as the module ``exercises``."""
    spec = importlib.util.spec_from_file_location("exercises", path)
    if spec is None or spec.loader is None:
        msg = f"cannot import {path}"
        raise ImportError(msg)
    module = importlib.util.module_from_spec(spec)
    sys.modules["exercises"] = module
    spec.loader.exec_module(module)
    return module


def plan(names: list[str]) -> list[tuple[str, bool]]:
    """Each exercise to check and whether to report its mutants, from the names given.

    No names: every exercise.  ``mutants`` alone: both property exercises' mutants;
    with exercise names (``hypothesis-1 mutants``): the mutants of the property
    exercises named, and the plain check of the others.
    """
    wanted = [n for n in names if n != MUTANTS]
    unknown = [n for n in wanted if n not in CHECKS]
    if unknown:
        msg = f"unknown exercise {unknown[0]!r}; choose from {', '.join(CHECKS)}, or {MUTANTS}"
        raise ValueError(msg)
    if MUTANTS not in names:
        return [(e, False) for e in (wanted or CHECKS)]
    if not any(e in _SCORES for e in wanted):
        wanted = [*wanted, *_SCORES]
    return [(e, e in _SCORES) for e in dict.fromkeys(wanted)]


def main(argv: list[str] | None = None) -> int:
    """Check the exercises named (all by default); ``mutants`` checks the properties."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    names = ", ".join(CHECKS)
    parser.add_argument("exercises", nargs="*", metavar="EXERCISE",
                        help=f"{names}; add {MUTANTS} for the properties' catches")  # fmt: skip
    parser.add_argument("--answers", type=Path, default=HERE / "exercises.py",
                        help="your answers (default: exercises.py beside this file)")  # fmt: skip
    args = parser.parse_args(argv)
    try:
        chosen = plan(args.exercises)
    except ValueError as error:
        parser.error(str(error))
    answers = load_answers(args.answers)
    correct = True
    for exercise, mutants in chosen:
        name, _ = CHECKS[exercise]
        answer = getattr(answers, name, None)
        if answer is None:
            text, right = f"{exercise}: {args.answers.name} has no {name}; keep its name", False
        elif mutants:
            text, right = mutant_report(exercise, answer)
        else:
            text = report(exercise, answer)
            right = text.endswith(": correct")
        correct = correct and right
        print(text)
    return 0 if correct else 1


if __name__ == "__main__":
    sys.exit(main())
