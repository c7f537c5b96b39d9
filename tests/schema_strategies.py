"""Hypothesis strategies that draw JSON documents from a JSON Schema.

hypothesis-jsonschema, the library made for this, fails with current Hypothesis (it
drives Hypothesis internals that have since changed), so the tests use this small
generator instead.  It covers exactly the keywords the package's schema uses, and
refuses any other, so that a new keyword in the schema cannot be silently ignored.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

_KNOWN = {
    "$schema", "$id", "$ref", "$defs", "title", "description", "type", "properties",
    "required", "additionalProperties", "items", "minItems", "enum", "anyOf", "pattern",
    "format", "minLength", "maxLength", "minimum",
}  # fmt: skip


def from_schema(  # noqa: C901, PLR0911  (one branch per JSON Schema keyword)
    schema: dict[str, Any], root: dict[str, Any] | None = None
) -> st.SearchStrategy[Any]:
    """A strategy for the JSON values ``schema`` accepts (``root`` resolves ``$ref``)."""
    root = schema if root is None else root
    unknown = set(schema) - _KNOWN
    if unknown:
        msg = f"the test generator does not know {sorted(unknown)}"
        raise ValueError(msg)
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return st.deferred(lambda: from_schema(root["$defs"][name], root))
    if "anyOf" in schema:
        return st.one_of([from_schema(option, root) for option in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    if "type" not in schema:
        # Any JSON value (an erratum's record_value): its type is that of the field the
        # erratum names, which a schema cannot say; null is the value every field takes.
        return st.none()
    kind = schema["type"]
    if kind == "null":
        return st.none()
    if kind == "integer":
        return st.integers(min_value=schema.get("minimum"))
    if kind == "string":
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True)
        return st.text(max_size=8)
    if kind == "array":
        items = from_schema(schema["items"], root)
        return st.lists(items, min_size=schema.get("minItems", 0), max_size=2)
    if kind == "object":
        properties = {k: from_schema(v, root) for k, v in schema["properties"].items()}
        required = set(schema["required"])
        return st.fixed_dictionaries(
            {k: v for k, v in properties.items() if k in required},
            optional={k: v for k, v in properties.items() if k not in required},
        )
    msg = f"the test generator does not know type {kind!r}"
    raise ValueError(msg)
