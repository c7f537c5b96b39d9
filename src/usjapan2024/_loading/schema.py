"""The JSON Schema (draft 2020-12) of the data file, generated from the attrs classes.

Generating it from the classes means the schema cannot drift from the code; the
copy shipped as ``data/usjapan2024.schema.json`` is for people who do not run
Python, and a test checks that it equals what this module generates.  The schema of
each earlier version this release still reads is shipped beside it, frozen as that
release published it (``data/usjapan2024.schema-1.json``).

The schema states the shape (types, required fields, enum values, no unknown keys)
and the bounds that loading also enforces (``_BOUNDS``); what it cannot state, such as
"every quote matches the text" or "every id is unique", :func:`usjapan2024.loads`
checks on top.  ``docs/errors.md`` lists those rules, and a property test generates
documents from this schema to check that the loader refuses nothing else.
"""

from __future__ import annotations

import copy
import datetime
import enum
import functools
import json
from typing import Any

import attrs

from usjapan2024 import vocabulary
from usjapan2024._loading.document import SUPPORTED_SCHEMA_VERSIONS
from usjapan2024._model.fields import fields_of
from usjapan2024.model import Meeting

__all__ = ["SCHEMA_ID", "json_schema"]

SCHEMA_ID = "urn:usjapan2024:schema:{version}"
_DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(version: int = SUPPORTED_SCHEMA_VERSIONS[-1]) -> dict[str, Any]:
    """Return the JSON Schema of a dataset file, as a new dict the caller may change.

    Args:
        version: The ``schema_version`` whose schema to return: the current one by
            default (what :func:`usjapan2024.dumps` writes), or an earlier one this
            release still reads.

    >>> schema = json_schema()
    >>> schema["$id"], schema["$schema"]
    ('urn:usjapan2024:schema:3', 'https://json-schema.org/draft/2020-12/schema')
    >>> schema["$defs"]["Topic"]["enum"][:3]
    ['international-order', 'alliance', 'command-and-control']
    >>> schema["$defs"]["Place"]["pattern"]
    '^[a-z0-9]+(?:-[a-z0-9]+)*$'
    >>> json_schema(1)["$id"], json_schema(2)["$id"]
    ('urn:usjapan2024:schema:1', 'urn:usjapan2024:schema:2')
    """
    if version == SUPPORTED_SCHEMA_VERSIONS[-1]:
        return copy.deepcopy(_build())
    if version in SUPPORTED_SCHEMA_VERSIONS:
        from usjapan2024._io.bundled import read_resource

        frozen: dict[str, Any] = json.loads(read_resource(f"usjapan2024.schema-{version}.json"))
        return frozen
    msg = f"no schema_version {version!r}; this release knows {SUPPORTED_SCHEMA_VERSIONS}"
    raise ValueError(msg)


@functools.cache
def _build() -> dict[str, Any]:
    definitions: dict[str, Any] = {}
    root = _for_class(Meeting, definitions)
    root.update(
        {
            "$schema": _DRAFT,
            "$id": SCHEMA_ID.format(version=SUPPORTED_SCHEMA_VERSIONS[-1]),
            "title": "usjapan2024 dataset",
            "description": _first_line(Meeting.__doc__),
        }
    )
    root["properties"]["schema_version"] = {
        "enum": [SUPPORTED_SCHEMA_VERSIONS[-1]],
        "description": root["properties"]["schema_version"]["description"],
    }
    # Editors find a file's schema through this key; the loader accepts and ignores it.
    root["properties"] = {"$schema": {"type": "string"}, **root["properties"]}
    root["$defs"] = dict(sorted(definitions.items()))
    return root


def _first_line(doc: str | None) -> str:
    return (doc or "").strip().splitlines()[0]


_BOUNDS: dict[tuple[str, str], dict[str, Any]] = {
    ("Span", "start"): {"minimum": 0},  # the consistency checks: 0 <= start < end <= len(text)
    ("Span", "end"): {"minimum": 1},
    ("SourceInfo", "sha256"): {"pattern": "^[0-9a-f]{64}$"},  # it must equal the text's digest
}
"""Bounds of single fields that loading enforces, so the schema can state them too.

Besides these, every ``sources`` array has ``minItems: 1``: every record cites a span."""


def _for_class(cls: type, definitions: dict[str, Any]) -> dict[str, Any]:
    fields = fields_of(cls)
    properties = {}
    for f in fields:
        if f.typed_by_target:  # any JSON value here; loading checks it against its field
            properties[f.name] = {"description": f.plain_description}
            continue
        one = _for_type(f.base, definitions)
        schema: dict[str, Any] = {"type": "array", "items": one} if f.many else dict(one)
        if f.optional:
            schema = {"anyOf": [schema, {"type": "null"}]}
        schema["description"] = f.plain_description
        schema.update(_BOUNDS.get((cls.__name__, f.name), {}))
        if f.name == "sources":
            schema["minItems"] = 1
        properties[f.name] = schema
    return {
        "type": "object",
        "description": _first_line(cls.__doc__),
        "properties": properties,
        "required": [f.name for f in fields if f.required],
        "additionalProperties": False,
    }


def _for_type(tp: Any, definitions: dict[str, Any]) -> dict[str, Any]:  # noqa: ANN401
    if tp is str:
        return {"type": "string"}
    if tp is int:
        return {"type": "integer"}
    if tp is datetime.date:
        # ASCII digits only (JSON Schema's \d may match others), and exactly ten
        # characters, because some validators' `$` also matches before a final newline.
        return {
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "minLength": 10,
            "maxLength": 10,
        }
    if isinstance(tp, type) and issubclass(tp, vocabulary.OpenVocabulary):
        coined: dict[str, Any] = {"type": "string", "pattern": f"^{vocabulary.SLUG.pattern}$"}
        if tp is vocabulary.Actor:
            states = {"enum": sorted(vocabulary.ISO_3166_ALPHA_2)}
            coined = {"anyOf": [states, coined]}
        definitions.setdefault(
            tp.__name__,
            {
                "description": _first_line(tp.__doc__)
                + f" Open: {tp.form()}; the file declares each value it uses.",
                **coined,
            },
        )
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        definitions.setdefault(
            tp.__name__,
            {
                "description": _first_line(tp.__doc__),
                "enum": [member.value for member in tp],
            },
        )
        return {"$ref": f"#/$defs/{tp.__name__}"}
    if attrs.has(tp):
        if tp.__name__ not in definitions:
            definitions[tp.__name__] = {}  # reserve the name before recursing
            definitions[tp.__name__] = _for_class(tp, definitions)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    msg = f"no JSON Schema for {tp!r}"
    raise TypeError(msg)
