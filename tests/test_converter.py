from __future__ import annotations

import datetime
import json

import cattrs
import pytest
from hypothesis import given

from usjapan2024 import Meeting, Span
from usjapan2024._loading.converter import _is_attrs, converter, describe, structure
from usjapan2024.exceptions import MAX_PROBLEMS, DatasetError, Problem
from usjapan2024.model import Exclusion, Official
from usjapan2024.strategies import meetings
from usjapan2024.vocabulary import Actor


class TestRoundTrip:
    @given(meetings())
    def test_structure_unstructure_is_identity(self, meeting: Meeting) -> None:
        """Structuring what was unstructured gives back an equal meeting.

        The document stage types each erratum's record_value as the field it names, which
        the converter alone cannot know; the rest is the converter's."""
        from usjapan2024._loading.document import structure_meeting

        conv = converter()
        assert structure_meeting(conv.unstructure(meeting)) == meeting

    @given(meetings())
    def test_unstructured_is_plain_json(self, meeting: Meeting) -> None:
        """Unstructured data survives json.dumps/loads unchanged: only JSON types in it."""
        data = converter().unstructure(meeting)
        assert json.loads(json.dumps(data)) == data

    def test_wire_format(self) -> None:
        """Dates travel as ISO 8601 strings, enums as their values, tuples as lists."""
        conv = converter()
        assert conv.unstructure(datetime.date(2024, 7, 28)) == "2024-07-28"
        assert conv.unstructure(Actor.JP) == "JP"
        assert conv.unstructure((Span(0, 1, "a"),)) == [
            {"start": 0, "end": 1, "quote": "a", "role": "own"}
        ]


def _errors(data: object, cls: type) -> list[str]:
    with pytest.raises(Exception) as info:  # noqa: PT011  (any cattrs error group)
        converter().structure(data, cls)
    return cattrs.transform_error(info.value, format_exception=lambda e, _t: str(e))


class TestStrictness:
    def test_no_string_to_int_coercion(self) -> None:
        """A number written as a string is an error, not silently converted."""
        assert _errors({"start": "1", "end": 2, "quote": "a"}, Span) == [
            "expected an integer, got string '1' @ $.start"
        ]

    def test_no_bool_as_int(self) -> None:
        """JSON true is not the number 1, and the message says `true`, in JSON's words."""
        assert "expected an integer, got boolean true @ $.end" in _errors(
            {"start": 0, "end": True, "quote": "a"}, Span
        )

    def test_no_int_to_string_coercion(self) -> None:
        """A number where text belongs is an error."""
        assert _errors({"start": 0, "end": 1, "quote": 5}, Span) == [
            "expected a string, got integer 5 @ $.quote"
        ]

    def test_string_is_not_a_tuple(self) -> None:
        """A string is not accepted as an array of its characters."""
        errors = _errors(
            {
                "id": "x",
                "name": "n",
                "title": "t",
                "country": "JP",
                "organisation": "jp-ministry-of-defense",
                "sources": "abc",
            },
            Official,
        )
        assert errors == ["expected an array, got string 'abc' @ $.sources"]

    def test_enum_error_names_valid_values(self) -> None:
        """A bad enum value lists the valid ones, and a str-valued enum is not a plain str."""
        errors = _errors(
            {
                "id": "x",
                "name": "n",
                "title": "t",
                "country": "JPN",
                "organisation": "jp-ministry-of-defense",
                "sources": [],
            },
            Official,
        )
        assert len(errors) == 1
        # Actor is open (any ISO 3166-1 code, or a slug the file declares): the message
        # says what a value looks like rather than listing members.
        assert errors[0].startswith("expected an ISO 3166-1 alpha-2 code such as 'PH'")
        assert errors[0].endswith("(Actor), got 'JPN' @ $.country")

    def test_every_problem_reported_with_path(self) -> None:
        """Detailed validation reports all problems, with index paths into arrays."""
        errors = _errors(
            {
                "id": "x",
                "name": "n",
                "title": "t",
                "country": "JP",
                "organisation": "Nope!",
                "sources": [{"start": 0, "end": "1", "quote": "a"}, 7],
            },
            Official,
        )
        assert [e.rpartition(" @ ")[2] for e in errors] == [
            "$.organisation",
            "$.sources[0].end",
            "$.sources[1]",
        ]

    @pytest.mark.parametrize("bad", ["2024-7-28", "28/07/2024", "2024-02-30", "20240728"])
    def test_bad_dates(self, bad: str) -> None:
        """Only real dates written YYYY-MM-DD are accepted."""
        with pytest.raises(ValueError, match="expected a"):
            converter().structure(bad, datetime.date)


