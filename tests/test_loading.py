from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import threading
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import usjapan2024
from usjapan2024 import DatasetError, Meeting, dump, dumps, load, loads, source_text
from usjapan2024.strategies import meetings_with_source

from .conftest import ROOT

# The digest ../shared/source/README.md gives for the source text.
SOURCE_SHA256 = "17048a9dbb06ab98b142242c4cd329b12a364b0d57271a5809bcac431e29b60e"
DATA = ROOT / "src" / "usjapan2024" / "data"


class TestBundled:
    def test_source_is_the_published_text(self) -> None:
        """The bundled text has the digest the source's README publishes."""
        raw = (DATA / "communique-2024-07-28.txt").read_bytes()
        assert hashlib.sha256(raw).hexdigest() == SOURCE_SHA256
        assert source_text().encode("utf-8") == raw

    def test_load_is_cached(self) -> None:
        """Every call returns the same object."""
        assert load() is load()

    def test_bundled_json_is_canonical(self) -> None:
        """The bundled file is exactly what dumps() writes, so a round trip is byte-stable."""
        assert dumps(load()) == (DATA / "usjapan2024.json").read_text(encoding="utf-8")

    def test_metadata(self) -> None:
        """The file carries its schema version, source digest and citation."""
        meeting = load()
        assert meeting.schema_version in usjapan2024.SUPPORTED_SCHEMA_VERSIONS
        assert meeting.metadata.version == usjapan2024.__version__
        assert "2+2" in meeting.metadata.official_document.title

    def test_import_reads_no_data(self) -> None:
        """Importing the package reads no file, defines no class and imports no cattrs."""
        code = (
            "import sys, usjapan2024;"
            "assert 'usjapan2024.model' not in sys.modules, 'model imported eagerly';"
            "import usjapan2024._loading.load as l, usjapan2024._io.bundled as b;"
            "assert l._bundled is None and b._source is None;"
            "assert 'cattrs' not in sys.modules, 'cattrs imported';"
            "assert 'importlib_resources' not in sys.modules, 'importlib_resources imported';"
            "usjapan2024.load();"
            "assert l._bundled is not None"
        )
        subprocess.run([sys.executable, "-c", code], check=True)

    def test_concurrent_first_load(self) -> None:
        """Threads racing on the first load all get one and the same meeting."""
        code = """
import threading, usjapan2024, usjapan2024._loading.document as s
calls = []
real = s.structure_meeting
def counting(doc, **options):
    calls.append(1)
    return real(doc, **options)
s.structure_meeting = counting
barrier = threading.Barrier(32)
results = []
def worker():
    barrier.wait()
    results.append(usjapan2024.load())
threads = [threading.Thread(target=worker) for _ in range(32)]
for t in threads: t.start()
for t in threads: t.join()
assert len(results) == 32 and all(r is results[0] for r in results), "different objects"
assert len(calls) == 1, f"structured {len(calls)} times"
"""
        subprocess.run([sys.executable, "-c", code], check=True)

    def test_source_only_with_path(self) -> None:
        """source= without a path is a usage error, not silently ignored."""
        with pytest.raises(TypeError, match=r"source= goes with a path"):
            load(source="text")


class TestUserFiles:
    def test_dump_then_load(self, tmp_path: Path) -> None:
        """A meeting written with dump() loads back equal from its path."""
        path = tmp_path / "copy.json"
        dump(load(), path)
        again = load(path)
        assert again == load()
        assert again is not load()

    def test_missing_file(self, tmp_path: Path) -> None:
        """A missing file raises FileNotFoundError naming the path."""
        missing = tmp_path / "nope.json"
        with pytest.raises(FileNotFoundError, match=r"nope\.json"):
            load(missing)

    @given(meetings_with_source())
    def test_round_trip_generated(self, pair: tuple[Meeting, str]) -> None:
        """dumps then loads gives back an equal meeting for any valid meeting."""
        meeting, text = pair
        assert loads(dumps(meeting), source=text) == meeting
        assert loads(dumps(meeting).encode("utf-8"), source=text) == meeting

    def test_other_source_text_is_refused(self) -> None:
        """Spans checked against a text other than the one the file names is an error."""
        with pytest.raises(DatasetError, match=r"\$\.metadata\.source\.sha256"):
            loads(dumps(load()), source=source_text() + " ")

    def test_failed_load_leaves_bundled_intact(self) -> None:
        """A bad file never touches the cached bundled meeting."""
        before = load()
        document = json.loads(dumps(before))
        document["commitments"][0]["id"] = document["commitments"][1]["id"]
        with pytest.raises(DatasetError):
            loads(json.dumps(document))
        assert load() is before


