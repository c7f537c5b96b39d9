"""The command line, run in a subprocess as a user runs it."""

from __future__ import annotations

import argparse
import csv
import inspect
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import usjapan2024
from usjapan2024 import SUPPORTED_SCHEMA_VERSIONS, dumps, json_schema, load
from usjapan2024._model.kinds import kind_of
from usjapan2024.export import KINDS, RecordKindName

from .conftest import ROOT
from .helpers import bundled_document

SUBCOMMANDS = (
    "summary",
    "officials",
    "commitments",
    "threats",
    "search",
    "show",
    "export",
    "validate",
    "schema",
    "new",
    "fill",
)


# The code under test, where PYTHONPATH points at it (a checkout run without installing).
_CODE_UNDER_TEST = {k: v for k, v in os.environ.items() if k == "PYTHONPATH"}


def _run(
    *args: str, columns: int = 80, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "usjapan2024", *args],
        capture_output=True,
        text=True,
        check=False,
        encoding="utf-8",
        env={
            "COLUMNS": str(columns),
            "PATH": "",
            "PYTHONIOENCODING": "utf-8",
            **_CODE_UNDER_TEST,
            **(env or {}),
        },
    )


def _ok(*args: str, columns: int = 80, env: dict[str, str] | None = None) -> str:
    result = _run(*args, columns=columns, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


class TestSummary:
    def test_default_is_summary(self) -> None:
        """With no arguments the command prints the summary and exits 0."""
        out = _ok()
        assert out == _ok("summary")
        first = out.splitlines()[0]
        assert first == 'Japan-US Security Consultative Committee ("2+2"), Tokyo, 2024-07-28'

    def test_summary_counts_match_data(self) -> None:
        """The counts printed are the real lengths of the record tuples."""
        out = _ok("summary")
        meeting = load()
        assert re.search(rf"^  commitments +{len(meeting.commitments)}$", out, re.MULTILINE)
        assert re.search(rf"^  threats +{len(meeting.threats)}$", out, re.MULTILINE)
        assert "Yasukazu Hamada, Defense Minister (JP) [see erratum]" in out

    def test_version(self) -> None:
        """--version prints the package version."""
        assert _ok("--version").strip() == f"usjapan2024 {usjapan2024.__version__}"


class TestListings:
    @pytest.mark.parametrize(
        "args",
        [
            ("officials",),
            ("commitments",),
            ("threats",),
            ("search", "Japan"),
            ("export", "errata", "--format", "table"),
        ],
    )
    @pytest.mark.parametrize("columns", [80, 60, 120])
    def test_tables_fit_the_terminal(self, args: tuple[str, ...], columns: int) -> None:
        """No line of a table is wider than the terminal."""
        out = _ok(*args, columns=columns)
        assert max(len(line) for line in out.splitlines()) <= columns

    def test_table_lists_every_record(self) -> None:
        """Each record's id appears in the table, whole."""
        out = _ok("commitments")
        for commitment in load().commitments:
            assert commitment.id in out

    def test_filters(self) -> None:
        """Filters work as in Python, case-insensitively."""
        data = json.loads(
            _ok("commitments", "--party", "us", "--topic", "DETERRENCE", "--format", "json")
        )
        expected = usjapan2024.commitments(party="US", topic="deterrence")
        assert [c["id"] for c in data] == [c.id for c in expected]

    def test_json_is_the_records_whole(self) -> None:
        """--format json gives the records as the dataset file holds them, with their kind."""
        data = json.loads(_ok("threats", "--format", "json"))
        assert [r.pop("record_kind") for r in data] == ["threats"] * len(load().threats)
        assert data == json.loads(dumps(load()))["threats"]

    def test_jsonl(self) -> None:
        """--format jsonl gives one JSON object per line."""
        lines = _ok("officials", "--format", "jsonl").splitlines()
        assert [json.loads(line)["id"] for line in lines] == [o.id for o in load().officials]

    def test_csv_one_row_per_record(self) -> None:
        """--format csv opens as one row per record, with the flat columns."""
        rows = list(csv.DictReader(io.StringIO(_ok("commitments", "--format", "csv"))))
        assert len(rows) == len(load().commitments)
        assert rows[0]["id"] == "commitment.rule-of-law"
        assert rows[0]["parties"] == "US; JP"
        assert rows == [
            {k: "" if v is None else str(v) for k, v in r.items()}
            for r in usjapan2024.to_records("commitments")
        ]

    def test_search(self) -> None:
        """search prints the matching records."""
        data = json.loads(_ok("search", "george washington", "--format", "json"))
        assert [r["id"] for r in data] == ["commitment.uss-george-washington"]

    def test_empty_result(self) -> None:
        """An empty result is said, not silently blank."""
        assert _ok("threats", "--actor", "AU").strip() == "(no records)"


class TestShowExportSchema:
    def test_show_text(self) -> None:
        """show prints a record, its quotes with offsets, and its errata."""
        out = _ok("show", "official.hamada")
        assert "[285, 317) The meeting included U.S." in out
        assert "Kamikawa, and «Defense Minister Yasukazu Hamada»." in out
        assert "erratum erratum.defense-minister (correction, name):" in out
        assert "Minoru Kihara" in out
        assert "\x1b[" not in out  # not a terminal: no colour

    def test_show_links_to_the_catalogue(self) -> None:
        """show ends with the record's address in the catalogue, under the base chosen."""
        out = _ok("show", "JP", env={"USJAPAN2024_DOCS_URL": "file:///docs/html"})
        assert out.splitlines()[-1] == "  see: file:///docs/html/records.html#JP"
        assert "see:" not in _ok("show", "JP", env={"USJAPAN2024_DOCS_URL": ""})

    def test_show_color(self) -> None:
        """--color always emphasises the quote with escape codes, even under NO_COLOR."""
        out = _ok("show", "official.hamada", "--color", "always", env={"NO_COLOR": "1"})
        assert "and \x1b[1;4mDefense Minister Yasukazu Hamada\x1b[0m." in out
        assert "\x1b[" not in _ok("show", "official.hamada", "--color", "never")

    @pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
    @pytest.mark.parametrize(("no_color", "coloured"), [("", True), ("1", False)])
    def test_show_color_auto_on_a_terminal(self, no_color: str, coloured: bool) -> None:  # noqa: FBT001
        """On a terminal, auto colours unless NO_COLOR is set (to anything but "")."""
        import pty

        leader, follower = pty.openpty()
        env = {"PATH": "", "NO_COLOR": no_color, "TERM": "xterm", **_CODE_UNDER_TEST}
        env["PYTHONIOENCODING"] = "utf-8"
        with subprocess.Popen(
            [sys.executable, "-m", "usjapan2024", "show", "official.hamada"],
            stdout=follower, stderr=subprocess.PIPE, env=env,
        ) as process:  # fmt: skip
            os.close(follower)
            chunks = []
            while True:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the terminal closes when the process ends
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            assert process.wait() == 0
        os.close(leader)
        assert ("\x1b[1;4m" in b"".join(chunks).decode("utf-8")) is coloured

    def test_show_json(self) -> None:
        """show --format json prints the record as the dataset holds it."""
        data = json.loads(_ok("show", "JP", "--format", "json"))
        assert data["id"] == "JP"
        assert data["kind"] == "state"

    def test_show_unknown(self) -> None:
        """An unknown id is one line on stderr and exit 2."""
        result = _run("show", "official.kihara")
        assert result.returncode == 2
        (line,) = result.stderr.splitlines()
        assert line.startswith("usjapan2024 show: error: no record has id 'official.kihara'")

    def test_show_retired(self) -> None:
        """A retired id names the records that replaced it."""
        result = _run("show", "threat.ru-alignment")
        assert result.returncode == 2
        assert "replaced by 'threat.ru-cn-alignment', 'threat.ru-kp-alignment'" in result.stderr

    def test_export_dataset(self) -> None:
        """export dataset writes the whole file, byte for byte as dumps() does."""
        assert _ok("export", "dataset") == dumps(load())

    @pytest.mark.parametrize("kind", KINDS)
    def test_export_every_kind_as_csv(self, kind: RecordKindName) -> None:
        """Every record kind exports to CSV with one row per record."""
        rows = list(csv.DictReader(io.StringIO(_ok("export", kind))))
        assert len(rows) == len(usjapan2024.to_records(kind))

    def test_datasette_prints_the_metadata_of_the_named_database(self) -> None:
        """What `datasette -m` reads: the same as the Python API's, for the name given."""
        from usjapan2024.export import datasette_metadata

        out = json.loads(_ok("datasette", "--database", "talks"))
        assert out == datasette_metadata(database="talks")
        assert list(out["databases"]) == ["talks"]

    def test_schema(self) -> None:
        """schema prints the JSON Schema."""
        assert json.loads(_ok("schema")) == json_schema()


class TestValidate:
    def test_valid_file(self, tmp_path: Path) -> None:
        """A valid file is said to be valid, exit 0."""
        path = tmp_path / "ok.json"
        path.write_text(dumps(load()), encoding="utf-8")
        counts = f"{len(load().commitments)} commitments, {len(load().threats)} threats"
        assert _ok("validate", str(path)).strip() == f"{path}: valid ({counts})"

    def test_invalid_file(self, tmp_path: Path) -> None:
        """Every problem is printed with its JSON path, and the exit status is 1."""
        document = bundled_document()
        document["commitments"][0]["topic"] = "trade"
        del document["threats"][1]["kind"]
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        result = _run("validate", str(path))
        assert result.returncode == 1
        lines = result.stdout.splitlines()
        assert lines[0].startswith(f"{path}: $.commitments[0].topic: expected one of")
        assert lines[1] == f"{path}: $.threats[1].kind: required field is missing"
        assert lines[2] == f"{path}: invalid, 2 problems"
        assert "Traceback" not in result.stderr

    def test_missing_file(self) -> None:
        """A missing file is a usage error: one line, exit 2."""
        result = _run("validate", "no-such-file.json")
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1
        assert "no-such-file.json" in result.stderr


class TestUsageErrors:
    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (("commitments", "--topic", "deterence"), "valid values are 'international-order'"),
            (("officials", "--country", "JPN"), "valid values are 'US', 'JP'"),
            (("threats", "--format", "xml"), "invalid choice: 'xml'"),
            (("export", "tweets"), "invalid choice: 'tweets'"),
            (("nonsense",), "invalid choice: 'nonsense'"),
            (("commitments", "--bogus"), "unrecognized arguments: --bogus"),
        ],
    )
    def test_one_line_exit_2(self, args: tuple[str, ...], expected: str) -> None:
        """A bad option or value is one line on stderr naming the choices, exit 2."""
        result = _run(*args)
        assert result.returncode == 2
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert expected in result.stderr
        assert "Traceback" not in result.stderr

    @pytest.mark.parametrize("command", SUBCOMMANDS)
    def test_help_shows_an_example(self, command: str) -> None:
        """Each subcommand's --help ends with a real example of its use."""
        out = _ok(command, "--help")
        assert f"example:\n  usjapan2024 {command}" in out


