"""The model holds its own facts: descriptions, references, kinds and filters, read once."""

from __future__ import annotations

import inspect
import json
import sqlite3
import typing
from contextlib import closing
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import usjapan2024 as uj
from usjapan2024 import model, queries, vocabulary
from usjapan2024._model.fields import (
    Listing,
    about,
    describe_fields,
    field_info,
    fields_of,
    plain,
    record_fields,
)
from usjapan2024._model.filters import EXACT_SETS, FILTERS, exact_sets_of, filters_of
from usjapan2024._model.kinds import CLASS_OF, KINDS, RECORD_KINDS
from usjapan2024._tables.layout import LABELS, TABLES
from usjapan2024.strategies import meetings

CLASSES = [getattr(model, n) for n in model.__all__ if attrs.has(getattr(model, n))]
VOCABULARIES = [
    getattr(vocabulary, n)
    for n in vocabulary.__all__
    if isinstance(getattr(vocabulary, n), type)
    and issubclass(getattr(vocabulary, n), vocabulary.Vocabulary)
    and getattr(vocabulary, n) is not vocabulary.Vocabulary
]


class TestDescriptions:
    @pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
    def test_every_field_says_what_it_holds(self, cls: type) -> None:
        """Each field of each public class has a one-sentence description."""
        for field in fields_of(cls):
            assert field.description.strip(), f"{cls.__name__}.{field.name}"
            assert field.description.rstrip().endswith((".", ")")), f"{cls.__name__}.{field.name}"

    @pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
    def test_the_docstring_lists_the_fields_from_their_descriptions(self, cls: type) -> None:
        """The Attributes: section is made from the metadata: one copy, not two."""
        doc = cls.__doc__ or ""
        section = doc.split("Attributes:\n", 1)[1]
        assert section.splitlines() == [f"    {f.name}: {f.description}" for f in fields_of(cls)], (
            cls.__name__
        )

    def test_a_hand_written_section_is_refused(self) -> None:
        """A class that writes its fields' descriptions in its docstring too fails to build."""
        with pytest.raises(TypeError, match="Attributes: section of its own"):

            @describe_fields
            @attrs.frozen
            class Twice:
                """Twice.

                Attributes:
                    x: Described here.
                """

                x: int = attrs.field(metadata=about("And here."))

    def test_a_field_without_a_description_is_named(self) -> None:
        """The reflection layer names the field that declares nothing."""

        @attrs.frozen
        class Bare:
            x: int

        with pytest.raises(TypeError, match=r"Bare\.x declares no description"):
            fields_of(Bare)

    def test_plain_drops_markup(self) -> None:
        """Roles, literals and emphasis lose their marks in exported descriptions."""
        text = 'The :class:`~usjapan2024.Actor` it is, ``"US"``, *with* others.'
        assert plain(text) == 'The Actor it is, "US", with others.'

    def test_json_schema_describes_every_property(self) -> None:
        """Each property of each definition has its field's description."""
        schema = uj.json_schema()
        for cls in CLASSES:
            where = schema if cls is model.Meeting else schema["$defs"][cls.__name__]
            for field in fields_of(cls):
                assert where["properties"][field.name]["description"] == field.plain_description

    def test_every_column_is_described(self) -> None:
        """Every column of every exported table says what it holds, in words."""
        for table in TABLES:
            assert table.description.strip(), table.name
            for column in table.columns:
                assert column.description.strip(), f"{table.name}.{column.name}"
                assert "``" not in column.description, f"{table.name}.{column.name}"

    def test_the_data_package_describes_every_field(self, tmp_path: Path) -> None:
        """datapackage.json carries a description for every resource and every field."""
        folder = uj.to_datapackage(tmp_path / "package")
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        for resource in descriptor["resources"]:
            assert resource.get("description"), resource["name"]
            for field in resource.get("schema", {}).get("fields", []):
                assert field.get("description"), f"{resource['name']}.{field['name']}"

    def test_sqlite_describes_every_column(self, tmp_path: Path) -> None:
        """The columns table names every column of every table and view the database has."""
        path = uj.to_sqlite(tmp_path / "db.sqlite")
        with closing(sqlite3.connect(path)) as db:
            described = {(t, c): d for t, c, d in db.execute("SELECT * FROM columns").fetchall()}
            tables = [
                name
                for (name,) in db.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                    " AND name NOT LIKE 'records_fts_%' AND name NOT LIKE 'sqlite_%'"
                )
            ]
            assert {"source", "sentences", "span_sentences"} <= set(tables)
            present = {
                (t, row[1]) for t in tables for row in db.execute(f'PRAGMA table_info("{t}")')
            }
        assert set(described) == present
        assert all(d.strip() for d in described.values())


