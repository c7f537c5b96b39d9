"""Schema 2 reads schema 1: files and code written against 1.0.0 keep working."""

from __future__ import annotations

import json
import warnings
from importlib.metadata import version as package_version
from typing import Any

import attrs
import jsonschema
import pytest

from usjapan2024 import (
    SUPPORTED_SCHEMA_VERSIONS,
    Erratum,
    Reference,
    Retired,
    dumps,
    get,
    json_schema,
    load,
    loads,
)

from .conftest import RELEASES
from .helpers import bundled_document, problems_of

RELEASE_1_0_0 = RELEASES / "usjapan2024-1.0.0.json"
"""The bundled data file exactly as release 1.0.0 shipped it (schema 1)."""


@pytest.fixture(scope="module")
def old_document() -> dict[str, object]:
    document: dict[str, object] = json.loads(RELEASE_1_0_0.read_text(encoding="utf-8"))
    return document


class TestSchema1Files:
    def test_the_1_0_0_file_loads(self, old_document: dict[str, object]) -> None:
        """The real 1.0.0 file loads, as the current schema, each free-text reference kept as
        a title."""
        meeting = load(RELEASE_1_0_0)
        assert meeting.schema_version == SUPPORTED_SCHEMA_VERSIONS[-1]
        assert meeting.retired == ()
        old_errata = old_document["errata"]
        assert isinstance(old_errata, list)
        assert [e.id for e in meeting.errata] == [e["id"] for e in old_errata]
        for erratum, old in zip(meeting.errata, old_errata, strict=True):
            assert erratum.references == (Reference(old["reference"], None, None, None, None),)

    def test_it_matches_the_schema_1_published(self, old_document: dict[str, object]) -> None:
        """The frozen schema of version 1 describes the 1.0.0 file, and refuses schema 2."""
        jsonschema.Draft202012Validator(json_schema(1)).validate(old_document)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.Draft202012Validator(json_schema(1)).validate(bundled_document())

    def test_dumps_writes_the_current_schema(self) -> None:
        """A schema-1 file loaded and dumped again is a current file that loads equal."""
        meeting = load(RELEASE_1_0_0)
        written = json.loads(dumps(meeting))
        assert written["schema_version"] == SUPPORTED_SCHEMA_VERSIONS[-1]
        assert "reference" not in written["errata"][0]
        jsonschema.Draft202012Validator(json_schema()).validate(written)
        assert loads(json.dumps(written)) == meeting

    def test_a_broken_schema_1_file_names_its_problem(
        self, old_document: dict[str, object]
    ) -> None:
        """Problems in a schema-1 file are reported at their paths, after the upgrade."""
        broken = json.loads(json.dumps(old_document))
        broken["errata"][0]["reference"] = 7
        del broken["errata"][1]["reference"]
        assert problems_of(broken) == [
            ("$.errata[0].references[0].title", "expected a string, got integer 7"),
            ("$.errata[1].references", "required field is missing"),
        ]

    def test_schema_2_has_no_reference_field(self) -> None:
        """A schema-2 file with the old field is refused: the upgrade is for schema 1 only."""
        document = bundled_document()
        document["errata"][0]["reference"] = "a note"
        assert problems_of(document) == [("$.errata[0]", "unknown field(s): reference")]

    def test_unknown_schema_version_is_refused(self) -> None:
        """json_schema() of a version this release does not know is an error."""
        unknown = SUPPORTED_SCHEMA_VERSIONS[-1] + 1
        with pytest.raises(ValueError, match=f"no schema_version {unknown}"):
            json_schema(unknown)


class TestCodeWrittenForRelease1:
    def test_reference_attribute_warns_and_joins(self) -> None:
        """`Erratum.reference` still works, as the references in one line, with a warning."""
        erratum = load().errata[0]
        with pytest.warns(DeprecationWarning, match=r"Erratum\.reference is deprecated"):
            text = erratum.reference
        assert text == "; ".join(map(str, erratum.references))
        assert erratum.references[0].url is not None
        assert erratum.references[0].url in text

    def test_constructing_with_a_string_warns(self) -> None:
        """`Erratum(..., "free text", ...)` as in 1.0.0 becomes one reference, with a warning."""
        old = load().errata[0]
        with pytest.warns(DeprecationWarning, match="reference as one string is deprecated"):
            erratum = Erratum(
                old.id,
                old.target,
                old.field,
                old.kind,
                old.text_says,
                old.record_says,
                "A ministry release",
                old.sources,
            )
        assert erratum.references == (Reference("A ministry release", None, None, None, None),)

    def test_structured_references_do_not_warn(self) -> None:
        """The schema-2 way raises no warning."""
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            load()
            attrs.evolve(load().errata[0], references=load().errata[0].references)


