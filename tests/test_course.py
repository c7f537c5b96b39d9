"""The course's self-checks work: the reference answers pass, each known wrong answer fails.

A check that passed everything would teach nothing, so every wrong answer in
``course_answers.py`` (the course trial's and more) is run through its check and must
fail with the words that tell the student what to fix; the right answers written
otherwise than the solutions must pass.
"""

from __future__ import annotations

import builtins
import inspect
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import usjapan2024 as uj
from usjapan2024 import strategies as ujst

from .conftest import ROOT
from .course_answers import FORCED, RIGHT, SLOW, WRONG, Answer, large_meetings
from .course_modules import COURSE, blanks, buggy, check, solutions
from .course_modules import given as course_given


@pytest.fixture
def patient(monkeypatch: pytest.MonkeyPatch) -> None:
    """Time is the student's laptop's business; a busy test machine would fail it at random."""
    monkeypatch.setattr(check, "SLOW", float("inf"))


@pytest.mark.usefixtures("patient")
@pytest.mark.parametrize("exercise", list(check.CHECKS))
def test_reference_answer_passes(exercise: str) -> None:
    name, _ = check.CHECKS[exercise]
    assert check.problems_of(exercise, getattr(solutions, name)) == []
    assert check.report(exercise, getattr(solutions, name)) == f"{exercise}: correct"


@pytest.mark.parametrize("exercise", list(check.CHECKS))
def test_blank_is_not_answered(exercise: str) -> None:
    name, _ = check.CHECKS[exercise]
    assert check.report(exercise, getattr(blanks, name)) == f"{exercise}: not answered yet"


class TestWrongAnswers:
    """Every wrong answer fails its check, and the report says what the student must fix."""

    def test_there_are_many(self) -> None:
        """The trial's 72 wrong answers and more, across every exercise."""
        assert len(WRONG) >= 72
        assert {a.exercise for a in WRONG} == set(check.CHECKS)
        assert len({str(a) for a in WRONG}) == len(WRONG)

    @pytest.fixture
    def undo(self) -> Iterator[None]:
        """Put back what an answer forced into the shared, bundled records."""
        yield
        while FORCED:
            record, name, value = FORCED.pop()
            object.__setattr__(record, name, value)

    @pytest.mark.usefixtures("patient", "undo")
    @pytest.mark.parametrize("answer", WRONG, ids=str)
    def test_wrong_answer_is_named(self, answer: Answer) -> None:
        found = check.problems_of(answer.exercise, answer.function)
        assert found, f"the check of {answer.exercise} passed a wrong answer"
        assert found != [check.NOT_ANSWERED]
        text = "\n".join(found)
        for words in answer.says:
            assert words in text
        assert "AssertionError: AssertionError" not in text
        assert not re.search(r"\ba [AEIOU]", text), "an Actor, not a Actor"

    @pytest.mark.usefixtures("patient")
    @pytest.mark.parametrize("answer", RIGHT, ids=str)
    def test_right_answer_written_otherwise_passes(self, answer: Answer) -> None:
        assert check.problems_of(answer.exercise, answer.function) == []


class TestMutants:
    """The mutants differ from the real functions only in their bug."""

    @pytest.mark.parametrize(
        ("real", "versions"),
        [
            (ujst.spans, {**buggy.SPAN_MUTANTS, **buggy.SPAN_BROKEN}),
            (uj.search, {**buggy.SEARCH_MUTANTS, **buggy.SEARCH_BROKEN}),
        ],
        ids=["spans", "search"],
    )
    def test_same_signature_as_the_real_function(
        self, real: Callable[..., Any], versions: dict[str, tuple[str, Any]]
    ) -> None:
        expected = inspect.signature(real, eval_str=True)
        for name, (_, mutant) in versions.items():
            assert inspect.signature(mutant, eval_str=True) == expected, name

    @settings(max_examples=20)
    @given(ujst.meetings(), st.data())
    def test_search_mutants_take_every_argument(self, meeting: uj.Meeting, data: Any) -> None:
        """A property that passes `whole_words` or leaves `meeting` out still runs on them."""
        words = [w for r in course_given.records(meeting) for w in course_given.words(r)]
        needle = data.draw(st.sampled_from([w for w in words if w.strip()] or ["x"]))
        for _, mutant in buggy.SEARCH_MUTANTS.values():
            assert isinstance(mutant(needle, meeting=meeting, whole_words=True), uj.Results)
        with pytest.raises(ValueError, match="non-empty"):
            buggy.SEARCH_MUTANTS["case-sensitive"][1](" ", meeting=meeting)

    def test_search_mutants_default_to_the_bundled_meeting(self) -> None:
        for name, (_, mutant) in buggy.SEARCH_MUTANTS.items():
            assert isinstance(mutant("Tomahawk"), uj.Results), name

    @given(st.data())
    def test_span_mutants_honour_limit(self, data: Any) -> None:
        text = data.draw(st.text(min_size=5, max_size=20))
        for name in ("one-too-long", "wrong-place"):
            span = data.draw(buggy.SPAN_MUTANTS[name][1](text, limit=3))
            assert span.end <= 3, name

    def test_each_mutant_is_wrong(self) -> None:
        """A mutant the reference property does not catch would be no mutant at all."""
        for exercise, what in (("hypothesis-1", 4), ("hypothesis-2", 6)):
            score = check._SCORES[exercise](getattr(solutions, check.CHECKS[exercise][0]))[1]
            assert (score.caught, score.total) == (what, what)


