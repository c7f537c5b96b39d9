"""The relational exports: a Data Package checked by frictionless, a SQLite database by SQLite.

Both hold ``_tables``' layout, so each test of the layout runs on both, and reading
either back must give the very meeting that was written (a round trip over generated
meetings).  The SQLite file must answer every query filter as the Python API does, find
what ``search()`` finds, and open in Datasette.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import datetime
import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import typing
from collections.abc import Callable, Iterator
from html import escape
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import usjapan2024 as uj
from usjapan2024 import export, queries
from usjapan2024._io.text import text_digest
from usjapan2024._loading.converter import converter
from usjapan2024._model.filters import FILTERS, Filter, filters_of
from usjapan2024._model.kinds import KINDS, record_id
from usjapan2024._presenting.context import quote_in_context
from usjapan2024._querying.index import index_of, words_of
from usjapan2024._tables import datapackage as _datapackage
from usjapan2024._tables import sqlite as _sqlite
from usjapan2024._tables.layout import MEETING_ID, TABLES, filter_column
from usjapan2024.model import Meeting, Metadata, Span
from usjapan2024.strategies import meetings_with_source

from .conftest import ROOT
from .rebuild import meeting_from_rows

frictionless = pytest.importorskip("frictionless")

FEW = settings(max_examples=5, deadline=None)
"""Each generated example writes files and runs frictionless: a few show the property."""


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return uj.to_datapackage(tmp_path_factory.mktemp("package") / "usjapan2024")


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return uj.to_sqlite(tmp_path_factory.mktemp("db") / "usjapan2024.db")


@contextlib.contextmanager
def _connect(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection, closed on leaving (sqlite3's own `with` only commits)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    try:
        yield connection
    finally:
        connection.close()


# --- reading back -----------------------------------------------------------------------


def _read_package(folder: Path) -> Meeting:
    """The meeting in a Data Package, read through frictionless and its typed rows."""
    package = frictionless.Package(str(folder / "datapackage.json"))
    rows = {t.name: package.get_resource(t.name).read_rows() for t in TABLES}
    metadata = converter().structure(package.custom["usjapan2024"]["metadata"], Metadata)
    return meeting_from_rows(rows, metadata)


def _read_database(path: Path) -> Meeting:
    with _connect(path) as connection:
        rows = {
            t.name: connection.execute(f'SELECT * FROM "{t.name}" ORDER BY rowid').fetchall()  # noqa: S608
            for t in TABLES
        }
        (text,) = connection.execute("SELECT value FROM metadata WHERE key = 'metadata'").fetchone()
    connection.close()
    return meeting_from_rows(rows, converter().structure(json.loads(text), Metadata))


def _stored_text(path: Path) -> str | None:
    """The source text the database holds, proved by its stored digest; None if it has none."""
    with _connect(path) as connection:
        found = connection.execute("SELECT text, sha256, length FROM source").fetchall()
    if not found:
        return None
    ((text, digest, length),) = found
    assert digest == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert length == len(text)
    return str(text)


def _check_span_sentences(path: Path, text: str) -> None:
    """Every span has one row of span_sentences, whose sentence is the one context shows."""
    with _connect(path) as connection:
        spans = connection.execute(
            'SELECT record_id, position, start, "end", quote FROM spans ORDER BY rowid'
        ).fetchall()
        rows = connection.execute("SELECT * FROM span_sentences").fetchall()
        (wrong,) = connection.execute(
            'SELECT count(*) FROM spans, source WHERE substr(text, start + 1, "end" - start)'
            " <> quote"
        ).fetchone()
    assert wrong == 0  # the offsets check in SQL alone
    assert [tuple(r)[:2] for r in spans] == [(r["record_id"], r["position"]) for r in rows]
    for row in rows:
        span = Span(row["start"], row["end"], row["quote"])
        shown = quote_in_context(span, text)
        assert (row["before"], row["quote"], row["after"]) == (
            shown.before,
            span.quote,
            shown.after,
        )
        assert row["sentence"] == shown.sentence
        assert row["sentence"] in text.split("\n")[text.count("\n", 0, span.start)]


def _validate(folder: Path) -> None:
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "type", "note"])


def _cff() -> dict[str, Any]:
    """The repository's CITATION.cff, as a YAML parser reads it (frictionless needs one)."""
    yaml = pytest.importorskip("yaml")
    found = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    assert isinstance(found, dict)
    return found


def _temporary() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


# --- the Data Package -------------------------------------------------------------------