def _with_retired(*retired: Retired) -> object:
    return attrs.evolve(load(), retired=retired)


class TestRetiredIds:
    def test_get_names_the_replacements(self) -> None:
        """get() of a retired id says when and why, and what replaced it."""
        meeting = attrs.evolve(
            load(),
            retired=(
                Retired(
                    "threat.old", ("threat.cn-coercion", "threat.cn-nuclear"), "9.9.9", "split"
                ),
            ),
        )
        with pytest.raises(KeyError) as info:
            get("threat.old", meeting=meeting)
        message = str(info.value)
        assert "retired in 9.9.9 (split)" in message
        assert "'threat.cn-coercion', 'threat.cn-nuclear'" in message
        assert get("threat.old", None, meeting=meeting) is None

    def test_file_checks(self) -> None:
        """A retired id may not be in use, listed twice, or point at nothing."""
        document = bundled_document()
        first_id = document["threats"][0]["id"]
        document["retired"] = [
            {"id": first_id, "replaced_by": [first_id], "since": "1.1.0", "reason": "x"},
            {
                "id": "threat.gone",
                "replaced_by": ["threat.nowhere"],
                "since": "1.1.0",
                "reason": "x",
            },
            {"id": "threat.gone", "replaced_by": [], "since": "1.1.0", "reason": "x"},
        ]
        assert problems_of(document) == [
            ("$.retired[0].id", f"{first_id!r} is retired but a record has it"),
            (
                "$.retired[1].replaced_by[0]",
                "'threat.nowhere' does not name any of the meeting's records",
            ),
            ("$.retired[2].id", "'threat.gone' is retired twice"),
            ("$.retired[2].replaced_by", "names no record; a retired id points on"),
        ]

    def test_retired_is_optional_in_schema_2(self) -> None:
        """A schema-2 file without `retired` loads, and the schema does not require it."""
        document = bundled_document()
        document.pop("retired", None)
        assert loads(json.dumps(document)).retired == ()
        assert "retired" not in json_schema()["required"]


class TestNewerFiles:
    def test_a_newer_dataset_version_says_so(self) -> None:
        """A vocabulary value this release lacks, in a newer file: the first problem says why."""
        document = bundled_document()
        document["metadata"]["version"] = "1.99.0"
        document["commitments"][0]["topic"] = "space"
        problems = problems_of(document)
        assert problems[0][0] == "$.metadata.version"
        assert "newer than this release" in problems[0][1]
        assert "upgrade usjapan2024" in problems[0][1]
        assert problems[1][0] == "$.commitments[0].topic"

    def test_an_older_or_equal_version_gets_no_such_hint(self) -> None:
        """The same mistake in a file of this release is just the mistake."""
        document = bundled_document()
        document["commitments"][0]["topic"] = "space"
        assert [path for path, _ in problems_of(document)] == ["$.commitments[0].topic"]

    def test_a_newer_schema_version_says_so(self) -> None:
        """A schema_version after the current one is from the future: upgrade."""
        document = bundled_document()
        document["schema_version"] = SUPPORTED_SCHEMA_VERSIONS[-1] + 1
        ((path, message),) = problems_of(document)
        assert path == "$.schema_version"
        assert message.endswith(
            "the file comes from a newer release of usjapan2024: upgrade to read it"
        )


