from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from hypothesis import given

from usjapan2024 import Meeting, dumps, json_schema, load
from usjapan2024._converter import converter
from usjapan2024.strategies import meetings

from .conftest import ROOT
from .helpers import bundled_document

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
                assert defs[name]["required"] == names
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
