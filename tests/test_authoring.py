"""Writing a dataset file by hand: skeleton(), fill_offsets(), `usjapan2024 new` and `fill`."""

from __future__ import annotations

import copy
import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import usjapan2024 as uj
from usjapan2024._io.text import occurrences
from usjapan2024._loading.authoring import fill, heading_lines
from usjapan2024.exceptions import MAX_PROBLEMS

from .conftest import ROOT
from .helpers import bundled_document, walk

HERE = ROOT / "tests" / "data" / "authoring"
TEXT = HERE / "communique.txt"
DRAFT = HERE / "draft.json"
CODED = HERE / "coded.json"
PAGE = ROOT / "docs" / "authoring.md"

_CODE_UNDER_TEST = {k: v for k, v in os.environ.items() if k == "PYTHONPATH"}


def _run(
    *args: str, stdin: bytes | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "usjapan2024", *args],
        input=None if stdin is None else stdin.decode("utf-8", "surrogateescape"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        cwd=cwd,
        env={"COLUMNS": "80", "PATH": "", "PYTHONIOENCODING": "utf-8", **_CODE_UNDER_TEST},
    )


def _text(path: Path = TEXT) -> str:
    """A text file as the package reads it: bytes decoded as UTF-8, no newline translation."""
    return path.read_bytes().decode("utf-8")


def _draft() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(DRAFT.read_bytes())
    return document


def _without_offsets(value: object) -> None:
    """Take ``start`` and ``end`` out of every span in ``value``, in place."""
    if isinstance(value, dict):
        if "quote" in value:
            value.pop("start", None)
            value.pop("end", None)
        for item in value.values():
            _without_offsets(item)
    elif isinstance(value, list):
        for item in value:
            _without_offsets(item)


def _span_paths(meeting: uj.Meeting) -> dict[str, uj.Span]:
    """Every span of a loaded meeting, at its JSON path, found by walking the records."""
    return {path: obj for path, obj in walk(meeting) if isinstance(obj, uj.Span)}


def _utf16(text: str, index: int) -> int:
    """Where ``text[index]`` is in UTF-16 code units, as editors and JavaScript count."""
    return len(text[:index].encode("utf-16-le")) // 2


def _problems(error: pytest.ExceptionInfo[uj.DatasetError]) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in error.value.problems]


