"""Whatever the input, loads() returns a Meeting or raises DatasetError: nothing else.

The CI profile runs each fuzz test with at least 1,000 examples, derandomized so a
run is repeatable; ``HYPOTHESIS_PROFILE=thorough`` runs many more locally.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from usjapan2024 import DatasetError, Meeting, loads

from .conftest import FUZZ_EXAMPLES
from .helpers import bundled_document

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)

BUNDLED = bundled_document()


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every location in a parsed document, as a tuple of keys and indexes."""
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*path, index))
    return found


PATHS = _paths(BUNDLED)[1:]
ID_PATHS = [p for p in PATHS if p and p[-1] == "id"]
OFFSET_PATHS = [p for p in PATHS if p and p[-1] in {"start", "end"}]


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for key in path:
        document = document[key]
    return document


def _outcome(text: str | bytes) -> Meeting | DatasetError:
    try:
        return loads(text)
    except DatasetError as error:
        problems = error.problems
    assert problems, "a DatasetError must name at least one problem"
    assert all(problem.path.startswith("$") for problem in problems), problems
    return DatasetError(problems)


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """The bundled document with one to three mutations of the kinds users make."""
    document = copy.deepcopy(BUNDLED)
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["drop", "retype", "duplicate-id", "move", "truncate"]))
        pool = {"duplicate-id": ID_PATHS, "move": OFFSET_PATHS}.get(kind, PATHS)
        path = draw(st.sampled_from(pool))
        try:
            _mutate(draw, document, kind, path)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this place
    return document


def _mutate(draw: st.DrawFn, document: Any, kind: str, path: tuple[Any, ...]) -> None:
    parent, key = _at(document, path[:-1]), path[-1]
    value = parent[key]
    if kind == "drop":
        del parent[key]
    elif kind == "retype":
        parent[key] = draw(JSON_VALUES)
    elif kind == "duplicate-id":
        parent[key] = _at(document, draw(st.sampled_from(ID_PATHS)))
    elif kind == "move" and isinstance(value, int):
        parent[key] = value + draw(st.integers(-50, 50))
    elif kind == "truncate" and isinstance(value, str):
        parent[key] = value[: draw(st.integers(0, max(len(value) - 1, 0)))]


class TestFuzz:
    @settings(max_examples=FUZZ_EXAMPLES)
    @given(JSON_VALUES)
    def test_arbitrary_json_values(self, value: Any) -> None:
        """Any JSON value is refused with a DatasetError (none is a valid dataset)."""
        assert isinstance(_outcome(json.dumps(value)), DatasetError)

    @settings(max_examples=FUZZ_EXAMPLES)
    @given(st.text(max_size=200) | st.binary(max_size=200))
    def test_arbitrary_text_and_bytes(self, data: str | bytes) -> None:
        """Any text or bytes give a Meeting or a DatasetError."""
        _outcome(data)

    @settings(max_examples=FUZZ_EXAMPLES)
    @given(mutated())
    def test_mutations_of_the_bundled_document(self, document: Any) -> None:
        """Dropped fields, new types, repeated ids, moved offsets, cut strings: never a crash."""
        result = _outcome(json.dumps(document))
        if isinstance(result, Meeting):  # the mutations cancelled out, or hit nothing checked
            assert loads(json.dumps(document)) == result

    @settings(max_examples=FUZZ_EXAMPLES)
    @given(st.sampled_from(PATHS), JSON_VALUES)
    def test_any_value_anywhere(self, path: tuple[Any, ...], value: Any) -> None:
        """Replacing any node with any JSON value gives a Meeting or a DatasetError."""
        document = copy.deepcopy(BUNDLED)
        _at(document, path[:-1])[path[-1]] = value
        _outcome(json.dumps(document))


class TestExtremes:
    @pytest.mark.parametrize("depth", [1_000, 100_000])
    def test_deep_nesting(self, depth: int) -> None:
        """Arrays nested very deeply end in a DatasetError, not a RecursionError."""
        with pytest.raises(DatasetError, match=r"nested too deeply|expected an object"):
            loads("[" * depth + "]" * depth)

    def test_deep_nesting_inside_a_field(self) -> None:
        """Deep nesting where a string belongs is reported at that field."""
        document = json.dumps(bundled_document()).replace(
            '"name": "Japan-US Security', '"name": ' + "[" * 100_000 + "]" * 100_000 + ', "x": "', 1
        )
        with pytest.raises(DatasetError):
            loads(document)

    def test_large_file(self) -> None:
        """A 50 MB document is read and refused cleanly."""
        document = bundled_document()
        document["name"] = "x" * 50_000_000
        document["commitments"] = document["commitments"] * 3
        with pytest.raises(DatasetError) as info:
            loads(json.dumps(document))
        assert any(p.message.startswith("duplicate id") for p in info.value.problems)


class TestFastPathAgrees:
    @settings(max_examples=FUZZ_EXAMPLES)
    @given(mutated())
    def test_fast_and_detailed_converters_agree(self, document: Any) -> None:
        """The fast converter accepts exactly what the detailed one accepts, with equal results."""
        from usjapan2024._loading.converter import converter, fast_converter

        def outcome(conv: Any) -> object:
            try:
                return conv.structure(document, Meeting)
            except Exception:  # noqa: BLE001  (only success or failure matters here)
                return "refused"

        assert outcome(fast_converter()) == outcome(converter())