def _dataset_error(document: object, cls: type) -> DatasetError:
    with pytest.raises(DatasetError) as info:
        structure(document, cls)
    return info.value


class TestProblemsAndTheirWords:
    """What ``structure()`` says about bad data, as a user reads it."""

    @pytest.mark.parametrize(
        ("value", "shown"),
        [([], "array of 0 items"), ([1], "array of 1 item"), ([1, 2], "array of 2 items")],
    )
    def test_not_an_object_at_all(self, value: object, shown: str) -> None:
        error = _dataset_error(value, Span)
        assert error.problems == (Problem("$", f"expected an object, got {shown}"),)

    @pytest.mark.parametrize("length", [38, 39])
    def test_long_values_are_clipped_to_40(self, length: int) -> None:
        """A value's repr of up to 40 characters is shown whole; a longer one, clipped."""
        text = "x" * length
        shown = repr(text) if len(repr(text)) <= 40 else repr(text)[:37] + "..."
        error = _dataset_error({"start": text, "end": 1, "quote": "a"}, Span)
        assert error.problems == (Problem("$.start", f"expected an integer, got string {shown}"),)

    def test_a_type_json_does_not_have_is_named(self) -> None:
        assert describe((1, 2)) == "tuple (1, 2)"
        assert describe(1.5) == "number 1.5"
        assert describe([1, 2]) == "array of 2 items"

    def test_unknown_fields_are_listed_sorted(self) -> None:
        error = _dataset_error({"start": 0, "end": 1, "quote": "a", "z": 1, "b @ c": 2}, Span)
        assert error.problems == (Problem("$", "unknown field(s): b @ c, z"),)

    def test_missing_fields_each_have_a_problem(self) -> None:
        error = _dataset_error({"start": 0}, Span)
        assert sorted(error.problems, key=str) == [
            Problem("$.end", "required field is missing"),
            Problem("$.quote", "required field is missing"),
        ]