class TestFillOffsets:
    def test_the_bundled_file_is_its_own_fill(self) -> None:
        """Every bundled span's start holds its quote, ambiguous quotes too: nothing moves."""
        document = bundled_document()
        before = copy.deepcopy(document)
        done = fill(document, uj.source_text())
        assert done.document == before
        assert (done.changed, done.digest_changed) == (0, False)
        assert document == before

    def test_every_span_the_model_holds_is_filled(self) -> None:
        """The spans found are exactly those of the loaded meeting: every kind, any depth."""
        meeting = uj.load()
        spans = _span_paths(meeting)
        assert any(".excluded[" in path for path in spans)  # nested twice, not in a record
        assert fill(bundled_document(), uj.source_text()).spans == len(spans)

    def test_offsets_come_back_from_the_quotes(self) -> None:
        """Without offsets, each unique quote gets its bundled offsets; the others are refused."""
        text = uj.source_text()
        spans = _span_paths(uj.load())
        ambiguous = {p for p, s in spans.items() if len(occurrences(s.quote, text)) > 1}
        document = bundled_document()
        _without_offsets(document)
        with pytest.raises(uj.DatasetError) as error:
            uj.fill_offsets(document, text)
        assert {path for path, _ in _problems(error)} == ambiguous
        assert ambiguous  # "Japan" and "China" occur many times: the bundled data chose
        for path, span in spans.items():  # a start in each ambiguous span chooses it
            if path in ambiguous:
                _at(document, path)["start"] = span.start
        filled = uj.fill_offsets(document, text)
        assert filled == bundled_document()

    def test_the_input_is_not_changed(self) -> None:
        document = _draft()
        before = copy.deepcopy(document)
        filled = uj.fill_offsets(document, TEXT)
        assert document == before
        assert filled != before

    def test_the_draft_fills_to_the_coded_file(self) -> None:
        """The guide's draft, filled, is the guide's coded file, which loads and checks."""
        filled = uj.fill_offsets(_draft(), TEXT)
        assert filled == json.loads(CODED.read_bytes())
        meeting = uj.loads(json.dumps(filled), source=TEXT)
        assert uj.check(meeting) == []

    def test_code_points_not_bytes_nor_utf16(self) -> None:
        """After an emoji and a curly apostrophe, the offsets are str indices, as loading reads."""
        text = _text()
        assert "\U0001f30a They plan" in text  # the guide's text has the emoji before the quote
        filled = uj.fill_offsets(_draft(), text)
        span = filled["commitments"][1]["sources"][0]
        start = text.index(span["quote"])
        assert (span["start"], span["end"]) == (start, start + len(span["quote"]))
        assert _utf16(text, start) != start  # the emoji is two UTF-16 units
        assert len(text[:start].encode("utf-8")) != start
        meeting = uj.loads(json.dumps(filled), source=text)
        assert meeting.commitments[1].sources[0].quote == text[start : start + len(span["quote"])]

    def test_windows_line_endings(self) -> None:
        """CRLF moves every later offset by one per line; the fill follows the text as read.

        The guide's text has Windows line endings: the same text with LF ones is another.
        """
        crlf = _text()
        assert crlf.count("\n") == crlf.count("\r\n") > 0
        lf = crlf.replace("\r\n", "\n")
        draft = _draft()
        with pytest.raises(uj.DatasetError, match=r"parties\[1\].*'Japan' occurs 3 times"):
            uj.fill_offsets(draft, lf)  # the start chosen in the CRLF text misses: refused
        chosen = draft["parties"][1]["sources"][0]
        chosen["start"] -= crlf[: chosen["start"]].count("\r\n")
        windows, plain = uj.fill_offsets(_draft(), crlf), uj.fill_offsets(draft, lf)
        threat = [d["threats"][0]["sources"][0]["start"] for d in (plain, windows)]
        assert threat[1] == threat[0] + lf[: threat[0]].count("\n")
        assert plain["metadata"]["source"]["sha256"] == uj.text_digest(lf)
        assert windows["metadata"]["source"]["sha256"] == uj.text_digest(crlf)
        uj.loads(json.dumps(plain), source=lf)

    def test_japanese_text(self) -> None:
        text = "日米外相会談\n2025年3月3日、両外相は東京で会談した。\n両国は同盟を再確認した。\n"
        document = {"sources": [{"quote": "東京で会談した"}, {"quote": "同盟を再確認した。"}]}
        filled = uj.fill_offsets(document, text)
        for span in filled["sources"]:
            assert text[span["start"] : span["end"]] == span["quote"]
        assert filled["sources"][0]["start"] == text.index("東京")

    def test_a_byte_order_mark_is_a_character_of_the_text(self, tmp_path: Path) -> None:
        """A BOM is read as U+FEFF, index 0, as loading reads it: later offsets count it."""
        path = tmp_path / "bom.txt"
        path.write_bytes(b"\xef\xbb\xbf" + TEXT.read_bytes())
        draft = _draft()
        draft["parties"][1]["sources"][0]["start"] += 1  # the occurrence chosen, one later
        filled = uj.fill_offsets(draft, path)
        plain = json.loads(CODED.read_bytes())
        assert filled["sources"][0]["start"] == plain["sources"][0]["start"] + 1
        assert filled["metadata"]["source"]["sha256"] == uj.text_digest(_text(path))
        uj.loads(json.dumps(filled), source=path)

    def test_an_ambiguous_quote_lists_every_occurrence(self) -> None:
        text = _text()
        document = {"parties": [{"sources": [{"quote": "Japan"}]}]}
        with pytest.raises(uj.DatasetError) as error:
            uj.fill_offsets(document, text)
        ((path, message),) = _problems(error)
        starts = [m.start() for m in re.finditer("(?=Japan)", text)]
        assert path == "$.parties[0].sources[0]"
        assert len(starts) == 3
        assert f"occurs 3 times, at {starts[0]}, {starts[1]} and {starts[2]}" in message

    def test_a_start_that_holds_the_quote_chooses(self) -> None:
        text = _text()
        second = text.index("Japan", text.index("Japan") + 1)
        document = {"sources": [{"start": second, "quote": "Japan", "role": "own"}]}
        filled = uj.fill_offsets(document, text)
        assert filled["sources"] == [
            {"start": second, "end": second + 5, "quote": "Japan", "role": "own"}
        ]

    def test_a_start_that_misses_chooses_nothing(self) -> None:
        """A start one off (a UTF-16 count, say) holds no occurrence: still ambiguous."""
        text = _text()
        document = {"sources": [{"start": text.index("Japan") + 1, "quote": "Japan"}]}
        with pytest.raises(uj.DatasetError, match="occurs 3 times"):
            uj.fill_offsets(document, text)

    def test_a_stale_start_of_a_unique_quote_is_corrected(self) -> None:
        text = _text()
        document = {"sources": [{"start": 3, "end": 9, "quote": "Hana Sato"}]}
        start = text.index("Hana Sato")
        assert uj.fill_offsets(document, text)["sources"][0] == {
            "start": start,
            "end": start + 9,
            "quote": "Hana Sato",
        }

    def test_a_missing_quote_says_so_and_shows_the_texts_words(self) -> None:
        """Typed with a straight apostrophe, the quote is nowhere; the text's words are shown."""
        text = _text()
        document = {"commitments": [{"sources": [{"quote": "Japan's largest  container"}]}]}
        with pytest.raises(uj.DatasetError) as error:
            uj.fill_offsets(document, text)
        ((path, message),) = _problems(error)
        start = text.index("Japan\u2019s largest")
        assert path == "$.commitments[0].sources[0]"
        assert message == (
            'quote "Japan\'s largest  container" occurs nowhere in the text; it has'
            f" 'Japan\u2019s largest container' at [{start}, {start + 25}): quote its"
            " words as it writes them"
        )

    def test_a_quote_with_no_near_match(self) -> None:
        document = {"sources": [{"quote": "Osaka"}, {"quote": ""}, {"start": 0}]}
        with pytest.raises(uj.DatasetError) as error:
            uj.fill_offsets(document, _text())
        assert _problems(error) == [
            (
                "$.sources[0]",
                (
                    "quote 'Osaka' occurs nowhere in the text: quote the text's words as it"
                    " writes them"
                ),
            ),
            ("$.sources[1]", "has no quote to find: give the words it cites as 'quote'"),
            ("$.sources[2]", "has no quote to find: give the words it cites as 'quote'"),
        ]

    def test_what_has_another_shape_is_left_for_loading(self) -> None:
        """A group that is not a list, a span that is not an object: untouched, unreported."""
        document = {"sources": "none", "officials": [3, {"sources": [None]}]}
        assert uj.fill_offsets(document, _text()) == document

    def test_a_document_that_is_not_an_object(self) -> None:
        with pytest.raises(uj.DatasetError) as error:
            uj.fill_offsets([], _text())  # type: ignore[arg-type]
        assert _problems(error) == [
            ("$", "expected an object (a dataset is one JSON object), got array")
        ]

    def test_the_digest_becomes_the_texts(self) -> None:
        document = _draft()
        document["metadata"]["source"]["sha256"] = "0" * 64
        done = fill(document, TEXT)
        assert done.digest_changed
        assert done.document["metadata"]["source"]["sha256"] == uj.text_digest(_text())
        assert not fill(done.document, TEXT).digest_changed


