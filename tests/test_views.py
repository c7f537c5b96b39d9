"""Typed corrections and the two views of a meeting: the text's and the corrected one."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import attrs
import pytest

import usjapan2024 as uj
from usjapan2024 import Response, Status, View

from .conftest import RELEASES
from .helpers import bundled_document, problems_of

RELEASE_1_1_0 = RELEASES / "usjapan2024-1.1.0.json"


def _erratum_index(document: dict[str, list[dict[str, object]]], erratum_id: str) -> int:
    return next(i for i, e in enumerate(document["errata"]) if e["id"] == erratum_id)


class TestTypedCorrections:
    def test_every_correction_has_a_value(self) -> None:
        """The bundled data gives each correction the value the public record holds."""
        corrections = [e for e in uj.load().errata if e.kind is uj.ErratumKind.CORRECTION]
        assert corrections
        assert [e.id for e in corrections if e.record_value is None] == []

    def test_values_have_their_fields_types(self) -> None:
        """A name is a str, a response a Response, a date a date, parties a tuple of Actors."""
        get = uj.get
        assert get("erratum.defense-minister", kind=uj.Erratum).record_value == "Minoru Kihara"
        assert get("erratum.ru-kp-response", kind=uj.Erratum).record_value is Response.CONDEMNATION
        assert get("erratum.tomahawk-buyer", kind=uj.Erratum).record_value == (uj.Actor.JP,)
        date = get("erratum.kishida-visit-date", kind=uj.Erratum).record_value
        assert date == datetime.date(2024, 4, 10)

    @pytest.mark.parametrize(
        ("erratum_id", "value", "message"),
        [
            ("erratum.defense-minister", 5, "expected a string, got integer 5"),
            ("erratum.ru-kp-response", "outrage", "expected one of 'recognition'"),
            ("erratum.kishida-visit-date", "10 April", "expected a date as YYYY-MM-DD"),
            ("erratum.tomahawk-buyer", "JP", "expected an array, got string"),
        ],
    )
    def test_a_wrong_value_is_a_problem_at_its_path(
        self, erratum_id: str, value: object, message: str
    ) -> None:
        """Checked at load like the field itself, and reported at the erratum's path."""
        document = bundled_document()
        i = _erratum_index(document, erratum_id)
        document["errata"][i]["record_value"] = value
        ((path, found),) = problems_of(document)
        assert path.startswith(f"$.errata[{i}].record_value")
        assert message in found

    def test_a_dangling_id_in_a_value_is_a_problem(self) -> None:
        """An id that names no record is reported like any unresolved reference."""
        document = bundled_document()
        i = _erratum_index(document, "erratum.tomahawk-buyer")
        document["errata"][i]["field"] = "programmes"
        document["errata"][i]["record_value"] = ["programme.dicas", "programme.nowhere"]
        if not any(p["id"] == "programme.dicas" for p in document["programmes"]):
            document["errata"][i]["record_value"] = [
                document["programmes"][0]["id"],
                "programme.nowhere",
            ]
        problems = problems_of(document)
        assert [p for p, _ in problems] == [f"$.errata[{i}].record_value[1]"]
        assert "does not name any of the meeting's programmes" in problems[0][1]

    def test_a_value_for_a_field_of_nested_records_is_refused(self) -> None:
        """A record_value gives text, dates, vocabulary values or ids, never spans."""
        document = bundled_document()
        document["errata"][0]["field"] = "sources"
        document["errata"][0]["record_value"] = []
        ((path, message),) = problems_of(document)
        assert path == "$.errata[0].record_value"
        assert "nested records" in message

    def test_check_types_a_value_built_in_code(self) -> None:
        """check() finds a value of the wrong type in a meeting built in code."""
        meeting = uj.load()
        wrong = attrs.evolve(meeting.errata[0], record_value=5)
        built = attrs.evolve(meeting, errata=(wrong, *meeting.errata[1:]))
        assert [p.path for p in uj.check(built)] == ["$.errata[0].record_value"]

    def test_schema_2_files_load_and_refuse_schema_3_fields(self) -> None:
        """The 1.1.0 file loads; a schema-3 field in a file that says 2 is refused."""
        old = uj.load(RELEASE_1_1_0)
        assert old.schema_version == uj.SUPPORTED_SCHEMA_VERSIONS[-1]
        assert all(e.record_value is None for e in old.errata)
        assert old.view is View.TEXT
        document = json.loads(RELEASE_1_1_0.read_text(encoding="utf-8"))
        document["errata"][0]["record_value"] = "x"
        document["view"] = "corrected"
        problems = problems_of(document)
        assert [p for p, _ in problems] == ["$.view", "$.errata[0].record_value"]
        assert all("a field of schema 3" in m for _, m in problems)

    def test_a_file_before_span_roles_means_own_words(self) -> None:
        """Schema 2 has no span roles: every span of 1.1.0 loads as the record's own words."""
        old = uj.load(RELEASE_1_1_0)
        assert {s.role for r in (old, *old.records()) for s in r.sources} == {uj.SpanRole.OWN}
        document = json.loads(RELEASE_1_1_0.read_text(encoding="utf-8"))
        document["threats"][1]["sources"][0]["role"] = "own"
        document["sources"][0]["role"] = "context"
        problems = problems_of(document)
        assert [p for p, _ in problems] == ["$.sources[0].role", "$.threats[1].sources[0].role"]
        assert all("a field of schema 3" in m for _, m in problems)

    def test_json_schema_2_is_what_1_1_0_published(self) -> None:
        """The frozen schema 2 validates the 1.1.0 file and knows no record_value."""
        import jsonschema

        schema = uj.json_schema(2)
        jsonschema.Draft202012Validator(schema).validate(
            json.loads(RELEASE_1_1_0.read_text(encoding="utf-8"))
        )
        assert "record_value" not in schema["$defs"]["Erratum"]["properties"]
        assert "record_value" in uj.json_schema()["$defs"]["Erratum"]["properties"]


