"""Nothing is lost on write, and a meeting or record built in code can be checked."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest
from hypothesis import given

from usjapan2024 import DatasetError, Meeting, Span, Threat, check, dump, dumps, get, load, loads
from usjapan2024.strategies import meetings_with_source

from .helpers import problems_of


class TestAtomicDump:
    def test_failed_dump_leaves_the_old_file(self, tmp_path: Path) -> None:
        """A meeting that cannot be written leaves the target's bytes as they were."""
        target = tmp_path / "data.json"
        target.write_bytes(b"old contents")
        bad = attrs.evolve(load(), name="a\ud800b")
        with pytest.raises(DatasetError, match=r"\$\.name: a lone surrogate at index 1"):
            dump(bad, target)
        assert target.read_bytes() == b"old contents"
        assert [p.name for p in tmp_path.iterdir()] == ["data.json"]

    def test_a_failure_during_the_write_removes_the_temporary_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """An error while writing (a full disk, say) leaves no stray temporary file."""
        target = tmp_path / "data.json"
        target.write_bytes(b"old")

        def full(*_: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("os.fsync", full)
        with pytest.raises(OSError, match="No space left"):
            dump(load(), target)
        assert target.read_bytes() == b"old"
        assert [p.name for p in tmp_path.iterdir()] == ["data.json"]

    def test_dump_replaces_and_reads_back(self, tmp_path: Path) -> None:
        """A successful dump replaces the file with one that loads equal."""
        target = tmp_path / "data.json"
        target.write_bytes(b"old")
        dump(load(), target)
        assert load(target) == load()


class TestLoneSurrogates:
    def test_loader_refuses_them_with_a_path(self) -> None:
        """JSON can escape a lone surrogate, but UTF-8 cannot write it: refused on load."""
        document = json.loads(dumps(load()))
        document["threats"][2]["summary"] = "x\ud800"
        text = json.dumps(document)  # ensure_ascii writes it as an escape
        assert "\\ud800" in text
        assert problems_of(text) == [
            ("$.threats[2].summary", "a lone surrogate at index 1, which UTF-8 cannot encode")
        ]

    def test_a_surrogate_pair_is_fine(self) -> None:
        """An escaped pair is one character outside the BMP, which is valid."""
        document = json.loads(dumps(load()))
        document["name"] = "\U0001f600"
        assert loads(json.dumps(document)).name == "\U0001f600"


class TestCheck:
    def test_the_bundled_data_is_clean(self) -> None:
        """The bundled meeting, and every record in it, check clean."""
        meeting = load()
        assert check(meeting) == []
        assert all(check(record) == [] for record in meeting.commitments)

    def test_a_typo_is_found_with_its_path(self) -> None:
        """A wrong value in a record built with attrs.evolve is reported, not accepted."""
        threat = get("threat.kp-missiles", kind=Threat)
        wrong = attrs.evolve(threat, response="condemned", involving=["UA"])  # type: ignore[arg-type]
        assert [str(p) for p in check(wrong)] == [
            "$.involving: expected a tuple, got list ['UA']",
            "$.response: expected a Response, got str 'condemned'",
        ]

    def test_a_bool_is_not_an_int_nor_a_list_a_tuple(self) -> None:
        """Exact types, as loading enforces them."""
        span = Span(True, 3, "abc")  # noqa: FBT003  (the mistake under test)
        assert [str(p) for p in check(span)] == ["$.start: expected an integer, got bool True"]

    def test_a_record_s_quotes_are_checked_against_the_text(self) -> None:
        """A record whose quote is not at its offsets is reported at the span's path."""
        official = get("official.hamada")
        moved = attrs.evolve(official, sources=(Span(0, 5, "Hamad"),))
        assert [p.path for p in check(moved)] == ["$.sources[0]"]

    def test_a_meeting_gets_every_loading_check(self) -> None:
        """For a meeting, check() finds what loading would: here, a duplicate id."""
        meeting = load()
        twin = attrs.evolve(meeting.threats[1], id=meeting.threats[0].id)
        broken = attrs.evolve(meeting, threats=(meeting.threats[0], twin, *meeting.threats[2:]))
        assert [p.path for p in check(broken)] == ["$.threats[1].id"]
        with pytest.raises(DatasetError) as info:
            loads(dumps(broken))
        assert check(broken) == list(info.value.problems)

    def test_dumps_refuses_what_it_cannot_write(self) -> None:
        """dumps() of a meeting with a wrong value raises DatasetError, not AttributeError."""
        bad = attrs.evolve(load(), place="tokyo")  # type: ignore[arg-type]
        with pytest.raises(DatasetError, match=r"\$\.place: expected a Place, got str 'tokyo'"):
            dumps(bad)

    def test_not_a_record(self) -> None:
        """Anything that is not a model class is a programming error."""
        with pytest.raises(TypeError, match="takes a meeting or a record"):
            check({"id": "x"})

    @given(meetings_with_source())
    def test_generated_meetings_check_clean(self, pair: tuple[Meeting, str]) -> None:
        """check() agrees with loading on every valid generated meeting."""
        meeting, text = pair
        assert check(meeting, source=text) == []