class TestBudget:
    """Past MAX_PROBLEMS, problems are counted, not kept: the count stays exact."""

    @pytest.mark.parametrize("count", [MAX_PROBLEMS - 1, MAX_PROBLEMS, MAX_PROBLEMS + 1, 150])
    def test_bad_items(self, count: int) -> None:
        error = _dataset_error([1] * count, tuple[Span, ...])
        kept = min(count, MAX_PROBLEMS)
        assert error.problems == tuple(
            Problem(f"$[{i}]", "expected an object, got integer 1") for i in range(kept)
        )
        assert error.more == count - kept

    @pytest.mark.parametrize("count", [30, 40, 60])
    def test_missing_and_unknown_keys(self, count: int) -> None:
        """Each missing field and each object with unknown keys is one problem, counted."""
        items = [{"start": 0, "extra": 1}] * count  # end and quote missing, an unknown key
        error = _dataset_error(items, tuple[Span, ...])
        assert len(error.problems) + error.more == 3 * count
        assert len(error.problems) == min(3 * count, MAX_PROBLEMS)

    def test_objects_past_the_budget_are_still_counted_inside(self) -> None:
        """Once the budget is spent, an object's own bad values still count."""
        items: list[object] = [1] * MAX_PROBLEMS + [{"start": "x", "end": 1, "quote": "a"}] * 5
        error = _dataset_error(items, tuple[Span, ...])
        assert len(error.problems) == MAX_PROBLEMS
        assert error.more == 5

    def test_a_budget_per_call(self) -> None:
        """Two calls, each with its own budget."""
        for _ in range(2):
            assert _dataset_error([1] * 120, tuple[Span, ...]).more == 20

    def test_exactly_as_many_past_the_budget_as_at_its_edge(self) -> None:
        """Missing keys met when exactly MAX_PROBLEMS were raised are counted, not raised."""
        items: list[object] = [1] * MAX_PROBLEMS + [{"start": 0}] * 3
        error = _dataset_error(items, tuple[Span, ...])
        assert len(error.problems) == MAX_PROBLEMS
        assert error.more == 6

    def test_a_spent_object_with_missing_keys_is_still_counted_inside(self) -> None:
        """Past the budget, an object that lacks a key still has its other values checked."""
        items: list[object] = [1] * MAX_PROBLEMS + [{"start": "x", "end": 1}] * 4
        error = _dataset_error(items, tuple[Span, ...])
        assert error.more == 2 * 4  # quote missing, start not an integer

    def test_a_missing_object_past_the_budget_is_one_problem(self) -> None:
        """A required object that is missing is one problem, not a second for its type."""
        items: list[object] = [1] * MAX_PROBLEMS + [{"reason": "section-heading"}] * 3
        error = _dataset_error(items, tuple[Exclusion, ...])
        assert error.more == 3  # span missing: once each

    @pytest.mark.parametrize(
        ("items", "raised", "found"),
        [
            pytest.param([1] * 150, MAX_PROBLEMS, 150, id="bad items"),
            # One object's missing and unknown keys are counted together, as cattrs raises
            # them: the 34th object's three take it from 99 to 102.
            pytest.param([{"start": 0, "extra": 1}] * 60, 102, 180, id="missing and unknown keys"),
            pytest.param(
                [1] * MAX_PROBLEMS + [{"start": 0}] * 3,
                MAX_PROBLEMS,
                MAX_PROBLEMS + 6,
                id="missing keys at the edge",
            ),
            pytest.param(
                [{"start": 0, "end": 1}] * 30 + [{"start": "x", "end": 1, "quote": "a"}] * 80,
                MAX_PROBLEMS,
                110,
                id="missing keys, then bad values",
            ),
        ],
    )
    def test_the_detailed_pass_raises_about_max_problems(
        self, items: list[object], raised: int, found: int, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """What bounds memory: cattrs keeps about MAX_PROBLEMS exceptions, not one per
        problem (``DatasetError`` would cap what it shows either way)."""
        kept: list[int] = []
        transform = cattrs.transform_error

        def counting(group: cattrs.BaseValidationError, **kwargs: object) -> list[str]:
            lines = transform(group, **kwargs)  # type: ignore[arg-type]
            kept.append(len(lines))
            return lines

        monkeypatch.setattr(cattrs, "transform_error", counting)
        error = _dataset_error(items, tuple[Span, ...])
        assert kept == [raised]
        assert len(error.problems) == MAX_PROBLEMS
        assert error.more == found - MAX_PROBLEMS


class TestHookChoice:
    """Which hook takes which type: attrs classes, homogeneous tuples, the rest cattrs'."""

    def test_a_fixed_length_tuple_is_not_a_homogeneous_one(self) -> None:
        """``tuple[int, str]`` is typed per position (cattrs' own hook), not as ``int, ...``."""
        assert structure([1, "a"], tuple[int, str]) == (1, "a")
        assert structure(["a"], tuple[str, ...]) == ("a",)

    def test_the_attrs_hook_takes_attrs_classes_only(self) -> None:
        """Not every class: on Python 3.10 ``tuple[Span, ...]`` is an instance of ``type``."""
        assert _is_attrs(Span)
        assert not _is_attrs(tuple[Span, ...])
        assert not _is_attrs(int)
        assert not _is_attrs(Actor)

    def test_an_array_where_a_vocabulary_value_goes(self) -> None:
        """A value that is not a string (an array: unhashable) is bad data, not a crash."""
        error = _dataset_error(
            {
                "id": "x",
                "name": "n",
                "title": "t",
                "country": ["JP"],
                "organisation": "jp-ministry-of-defense",
                "sources": [],
            },
            Official,
        )
        assert [problem.path for problem in error.problems] == ["$.country"]
        assert error.problems[0].message.startswith("expected an ISO 3166-1 alpha-2 code")