def _at(document: Any, path: str) -> Any:
    """The value at a JSON path of the form the problems use (``$.a[0].b``)."""
    value = document
    for name, index in re.findall(r"\.(\w+)|\[(\d+)\]", path):
        value = value[name] if name else value[int(index)]
    return value


class TestSkeleton:
    def test_it_holds_the_digest_version_and_empty_groups(self) -> None:
        document = uj.skeleton(TEXT)
        assert document["schema_version"] == uj.SUPPORTED_SCHEMA_VERSIONS[-1]
        assert document["metadata"]["source"]["sha256"] == uj.text_digest(_text())
        assert [document[k.name] for k in _groups()] == [[] for _ in _groups()]
        assert document["sources"] == []

    def test_it_lists_each_value_to_write(self) -> None:
        """It does not load: every null is a problem at its path, so validate is a checklist."""
        document = uj.skeleton(TEXT)
        with pytest.raises(uj.DatasetError) as error:
            uj.loads(json.dumps(document), source=TEXT)
        nulls = {path for path, value in _leaves(document) if value is None}
        assert {path for path, _ in _problems(error)} == nulls
        assert "$.metadata.title" in nulls

    def test_its_keys_are_those_of_a_file_that_loads(self) -> None:
        """The draft, which loads once filled, has the skeleton's keys outside the groups."""
        skeleton = {p for p, _ in _leaves(uj.skeleton(TEXT), records=False)}
        draft = {p for p, _ in _leaves(_draft(), records=False)}
        assert skeleton == draft

    def test_the_headings_of_the_bundled_text_are_its_excluded_lines(self) -> None:
        """The guess finds exactly the six lines the bundled data excludes, by hand."""
        excluded = uj.load().metadata.source.excluded
        text = uj.source_text()
        assert heading_lines(text) == [(e.span.start, e.span.end) for e in excluded]
        spans = uj.skeleton(text)["metadata"]["source"]["excluded"]
        assert [s["span"]["quote"] for s in spans] == [e.span.quote for e in excluded]

    def test_headings_in_windows_and_japanese_texts(self) -> None:
        text = "日米外相会談\r\n両外相は東京で会談した。\r\n  Read next: Ports  \r\n=SUM(A1)\r\n"
        assert [text[a:b] for a, b in heading_lines(text)] == ["日米外相会談", "Read next: Ports"]

    def test_the_skeleton_of_a_path_and_of_its_text_agree(self) -> None:
        assert uj.skeleton(TEXT) == uj.skeleton(_text())

    def test_a_text_that_utf8_cannot_encode(self) -> None:
        with pytest.raises(uj.DatasetError, match="lone surrogate at index 2"):
            uj.skeleton("ab\ud800")


