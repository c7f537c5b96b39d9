"""Hostile files stay harmless: a corpus of attacks through every command and export.

Each hostile file is a valid-looking dataset with one attack in it: terminal escapes
and bidi overrides in free text, spreadsheet formulas, a bare carriage return,
confusable and reserved ids, huge numbers, lone surrogates, deep nesting.  The tests
assert exit statuses and the bytes written, never timings.
"""

from __future__ import annotations

import csv
import errno
import functools
import gc
import io
import json
import os
import re
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
from usjapan2024._loading.rules import FORMULA_TRIGGERS, ID_PATTERN, NUL, formula_trigger
from usjapan2024._model.kinds import RECORD_KINDS
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
        if formula_trigger(text) or NUL in text:
            return  # refused at load: test_formula_is_refused_at_its_path, and the NUL rule
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

    @pytest.mark.parametrize("command", ["sqlite", "datapackage"])
    def test_read_only_target_is_refused_by_name(self, tmp_path: Path, command: str) -> None:
        """A 0444 file (a 0555 folder) is not replaced without a word: exit 2, named.

        The check reads the mode bits, so it holds for root too, whom the system lets
        write anything.
        """
        if command == "sqlite":
            target = tmp_path / "x.db"
            target.write_bytes(b"keep")
            target.chmod(0o444)
        else:
            target = tmp_path / "p"
            uj.to_datapackage(target)
            target.chmod(0o555)
        before = sorted(p.name for p in target.iterdir()) if target.is_dir() else None
        try:
            result = _run(command, "--force", str(target))
        finally:
            target.chmod(0o755)
        assert result.returncode == 2
        (line,) = result.stderr.decode().splitlines()
        assert line.startswith(f"usjapan2024 {command}: error: cannot replace {target}: it is")
        assert "read-only" in line
        assert "[Errno" not in line
        assert ".partial" not in line
        if before is None:
            assert target.read_bytes() == b"keep"
        else:
            assert sorted(p.name for p in target.iterdir()) == before
        assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]

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

    @pytest.mark.parametrize("command", ["sqlite", "datapackage"])
    def test_unwritable_folder_on_the_command_line(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
    ) -> None:
        """The folder refuses the temporary file: exit 2, one line naming the target.

        The refusal is simulated (the system's, raised about the temporary name), so that
        the test holds for root too, whom the system lets write in any folder.
        """

        def refused(self: Path, *_: object, **__: object) -> None:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))

        monkeypatch.setattr(Path, "touch" if command == "sqlite" else "mkdir", refused)
        target = tmp_path / ("x.db" if command == "sqlite" else "p")
        with pytest.raises(PermissionError) as info:
            (uj.to_sqlite if command == "sqlite" else uj.to_datapackage)(target)
        assert str(target) in str(info.value)
        assert ".partial" not in str(info.value)
        ran = _in_process([command, str(target)], monkeypatch)
        assert ran.status == 2
        (line,) = ran.err.decode().splitlines()
        expected = f"usjapan2024 {command}: error: cannot write {target}: no permission to write"
        assert line.startswith(expected)
        assert "[Errno" not in line
        assert ".partial" not in line
        assert sorted(p.name for p in tmp_path.iterdir()) == []

    def test_unreadable_file_is_named_without_errno(self) -> None:
        """A file that cannot be read: exit 2, its name and the reason, no [Errno 2]."""
        result = _run("validate", "no-such-file.json")
        assert result.returncode == 2
        assert result.stderr == (
            b"usjapan2024 validate: error: no-such-file.json: No such file or directory\n"
        )

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


# --- The corpus, through every command --------------------------------------------------
#
# Every hostile file runs through every subcommand of the command line (and the variants
# that take another path through it: each --format, --corrected, standard input, a
# terminal), in this process, with standard output and standard error as UTF-8 bytes.
# A file that loads (hostile in its content only) must give exit 0, or the command's own
# status (diff: 1, "they differ"); one that does not must be refused as bad data (1;
# diff: 2) by every command.  Never 70, which means a bug.  And whatever the status:
# no control character in any text for people, JSON that parses back to the exact values,
# CSV cells that are the values exactly and none a spreadsheet runs, written files
# likewise, nothing written for a refused file.