class TestLabels:
    @pytest.mark.parametrize("vocab", VOCABULARIES, ids=lambda v: v.__name__)
    def test_every_member_has_a_label(self, vocab: type[vocabulary.Vocabulary]) -> None:
        """A label for people, distinct within its vocabulary."""
        labels = [m.label for m in vocab]
        assert all(label.strip() for label in labels)
        assert len(set(labels)) == len(labels)

    def test_a_label(self) -> None:
        """The example the docs give."""
        assert uj.Topic.WOMEN_PEACE_SECURITY.label == "Women, peace and security"

    def test_the_labels_table_lists_every_value_a_column_can_hold(self) -> None:
        """The exports' labels table has each vocabulary a column uses, value by value.

        A closed vocabulary's values are its members, with their labels; an open one's
        are those the meeting declares, named as its declarations name them.
        """
        from usjapan2024._model.kinds import DECLARED_IN
        from usjapan2024._tables.layout import rows_of

        meeting = uj.load()
        used = {c.vocabulary for t in TABLES for c in t.columns if c.vocabulary is not None}
        rows = rows_of(meeting)[LABELS]
        expected = [
            (v.__name__, r.id.value, r.name, position)
            if v in DECLARED_IN
            else (v.__name__, r.value, r.label, position)
            for v in used_in_order(used)
            for position, r in enumerate(
                getattr(meeting, DECLARED_IN[v]) if v in DECLARED_IN else v
            )
        ]
        assert rows == expected
        assert ("Place", "taiwan", "Taiwan", 4) in rows
        assert {r[0] for r in rows} == {v.__name__ for v in used}
        assert next(t for t in TABLES if t.name == LABELS).key == ("vocabulary", "value")


def used_in_order(used: set[typing.Any]) -> list[typing.Any]:
    order: dict[typing.Any, None] = {}
    for table in TABLES:
        for column in table.columns:
            if column.vocabulary in used:
                order[column.vocabulary] = None
    return list(order)


class TestKinds:
    def test_kinds_are_read_off_the_meeting(self) -> None:
        """Each kind is a field of Meeting whose records declare their listing."""
        assert [k.group for k in KINDS] == [f.name for f in record_fields(model.Meeting)]
        for kind in KINDS:
            assert isinstance(kind.cls.listing, Listing)
            names = [f.name for f in fields_of(kind.cls)]
            assert set(kind.columns) <= set(names), kind.group
            assert kind.text in names, kind.group

    def test_the_type_level_lists_name_every_kind(self) -> None:
        """Record, RecordKindName and the public names agree with the kinds (type checkers
        cannot read a table built at run time, so these few lines are checked here)."""
        classes = [kind.cls for kind in KINDS]
        missing = [c.__name__ for c in classes if c not in typing.get_args(model.Record)]
        assert missing == [], f"add {missing} to model.Record"
        assert typing.get_args(model.Record) == tuple(classes)
        assert ("meeting", *(k.group for k in KINDS)) == RECORD_KINDS
        for cls in classes:
            assert cls.__name__ in model.__all__, f"add {cls.__name__} to model.__all__"
            assert cls.__name__ in uj.__all__, f"add {cls.__name__} to usjapan2024's names"
        assert queries.RecordT.__bound__ is model.Record

    def test_every_kind_has_a_public_strategy(self) -> None:
        """Hypothesis is given a strategy per kind, named as its group."""
        from usjapan2024 import strategies

        missing = [k.group for k in KINDS if k.group not in strategies.__all__]
        assert missing == [], f"add strategies.{missing}"

    def test_records_lists_every_kind_in_order(self) -> None:
        """Meeting.records() is every group's records, kind by kind, in file order."""
        meeting = uj.load()
        expected = [r for kind in KINDS for r in getattr(meeting, kind.group)]
        assert list(meeting.records()) == expected
        assert len(meeting.records()) == len({id(r) for r in expected})

    @given(meetings())
    def test_records_is_a_scan_of_the_groups(self, meeting: model.Meeting) -> None:
        """On any meeting, records() holds each record of each group once, in order."""
        scanned = [
            item
            for field in attrs.fields(model.Meeting)
            if field.name not in ("sources", "retired")
            and isinstance(value := getattr(meeting, field.name), tuple)
            for item in value
        ]
        assert list(meeting.records()) == scanned


