"""Source texts are read byte-exact; a wrong one is one mistake; quotes can be located."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from usjapan2024 import DatasetError, dumps, load, loads, locate, source_text, text_digest
from usjapan2024.strategies import meetings_with_source


def _crlf_dataset(tmp_path: Path) -> tuple[Path, Path]:
    """A valid dataset coded from a CRLF copy of the text, and that text's file."""
    text = source_text().replace("\n", "\r\n")
    document = json.loads(dumps(load()))
    document["metadata"]["source"]["sha256"] = text_digest(text)
    breaks = [i for i, c in enumerate(source_text()) if c == "\n"]

    def moved(offset: int) -> int:  # every line break before an offset adds a character
        return offset + sum(1 for b in breaks if b < offset)

    def fix(spans: list[dict[str, object]]) -> None:
        for span in spans:
            start, end = moved(int(str(span["start"]))), moved(int(str(span["end"])))
            span.update(start=start, end=end, quote=text[start:end])

    for value in document.values():
        for record in value if isinstance(value, list) else []:
            if isinstance(record, dict) and "sources" in record:
                fix(record["sources"])
    fix(document["sources"])
    for exclusion in document["metadata"]["source"]["excluded"]:
        fix([exclusion["span"]])
    data, source = tmp_path / "crlf.json", tmp_path / "crlf.txt"
    data.write_text(json.dumps(document), encoding="utf-8")
    source.write_bytes(text.encode("utf-8"))
    return data, source


class TestByteExact:
    def test_a_path_is_read_without_newline_translation(self, tmp_path: Path) -> None:
        """A CRLF text given as a path loads; the same text read with read_text() would not."""
        data, source = _crlf_dataset(tmp_path)
        assert load(data, source=source).metadata.source.sha256 == text_digest(
            source.read_bytes().decode("utf-8")
        )
        with pytest.raises(DatasetError):
            load(data, source=source.read_text(encoding="utf-8"))  # translated: CRLF -> LF

    def test_cli_reads_the_source_byte_exact(self, tmp_path: Path) -> None:
        """`validate --source` accepts the CRLF text it is given."""
        data, source = _crlf_dataset(tmp_path)
        result = subprocess.run(
            [sys.executable, "-m", "usjapan2024", "validate", str(data), "--source", str(source)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr

    def test_a_source_that_is_not_utf8(self, tmp_path: Path) -> None:
        """A source file that is not UTF-8 is a problem named as such."""
        bad = tmp_path / "latin1.txt"
        bad.write_bytes("caf\xe9".encode("latin-1"))
        with pytest.raises(DatasetError, match="is not UTF-8: byte 3 is 0xe9"):
            loads(dumps(load()), source=bad)

    def test_a_source_of_another_type_is_a_type_error(self) -> None:
        """Bytes are neither the text nor a path: a programming mistake."""
        with pytest.raises(TypeError, match=r"the text .str. or a path"):
            loads(dumps(load()), source=b"text")  # type: ignore[arg-type]


class TestWrongText:
    def test_reported_once_with_the_python_spelling(self) -> None:
        """The wrong text is one problem, naming source=, with no span problems after it."""
        with pytest.raises(DatasetError) as info:
            loads(dumps(load()), source=source_text() + " ")
        (problem,) = info.value.problems
        assert problem.path == "$.metadata.source.sha256"
        assert problem.message.endswith("give the text it was coded from (source=)")

    def test_cli_names_its_own_option(self, tmp_path: Path) -> None:
        """The command line's message names --source FILE, not Python's source=."""
        other = tmp_path / "other.txt"
        other.write_text("another text", encoding="utf-8")
        data = tmp_path / "data.json"
        data.write_text(dumps(load()), encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "usjapan2024", "validate", str(data), "--source", str(other)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1
        lines = result.stdout.splitlines()
        assert len(lines) == 2
        assert lines[0].endswith("(--source FILE)")
        assert "source=" not in result.stdout


def _occurrences(text: str, quote: str) -> int:
    """How many times ``quote`` starts in ``text``, overlaps included (str.count skips them)."""
    return sum(text.startswith(quote, i) for i in range(len(text)))


class TestLocate:
    @given(st.data())
    def test_a_located_span_quotes_the_text(self, data: st.DataObject) -> None:
        """locate() gives a span whose offsets slice out exactly the quote."""
        text = source_text()
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, min(len(text), start + 60)))
        quote = text[start:end]
        count = _occurrences(text, quote)
        occurrence = data.draw(st.integers(0, count - 1))
        span = locate(quote, text, occurrence=occurrence)
        assert text[span.start : span.end] == span.quote == quote
        if count == 1:
            assert locate(quote, text) == span

    @given(meetings_with_source())
    def test_every_generated_span_can_be_located(self, pair: tuple[object, str]) -> None:
        """Each span of a valid meeting is one of the occurrences locate() finds."""
        meeting, text = pair
        for span in meeting.sources:  # type: ignore[attr-defined]
            count = _occurrences(text, span.quote)
            assert span in [locate(span.quote, text, occurrence=k) for k in range(count)]

    @pytest.mark.parametrize(
        ("quote", "kwargs", "message"),
        [
            ("", {}, "non-empty quote"),
            ("Atlantis", {}, "is not in the text"),
            ("Japan", {}, r"occurs \d+ times \(at 22, 240, "),
            ("Yoko Kamikawa", {"occurrence": 1}, "no occurrence 1"),
        ],
    )
    def test_mistakes(self, quote: str, kwargs: dict[str, int], message: str) -> None:
        """Each way a quote cannot be located says why."""
        with pytest.raises(ValueError, match=message):
            locate(quote, source_text(), **kwargs)

    def test_digest_is_the_files(self) -> None:
        """text_digest() of the bundled text is what the bundled file records."""
        assert text_digest(source_text()) == load().metadata.source.sha256