class TestVersionsMeanTheFilesOwnRelease:
    """Only a release of this dataset is compared with this release (issue 22)."""

    @pytest.mark.parametrize(
        "title",
        [
            "usjapan2024: the Japan-U.S. 2+2 communiqué of 28 July 2024 as typed data",
            "USJAPAN2024 : another title of this dataset",
            "usjapan2024",
        ],
    )
    def test_a_release_of_this_dataset_gets_the_hint(self, title: str) -> None:
        document = _bad_topic("3.0.0")
        document["metadata"]["title"] = title
        path, message = problems_of(document)[0]
        assert path == "$.metadata.version"
        assert "newer than this release" in message
        assert "upgrade usjapan2024" in message

    @pytest.mark.parametrize(
        ("title", "said"),
        [
            (
                "Other dataset: coded from the same text",
                "a file of its own dataset ('Other dataset')",
            ),
            ("usjapan2024-fork: a fork", "a file of its own dataset ('usjapan2024-fork')"),
            (": no name", "a file of its own dataset"),
        ],
    )
    def test_a_file_of_another_dataset_says_what_it_is(self, title: str, said: str) -> None:
        """Its version numbers its own releases: no comparison, and no advice to upgrade."""
        document = _bad_topic("3.0.0")
        document["metadata"]["title"] = title
        (path, message), (topic_path, _) = problems_of(document)
        assert path == "$.metadata.version"
        assert message.startswith(f"{said}, version 3.0.0: not a release of usjapan2024")
        assert "newer" not in message
        assert "upgrade" not in message
        assert topic_path == "$.commitments[0].topic"

    def test_another_dataset_of_an_older_version_gets_no_note(self) -> None:
        document = _bad_topic("0.1.0")
        document["metadata"]["title"] = "Other: x"
        assert [path for path, _ in problems_of(document)] == ["$.commitments[0].topic"]

    def test_a_valid_file_of_another_dataset_loads_whatever_its_version(self) -> None:
        document = bundled_document()
        document["metadata"]["title"] = "Other: x"
        document["metadata"]["version"] = "3.0.0"
        assert loads(json.dumps(document)).metadata.version == "3.0.0"


class TestDeprecatedNames:
    """Each deprecated name is marked for type checkers (PEP 702) and warns at run time."""

    def test_the_property_warns_at_the_callers_line(self) -> None:
        erratum = load().errata[0]
        with pytest.warns(DeprecationWarning, match=r"Erratum\.reference is deprecated") as seen:
            _ = erratum.reference
        assert seen[0].filename == __file__

    def test_the_marks_are_the_ones_pep_702_sets(self) -> None:
        """``__deprecated__`` holds the message, as ``warnings.deprecated`` sets it."""
        prop = vars(Erratum)["reference"]
        assert isinstance(prop, property)
        getter = prop.fget
        assert getter is not None
        message: str = getattr(getter, "__deprecated__", "")
        assert message.startswith("Erratum.reference is deprecated since 1.1.0")

    def test_the_fallback_decorator_warns_like_the_standard_one(self) -> None:
        """Before Python 3.13 the package's own decorator stands in; it behaves the same."""
        from usjapan2024._model.deprecation import _warn_on_use

        @_warn_on_use("old() is deprecated; use new()")
        def old(x: int) -> int:
            """Old."""
            return x + 1

        with pytest.warns(
            DeprecationWarning, match=r"^old\(\) is deprecated; use new\(\)$"
        ) as seen:
            assert old(1) == 2
        assert seen[0].filename == __file__
        assert old.__deprecated__ == "old() is deprecated; use new()"  # type: ignore[attr-defined]
        assert old.__doc__ == "Old."

    def test_the_standard_decorator_is_used_where_there_is_one(self) -> None:
        import sys

        from usjapan2024._model import deprecation

        if sys.version_info >= (3, 13):
            assert deprecation.deprecated is warnings.deprecated  # type: ignore[attr-defined]
        else:
            assert deprecation.deprecated is deprecation._warn_on_use


class TestSchema1IsSchema1:
    def test_schema_2_fields_in_a_schema_1_file_are_refused(
        self, old_document: dict[str, object]
    ) -> None:
        """A file that says schema 1 may not hold what only schema 2 has."""
        broken = json.loads(json.dumps(old_document))
        broken["retired"] = []
        broken["errata"][2]["references"] = []
        assert problems_of(broken) == [
            ("$.retired", "a field of schema 2, in a file that says schema_version 1"),
            ("$.errata[2].references", "a field of schema 2, in a file that says schema_version 1"),
        ]


class TestTheReferenceKeyword:
    def test_reference_keyword_of_1_0_0_warns_and_works(self) -> None:
        """`Erratum(..., reference="...")` and `attrs.evolve(e, reference=...)` still work."""
        old = load().errata[0]
        with pytest.warns(DeprecationWarning, match="reference as one string is deprecated"):
            built = Erratum(
                id=old.id,
                target=old.target,
                field=old.field,
                kind=old.kind,
                text_says=old.text_says,
                record_says=old.record_says,
                reference="A ministry release",
                sources=old.sources,
            )
        assert built.references == (Reference("A ministry release", None, None, None, None),)
        with pytest.warns(DeprecationWarning, match="reference as one string"):
            evolved = attrs.evolve(old, reference="Another")
        assert evolved.references[0].title == "Another"
        assert evolved.sources == old.sources

    def test_references_are_required(self) -> None:
        """Without references (or 1.0.0's reference) an erratum cannot be built."""
        old = load().errata[0]
        with pytest.raises(TypeError, match="needs its references and its sources"):
            Erratum(old.id, old.target, old.field, old.kind, old.text_says, old.record_says)


