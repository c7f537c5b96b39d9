"""Hostile files stay harmless: a corpus of attacks through every command and export.

Each hostile file is a valid-looking dataset with one attack in it: terminal escapes
and bidi overrides in free text, spreadsheet formulas, a bare carriage return,
confusable and reserved ids, huge numbers, lone surrogates, deep nesting.  The tests
assert exit statuses and the bytes written, never timings.
"""

from __future__ import annotations

import csv
import errno
import gc
import io
import json
import os
import stat
import subprocess
import sys
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import usjapan2024 as uj
from usjapan2024._io.output import EX_IOERR
from usjapan2024._loading.rules import FORMULA_TRIGGERS, ID_PATTERN, formula_trigger
from usjapan2024._presenting.terminal import escape, escape_json
from usjapan2024._tables.csvtext import csv_text
from usjapan2024.exceptions import MAX_PROBLEMS

from .helpers import bundled_document

_CODE_UNDER_TEST = {"PYTHONPATH": str(Path(uj.__file__).parent.parent)}
_TITLE_AND_CLEAR = "\x1b]0;pwned\x07\x1b[2J"
_DANGEROUS = [
    *map(chr, range(0x20)),
    "\x7f",
    *map(chr, range(0x80, 0xA0)),
    "\u061c",
    "\u200b",
    "\u200e",
    "\u200f",
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2066, 0x206A)),
    "\u2028",
    "\u2029",
    "\ufeff",
    "\U000e0001",
]


def _run(
    *args: str, stdin: bytes | None = None, stdout: Any = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, **_CODE_UNDER_TEST, "PYTHONIOENCODING": "utf-8", "COLUMNS": "80"}
    env.pop("USJAPAN2024_DOCS_URL", None)
    return subprocess.run(
        [sys.executable, "-m", "usjapan2024", *args],
        input=stdin, stdout=stdout, stderr=subprocess.PIPE, env=env, check=False,
    )  # fmt: skip


def _hostile(tmp_path: Path, change: Callable[[Any], None], name: str = "hostile.json") -> Path:
    document = bundled_document()
    change(document)
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _no_control(data: bytes) -> None:
    """No character of ``_DANGEROUS`` but newline in ``data`` (UTF-8)."""
    text = data.decode("utf-8")
    found = sorted({c for c in text if c in _DANGEROUS and c != "\n"})
    assert not found, f"control characters reached the output: {found!r}"


def _set_name(value: str) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        document["officials"][0]["name"] = value

    return change