class TestLean:
    def test_kinds_are_the_meeting_and_its_groups(self) -> None:
        """The kinds the CLI and export accept are the meeting and each of its groups."""
        groups = dict.fromkeys(kind_of(r).group for r in load().records())
        assert ("meeting", *groups) == KINDS

    def test_validate_imports_only_what_loading_needs(self, tmp_path: Path) -> None:
        """validate does not import the export, display or query machinery."""
        path = tmp_path / "ok.json"
        path.write_text(dumps(load()), encoding="utf-8")
        code = (
            "import sys; from usjapan2024._cli import run;"
            f"assert run(['validate', {str(path)!r}]) == 0;"
            "extra = [m for m in ('usjapan2024.export', 'usjapan2024._presenting.display',"
            " 'usjapan2024.queries', 'csv', 'pandas') if m in sys.modules];"
            "assert not extra, extra"
        )
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def _subparser(command: str) -> argparse.ArgumentParser:
    """The parser of one subcommand, as the command line builds it."""
    from usjapan2024._cli import _parser

    (commands,) = [a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)]
    found: argparse.ArgumentParser = commands.choices[command]
    return found


def _options(command: str) -> set[str]:
    return {o for a in _subparser(command)._actions for o in a.option_strings}


class TestParityWithPython:
    """Issue 22: what a query function selects by, its command selects by too."""

    @pytest.mark.parametrize("query", ["officials", "commitments", "threats", "search"])
    def test_every_keyword_is_an_option(self, query: str) -> None:
        """Each keyword of the function but ``meeting`` is an option of its command."""
        parameters = inspect.signature(getattr(usjapan2024, query)).parameters.values()
        keywords = [p.name for p in parameters if p.kind is p.KEYWORD_ONLY]
        wanted = {"--" + k.replace("_", "-") for k in keywords if k != "meeting"}
        assert wanted
        assert wanted <= _options(query)

    @pytest.mark.parametrize("query", ["officials", "commitments", "threats"])
    def test_a_listing_has_no_other_selecting_option(self, query: str) -> None:
        """And the other way: a listing's options are the keywords, and the shared ones."""
        parameters = inspect.signature(getattr(usjapan2024, query)).parameters
        shared = {"-h", "--help", "--format", "--file", "--source", "--corrected"}
        assert _options(query) - shared == {"--" + p for p in parameters if p != "meeting"}

    def test_the_page_lists_every_option(self) -> None:
        """docs/cli.md's table names each listing's options."""
        rows = {
            line.split("|")[1].strip(" `"): line
            for line in (ROOT / "docs" / "cli.md").read_text("utf-8").splitlines()
            if line.startswith("| `")
        }
        for query in ("officials", "commitments", "threats"):
            parameters = inspect.signature(getattr(usjapan2024, query)).parameters
            for name in parameters:
                if name != "meeting":
                    assert f"`--{name}`" in rows[query], (query, name)

    def test_parties_as_in_python(self) -> None:
        """``--parties US JP`` is ``commitments(parties=["US", "JP"])``: exactly those."""
        for parties in (["US"], ["us", "JP"]):
            data = json.loads(_ok("commitments", "--parties", *parties, "--format", "json"))
            expected = usjapan2024.commitments(parties=parties)
            assert expected
            assert [c["id"] for c in data] == [c.id for c in expected]
        both = json.loads(_ok("commitments", "--parties", "JP", "US", "--topic", "deterrence",
                              "--format", "json"))  # fmt: skip
        assert [c["id"] for c in both] == [
            c.id for c in usjapan2024.commitments(parties=["US", "JP"], topic="deterrence")
        ]

    def test_an_unknown_party_is_a_usage_error(self) -> None:
        result = _run("commitments", "--parties", "US", "XX")
        assert result.returncode == 2
        (line,) = result.stderr.splitlines()
        assert line.startswith("usjapan2024 commitments: error: unknown --parties 'XX'; valid")

    def test_parties_needs_a_value(self) -> None:
        result = _run("commitments", "--parties")
        assert result.returncode == 2
        assert "--parties: expected at least one argument" in result.stderr


