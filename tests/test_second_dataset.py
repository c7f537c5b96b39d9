"""A second dataset, through every surface and export: the guide's invented communiqué.

``tests/data/authoring/`` holds the example of ``docs/authoring.md``: a short statement
invented for it (no such meeting took place), coded with ``usjapan2024 new`` and
``fill``.  It holds what the bundled communiqué does not: a city (Sapporo), a ministry
(of the Environment) and a state (the Philippines) of its own, declared as records;
an exercise; a line in Japanese; an emoji (a character outside the Basic Multilingual
Plane, two UTF-16 units) before two quotes; Windows line endings throughout; an
erratum, marked as invented, whose value is in a declared vocabulary.  Every surface
that was written against the bundled data (its vocabularies, its LF text) is run on it
here, and each answer is checked against what the files hold, read as plain JSON.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import usjapan2024 as uj
from usjapan2024 import _cli
from usjapan2024._model.filters import FILTERS, Filter
from usjapan2024._model.kinds import CLASS_OF, KINDS, RECORD_KINDS, declarations, kind_of, record_id
from usjapan2024._presenting.summary import summary

from .conftest import ROOT
from .test_hostile import _Stream
from .test_tables import _connect

HERE = ROOT / "tests" / "data" / "authoring"
TEXT = HERE / "communique.txt"
DRAFT = HERE / "draft.json"
CODED = HERE / "coded.json"

_CODE_UNDER_TEST = {k: v for k, v in os.environ.items() if k == "PYTHONPATH"}
_GROUPS = tuple(kind.group for kind in KINDS)
_FILE = ("--file", str(CODED), "--source", str(TEXT))


@functools.cache
def _meeting() -> uj.Meeting:
    return uj.load(CODED, source=TEXT)


def _document() -> dict[str, Any]:
    """The coded file as plain JSON: the oracle every answer is checked against."""
    document: dict[str, Any] = json.loads(CODED.read_bytes())
    return document


def _text() -> str:
    return TEXT.read_bytes().decode("utf-8")


def _ids(records: Any) -> list[str]:
    return [record_id(r) for r in records]


def _file_ids(group: str) -> list[str]:
    return [record["id"] for record in _document().get(group, [])]


def _all_ids() -> list[str]:
    return [i for group in _GROUPS for i in _file_ids(group)]


_commitments: Any = uj.commitments
"""``commitments()`` with a value that its signature's types do not list (a value in any
case, of a vocabulary a file opens), as a caller with a ``str`` from elsewhere gives it."""


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


# --- the data ----------------------------------------------------------------------------


class TestTheDataset:
    def test_every_line_of_the_text_ends_crlf(self) -> None:
        raw = TEXT.read_bytes()
        assert raw.endswith(b"\r\n")
        assert raw.count(b"\n") == raw.count(b"\r\n") == len(raw.splitlines())

    def test_it_holds_japanese_and_a_character_beyond_the_bmp(self) -> None:
        text = _text()
        assert any(unicodedata.name(c, "").startswith(("CJK", "HIRAGANA")) for c in text)
        astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]
        assert len(astral) >= 2
        spans = [span for record in _meeting().records() for span in record.sources]
        after = [span for span in spans if span.start > astral[0]]
        assert after  # after the emoji, an editor's (UTF-16) offsets are not the spans'
        assert all(_utf16(text, span.start) != span.start for span in after)
        assert all(text[span.start : span.end] == span.quote for span in spans)

    def test_it_declares_what_the_bundled_vocabularies_lack(self) -> None:
        """A city, a ministry and a state that no member of their vocabulary is."""
        meeting = _meeting()
        coined = {
            group: [r.id for r in getattr(meeting, group) if not r.id.is_member]
            for group in ("locations", "departments", "parties")
        }
        assert coined == {
            "locations": [uj.Place("sapporo")],
            "departments": [uj.Organisation("jp-ministry-of-the-environment")],
            "parties": [uj.Actor("PH")],
        }
        assert uj.Actor("PH").is_state
        bundled = uj.load()
        for group, values in coined.items():
            assert not set(values) & {r.id for r in getattr(bundled, group)}
        assert uj.ProgrammeKind.EXERCISE in {p.kind for p in meeting.programmes}

    def test_the_draft_fills_to_the_coded_file_byte_for_byte(self, tmp_path: Path) -> None:
        """coded.json is what `fill` writes from draft.json, exactly: nobody edits it by hand.

        Change draft.json, then run `usjapan2024 fill tests/data/authoring/draft.json
        --source tests/data/authoring/communique.txt -o tests/data/authoring/coded.json
        --force`.
        """
        target = tmp_path / "coded.json"
        result = _subprocess("fill", str(DRAFT), "--source", str(TEXT), "-o", str(target))
        assert result.returncode == 0, result.stderr
        assert target.read_bytes() == CODED.read_bytes()
        spans = sum(len(r.sources) for r in _meeting().records()) + len(_meeting().sources)
        spans += len(_meeting().metadata.source.excluded)
        assert f"offsets set from the quotes for {spans} of {spans} spans" in result.stderr


# --- loading and writing -----------------------------------------------------------------


class TestLoading:
    def test_load_and_loads_agree(self) -> None:
        meeting = _meeting()
        assert uj.loads(CODED.read_bytes(), source=TEXT) == meeting
        assert uj.loads(CODED.read_text(encoding="utf-8"), source=_text()) == meeting
        assert meeting.source_text == _text()

    def test_the_records_are_the_files(self) -> None:
        meeting = _meeting()
        for group in _GROUPS:
            assert _ids(getattr(meeting, group)) == _file_ids(group), group

    def test_it_checks(self) -> None:
        assert uj.check(_meeting()) == []
        assert uj.check(_meeting(), source=TEXT) == []

    def test_another_text_is_refused(self) -> None:
        """The text with LF endings is another text: its digest says so."""
        with pytest.raises(uj.DatasetError, match="sha256"):
            uj.loads(CODED.read_bytes(), source=_text().replace("\r\n", "\n"))

    def test_dumps_round_trips(self, tmp_path: Path) -> None:
        meeting = _meeting()
        text = uj.dumps(meeting)
        assert uj.loads(text, source=TEXT) == meeting
        assert uj.dumps(uj.loads(text, source=TEXT)) == text  # a fixed point
        path = tmp_path / "dumped.json"
        uj.dump(meeting, path)
        assert path.read_text(encoding="utf-8") == text
        # The coded file omits what has a default (roles, retired, view): the same data.
        assert json.loads(text) == {**_defaults(), **_with_roles(_document())}

    def test_a_dumped_file_is_its_own_fill(self, tmp_path: Path) -> None:
        path = tmp_path / "dumped.json"
        uj.dump(_meeting(), path)
        result = _subprocess("fill", str(path), "--source", str(TEXT))
        assert result.returncode == 0, result.stderr
        assert result.stdout.encode("utf-8") == path.read_bytes()

    def test_the_json_schema_accepts_it(self) -> None:
        jsonschema = pytest.importorskip("jsonschema")
        schema = uj.json_schema()
        jsonschema.validate(_document(), schema, format_checker=jsonschema.FormatChecker())
        jsonschema.validate(json.loads(uj.dumps(_meeting())), schema)
        cli = json.loads(_in_process("schema").out)
        assert cli == schema


def _defaults() -> dict[str, Any]:
    return {"retired": [], "view": "text", "corrected_by": []}


def _with_roles(value: Any) -> Any:
    """``value`` with ``"role": "own"`` in every span that gives none, as dumps writes it."""
    if isinstance(value, dict):
        found = {k: _with_roles(v) for k, v in value.items()}
        return {**found, "role": "own"} if "quote" in found and "role" not in found else found
    if isinstance(value, list):
        return [_with_roles(item) for item in value]
    return value


# --- queries -----------------------------------------------------------------------------


def _held(record: dict[str, Any], f: Filter) -> list[str]:
    value = record[f.field]
    values = value if isinstance(value, list) else [value]
    return [v for v in values if v is not None]


def _filter_cases() -> list[Any]:
    """Every filter with every value the file's records hold for it."""
    document = _document()
    cases = []
    for f in FILTERS:
        values = dict.fromkeys(v for r in document[f.query] for v in _held(r, f))
        cases += [pytest.param(f, v, id=f"{f.query}-{f.name}-{v}") for v in values]
    return cases


