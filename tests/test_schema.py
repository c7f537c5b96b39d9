from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from usjapan2024 import Meeting, dumps, json_schema, load
from usjapan2024._loading.converter import converter
from usjapan2024.strategies import meetings

from .conftest import ROOT
from .helpers import bundled_document
from .schema_strategies import from_schema

VALIDATOR = jsonschema.Draft202012Validator(json_schema())


class TestSchema:
    def test_is_a_valid_draft_2020_12_schema(self) -> None:
        """The schema itself is valid under its metaschema."""
        jsonschema.Draft202012Validator.check_schema(json_schema())
        assert json_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"

    def test_shipped_copy_is_generated(self) -> None:
        """The schema file in the package equals the one generated from the classes."""
        shipped = ROOT / "src" / "usjapan2024" / "data" / "usjapan2024.schema.json"
        assert json.loads(shipped.read_text(encoding="utf-8")) == json_schema()

    def test_bundled_data_validates(self) -> None:
        """The bundled JSON is valid against the schema."""
        VALIDATOR.validate(json.loads(dumps(load())))

    @given(meetings())
    def test_generated_data_validates(self, meeting: Meeting) -> None:
        """Every meeting the strategies generate is valid against the schema."""
        VALIDATOR.validate(converter().unstructure(meeting))

    def test_caller_cannot_corrupt_it(self) -> None:
        """Each call returns a fresh dict; changing one does not change the next."""
        schema = json_schema()
        schema["$defs"].clear()
        assert json_schema()["$defs"]

    def test_every_attrs_field_is_in_the_schema(self) -> None:
        """Each class's fields are the schema's required properties, and nothing else."""
        import attrs

        from usjapan2024 import model

        defs = json_schema()["$defs"]
        for name in model.__all__:
            cls = getattr(model, name)
            if attrs.has(cls) and cls is not Meeting:
                names = [f.name for f in attrs.fields(cls)]
                required = [f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING]
                assert defs[name]["required"] == required
                assert list(defs[name]["properties"]) == names
                assert defs[name]["additionalProperties"] is False

    @pytest.mark.parametrize(
        "breakage",
        [
            lambda d: d["commitments"][0].pop("topic"),
            lambda d: d["threats"][0].update(severity="high"),
            lambda d: d["officials"][0].update(country="JPN"),
            lambda d: d.update(date=20240728),
        ],
    )
    def test_schema_and_loader_agree_on_shape(self, breakage: Any) -> None:
        """What the loader refuses for its shape, the schema refuses too."""
        document = bundled_document()
        breakage(document)
        assert not VALIDATOR.is_valid(document)


# What the loader refuses that a JSON Schema cannot state (listed in docs/errors.md): a
# number written with a fraction (JSON Schema's "integer" admits 196.0), a date that is
# not in the calendar (`format` is an annotation validators need not check), and the
# consistency rules, which the stage after the shape checks.
_BEYOND_THE_SCHEMA = (
    "expected a real calendar date, got",
    # Notes on a newer version that come with another problem, not problems themselves:
    "the file is dataset version",  # of this dataset
    "a file of its own dataset",  # of another one
)


def _shape_problems(document: Any, cls: type) -> list[str]:
    """The loader's shape-stage verdict on ``document`` as an instance of ``cls``."""
    from usjapan2024 import DatasetError
    from usjapan2024._loading.converter import structure
    from usjapan2024._loading.document import structure_meeting

    try:
        if cls is Meeting:
            structure_meeting(document)
        else:
            structure(document, cls)
    except DatasetError as error:
        return [p.message for p in error.problems]
    return []


def _definition(name: str) -> dict[str, Any]:
    schema = json_schema()
    if name == "Meeting":
        return schema
    return {"$ref": f"#/$defs/{name}", "$defs": schema["$defs"]}


class TestGeneratedFromTheSchema:
    """Documents drawn from the published schema: the loader's shape stage accepts them."""

    @pytest.mark.parametrize(
        "name", ["Span", "Reference", "Erratum", "Commitment", "Threat", "Metadata", "Retired"]
    )
    def test_the_loader_accepts_what_the_schema_allows(self, name: str) -> None:
        """Every schema-valid value loads, unless a listed rule beyond the schema refuses it."""
        from hypothesis import HealthCheck, settings

        from usjapan2024 import model

        @settings(max_examples=40, suppress_health_check=list(HealthCheck), deadline=None)
        @given(from_schema(_definition(name)))
        def accepted(document: Any) -> None:
            for problem in _shape_problems(document, getattr(model, name)):
                assert problem.startswith(_BEYOND_THE_SCHEMA), problem

        accepted()

    def test_whole_documents(self) -> None:
        """A whole document drawn from the schema passes the shape stage (few, small)."""
        from hypothesis import HealthCheck, settings

        @settings(max_examples=10, suppress_health_check=list(HealthCheck), deadline=None)
        @given(from_schema(json_schema()))
        def accepted(document: Any) -> None:
            for problem in _shape_problems(document, Meeting):
                assert problem.startswith(_BEYOND_THE_SCHEMA), problem

        accepted()

    def test_the_schema_key_is_accepted(self) -> None:
        """A top-level "$schema" (what editors read) is valid and ignored by the loader."""
        from usjapan2024 import loads

        document = bundled_document()
        document = {"$schema": "./usjapan2024.schema.json", **document}
        assert VALIDATOR.is_valid(document)
        assert loads(json.dumps(document)) == load()

    @pytest.mark.parametrize(
        "breakage",
        [
            lambda d: d["officials"][0]["sources"][0].update(start=-1),
            lambda d: d["officials"][0].update(sources=[]),
            lambda d: d["metadata"]["source"].update(sha256="xyz"),
            lambda d: d.update(date="2024-07-28\n"),
            lambda d: d.update(date="\uff12\uff10\uff12\uff14-07-28"),  # full-width digits
        ],
    )
    def test_bounds_the_loader_enforces_are_in_the_schema(self, breakage: Any) -> None:
        """Negative offsets, empty sources, bad digests, odd dates: both refuse them."""
        from usjapan2024 import DatasetError, loads

        document = bundled_document()
        breakage(document)
        assert not VALIDATOR.is_valid(document)
        with pytest.raises(DatasetError):
            loads(json.dumps(document))