def _groups() -> list[Any]:
    from usjapan2024._model.fields import record_fields

    return list(record_fields(uj.Meeting))


def _leaves(value: object, path: str = "$", *, records: bool = True) -> list[tuple[str, object]]:
    """Every scalar of a JSON value with its path; without ``records``, lists are leaves."""
    if isinstance(value, dict):
        return [
            leaf
            for key, item in value.items()
            for leaf in _leaves(item, f"{path}.{key}", records=records)
        ]
    if isinstance(value, list) and records:
        return [
            leaf
            for i, item in enumerate(value)
            for leaf in _leaves(item, f"{path}[{i}]", records=records)
        ]
    return [(path, value)]


class TestNewCommand:
    def test_it_prints_the_skeleton(self) -> None:
        result = _run("new", str(TEXT))
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == uj.skeleton(TEXT)
        assert "2 lines of" in result.stderr
        assert "review metadata.source.excluded" in result.stderr

    def test_it_writes_a_file_and_replaces_one_only_with_force(self, tmp_path: Path) -> None:
        target = tmp_path / "draft.json"
        assert _run("new", str(TEXT), "-o", str(target)).returncode == 0
        assert json.loads(target.read_bytes()) == uj.skeleton(TEXT)
        target.write_text("{}", encoding="utf-8")
        refused = _run("new", str(TEXT), "-o", str(target))
        assert refused.returncode == 2
        assert refused.stderr == (
            f"usjapan2024 new: error: {target} exists already; replace it with --force\n"
        )
        assert target.read_text(encoding="utf-8") == "{}"
        assert _run("new", str(TEXT), "-o", str(target), "--force").returncode == 0
        assert json.loads(target.read_bytes()) == uj.skeleton(TEXT)

    def test_a_missing_text_is_a_usage_error(self, tmp_path: Path) -> None:
        missing = tmp_path / "none.txt"
        result = _run("new", str(missing))
        assert result.returncode == 2
        assert result.stderr == f"usjapan2024 new: error: {missing}: No such file or directory\n"

    def test_a_text_that_is_not_utf8_is_bad_data(self, tmp_path: Path) -> None:
        path = tmp_path / "latin1.txt"
        path.write_bytes("Café talks\n".encode("latin-1"))
        result = _run("new", str(path))
        assert result.returncode == 1
        assert "is not UTF-8: byte 3 is 0xe9" in result.stderr
        assert result.stdout == ""


