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


_VOCABULARIES = [
    name
    for name in vocabulary.__all__
    if isinstance(getattr(vocabulary, name), type)
    and issubclass(getattr(vocabulary, name), enum.Enum)
]


@pytest.mark.parametrize("name", _VOCABULARIES)
def test_values_are_unique_strings(name: str) -> None:
    """Every vocabulary is a str-valued enum whose values are distinct (no aliases)."""
    cls = getattr(vocabulary, name)
    assert issubclass(cls, enum.Enum)
    assert issubclass(cls, str)
    values = [member.value for member in cls]
    assert len(set(values)) == len(values) == len(cls.__members__)


class TestResponseRank:
    """The response scale is ordered by ``rank``; its members compare only as strings."""

    def test_ranks_count_up_in_declared_order(self) -> None:
        from usjapan2024 import Response

        assert [r.rank for r in Response] == list(range(len(Response)))
        assert Response.RECOGNITION.rank == 0
        assert Response.CONDEMNATION.rank == len(Response) - 1

    def test_the_strongest_is_found_by_rank_not_by_value(self) -> None:
        """``max()`` of the str values is the alphabetical last; by rank, condemnation."""
        from usjapan2024 import Response

        assert max(Response) is Response.RECOGNITION  # why rank exists
        assert max(Response, key=lambda r: r.rank) is Response.CONDEMNATION

    def test_threats_sort_by_strength(self) -> None:
        from usjapan2024 import threats

        found = sorted(threats(), key=lambda t: t.response.rank)
        ranks = [t.response.rank for t in found]
        assert ranks == sorted(ranks)
        assert found[0].response.value == "recognition"
        assert found[-1].response.value == "condemnation"

    def test_members_still_compare_as_their_strings(self) -> None:
        """No ``<`` is overridden: a member is a str, and compares as one."""
        from usjapan2024 import Response

        values = sorted(r.value for r in Response)
        assert sorted(Response) == [Response(v) for v in values]
        assert not Response.RECOGNITION < Response.CONDEMNATION