class TestDataPackage:
    def test_frictionless_finds_it_valid(self, package: Path) -> None:
        """Types, vocabularies, primary and foreign keys and the source's hash all hold."""
        _validate(package)

    def test_one_resource_per_table_and_the_source(self, package: Path) -> None:
        descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
        names = [r["name"] for r in descriptor["resources"]]
        assert names == [*(t.name for t in TABLES), "source", "citation"]
        assert {k.group for k in KINDS} <= set(names)
        assert {"spans", "errata_references", "retired", "commitments_parties"} <= set(names)
        assert (package / "source.txt").read_text("utf-8") == uj.source_text()

    def test_descriptor_says_licences_sources_and_versions(self, package: Path) -> None:
        descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
        meeting = uj.load()
        assert descriptor["name"] == "usjapan2024"  # the title's name: "usjapan2024: the ..."
        assert descriptor["title"] == meeting.metadata.title
        assert descriptor["version"] == meeting.metadata.version
        assert descriptor["usjapan2024"]["schema_version"] == meeting.schema_version
        assert descriptor["usjapan2024"]["citation"] == meeting.metadata.citation
        assert "CC BY 4.0" in meeting.metadata.licence  # the note names it, so the id is given
        assert [lic["name"] for lic in descriptor["licenses"]] == ["CC-BY-4.0"]
        assert (package / "LICENCE.txt").read_text("utf-8") == meeting.metadata.licence + "\n"
        (source,) = [r for r in descriptor["resources"] if r["name"] == "source"]
        assert "name" not in source["licenses"][0]  # none of the data's licences
        assert source["licenses"][0]["path"] == "LICENCE.txt"
        assert "not relicensed" in source["description"]
        assert descriptor["usjapan2024"]["source"] == {
            "included": True,
            "sha256": meeting.metadata.source.sha256,
            "characters": len(uj.source_text()),
        }
        assert meeting.metadata.source.url in json.dumps(descriptor["sources"])

    def test_descriptor_says_who_when_where_and_how_to_cite(self, package: Path) -> None:
        """homepage, contributors and created (Data Package v2), and a citation in words."""
        descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
        citation = uj.load().metadata.citation
        cff = _cff()
        assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
        assert descriptor["homepage"] == cff["url"] + "dataset-card.html"
        assert descriptor["contributors"] == [
            {"title": a["name"], "roles": ["creator"]} for a in cff["authors"]
        ]
        created = datetime.datetime.fromisoformat(descriptor["created"].replace("Z", "+00:00"))
        assert created.tzinfo is not None
        made = os.environ.get("SOURCE_DATE_EPOCH")  # fixed by a reproducible build, if set
        now = datetime.datetime.now(datetime.timezone.utc)
        if made:
            assert created.timestamp() == int(made)
        else:
            assert abs(now - created).days < 1
        assert descriptor["bibliographicCitation"] == citation
        assert descriptor["description"].endswith(f"How to cite it: {citation}")

    def test_the_statement_s_own_pages_are_sources(self, package: Path) -> None:
        """The statement's pages the errata cite are sources, with their addresses; no
        address that the data does not hold, and no news report."""
        descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
        meeting = uj.load()
        cited = {r.url: r for e in meeting.errata for r in e.references}
        paths = [s["path"] for s in descriptor["sources"] if "path" in s]
        assert paths[0] == meeting.metadata.source.url
        pages = paths[1:]
        assert (
            "https://www.mod.go.jp/en/article/2024/07/c11d4b86153aa309ebba4717f43490430d31343c.html"
            in pages
        )
        assert set(pages) <= set(cited)
        assert {cited[p].role for p in pages} <= {uj.SourceRole.PRIMARY, uj.SourceRole.MIRROR}
        document = meeting.metadata.official_document
        assert all(s["title"].startswith(document.title) for s in descriptor["sources"][1:])

    def test_the_citation_file_travels_with_the_bundled_release(self, package: Path) -> None:
        descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
        written = (package / "CITATION.cff").read_bytes()
        assert written == (ROOT / "CITATION.cff").read_bytes()
        (resource,) = [r for r in descriptor["resources"] if r["name"] == "citation"]
        assert resource["hash"] == f"sha256:{hashlib.sha256(written).hexdigest()}"

    def test_ordered_vocabularies_say_so_and_every_vocabulary_gives_labels(
        self, package: Path
    ) -> None:
        """Table Schema v2 categories: each value with its label, in the enum's order;
        categoriesOrdered where the order is a scale (response), not elsewhere."""
        descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
        fields = {
            (r["name"], f["name"]): f
            for r in descriptor["resources"]
            for f in r.get("schema", {}).get("fields", [])
        }
        response = fields["threats", "response"]
        assert response["categories"] == [{"value": m.value, "label": m.label} for m in uj.Response]
        assert response["categoriesOrdered"] is True
        assert "categoriesOrdered" not in fields["commitments", "topic"]
        assert [c["value"] for c in fields["commitments", "topic"]["categories"]] == [
            t.value for t in uj.Topic
        ]
        rank = fields["threats", "response_rank"]
        assert rank["type"] == "integer"
        with (package / "threats.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        members = list(uj.Response)
        assert all(
            int(r["response_rank"]) == members.index(uj.Response(r["response"])) for r in rows
        )
        by_strength = sorted(rows, key=lambda r: int(r["response_rank"]))
        assert [r["response"] for r in by_strength] == sorted(
            (r["response"] for r in rows), key=lambda v: members.index(uj.Response(v))
        )

    def test_records_tables_have_their_source_order(self, package: Path) -> None:
        """source_order is the record's place in the file, in records and its kind's table."""
        meeting = uj.load()
        with (package / "records.csv").open(encoding="utf-8", newline="") as f:
            listed = [(r["id"], int(r["source_order"])) for r in csv.DictReader(f)]
        assert [i for _, i in listed] == list(range(len(listed)))
        assert [rid for rid, _ in listed] == [MEETING_ID, *map(record_id, meeting.records())]
        for kind in KINDS:
            with (package / f"{kind.group}.csv").open(encoding="utf-8", newline="") as f:
                rows = list(csv.DictReader(f))
            assert [r["id"] for r in sorted(rows, key=lambda r: int(r["source_order"]))] == [
                record_id(r) for r in getattr(meeting, kind.group)
            ]
            assert {r["id"]: int(r["source_order"]) for r in rows}.items() <= dict(listed).items()

    def test_every_resource_and_field_is_described_in_words(self, package: Path) -> None:
        """A sentence each, with no Python in it (None) and no broken article."""
        descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
        texts = [r["description"] for r in descriptor["resources"]]
        texts += [
            f["description"]
            for r in descriptor["resources"]
            for f in r.get("schema", {}).get("fields", [])
        ]
        for text in texts:
            assert text[0].isupper(), text
            assert text.endswith((".", ")")), text
            assert not re.search(r"\bNone\b|``|:class:|\ba [aeiou]|\ban [^aeiouAEIOU]", text), text

    def test_fields_are_typed_with_vocabularies_and_keys(self, package: Path) -> None:
        descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
        schemas = {r["name"]: r.get("schema") for r in descriptor["resources"]}
        topic = next(f for f in schemas["commitments"]["fields"] if f["name"] == "topic")
        assert topic["constraints"]["enum"] == [t.value for t in uj.Topic]
        assert schemas["commitments_parties"]["primaryKey"] == ["commitment_id", "position"]
        assert {"fields": ["value"], "reference": {"resource": "parties", "fields": ["id"]}} in (
            schemas["commitments_parties"]["foreignKeys"]
        )
        date = next(f for f in schemas["events"]["fields"] if f["name"] == "date")
        assert date["type"] == "date"

    def test_a_broken_reference_is_caught_by_frictionless(self) -> None:
        """The foreign keys are real: frictionless rejects a commitment of nobody."""
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "copy"
            uj.to_datapackage(copy)
            links = copy / "commitments_parties.csv"
            links.write_text(links.read_text("utf-8").replace(",US", ",XX", 1), "utf-8")
            report = frictionless.validate(str(copy / "datapackage.json"))
        assert not report.valid
        # A party's id is open (any state's code), so no enum constraint holds it: the
        # foreign key to the parties the meeting declares is what catches it.
        assert "foreign-key" in {e[0] for e in report.flatten(["type"])}

    def test_it_reads_back_as_the_bundled_meeting(self, package: Path) -> None:
        assert _read_package(package) == uj.load()

    @FEW
    @given(meetings_with_source())
    def test_round_trip(self, pair: tuple[Meeting, str]) -> None:
        """Any valid meeting, with its own source text, is valid as a package and reads back."""
        meeting, text = pair
        for folder in _temporary():
            _datapackage.write(folder / "p", meeting=meeting, source=text)
            _validate(folder / "p")
            assert _read_package(folder / "p") == meeting

    def test_a_nul_character_is_refused_before_anything_is_written(self, tmp_path: Path) -> None:
        """A NUL in a string is refused at its path, as loading refuses it, and no folder."""
        meeting = attrs.evolve(uj.load(), name="a\x00b")
        with pytest.raises(uj.DatasetError, match=r"\$\.name: holds a NUL character") as info:
            _datapackage.write(tmp_path / "p", meeting=meeting)
        assert [p.path for p in info.value.problems] == ["$.name"]
        assert list(tmp_path.iterdir()) == []


# --- the SQLite database ------------------------------------------------------------------


class TestSqlite:
    def test_it_reads_back_as_the_bundled_meeting(self, database: Path) -> None:
        assert _read_database(database) == uj.load()

    @FEW
    @given(meetings_with_source())
    def test_round_trip(self, pair: tuple[Meeting, str]) -> None:
        """Any valid meeting reads back; its text is stored, and each span's sentence."""
        meeting, text = pair
        for folder in _temporary():
            uj.to_sqlite(folder / "m.db", meeting=meeting, source=text)
            assert _read_database(folder / "m.db") == meeting
            assert _stored_text(folder / "m.db") == text
            _check_span_sentences(folder / "m.db", text)

    def test_foreign_keys_hold_and_are_enforced(self, database: Path) -> None:
        with _connect(database) as connection:
            assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
            declared = connection.execute(
                "SELECT * FROM pragma_foreign_key_list('commitments_parties')"
            ).fetchall()
        assert {(row["from"], row["table"]) for row in declared} == {
            ("commitment_id", "commitments"),
            ("value", "parties"),
        }
        for folder in _temporary():
            copy = uj.to_sqlite(folder / "copy.db")
            with contextlib.closing(sqlite3.connect(copy)) as connection:
                connection.execute("PRAGMA foreign_keys = ON")
                with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
                    connection.execute(
                        "INSERT INTO commitments_parties VALUES ('commitment.nobody', 9, 'KP')"
                    )
            connection.close()

    @pytest.mark.parametrize(
        ("statement", "message"),
        [
            ("UPDATE commitments SET topic = 'deterence'", "CHECK"),
            ("UPDATE events SET date = '2024-02-30'", "CHECK"),
            ('UPDATE spans SET "end" = "end" + 1', "CHECK"),
            ("UPDATE spans SET position = -1", "CHECK"),
            ("UPDATE threats SET response = NULL", "NOT NULL"),
            ("UPDATE threats SET response = 'concern' WHERE response = 'condemnation'", "CHECK"),
            ("UPDATE threats SET response_rank = 0", "CHECK"),
            ("UPDATE commitments SET source_order = 0", "UNIQUE"),
        ],
    )
    def test_checks_refuse_bad_values(self, statement: str, message: str) -> None:
        for folder in _temporary():
            copy = uj.to_sqlite(folder / "copy.db")
            with (
                contextlib.closing(sqlite3.connect(copy)) as connection,
                pytest.raises(sqlite3.IntegrityError, match=message),
            ):
                connection.execute(statement)
            connection.close()

    def test_metadata(self, database: Path) -> None:
        meeting = uj.load()
        with _connect(database) as connection:
            found = dict(connection.execute("SELECT key, value FROM metadata").fetchall())
        assert found["dataset_version"] == meeting.metadata.version
        assert found["schema_version"] == str(meeting.schema_version)
        assert found["source_sha256"] == meeting.metadata.source.sha256
        assert found["data_licence"] == "CC-BY-4.0"
        assert found["licence"] == meeting.metadata.licence
        assert found["name"] == "usjapan2024"
        assert found["title"] == meeting.metadata.title
        assert found["citation"] == meeting.metadata.citation
        assert found["source_included"] == "yes"
        assert found["view"] == "text"

    def test_order_by_response_rank_sorts_by_strength(self, database: Path) -> None:
        """response_rank is the place in Response's own order: ORDER BY it sorts from
        recognition to condemnation, where ORDER BY response sorts alphabetically."""
        members = list(uj.Response)
        with _connect(database) as connection:
            by_rank = connection.execute(
                "SELECT response, response_rank FROM threats ORDER BY response_rank, source_order"
            ).fetchall()
            alphabetical = [r[0] for r in connection.execute(
                "SELECT DISTINCT response FROM threats ORDER BY response"
            )]  # fmt: skip
        assert [r["response_rank"] for r in by_rank] == [
            members.index(uj.Response(r["response"])) for r in by_rank
        ]
        strengths = list(dict.fromkeys(r["response"] for r in by_rank))
        assert strengths == [m.value for m in members if m.value in strengths]
        assert strengths != alphabetical  # the point: alphabetical is not by strength

    def test_source_order_is_the_file_s_and_names_the_full_text_rows(self, database: Path) -> None:
        meeting = uj.load()
        with _connect(database) as connection:
            listed = [
                r[0] for r in connection.execute("SELECT id FROM records ORDER BY source_order")
            ]
            threats = [r[0] for r in connection.execute(
                "SELECT id FROM threats ORDER BY source_order"
            )]  # fmt: skip
            mismatched = connection.execute(
                "SELECT count(*) FROM records_fts AS f JOIN records AS r"
                " ON r.source_order = f.rowid WHERE r.id <> f.record_id"
            ).fetchone()[0]
            indexed = connection.execute("SELECT count(*) FROM records_fts").fetchone()[0]
        assert listed == [MEETING_ID, *map(record_id, meeting.records())]
        assert threats == [t.id for t in meeting.threats]
        assert (mismatched, indexed) == (0, len(listed) - 1)  # every record but the meeting

    def test_every_column_of_every_table_and_view_is_described(self, database: Path) -> None:
        with _connect(database) as connection:
            described = {
                (r["table_name"], r["column_name"]): r["description"]
                for r in connection.execute("SELECT * FROM columns")
            }
            names = [r[0] for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                " AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'records_fts_%'"
            )]  # fmt: skip
            present = {
                (name, r["name"])
                for name in names
                for r in connection.execute("SELECT name FROM pragma_table_info(?)", (name,))
            }
        assert present == set(described)
        assert all(text and text[0].isupper() for text in described.values())

    def test_the_source_text_and_each_quote_in_its_sentence(self, database: Path) -> None:
        """The database holds the bundled text, and each span's sentence as context cuts it."""
        assert _stored_text(database) == uj.source_text()
        _check_span_sentences(database, uj.source_text())
        with _connect(database) as connection:
            (sentence,) = connection.execute(
                "SELECT sentence FROM span_sentences WHERE record_id = 'official.hamada'"
            ).fetchone()
        assert sentence.endswith("and Defense Minister Yasukazu Hamada.")

    def test_every_filter_has_an_index(self, database: Path) -> None:
        """Each filter's column leads an index of its table."""
        with _connect(database) as connection:
            for f in FILTERS:
                table, column = filter_column(f)
                leading = {
                    connection.execute(
                        "SELECT name FROM pragma_index_info(?) WHERE seqno = 0", (index["name"],)
                    ).fetchone()[0]
                    for index in connection.execute(
                        "SELECT name FROM pragma_index_list(?)", (table.name,)
                    )
                    if index["name"].startswith("index_")
                }
                assert column.name in leading, (f.query, f.name)

    def test_views(self, database: Path) -> None:
        with _connect(database) as connection:
            rows = connection.execute(
                "SELECT commitment_id FROM commitment_parties WHERE party = 'US'"
            ).fetchall()
            by_actor = {
                r["actor"]: r["threats"]
                for r in connection.execute("SELECT * FROM threats_by_actor")
            }
        assert [r[0] for r in rows] == [c.id for c in uj.commitments(party="US")]
        assert by_actor == {
            a: len(uj.threats(actor=a)) if a is not None else 1
            for a in {t.actor.value if t.actor else None for t in uj.load().threats}
        }

    def test_opens_in_datasette(self, database: Path) -> None:
        status, text = _datasette_get(database, f"/{database.stem}/commitments")
        assert status == 200
        assert "commitment.article-v" in text