class TestFilters:
    @pytest.mark.parametrize("query", sorted({f.query for f in FILTERS}))
    def test_keywords_are_the_filters(self, query: str) -> None:
        """A query function's keywords are its filter rows, in order, meeting=, its sets."""
        parameters = list(inspect.signature(getattr(queries, query)).parameters)
        sets = [e.name for e in exact_sets_of(query)]  # compared whole, not indexed
        assert parameters == [f.name for f in filters_of(query)] + ["meeting", *sets]

    def test_exact_sets_are_rows_too(self) -> None:
        """Each exact-set keyword names a many-valued vocabulary field of its records."""
        assert [(e.query, e.name) for e in EXACT_SETS] == [("commitments", "parties")]
        for e in EXACT_SETS:
            info = field_info(CLASS_OF[e.query], e.field)
            assert info.many
            assert e.vocabulary is info.vocabulary is not None

    def test_every_filter_names_a_field_of_its_records(self) -> None:
        """The field a row names exists, and its vocabulary and many-ness come from it."""
        for f in FILTERS:
            info = f.info
            assert info.owner is CLASS_OF[f.query]
            assert f.vocabulary is info.vocabulary
            assert f.fold is info.fold_case

    def test_only_subjects_fold_case(self) -> None:
        """The one case-insensitive free-text filter is declared on its field."""
        assert [f.name for f in FILTERS if f.fold] == ["subject"]


class TestSearchKeepsFieldsApart:
    def test_no_match_across_two_fields(self) -> None:
        """A needle that spans the end of one field and the start of another finds nothing."""
        assert uj.search("blinken\nsecretary") == ()
        assert uj.search("antony blinken") != ()

    @given(meetings(), st.data())
    def test_a_needle_spanning_two_texts_matches_only_within_one(
        self, meeting: model.Meeting, data: st.DataObject
    ) -> None:
        """Joining the tail of one text to the head of the next never makes a false match."""
        records = meeting.records()
        if not records:
            return
        record = data.draw(st.sampled_from(records))
        from usjapan2024._querying.index import words_of

        texts = list(words_of(record))
        if len(texts) < 2:
            return
        i = data.draw(st.integers(0, len(texts) - 2))
        needle = texts[i][-3:] + "\n" + texts[i + 1][:3]
        if not needle.strip():
            return
        found = record in uj.search(needle, meeting=meeting)
        assert found == any(needle.casefold() in t.casefold() for t in texts)


class TestStrategiesDrawEveryField:
    def test_every_field_of_every_kind_takes_more_than_one_value(self) -> None:
        """The strategies draw each field the model declares, so a new field is not left
        at one value: some generated meeting has two records of its kind that differ in
        it.  The fields come from the reflection layer, so one the strategies forget is
        named here."""
        seen: dict[str, set[str]] = {kind.group: set() for kind in KINDS}

        @settings(max_examples=150, database=None, suppress_health_check=list(HealthCheck))
        @given(meetings(4, min_records=2))
        def collect(meeting: model.Meeting) -> None:
            for kind in KINDS:
                records = getattr(meeting, kind.group)
                for field in fields_of(kind.cls):
                    if len({repr(getattr(r, field.name)) for r in records}) > 1:
                        seen[kind.group].add(field.name)

        collect()
        never = {
            kind.group: sorted({f.name for f in fields_of(kind.cls)} - seen[kind.group])
            for kind in KINDS
        }
        assert {group: names for group, names in never.items() if names} == {}