class TestSchemaVersions:
    @pytest.mark.parametrize("version", SUPPORTED_SCHEMA_VERSIONS)
    def test_each_version_this_release_reads(self, version: int) -> None:
        """``schema --version N`` prints the schema of N: the shipped file of an older one."""
        out = json.loads(_ok("schema", "--version", str(version)))
        assert out == json_schema(version)
        assert out["$id"] == f"urn:usjapan2024:schema:{version}"
        if version != SUPPORTED_SCHEMA_VERSIONS[-1]:
            shipped = ROOT / "src" / "usjapan2024" / "data" / f"usjapan2024.schema-{version}.json"
            assert out == json.loads(shipped.read_text("utf-8"))

    def test_the_default_is_the_current_one(self) -> None:
        assert _ok("schema") == _ok("schema", "--version", str(SUPPORTED_SCHEMA_VERSIONS[-1]))

    @pytest.mark.parametrize("version", ["0", "4", "x", "2.0", "\x1b[31m"])
    def test_another_is_a_usage_error_naming_the_valid_ones(self, version: str) -> None:
        result = _run("schema", "--version", version)
        assert result.returncode == 2
        assert result.stdout == ""
        (line,) = result.stderr.splitlines()
        valid = ", ".join(map(str, SUPPORTED_SCHEMA_VERSIONS))
        assert line.startswith("usjapan2024 schema: error: no schema_version ")
        assert line.endswith(f"; this release reads {valid}")
        assert "\x1b" not in line


