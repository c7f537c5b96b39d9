"""The record-level diff: exact on generated edits, symmetric, and on the command line."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from usjapan2024 import (
    DatasetDiff,
    FieldChange,
    RecordChange,
    RetiredRecord,
    diff,
    dumps,
    load,
    strategies,
)
from usjapan2024._model.kinds import DECLARED_IN, KINDS, Kind, kind_of, record_id
from usjapan2024._querying.diff import render
from usjapan2024.model import Meeting, Record, Retired, Span
from usjapan2024.vocabulary import Place

from .conftest import RELEASES, ROOT

FIXTURE = RELEASES / "usjapan2024-1.0.0.json"


def _with(meeting: Meeting, kind: Kind, records: tuple[Record, ...]) -> Meeting:
    changes: dict[str, Any] = {kind.group: records}
    return attrs.evolve(meeting, **changes)


@st.composite
def _record_of(draw: st.DrawFn, meeting: Meeting) -> tuple[Kind, int, Record]:
    """A kind of ``meeting`` that has records, and one of its records with its index."""
    kinds = [k for k in KINDS if getattr(meeting, k.group)]
    assume(kinds)
    kind = draw(st.sampled_from(kinds))
    index = draw(st.integers(0, len(getattr(meeting, kind.group)) - 1))
    return kind, index, getattr(meeting, kind.group)[index]


@st.composite
def _new_record(draw: st.DrawFn, meeting: Meeting, kind: Kind, id_: str | None = None) -> Record:
    """A record of ``kind`` whose id no record of ``meeting`` has."""
    ids = {record_id(r) for r in meeting.records()}
    strategy = getattr(strategies, kind.group)
    declared = {group: vocabulary for vocabulary, group in DECLARED_IN.items()}
    if kind.group in declared:  # a declaration: its id is a value of its vocabulary
        free = [v for v in declared[kind.group] if v.value not in ids]
        assume(free)
        keyword = {"parties": "actor", "locations": "place", "departments": "organisation"}
        chosen = draw(st.sampled_from(free))
        record: Record = draw(strategy(**{keyword[kind.group]: chosen}))
    else:
        record = draw(strategy(id=id_ or f"new.{kind.group}"))
    assume(record_id(record) not in ids or id_ is not None)
    return record


# --- Equal meetings ----------------------------------------------------------------


@given(strategies.meetings_with_source())
def test_a_meeting_against_itself_is_empty(pair: tuple[Meeting, str]) -> None:
    """A meeting against itself, or against its own round trip, has no differences."""
    meeting, text = pair
    from usjapan2024 import loads

    for other in (meeting, loads(dumps(meeting), source=text)):
        result = diff(meeting, other)
        assert result == DatasetDiff()
        assert result.is_empty()
        assert not result
        assert result.to_text() == "(no differences)"
        assert result.to_json()["equal"] is True


# --- One generated change, reported exactly -----------------------------------------


@given(st.data(), strategies.meetings())
def test_a_changed_field_is_reported_exactly(data: st.DataObject, meeting: Meeting) -> None:
    """Changing one field of one record gives that record, that field, old and new."""
    kind, index, record = data.draw(_record_of(meeting))
    field = data.draw(st.sampled_from([f.name for f in attrs.fields(kind.cls) if f.name != "id"]))
    donor = data.draw(getattr(strategies, kind.group)())
    old, new = getattr(record, field), getattr(donor, field)
    assume(old != new)
    records = list(getattr(meeting, kind.group))
    records[index] = attrs.evolve(record, **{field: new})
    result = diff(meeting, _with(meeting, kind, tuple(records)))
    change = FieldChange(field, old, new)
    assert result == DatasetDiff(changed=(RecordChange(kind.group, record_id(record), (change,)),))
    assert result


@given(st.data(), strategies.meetings())
def test_a_dropped_record_is_removed(data: st.DataObject, meeting: Meeting) -> None:
    """Dropping a record reports it, whole, as removed and as nothing else."""
    kind, index, record = data.draw(_record_of(meeting))
    records = getattr(meeting, kind.group)
    result = diff(meeting, _with(meeting, kind, records[:index] + records[index + 1 :]))
    assert result == DatasetDiff(removed=(record,))


@given(st.data(), strategies.meetings())
def test_an_added_record_is_added(data: st.DataObject, meeting: Meeting) -> None:
    """Inserting a record anywhere reports it, whole, as added and as nothing else."""
    kind = data.draw(st.sampled_from(KINDS))
    record = data.draw(_new_record(meeting, kind))
    records = getattr(meeting, kind.group)
    at = data.draw(st.integers(0, len(records)))
    new = _with(meeting, kind, (*records[:at], record, *records[at:]))
    result = diff(meeting, new)
    assert result == DatasetDiff(added=(record,))
    assert result.to_json()["added"] == [
        {
            "kind": kind.group,
            "id": record_id(record),
            "record": json.loads(dumps(new))[kind.group][at],
        }
    ]


@given(st.data(), strategies.meetings())
def test_a_retired_record_is_retired_not_removed(data: st.DataObject, meeting: Meeting) -> None:
    """A record dropped and listed as retired is reported with its entry, not as removed."""
    kind, index, record = data.draw(_record_of(meeting))
    entry = Retired(record_id(record), ("commitment.successor",), "9.9.9", "split in two")
    records = getattr(meeting, kind.group)
    new = attrs.evolve(
        _with(meeting, kind, records[:index] + records[index + 1 :]),
        retired=(*meeting.retired, entry),
    )
    result = diff(meeting, new)
    assert result.retired == (RetiredRecord(record, entry),)
    assert result.removed == ()
    assert result.meeting == (FieldChange("retired", meeting.retired, new.retired),)
    (entry_json,) = result.to_json()["retired"]
    assert entry_json == {
        "kind": kind.group,
        "id": record_id(record),
        "replaced_by": ["commitment.successor"],
        "since": "9.9.9",
        "reason": "split in two",
        "record": json.loads(dumps(meeting))[kind.group][index],
    }


@given(st.data(), strategies.meetings())
def test_a_record_moved_to_another_kind_is_removed_and_added(
    data: st.DataObject, meeting: Meeting
) -> None:
    """The same id under another kind is a different record: removed from one, added."""
    kinds = [k for k in KINDS if k.group not in DECLARED_IN.values()]
    sources = [k for k in kinds if getattr(meeting, k.group)]
    assume(sources)
    source = data.draw(st.sampled_from(sources))
    target = data.draw(st.sampled_from([k for k in kinds if k != source]))
    index = data.draw(st.integers(0, len(getattr(meeting, source.group)) - 1))
    record = getattr(meeting, source.group)[index]
    moved = data.draw(_new_record(meeting, target, id_=record_id(record)))
    records = getattr(meeting, source.group)
    new = _with(meeting, source, records[:index] + records[index + 1 :])
    new = _with(new, target, (*getattr(new, target.group), moved))
    assert diff(meeting, new) == DatasetDiff(added=(moved,), removed=(record,))


@given(strategies.meetings(), st.sampled_from(["0.0.1", "1.1.0", "10.0.0"]))
def test_metadata_changes_are_dotted_paths(meeting: Meeting, version: str) -> None:
    """A changed dataset version is one change of ``metadata.version``, not of the metadata."""
    assume(version != meeting.metadata.version)
    new = attrs.evolve(meeting, metadata=attrs.evolve(meeting.metadata, version=version))
    expected = (FieldChange("metadata.version", meeting.metadata.version, version),)
    assert diff(meeting, new) == DatasetDiff(meeting=expected)


# --- Any two meetings ----------------------------------------------------------------


@st.composite
def _edited(draw: st.DrawFn) -> tuple[Meeting, Meeting]:
    """Two meetings: unrelated, or the second a few random edits of the first."""
    old = draw(strategies.meetings())
    if draw(st.booleans()):
        return old, draw(strategies.meetings())
    new = old
    for _ in range(draw(st.integers(1, 4))):
        kinds = [k for k in KINDS if getattr(new, k.group)]
        if not kinds:
            break
        kind = draw(st.sampled_from(kinds))
        records = list(getattr(new, kind.group))
        index = draw(st.integers(0, len(records) - 1))
        if draw(st.booleans()):
            del records[index]
        else:
            donor = draw(getattr(strategies, kind.group)())
            field = draw(st.sampled_from([f.name for f in attrs.fields(kind.cls)][1:]))
            records[index] = attrs.evolve(records[index], **{field: getattr(donor, field)})
        new = _with(new, kind, tuple(records))
    return old, new


def _keyed(records: tuple[Record, ...]) -> set[tuple[str, str, Record]]:
    return {(kind_of(r).group, record_id(r), r) for r in records}


@given(_edited())
def test_diff_is_antisymmetric(pair: tuple[Meeting, Meeting]) -> None:
    """diff(b, a) is diff(a, b) mirrored: added and removed swap, old and new swap."""
    a, b = pair
    forth, back = diff(a, b), diff(b, a)
    assert _keyed(forth.added) == _keyed(back.removed) | _keyed(
        tuple(r.record for r in back.retired)
    )
    assert _keyed(back.added) == _keyed(forth.removed) | _keyed(
        tuple(r.record for r in forth.retired)
    )
    mirrored = {
        (c.kind, c.id): tuple(FieldChange(f.field, f.new, f.old) for f in c.fields)
        for c in back.changed
    }
    assert {(c.kind, c.id): c.fields for c in forth.changed} == mirrored
    assert back.meeting == tuple(FieldChange(f.field, f.new, f.old) for f in forth.meeting)
    assert bool(forth) == bool(back) == (a != b)


def _positions(meeting: Meeting) -> dict[tuple[str, str], tuple[int, int]]:
    return {
        (kind.group, record_id(r)): (k, i)
        for k, kind in enumerate(KINDS)
        for i, r in enumerate(getattr(meeting, kind.group))
    }


@given(_edited())
def test_order_is_kinds_then_file_order(pair: tuple[Meeting, Meeting]) -> None:
    """Added and changed records follow the new file; removed and retired ones the old."""
    old, new = pair
    result = diff(old, new)
    in_new, in_old = _positions(new), _positions(old)
    keys = [(kind_of(r).group, record_id(r)) for r in result.added]
    assert keys == sorted(keys, key=in_new.__getitem__)
    keys = [(c.kind, c.id) for c in result.changed]
    assert keys == sorted(keys, key=in_new.__getitem__)
    for records in (result.removed, tuple(r.record for r in result.retired)):
        keys = [(kind_of(r).group, record_id(r)) for r in records]
        assert keys == sorted(keys, key=in_old.__getitem__)


@given(_edited(), st.sampled_from([40, 80, 120]))
def test_text_and_json_forms(pair: tuple[Meeting, Meeting], width: int) -> None:
    """The text fits the width and names every record; the JSON form is JSON and complete."""
    result = diff(*pair)
    text = result.to_text(width)
    assert all(len(line) <= width for line in text.splitlines())
    data = result.to_json()
    assert json.loads(json.dumps(data)) == data  # plain JSON types only, no tuples
    assert data["equal"] is result.is_empty()
    for group in ("added", "removed"):
        assert [(e["kind"], e["id"]) for e in data[group]] == [
            (kind_of(r).group, record_id(r)) for r in getattr(result, group)
        ]
    assert [e["id"] for e in data["retired"]] == [r.retired.id for r in result.retired]
    assert [(e["id"], [f["field"] for f in e["fields"]]) for e in data["changed"]] == [
        (c.id, [f.field for f in c.fields]) for c in result.changed
    ]
    assert [f["field"] for f in data["meeting"]] == [f.field for f in result.meeting]


def test_render() -> None:
    """Values are shown compactly: enums by value, tuples joined, spans with a clipped quote."""
    assert render((Place.OKINAWA, Place.GUAM)) == "okinawa; guam"
    assert render(Span(3, 9, "a  b c")) == "[3, 9) 'a b c'"  # runs of spaces: one
    # A line break or a control is shown, never turned into a space: two values that
    # differ only in one must not look alike.
    assert render(Span(3, 9, "a b\nc")) == "[3, 9) 'a b\\x0ac'"
    assert render("Antony\x1fBlinken") != render("Antony Blinken")
    assert render("a\rb") == "a\\x0db"
    long = Span(0, 100, "x" * 100)
    assert render(long) == f"[0, 100) '{'x' * 39}…'"
    assert render(None) == "(none)"
    assert render(()) == "(empty)"
    assert render("") == "(empty)"
    retired = Retired("a.b", ("c.d", "e.f"), "1.1.0", "split")
    assert render(retired) == "Retired(a.b, c.d; e.f, 1.1.0, split)"


# --- The real 1.0.0 release against the bundled data -----------------------------------


def test_the_1_0_0_release_against_the_bundled_data() -> None:
    """Structural facts that hold whatever the recoding changed."""
    old, new = load(FIXTURE), load()
    result = diff(old, new)
    assert bool(result) == (old != new)
    new_ids = {(kind_of(r).group, record_id(r)) for r in new.records()}
    old_ids = {(kind_of(r).group, record_id(r)) for r in old.records()}
    all_new_ids = {i for _, i in new_ids}
    for record in result.removed:
        assert record_id(record) not in all_new_ids
        assert record_id(record) not in {entry.id for entry in new.retired}
    for entry in result.retired:
        assert entry.retired in new.retired
        assert record_id(entry.record) not in all_new_ids
    for change in result.changed:
        before = {record_id(r): r for r in getattr(old, change.kind)}[change.id]
        after = {record_id(r): r for r in getattr(new, change.kind)}[change.id]
        assert change.fields
        for field in change.fields:
            assert field.old != field.new
            assert (getattr(before, field.field), getattr(after, field.field)) == (
                field.old,
                field.new,
            )
    # Every record is accounted for: an id in one file alone is added, removed or retired.
    added = {(kind_of(r).group, record_id(r)) for r in result.added}
    gone = {(kind_of(r).group, record_id(r)) for r in result.removed}
    gone |= {(kind_of(r.record).group, record_id(r.record)) for r in result.retired}
    assert (added, gone) == (new_ids - old_ids, old_ids - new_ids)
    json.dumps(result.to_json())


# --- The command line -------------------------------------------------------------------


# The code under test, also when it is not the installed copy (PYTHONPATH=src).
_ENV = {"COLUMNS": "80", "PATH": "", "PYTHONIOENCODING": "utf-8"} | {
    k: v for k, v in os.environ.items() if k == "PYTHONPATH"
}


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "usjapan2024", "diff", *args],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        cwd=ROOT,
        env=_ENV,
    )


@pytest.fixture
def renamed(tmp_path: Path) -> Path:
    """The bundled dataset with one field of the meeting and one of a record changed."""
    meeting = load()
    official = attrs.evolve(meeting.officials[0], title="Chief Diplomat")
    edited = attrs.evolve(meeting, short_name="2 + 2", officials=(official, *meeting.officials[1:]))
    path = tmp_path / "renamed.json"
    path.write_text(dumps(edited), encoding="utf-8")
    return path


class TestCommandLine:
    def test_equal_files_exit_0(self) -> None:
        """The same data twice: exit 0, and says so."""
        result = _run(str(FIXTURE), str(FIXTURE))
        assert (result.returncode, result.stdout, result.stderr) == (0, "(no differences)\n", "")
        result = _run("bundled", "bundled", "--format", "json")
        assert result.returncode == 0
        assert json.loads(result.stdout) == DatasetDiff().to_json()

    def test_different_files_exit_1_with_a_table(self, renamed: Path) -> None:
        """Different data: exit 1, each change with its old and new value."""
        result = _run("bundled", str(renamed))
        assert result.returncode == 1, result.stderr
        assert result.stderr == ""
        lines = result.stdout.splitlines()
        assert lines[0] == "0 added, 0 removed, 0 retired, 1 changed; 1 meeting field changed"
        for block in (["    short_name", "      - 2+2", "      + 2 + 2"], ["    title"]):
            at = lines.index(block[0])
            assert lines[at : at + len(block)] == block
        official = load().officials[0]
        assert f"  officials  {official.id}" in lines
        assert f"      - {official.title}" in lines
        assert "      + Chief Diplomat" in lines

    def test_json_is_to_json(self, renamed: Path) -> None:
        """--format json prints what DatasetDiff.to_json() returns."""
        result = _run("bundled", str(renamed), "--format", "json")
        assert result.returncode == 1
        data = json.loads(result.stdout)
        assert data["meeting"] == [{"field": "short_name", "old": "2+2", "new": "2 + 2"}]
        official = load().officials[0]
        assert data["changed"] == [
            {
                "kind": "officials",
                "id": official.id,
                "fields": [{"field": "title", "old": official.title, "new": "Chief Diplomat"}],
            }
        ]
        assert (data["equal"], data["added"], data["removed"], data["retired"]) == (
            False,
            [],
            [],
            [],
        )
        assert json.loads(result.stdout) == diff(load(), load(renamed)).to_json()

    def test_the_release_against_bundled(self) -> None:
        """The main use: the exit status says whether the data changed since 1.0.0."""
        result = _run("1.0.0", "bundled", "--format", "json")
        expected: Any = diff(load(FIXTURE), load())
        assert result.returncode == (1 if expected else 0), result.stderr
        assert json.loads(result.stdout) == expected.to_json()

    def test_releases_by_name(self) -> None:
        """A release's version, or ``release:`` and it, names the file the package ships."""
        result = _run("1.0.0", "release:1.1.0", "--format", "json")
        assert result.returncode == 1, result.stderr
        assert (
            json.loads(result.stdout)
            == diff(load(FIXTURE), load(RELEASES / "usjapan2024-1.1.0.json")).to_json()
        )
        assert _run("1.1.0", "release:1.1.0").returncode == 0

    def test_a_version_that_is_also_a_file_is_ambiguous(self, tmp_path: Path) -> None:
        """Where a file has a release's name, neither is read for the other: exit 2."""
        (tmp_path / "1.0.0").write_bytes(FIXTURE.read_bytes())
        run = functools.partial(
            subprocess.run, capture_output=True, text=True, check=False, cwd=tmp_path, env=_ENV
        )
        base = [sys.executable, "-m", "usjapan2024", "diff"]
        result = run([*base, "1.0.0", "bundled"])
        assert result.returncode == 2
        assert result.stderr == (
            "usjapan2024 diff: error: 1.0.0 is both a release and a file here: write"
            " release:1.0.0 for the release, ./1.0.0 for the file\n"
        )
        assert run([*base, "release:1.0.0", "./1.0.0"]).returncode == 0
        (tmp_path / "9.9.9").write_bytes(FIXTURE.read_bytes())  # not a release: the file
        assert run([*base, "9.9.9", "./1.0.0"]).returncode == 0

    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (("9.9.9", "bundled"), "no release '9.9.9' ships in this package; its releases are"),
            (("bundled", "release:x"), "no release 'release:x' ships"),
            (("no-such-file.json", "bundled"), "no-such-file.json"),
            (("bundled", "tests"), "Is a directory"),
            (("bundled", "bundled", "--format", "csv"), "invalid choice: 'csv'"),
            (("bundled",), "the following arguments are required: NEW"),
            (("bundled", "bundled", "--source", "no-such-text.txt"), "no-such-text.txt"),
        ],
    )
    def test_usage_errors_exit_2(self, args: tuple[str, ...], expected: str) -> None:
        """A file that cannot be read or a bad option: one line on stderr, exit 2."""
        result = _run(*args)
        assert result.returncode == 2
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert expected in result.stderr

    def test_an_invalid_file_exits_2_with_its_problems(self, tmp_path: Path) -> None:
        """Invalid data cannot be compared: every problem on stderr, exit 2 (not 1)."""
        document = json.loads(dumps(load()))
        document["commitments"][0]["topic"] = "trade"
        del document["threats"][1]["kind"]
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        result = _run("bundled", str(path))
        assert result.returncode == 2
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert lines[0] == f"usjapan2024 diff: error: {path} is not a valid dataset (2 problems):"
        assert lines[1].startswith(f"{path}: $.commitments[0].topic: expected one of")
        assert lines[2] == f"{path}: $.threats[1].kind: required field is missing"
        assert len(lines) == 3

    @settings(max_examples=1)
    @given(strategies.meetings_with_source())
    def test_source_is_the_text_of_both_files(self, pair: tuple[Meeting, str]) -> None:
        """--source gives the text that files of another source index into."""
        meeting, text = pair
        tmp_path = Path(tempfile.mkdtemp())
        data, source = tmp_path / "data.json", tmp_path / "source.txt"
        data.write_text(dumps(meeting), encoding="utf-8")
        source.write_text(text, encoding="utf-8", newline="")
        assert _run(str(data), str(data), "--source", str(source)).returncode == 0
        assert _run(str(data), str(data)).returncode == 2  # its spans miss the bundled text

    def test_help_shows_an_example(self) -> None:
        """diff --help ends with a real example, as every subcommand's does."""
        result = _run("--help")
        assert "example:\n  usjapan2024 diff 1.0.0 bundled" in (result.stdout)


