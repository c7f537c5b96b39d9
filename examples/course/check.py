"""Check your answers to the course's exercises, and say in plain words what is wrong.

Write your answers in ``exercises.py`` (beside this file), then run, from anywhere::

    python examples/course/check.py              # every exercise
    python examples/course/check.py attrs-2      # one exercise
    python examples/course/check.py mutants      # how many bugs your properties catch
    python examples/course/check.py --answers examples/course/solutions.py   # the teacher's

A check runs *your* answer, on the bundled data and on buggy implementations made
for the purpose (``buggy.py``), and reports each thing that is wrong, or "correct".
It exits with status 0 when every exercise checked is correct, 1 otherwise.  In a
notebook, ``report("attrs-1", shout)`` prints the same report for one answer.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from unittest import mock

import attrs
import cattrs
from hypothesis import HealthCheck, Phase, settings
from hypothesis.errors import InvalidArgument

import usjapan2024 as uj
import usjapan2024.queries
from usjapan2024 import strategies as ujst

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))  # `given` and `buggy`, wherever this is run from

import buggy  # noqa: E402
from given import condemned_actors  # noqa: E402

NOT_ANSWERED = "not answered yet"
EXAMPLES = 50  # per run of a property: enough to catch every mutant, a few seconds in all
SLOW = 10.0  # seconds: a property slower than this needs smaller data
_SMALL_EXAMPLE = 10  # threats: find() shrinks well below this
_PROPERTY_SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=True,  # the same examples every run, so the counts are repeatable
    database=None,
    deadline=None,
    phases=(Phase.explicit, Phase.generate),  # no shrinking: a failure is all we need
    suppress_health_check=list(HealthCheck),
)


class NotAnsweredError(Exception):
    """The answer is still the blank."""


def _call(function: Callable[..., Any], *args: object) -> Any:  # noqa: ANN401
    try:
        return function(*args)
    except NotImplementedError:
        raise NotAnsweredError from None


# attrs-1 -------------------------------------------------------------------------


def check_attrs_1(shout: Callable[[uj.Commitment], uj.Commitment]) -> list[str]:
    """What is wrong with ``shout``, which should copy a commitment with its summary in capitals."""
    problems: list[str] = []
    for original in uj.load().commitments[:3]:
        before = attrs.asdict(original)
        copy = _call(shout, original)
        if not isinstance(copy, uj.Commitment):
            return [f"shout() should return a Commitment, but it returned a {type(copy).__name__}"]
        if copy is original:
            return ["shout() returned the same record: make a new one with attrs.evolve()"]
        if attrs.asdict(original) != before:
            problems.append("shout() changed the original record; it should leave it as it was")
        if callable(copy.summary):
            found = "; ".join(map(str, uj.check(copy)))
            problems.append(
                "the copy's summary is a method, not text: you passed summary.upper without"
                f" calling it; add () after .upper (usjapan2024.check(copy) says: {found})"
            )
            break
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
        if problems:
            break
        if copy == original:
            problems.append("the copy should not be equal to the original")
    return problems


# attrs-2 -------------------------------------------------------------------------

_STRICT_REFUSES: tuple[object, ...] = (
    ["0", 5, "Japan"],  # a string offset
    [0, 5],  # no quote
    [0, 5, "Japan", "extra"],
    [True, 5, "Japan"],  # a bool is an int to Python, not to JSON
    [0, 5, 7],  # a number quote
    "abc",  # three characters are not three fields
    {"start": 0, "end": 5},  # the normal form, without its quote
)


def check_attrs_2(compact_converter: Callable[[], cattrs.Converter]) -> list[str]:
    """What is wrong with the converter that writes spans as ``[start, end, quote]``."""
    converter = _call(compact_converter)
    if not isinstance(converter, cattrs.Converter):
        return [f"compact_converter() should return a cattrs.Converter, not {converter!r}"]
    if converter is cattrs.global_converter:
        return ["make a new cattrs.Converter(): hooks on the global one change every user of it"]
    span = uj.load().officials[0].sources[0]
    compact = [span.start, span.end, span.quote]
    problems: list[str] = []
    written = converter.unstructure(span)
    if isinstance(written, tuple) and list(written) == compact:
        problems.append(
            "unstructure gives a tuple; give a list: JSON reads an array back as a list, so"
            " json.loads(json.dumps(...)) would not give back what you wrote"
        )
    elif written != compact:
        problems.append(f"unstructure should give {compact!r}, but gives {written!r}")
    nested = converter.unstructure(uj.load().officials[0])["sources"]
    if nested != [compact] and not problems:
        problems.append(f"a span inside a record should be written {[compact]!r}, not {nested!r}")
    return problems + _reading_problems(converter, span) + _leniency_problems(converter)


def _reading_problems(converter: cattrs.Converter, span: uj.Span) -> list[str]:
    """Whether ``converter`` reads ``span`` back from both forms, after a JSON round trip."""
    problems = []
    normal = {"start": span.start, "end": span.end, "quote": span.quote}
    compact = json.loads(json.dumps([span.start, span.end, span.quote]))
    for form, data in (("the compact form", compact), ('the normal {"start": ...} form', normal)):
        try:
            read = converter.structure(data, uj.Span)
        except Exception as error:  # noqa: BLE001  (any failure is the student's to see)
            problems.append(f"structure should read {form} {data!r}, but raised {error!r}")
            continue
        if read != span:
            problems.append(f"structure read {form} {data!r} as {read!r}, not as {span!r}")
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

_EXPECTED_LINES = [
    "invalid value for type, expected int @ $.start",
    "required field missing @ $.quote",
]


def check_attrs_3(span_problems: Callable[[object], list[str]]) -> list[str]:
    """What is wrong with ``span_problems``, which should list every problem with its path."""
    lines = _call(span_problems, {"start": "zero", "end": 2})
    if lines is None:
        return ["span_problems() returned None: return the lines as a list, do not print them"]
    problems: list[str] = []
    if list(lines) != _EXPECTED_LINES:
        problems.append(
            f'for {{"start": "zero", "end": 2}} expected the two lines {_EXPECTED_LINES!r},'
            f" got {list(lines)!r} (detailed_validation=True collects every problem, and"
            " cattrs.transform_error turns them into lines)"
        )
    valid = _call(span_problems, {"start": 0, "end": 5, "quote": "Japan"})
    if valid:
        problems.append(f"a valid span has no problems, but span_problems() gave {valid!r}")
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


def _configured(test: Callable[[], None]) -> Callable[[], None]:
    """``test`` with the course's settings, or the reason it cannot be run."""
    if not hasattr(test, "hypothesis"):
        _call(test)  # a blank raises NotImplementedError
        msg = f"{test.__name__} is not a Hypothesis test: decorate it with @given(...)"
        raise TypeError(msg)
    if getattr(test, "_hypothesis_internal_use_settings", None) is _PROPERTY_SETTINGS:
        return test  # configured by an earlier check: settings apply to the function itself
    try:
        return _PROPERTY_SETTINGS(test)
    except InvalidArgument:
        msg = "remove the @settings(...) line: the checker sets the examples, so counts repeat"
        raise TypeError(msg) from None


