"""Open vocabularies: any state by its code, places and departments declared by the file.

The members users import keep working; a value of another communiqué is a value of the
class without being a member; loading refuses a value the file does not declare, naming
the ones it does; files before schema 3 (which declare none) use the bundled ones.
"""

from __future__ import annotations

import copy
import json
import pickle
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import usjapan2024 as uj
from tests.helpers import bundled_document, problems_of
from usjapan2024 import Actor, Organisation, Place, vocabulary
from usjapan2024._model.kinds import DECLARED_IN


class TestCoinedValues:
    def test_a_coined_value_is_of_the_class_and_equal_to_its_string(self) -> None:
        sapporo = Place("sapporo")
        assert isinstance(sapporo, Place)
        assert sapporo == "sapporo"
        assert hash(sapporo) == hash("sapporo")
        assert sapporo in {"sapporo", "tokyo"}
        assert not sapporo.is_member
        assert Place.TAIWAN.is_member
        assert sapporo not in list(Place)  # iterating lists the bundled communiqué's only

    def test_a_member_value_gives_the_member_itself(self) -> None:
        assert Place("taiwan") is Place.TAIWAN
        assert Actor("KP") is Actor.KP

    def test_states_are_iso_codes_and_other_parties_slugs(self) -> None:
        assert Actor("PH").is_state
        assert not Actor("quad").is_state
        assert not Actor.ASEAN.is_state
        for bad in ("XX", "JPN", "ph-", "Quad", "", "a b", "sapporo\n"):
            with pytest.raises(ValueError, match="is not a valid Actor"):
                Actor(bad)

    @given(st.text(max_size=12))
    def test_a_value_is_accepted_exactly_when_well_formed(self, value: str) -> None:
        """``cls(value)`` succeeds for a member's value or a well-formed one, and only then."""
        for cls in (Actor, Place, Organisation):
            ok = value in {m.value for m in cls} or cls.well_formed(value)
            try:
                made = cls(value)
            except ValueError:
                assert not ok
            else:
                assert ok
                assert made == value

    def test_coined_values_survive_pickle_and_copy(self) -> None:
        for value in (Actor("PH"), Place("sapporo"), Organisation("jp-ministry-of-finance")):
            assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301  (our own bytes)
            assert type(pickle.loads(pickle.dumps(value))) is type(value)  # noqa: S301
            assert copy.deepcopy(value) == value

    def test_the_iso_list_is_the_standard(self) -> None:
        """The codes a state may have are the 249 officially assigned ones, as pycountry has."""
        pycountry = pytest.importorskip("pycountry", reason="pycountry is in test-suite")
        assert {c.alpha_2 for c in pycountry.countries} == vocabulary.ISO_3166_ALPHA_2

    def test_members_read_as_their_values(self) -> None:
        assert f"{Actor.JP}" == str(Actor.JP) == "JP"
        assert f"{Place('sapporo'):>9}" == "  sapporo"
        assert repr(Actor.JP) == "<Actor.JP: 'JP'>"

    def test_declared_in_is_read_off_the_declaring_classes(self) -> None:
        expected = {Actor: "parties", Place: "locations", Organisation: "departments"}
        assert expected == DECLARED_IN


def _second(document: Any) -> Any:
    """The bundled document with Sapporo, the Philippines and a ministry declared and used."""
    doc = copy.deepcopy(document)
    quote = doc["locations"][0]["sources"]  # any cited words will do for a declaration
    doc["locations"].append({"id": "sapporo", "name": "Sapporo", "kind": "city", "sources": quote})
    doc["parties"].append({"id": "PH", "name": "Philippines", "kind": "state", "sources": quote})
    doc["departments"].append(
        {
            "id": "jp-ministry-of-finance",
            "name": "Ministry of Finance of Japan",
            "kind": "other",
            "country": "JP",
            "sources": quote,
        }
    )
    doc["commitments"][0]["places"].append("sapporo")
    doc["commitments"][0]["partners"].append("PH")
    doc["officials"][0]["organisation"] = "jp-ministry-of-finance"
    return doc