class TestSanityGate:
    """A property that passes a blatantly broken function never scores."""

    def test_a_vacuous_property_scores_nothing(self) -> None:
        @given(ujst.meetings(), st.data())
        def vacuous(meeting: uj.Meeting, data: Any) -> None:
            uj.search(data.draw(st.sampled_from(["a", "Tomahawk"])), meeting=meeting)

        problems, score = check.score_hypothesis_2(vacuous)
        assert score is None
        assert "too weak to score" in problems[0]
        report, right = check.mutant_report("hypothesis-2", vacuous)
        assert not right
        assert "caught" not in report

    def test_a_property_raising_typeerror_on_every_mutant_is_no_kill(self) -> None:
        """The 1.1.0 hole: a mutant without `whole_words` made any property raise, a "kill"."""

        @given(ujst.meetings(), st.sampled_from(["a", "Tomahawk"]))
        def passes_whole_words(meeting: uj.Meeting, needle: str) -> None:
            uj.search(needle, meeting=meeting, whole_words=True)

        problems, score = check.score_hypothesis_2(passes_whole_words)
        assert score is None
        assert "too weak" in problems[0]

    @pytest.mark.parametrize("broken", ["nothing", "everything"])
    def test_the_broken_search_versions_are_broken(self, broken: str) -> None:
        _, function = buggy.SEARCH_BROKEN[broken]
        assert list(function("Tomahawk")) != list(uj.search("Tomahawk"))

    def test_exception_groups_of_asserts_are_failures_and_others_are_not(self) -> None:
        group = getattr(builtins, "ExceptionGroup", None)  # Python 3.11 and later
        assert check._is_assertion(AssertionError())
        assert not check._is_assertion(TypeError())
        if group is not None:
            assert check._is_assertion(group("two", [AssertionError(), AssertionError()]))
            assert not check._is_assertion(group("mixed", [AssertionError(), KeyError()]))