class TestProvenBundledFile:
    """The bundled files are proven valid here; their digests let the first load skip the proof."""

    def test_the_recorded_digests_are_the_bundled_files(self) -> None:
        """Changing a bundled file without rebuilding (tools/build_dataset.py) fails here."""
        from usjapan2024._io.bundled import read_resource
        from usjapan2024._loading import proven

        data = read_resource("usjapan2024.json")
        assert data == (DATA / "usjapan2024.json").read_bytes()
        assert hashlib.sha256(data).hexdigest() == proven.DATA_SHA256
        text = (DATA / "communique-2024-07-28.txt").read_bytes()
        assert hashlib.sha256(text).hexdigest() == proven.SOURCE_SHA256

    def test_the_proven_bytes_pass_every_check(self) -> None:
        """The proof: the bundled bytes, loaded with every check, are the meeting load() gives.

        Compared by ``repr`` too: a vocabulary member equals its string, so ``==`` alone
        would not see a value left a plain ``str`` where the checked path gives a member.
        """
        strict = loads((DATA / "usjapan2024.json").read_bytes(), source=source_text())
        assert strict == load()
        assert repr(strict) == repr(load())

    @given(meetings_with_source())
    def test_the_unchecked_converter_builds_what_the_checked_one_does(
        self, pair: tuple[Meeting, str]
    ) -> None:
        """On any valid document the proven path's structuring gives the checked path's meeting.

        The proven converter skips the hooks' type checks, never the wire format: the same
        classes, members, dates, tuples and typed ``record_value`` for every field.
        """
        from usjapan2024._loading.document import structure_meeting

        meeting, _ = pair
        document = json.loads(dumps(meeting))
        checked = structure_meeting(document)
        unchecked = structure_meeting(document, proven=True)
        assert unchecked == checked == meeting
        assert repr(unchecked) == repr(checked)

    def _first_load(self, monkeypatch: pytest.MonkeyPatch) -> tuple[Meeting, list[str]]:
        """Load the bundled dataset afresh; note the strict parses and integrity checks run."""
        from usjapan2024._loading import integrity
        from usjapan2024._loading import load as _loading

        calls: list[str] = []
        check, parse = integrity.check, _loading._parse

        def counting_check(*args: Any, **kwargs: Any) -> Any:
            calls.append("check")
            return check(*args, **kwargs)

        def counting_parse(data: str | bytes, **options: Any) -> Any:
            calls.append("parse")
            return parse(data, **options)

        monkeypatch.setattr(integrity, "check", counting_check)
        monkeypatch.setattr(_loading, "_parse", counting_parse)
        monkeypatch.setattr(_loading, "_bundled", None)
        return load(), calls

    def test_the_proven_bytes_skip_the_checks(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Neither the strict parse nor the integrity checks run; the meeting is the same."""
        meeting, calls = self._first_load(monkeypatch)
        assert calls == []
        assert meeting == loads((DATA / "usjapan2024.json").read_bytes())
        assert meeting.source_text == source_text()

    def test_the_proven_bytes_are_structured_by_cattrs(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The same converter builds the meeting: a bug in a record's constructor still shows."""
        from usjapan2024.model import Official

        def broken(*_: object, **__: object) -> None:
            msg = "boom"
            raise RuntimeError(msg)

        monkeypatch.setattr(Official, "__init__", broken)
        with pytest.raises(RuntimeError, match="boom"):
            self._first_load(monkeypatch)

    @pytest.mark.parametrize(
        ("edit", "problem"),
        [
            (lambda b: b.replace(b'  "schema_version": 3,', b'  "schema_version": 3,' * 2, 1),
             "appears twice"),
            (lambda b: b.replace(b'"quote": "', b'"quote": "X', 1), "does not match the text"),
            (lambda b: b.replace(b'"start": ', b'"start": NaN, "x": ', 1), "NaN"),
            (lambda b: b + b"\xff", "not UTF-8"),
        ],
        ids=["repeated key", "quote", "NaN", "not UTF-8"],
    )  # fmt: skip
    def test_any_other_bytes_get_every_check(
        self, monkeypatch: pytest.MonkeyPatch, edit: Callable[[bytes], bytes], problem: str
    ) -> None:
        """A bundled file that is not the proven one is read as strictly as a user's."""
        from usjapan2024._io.bundled import read_resource as real
        from usjapan2024._loading import load as _loading

        monkeypatch.setattr(_loading, "read_resource", lambda name: edit(real(name)))
        with pytest.raises(DatasetError, match=problem):
            self._first_load(monkeypatch)

    def test_valid_other_bytes_are_checked_and_load(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """One byte more (a valid file still) is enough for every check to run."""
        from usjapan2024._io.bundled import read_resource as real
        from usjapan2024._loading import load as _loading

        monkeypatch.setattr(_loading, "read_resource", lambda name: real(name) + b"\n")
        meeting, calls = self._first_load(monkeypatch)
        assert calls == ["parse", "check"]
        assert meeting == loads((DATA / "usjapan2024.json").read_bytes())

    def test_another_source_text_gets_every_check(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The proven JSON beside a text that is not the proven one is checked against it."""
        from usjapan2024._loading import load as _loading

        monkeypatch.setattr(_loading, "source_text", lambda: source_text() + " ")
        with pytest.raises(DatasetError, match=r"\$\.metadata\.source\.sha256"):
            self._first_load(monkeypatch)

    def test_the_first_answer_leaves_the_rest_unimported(self) -> None:
        """The first answer imports no check it skips, no table, export or display code."""
        code = (
            "import sys, usjapan2024 as uj; uj.officials(country='US');"
            "loaded = [m for m in ('usjapan2024._loading.integrity', 'usjapan2024._loading.rules',"
            " 'usjapan2024._loading.typecheck', 'usjapan2024._tables.flat', 'usjapan2024.export',"
            " 'usjapan2024._presenting.display', 'argparse', 'csv', 'html', 'pandas')"
            " if m in sys.modules];"
            "assert not loaded, loaded"
        )
        subprocess.run([sys.executable, "-c", code], check=True)


class TestGarbageCollector:
    def test_gc_restored_after_load(self) -> None:
        """loads() pauses the cyclic collector while building, and always turns it back on."""
        import gc

        assert gc.isenabled()
        loads(dumps(load()))
        assert gc.isenabled()
        with pytest.raises(DatasetError):
            loads("{")
        assert gc.isenabled()

    def test_gc_left_off_if_it_was_off(self) -> None:
        """A caller who turned the collector off finds it still off."""
        import gc

        gc.disable()
        try:
            loads(dumps(load()))
            assert not gc.isenabled()
        finally:
            gc.enable()


class TestMessagesName:
    """Issue 22: each message names the key or value at fault, in its own place."""

    @pytest.mark.parametrize(
        ("text", "path"),
        [("{}", "$.schema_version"), ('{"schema_version": 3}', "$.metadata")],
    )
    def test_a_missing_key_is_named_as_missing(self, text: str, path: str) -> None:
        """A missing key is said to be missing at its own path, never as a value "got None"."""
        with pytest.raises(DatasetError) as info:
            loads(text.encode())
        problem = info.value.problems[0]
        assert problem.path == path
        assert "required field is missing" in problem.message
        assert "None" not in str(info.value)
        assert "null" not in str(info.value)

    @pytest.mark.parametrize("sha256", ["", "xyz", SOURCE_SHA256.upper(), SOURCE_SHA256 + "0"])
    def test_a_malformed_digest_is_said_to_be_one(self, sha256: str) -> None:
        """A sha256 that is no digest says what a digest is, not that the texts differ."""
        document = json.loads(dumps(load()))
        document["metadata"]["source"]["sha256"] = sha256
        with pytest.raises(DatasetError) as info:
            loads(json.dumps(document))
        ((path, message),) = [(p.path, p.message) for p in info.value.problems]
        assert path == "$.metadata.source.sha256"
        assert message == (
            f"must be 64 lowercase hex digits (the sha256 of the source text), got {sha256!r}"
        )

    def test_the_rule_is_the_schemas(self) -> None:
        """Loading refuses exactly what the JSON Schema's pattern for a digest refuses."""
        from usjapan2024._loading.integrity import _SHA256

        schema = usjapan2024.json_schema()["$defs"]["SourceInfo"]["properties"]["sha256"]
        assert schema["pattern"] == f"^{_SHA256.pattern}$"

    def test_a_long_malformed_digest_is_clipped(self) -> None:
        document = json.loads(dumps(load()))
        document["metadata"]["source"]["sha256"] = "z" * 10_000
        with pytest.raises(DatasetError) as info:
            loads(json.dumps(document))
        assert len(info.value.problems[0].message) < 200

    def test_a_well_formed_digest_of_another_text_is_the_other_message(self) -> None:
        document = json.loads(dumps(load()))
        document["metadata"]["source"]["sha256"] = "0" * 64
        with pytest.raises(DatasetError, match="coded from a text with sha256 0000"):
            loads(json.dumps(document))


class TestRepeatedKeys:
    def _problems(self, text: str) -> list[tuple[str, str]]:
        with pytest.raises(DatasetError) as info:
            loads(text)
        return [(p.path, p.message) for p in info.value.problems]

    def test_in_a_value_the_repeat_dropped(self) -> None:
        """An object the first parse dropped (the first of a repeated key) keeps its path."""
        text = '{"metadata": {"title": {"a": 1, "a": 2}, "title": "x"}}'
        assert self._problems(text) == [
            ("$.metadata", "key 'title' appears twice in this object"),
            ("$.metadata.title", "key 'a' appears twice in this object"),
        ]

    def test_in_document_order(self) -> None:
        text = '{"b": [{"x": 1}, {"y": 1, "y": 2}], "a": {"z": 1, "z": 1}, "a": 1}'
        assert self._problems(text) == [
            ("$", "key 'a' appears twice in this object"),
            ("$.b[1]", "key 'y' appears twice in this object"),
            ("$.a", "key 'z' appears twice in this object"),
        ]

    def test_past_the_limit_they_are_counted(self) -> None:
        from usjapan2024.exceptions import MAX_PROBLEMS

        text = "[" + ",".join(['{"a": 1, "a": 2}'] * (MAX_PROBLEMS + 7)) + "]"
        with pytest.raises(DatasetError) as info:
            loads(text)
        assert len(info.value.problems) == MAX_PROBLEMS
        assert info.value.more == 7
        assert info.value.problems[-1].path == f"$[{MAX_PROBLEMS - 1}]"


class TestByteOrderMark:
    def test_python_gets_python_advice(self) -> None:
        """loads() of a file with a BOM says so, with what to do in Python."""
        for data in (b"\xef\xbb\xbf{}", "\ufeff{}"):
            with pytest.raises(DatasetError) as info:
                loads(data)
            ((problem),) = info.value.problems
            assert problem.path == "$"
            assert "byte order mark (BOM)" in problem.message
            assert "encoding='utf-8-sig'" in problem.message
            assert "sed" not in problem.message

    def test_the_command_line_gets_shell_advice_from_the_same_message(self) -> None:
        from usjapan2024._loading.load import read

        with pytest.raises(DatasetError) as python:
            loads(b"\xef\xbb\xbf{}")
        with pytest.raises(DatasetError) as shell:
            read(b"\xef\xbb\xbf{}", None, command_line=True)
        said, advice = python.value.problems[0].message.split("; ", 1)
        assert shell.value.problems[0].message.startswith(said + "; ")
        assert "sed -i '1s/^\\xEF\\xBB\\xBF//' FILE" in shell.value.problems[0].message
        assert advice not in shell.value.problems[0].message


class TestSourceIsTextOrPath:
    """``source=``: a ``str`` is the text, a ``pathlib.Path`` a file holding it."""

    def test_a_path_is_read(self, tmp_path: Path) -> None:
        text = tmp_path / "communique.txt"
        text.write_bytes(source_text().encode("utf-8"))
        data = tmp_path / "data.json"
        data.write_text(dumps(load()), encoding="utf-8")
        assert load(data, source=text) == load()
        assert usjapan2024.check(load(), source=text) == []

    @pytest.mark.parametrize("call", ["load", "loads", "check"])
    def test_a_str_naming_a_file_is_refused(
        self, call: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A one-line str that names a file is a path given the wrong way: it says so."""
        (tmp_path / "communique.txt").write_bytes(source_text().encode("utf-8"))
        data = tmp_path / "data.json"
        data.write_text(dumps(load()), encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        calls: dict[str, Callable[[], object]] = {
            "load": lambda: load(data, source="communique.txt"),
            "loads": lambda: loads(data.read_bytes(), source="communique.txt"),
            "check": lambda: usjapan2024.check(load(), source="communique.txt"),
        }
        with pytest.raises(ValueError, match=r"pass pathlib\.Path\('communique\.txt'\)") as info:
            calls[call]()
        assert str(info.value).startswith("source='communique.txt' names a file, but a str")

    def test_a_str_that_names_nothing_is_the_text(self, tmp_path: Path) -> None:
        """The same str where no such file exists is a (wrong) text, as before."""
        data = tmp_path / "data.json"
        data.write_text(dumps(load()), encoding="utf-8")
        with pytest.raises(DatasetError, match="coded from a text with sha256"):
            load(data, source=str(tmp_path / "no-such-file.txt"))

    def test_a_text_of_many_lines_is_never_looked_up(self, tmp_path: Path) -> None:
        """The bundled text itself, or any text of several lines, is taken as it is."""
        data = tmp_path / "data.json"
        data.write_text(dumps(load()), encoding="utf-8")
        assert load(data, source=source_text()) == load()

    def test_a_meeting_forgotten_while_another_is_remembered(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The collector may run a dead meeting's finalizer inside remember(): no deadlock.

        Registering a finalizer allocates, so the collector can run there, in the same
        thread, and forget a meeting that died; that is made to happen here every time.
        """
        import weakref

        from usjapan2024._io import texts

        class Dead:  # a meeting that died, whose finalizer the collector runs
            pass

        dead = Dead()
        texts.remember(dead, "old text")
        dead_key = id(dead)
        real = weakref.finalize

        def collecting_finalize(obj: object, func: object, *args: object) -> object:
            texts._forget(dead_key)  # as the collector would, under remember()'s lock
            return real(obj, func, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(texts, "weakref", types.SimpleNamespace(finalize=collecting_finalize))
        alive = Dead()
        done = threading.Event()

        def remember() -> None:
            texts.remember(alive, "new text")
            done.set()

        worker = threading.Thread(target=remember, daemon=True)
        worker.start()
        worker.join(timeout=10)
        assert done.is_set(), "remember() waited for its own lock"
        assert texts.recall(alive) == "new text"
        assert texts.recall(dead) is None