def _failure(test: Callable[[], None]) -> BaseException | None:
    try:
        test()
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


def _score(  # noqa: PLR0913, PLR0917  (private: every call names what it scores)
    exercise: str,
    what: str,
    test: Callable[[], None],
    swap: Callable[[object], contextlib.AbstractContextManager[None]],
    mutants: dict[str, tuple[str, Any]],
    real: str,
) -> tuple[list[str], MutantScore | None]:
    configured = _configured(test)
    began = time.perf_counter()
    error = _failure(configured)
    if error is not None:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        false = (
            f"your property fails on the real {real}, so it states something that is not true:"
            f" {type(error).__name__}: {first}"
        )
        return [false], None
    missed = []
    for name, (description, mutant) in mutants.items():
        with swap(mutant):
            if _failure(configured) is None:
                missed.append(f"{name}: {description}")
    score = MutantScore(exercise, what, len(mutants) - len(missed), len(mutants), tuple(missed))
    problems = [str(score)] if missed else []
    elapsed = time.perf_counter() - began
    if elapsed > SLOW:
        problems.append(
            f"the runs took {elapsed:.0f} s; aim for a few seconds: draw smaller data"
            " (e.g. ujst.meetings(max_records=2))"
        )
    return problems, score


def score_hypothesis_1(test: Callable[[], None]) -> tuple[list[str], MutantScore | None]:
    """The span property's problems, and how many of the span mutants it catches."""
    return _score(
        "hypothesis-1", "span strategies", test,
        lambda mutant: _swapped(ujst, "spans", mutant, test), buggy.SPAN_MUTANTS, "ujst.spans",
    )  # fmt: skip