class TestShowMeeting:
    def test_text(self) -> None:
        """``show meeting`` shows the meeting: its name, date, place and counts, its quotes."""
        meeting = load()
        out = _ok("show", "meeting")
        lines = out.splitlines()
        assert lines[0] == "Meeting"
        assert f"  name: {meeting.name}" in lines
        assert f"  date: {meeting.date.isoformat()}" in lines
        assert f"  place: {meeting.place.value}" in lines
        assert f"  commitments: {len(meeting.commitments)}" in lines
        assert f"  threats: {len(meeting.threats)}" in lines
        assert f"«{meeting.sources[0].quote}»" in out

    def test_json(self) -> None:
        """Its own fields as the file holds them; its records are ``export dataset``'s."""
        data = json.loads(_ok("show", "meeting", "--format", "json"))
        whole = json.loads(dumps(load()))
        assert data.pop("record_kind") == "meeting"
        assert data.pop("errata") == []
        assert data == {k: v for k, v in whole.items() if k not in KINDS}
        assert data["name"] == load().name

    def test_of_another_file(self, tmp_path: Path) -> None:
        document = bundled_document()
        document["name"] = "Another meeting"
        path = tmp_path / "other.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        assert "  name: Another meeting" in _ok("show", "meeting", "--file", str(path))