class TestSlowAdvice:
    """When an answer is slow, the advice names what makes it slow, measured."""

    @pytest.mark.parametrize("cause", list(SLOW))
    def test_hypothesis_3(self, cause: str, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(check, "SLOW", 0.0)
        answer, advice = SLOW[cause]
        found = "\n".join(check.problems_of("hypothesis-3", answer))
        assert "find() took" in found
        assert advice in found

    def test_hypothesis_2_large_meetings(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(check, "SLOW", 0.0)

        found = "\n".join(check.problems_of("hypothesis-2", large_meetings))
        assert "your meetings are large" in found

    def test_hypothesis_1_own_code(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(check, "SLOW", 0.0)
        found = check.problems_of("hypothesis-1", solutions.test_span_is_a_slice)
        assert "the time goes to your property's own code" in "\n".join(found)


class TestCommandLine:
    """The one-line commands a student runs."""

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, str(COURSE / "check.py"), *args]
        # As the `patient` fixture: time is the student's laptop's business, not this one's.
        patient = {**os.environ, "COURSE_SLOW_SECONDS": "inf"}
        return subprocess.run(command, capture_output=True, text=True, check=False, env=patient)

    def test_blank(self) -> None:
        blank = self._run("attrs-1")
        assert (blank.returncode, blank.stdout) == (1, "attrs-1: not answered yet\n")

    def test_mutants(self) -> None:
        mutants = self._run("mutants", "--answers", str(COURSE / "solutions.py"))
        assert mutants.returncode == 0, mutants.stdout + mutants.stderr
        assert mutants.stdout == (
            "hypothesis-1: your property caught 4 of 4 buggy span strategies (target: 4 of 4)\n"
            "hypothesis-2: your property caught 6 of 6 buggy search implementations"
            " (target: 6 of 6)\n"
        )

    def test_an_exercise_with_mutants(self) -> None:
        """`check.py hypothesis-1 mutants`: that property's catches, not "unknown exercise"."""
        one = self._run("hypothesis-1", "mutants", "--answers", str(COURSE / "solutions.py"))
        assert one.returncode == 0, one.stdout + one.stderr
        assert one.stdout == (
            "hypothesis-1: your property caught 4 of 4 buggy span strategies (target: 4 of 4)\n"
        )

    def test_unknown_exercise(self) -> None:
        wrong = self._run("hypothesis-9", "mutants")
        assert wrong.returncode == 2
        assert "unknown exercise 'hypothesis-9'" in wrong.stderr
        assert "'mutants'" not in wrong.stderr


@pytest.mark.parametrize(
    ("names", "planned"),
    [
        ([], [(e, False) for e in check.CHECKS]),
        (["mutants"], [("hypothesis-1", True), ("hypothesis-2", True)]),
        (["hypothesis-2", "mutants"], [("hypothesis-2", True)]),
        (["mutants", "hypothesis-1"], [("hypothesis-1", True)]),
        (
            ["attrs-1", "mutants"],
            [("attrs-1", False), ("hypothesis-1", True), ("hypothesis-2", True)],
        ),
        (["attrs-2", "hypothesis-3"], [("attrs-2", False), ("hypothesis-3", False)]),
    ],
)
def test_plan(names: list[str], planned: list[tuple[str, bool]]) -> None:
    assert check.plan(names) == planned


class TestActorsOfThreats:
    """`ujst.threats(actors=...)` takes any iterable of actors, and says what is wrong."""

    @pytest.mark.parametrize(
        "actors",
        [[uj.Actor.CN, uj.Actor.KP], (uj.Actor.CN, uj.Actor.KP), {uj.Actor.CN, uj.Actor.KP},
         frozenset({uj.Actor.KP, uj.Actor.CN}), iter([uj.Actor.CN, uj.Actor.KP])],
        ids=["list", "tuple", "set", "frozenset", "iterator"],
    )  # fmt: skip
    def test_any_iterable(self, actors: Any) -> None:
        @settings(max_examples=30)
        @given(ujst.threats(actors=actors))
        def actors_are_among(threat: uj.Threat) -> None:
            assert threat.actor in {None, uj.Actor.CN, uj.Actor.KP}
            assert set(threat.involving) <= {uj.Actor.CN, uj.Actor.KP}

        actors_are_among()

    @pytest.mark.parametrize(
        ("actors", "says"),
        [
            ("CN", "not the string 'CN' (a string is an iterable of its characters)"),
            (uj.Actor.CN, "for one, write [Actor.CN]"),
            (["CN"], "but 'CN' is str; write Actor('CN')"),
            (5, "takes an iterable of Actor members, not int"),
            ([], "needs at least one actor"),
        ],
    )
    def test_refuses(self, actors: Any, says: str) -> None:
        with pytest.raises(InvalidArgument, match=re.escape(says)):
            ujst.threats(actors=actors)

    def test_other_factories_alike(self) -> None:
        with pytest.raises(InvalidArgument, match=r"^events\(actors=\.\.\.\)"):
            ujst.events(actors="US")  # type: ignore[arg-type]
        with pytest.raises(InvalidArgument, match=r"^officials\(countries=\.\.\.\)"):
            ujst.officials(countries="US")  # type: ignore[arg-type]

        @settings(max_examples=10)
        @given(ujst.commitments(actors=[uj.Actor.US]))
        def only_the_us(commitment: uj.Commitment) -> None:
            assert set(commitment.parties) <= {uj.Actor.US}

        only_the_us()


class TestNoneNamesNobody:
    """The model says a threat's `actor=None` names nobody; the course counts it so."""

    def test_condemned_actors_skips_none(self) -> None:
        threat = uj.threats(actor="KP")[0]
        nobody = [threat.__class__(**{**_fields(threat), "actor": None})]
        assert course_given.condemned_actors(nobody) == 0
        assert check.right_count(nobody) == 0

    def test_the_exercise_says_so(self) -> None:
        page = " ".join((ROOT / "docs" / "teaching-hypothesis.md").read_text("utf-8").split())
        assert "A threat with `actor=None` names nobody" in page


def _fields(record: Any) -> dict[str, Any]:
    import attrs

    return {f.name: getattr(record, f.name) for f in attrs.fields(type(record))}


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


_COURSE_PAGES = ("course.md", "teaching-attrs.md", "teaching-hypothesis.md", "teaching-notes.md")


@pytest.mark.parametrize(
    "path",
    [*(ROOT / "docs" / name for name in _COURSE_PAGES), *sorted(COURSE.iterdir())],
    ids=lambda p: p.name,
)
def test_course_uses_public_names(path: Path) -> None:
    """The course teaches the public API: no `usjapan2024._private` import or name."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    assert not re.search(r"usjapan2024\._\w", text), f"{path.name} names a private module"


def test_teacher_notes_quote_the_checker() -> None:
    """Each message the notes quote is one the checker gives a wrong answer kept here."""
    notes = (ROOT / "docs" / "teaching-notes.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ((?:attrs|hypothesis)-\d) \| .+? \| (.+?) \|$", notes, re.MULTILINE)
    assert len(rows) >= 30
    for exercise, says in rows:
        kept = [w for a in WRONG if a.exercise == exercise for w in a.says]
        assert any(says in w for w in kept), (exercise, says)


def test_course_extra_brings_the_notebook_route() -> None:
    """`pip install -e ".[course]"`: the strategies and Jupyter, not in the runtime."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    course = project["optional-dependencies"]["course"]
    names = {re.split(r"[<>=\[;]", requirement)[0] for requirement in course}
    assert {"usjapan2024", "notebook", "ipykernel"} <= names
    assert "usjapan2024[testing]" in course
    runtime = {re.split(r"[<>=\[;]", r)[0] for r in project["dependencies"]}
    assert runtime == {"attrs", "cattrs", "importlib-resources"}
    page = (ROOT / "docs" / "course.md").read_text(encoding="utf-8")
    assert 'pip install -e ".[course]"' in page