def _bad_topic(version: str) -> dict[str, Any]:
    """The bundled document of dataset ``version``, with one value this release lacks."""
    document: dict[str, Any] = bundled_document()
    document["metadata"]["version"] = version
    document["commitments"][0]["topic"] = "space"
    return document


class TestVersionWording:
    """What the schema version and the dataset version say when they are wrong."""

    def test_the_whole_newer_release_message(self) -> None:
        ours = package_version("usjapan2024")
        ((path, message), _) = problems_of(_bad_topic("9.0.0"))
        assert path == "$.metadata.version"
        assert message == (
            f"the file is dataset version 9.0.0, newer than this release ({ours}), which may"
            " not know all its values: upgrade usjapan2024 to read it"
        )

    @pytest.mark.parametrize(("length", "shown"), [(40, 40), (41, 37)])
    def test_a_long_version_is_clipped(self, length: int, shown: int) -> None:
        version = "9" * length
        problems = problems_of(_bad_topic(version))
        clipped = version if shown == length else version[:shown] + "..."
        assert f"dataset version {clipped}, newer" in problems[0][1]

    def test_leading_zeros_and_a_fourth_part_do_not_make_a_version_newer(self) -> None:
        """``0001.1.0`` is 1.1.0, and only three parts are compared: no upgrade hint."""
        major, minor, patch, *_ = (*package_version("usjapan2024").split("."), "0", "0")
        for version in (f"000{major}.{minor}.{patch}", f"{major}.{minor}.{patch}.7"):
            assert [p for p, _ in problems_of(_bad_topic(version))] == ["$.commitments[0].topic"]
        newer = f"{major}.{minor}.{int(patch) + 1}"
        assert problems_of(_bad_topic(newer))[0][0] == "$.metadata.version"

    def test_metadata_that_is_not_an_object(self) -> None:
        """A broken metadata is a problem like any other, with no hint to compute."""
        document = bundled_document()
        document["metadata"] = ["1.99.0"]
        assert problems_of(document) == [("$.metadata", "expected an object, got array of 1 item")]

    def test_a_missing_schema_version(self) -> None:
        document = bundled_document()
        del document["schema_version"]
        assert problems_of(document) == [
            (
                "$.schema_version",
                f"required field is missing (this release reads schema_version {_READABLE})",
            )
        ]

    @pytest.mark.parametrize(
        ("value", "got"), [(0, "integer 0"), ("2", "string '2'"), (True, "boolean true")]
    )
    def test_an_unknown_schema_version(self, value: object, got: str) -> None:
        document = bundled_document()
        document["schema_version"] = value
        assert problems_of(document) == [
            ("$.schema_version", f"this release reads schema_version {_READABLE}, got {got}")
        ]

    @pytest.mark.parametrize(
        ("document", "got"), [([], "array"), ("x y", "string"), (None, "null")]
    )
    def test_not_an_object(self, document: object, got: str) -> None:
        assert problems_of(json.dumps(document)) == [
            ("$", f"expected an object (a dataset is one JSON object), got {got}")
        ]


_READABLE = ", ".join(map(str, SUPPORTED_SCHEMA_VERSIONS))


class TestSchemaKey:
    """``$schema`` tells an editor where the schema is; it is not data."""

    def test_it_is_allowed_and_dropped(self) -> None:
        document = bundled_document()
        document["$schema"] = "https://example.org/usjapan2024.schema.json"
        assert loads(json.dumps(document)) == load()

    def test_it_must_be_a_string(self) -> None:
        document = bundled_document()
        document["$schema"] = 5
        assert problems_of(document) == [("$['$schema']", "expected a string, got integer 5")]

    def test_other_dollar_keys_are_unknown_fields(self) -> None:
        document = bundled_document()
        document["$SCHEMA"] = "x"
        assert problems_of(document) == [("$", "unknown field(s): $SCHEMA")]


class TestSchema1Shapes:
    def test_errata_that_are_not_an_array(self, old_document: dict[str, object]) -> None:
        """A schema-1 file with a broken errata field gets the problem, not a crash."""
        document = {**old_document, "errata": 5}
        assert problems_of(document) == [("$.errata", "expected an array, got integer 5")]