def _expected(f: Filter, value: str) -> list[str]:
    fold = str.casefold if f.fold else str
    return [r["id"] for r in _document()[f.query] if fold(value) in map(fold, _held(r, f))]


class TestQueries:
    @pytest.mark.parametrize(("f", "value"), _filter_cases())
    def test_each_filter_finds_each_value_the_file_holds(self, f: Filter, value: str) -> None:
        query = getattr(uj, f.query)
        assert _ids(query(**{f.name: value}, meeting=_meeting())) == _expected(f, value)

    def test_the_opened_values_are_among_the_filtered(self) -> None:
        """The cases above include the values no bundled vocabulary member has."""
        tried = {(p.values[0].name, p.values[1]) for p in _filter_cases()}
        opened = {("place", "sapporo"), ("partner", "PH")}
        opened.add(("organisation", "jp-ministry-of-the-environment"))
        assert opened <= tried
        place = next(f for f in FILTERS if f.query == "commitments" and f.name == "place")
        assert _expected(place, "sapporo")
        # A member's value in any case; an opened value as files write it (a lower-case
        # slug), so that "Sapporo", like "Russia" for RU, is refused with the valid values.
        found = _commitments(place="sapporo", meeting=_meeting())
        assert _ids(found) == _expected(place, "sapporo")
        with pytest.raises(ValueError, match="lower-case slug"):
            _commitments(place="Sapporo", meeting=_meeting())

    def test_a_declared_value_no_record_holds_is_an_empty_answer(self) -> None:
        assert uj.officials(country=uj.Actor("PH"), meeting=_meeting()) == ()
        assert uj.commitments(place="tokyo", meeting=_meeting()) == ()

    def test_exact_parties(self) -> None:
        both = [c["id"] for c in _document()["commitments"] if set(c["parties"]) == {"US", "JP"}]
        assert _ids(uj.commitments(parties=["JP", "US"], meeting=_meeting())) == both
        assert uj.commitments(parties=uj.Actor("PH"), meeting=_meeting()) == ()

    @pytest.mark.parametrize("record_id", _all_ids())
    def test_get_each_record(self, record_id: str) -> None:
        group = next(g for g in _GROUPS if record_id in _file_ids(g))
        record = uj.get(record_id, meeting=_meeting())
        assert isinstance(record, CLASS_OF[group])
        assert uj.get(record_id, kind=CLASS_OF[group], meeting=_meeting()) is record
        assert _ids([record]) == [record_id]

    def test_get_a_place_and_a_department(self) -> None:
        sapporo = uj.get("sapporo", kind=uj.Location, meeting=_meeting())
        assert (sapporo.name, sapporo.kind) == ("Sapporo", uj.LocationKind.CITY)
        ministry = uj.get("jp-ministry-of-the-environment", kind=uj.Department, meeting=_meeting())
        assert (ministry.kind, ministry.country) == (uj.DepartmentKind.OTHER, uj.Actor.JP)
        (leader,) = uj.officials(organisation=ministry.id, meeting=_meeting())
        assert leader.title in ministry.sources[0].quote
        with pytest.raises(KeyError):
            uj.get("sapporo")  # the bundled meeting has no such record

    @pytest.mark.parametrize("words", ["Sapporo", "陸上電力", "the Philippines", "environment"])
    def test_search(self, words: str) -> None:
        """A record matches when a string it holds, or one of its quotes, holds the words."""
        found = uj.search(words, meeting=_meeting())
        needle = words.casefold()
        expected = {
            r["id"]
            for g in _GROUPS
            for r in _document()[g]
            if any(needle in s.casefold() for s in _strings(r))
        }
        assert set(_ids(found)) == expected
        assert expected
        starts = [r.sources[0].start for r in found]
        assert starts == sorted(starts)

    def test_errata_for(self) -> None:
        erratum = _document()["errata"][0]
        assert _ids(uj.errata_for(erratum["target"], meeting=_meeting())) == [erratum["id"]]

    def test_the_corrected_view(self) -> None:
        """The erratum's value, in a declared vocabulary, stands in its field."""
        erratum = _document()["errata"][0]
        view = uj.corrected(_meeting())
        target = uj.get(erratum["target"], meeting=view)
        assert [v.value for v in getattr(target, erratum["field"])] == erratum["record_value"]
        assert view.corrected_by == (erratum["id"],)
        assert uj.check(view) == []
        assert uj.commitments(place=uj.Place("sapporo"), meeting=view) == ()
        assert uj.loads(uj.dumps(view), source=TEXT) == view

    @pytest.mark.parametrize("record_id", _all_ids())
    def test_each_quote_in_its_sentence(self, record_id: str) -> None:
        """Each sentence is on one line of the text, without its line ending."""
        record = uj.get(record_id, meeting=_meeting())
        lines = _text().split("\r\n")
        shown = uj.in_context(record, meeting=_meeting())
        assert len(shown) == len(record.sources)
        for quote in shown:
            assert quote.missing is None
            assert "\r" not in quote.sentence
            assert any(quote.sentence in line for line in lines)
            assert f"«{quote.quote}»" in str(quote)

    def test_no_record_has_an_entry_in_the_bundled_catalogue(self) -> None:
        """record_url() is for the bundled release: a record of this file gets None."""
        meeting = _meeting()
        assert all(uj.record_url(r, meeting=meeting) is None for r in meeting.records())
        assert uj.record_url(meeting, base="https://example.org") is None
        bundled = uj.load()
        assert uj.record_url(bundled.parties[0], base="https://example.org") is not None

    def test_the_summary_names_the_place_and_counts_every_group(self) -> None:
        document = _document()
        text = summary(_meeting(), width=10_000)
        place = next(p["name"] for p in document["locations"] if p["id"] == document["place"])
        assert text.splitlines()[0] == (
            f'{document["name"]} ("{document["short_name"]}"), {place}, {document["date"]}'
        )
        for group in _GROUPS:
            assert f"\n  {group:<12} {len(document[group]):>3}\n" in text

    @pytest.mark.parametrize("kind", RECORD_KINDS)
    def test_to_records_and_to_frame(self, kind: str) -> None:
        pd = pytest.importorskip("pandas")
        rows = uj.to_records(kind, meeting=_meeting())
        frame = uj.to_frame(kind, meeting=_meeting())
        assert len(frame) == len(rows) == (1 if kind == "meeting" else len(_document()[kind]))
        for name in frame.columns:
            column = frame[name]
            if isinstance(column.dtype, pd.CategoricalDtype):  # no value lost to a NaN
                assert [None if pd.isna(v) else v for v in column] == [r[name] for r in rows]

    def test_the_frames_categories_are_the_declared_values(self) -> None:
        pytest.importorskip("pandas")
        frame = uj.commitments(meeting=_meeting()).to_frame()
        assert list(frame["id"]) == _file_ids("commitments")
        officials = uj.to_frame("officials", meeting=_meeting())
        assert list(officials["organisation"].cat.categories) == _file_ids("departments")
        places = uj.to_frame("locations", meeting=_meeting())["id"]
        assert list(places.cat.categories) == _file_ids("locations")
        assert list(places.astype(str)) == _file_ids("locations")


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


