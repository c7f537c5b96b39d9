"""What catalogues read: Croissant in the Data Package, schema.org on the dataset card.

Croissant is checked by MLCommons' own reader, ``mlcroissant``: it validates the file and
reads every record set back from the CSV files, which must give the rows the tables
hold.  Both JSON-LD documents, the Data Package and the database must say the same of
every column, since all are made from one description.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import sqlite3
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest

import usjapan2024 as uj
from usjapan2024._tables.catalogue import CONFORMS_TO, schema_org
from usjapan2024._tables.describe import describe, read_cff, statement_pages
from usjapan2024._tables.layout import TABLES

from .builtdocs import built_docs
from .conftest import ROOT

__all__ = ["built_docs"]


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return uj.to_datapackage(tmp_path_factory.mktemp("package") / "usjapan2024")


def _json(path: Path) -> dict[str, Any]:
    found = json.loads(path.read_text("utf-8"))
    assert isinstance(found, dict)
    return found


def _mlcroissant() -> Any:
    return pytest.importorskip("mlcroissant", reason="mlcroissant is in the test-suite extra")


# mlcroissant's RDF library (rdflib) warns of its own deprecated class when it reads a file.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
class TestCroissant:
    def test_mlcroissant_finds_it_valid_without_a_warning(self, package: Path) -> None:
        mlc = _mlcroissant()
        dataset = mlc.Dataset(jsonld=str(package / "croissant.json"))
        issues = dataset.metadata.ctx.issues
        assert (issues.errors, issues.warnings) == (set(), set())
        assert _json(package / "croissant.json")["conformsTo"] == CONFORMS_TO

    def test_its_command_line_validates_it(self, package: Path) -> None:
        """`mlcroissant validate --jsonld`, as a user would run it (where it is installed)."""
        _mlcroissant()
        command = shutil.which("mlcroissant", path=str(Path(sys.executable).parent))
        if command is None:
            pytest.skip("mlcroissant's command is not installed beside this Python")
        result = subprocess.run(
            [command, "validate", "--jsonld", str(package / "croissant.json")],
            capture_output=True, text=True, check=False, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert "ERROR" not in result.stderr

    @pytest.mark.parametrize(
        "name",
        # A table of each shape: mixed records, dates and empty cells, a rank, a
        # many-valued vocabulary field, nested records, the spans, the labels.
        ["records", "events", "threats", "commitments_parties", "errata_references", "spans",
         "labels"],
    )  # fmt: skip
    def test_record_sets_read_back_as_their_csv_files(self, package: Path, name: str) -> None:
        """Through mlcroissant, a table gives its CSV file's rows, in order.

        Each is read from a reader of its own: mlcroissant 1.1.1 reads a record set wrong
        after one that refers to it (parties after officials), whatever the file says.
        """
        mlc = _mlcroissant()
        dataset = mlc.Dataset(jsonld=str(package / "croissant.json"))
        (table,) = [t for t in TABLES if t.name == name]
        with (package / f"{table.name}.csv").open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        read = [
            {c.name: _as_csv(r[f"{table.name}/{c.name}"]) for c in table.columns}
            for r in dataset.records(table.name)
        ]
        assert read == rows

    def test_each_vocabulary_is_an_enumeration_with_its_labels(self, package: Path) -> None:
        mlc = _mlcroissant()
        dataset = mlc.Dataset(jsonld=str(package / "croissant.json"))
        read = list(dataset.records("Response"))
        assert [(r["Response/value"], r["Response/label"]) for r in read] == [
            (m.value, m.label) for m in uj.Response
        ]
        document = _json(package / "croissant.json")
        fields = {f["@id"]: f for s in document["recordSet"] for f in s["field"]}
        assert fields["threats/response"]["references"] == {"field": {"@id": "Response/value"}}
        assert fields["threats/actor"]["references"] == {"field": {"@id": "parties/id"}}

    def test_files_are_listed_with_their_sha256(self, package: Path) -> None:
        document = _json(package / "croissant.json")
        listed = {f["contentUrl"]: f["sha256"] for f in document["distribution"]}
        expected = {f"{t.name}.csv" for t in TABLES} | {"source.txt", "CITATION.cff"}
        assert set(listed) == expected
        for path, digest in listed.items():
            assert hashlib.sha256((package / path).read_bytes()).hexdigest() == digest, path

    def test_it_says_what_the_descriptor_says(self, package: Path) -> None:
        """Licence, version, citation, creators and every column's words: one description."""
        document = _json(package / "croissant.json")
        descriptor = _json(package / "datapackage.json")
        assert document["version"] == descriptor["version"]
        assert document["citeAs"] == descriptor["bibliographicCitation"]
        assert document["license"] == [lic["path"] for lic in descriptor["licenses"]]
        assert [c["name"] for c in document["creator"]] == [
            c["title"] for c in descriptor["contributors"]
        ]
        assert document["url"] == descriptor["homepage"]
        croissant_fields = {
            f["@id"]: f["description"] for s in document["recordSet"] for f in s["field"]
        }
        for resource in descriptor["resources"]:
            for field in resource.get("schema", {}).get("fields", []):
                assert (
                    croissant_fields[f"{resource['name']}/{field['name']}"]
                    == (field["description"])
                )
        with sqlite3.connect(uj.to_sqlite(package.parent / "same.db")) as connection:
            rows = connection.execute("SELECT * FROM columns").fetchall()
            described = {(t, c): d for t, c, d in rows}
        connection.close()
        for table in TABLES:
            for column in table.columns:
                assert (
                    described[table.name, column.name]
                    == croissant_fields[f"{table.name}/{column.name}"]
                )

    def test_a_meeting_of_another_release_names_no_creator(self, tmp_path: Path) -> None:
        """Only the bundled release's authors are known: another file gets none, and no
        citation file, but its own citation."""
        bundled = uj.load()
        meeting = attrs.evolve(
            bundled, metadata=attrs.evolve(bundled.metadata, version="9.0.0", citation="Me.")
        )
        folder = uj.to_datapackage(tmp_path / "own", meeting=meeting, source=uj.source_text())
        document = _json(folder / "croissant.json")
        descriptor = _json(folder / "datapackage.json")
        assert "creator" not in document
        assert "contributors" not in descriptor
        assert "homepage" not in descriptor
        assert document["citeAs"] == descriptor["bibliographicCitation"] == "Me."
        assert not (folder / "CITATION.cff").exists()
        mlc = _mlcroissant()
        issues = mlc.Dataset(jsonld=str(folder / "croissant.json")).metadata.ctx.issues
        assert issues.errors == set()

    def test_the_time_a_package_says_it_was_made_can_be_fixed(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With SOURCE_DATE_EPOCH set, two exports are the same bytes."""
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1722124800")  # 2024-07-28, 00:00 UTC
        first = uj.to_datapackage(tmp_path / "a")
        second = uj.to_datapackage(tmp_path / "b")
        assert _json(first / "datapackage.json")["created"] == "2024-07-28T00:00:00Z"
        for name in ("datapackage.json", "croissant.json"):
            assert (first / name).read_bytes() == (second / name).read_bytes()


def _as_csv(value: object) -> str:
    """A value mlcroissant read (bytes, a number, a timestamp, nothing) as its CSV cell."""
    if value is None or value != value:  # noqa: PLR0124  (NaN: an empty cell)
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if hasattr(value, "date"):  # a pandas Timestamp
        return str(value.date().isoformat())
    return str(value)


class TestSchemaOrg:
    def test_the_dataset_card_embeds_the_dataset(self, built_docs: Path) -> None:
        """The built page holds one schema.org Dataset, the one the data describes."""
        page = (built_docs / "dataset-card.html").read_text("utf-8")
        (block,) = _json_ld(page)
        assert block == schema_org(describe(uj.load()))

    def test_it_names_the_dataset_its_licence_and_its_columns(self) -> None:
        meeting = uj.load()
        block = schema_org(describe(meeting))
        assert (block["@context"], block["@type"]) == ("https://schema.org/", "Dataset")
        assert block["name"] == meeting.metadata.title
        assert block["license"] == ["https://creativecommons.org/licenses/by/4.0/"]
        assert block["creditText"] == meeting.metadata.citation
        assert block["temporalCoverage"] == "2024-07-28"
        measured = {v["name"]: v["description"] for v in block["variableMeasured"]}
        threats = next(t for t in TABLES if t.name == "threats")
        response = next(c for c in threats.columns if c.name == "response")
        assert measured["threats.response"] == response.description
        based_on = [w.get("url") for w in block["isBasedOn"]]
        assert based_on[0] == meeting.metadata.source.url
        assert based_on[1:] == [page.url for page in statement_pages(meeting)]

    def test_croissant_is_the_same_dataset(self, package: Path) -> None:
        """Every schema.org property the two share has the same value."""
        document = _json(package / "croissant.json")
        block = schema_org(describe(uj.load()))
        shared = set(document) & set(block) - {"@context", "@type"}
        assert {"name", "description", "license", "version", "creator", "url"} <= shared
        assert {k: document[k] for k in shared} == {k: block[k] for k in shared}


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._open = False

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        self._open = tag == "script" and ("type", "application/ld+json") in attributes
        if self._open:
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            self.found[-1] += data


def _json_ld(page: str) -> list[Any]:
    parser = _Scripts()
    parser.feed(page)
    return [json.loads(text) for text in parser.found]


class TestCitationFile:
    def test_the_package_ships_the_repository_s_citation_file(self) -> None:
        shipped = ROOT / "src" / "usjapan2024" / "data" / "CITATION.cff"
        assert shipped.read_bytes() == (ROOT / "CITATION.cff").read_bytes()

    def test_reading_it_without_yaml_gives_what_yaml_gives(self) -> None:
        yaml = pytest.importorskip("yaml")
        text = (ROOT / "CITATION.cff").read_text("utf-8")
        parsed = yaml.safe_load(text)
        read = read_cff(text)
        scalars = {k: v for k, v in parsed.items() if not isinstance(v, (list, dict))}
        assert {k: str(v) for k, v in scalars.items() if k != "abstract"} == {
            k: v for k, v in read.items() if k != "authors"
        }
        assert read["authors"] == parsed["authors"]

    def test_quoted_and_person_authors_read_as_yaml_reads_them(self) -> None:
        yaml = pytest.importorskip("yaml")
        text = (
            "cff-version: 1.2.0\n"
            "title: 'It''s a title: with a colon'\n"
            'date-released: "2025-01-02"\n'
            "authors:\n"
            '  - family-names: "Ōno"\n'
            "    given-names: Aiko\n"
            '  - name: "A \\"quoted\\" group"\n'
            "keywords:\n"
            "  - a\n"
        )
        parsed = yaml.safe_load(text)
        read = read_cff(text)
        assert read["title"] == parsed["title"]
        assert read["date-released"] == str(parsed["date-released"])
        assert read["authors"] == parsed["authors"]
        assert "keywords" not in read


def test_statement_pages_are_only_the_statement_s() -> None:
    """A news report, or a page of another day, is not the statement, whatever its title."""
    meeting = uj.load()
    pages = statement_pages(meeting)
    assert pages, "the bundled errata cite the statement's own pages"
    day = meeting.metadata.official_document.date
    for page in pages:
        assert page.role in {uj.SourceRole.PRIMARY, uj.SourceRole.MIRROR}
        assert page.date in {None, day}
    cited = [r for e in meeting.errata for r in e.references]
    dated = next(r for r in cited if "2+2" in r.title and r.date not in {None, day})
    assert dated not in pages  # the 2023 announcement names a 2+2, of another day
    assert len({p.url for p in pages}) == len(pages)
    assert all(re.match(r"https?://", p.url or "") for p in pages)