# --- Datasette, with the metadata usjapan2024 datasette prints --------------------------------


def _datasette_get(
    database: Path, path: str, metadata: dict[str, Any] | None = None
) -> tuple[int, str]:
    """GET ``path`` of a Datasette serving ``database``: its status and text.

    Every SQLite connection Datasette opens is closed before this returns, because it
    leaves some to the collector, which Python 3.13 reports (a ``ResourceWarning``, in
    whichever later test the collector runs): ``Database.close()`` closes connections to
    files only, not those to the in-memory ``_internal`` database, and Datasette opens
    in-memory connections of its own to ask SQLite what it supports, one of them when it
    is imported.  So it is imported, and serves, while ``sqlite3.connect`` is watched, and
    runs its SQL in this thread (``num_sql_threads`` 0: a connection can be closed only
    in the thread that opened it).
    """
    opened: list[sqlite3.Connection] = []
    connect = sqlite3.connect

    def watched(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection: sqlite3.Connection = connect(*args, **kwargs)
        opened.append(connection)
        return connection

    async def fetch() -> tuple[int, str]:
        served = app.Datasette([str(database)], metadata=metadata, settings={"num_sql_threads": 0})
        response = await served.client.get(path)
        return response.status_code, response.text

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sqlite3, "connect", watched)
        try:
            app = pytest.importorskip("datasette.app")
            return asyncio.run(fetch())
        finally:
            for connection in opened:
                connection.close()