# --- the command line ----------------------------------------------------------------------


@attrs.frozen
class _Ran:
    status: int
    out: str
    err: str


def _in_process(*argv: str) -> _Ran:
    """Run the command line in this process, as ``python -m usjapan2024`` would."""
    out, err = _Stream(terminal=False), _Stream(terminal=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sys, "stdout", out)
        patch.setattr(sys, "stderr", err)
        patch.setattr(sys, "stdin", _Stream(terminal=False))
        patch.setenv("COLUMNS", "80")
        patch.delenv("USJAPAN2024_DOCS_URL", raising=False)
        status = _cli.run(list(argv))
    return _Ran(status, out.bytes().decode("utf-8"), err.bytes().decode("utf-8"))


def _ok(*argv: str) -> str:
    ran = _in_process(*argv)
    assert ran.status == 0, ran.err
    return ran.out


def _subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "usjapan2024", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={"COLUMNS": "80", "PATH": "", "PYTHONIOENCODING": "utf-8", **_CODE_UNDER_TEST},
    )


_LISTINGS = tuple(dict.fromkeys(f.query for f in FILTERS))
"""The listing commands: one per query function with filters, as the CLI builds them."""

_EXERCISED = {
    *_LISTINGS,
    *("summary", "search", "show", "export", "sqlite", "datapackage", "datasette", "validate"),
    *("new", "fill", "schema", "diff"),
}
"""The commands the tests of this module run on the second dataset."""