def score_hypothesis_2(test: Callable[[], None]) -> tuple[list[str], MutantScore | None]:
    """The search property's problems, and how many of the search mutants it catches."""
    return _score(
        "hypothesis-2", "search implementations", test,
        lambda mutant: _search_swapped(mutant, test), buggy.SEARCH_MUTANTS, "uj.search",
    )  # fmt: skip


def check_hypothesis_1(test: Callable[[], None]) -> list[str]:
    """What is wrong with the span property: false on the real ``spans``, or blind to mutants."""
    return score_hypothesis_1(test)[0]


def check_hypothesis_2(test: Callable[[], None]) -> list[str]:
    """What is wrong with the search property: false on the real search, or blind to mutants."""
    return score_hypothesis_2(test)[0]


@contextlib.contextmanager
def _search_swapped(mutant: object, test: object) -> Iterator[None]:
    uj.search  # noqa: B018  (the package imports its names on first use: import it now)
    with (
        _swapped(uj, "search", mutant, test),
        mock.patch.object(usjapan2024.queries, "search", mutant),
    ):
        yield


# hypothesis-3 --------------------------------------------------------------------


def check_hypothesis_3(find_double_count: Callable[[], list[uj.Threat]]) -> list[str]:
    """What is wrong with the counterexample ``find_double_count`` returns."""
    began = time.perf_counter()
    example = _call(find_double_count)
    elapsed = time.perf_counter() - began
    if not isinstance(example, list) or not all(isinstance(t, uj.Threat) for t in example):
        return [f"find_double_count() should return a list of threats, not {example!r}"]
    right = len({t.actor for t in example if t.response is uj.Response.CONDEMNATION})
    problems = []
    if condemned_actors(example) == right:
        problems.append(
            f"condemned_actors() is right on this list ({right}), so it shows no bug:"
            " find() should look for a list where it differs from the right count"
        )
    elif len(example) > _SMALL_EXAMPLE:
        problems.append(
            f"your example has {len(example)} threats, but find() shrinks what it finds toward"
            " the smallest: return what find() returned"
        )
    if elapsed > SLOW:
        problems.append(
            f"find() took {elapsed:.0f} s; aim for a few seconds: let the threats share"
            " actors more often (ujst.threats(actors=...))"
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


def problems_of(exercise: str, answer: object) -> list[str]:
    """Every problem with ``answer`` to ``exercise``; ``[NOT_ANSWERED]`` for a blank."""
    _, check = CHECKS[exercise]
    try:
        return check(answer)
    except NotAnsweredError:
        return [NOT_ANSWERED]
    except TypeError as error:
        return [str(error)]


_SCORES = {"hypothesis-1": score_hypothesis_1, "hypothesis-2": score_hypothesis_2}


def mutant_report(exercise: str, answer: Callable[[], None]) -> tuple[str, bool]:
    """How many mutants the property ``answer`` catches, and whether that is all of them.

    When the property cannot be scored (a blank, no ``@given``, false on the real
    code), the first line says why instead.
    """
    try:
        problems, score = _SCORES[exercise](answer)
    except NotAnsweredError:
        return f"{exercise}: {NOT_ANSWERED}", False
    except TypeError as error:
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


def main(argv: list[str] | None = None) -> int:
    """Check the exercises named (all by default); ``mutants`` checks the properties."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    names = ", ".join(CHECKS)
    parser.add_argument("exercises", nargs="*", metavar="EXERCISE",
                        help=f"{names}, or mutants (the property exercises)")  # fmt: skip
    parser.add_argument("--answers", type=Path, default=HERE / "exercises.py",
                        help="your answers (default: exercises.py beside this file)")  # fmt: skip
    args = parser.parse_args(argv)
    chosen = args.exercises or list(CHECKS)
    mutants = chosen == ["mutants"]
    if mutants:
        chosen = list(_SCORES)
    unknown = [e for e in chosen if e not in CHECKS]
    if unknown:
        parser.error(f"unknown exercise {unknown[0]!r}; choose from {', '.join(CHECKS)}, mutants")
    answers = load_answers(args.answers)
    correct = True
    for exercise in chosen:
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