class TestCorrectedView:
    def test_the_public_record_in_the_corrected_view(self) -> None:
        """The values the issue names, in the corrected view; none in the text's."""
        view = uj.corrected()
        assert uj.get("official.hamada", meeting=view, kind=uj.Official).name == "Minoru Kihara"
        assert (
            uj.get("threat.ru-kp-alignment", meeting=view, kind=uj.Threat).response
            is Response.CONDEMNATION
        )
        assert (
            uj.get("threat.ru-cn-alignment", meeting=view, kind=uj.Threat).response
            is Response.CONCERN
        )
        visit = uj.get("event.kishida-visit", meeting=view, kind=uj.Event)
        assert visit.date == datetime.date(2024, 4, 10)
        task_force = uj.get("commitment.disaster-task-force", meeting=view, kind=uj.Commitment)
        assert task_force.status is Status.PLANNED
        text = uj.load()
        assert uj.get("official.hamada", kind=uj.Official).name == "Yasukazu Hamada"
        assert text.view is View.TEXT
        assert text.corrected_by == ()

    def test_it_says_so_in_its_data(self) -> None:
        """The view and the errata applied are fields: dumped, loaded back, never lost."""
        view = uj.corrected()
        assert view.is_corrected
        assert view.corrected_by == tuple(e.id for e in view.errata if e.record_value is not None)
        written = json.loads(uj.dumps(view))
        assert written["view"] == "corrected"
        assert written["corrected_by"] == list(view.corrected_by)
        again = uj.loads(uj.dumps(view))
        assert again == view
        assert again.is_corrected

    def test_ids_quotes_and_sources_stay(self) -> None:
        """Only the corrected fields change; records keep ids, quotes and sources."""
        text, view = uj.load(), uj.corrected()
        assert len(view.records()) == len(text.records())
        for before, after in zip(text.records(), view.records(), strict=True):
            assert type(before) is type(after)
            assert before.id == after.id
            assert before.sources == after.sources
        changed = {
            (b.id, f.name)
            for b, a in zip(text.records(), view.records(), strict=True)
            for f in attrs.fields(type(b))
            if getattr(b, f.name) != getattr(a, f.name)
        }
        named = {(e.target, e.field) for e in text.errata if e.record_value is not None}
        assert changed == named

    def test_queries_and_check_work_on_it(self) -> None:
        """Every helper takes the view as a meeting; it checks clean against its text."""
        view = uj.corrected()
        assert uj.check(view) == []
        assert view.source_text == uj.source_text()
        assert {o.name for o in uj.officials(country="JP", meeting=view)} == {
            "Yoko Kamikawa",
            "Minoru Kihara",
        }
        assert uj.corrected(view) is view

    def test_a_false_claim_of_correction_is_refused(self) -> None:
        """A file saying an erratum was applied, whose record does not hold it, is invalid."""
        written = json.loads(uj.dumps(uj.corrected()))
        i = next(i for i, o in enumerate(written["officials"]) if o["id"] == "official.hamada")
        written["officials"][i]["name"] = "Yasukazu Hamada"
        problems = problems_of(written)
        assert [p for p, _ in problems] == ["$.corrected_by[0]"]
        written = json.loads(uj.dumps(uj.load()))
        written["corrected_by"] = ["erratum.defense-minister"]
        assert [p for p, _ in problems_of(written)] == ["$.corrected_by"]

    def test_a_meeting_knows_its_text(self, tmp_path: Path) -> None:
        """A loaded meeting keeps the text it was coded from; one built in code has none."""
        assert uj.load().source_text == uj.source_text()
        built = attrs.evolve(uj.load(), name="Another name")
        assert built.source_text is None
        path = tmp_path / "m.json"
        path.write_text(uj.dumps(built), encoding="utf-8")
        assert uj.load(path).source_text == uj.source_text()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "usjapan2024", *args],
        capture_output=True,
        text=True,
        check=False,
    )


