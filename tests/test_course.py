"""The course's self-checks work: the reference answers pass, each known wrong answer fails.

A check that passed everything would teach nothing, so each wrong answer the course
issue lists (and the blank) is run through the check and must fail with the message
that tells the student what to fix.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import usjapan2024 as uj
from usjapan2024 import strategies as ujst

from .conftest import ROOT

COURSE = ROOT / "examples" / "course"


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"course_{name}", COURSE / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


check: Any = _module("check")  # puts the course folder on sys.path, for `given`, `buggy`
solutions: Any = _module("solutions")
blanks: Any = _module("exercises")


@pytest.mark.parametrize("exercise", list(check.CHECKS))
def test_reference_answer_passes(exercise: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Time is the student's laptop's business; a busy test machine would fail it at random.
    monkeypatch.setattr(check, "SLOW", float("inf"))
    name, _ = check.CHECKS[exercise]
    assert check.problems_of(exercise, getattr(solutions, name)) == []
    assert check.report(exercise, getattr(solutions, name)) == f"{exercise}: correct"


@pytest.mark.parametrize("exercise", list(check.CHECKS))
def test_blank_is_not_answered(exercise: str) -> None:
    name, _ = check.CHECKS[exercise]
    assert check.report(exercise, getattr(blanks, name)) == f"{exercise}: not answered yet"


def _one(exercise: str, answer: object) -> str:
    found = check.problems_of(exercise, answer)
    assert found, f"the check of {exercise} passed a wrong answer"
    return "\n".join(found)


def test_attrs_1_missing_call() -> None:
    """`summary.upper` without `()`: attrs accepts it, the check names the fix."""

    def shout(commitment: uj.Commitment) -> uj.Commitment:
        return attrs.evolve(commitment, summary=commitment.summary.upper)  # type: ignore[arg-type]

    message = _one("attrs-1", shout)
    assert "add () after .upper" in message
    assert "$.summary" in message  # what usjapan2024.check() reports


def test_attrs_1_other_field_changed() -> None:
    def shout(commitment: uj.Commitment) -> uj.Commitment:
        return attrs.evolve(commitment, summary=commitment.summary.upper(), subjects=())

    assert "only the summary should change, but so did: subjects" in _one("attrs-1", shout)


def _compact(
    structure: Callable[[Any, Any], uj.Span], unstructure: Callable[[uj.Span], Any]
) -> Any:
    def compact_converter() -> cattrs.Converter:
        converter = cattrs.Converter()
        converter.register_structure_hook(uj.Span, structure)
        converter.register_unstructure_hook(uj.Span, unstructure)
        return converter

    return compact_converter


def test_attrs_2_tuple_not_list() -> None:
    strict = solutions.compact_converter().get_structure_hook(uj.Span)
    answer = _compact(strict, lambda span: (span.start, span.end, span.quote))
    assert "unstructure gives a tuple; give a list" in _one("attrs-2", answer)


def test_attrs_2_lenient_hook() -> None:
    """The old page's hook: validates nothing, reads a dict's keys as the values."""
    answer = _compact(lambda value, _: uj.Span(*value), lambda s: [s.start, s.end, s.quote])
    message = _one("attrs-2", answer)
    assert "structure read the normal" in message
    assert "Span(start='start', end='end', quote='quote')" in message
    assert "structure accepted ['0', 5, 'Japan']" in message
    assert "a strict hook raises on it" in message


def test_attrs_3_prints_instead_of_returning() -> None:
    def span_problems(data: object) -> None:
        try:
            cattrs.Converter().structure(data, uj.Span)
        except Exception as error:  # noqa: BLE001
            print(*cattrs.transform_error(error), sep="\n")  # noqa: T201

    assert "return the lines as a list, do not print them" in _one("attrs-3", span_problems)


def test_attrs_3_first_problem_only() -> None:
    def span_problems(data: object) -> list[str]:
        try:
            cattrs.Converter(detailed_validation=False).structure(data, uj.Span)
        except Exception as error:  # noqa: BLE001
            return [str(error)]
        return []

    assert "detailed_validation=True collects every problem" in _one("attrs-3", span_problems)


@given(st.data())
def _span_property_of_the_old_page(data: st.DataObject) -> None:
    text = data.draw(st.text(min_size=1))
    span = data.draw(ujst.spans(text))
    assert len(span.quote) == span.end - span.start
    assert text[span.start : span.end] == span.quote


def test_hypothesis_1_old_property_misses_empty_spans() -> None:
    message = _one("hypothesis-1", _span_property_of_the_old_page)
    assert "caught 3 of 4 buggy span strategies (target: 4 of 4)" in message
    assert "missed: may-be-empty" in message


@given(ujst.meetings(), st.sampled_from(["a", "0", "Tomahawk", "é"]))
def _search_property_of_the_old_page(meeting: uj.Meeting, needle: str) -> None:
    found = uj.search(needle, meeting=meeting)
    for threat in meeting.threats:
        if needle.casefold() in threat.summary.casefold():
            assert threat in found


def test_hypothesis_2_old_property_misses_mutants() -> None:
    score = check.score_hypothesis_2(_search_property_of_the_old_page)[1]
    assert score.total == 6
    assert score.caught <= 3
    assert f"caught {score.caught} of 6" in _one("hypothesis-2", _search_property_of_the_old_page)
    assert "(target: 6 of 6)" in str(score)


@given(ujst.meetings())
def _false_property(meeting: uj.Meeting) -> None:
    assert uj.search("zzzz-none", meeting=meeting) != ()


def test_property_false_on_the_real_code() -> None:
    assert "fails on the real uj.search" in _one("hypothesis-2", _false_property)


def test_property_without_given() -> None:
    def test_span() -> None:
        pass

    assert "decorate it with @given" in _one("hypothesis-1", test_span)


@pytest.mark.parametrize("exercise", ["hypothesis-1", "hypothesis-3"])
def test_a_slow_answer_is_reported(exercise: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check, "SLOW", 0.0)
    name, _ = check.CHECKS[exercise]
    assert "aim for a few seconds" in _one(exercise, getattr(solutions, name))


def test_hypothesis_3_not_a_counterexample() -> None:
    def find_double_count() -> list[uj.Threat]:
        return list(uj.threats(actor="RU"))  # one condemnation: the buggy count is right

    assert "so it shows no bug" in _one("hypothesis-3", find_double_count)


def test_command_line() -> None:
    """The one-line commands a student runs: all exercises, and the mutant scores."""
    run = [sys.executable, str(COURSE / "check.py")]
    blank = subprocess.run([*run, "attrs-1"], capture_output=True, text=True, check=False)
    assert (blank.returncode, blank.stdout) == (1, "attrs-1: not answered yet\n")
    answers = ["--answers", str(COURSE / "solutions.py")]
    mutants = subprocess.run(
        [*run, "mutants", *answers], capture_output=True, text=True, check=False
    )
    assert mutants.returncode == 0, mutants.stdout + mutants.stderr
    assert mutants.stdout == (
        "hypothesis-1: your property caught 4 of 4 buggy span strategies (target: 4 of 4)\n"
        "hypothesis-2: your property caught 6 of 6 buggy search implementations (target: 6 of 6)\n"
    )


_IMPORTED_BY_NAME = re.compile(r"from usjapan2024\.strategies import ([\w, ()]+)")


def _teaching_files() -> list[Path]:
    return [
        ROOT / "README.md",
        *sorted((ROOT / "docs").glob("*.md")),
        *sorted((ROOT / "examples").rglob("*.ipynb")),
        *sorted(COURSE.glob("*.py")),
    ]


@pytest.mark.parametrize("path", _teaching_files(), ids=lambda p: p.name)
def test_no_strategy_shadows_a_query(path: Path) -> None:
    """Docs and course import the strategies as a module, so `threats` stays the query."""
    clashing = set(ujst.__all__) & set(uj.__all__)
    assert clashing == {"commitments", "officials", "threats"}  # why the style is needed
    for names in _IMPORTED_BY_NAME.findall(path.read_text(encoding="utf-8")):
        imported = {n.strip(" ()") for n in names.split(",")}
        assert not imported & clashing, (
            f"{path.name}: use `from usjapan2024 import strategies as ujst`"
        )