class TestTerminal:
    """Nothing from a data file can drive a terminal."""

    @pytest.mark.parametrize(
        "command",
        [
            ["officials"],
            ["officials", "--format", "jsonl"],
            ["officials", "--format", "json"],
            ["search", "Blinken"],
            ["show", "official.blinken"],
            ["summary"],
            ["export", "officials", "--format", "json"],
        ],
    )
    @pytest.mark.parametrize("attack", [_TITLE_AND_CLEAR, "Antony\u202e nekniLB", "a\rb\x9b2J"])
    def test_escapes_in_free_text(self, tmp_path: Path, command: list[str], attack: str) -> None:
        """Escape sequences, bidi overrides and CR in a name reach no output unescaped."""
        path = _hostile(tmp_path, _set_name(attack))
        result = _run(*command, "--file", str(path))
        assert result.returncode == 0, result.stderr
        _no_control(result.stdout)
        _no_control(result.stderr)

    def test_table_shows_the_escape(self, tmp_path: Path) -> None:
        """The table shows an ESC as the four characters \\x1b, so a reader sees it is there."""
        path = _hostile(tmp_path, _set_name(_TITLE_AND_CLEAR))
        assert b"\\x1b]0;pwned\\x07" in _run("officials", "--file", str(path)).stdout

    def test_json_output_is_the_exact_data(self, tmp_path: Path) -> None:
        """JSON escapes bidi and C1 as \\u escapes: parsed, it is the value itself."""
        attack = "x\u202e\x9b\U000e0041"
        path = _hostile(tmp_path, _set_name(attack))
        result = _run("officials", "--format", "json", "--file", str(path))
        assert json.loads(result.stdout)[0]["name"] == attack
        assert b"\\u202e\\u009b\\udb40\\udc41" in result.stdout

    def test_export_dataset_is_the_exact_data(self, tmp_path: Path) -> None:
        """export dataset parses back to the same meeting, with nothing raw in it."""
        path = _hostile(tmp_path, _set_name("a\u202eb\x1b[2J"))
        result = _run("export", "dataset", "--file", str(path))
        _no_control(result.stdout)
        assert uj.loads(result.stdout) == uj.load(path)

    def test_unknown_field_names_are_escaped(self, tmp_path: Path) -> None:
        """A misspelt key full of escapes is named escaped, on one line, by every command."""

        def change(document: Any) -> None:
            document["threats"][0]["\x1b[2J\nfake: line"] = 1

        path = _hostile(tmp_path, change)
        for command in (["validate", str(path)], ["officials", "--file", str(path)]):
            result = _run(*command)
            assert result.returncode == 1
            _no_control(result.stdout + result.stderr)
            assert b"\\x1b[2J\\x0afake: line" in result.stdout + result.stderr

    def test_diff_is_escaped(self, tmp_path: Path) -> None:
        """The diff table shows changed values escaped."""
        path = _hostile(tmp_path, _set_name(_TITLE_AND_CLEAR))
        result = _run("diff", "bundled", str(path))
        assert result.returncode == 1
        _no_control(result.stdout)
        assert b"\\x1b" in result.stdout

    def test_csv_on_a_pipe_is_exact(self, tmp_path: Path) -> None:
        """CSV to a file or a pipe is the data itself: only a terminal gets it escaped."""
        path = _hostile(tmp_path, _set_name("a\x1bb"))
        rows = list(csv.DictReader(io.StringIO(_run("officials", "--format", "csv", "--file",
                                                    str(path)).stdout.decode())))  # fmt: skip
        assert rows[0]["name"] == "a\x1bb"

    @given(st.text())
    def test_escape_leaves_no_control_character(self, text: str) -> None:
        """Whatever the text, what escape() returns holds no character it escapes."""
        shown = escape(text)
        assert not any(c in _DANGEROUS for c in shown)
        assert escape(shown) == shown
        kept = escape(text, newlines=True)
        assert kept.count("\n") == text.count("\n")

    @given(st.text())
    def test_escape_json_is_exact(self, text: str) -> None:
        """JSON text escaped for a terminal parses back to the very same value."""
        written = escape_json(json.dumps({"v": text}, ensure_ascii=False))
        assert json.loads(written) == {"v": text}
        assert not any(c in _DANGEROUS for c in written.replace("\n", ""))


