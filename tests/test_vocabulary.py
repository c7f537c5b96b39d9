from __future__ import annotations

import enum

import pytest

from usjapan2024 import Actor, ActorKind, load, vocabulary


class TestActor:
    def test_states_are_iso_codes(self) -> None:
        """is_state is true exactly for two-letter upper-case values (ISO 3166-1 alpha-2)."""
        assert {a for a in Actor if a.is_state} == {
            Actor.US, Actor.JP, Actor.CN, Actor.KP, Actor.RU, Actor.UA, Actor.AU, Actor.KR
        }  # fmt: skip
        assert not Actor.HOUTHIS.is_state
        assert not Actor.ASEAN.is_state

    def test_is_state_agrees_with_party_kind(self) -> None:
        """The bundled parties of kind 'state' are exactly the state actors."""
        for party in load().parties:
            assert party.id.is_state == (party.kind is ActorKind.STATE), party.id


@pytest.mark.parametrize("name", [n for n in vocabulary.__all__ if not n.endswith("Value")])
def test_values_are_unique_strings(name: str) -> None:
    """Every vocabulary is a str-valued enum whose values are distinct (no aliases)."""
    cls = getattr(vocabulary, name)
    assert issubclass(cls, enum.Enum)
    assert issubclass(cls, str)
    values = [member.value for member in cls]
    assert len(set(values)) == len(values) == len(cls.__members__)