class TestFillCommand:
    def test_it_prints_the_filled_file(self) -> None:
        result = _run("fill", str(DRAFT), "--source", str(TEXT))
        assert result.returncode == 0, result.stderr
        assert result.stdout == CODED.read_text(encoding="utf-8")
        spans = len(_span_paths(uj.load(CODED, source=TEXT)))
        assert result.stderr == (
            f"{DRAFT}: offsets set from the quotes for {spans} of {spans} spans\n"
        )

    def test_it_reads_standard_input(self) -> None:
        result = _run("fill", "-", "--source", str(TEXT), stdin=DRAFT.read_bytes())
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == json.loads(CODED.read_bytes())

    def test_in_place_replaces_the_file_and_keeps_its_mode(self, tmp_path: Path) -> None:
        path = tmp_path / "draft.json"
        shutil.copy(DRAFT, path)
        path.chmod(0o600)
        result = _run("fill", str(path), "--source", str(TEXT), "--in-place")
        assert result.returncode == 0, result.stderr
        assert result.stdout == ""
        assert path.read_bytes() == CODED.read_bytes()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert result.stderr.startswith(f"wrote {path}\n")

    def test_output_and_force(self, tmp_path: Path) -> None:
        target = tmp_path / "coded.json"
        assert _run("fill", str(DRAFT), "--source", str(TEXT), "-o", str(target)).returncode == 0
        assert target.read_bytes() == CODED.read_bytes()
        again = _run("fill", str(DRAFT), "--source", str(TEXT), "-o", str(target))
        assert again.returncode == 2
        assert "exists already; replace it with --force" in again.stderr

    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (("-", "--in-place"), "--in-place needs a FILE, not standard input"),
            (("x.json", "--in-place", "-o", "y.json"), "not allowed with argument"),
            (("missing.json",), "missing.json: No such file or directory"),
            (("x.json", "--source", "missing.txt"), "missing.txt: No such file or directory"),
        ],
    )
    def test_usage_errors(self, args: tuple[str, ...], expected: str, tmp_path: Path) -> None:
        (tmp_path / "x.json").write_text("{}", encoding="utf-8")
        result = _run("fill", *args, cwd=tmp_path)
        assert result.returncode == 2
        assert len(result.stderr.splitlines()) == 1, result.stderr
        assert expected in result.stderr

    def test_refusals_are_listed_and_exit_1(self) -> None:
        ambiguous = HERE / "ambiguous.json"
        result = _run("fill", str(ambiguous), "--source", str(TEXT))
        assert result.returncode == 1
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert lines[0].startswith(f"{ambiguous}: $.parties[0].sources[0]: quote 'Japan' occurs 3")
        assert lines[1:] == [f"{ambiguous}: not filled, 1 problem"]

    def test_a_hostile_quote_is_shown_escaped(self, tmp_path: Path) -> None:
        """Control characters of a quote, and of the file's name, reach the terminal escaped."""
        path = tmp_path / "hostile\x1b[31m.json"
        quote = "\x1b]0;pwned\x07\u202egnp.exe\nnew line"
        path.write_text(json.dumps({"sources": [{"quote": quote}]}), encoding="utf-8")
        result = _run("fill", str(path), "--source", str(TEXT))
        assert result.returncode == 1
        assert "hostile\\x1b[31m.json: $.sources[0]: quote" in result.stderr
        assert "\\x1b]0;pwned\\x07\\u202egnp.exe\\nnew line" in result.stderr
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f\u202e]", result.stderr)
        assert len(result.stderr.splitlines()) == 2

    def test_hostile_text_is_exact_json_on_standard_output(self, tmp_path: Path) -> None:
        text = tmp_path / "text.txt"
        text.write_text("Talks \u202ein Tokyo\x1b[2J.\n", encoding="utf-8")
        path = tmp_path / "doc.json"
        path.write_text(json.dumps({"sources": [{"quote": "\u202ein Tokyo\x1b[2J"}]}), "utf-8")
        result = _run("fill", str(path), "--source", str(text))
        assert result.returncode == 0, result.stderr
        assert not re.search("[\x1b\u202e]", result.stdout)
        assert json.loads(result.stdout)["sources"][0] == {
            "start": 6,
            "end": 19,
            "quote": "\u202ein Tokyo\x1b[2J",
        }

    def test_a_file_with_a_byte_order_mark_is_read_as_loading_reads_it(
        self, tmp_path: Path
    ) -> None:
        """Loading refuses a JSON file that starts with a BOM, so fill says so, at its path."""
        path = tmp_path / "bom.json"
        path.write_bytes(b"\xef\xbb\xbf" + DRAFT.read_bytes())
        result = _run("fill", str(path), "--source", str(TEXT))
        assert result.returncode == 1
        assert f"{path}: $: not JSON: the file begins with a UTF-8 byte order mark" in result.stderr
        assert "sed -i" in result.stderr  # the advice for a shell, not for Python

    def test_a_text_with_lf_line_endings_and_no_emoji(self, tmp_path: Path) -> None:
        """The text file is read byte-exact: without the CRs and the emoji, offsets move."""
        path = tmp_path / "lf.txt"
        text = _text().replace("\U0001f30a ", "").replace("\r\n", "\n")
        path.write_bytes(text.encode("utf-8"))
        draft = _draft()
        draft["parties"][1]["sources"][0]["start"] = text.index("Japan and")
        (tmp_path / "draft.json").write_text(json.dumps(draft), encoding="utf-8")
        result = _run("fill", "draft.json", "--source", "lf.txt", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        filled = json.loads(result.stdout)
        assert filled == uj.fill_offsets(draft, text)
        assert filled != json.loads(CODED.read_bytes())
        uj.loads(result.stdout, source=path)

    def test_the_headings_of_a_crlf_text_leave_out_the_line_ending(self) -> None:
        skeleton = json.loads(_run("new", str(TEXT)).stdout)
        assert [e["span"]["quote"] for e in skeleton["metadata"]["source"]["excluded"]] == [
            "Clean Ports Statement",
            "Read next: Ports and Power in the Pacific",
        ]

    def test_a_filled_file_is_its_own_fill_byte_for_byte(self, tmp_path: Path) -> None:
        """The bundled file, written by dumps(), comes back the same: fill writes as dump does."""
        path = tmp_path / "bundled.json"
        path.write_text(uj.dumps(uj.load()), encoding="utf-8")
        result = _run("fill", str(path))  # no --source: the bundled text
        assert result.returncode == 0, result.stderr
        assert result.stdout == path.read_text(encoding="utf-8")
        spans = len(_span_paths(uj.load()))
        assert result.stderr == f"{path}: offsets set from the quotes for 0 of {spans} spans\n"

    def test_a_file_that_repeats_a_key(self, tmp_path: Path) -> None:
        path = tmp_path / "twice.json"
        path.write_text('{"sources": [], "sources": []}', encoding="utf-8")
        result = _run("fill", str(path), "--source", str(TEXT))
        assert result.returncode == 1
        assert "key 'sources' appears twice in this object" in result.stderr


class TestStaleSpanMessage:
    """Loading a span whose offsets miss its quote says where the quote is."""

    def test_offsets_counted_in_utf16(self) -> None:
        """The trial author's mistake: offsets an editor counts, after an emoji."""
        text = _text()
        filled = uj.fill_offsets(_draft(), text)
        span = filled["commitments"][1]["sources"][0]
        right, end = span["start"], span["end"]
        wrong = _utf16(text, right)
        assert wrong != right
        span.update(start=wrong, end=wrong + len(span["quote"]))
        with pytest.raises(uj.DatasetError) as error:
            uj.loads(json.dumps(filled), source=text)
        ((path, message),) = _problems(error)
        assert path == "$.commitments[1].sources[0]"
        assert message.endswith(
            f"; the quote stands at [{right}, {end}): `usjapan2024 fill` sets offsets from quotes"
        )

    def test_a_quote_that_is_nowhere(self) -> None:
        document = json.loads(CODED.read_bytes())
        span = document["threats"][0]["sources"][0]
        span["quote"] = "X" + span["quote"][1:]
        with pytest.raises(uj.DatasetError) as error:
            uj.loads(json.dumps(document), source=TEXT)
        ((_, message),) = _problems(error)
        assert message.endswith(
            "which reads 'They expressed concern about coercion in the East China Sea.';"
            " the quote occurs nowhere in the text"
        )

    def test_a_quote_that_is_in_several_places(self) -> None:
        text = uj.source_text()
        document = bundled_document()
        span = document["parties"][1]["sources"][0]
        assert span["quote"] == "Japan"
        span["start"] += 1
        span["end"] += 1
        with pytest.raises(uj.DatasetError) as error:
            uj.loads(json.dumps(document))
        ((_, message),) = _problems(error)
        first = [m.start() for m in re.finditer("Japan", text)][:3]
        shown = ", ".join(f"[{s}, {s + 5})" for s in first)
        assert message.endswith(
            f"; the quote stands at {shown} and elsewhere: `usjapan2024 fill` sets offsets"
            " from quotes"
        )

    def test_only_the_kept_problems_are_looked_up(self) -> None:
        """The search is for the problems an error keeps: bad input costs what good input costs."""
        from usjapan2024._loading.integrity import _Found

        found = _Found("abc")
        answers = [found("b") for _ in range(MAX_PROBLEMS + 1)]
        hint = "; the quote stands at [1, 2): `usjapan2024 fill` sets offsets from quotes"
        assert answers[:-1] == [hint] * MAX_PROBLEMS
        assert answers[-1] == ""


class TestTheGuide:
    """docs/authoring.md: its commands run as it shows them; the API docs list the tools."""

    def test_the_walkthrough_runs(self, tmp_path: Path) -> None:
        """The page's shell commands, run in a folder of the author's own: new, then fill."""
        commands = [
            shlex.split(line)
            for block in re.findall(
                r"```bash\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL
            )
            for line in block.splitlines()
            if line.startswith("usjapan2024 ")
        ]
        assert [c[1] for c in commands] == ["new", "fill"]
        shutil.copy(TEXT, tmp_path / "communique.txt")
        for args in commands:
            if args[1] == "fill":  # between the two, the author wrote the draft by hand
                shutil.copy(DRAFT, tmp_path / "draft.json")
            result = _run(*args[1:], cwd=tmp_path)
            assert result.returncode == 0, result.stderr
        assert (tmp_path / "coded.json").read_bytes() == CODED.read_bytes()

    def test_each_included_excerpt_is_in_its_file(self) -> None:
        """Every literalinclude's file holds its markers, the first a group of the meeting.

        So the page shows the declarations it names (locations, departments), and an edit
        of the example files that moves them fails here, not only in the docs build.
        """
        page = PAGE.read_text(encoding="utf-8")
        blocks = re.findall(r"```\{literalinclude\} \.\./(\S+)\n(.*?)```", page, re.DOTALL)
        shown = []
        for name, options in blocks:
            text = (ROOT / name).read_text(encoding="utf-8")
            markers = dict(re.findall(r"^:(start-at|end-before): '(.*)'$", options, re.MULTILINE))
            if markers:
                start, end = text.index(markers["start-at"]), text.index(markers["end-before"])
                assert start < end, name
                assert text[:start].endswith("\n  "), markers  # the first is a top-level key
                shown.append(markers["start-at"])
        assert '"locations": [' in shown
        assert "TODO" not in page

    def test_the_page_is_in_the_table_of_contents(self) -> None:
        assert re.search(
            r"^authoring$", (ROOT / "docs" / "index.md").read_text("utf-8"), re.MULTILINE
        )

    @pytest.mark.parametrize(
        "name",
        ["locate", "text_digest", "check", "in_context", "record_url", "fill_offsets", "skeleton"],
    )
    def test_the_api_page_documents_the_tools(self, name: str) -> None:
        api = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
        assert f".. autofunction:: usjapan2024.{name}\n" in api
        assert callable(getattr(uj, name))