class TestDeclarations:
    def test_the_bundled_data_declares_every_value_it_uses(self) -> None:
        meeting = uj.load()
        assert {loc.id for loc in meeting.locations} == set(Place)
        assert {d.id for d in meeting.departments} == set(Organisation)
        assert uj.check(meeting) == []

    def test_declared_values_load_and_answer_queries(self) -> None:
        meeting = uj.loads(json.dumps(_second(bundled_document())))
        first = meeting.commitments[0]
        assert "sapporo" in first.places
        assert isinstance(first.places[-1], Place)
        assert [c.id for c in uj.commitments(place="sapporo", meeting=meeting)] == [first.id]
        assert [c.id for c in uj.commitments(partner="ph", meeting=meeting)] == [first.id]
        finance = uj.officials(organisation="jp-ministry-of-finance", meeting=meeting)
        assert [o.id for o in finance] == [meeting.officials[0].id]
        assert uj.get("sapporo", kind=uj.Location, meeting=meeting).name == "Sapporo"
        assert uj.check(meeting) == []

    def test_a_well_formed_value_another_meeting_may_hold_is_an_empty_answer(self) -> None:
        assert uj.commitments(place="sapporo") == ()
        assert uj.officials(country="PH") == ()

    def test_a_malformed_filter_value_names_the_form(self) -> None:
        with pytest.raises(ValueError, match="lower-case slug"):
            uj.commitments(place="Sap poro")

    def test_an_undeclared_value_is_refused_naming_the_declared_ones(self) -> None:
        doc = bundled_document()
        doc["commitments"][2]["places"] = ["sapporo"]
        doc["officials"][1]["organisation"] = "jp-ministry-of-finance"
        found = dict(problems_of(doc))
        place = found["$.commitments[2].places[0]"]
        assert "'sapporo' is not among the meeting's locations" in place
        assert "'taiwan'" in place
        assert "declare it in $.locations" in place
        assert "declare it in $.departments" in found["$.officials[1].organisation"]

    def test_an_undeclared_party_is_refused(self) -> None:
        doc = bundled_document()
        doc["commitments"][0]["partners"] = ["PH"]
        found = dict(problems_of(doc))
        assert (
            "'PH' does not name any of the meeting's parties"
            in found["$.commitments[0].partners[0]"]
        )

    @pytest.mark.parametrize(
        ("party", "problem"),
        [
            ({"id": "quad", "kind": "state"}, "is not an ISO"),
            ({"id": "PH", "kind": "organisation"}, "which is an ISO"),
        ],
    )
    def test_a_party_is_a_state_exactly_when_its_id_is_a_code(
        self, party: dict[str, str], problem: str
    ) -> None:
        doc = bundled_document()
        doc["parties"].append({**party, "name": "X", "sources": doc["parties"][0]["sources"]})
        found = dict(problems_of(doc))
        assert problem in found["$.parties[12].kind"]

    def test_a_malformed_value_in_a_file_names_the_form(self) -> None:
        doc = bundled_document()
        doc["commitments"][0]["places"] = ["Sapporo"]
        found = dict(problems_of(doc))
        assert found["$.commitments[0].places[0]"].startswith("expected a lower-case slug")

    def test_a_file_that_declares_none_uses_the_bundled_values(self) -> None:
        """As every file before schema 3 did: the 1.1.0 file still loads and means the same."""
        old = uj.load(release="1.1.0")
        assert old.locations == ()
        assert old.departments == ()
        assert uj.check(old) == []
        doc = bundled_document()
        doc["locations"] = []
        doc["departments"] = []
        assert uj.check(uj.loads(json.dumps(doc))) == []

    def test_the_schema_accepts_a_coined_value_and_refuses_a_malformed_one(self) -> None:
        jsonschema = pytest.importorskip("jsonschema")
        schema = uj.json_schema()
        validator = jsonschema.Draft202012Validator(schema)
        good = _second(bundled_document())
        assert list(validator.iter_errors(good)) == []
        good["commitments"][0]["places"].append("Not A Slug")
        assert list(validator.iter_errors(good))

    def test_exports_hold_the_declared_names(self, tmp_path: Any) -> None:
        import sqlite3

        meeting = uj.loads(json.dumps(_second(bundled_document())))
        uj.to_sqlite(tmp_path / "second.db", meeting=meeting)
        with sqlite3.connect(tmp_path / "second.db") as db:
            labels = dict(db.execute("SELECT value, label FROM labels WHERE vocabulary='Place'"))
            kinds = db.execute("SELECT kind FROM locations WHERE id = 'sapporo'").fetchall()
        db.close()
        assert labels["sapporo"] == "Sapporo"
        assert kinds == [("city",)]