class TestShellAdvice:
    def test_a_bom_gets_shell_advice(self, tmp_path: Path) -> None:
        """The command line's message for a BOM says what to do in a shell, not in Python."""
        path = tmp_path / "bom.json"
        path.write_bytes(b"\xef\xbb\xbf" + dumps(load()).encode("utf-8"))
        result = _run("validate", str(path))
        assert result.returncode == 1
        assert "byte order mark (BOM)" in result.stdout
        assert "sed -i '1s/^\\xEF\\xBB\\xBF//' FILE" in result.stdout
        assert "utf-8-sig" not in result.stdout
        listing = _run("officials", "--file", str(path))
        assert listing.returncode == 1
        assert "sed -i" in listing.stderr

    def test_a_listing_imports_only_what_it_shows(self) -> None:
        """`officials` (a table of the bundled data) imports no other command's machinery."""
        code = (
            "import sys; from usjapan2024._cli import run\n"
            "status = run(['officials'])\n"
            "extra = [m for m in ('usjapan2024.export', 'usjapan2024._querying.diff',"
            " 'usjapan2024._loading.schema', 'usjapan2024._loading.integrity',"
            " 'usjapan2024._tables.csvtext', 'csv', 'html', 'pandas') if m in sys.modules]\n"
            "assert status == 0 and not extra, (status, extra)\n"
        )
        done = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        assert "Antony Blinken" in done.stdout.decode("utf-8")


class TestOneCommandsParser:
    """The command line builds the parser of the command it runs, and only that one."""

    def test_every_command_has_a_parser(self) -> None:
        """A command added to the handlers without its options (or the reverse) fails here."""
        from usjapan2024 import _cli

        assert list(_cli._COMMANDS) == list(_cli._HANDLERS)

    def test_a_command_alone_parses_as_among_all(self) -> None:
        """The parser built for one command gives that command exactly its usual options."""
        from usjapan2024 import _cli

        def sub(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
            (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
            found: argparse.ArgumentParser = action.choices[name]
            return found

        every = _cli._parser()
        for name in _cli._COMMANDS:
            alone = _cli._parser(name)
            assert sub(alone, name).format_help() == sub(every, name).format_help()
            assert alone.format_usage() == every.format_usage()

    def test_the_help_lists_every_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        from usjapan2024 import _cli

        with pytest.raises(SystemExit):
            _cli.run(["--help"])
        shown = capsys.readouterr().out
        listed = re.findall(r"^    ([a-z]+)\b", shown, flags=re.MULTILINE)
        assert listed == list(_cli._COMMANDS), shown

    @pytest.mark.parametrize(
        ("argv", "command"),
        [
            (["officials", "--country", "JP"], "officials"),
            (["--traceback", "show", "JP"], "show"),
            (["show", "--help"], "show"),
            (["--help", "officials"], None),
            (["-h"], None),
            (["--", "officials"], None),
            (["oficials"], None),
            (["--version"], "summary"),
            ([], "summary"),
        ],
    )
    def test_the_command_is_the_first_argument_not_an_option(
        self, argv: list[str], command: str | None
    ) -> None:
        """With no command the default runs; with help or a mistake every parser is built."""
        from usjapan2024._cli import _command_of

        assert _command_of(argv) == command

    def test_a_mistaken_command_names_the_valid_ones(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from usjapan2024 import _cli

        assert _cli.run(["oficials"]) == 2
        said = capsys.readouterr().err
        assert "invalid choice: 'oficials'" in said
        assert all(repr(name) in said for name in _cli._COMMANDS), said