@pytest.fixture(scope="module")
def served(database: Path) -> Callable[[str], Any]:
    """GET a path of Datasette serving the database with its metadata: JSON or text."""
    metadata = export.datasette_metadata(database=database.stem)

    def get(path: str) -> Any:
        status, text = _datasette_get(database, path, metadata)
        assert status == 200, (path, text[:500])
        return json.loads(text) if ".json" in path else text

    return get


def _fts_in_order(database: Path, words: str) -> list[str]:
    with _connect(database) as connection:
        return [r[0] for r in connection.execute(
            "SELECT record_id FROM records_fts WHERE records_fts MATCH ? ORDER BY rowid", (words,)
        )]  # fmt: skip


class TestDatasette:
    def test_search_on_records_finds_only_the_matching_rows(
        self, served: Callable[[str], Any], database: Path
    ) -> None:
        """The table page's search box (``_search``) searches the full-text index."""
        db = database.stem
        found = served(f"/{db}/records.json?_search=taiwan&_shape=objects")
        every = served(f"/{db}/records.json?_shape=objects&_size=max")
        ids = [r["id"] for r in found["rows"]]
        assert ids == _fts_in_order(database, "taiwan")
        assert 0 < len(ids) < len(every["rows"])
        assert set(ids) <= {record_id(r) for r in uj.search("taiwan")}
        threats = served(f"/{db}/threats.json?_search=china&_shape=objects")
        assert [r["id"] for r in threats["rows"]] == [
            i for i in _fts_in_order(database, "china") if i.startswith("threat.")
        ]

    def test_rows_come_in_source_order(self, served: Callable[[str], Any], database: Path) -> None:
        meeting = uj.load()
        db = database.stem
        records = served(f"/{db}/records.json?_shape=objects&_size=max")
        assert [r["id"] for r in records["rows"]] == [
            MEETING_ID,
            *map(record_id, meeting.records()),
        ]
        for kind in KINDS:
            rows = served(f"/{db}/{kind.group}.json?_shape=objects&_size=max")["rows"]
            assert [r["id"] for r in rows] == [record_id(r) for r in getattr(meeting, kind.group)]

    def test_a_file_s_source_address_is_linked_only_if_it_is_a_web_page_s(self) -> None:
        """Datasette links source_url: a file's javascript: address must not reach it."""
        bundled = uj.load()
        for address, linked in (("javascript:alert(1)", False), ("https://example.org/a", True)):
            source = attrs.evolve(bundled.metadata.source, url=address)
            meeting = attrs.evolve(bundled, metadata=attrs.evolve(bundled.metadata, source=source))
            metadata = export.datasette_metadata(meeting=meeting)
            assert ("source_url" in metadata) is linked, address
            assert metadata["source"] == source.title
            assert "about_url" not in metadata  # not the bundled release: no dataset card

    def test_the_pages_show_the_metadata(
        self, served: Callable[[str], Any], database: Path
    ) -> None:
        """Title, licence, source, table and column descriptions, facets; no index page."""
        meeting = uj.load()
        db = database.stem
        home = served("/")
        index = served(f"/{db}")
        page = served(f"/{db}/threats")
        threats = next(t for t in TABLES if t.name == "threats")
        assert escape(meeting.metadata.title) in home
        assert "CC-BY-4.0" in page
        assert escape(meeting.metadata.source.title) in page
        assert escape(threats.description) in page
        assert (
            escape(next(c for c in threats.columns if c.name == "response_rank").description)
            in page
        )
        facets = served(f"/{db}/threats.json?_facet=response")
        assert {r["value"] for r in facets["facet_results"]["response"]["results"]} == {
            t.response.value for t in meeting.threats
        }
        assert "records_fts" not in index  # hidden: its page shows the index's internals