# --- How a diff shows itself ---------------------------------------------------------------


class TestDisplays:
    """A diff of two releases holds whole records: its displays must stay readable."""

    RELEASES = ("1.0.0", "1.1.0")

    def test_repr_is_one_line_of_counts(self) -> None:
        result = diff(*self.RELEASES)
        assert repr(result) == (
            f"<DatasetDiff: {len(result.added)} added, {len(result.removed)} removed,"
            f" {len(result.retired)} retired, {len(result.changed)} changed;"
            f" {len(result.meeting)} meeting fields changed>"
        )
        assert repr(DatasetDiff()) == "<DatasetDiff: no differences>"

    def test_str_is_short_and_names_the_first_records(self) -> None:
        result = diff(*self.RELEASES)
        lines = str(result).splitlines()
        assert lines[0] == result.to_text().splitlines()[0]  # the counts
        assert len(lines) <= 40
        assert all(len(line) <= 80 for line in lines)
        assert any(record_id(result.added[0]) in line for line in lines)
        assert f"  … and {len(result.added) - 5} more" in lines
        assert result.changed[0].id in str(result)
        assert len(str(result)) < len(result.to_text()) / 4
        assert str(DatasetDiff()) == "(no differences)"

    @settings(max_examples=20)
    @given(strategies.meetings(), strategies.meetings())
    def test_str_escapes_what_the_data_holds(self, old: Meeting, new: Meeting) -> None:
        """No record's id or field name can print a line of its own or drive a terminal."""
        text = str(diff(old, new))
        assert all(ch == "\n" or ch.isprintable() for ch in text)

    def test_the_frame_has_a_row_per_change(self) -> None:
        pd = pytest.importorskip("pandas")
        result = diff(*self.RELEASES)
        frame = result.to_frame()
        expected = (
            len(result.meeting) + len(result.added) + len(result.removed) + len(result.retired)
            + sum(len(c.fields) for c in result.changed)
        )  # fmt: skip
        assert len(frame) == expected
        assert list(frame.columns) == ["change", "kind", "id", "field", "old", "new"]
        assert isinstance(frame["change"].dtype, pd.CategoricalDtype)
        assert frame.groupby("change", observed=False).size().to_dict() == {
            "meeting": len(result.meeting),
            "added": len(result.added),
            "removed": len(result.removed),
            "retired": len(result.retired),
            "changed": sum(len(c.fields) for c in result.changed),
        }
        changed = frame[frame["change"] == "changed"]
        first = result.changed[0]
        rows = changed[changed["id"] == first.id]
        assert list(rows["field"]) == [f.field for f in first.fields]
        assert list(rows["new"]) == [render(f.new) for f in first.fields]
        (retired,) = result.retired
        row = frame[frame["change"] == "retired"].iloc[0]
        assert row["new"] == "; ".join(retired.retired.replaced_by)
        assert len(DatasetDiff().to_frame()) == 0

    def test_the_notebook_shows_every_group_as_a_table(self) -> None:
        result = diff(*self.RELEASES)
        page = result._repr_html_()
        assert page.startswith('<div class="uj-diff">')
        fields = sum(len(c.fields) for c in result.changed)
        assert f"<summary>added: {len(result.added)} records</summary>" in page
        assert f"<summary>changed: {len(result.changed)} records, {fields} fields</summary>" in page
        assert f"<summary>the meeting: {len(result.meeting)} fields changed</summary>" in page
        assert "<summary>removed" not in page  # an empty group is not shown
        for record in result.added:
            assert f"<td>{record_id(record)}</td>" in page
        assert DatasetDiff()._repr_html_() == "<p>no differences</p>"

    def test_the_notebook_escapes_and_limits(self) -> None:
        from usjapan2024._presenting.changes import diff_html

        meeting = load()
        edited = [attrs.evolve(o, title=f"<b>{i}</b>") for i, o in enumerate(meeting.officials)]
        result = diff(meeting, attrs.evolve(meeting, officials=tuple(edited)))
        page = diff_html(result, limit=2)
        assert "<b>0</b>" not in page
        assert "&lt;b&gt;0&lt;/b&gt;" in page
        assert f"… and {len(edited) - 2} more" in page
