"""Every kind of structural mistake gets a DatasetError naming where and what."""

from __future__ import annotations

import pytest

from usjapan2024 import SUPPORTED_SCHEMA_VERSIONS, DatasetError, loads

from .helpers import bundled_document, problems_of


class TestNotADataset:
    def test_not_json(self) -> None:
        """Broken JSON names the line and column."""
        assert problems_of('{\n  "schema_version": 1,\n  oops\n}') == [
            ("$", "not JSON: Expecting property name enclosed in double quotes at line 3, column 3")
        ]

    def test_not_utf8(self) -> None:
        """Bytes that are not UTF-8 name the offending byte."""
        assert problems_of(b'{"name": "caf\xe9"}') == [("$", "not UTF-8: byte 13 is 0xe9")]

    @pytest.mark.parametrize(
        ("text", "kind"), [("[]", "array"), ("3", "integer"), ('"x"', "string"), ("null", "null")]
    )
    def test_wrong_top_level_type(self, text: str, kind: str) -> None:
        """A document that is not an object says what it is instead."""
        ((path, message),) = problems_of(text)
        assert path == "$"
        assert message.endswith(f"got {kind}")

    def test_nan_is_refused(self) -> None:
        """NaN is not JSON, though Python's parser accepts it by default."""
        assert problems_of('{"schema_version": NaN}') == [
            ("$", "not valid JSON data: NaN is not a JSON number at line 1, column 20")
        ]

    def test_nan_position_skips_strings(self) -> None:
        """The position is the number's, not that of a string that spells it."""
        assert problems_of('{"a": "NaN -Infinity",\n "b": -Infinity}') == [
            ("$", "not valid JSON data: -Infinity is not a JSON number at line 2, column 7")
        ]

    def test_integer_too_long(self) -> None:
        """An integer longer than Python reads is bad data, with its position."""
        ((path, message),) = problems_of('{"a": 1,\n "b": ' + "7" * 5000 + "}")
        assert path == "$"
        assert message.startswith("not valid JSON data: an integer of more than")
        assert message.endswith("digits, more than can be read at line 2, column 7")

    def test_control_character_wording(self) -> None:
        """A raw control character in a string is said once, with its position."""
        assert problems_of('{"a": "\x01"}') == [
            ("$", "not JSON: Invalid control character at line 1, column 8")
        ]

    def test_repeated_key(self) -> None:
        """A key given twice would silently lose a value; it is reported."""
        assert problems_of('{"schema_version": 1, "schema_version": 1}') == [
            ("$", "key 'schema_version' appears twice in this object")
        ]

    def test_repeated_key_at_its_object(self) -> None:
        """A repeated key is reported at the path of the object that repeats it."""
        text = '{"schema_version": 2, "threats": [{}, {"id": "a", "id": "b"}]}'
        assert problems_of(text) == [("$.threats[1]", "key 'id' appears twice in this object")]

    @pytest.mark.parametrize(
        ("version", "shown"),
        [
            (0, "integer 0"),
            (4, "integer 4"),
            ("1", "string '1'"),
            (True, "boolean true"),
            (None, "null"),
            (2.0, "number 2.0"),
        ],
    )
    def test_unsupported_schema_version(self, version: object, shown: str) -> None:
        """A version this release cannot read names the versions it can, in JSON's words."""
        document = bundled_document()
        document["schema_version"] = version
        ((path, message),) = problems_of(document)
        assert path == "$.schema_version"
        readable = ", ".join(map(str, SUPPORTED_SCHEMA_VERSIONS))
        assert message.startswith(f"this release reads schema_version {readable}, got {shown}")

    def test_missing_schema_version(self) -> None:
        """A file without schema_version is refused up front."""
        document = bundled_document()
        del document["schema_version"]
        assert problems_of(document)[0][0] == "$.schema_version"

    def test_loads_wrong_argument_type(self) -> None:
        """Passing something that is not text is a programming error, not bad data."""
        with pytest.raises(TypeError, match="takes str or bytes"):
            loads(42)  # type: ignore[arg-type]


class TestShape:
    def test_missing_field(self) -> None:
        """A dropped field is named by its path."""
        document = bundled_document()
        del document["commitments"][3]["topic"]
        assert problems_of(document) == [("$.commitments[3].topic", "required field is missing")]

    def test_unknown_field(self) -> None:
        """A misspelt or extra field is refused, not ignored."""
        document = bundled_document()
        document["threats"][0]["severity"] = "high"
        assert problems_of(document) == [("$.threats[0]", "unknown field(s): severity")]

    def test_wrong_types(self) -> None:
        """Each wrong type is reported at its own path, all at once."""
        document = bundled_document()
        document["officials"][0]["name"] = 7
        document["commitments"][2]["parties"] = "US"
        document["commitments"][5]["sources"][0]["start"] = "700"
        assert problems_of(document) == [
            ("$.officials[0].name", "expected a string, got integer 7"),
            ("$.commitments[2].parties", "expected an array, got string 'US'"),
            ("$.commitments[5].sources[0].start", "expected an integer, got string '700'"),
        ]

    def test_bad_enum_value_names_valid_ones(self) -> None:
        """A bad vocabulary value lists the valid values; an open one's, their form."""
        document = bundled_document()
        document["commitments"][0]["topic"] = "deterence"
        document["commitments"][1]["parties"][0] = "USA"
        ((path, message), (open_path, open_message)) = problems_of(document)
        assert path == "$.commitments[0].topic"
        assert message.startswith("expected one of 'international-order', 'alliance'")
        assert message.endswith("(Topic), got 'deterence'")
        assert open_path == "$.commitments[1].parties[0]"
        assert open_message == (
            "expected an ISO 3166-1 alpha-2 code such as 'PH', or a lower-case slug such as"
            " 'houthis' (Actor), got 'USA'"
        )

    @pytest.mark.parametrize(
        ("value", "message"),
        [
            ("28 July 2024", "expected a date as YYYY-MM-DD, got '28 July 2024'"),
            ("2024-02-30", "expected a real calendar date, got '2024-02-30'"),
            (20240728, "expected a date as an ISO 8601 string (YYYY-MM-DD), got integer 20240728"),
        ],
    )
    def test_bad_dates(self, value: object, message: str) -> None:
        """Dates must be real and written YYYY-MM-DD."""
        document = bundled_document()
        document["date"] = value
        assert problems_of(document) == [("$.date", message)]

    def test_nested_array_in_a_string_field(self) -> None:
        """A deeply nested value where a string belongs is described, not printed."""
        document = bundled_document()
        nested: list[object] = []
        for _ in range(500):
            nested = [nested]
        document["name"] = nested
        assert problems_of(document) == [("$.name", "expected a string, got array of 1 item")]

    def test_error_is_raised_from_none(self) -> None:
        """The cattrs error group is not chained: the DatasetError says it all."""
        document = bundled_document()
        del document["name"]
        import json

        with pytest.raises(DatasetError) as info:
            loads(json.dumps(document))
        assert info.value.__cause__ is None
        assert info.value.__suppress_context__
