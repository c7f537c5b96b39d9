from __future__ import annotations

import datetime
import json

import cattrs
import pytest
from hypothesis import given

from usjapan2024 import Meeting, Span
from usjapan2024._loading.converter import converter
from usjapan2024.model import Official
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
        assert conv.unstructure((Span(0, 1, "a"),)) == [{"start": 0, "end": 1, "quote": "a"}]


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
        assert errors[0].startswith("expected one of 'US', 'JP'")
        assert errors[0].endswith("(Actor), got 'JPN' @ $.country")

    def test_every_problem_reported_with_path(self) -> None:
        """Detailed validation reports all problems, with index paths into arrays."""
        errors = _errors(
            {
                "id": "x",
                "name": "n",
                "title": "t",
                "country": "JP",
                "organisation": "nope",
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