# --- filters: the SQL gives what the Python API gives --------------------------------------


def _query_values(meeting: Meeting, f: Filter) -> st.SearchStrategy[Any]:
    """Values for filter ``f``: any of its vocabulary, or (in any case) a value a record holds."""
    if f.vocabulary is not None:
        return st.sampled_from(list(f.vocabulary))
    held = sorted({str(v) for r in getattr(meeting, f.query) for v in f.values(r)})
    if not held:
        return st.nothing()
    spelling = st.sampled_from(held)
    if f.fold:
        return (
            spelling.flatmap(  # another case of the same word (a dotless i upper-cased is not one)
                lambda v: st.sampled_from(
                    [w for w in (v, v.upper(), v.lower()) if f.key(w) == f.key(v)]
                )
            )
        )
    return spelling


def _criteria(meeting: Meeting) -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
    def for_query(query: str) -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
        values = {f.name: _query_values(meeting, f) for f in filters_of(query)}
        chosen = st.fixed_dictionaries({}, optional=values)
        return chosen.map(lambda given: (query, given))

    return st.sampled_from(sorted({f.query for f in FILTERS})).flatmap(for_query)


def _sql_ids(path: Path, query: str, given: dict[str, Any]) -> list[str]:
    by_name = {f.name: f for f in filters_of(query)}
    where = " AND ".join(_sqlite.condition(by_name[name]) for name in given) or "1"
    params = [
        by_name[name].key(value.value if hasattr(value, "value") else value)
        for name, value in given.items()
    ]
    with _connect(path) as connection:
        found = connection.execute(
            f'SELECT id FROM "{query}" WHERE {where} ORDER BY rowid',  # noqa: S608
            params,
        ).fetchall()
    connection.close()
    return [row[0] for row in found]


def _python_ids(meeting: Meeting, query: str, given: dict[str, Any]) -> list[str]:
    found = getattr(queries, query)(meeting=meeting, **given)
    return [record_id(r) for r in found]


class TestFilters:
    def test_every_filter_is_tested_below(self) -> None:
        """Each filter the Python API offers has a column, and the strategies reach it."""
        assert {f.query for f in FILTERS} == {"officials", "commitments", "threats"}
        for f in FILTERS:
            assert _sqlite.condition(f).count("?") == 1

    @settings(max_examples=200, deadline=None)
    @given(data=st.data())
    def test_sql_matches_python_on_the_bundled_data(
        self, database: Path, data: st.DataObject
    ) -> None:
        meeting = uj.load()
        query, given_ = data.draw(_criteria(meeting))
        assert _sql_ids(database, query, given_) == _python_ids(meeting, query, given_)

    @FEW
    @given(pair=meetings_with_source(), data=st.data())
    def test_sql_matches_python_on_generated_meetings(
        self, pair: tuple[Meeting, str], data: st.DataObject
    ) -> None:
        meeting, text = pair
        for folder in _temporary():
            path = uj.to_sqlite(folder / "m.db", meeting=meeting, source=text)
            for _ in range(10):
                query, given_ = data.draw(_criteria(meeting))
                assert _sql_ids(path, query, given_) == _python_ids(meeting, query, given_)


# --- full-text search -----------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W_]+")
"""A token as FTS5's unicode61 tokenizer sees one: a run of letters and digits."""


def _fts_ids(path: Path, word: str) -> set[str]:
    with _connect(path) as connection:
        found = connection.execute(
            f'SELECT record_id FROM "{_sqlite.FTS_TABLE}" WHERE "{_sqlite.FTS_TABLE}" MATCH ?',  # noqa: S608
            ('"' + word.replace('"', '""') + '"',),
        ).fetchall()
    connection.close()
    return {row[0] for row in found}


class TestFullText:
    def test_fts_finds_what_search_finds_for_every_whole_word(self, database: Path) -> None:
        """For each whole word of the data, FTS finds the records holding it as a word.

        ``search()`` matches substrings, FTS whole words: so FTS finds a subset of what
        ``search()`` finds, and the same set for a word the data never writes inside a
        longer word ("deterrence"; not "missile", which is also in "missiles").
        """
        records = list(index_of(uj.load()).by_id.values())
        tokens = {
            record_id(r): set(_TOKEN.findall("\n".join(words_of(r)).casefold())) for r in records
        }
        words = sorted(set().union(*tokens.values()))
        same = 0
        for word in words:
            fts = _fts_ids(database, word)
            found = {record_id(r) for r in uj.search(word)}
            assert fts == {i for i, held in tokens.items() if word in held}, word
            assert fts <= found, word
            same += fts == found
        assert len(words) > 500
        assert same > len(words) * 3 // 4

    def test_fts_needs_no_exact_case(self, database: Path) -> None:
        assert _fts_ids(database, "OKINAWA") == {record_id(r) for r in uj.search("okinawa")}

    def test_the_meeting_itself_is_not_indexed(self, database: Path) -> None:
        assert MEETING_ID not in _fts_ids(database, uj.load().short_name.split("+")[0])