class TestSpreadsheets:
    """Nothing from a data file runs in a spreadsheet; the CSVs are still the data."""

    @pytest.mark.parametrize(
        "attack", ['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                   "\t=1", "\r=1", "\uff1d1+1"],
    )  # fmt: skip
    def test_formula_is_refused_at_its_path(self, tmp_path: Path, attack: str) -> None:
        """A free-text value that begins with a formula trigger is a data problem, exit 1."""
        path = _hostile(tmp_path, _set_name(attack))
        result = _run("validate", str(path))
        assert result.returncode == 1
        assert b"$.officials[0].name: begins with" in result.stdout
        for command in (["sqlite", str(tmp_path / "x.db")], ["export", "officials"]):
            assert _run(*command, "--file", str(path)).returncode == 1
        assert not (tmp_path / "x.db").exists()

    def test_formula_in_a_quote_is_refused(self) -> None:
        """A quote, a list item and a nested title are held to the same rule."""
        document = bundled_document()
        document["commitments"][0]["subjects"] = ["ok", "=1+1"]
        document["errata"][0]["references"][0]["title"] = "@x"
        with pytest.raises(uj.DatasetError) as info:
            uj.loads(json.dumps(document))
        paths = [p.path for p in info.value.problems]
        assert paths == ["$.commitments[0].subjects[1]", "$.errata[0].references[0].title"]

    def test_bare_cr_is_quoted(self, tmp_path: Path) -> None:
        """A CR inside a field is quoted, so readers keep the row whole."""
        path = _hostile(tmp_path, _set_name("Antony\rBlinken"))
        out = _run("officials", "--format", "csv", "--file", str(path)).stdout
        assert b'"Antony\rBlinken"' in out
        rows = list(csv.DictReader(io.StringIO(out.decode("utf-8"), newline="")))
        assert [r["name"] for r in rows][:2] == ["Antony\rBlinken", "Lloyd Austin"]
        pandas = pytest.importorskip("pandas")
        frame = pandas.read_csv(io.BytesIO(out), dtype=str, keep_default_na=False)
        assert list(frame["name"][:2]) == ["Antony\rBlinken", "Lloyd Austin"]

    @given(st.text(min_size=1))
    def test_csv_cells_round_trip(self, text: str) -> None:
        """Any text loading accepts is a CSV cell that reads back as itself, no formula."""
        if formula_trigger(text):
            return  # refused at load: test_formula_is_refused_at_its_path
        written = csv_text(["a", "b"], [{"a": text, "b": text}])
        (row,) = list(csv.DictReader(io.StringIO(written, newline="")))
        assert row == {"a": text, "b": text}
        cell = written.split("\n", 1)[1]
        assert cell[:1] not in FORMULA_TRIGGERS
        assert cell.lstrip('"')[:1] not in FORMULA_TRIGGERS

    def test_trigger_list(self) -> None:
        """The rule covers OWASP's list and the full-width forms, not an inner minus."""
        assert {"=", "+", "-", "@", "\t", "\r"} <= FORMULA_TRIGGERS
        assert not formula_trigger("Indo-Pacific")
        assert formula_trigger("\uff20x")


class TestIds:
    """Ids follow one pattern; strings hold something."""

    @pytest.mark.parametrize(
        "bad",
        ["", " official.blinken", "official.blinken\n", "official.bli\u200bnken",
         "\u043efficial.blinken", "meeting", "Official.Blinken", "official..x", "official.a--b"],
    )  # fmt: skip
    def test_bad_ids_are_refused(self, bad: str) -> None:
        """Empty, reserved, spaced, invisible and confusable ids are each a problem."""
        document = bundled_document()
        document["officials"][0]["id"] = bad
        with pytest.raises(uj.DatasetError) as info:
            uj.loads(json.dumps(document))
        assert "$.officials[0].id" in [p.path for p in info.value.problems]

    def test_bundled_and_generated_ids_fit(self) -> None:
        """Every bundled id but a party's fits the pattern."""
        meeting = uj.load()
        for group in ("officials", "programmes", "events", "commitments", "threats", "errata"):
            for record in getattr(meeting, group):
                assert ID_PATTERN.fullmatch(record.id), record.id

    def test_empty_optional_string_is_refused(self) -> None:
        """An empty string is refused even where the field is optional: null says none."""
        document = bundled_document()
        document["programmes"][0]["acronym"] = ""
        with pytest.raises(uj.DatasetError) as info:
            uj.loads(json.dumps(document))
        assert [p.path for p in info.value.problems] == ["$.programmes[0].acronym"]

    def test_lone_surrogate_in_a_str(self) -> None:
        """A raw lone surrogate in a Python str is refused as an escaped one is."""
        text = uj.dumps(uj.load()).replace("Antony Blinken", "Antony \ud800Blinken", 1)
        with pytest.raises(uj.DatasetError) as info:
            uj.loads(text)
        assert info.value.problems[0].path == "$.officials[0].name"

    def test_exports_check_a_meeting_built_in_code(self, tmp_path: Path) -> None:
        """to_sqlite() and to_datapackage() refuse what dumps() refuses, and more."""
        meeting = uj.load()
        for bad in (attrs.evolve(meeting, name=5),  # type: ignore[arg-type]
                    attrs.evolve(meeting, name="=1"),
                    attrs.evolve(meeting, officials=(attrs.evolve(meeting.officials[0],
                                                                  id="meeting"),))):  # fmt: skip
            with pytest.raises(uj.DatasetError) as info:
                uj.to_sqlite(tmp_path / "x.db", meeting=bad)
            assert info.value.problems
            with pytest.raises(uj.DatasetError):
                uj.to_datapackage(tmp_path / "p", meeting=bad)
        assert sorted(p.name for p in tmp_path.iterdir()) == []


class TestBoundedCost:
    """Bad input costs about what good input of the same size costs."""

    def test_problems_are_capped_and_counted(self) -> None:
        """A million bad items give MAX_PROBLEMS problems and the exact count of the rest."""
        document = bundled_document()
        document["commitments"] = [1] * 10_000
        with pytest.raises(uj.DatasetError) as info:
            uj.loads(json.dumps(document))
        assert len(info.value.problems) == MAX_PROBLEMS
        assert info.value.more == 10_000 - MAX_PROBLEMS
        assert str(info.value).endswith(f"... and {10_000 - MAX_PROBLEMS} more problems")

    def test_missing_keys_are_counted_exactly(self) -> None:
        """Empty objects: every missing field is counted, past the cap too."""
        document = bundled_document()
        document["threats"] = [{}] * 50
        with pytest.raises(uj.DatasetError) as info:
            uj.loads(json.dumps(document))
        required = [a for a in attrs.fields(uj.Threat) if a.default is attrs.NOTHING]
        assert len(info.value.problems) + info.value.more == 50 * len(required)

    def test_memory_on_an_invalid_file(self) -> None:
        """Peak memory on an invalid file is within a small multiple of a valid one's."""
        document = bundled_document()
        first = document["commitments"][0]
        document["commitments"] += [dict(first, id=f"commitment.copy-{i}") for i in range(2000)]
        valid = json.dumps(document)
        document["commitments"] = [1] * (len(valid) // 3)
        invalid = json.dumps(document)

        def peak(text: str) -> int:
            tracemalloc.start()
            try:
                uj.loads(text)
            except uj.DatasetError:
                pass
            finally:
                size = tracemalloc.get_traced_memory()[1]
                tracemalloc.stop()
            return size

        assert peak(invalid) < 3 * peak(valid)

    def test_huge_version_and_another_problem(self, tmp_path: Path) -> None:
        """A 5000-digit version with another problem is bad data, not a ValueError."""

        def change(document: Any) -> None:
            document["metadata"]["version"] = "9" * 5000
            document["name"] = 5

        path = _hostile(tmp_path, change)
        assert _run("validate", str(path)).returncode == 1
        assert _run("diff", "bundled", str(path)).returncode == 2

    @pytest.mark.parametrize("text", ["[" * 100_000, '{"a": ' + "9" * 5000 + "}", '{"a": NaN}'])
    def test_unreadable_documents(self, text: str) -> None:
        """Deep nesting, huge numbers and NaN: exit 1 with a message, never 70."""
        result = _run("validate", "-", stdin=text.encode())
        assert result.returncode == 1
        assert b"problem" in result.stdout


class TestWrites:
    """Every write is checked; what is replaced keeps its mode."""

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
    @pytest.mark.parametrize(
        "command", [["export", "dataset"], ["officials"], ["summary"], ["schema"],
                    ["export", "commitments"], ["validate", "-"]],
    )  # fmt: skip
    def test_a_full_disk_is_exit_74(self, command: list[str]) -> None:
        """ENOSPC on standard output is an error with a message, never a silent 0."""
        with Path("/dev/full").open("wb") as full:
            result = _run(*command, stdin=uj.dumps(uj.load()).encode(), stdout=full)
        assert result.returncode == EX_IOERR
        assert b"No space left on device" in result.stderr

    @pytest.mark.skipif(sys.platform == "win32", reason="closes a file descriptor")
    def test_closed_stdout_is_exit_74(self) -> None:
        """With standard output closed, export dataset says so: 74, not 70."""
        env = {**os.environ, **_CODE_UNDER_TEST}
        code = "import os, runpy, sys; os.close(1); sys.argv = ['x', 'export', 'dataset'];"
        code += " runpy.run_module('usjapan2024', run_name='__main__')"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env,
                                check=False)  # fmt: skip
        assert result.returncode == EX_IOERR
        assert b"standard output" in result.stderr

    def test_closed_pager_is_quiet(self) -> None:
        """A reader that stops reading ends the command quietly."""
        env = {**os.environ, **_CODE_UNDER_TEST}
        with subprocess.Popen([sys.executable, "-m", "usjapan2024", "export", "dataset"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env) as process:  # fmt: skip
            assert process.stdout is not None
            process.stdout.read(10)
            process.stdout.close()
            assert process.stderr is not None
            stderr = process.stderr.read()
        assert process.returncode == 0
        assert stderr == b""

    def test_file_keeps_its_mode(self, tmp_path: Path) -> None:
        """dump() and --force give the new file the old one's mode (0600 stays private)."""
        target = tmp_path / "data.json"
        target.write_text("old")
        target.chmod(0o600)
        uj.dump(uj.load(), target)
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        database = tmp_path / "x.db"
        database.write_bytes(b"")
        database.chmod(0o640)
        assert _run("sqlite", "--force", str(database)).returncode == 0
        assert stat.S_IMODE(database.stat().st_mode) == 0o640

    def test_read_only_target_is_refused_by_name(self, tmp_path: Path) -> None:
        """A 0444 target is not replaced without a word; the message names it."""
        database = tmp_path / "x.db"
        database.write_bytes(b"keep")
        database.chmod(0o444)
        result = _run("sqlite", "--force", str(database))
        assert result.returncode == 2
        assert str(database).encode() in result.stderr
        assert b".partial" not in result.stderr
        assert database.read_bytes() == b"keep"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db"]

    @pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                        reason="root may write in any folder")  # fmt: skip
    def test_unwritable_folder_names_the_target(self, tmp_path: Path) -> None:
        """No permission in the folder: the message names the target, not the temporary."""
        folder = tmp_path / "locked"
        folder.mkdir(mode=0o500)
        with pytest.raises(PermissionError) as info:
            uj.to_sqlite(folder / "x.db")
        assert "x.db" in str(info.value)
        assert ".partial" not in str(info.value)

    def test_folder_gets_the_umask_mode(self, tmp_path: Path) -> None:
        """A new Data Package folder gets the mode the umask gives (not 0700)."""
        old = os.umask(0o022)
        try:
            uj.to_datapackage(tmp_path / "p")
        finally:
            os.umask(old)
        assert stat.S_IMODE((tmp_path / "p").stat().st_mode) == 0o755

    def test_concurrent_force_runs(self, tmp_path: Path) -> None:
        """Concurrent replacements of one folder all finish, and leave nothing hidden."""
        target = tmp_path / "p"
        uj.to_datapackage(target)
        failures: list[BaseException] = []

        def replace() -> None:
            try:
                for _ in range(3):
                    uj.to_datapackage(target, overwrite=True)
            except BaseException as error:  # noqa: BLE001  (collected for the assertion)
                failures.append(error)

        threads = [threading.Thread(target=replace) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert failures == []
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]
        assert (target / "datapackage.json").is_file()

    def test_full_disk_on_a_file_target(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A write that fails with ENOSPC leaves the target as it was, and says so: 74."""
        from usjapan2024 import _cli
        from usjapan2024._tables import sqlite

        database = tmp_path / "x.db"
        database.write_bytes(b"old")

        def full(*_: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(sqlite, "_fill", full)
        assert _cli.run(["sqlite", "--force", str(database)]) == EX_IOERR
        assert database.read_bytes() == b"old"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db"]


class TestShared:
    """Results and the collector's state are safe to share."""

    def test_results_are_immutable(self) -> None:
        """Setting an attribute on a query's result fails; the next caller is unaffected."""
        found = uj.threats(actor="KP")
        with pytest.raises(AttributeError, match="immutable"):
            found.kind = uj.Official  # type: ignore[assignment]
        with pytest.raises(AttributeError):
            del found.kind
        assert uj.threats(actor="KP").kind is uj.Threat

    def test_gc_disabled_by_the_application_stays_disabled(self) -> None:
        """A load does not turn the collector back on behind the application's back."""
        text = uj.dumps(uj.load())
        gc.disable()
        try:
            uj.loads(text)
            assert not gc.isenabled()
        finally:
            gc.enable()
        uj.loads(text)
        assert gc.isenabled()

    def test_docs_url_must_be_http_or_file(self) -> None:
        """A javascript: address becomes no link at all."""
        assert uj.record_url("JP", base="javascript:alert(1)") is None
        assert uj.record_url("JP", base="https://example.org") is not None


class TestSafeWrites:
    """The write helpers name the target, and work without renameat2 too."""

    def test_errors_name_the_target(self, tmp_path: Path) -> None:
        """An error about the hidden temporary file is re-raised about the target."""
        from usjapan2024._io.safe import new_file

        target = tmp_path / "x.json"
        with pytest.raises(PermissionError) as info, new_file(target, overwrite=False) as partial:
            raise PermissionError(errno.EACCES, "Permission denied", str(partial))
        assert str(target) in str(info.value)
        assert ".partial" not in str(info.value)
        with (
            pytest.raises(OSError, match="No space left") as full,
            new_file(target, overwrite=False) as partial,
        ):
            raise OSError(errno.ENOSPC, "No space left on device", str(partial))
        assert full.value.filename == str(target)
        assert sorted(p.name for p in tmp_path.iterdir()) == []

    def test_sqlite_full_disk_is_an_os_error(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """SQLite's "database or disk is full" reaches the caller as ENOSPC."""
        import sqlite3

        from usjapan2024._tables import sqlite

        def full(*_: object) -> None:
            raise sqlite3.OperationalError("database or disk is full")

        monkeypatch.setattr(sqlite, "_fill", full)
        with pytest.raises(OSError, match="No space left") as info:
            uj.to_sqlite(tmp_path / "x.db")
        assert info.value.errno == errno.ENOSPC
        assert sorted(p.name for p in tmp_path.iterdir()) == []

    def test_replacing_without_renameat2(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Where renameat2 is missing, two renames replace the folder, leaving nothing."""
        from usjapan2024._io import safe

        monkeypatch.setattr(safe, "_renameat2", lambda: None)
        target = tmp_path / "p"
        uj.to_datapackage(target)
        (target / "datapackage.json").write_text("{}")
        uj.to_datapackage(target, overwrite=True)
        assert json.loads((target / "datapackage.json").read_text())["name"] == "usjapan2024"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["p"]

    @pytest.mark.skipif(not sys.platform.startswith("linux"), reason="renameat2 is Linux's")
    def test_renameat2_is_used_on_linux(self) -> None:
        """On Linux (glibc 2.28 and later) the one-step exchange is available."""
        from usjapan2024._io import safe

        if safe._renameat2() is None:
            pytest.skip("this C library has no renameat2")
        assert safe._renameat2() is not None

    def test_a_folder_replaced_keeps_its_mode(self, tmp_path: Path) -> None:
        """A Data Package folder written over another takes the old folder's mode."""
        target = tmp_path / "p"
        uj.to_datapackage(target)
        target.chmod(0o750)
        uj.to_datapackage(target, overwrite=True)
        assert stat.S_IMODE(target.stat().st_mode) == 0o750


class TestRoundTrips:
    """Hostile but allowed text goes through every export and comes back as it was."""

    @pytest.mark.parametrize(
        "text", ["a\rb", "x\x1b[2J\u202ey", 'say "=1", then, 2', "a\r\n=b", "Indo-Pacific; +2"]
    )
    def test_data_package_and_database(self, tmp_path: Path, text: str) -> None:
        """The Data Package (read with frictionless) and the database give back the value."""
        from .test_tables import _read_database, _read_package

        meeting = uj.load()
        official = attrs.evolve(meeting.officials[0], name=text, title=text)
        hostile = attrs.evolve(meeting, officials=(official, *meeting.officials[1:]))
        uj.to_datapackage(tmp_path / "p", meeting=hostile)
        uj.to_sqlite(tmp_path / "x.db", meeting=hostile)
        assert _read_package(tmp_path / "p").officials[0].name == text
        assert _read_database(tmp_path / "x.db") == hostile
        with (tmp_path / "p" / "officials.csv").open(encoding="utf-8", newline="") as f:
            cells = [cell for row in csv.reader(f) for cell in row]
        assert text in cells
        assert not any(formula_trigger(cell) for cell in cells)