_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _whole(group: str) -> list[dict[str, Any]]:
    """The records of ``group`` as the file writer writes them, each with its kind."""
    written = json.loads(uj.dumps(_meeting()))
    if group == "meeting":
        return [{"record_kind": "meeting", **written}]
    return [{"record_kind": group, **r} for r in written[group]]


class TestCommandLine:
    def test_every_command_is_exercised(self) -> None:
        """A command added to the command line needs its run on this dataset here."""
        assert set(_cli._HANDLERS) == _EXERCISED

    def test_datasette_describes_the_declared_tables(self) -> None:
        """Datasette's metadata names this file's database and describes its own tables."""
        metadata = json.loads(_ok("datasette", "--database", "second", *_FILE))
        tables = metadata["databases"]["second"]["tables"]
        for group in ("locations", "departments", "parties"):
            assert tables[group]["description"], group
        assert not _UNSAFE.search(json.dumps(metadata, ensure_ascii=False))

    @pytest.mark.parametrize("fmt", _cli.FORMATS)
    @pytest.mark.parametrize("listing", _LISTINGS)
    def test_each_listing_in_each_format(self, listing: str, fmt: str) -> None:
        out = _ok(listing, "--format", fmt, *_FILE)
        ids = _file_ids(listing)
        if fmt == "json":
            assert json.loads(out) == _whole(listing)
        elif fmt == "jsonl":
            assert [json.loads(line) for line in out.splitlines()] == _whole(listing)
        elif fmt == "csv":
            assert [row["id"] for row in csv.DictReader(io.StringIO(out))] == ids
        else:
            assert all(i in out for i in ids)
            assert not _UNSAFE.search(out)

    @pytest.mark.parametrize(("f", "value"), _filter_cases())
    def test_each_filter_option(self, f: Filter, value: str) -> None:
        out = _ok(f.query, f"--{f.name}", value, "--format", "json", *_FILE)
        assert [r["id"] for r in json.loads(out)] == _expected(f, value)

    @pytest.mark.parametrize("record_id", _all_ids())
    def test_show_each_record(self, record_id: str) -> None:
        out = _ok("show", record_id, *_FILE)
        record = uj.get(record_id, meeting=_meeting())
        assert out.splitlines()[0] == f"{type(record).__name__} {record_id}"
        assert not _UNSAFE.search(out)
        assert "\\x0d" not in out  # no line ending shown as part of a sentence
        lines = _text().split("\r\n")
        shown = [line for line in out.splitlines() if line.startswith("    [")]
        assert len(shown) == len(record.sources)
        for line, span in zip(shown, record.sources, strict=True):
            sentence = line.partition(") ")[2].replace("«", "").replace("»", "")
            assert line.startswith(f"    [{span.start}, {span.end}) ")
            assert any(sentence in text_line for text_line in lines)
        whole = json.loads(_ok("show", record_id, "--format", "json", *_FILE))
        assert whole["record_kind"] == kind_of(record).group
        assert whole["id"] == record_id
        assert [e["id"] for e in whole["errata"]] == _ids(
            uj.errata_for(record_id, meeting=_meeting())
        )

    def test_show_in_a_subprocess(self) -> None:
        """The Japanese quote and the emoji reach a real standard output intact."""
        result = _subprocess("show", "commitment.shore-power", *_FILE)
        assert result.returncode == 0, result.stderr
        for span in uj.get("commitment.shore-power", meeting=_meeting()).sources:
            assert span.quote in result.stdout
        assert "\U0001f30a" in result.stdout

    def test_summary(self) -> None:
        assert _ok("summary", *_FILE) == summary(_meeting()) + "\n"
        corrected = _ok("summary", "--corrected", *_FILE)
        assert corrected == summary(uj.corrected(_meeting())) + "\n"

    def test_search(self) -> None:
        out = _ok("search", "sapporo", "--format", "json", *_FILE)
        assert [r["id"] for r in json.loads(out)] == _ids(uj.search("sapporo", meeting=_meeting()))
        assert "(no records)" in _ok("search", "札幌", *_FILE)  # Sapporo in Japanese: not in it

    def test_validate(self) -> None:
        document = _document()
        counts = f"{len(document['commitments'])} commitments, {len(document['threats'])} threats"
        assert _ok("validate", str(CODED), "--source", str(TEXT)) == f"{CODED}: valid ({counts})\n"
        assert _ok("validate", str(CODED), "--source", str(TEXT), "--format", "json") == "[]\n"
        refused = _in_process("validate", str(CODED))  # against the bundled text
        assert refused.status == 1
        assert "sha256" in refused.out

    @pytest.mark.parametrize("fmt", _cli.FORMATS)
    @pytest.mark.parametrize("kind", RECORD_KINDS)
    def test_export_each_kind_in_each_format(self, kind: str, fmt: str) -> None:
        out = _ok("export", kind, "--format", fmt, *_FILE)
        if fmt == "json":
            assert json.loads(out) == _whole(kind)
        elif fmt == "jsonl":
            assert [json.loads(line) for line in out.splitlines()] == _whole(kind)
        elif fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(out, newline="")))
            expected = uj.to_records(kind, meeting=_meeting())
            assert rows == [
                {k: "" if v is None else str(v) for k, v in r.items()} for r in expected
            ]
        else:
            assert not _UNSAFE.search(out)

    def test_export_the_dataset(self) -> None:
        assert _ok("export", "dataset", *_FILE) == uj.dumps(_meeting())
        corrected = _ok("export", "dataset", "--corrected", *_FILE)
        assert corrected == uj.dumps(uj.corrected(_meeting()))

    def test_new(self) -> None:
        assert json.loads(_ok("new", str(TEXT))) == uj.skeleton(TEXT)
        excluded = _document()["metadata"]["source"]["excluded"]
        skeleton = uj.skeleton(TEXT)["metadata"]["source"]["excluded"]
        assert [e["span"] for e in skeleton] == [e["span"] for e in excluded]

    def test_fill(self) -> None:
        assert _ok("fill", str(DRAFT), "--source", str(TEXT)) == CODED.read_text("utf-8")

    def test_diff_with_the_bundled_dataset(self) -> None:
        """Every record one side alone holds is added or removed; the others compared."""
        bundled, second = uj.load(), _meeting()
        result = uj.diff(bundled, second)
        old = {(g, r) for g in _GROUPS for r in _ids(getattr(bundled, g))}
        new = {(g, i) for g in _GROUPS for i in _file_ids(g)}
        assert {
            (_kind(r), i) for r, i in zip(result.added, _ids(result.added), strict=True)
        } == new - old
        assert {
            (_kind(r), i) for r, i in zip(result.removed, _ids(result.removed), strict=True)
        } == old - new
        changed = {(c.kind, c.id) for c in result.changed}
        assert changed <= old & new
        both = old & new
        assert both  # Japan, the United States, Tokyo... are in both
        same = {(g, i) for g, i in both if uj.get(i, meeting=bundled) == uj.get(i, meeting=second)}
        assert changed == both - same
        ran = _in_process(
            "diff", "bundled", str(CODED), "--new-source", str(TEXT), "--format", "json"
        )
        assert ran.status == 1, ran.err
        assert json.loads(ran.out) == json.loads(json.dumps(result.to_json()))
        table = _in_process("diff", "bundled", str(CODED), "--new-source", str(TEXT))
        assert table.status == 1
        assert table.out.startswith(
            f"{len(new - old)} added, {len(old - new)} removed, 0 retired, {len(changed)} changed"
        )
        assert not _UNSAFE.search(table.out)

    def test_diff_in_a_subprocess(self) -> None:
        result = _subprocess("diff", str(CODED), str(CODED), "--source", str(TEXT))
        assert (result.returncode, result.stderr) == (0, ""), result.stderr
        result = _subprocess(
            "diff", "bundled", str(CODED), "--new-source", str(TEXT), "--format", "json"
        )
        assert result.returncode == 1, result.stderr
        assert json.loads(result.stdout) == uj.diff(uj.load(), _meeting()).to_json()


