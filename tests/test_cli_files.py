"""The command line on any dataset file, for scripts: --file, stdin, machine-readable output."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from usjapan2024 import dumps, load

from .helpers import bundled_document

_CODE_UNDER_TEST = {k: v for k, v in os.environ.items() if k == "PYTHONPATH"}


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "usjapan2024", *args],
        input=stdin,
        capture_output=True,
        check=False,
        env={"COLUMNS": "100", "PATH": "", "PYTHONIOENCODING": "utf-8", **_CODE_UNDER_TEST},
    )


@pytest.fixture(scope="module")
def renamed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid dataset file whose first official has another name, to tell it apart."""
    document = bundled_document()
    document["officials"][0]["name"] = "Someone Else"
    path = tmp_path_factory.mktemp("data") / "renamed.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


COMMANDS = (
    ("summary",),
    ("officials",),
    ("officials", "--format", "json"),
    ("search", "Blinken", "--format", "csv"),
    ("show", "official.blinken"),
    ("export", "officials"),
    ("export", "dataset"),
)


class TestAnyFile:
    @pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
    def test_file_is_read_instead_of_the_bundled_data(
        self, args: tuple[str, ...], renamed: Path
    ) -> None:
        """Every command that reads data reads --file when given."""
        bundled = _run(*args)
        other = _run(*args, "--file", str(renamed))
        assert bundled.returncode == other.returncode == 0, other.stderr
        assert b"Someone Else" not in bundled.stdout
        assert b"Someone Else" in other.stdout

    def test_standard_input(self, renamed: Path) -> None:
        """`--file -` reads standard input, as `validate -` does."""
        data = renamed.read_bytes()
        assert b"Someone Else" in _run("officials", "--file", "-", stdin=data).stdout
        result = _run("validate", "-", stdin=data)
        assert result.returncode == 0
        assert result.stdout.startswith(b"-: valid")

    def test_invalid_file_exits_1_with_every_problem(self, tmp_path: Path) -> None:
        """A listing of an invalid file lists its problems and exits 1."""
        document = bundled_document()
        document["officials"][0]["name"] = 7
        document["threats"][0]["kind"] = "hacking"
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        result = _run("officials", "--file", str(path))
        assert result.returncode == 1
        assert b"$.officials[0].name" in result.stderr
        assert b"$.threats[0].kind" in result.stderr

    def test_missing_file_and_source_alone_are_usage_errors(self) -> None:
        """A missing file, or --source without --file, is one line and exit 2."""
        for args in (("officials", "--file", "nope.json"), ("officials", "--source", "t.txt")):
            result = _run(*args)
            assert result.returncode == 2
            assert len(result.stderr.splitlines()) == 1


class TestMachineReadable:
    def test_csv_of_mixed_kinds(self) -> None:
        """A search that finds several kinds gives one CSV: a record_kind column, all columns."""
        result = _run("search", "Hamada", "--format", "csv")
        assert result.returncode == 0, result.stderr
        rows = list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"))))
        kinds = {row["record_kind"] for row in rows}
        assert {"officials", "errata"} <= kinds
        official = next(row for row in rows if row["record_kind"] == "officials")
        assert official["name"] == "Yasukazu Hamada"
        assert official["target"] == ""  # an erratum's column, empty for an official

    @pytest.mark.parametrize("fmt", ["json", "jsonl"])
    def test_json_records_carry_their_kind(self, fmt: str) -> None:
        """Each JSON or JSON Lines record says its kind, then holds the record whole."""
        out = _run("search", "Hamada", "--format", fmt).stdout.decode("utf-8")
        records = json.loads(out) if fmt == "json" else [json.loads(x) for x in out.splitlines()]
        assert {r["record_kind"] for r in records} >= {"officials", "errata"}
        official = next(r for r in records if r["record_kind"] == "officials")
        assert official["id"] == "official.hamada"
        assert official["sources"][0]["quote"] == "Defense Minister Yasukazu Hamada"

    def test_validate_json(self, tmp_path: Path) -> None:
        """`validate --format json` prints the problems as [{path, message}], [] if none."""
        valid = tmp_path / "valid.json"
        valid.write_text(dumps(load()), encoding="utf-8")
        assert json.loads(_run("validate", str(valid), "--format", "json").stdout) == []
        document = bundled_document()
        del document["name"]
        broken = tmp_path / "broken.json"
        broken.write_text(json.dumps(document), encoding="utf-8")
        result = _run("validate", str(broken), "--format", "json")
        assert result.returncode == 1
        assert json.loads(result.stdout) == [
            {"path": "$.name", "message": "required field is missing"}
        ]

    def test_show_json_includes_the_errata(self) -> None:
        """`show --format json` has the errata on the record, as text mode prints them."""
        shown = json.loads(_run("show", "official.hamada", "--format", "json").stdout)
        assert shown["record_kind"] == "officials"
        assert [e["id"] for e in shown["errata"]] == [
            e.id for e in load().errata if e.target == "official.hamada"
        ]
        assert shown["errata"][0]["references"][0]["url"].startswith("https://")

    def test_error_lines_give_no_python_advice(self) -> None:
        """Messages name options, not Python calls or keywords."""
        result = _run("commitments", "--topic", "deterence")
        assert result.returncode == 2
        assert b"--topic" in result.stderr
        assert b"()" not in result.stderr
        assert b"source=" not in result.stderr


class TestShowWithItsOwnText:
    def test_quotes_are_shown_in_the_file_s_own_text(self, tmp_path: Path) -> None:
        """`show --file F --source T` cuts each sentence from T, not the bundled text."""
        from hypothesis import HealthCheck, given, settings

        from usjapan2024 import in_context, loads
        from usjapan2024.strategies import meetings_with_source

        seen: list[tuple[str, str]] = []

        @settings(max_examples=1, database=None, suppress_health_check=list(HealthCheck))
        @given(meetings_with_source(2, min_records=1))
        def draw(pair: tuple[object, str]) -> None:
            meeting, text = pair
            seen.append((dumps(meeting), text))  # type: ignore[arg-type]

        draw()
        ((data, text),) = seen
        (tmp_path / "m.json").write_text(data, encoding="utf-8")
        (tmp_path / "m.txt").write_bytes(text.encode("utf-8"))
        official = loads(data, source=text).officials[0]
        result = _run(
            "show", official.id, "--file", str(tmp_path / "m.json"),
            "--source", str(tmp_path / "m.txt"), "--color", "never",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        shown = result.stdout.decode("utf-8").replace("\u00ab", "").replace("\u00bb", "")
        for quote in in_context(official, text=text):
            assert quote.sentence in shown