class TestCommandLine:
    def test_corrected_listing(self) -> None:
        """--corrected lists the corrected values; without it, the text's."""
        text = _cli("officials", "--country", "JP", "--format", "json")
        view = _cli("officials", "--country", "JP", "--format", "json", "--corrected")
        names = [[o["name"] for o in json.loads(r.stdout)] for r in (text, view)]
        assert names == [
            ["Yoko Kamikawa", "Yasukazu Hamada"],
            ["Yoko Kamikawa", "Minoru Kihara"],
        ]

    def test_corrected_export_is_the_corrected_file(self) -> None:
        """export dataset --corrected writes a file that says it is the corrected view."""
        done = _cli("export", "dataset", "--corrected")
        assert done.returncode == 0
        assert uj.loads(done.stdout) == uj.corrected()

    def test_diff_of_the_two_views(self) -> None:
        """The two views differ exactly where the errata give values."""
        diff = uj.diff(uj.load(), uj.corrected())
        changed = {(c.id, f.field) for c in diff.changed for f in c.fields}
        named = {(e.target, e.field) for e in uj.load().errata if e.record_value is not None}
        assert named <= changed | {("meeting", "view"), ("meeting", "corrected_by")}

    def test_diff_takes_a_source_for_each_side(self, tmp_path: Path) -> None:
        """Two files coded from different texts compare, each against its own text."""
        text = uj.source_text()
        other = text + "\nAn appended line."
        bundled = json.loads(uj.dumps(uj.load()))
        bundled["metadata"]["source"]["sha256"] = uj.text_digest(other)
        new = tmp_path / "new.json"
        new.write_text(json.dumps(bundled), encoding="utf-8")
        new_text = tmp_path / "new.txt"
        new_text.write_bytes(other.encode("utf-8"))
        same = _cli("diff", "bundled", str(new), "--new-source", str(new_text))
        assert same.returncode == 1, same.stderr
        assert "sha256" in same.stdout
        mixed = _cli("diff", "bundled", str(new))
        assert mixed.returncode == 2


class TestValuesKeepTheRules:
    @pytest.mark.parametrize(("value", "suffix"), [("=HYPERLINK(1)", ""), (["US", ""], "[1]")])
    def test_a_value_keeps_the_text_rules(self, value: object, suffix: str) -> None:
        """A record_value's text is refused where any text would be: no formula, no empty."""
        document = bundled_document()
        field = "name" if isinstance(value, str) else "parties"
        target = "official.hamada" if field == "name" else "commitment.stand-off-missiles"
        i = _erratum_index(document, "erratum.defense-minister")
        document["errata"][i].update(target=target, field=field, record_value=value)
        problems = problems_of(document)
        assert [p for p, _ in problems][-1] == f"$.errata[{i}].record_value{suffix}"


class TestDumpsKeepsTheRules:
    def test_dumps_refuses_what_load_would_refuse(self) -> None:
        """A meeting built in code with a bad id or a formula is not written at all."""
        meeting = uj.load()
        bad = attrs.evolve(meeting.officials[0], id="official.bad id", name="=1")
        built = attrs.evolve(meeting, officials=(bad, *meeting.officials[1:]))
        with pytest.raises(uj.DatasetError) as caught:
            uj.dumps(built)
        assert {p.path for p in caught.value.problems} == {
            "$.officials[0].id",
            "$.officials[0].name",
        }