def _kind(record: uj.Record) -> str:
    return kind_of(record).group


# --- the tables ----------------------------------------------------------------------------


class TestTables:
    def test_sqlite(self, tmp_path: Path) -> None:
        from .test_tables import _read_database

        database = tmp_path / "second.db"
        ran = _in_process("sqlite", str(database), *_FILE)
        assert ran.status == 0, ran.err
        document = _document()
        with _connect(database) as connection:
            for group in ("locations", "departments", "parties"):
                rows = connection.execute(f'SELECT * FROM "{group}" ORDER BY rowid').fetchall()  # noqa: S608
                # The tables add each record's place in the file (source_order).
                assert [
                    {k: v for k, v in dict(r).items() if k != "source_order"} for r in rows
                ] == [
                    {k: v for k, v in record.items() if k != "sources"}
                    for record in document[group]
                ]
            labels = {
                (r["vocabulary"], r["value"]): r["label"]
                for r in connection.execute("SELECT * FROM labels")
            }
            sentences = [r[0] for r in connection.execute("SELECT sentence FROM span_sentences")]
        for vocabulary in (uj.Place, uj.Organisation, uj.Actor):
            assert {v: n for (w, v), n in labels.items() if w == vocabulary.__name__} == {
                value.value: name for value, name in declarations(_meeting(), vocabulary).items()
            }
        assert labels["Place", "sapporo"] == "Sapporo"
        assert labels["ProgrammeKind", "exercise"] == uj.ProgrammeKind.EXERCISE.label
        assert sentences
        assert not any("\r" in s for s in sentences)
        assert _read_database(database) == _meeting()

    def test_full_text_search_of_japanese(self, tmp_path: Path) -> None:
        """FTS takes a run of Japanese between punctuation for one word, as the docs say."""
        database = uj.to_sqlite(tmp_path / "fts.db", meeting=_meeting())
        (span,) = [s for s in _meeting().commitments[1].sources if "「" in s.quote]
        run = span.quote.split("「")[1].split("」")[0]  # the words the ministers said

        def found(query: str) -> list[str]:
            with _connect(database) as connection:
                sql = "SELECT record_id FROM records_fts WHERE records_fts MATCH ?"
                return [r[0] for r in connection.execute(sql, (query,))]

        holder = _ids(uj.search(run, meeting=_meeting()))
        assert found(f'"{run}"') == holder == ["commitment.shore-power"]
        assert found(f'"{run[:5]}"*') == holder
        part = "陸上電力"
        assert part in run
        assert _ids(uj.search(part, meeting=_meeting())) == holder
        assert found(f'"{part}"') == []

    def test_datapackage(self, tmp_path: Path) -> None:
        frictionless = pytest.importorskip("frictionless")
        from .test_tables import _read_package

        folder = tmp_path / "second"
        ran = _in_process("datapackage", str(folder), *_FILE)
        assert ran.status == 0, ran.err
        report = frictionless.validate(str(folder / "datapackage.json"))
        assert report.valid, report.flatten(["resourceName", "rowNumber", "type", "note"])
        assert (folder / "source.txt").read_bytes() == TEXT.read_bytes()
        assert _read_package(folder) == _meeting()
        with (folder / "locations.csv").open(encoding="utf-8", newline="") as f:
            assert [r["id"] for r in csv.DictReader(f)] == _file_ids("locations")

    def test_the_python_exports(self, tmp_path: Path) -> None:
        """to_sqlite and to_datapackage write the same tables as the commands."""
        from .test_tables import _read_database

        database = uj.to_sqlite(tmp_path / "python.db", meeting=_meeting())
        assert _read_database(database) == _meeting()
        folder = uj.to_datapackage(tmp_path / "python", meeting=_meeting())
        assert (folder / "source.txt").read_bytes() == TEXT.read_bytes()