@attrs.frozen
class _File:
    """One file of the corpus: its bytes, the source text it indexes, whether it loads."""

    data: bytes
    valid: bool
    source: str | None = None


def _file_of(change: Callable[[Any], None], *, valid: bool) -> _File:
    document = bundled_document()
    change(document)
    return _File(json.dumps(document, ensure_ascii=False).encode("utf-8"), valid)


def _set(*changes: tuple[str, object]) -> Callable[[Any], None]:
    """A change of the document: each ``("group.index.field...", value)`` set in turn."""

    def change(document: Any) -> None:
        for where, value in changes:
            *parents, last = (int(k) if k.isdigit() else k for k in where.split("."))
            node = document
            for key in parents:
                node = node[key]
            node[last] = value

    return change


def _escapes() -> _File:
    """Terminal escapes, OSC 8 links, bidi, C1, invisible and astral characters everywhere."""
    return _file_of(
        _set(
            ("name", "Japan\x1b]0;x\x07 Committee"),
            ("short_name", "2\u202e+2"),
            ("metadata.title", "t\x1b[5mitle"),
            ("metadata.version", "1.1.0\x1b[2J"),
            ("metadata.licence", "lic\x07ence \u2066isolated\u2069"),
            ("metadata.citation", "cit\u202eation"),
            ("metadata.source.title", "source\x1b\\"),
            ("metadata.source.url", "https://x.example/\x1b[2J"),
            ("officials.0.name", _TITLE_AND_CLEAR),
            ("officials.0.title", "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\"),
            ("parties.0.name", "United\x1bStates"),
            ("programmes.0.description", "\u202egnp.exe"),
            ("programmes.0.acronym", "U\u200bSFJ"),
            ("events.0.description", "x\x9b2J y\x85z"),
            ("commitments.0.summary", "a\x1b[2J\x1b[H b\x08\x08c\x7f"),
            ("commitments.0.subjects", ["\u200bzero", "tag\U000e0041", "emoji \U0001f600"]),
            ("threats.0.summary", "\u2028line\u2029para \ufeffbom \u00adshy"),
            ("errata.0.record_says", "says\x1b[31m red"),
            ("errata.0.references.0.title", "\U000e0001tagged"),
            ("errata.0.record_value", "Minoru\x1b[2JKihara"),
            ("retired.0.reason", "reason\x1b[2J\u202e"),
        ),
        valid=True,
    )


def _carriage_returns() -> _File:
    """CR, CRLF, newline and tab inside values: quoted in CSV, escaped on a terminal."""
    return _file_of(
        _set(
            ("officials.0.name", "Antony\rBlinken"),
            ("commitments.0.summary", "first\r\nsecond\nthird"),
            ("threats.0.summary", "a\rb\t=c"),
            ("errata.0.record_value", "Minoru\rKihara"),
        ),
        valid=True,
    )


def _inner_formulas() -> _File:
    """Formula characters anywhere but first: allowed, and harmless in a spreadsheet."""
    return _file_of(
        _set(
            ("officials.0.name", "Indo-Pacific; +2"),
            ("officials.0.title", 'say "=1", then, 2'),
            ("commitments.0.summary", "a\r\n=b"),
            ("threats.0.summary", "x\n@SUM(A1)"),
            ("commitments.0.subjects", ["ok", "a =1", "'=quoted"]),
        ),
        valid=True,
    )


def _hostile_source() -> _File:
    """A source text of escapes and a formula, quoted by a record: ``show`` prints its sentence."""
    from usjapan2024._io.bundled import source_text

    text = source_text()
    quote = "\x1b]0;pwned\x07 Antony \u202eBlinken\x9b2J said =cmd|' /C calc'!A0"
    extra = f"\nThe\x00 minister\u202e said: {quote} and\x1b[2J left.\r"
    start = len(text) + extra.index(quote)
    hostile = text + extra

    def change(document: Any) -> None:
        document["officials"][0]["sources"].append(
            {"start": start, "end": start + len(quote), "quote": quote, "role": "own"}
        )
        document["metadata"]["source"]["sha256"] = uj.text_digest(hostile)

    return attrs.evolve(_file_of(change, valid=True), source=hostile)


def _raw(text: str) -> _File:
    """A file that does not load, as text (a lone surrogate in it written as UTF-8 would be)."""
    return _File(text.encode("utf-8", "surrogatepass"), valid=False)


def _replaced(old: str, new: str) -> _File:
    """The bundled file with its first ``old`` replaced by ``new``, as raw JSON text."""
    text = json.dumps(bundled_document())
    assert old in text
    return _raw(text.replace(old, new, 1))


_START = '"start": 165'

_CORPUS: dict[str, Callable[[], _File]] = {
    # Hostile in content only: these load, and every command must show them harmlessly.
    "escapes": _escapes,
    "carriage-returns": _carriage_returns,
    "inner-formulas": _inner_formulas,
    "hostile-source": _hostile_source,
    "huge-version": lambda: _file_of(_set(("metadata.version", "9" * 5000)), valid=True),
    # Refused: every command must say the file is bad data, and harmlessly.
    "formulas": lambda: _file_of(
        _set(
            ("officials.0.name", '=HYPERLINK("http://x")'),
            ("officials.0.title", "+cmd|' /C calc'!A0"),
            ("commitments.0.summary", "-2+3"),
            ("threats.0.summary", "@SUM(A1)"),
            ("events.0.description", "\t=1"),
            ("programmes.0.description", "\r=1"),
            ("commitments.0.subjects", ["\uff1d1+1"]),
        ),
        valid=False,
    ),
    "nul": lambda: _file_of(_set(("commitments.0.summary", "a\x00b")), valid=False),
    "empty-string": lambda: _file_of(_set(("programmes.0.acronym", "")), valid=False),
    "confusable-id": lambda: _file_of(
        _set(("officials.0.id", "\u043efficial.blinken")), valid=False
    ),
    "reserved-id": lambda: _file_of(_set(("officials.0.id", "meeting")), valid=False),
    "invisible-id": lambda: _file_of(
        _set(("officials.0.id", "official.bli\u200bnken\n")), valid=False
    ),
    "unknown-key": lambda: _file_of(_set(("threats.0.\x1b[2J\nfake: line\u202e", 1)), valid=False),
    "bad-vocabulary": lambda: _file_of(
        _set(("commitments.0.parties", ["\x1b[2JUS\u202e"])), valid=False
    ),
    "huge-version-and-problem": lambda: _file_of(
        _set(("metadata.version", "9" * 5000), ("name", 5)), valid=False
    ),
    "many-problems": lambda: _file_of(_set(("commitments", [1] * 5000)), valid=False),
    "huge-integer": lambda: _replaced(_START, '"start": ' + "9" * 5000),
    "huge-offset": lambda: _replaced(_START, f'"start": {2**70}'),
    "huge-float": lambda: _replaced(_START, '"start": 1e999'),
    "nan": lambda: _replaced(_START, '"start": NaN'),
    "lone-surrogate": lambda: _replaced("Antony Blinken", "Antony \\ud800Blinken"),
    "surrogate-bytes": lambda: _replaced("Antony Blinken", "Antony \ud800Blinken"),
    "not-utf8": lambda: _File(
        _replaced("Antony Blinken", "Antony \x1b]0;x\x07").data.replace(
            b"\x1b]0;x\x07", b"\xff\x1b]0;x\x07"
        ),
        valid=False,
    ),
    "raw-control-in-string": lambda: _replaced("Antony Blinken", "Antony\x1b[2JBlinken"),
    "repeated-key": lambda: _replaced(
        '"name": "Antony Blinken"', '"name": "Antony Blinken", "name": "\\u001b[2J"'
    ),
    "deep-array": lambda: _raw("[" * 100_000),
    "deep-object": lambda: _raw('{"a": ' * 100_000),
    "not-json": lambda: _raw("\x1b]0;pwned\x07\x1b[2J\u202e{"),
    "empty-file": lambda: _raw(""),
}


@functools.cache
def _corpus(name: str) -> _File:
    return _CORPUS[name]()


_SHOWN = ("official.blinken", "official.hamada", "commitment.rule-of-law", "threat.cn-coercion",
          "programme.usfj", "US", "erratum.defense-minister")  # fmt: skip
_LISTINGS = ("officials", "commitments", "threats")
_CLI_FORMATS = ("table", "json", "jsonl", "csv")

_COMMANDS: tuple[str, ...] = (
    "summary",
    "summary --corrected",
    *(f"{listing} --format {fmt}" for listing in _LISTINGS for fmt in _CLI_FORMATS),
    "officials --country US --format csv",
    "threats --actor KP --corrected --format json",
    *(f"search a --format {fmt}" for fmt in _CLI_FORMATS),
    "search ESCAPES",
    *(f"show {record_id}" for record_id in _SHOWN),
    *(f"show {record_id} --format json" for record_id in _SHOWN),
    "show official.hamada --corrected --color always",
    "show threat.ru-alignment",
    *(f"export {kind}" for kind in RECORD_KINDS),
    *(f"export {kind} --format json" for kind in ("meeting", "officials", "errata")),
    "export officials --format table",
    "export errata --format jsonl --corrected",
    "export dataset",
    "export dataset --corrected",
    "officials --format csv TERMINAL",
    "export commitments TERMINAL",
    "show official.blinken TERMINAL",
    "sqlite TARGET",
    "sqlite --force TARGET --corrected",
    "datapackage TARGET",
    "datapackage --force TARGET --corrected",
    "datasette",
    "datasette --corrected --database hostile",
    "validate FILE",
    "validate FILE --format json",
    "validate - STDIN",
    "officials --file - STDIN",
    "diff bundled FILE",
    "diff bundled FILE --format json",
    "diff bundled FILE --corrected --format json",
    "diff FILE FILE",
)
"""Every subcommand, in each variant that takes its own path through the code.

``FILE`` is the hostile file (a command without it gets ``--file FILE``); ``TARGET`` a
path to write to; ``STDIN``: the file comes on standard input, as ``-``; ``TERMINAL``:
standard output is a terminal; ``ESCAPES`` a search text of escapes."""

_REFUSING: tuple[str, ...] = (
    "summary",
    "officials",
    "officials --format json",
    "commitments --format csv",
    "threats --corrected --format jsonl",
    "search a",
    "show official.blinken --format json",
    "export officials",
    "export dataset",
    "officials --format csv TERMINAL",
    "sqlite TARGET",
    "datapackage --force TARGET",
    "datasette",
    "validate FILE",
    "validate FILE --format json",
    "validate - STDIN",
    "officials --file - STDIN",
    "diff bundled FILE",
    "diff bundled FILE --format json",
    "diff FILE FILE",
)
"""For a file that every command refuses at loading: every subcommand, and each path to
the loading (standard input, --corrected, the listings and the exports)."""

_STATUS_OF_VALID = {"show threat.ru-alignment": 2, "diff FILE FILE": 0}
"""Where a file that loads gives another status than 0: a retired id is a usage mistake;
two equal files do not differ.  Any other ``diff`` of a hostile file and the bundled
one exits 1 (they differ)."""

_UNSAFE = re.compile("[" + re.escape("".join(c for c in _DANGEROUS if c != "\n")) + "]")
_OWN_CODES = re.compile(re.escape("\x1b[1;4m") + "|" + re.escape("\x1b[0m"))
"""The emphasis of ``show --color``: the only escape codes the command line writes."""


class _Stream(io.TextIOWrapper):
    """A standard stream as a real one is: UTF-8, strict, and a terminal or not."""

    def __init__(self, *, terminal: bool, data: bytes = b"") -> None:
        super().__init__(io.BytesIO(data), encoding="utf-8", errors="strict")
        self.terminal = terminal

    def isatty(self) -> bool:
        return self.terminal

    def bytes(self) -> bytes:
        self.flush()
        buffer = self.buffer
        assert isinstance(buffer, io.BytesIO)
        return buffer.getvalue()


@attrs.frozen
class _Ran:
    status: int
    out: bytes
    err: bytes


@functools.cache
def _parser() -> Callable[[str | None], Any]:
    from usjapan2024 import _cli

    parser = _cli._parser()  # every command's: it parses any one as its own parser would

    def built(_only: str | None = None) -> Any:
        return parser

    return built


def _in_process(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, *, stdin: bytes = b"", terminal: bool = False
) -> _Ran:
    """Run the command line in this process, as ``python -m usjapan2024`` would."""
    from usjapan2024 import _cli

    out, err = _Stream(terminal=terminal), _Stream(terminal=terminal)
    with monkeypatch.context() as patch:
        patch.setattr(_cli, "_parser", _parser())  # built once: argparse takes most of a run
        patch.setattr(sys, "stdout", out)
        patch.setattr(sys, "stderr", err)
        patch.setattr(sys, "stdin", _Stream(terminal=False, data=stdin))
        patch.setenv("COLUMNS", "80")
        patch.setenv("TERM", "xterm-256color")
        patch.delenv("NO_COLOR", raising=False)
        patch.delenv("USJAPAN2024_DOCS_URL", raising=False)
        status = _cli.run(argv)
    return _Ran(status, out.bytes(), err.bytes())


def _argv(command: str, file: _File, folder: Path) -> tuple[list[str], bytes]:
    """The arguments ``command`` stands for, with the file's path, and the stdin to give."""
    words = command.replace(" TERMINAL", "").replace(" STDIN", "").split()
    stdin = b""
    if "STDIN" in command:
        stdin = file.data
    elif "FILE" not in words:
        words += ["--file", "FILE"]
    if file.source is not None:
        (folder / "source.txt").write_bytes(file.source.encode("utf-8"))
        option = "--new-source" if words[:2] == ["diff", "bundled"] else "--source"
        words += [option, str(folder / "source.txt")]
    (folder / "hostile.json").write_bytes(file.data)
    names = {"FILE": str(folder / "hostile.json"), "ESCAPES": _TITLE_AND_CLEAR,
             "TARGET": str(folder / ("out.db" if words[0] == "sqlite" else "out"))}  # fmt: skip
    return [names.get(word, word) for word in words], stdin


def _shown(data: bytes, *, own_codes: bool = False) -> str:
    """Text for people: UTF-8 with no control character but newline (and its own colour)."""
    text = data.decode("utf-8")
    found = sorted(set(_UNSAFE.findall(_OWN_CODES.sub("", text) if own_codes else text)))
    assert not found, f"control characters reached the output: {found!r}"
    return text


def _format_of(words: list[str]) -> str:
    if "--format" in words:
        return words[words.index("--format") + 1]
    if words[0] == "export" and words[1] != "dataset":
        return "csv"
    return "json" if words[:2] == ["export", "dataset"] else "text"


def _selected(command: str, meeting: uj.Meeting) -> list[Any]:
    """The records a listing, a search or an export of ``meeting`` prints, in order."""
    from usjapan2024 import queries

    words = command.split()
    if words[0] == "search":
        return list(queries.search("a", meeting=meeting))
    if words[0] == "export":
        return [meeting] if words[1] == "meeting" else list(getattr(meeting, words[1]))
    given = dict(zip(words[1::2], words[2::2], strict=False))
    filters = {k[2:]: v for k, v in given.items() if k not in ("--format", "--corrected")}
    return list(getattr(queries, words[0])(**filters, meeting=meeting))


def _whole(record: object) -> Any:
    """A record as JSON holds it, with its kind: what --format json promises, exactly."""
    from usjapan2024._loading.converter import converter
    from usjapan2024._model.kinds import kind_of

    kind = "meeting" if isinstance(record, uj.Meeting) else kind_of(record).group  # type: ignore[arg-type]
    return {"record_kind": kind, **converter().unstructure(record, type(record))}


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _check_csv(data: bytes, records: list[Any]) -> None:
    """Each row is its record's flat row exactly, and no cell begins a formula."""
    from usjapan2024._model.kinds import kind_of
    from usjapan2024._tables.flat import flatten

    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert not [cell for cell in (*row, *row.values()) if formula_trigger(cell)], row
        expected = {k: _cell(v) for k, v in flatten(record).items()}
        if "record_kind" in row:
            expected["record_kind"] = kind_of(record).group
        assert {k: v for k, v in row.items() if k in expected} == expected
        assert all(v == "" for k, v in row.items() if k not in expected)


def _check_written_csvs(folder: Path) -> None:
    """No CSV of a Data Package holds a cell that a spreadsheet runs."""
    for path in sorted(folder.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as f:
            cells = [cell for row in csv.reader(f) for cell in row]
        assert not [c for c in cells if formula_trigger(c)], path.name


def _problems_of(file: _File) -> list[dict[str, str]]:
    with pytest.raises(uj.DatasetError) as info:
        uj.loads(file.data, source=file.source)
    return [{"path": p.path, "message": p.message} for p in info.value.problems]


_VALIDITY = {name: _corpus(name).valid for name in _CORPUS}
_CASES = [
    pytest.param(name, command, id=f"{name}: {command}")
    for name, valid in _VALIDITY.items()
    for command in (_COMMANDS if valid else _REFUSING)
]


@functools.cache
def _loaded(name: str, *, corrected: bool) -> uj.Meeting:
    """What the file of ``name`` holds (in the corrected view if asked): the oracle."""
    file = _corpus(name)
    meeting = uj.loads(file.data, source=file.source)
    return uj.corrected(meeting) if corrected else meeting


@pytest.mark.parametrize(("name", "command"), _CASES)
def test_every_command_on_every_hostile_file(
    name: str, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Exit status, standard output and standard error, and the files written, all held."""
    from .test_tables import _read_database, _read_package

    file = _corpus(name)
    argv, stdin = _argv(command, file, tmp_path)
    ran = _in_process(argv, monkeypatch, stdin=stdin, terminal="TERMINAL" in command)
    words = command.split()
    if file.valid:
        expected = _STATUS_OF_VALID.get(command, 1 if words[0] == "diff" else 0)
    else:
        expected = 2 if words[0] == "diff" else 1
    assert ran.status == expected, ran.err.decode("utf-8", "replace")[:2000]

    err = _shown(ran.err)  # every message, warning and problem: escaped, one per line
    assert len(err.splitlines()) <= MAX_PROBLEMS + 3
    for line in err.splitlines():
        assert line.startswith(("usjapan2024", "  ", "wrote ", f"{tmp_path}/", "-: ")), line
    fmt = _format_of(words)
    corrected = "--corrected" in words
    if not file.valid:
        _check_refused(ran, words, argv, file, tmp_path)
        return
    view = _loaded(name, corrected=corrected)
    if "TERMINAL" in command or fmt in ("text", "table"):
        _shown(ran.out, own_codes="--color" in words or "TERMINAL" in command)
    elif fmt == "csv":
        _check_csv(ran.out, _selected(command, view))
    elif words[0] in ("sqlite", "datapackage"):
        assert ran.out == b""
        target = _target(argv)
        if words[0] == "sqlite":
            assert _read_database(target) == view
        else:
            _check_written_csvs(target)
            if not corrected:  # frictionless reads it back (once a file: it is slow)
                assert _read_package(target) == view
    else:
        _check_json(ran.out, words, file, view)


def _target(argv: list[str]) -> Path:
    return Path(next(word for word in argv if Path(word).name in ("out", "out.db")))


def _check_refused(ran: _Ran, words: list[str], argv: list[str], file: _File, folder: Path) -> None:
    """A refused file: the problems said harmlessly, nothing else printed or written."""
    assert not (folder / "out").exists()
    assert not (folder / "out.db").exists()
    assert sorted(p.name for p in folder.iterdir()) <= ["hostile.json", "source.txt"]
    if words[0] != "validate":
        assert ran.out == b""
        assert b"invalid" in ran.err or b"not a valid dataset" in ran.err
        return
    if "json" in words:
        assert json.loads(_shown(ran.out)) == _problems_of(file)
        return
    shown = argv[1]
    lines = _shown(ran.out).splitlines()
    assert all(line.startswith(f"{shown}: ") for line in lines)
    assert lines[-1].startswith(f"{shown}: invalid, ")
    assert len(lines) <= MAX_PROBLEMS + 2


def _check_json(data: bytes, words: list[str], file: _File, view: uj.Meeting) -> None:
    """JSON output holds no raw control character and parses back to the exact values."""
    text = _shown(data)
    if words[0] == "validate":
        assert json.loads(text) == []
    elif words[0] == "diff":
        old = uj.load()
        result = uj.diff(uj.corrected(old) if "--corrected" in words else old, view)
        assert json.loads(text) == json.loads(json.dumps(result.to_json()))
    elif words[:2] == ["export", "dataset"]:
        assert uj.loads(text, source=file.source) == view
        if "--corrected" not in words:  # the file itself, value for value
            assert json.loads(text) == json.loads(file.data)
    elif words[0] == "show":
        from usjapan2024 import queries

        record = queries.get(words[1], meeting=view)
        errata = queries.errata_for(record, meeting=view)
        assert json.loads(text) == {**_whole(record), "errata": [_whole(e) for e in errata]}
    else:
        records = [_whole(r) for r in _selected(" ".join(words), view)]
        if _format_of(words) == "jsonl":
            assert [json.loads(line) for line in text.splitlines()] == records
        else:
            assert json.loads(text) == records


def test_schema_is_exact_json(monkeypatch: pytest.MonkeyPatch) -> None:
    """``schema`` reads no file: its output is the JSON Schema exactly, and harmless."""
    ran = _in_process(["schema"], monkeypatch)
    assert (ran.status, ran.err) == (0, b"")
    assert json.loads(_shown(ran.out)) == uj.json_schema()


@pytest.mark.parametrize(
    ("name", "command"),
    [("escapes", "officials"), ("escapes", "show official.blinken"),
     ("carriage-returns", "officials --format csv"), ("hostile-source", "export dataset"),
     ("unknown-key", "validate FILE"), ("deep-array", "officials --file - STDIN")],
)  # fmt: skip
def test_in_process_is_the_command_line(
    name: str, command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The runs in this process write what ``python -m usjapan2024`` writes, byte for byte."""
    argv, stdin = _argv(command, _corpus(name), tmp_path)
    ran = _in_process(argv, monkeypatch, stdin=stdin)
    result = _run(*argv, stdin=stdin)
    assert (result.returncode, result.stdout, result.stderr) == (ran.status, ran.out, ran.err)


@pytest.mark.parametrize("name", ["escapes", "formulas"])
def test_a_hostile_file_name_stays_on_its_line(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file named with a newline and escapes cannot forge a line ("x.json: valid")."""
    evil = "\x1b[2Jx.json: valid (35 commitments, 9 threats)\nx.json"
    path = tmp_path / evil
    path.write_bytes(_corpus(name).data)
    for argv in (
        ["validate", str(path)],
        ["validate", str(path), "--format", "json"],
        ["diff", "bundled", str(path)],
        ["sqlite", f"{path}.db", "--file", str(path)],
        ["officials", "--file", str(tmp_path / "missing" / evil)],
    ):
        ran = _in_process(argv, monkeypatch)
        assert ran.status in {0, 1, 2}, argv
        for line in (_shown(ran.out) + _shown(ran.err)).splitlines():
            assert not line.startswith("x.json"), (argv, line)