# --- safe writes and the command line --------------------------------------------------------

WRITERS: dict[str, tuple[Callable[..., Path], str]] = {
    "datapackage": (uj.to_datapackage, "pkg"),
    "sqlite": (uj.to_sqlite, "data.db"),
}


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the command line in ``cwd``, on the package these tests import."""
    env = {**os.environ, "PYTHONPATH": str(Path(uj.__file__).resolve().parent.parent)}
    return subprocess.run(
        [sys.executable, "-m", "usjapan2024", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=cwd, env=env, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("command", sorted(WRITERS))
class TestSafeWrites:
    def test_an_interrupted_write_leaves_nothing(
        self, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A write that fails halfway leaves neither the target nor a temporary file."""
        write, name = WRITERS[command]

        def boom(*_: object, **__: object) -> None:
            raise KeyboardInterrupt

        module = _datapackage if command == "datapackage" else _sqlite
        monkeypatch.setattr(module, "descriptor" if command == "datapackage" else "_metadata", boom)
        with pytest.raises(KeyboardInterrupt):
            write(tmp_path / name)
        assert list(tmp_path.iterdir()) == []

    def test_written_under_a_temporary_name(
        self, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """While it is written, the target's name does not exist; a hidden .partial does."""
        write, name = WRITERS[command]
        seen: list[list[str]] = []
        module = _datapackage if command == "datapackage" else _sqlite
        spied = "descriptor" if command == "datapackage" else "_metadata"
        original = getattr(module, spied)

        def spy(*args: object, **kwargs: object) -> object:
            seen.append(sorted(p.name for p in tmp_path.iterdir()))
            return original(*args, **kwargs)

        monkeypatch.setattr(module, spied, spy)
        write(tmp_path / name)
        (names,) = seen
        assert names
        assert all(n.startswith(f".{name}.") for n in names)  # SQLite's journal too
        assert any(n.endswith(".partial") for n in names)
        assert sorted(p.name for p in tmp_path.iterdir()) == [name]

    def test_cli_refuses_to_overwrite_without_force(self, command: str, tmp_path: Path) -> None:
        _, name = WRITERS[command]
        assert _cli(command, name, cwd=tmp_path).returncode == 0
        before = {p.name: p.stat().st_mtime_ns for p in tmp_path.rglob("*")}
        again = _cli(command, name, cwd=tmp_path)
        assert again.returncode == 2
        assert again.stderr.count("\n") == 1
        assert "exists already" in again.stderr
        assert "--force" in again.stderr
        assert "overwrite=True" not in again.stderr  # Python's words stay in Python
        assert {p.name: p.stat().st_mtime_ns for p in tmp_path.rglob("*")} == before
        assert _cli(command, name, "--force", cwd=tmp_path).returncode == 0
        assert sorted(p.name for p in tmp_path.iterdir()) == [name]

    def test_bad_targets_get_one_line_and_status_2(self, command: str, tmp_path: Path) -> None:
        (tmp_path / "folder").mkdir()
        (tmp_path / "file").write_text("x", "utf-8")
        bad = {"missing/out": "does not exist"}
        bad["folder" if command == "sqlite" else "file"] = (
            "it is a folder" if command == "sqlite" else "it is a file"
        )
        for target, message in bad.items():
            result = _cli(command, target, cwd=tmp_path)
            assert result.returncode == 2, result.stderr
            assert result.stderr.count("\n") == 1
            assert message in result.stderr
            assert result.stderr.startswith(f"usjapan2024 {command}: error: ")


def test_force_never_replaces_a_folder_that_is_not_a_package(tmp_path: Path) -> None:
    """--force replaces a data package, not a folder of someone's other files."""
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me", "utf-8")
    with pytest.raises(FileExistsError, match="holds other files"):
        uj.to_datapackage(tmp_path / "mine", overwrite=True)
    assert (tmp_path / "mine" / "notes.txt").read_text("utf-8") == "keep me"


def test_neither_export_imports_pandas(tmp_path: Path) -> None:
    code = (
        "import sys, usjapan2024 as uj; "
        f"uj.to_sqlite({str(tmp_path / 'a.db')!r}); uj.to_datapackage({str(tmp_path / 'p')!r}); "
        "assert 'pandas' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_layout_is_derived_from_the_classes() -> None:
    """Every field of every record is a column or a table: nothing was left out."""
    names = {t.name: {c.name for c in t.columns} for t in TABLES}
    for kind in KINDS:
        for field in attrs.fields(kind.cls):
            assert (
                field.name == "sources"
                or field.name in names[kind.group]
                or (f"{kind.group}_{field.name}" in names)
            ), (kind.group, field.name)


def test_a_sqlite_without_fts5_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where SQLite lacks FTS5 the error says so, and nothing is written."""
    monkeypatch.setattr(_sqlite, "fts5_available", lambda: False)
    with pytest.raises(RuntimeError, match="without FTS5"):
        uj.to_sqlite(tmp_path / "x.db")
    assert list(tmp_path.iterdir()) == []


class TestTargetWording:
    def test_python_is_told_of_overwrite_and_not_of_force(self, tmp_path: Path) -> None:
        """The core's error names the keyword Python callers pass, never a CLI option."""
        path = uj.to_sqlite(tmp_path / "db.sqlite")
        with pytest.raises(FileExistsError, match="overwrite=True") as caught:
            uj.to_sqlite(path)
        assert "--force" not in str(caught.value)


# --- a user's own meeting: the exports describe it, not the bundled release -----------------

OWN_LINE = "Tokyo talks, 2025: the ministers met again."
OWN_QUOTE = "the ministers met again"


def _own_meeting(licence: str = "CC0 1.0: no rights reserved.") -> Meeting:
    """A user's file, loaded with its own text: the bundled records, a line of its own
    quoted by the meeting, and metadata of its own (title, version, licence, citation)."""
    bundled = uj.load()
    text = uj.source_text() + "\n" + OWN_LINE + "\n"
    start = text.index(OWN_QUOTE)
    metadata = attrs.evolve(
        bundled.metadata,
        title="Tokyo talks: a user's own coding of a meeting",
        description="A test file: a meeting coded from its own text.",
        version="0.3.0",
        licence=licence,
        citation="A. User (2025). Tokyo talks. Version 0.3.0.",
        source=attrs.evolve(
            bundled.metadata.source,
            title="Tokyo talks, as a user wrote them down",
            url="https://example.org/tokyo-talks",
            sha256=text_digest(text),
        ),
    )
    span = Span(start, start + len(OWN_QUOTE), OWN_QUOTE)
    own = attrs.evolve(bundled, metadata=metadata, sources=(*bundled.sources, span))
    loaded = uj.loads(uj.dumps(own), source=text)
    assert loaded.source_text == text
    return loaded


class TestOwnMeeting:
    def test_the_data_package_is_the_meetings(self, tmp_path: Path) -> None:
        """Name, title, version, licence and citation are the file's; so is source.txt."""
        meeting = _own_meeting()
        folder = uj.to_datapackage(tmp_path / "own", meeting=meeting)
        _validate(folder)
        descriptor = json.loads((folder / "datapackage.json").read_text("utf-8"))
        assert descriptor["name"] == "tokyo-talks"
        assert descriptor["title"] == meeting.metadata.title
        assert descriptor["version"] == "0.3.0"
        assert [lic["name"] for lic in descriptor["licenses"]] == ["CC0-1.0"]
        assert descriptor["usjapan2024"]["citation"] == meeting.metadata.citation
        assert descriptor["usjapan2024"]["licence"] == meeting.metadata.licence
        assert (folder / "LICENCE.txt").read_text("utf-8") == meeting.metadata.licence + "\n"
        assert "CC-BY-4.0" not in json.dumps(descriptor)
        (source,) = [r for r in descriptor["resources"] if r["name"] == "source"]
        assert source["hash"] == f"sha256:{meeting.metadata.source.sha256}"
        assert source["title"] == meeting.metadata.source.title
        assert (folder / "source.txt").read_bytes() == meeting.source_text.encode("utf-8")  # type: ignore[union-attr]
        assert OWN_LINE in (folder / "source.txt").read_text("utf-8")
        assert _read_package(folder) == meeting

    def test_the_database_is_the_meetings(self, tmp_path: Path) -> None:
        """metadata, source and span_sentences are the file's own, not the bundled text's."""
        meeting = _own_meeting()
        path = uj.to_sqlite(tmp_path / "own.db", meeting=meeting)
        with _connect(path) as connection:
            found = dict(connection.execute("SELECT key, value FROM metadata").fetchall())
            (sentence,) = connection.execute(
                "SELECT sentence FROM span_sentences WHERE record_id = 'meeting' AND quote = ?",
                (OWN_QUOTE,),
            ).fetchone()
        assert {k: found[k] for k in ("name", "title", "dataset_version", "licence")} == {
            "name": "tokyo-talks",
            "title": meeting.metadata.title,
            "dataset_version": "0.3.0",
            "licence": meeting.metadata.licence,
        }
        assert found["data_licence"] == "CC0-1.0"
        assert found["citation"] == meeting.metadata.citation
        assert _stored_text(path) == meeting.source_text
        assert sentence == OWN_LINE
        _check_span_sentences(path, typing.cast("str", meeting.source_text))
        assert _read_database(path) == meeting

    def test_a_licence_note_that_names_no_known_licence_is_given_whole(
        self, tmp_path: Path
    ) -> None:
        """No id is guessed: the note is the licence's title, and the package still validates."""
        note = "Free for teaching; ask the author before publishing."
        meeting = _own_meeting(note)
        folder = uj.to_datapackage(tmp_path / "own", meeting=meeting)
        _validate(folder)
        descriptor = json.loads((folder / "datapackage.json").read_text("utf-8"))
        assert descriptor["licenses"] == [{"path": "LICENCE.txt", "title": note}]
        path = uj.to_sqlite(tmp_path / "own.db", meeting=meeting)
        with _connect(path) as connection:
            found = dict(connection.execute("SELECT key, value FROM metadata").fetchall())
        assert found["licence"] == note
        assert "data_licence" not in found

    def test_a_meeting_that_knows_no_text_is_exported_without_one_and_says_so(
        self, tmp_path: Path
    ) -> None:
        """Built in code from a file with its own text: no text to carry, and both exports
        say so; given its text, both carry it; given another text, both refuse."""
        meeting = _own_meeting()
        text = typing.cast("str", meeting.source_text)
        built = attrs.evolve(meeting, name=meeting.name + " (edited)")
        assert built.source_text is None
        folder = uj.to_datapackage(tmp_path / "p", meeting=built)
        _validate(folder)
        descriptor = json.loads((folder / "datapackage.json").read_text("utf-8"))
        assert not (folder / "source.txt").exists()
        assert "source" not in [r["name"] for r in descriptor["resources"]]
        assert descriptor["usjapan2024"]["source"]["included"] is False
        assert "no source text" in descriptor["usjapan2024"]["source"]["note"]
        path = uj.to_sqlite(tmp_path / "m.db", meeting=built)
        with _connect(path) as connection:
            (included,) = connection.execute(
                "SELECT value FROM metadata WHERE key = 'source_included'"
            ).fetchone()
            assert connection.execute("SELECT count(*) FROM span_sentences").fetchone()[0] == 0
        assert _stored_text(path) is None
        assert included.startswith("no: ")

        uj.to_datapackage(tmp_path / "given", meeting=built, source=text)
        assert (tmp_path / "given" / "source.txt").read_text("utf-8") == text
        uj.to_sqlite(tmp_path / "given.db", meeting=built, source=text)
        assert _stored_text(tmp_path / "given.db") == text
        for write, target in ((uj.to_datapackage, "bad"), (uj.to_sqlite, "bad.db")):
            with pytest.raises(uj.DatasetError) as info:
                write(tmp_path / target, meeting=built, source=uj.source_text())
            assert info.value.problems[0].path == "$.metadata.source.sha256"
            assert not (tmp_path / target).exists()

    def test_a_text_that_does_not_hold_the_quotes_is_refused(self, tmp_path: Path) -> None:
        """The text carried is proved against every quote before anything is written."""
        meeting = _own_meeting()
        text = typing.cast("str", meeting.source_text).replace(OWN_QUOTE, OWN_QUOTE.upper())
        metadata = attrs.evolve(
            meeting.metadata,
            source=attrs.evolve(meeting.metadata.source, sha256=text_digest(text)),
        )
        wrong = attrs.evolve(meeting, metadata=metadata)
        with pytest.raises(
            uj.DatasetError, match=r"\$\.sources\[2\]: quote .* does not match the text"
        ):
            uj.to_sqlite(tmp_path / "x.db", meeting=wrong, source=text)
        assert list(tmp_path.iterdir()) == []


# --- record_value in both exports -------------------------------------------------------------


def _record_values(meeting: Meeting) -> list[tuple[str, object]]:
    return [(e.id, e.record_value) for e in meeting.errata]


class TestRecordValues:
    @FEW
    @given(meetings_with_source())
    def test_every_record_value_round_trips(self, pair: tuple[Meeting, str]) -> None:
        """Through dumps/loads, the Data Package and SQLite, each record_value comes back."""
        meeting, text = pair
        values = _record_values(meeting)
        assert _record_values(uj.loads(uj.dumps(meeting), source=text)) == values
        for folder in _temporary():
            uj.to_datapackage(folder / "p", meeting=meeting, source=text)
            uj.to_sqlite(folder / "m.db", meeting=meeting, source=text)
            assert _record_values(_read_package(folder / "p")) == values
            assert _record_values(_read_database(folder / "m.db")) == values

    def test_a_many_valued_record_value_is_a_json_array_in_both(
        self, package: Path, database: Path
    ) -> None:
        """Tomahawks: the public record's buyer is a list of parties, written as JSON text."""
        erratum = uj.get("erratum.tomahawk-buyer", kind=uj.Erratum)
        assert isinstance(erratum.record_value, tuple)
        expected = json.dumps([p.value for p in erratum.record_value if isinstance(p, uj.Actor)])
        assert expected != "[]"
        with (package / "errata.csv").open(encoding="utf-8", newline="") as f:
            cells = {row["id"]: row["record_value"] for row in csv.DictReader(f)}
        with _connect(database) as connection:
            (stored,) = connection.execute(
                "SELECT record_value FROM errata WHERE id = ?", (erratum.id,)
            ).fetchone()
            (described,) = connection.execute(
                "SELECT description FROM columns WHERE table_name = 'errata'"
                " AND column_name = 'record_value'"
            ).fetchone()
        assert cells[erratum.id] == stored == expected
        assert cells["erratum.kishida-visit-date"] == "2024-04-10"
        descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
        (errata,) = [r for r in descriptor["resources"] if r["name"] == "errata"]
        (field,) = [f for f in errata["schema"]["fields"] if f["name"] == "record_value"]
        for description in (field["description"], described):
            assert "JSON array" in description
            assert "YYYY-MM-DD" in description


class TestFrames:
    """``to_frames()``: the exports' tables as DataFrames, for pandas users."""

    @staticmethod
    def _plain(frame: Any) -> list[dict[str, object]]:
        """A frame's rows as SQLite holds them: missing as None, dates as YYYY-MM-DD."""
        import pandas as pd

        def cell(value: object) -> object:
            if pd.isna(typing.cast("Any", value)):  # None, NaN (a category's), <NA>, NaT
                return None
            if isinstance(value, pd.Timestamp):
                return value.date().isoformat()
            return value

        return [
            {k: cell(v) for k, v in row.items()} for row in frame.astype(object).to_dict("records")
        ]

    def test_the_same_tables_columns_and_rows_as_the_database(self, database: Path) -> None:
        frames = uj.to_frames()
        assert list(frames) == [t.name for t in TABLES]
        with _connect(database) as connection:
            for table in TABLES:
                found = connection.execute(f'SELECT * FROM "{table.name}" ORDER BY rowid')  # noqa: S608
                columns = [d[0] for d in found.description]
                assert list(frames[table.name].columns) == columns, table.name
                stored = [dict(zip(columns, row, strict=True)) for row in found.fetchall()]
                assert self._plain(frames[table.name]) == stored, table.name

    def test_typed_by_the_layout(self) -> None:
        import pandas as pd

        frames = uj.to_frames()
        for table in TABLES:
            for column in table.columns:
                dtype = frames[table.name][column.name].dtype
                values = column.values  # noqa: PD011  (the layout's, not a pandas attribute)
                if values is not None:
                    assert isinstance(dtype, pd.CategoricalDtype), (table.name, column.name)
                    assert list(dtype.categories) == list(values)
                elif column.datatype == "integer":
                    assert dtype == pd.Int64Dtype(), (table.name, column.name)
                elif column.datatype == "date":
                    assert str(dtype).startswith("datetime64"), (table.name, column.name)
                else:
                    assert dtype == pd.StringDtype(), (table.name, column.name)

    @FEW
    @given(meetings_with_source())
    def test_they_read_back_as_the_meeting(self, pair: tuple[Meeting, str]) -> None:
        """Nothing is lost: the frames' rows rebuild the very meeting."""
        meeting, _ = pair
        frames = uj.to_frames(meeting=meeting)
        rows = {name: self._plain(frame) for name, frame in frames.items()}
        assert meeting_from_rows(rows, meeting.metadata) == meeting

    def test_the_errata_references_a_frame_cannot_hold(self) -> None:
        """A reference's title may hold "; ", so a joined cell cannot be split back: its
        table has one row per reference, with every field."""
        references = uj.to_frames()["errata_references"]
        meeting = uj.load()
        assert len(references) == sum(len(e.references) for e in meeting.errata)
        first = meeting.errata[0].references[0]
        row = references[references["erratum_id"] == meeting.errata[0].id].iloc[0]
        assert (row["position"], row["title"]) == (0, first.title)
