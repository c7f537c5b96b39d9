"""A bug in the package is reported as a bug, never as a problem in the user's data.

Each test injects a failure into the package (a record class whose constructor
raises) and checks that loading lets it through as itself, and that every command of
the CLI exits 70 with one line that names it a bug, while bad data still exits 1.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from usjapan2024 import DatasetError, dumps, load, loads
from usjapan2024._cli import EX_SOFTWARE, run
from usjapan2024._loading import load as _loading
from usjapan2024.model import Commitment, Span

from .conftest import RELEASES
from .helpers import bundled_document


@pytest.fixture
def bundled_json() -> str:
    return dumps(load())


@pytest.fixture
def fresh_load(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Make the next load() structure the bundled file again, and forget it afterwards."""
    monkeypatch.setattr(_loading, "_bundled", None)
    yield
    _loading._bundled = None


def _broken(exception: BaseException) -> object:
    def init(*_: object, **__: object) -> None:
        raise exception

    return init


class TestLoading:
    @pytest.mark.parametrize(
        "exception", [RuntimeError("boom"), AttributeError("boom"), TypeError("boom")]
    )
    def test_constructor_failure_propagates(
        self, monkeypatch: pytest.MonkeyPatch, bundled_json: str, exception: Exception
    ) -> None:
        """A record class that raises is not turned into problems at data paths."""
        monkeypatch.setattr(Commitment, "__init__", _broken(exception))
        with pytest.raises(type(exception), match="boom") as info:
            loads(bundled_json)
        assert not isinstance(info.value, DatasetError)

    def test_key_error_from_deep_inside_is_a_bug(
        self, monkeypatch: pytest.MonkeyPatch, bundled_json: str
    ) -> None:
        """A KeyError raised below cattrs' generated code is not a missing field."""
        monkeypatch.setattr(Span, "__init__", _broken(KeyError("start")))
        with pytest.raises(KeyError) as info:
            loads(bundled_json)
        assert info.value.args == ("start",)

    def test_bug_wins_over_bad_data(
        self, monkeypatch: pytest.MonkeyPatch, bundled_json: str
    ) -> None:
        """With bad data and a bug at once, the bug is raised, not the problems."""
        document = json.loads(bundled_json)
        document["officials"][0]["name"] = 7
        monkeypatch.setattr(Commitment, "__init__", _broken(RuntimeError("boom")))
        with pytest.raises(RuntimeError, match="boom"):
            loads(json.dumps(document))

    def test_missing_field_is_still_a_problem(self) -> None:
        """The KeyError of a missing field is bad data, as before."""
        document = bundled_document()
        del document["threats"][1]["kind"]
        with pytest.raises(DatasetError) as info:
            loads(json.dumps(document))
        assert [str(p) for p in info.value.problems] == [
            "$.threats[1].kind: required field is missing"
        ]


_BUNDLED_FILE = RELEASES / "usjapan2024-1.0.0.json"

COMMANDS = (
    ("summary",),
    ("summary", "--file", str(_BUNDLED_FILE)),
    ("officials", "--file", str(_BUNDLED_FILE)),
    ("validate", str(_BUNDLED_FILE), "--format", "json"),
    ("diff", str(_BUNDLED_FILE), "bundled"),
    ("officials",),
    ("commitments", "--party", "US"),
    ("threats", "--format", "json"),
    ("search", "Tomahawk"),
    ("show", "commitment.article-v"),
    ("export", "commitments"),
    ("export", "dataset"),
    ("sqlite", "/nonexistent-folder-for-a-test/never.db"),
)


@pytest.mark.usefixtures("fresh_load")
class TestCommandLine:
    @pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
    def test_internal_error_exits_70(
        self,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        args: tuple[str, ...],
    ) -> None:
        """Every command that loads data reports a bug in one line and exits 70."""
        monkeypatch.setattr(Commitment, "__init__", _broken(RuntimeError("boom")))
        assert run(list(args)) == EX_SOFTWARE
        out, err = capsys.readouterr()
        assert out == ""
        (line,) = err.splitlines()
        assert "internal error (RuntimeError: boom)" in line
        assert "bug in usjapan2024" in line
        assert "--traceback" in line

    def test_validate_a_valid_file_with_a_bug(
        self,
        monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        bundled_json: str,
    ) -> None:
        """`validate` does not call a valid file invalid because of a bug."""
        path = tmp_path / "valid.json"
        path.write_text(bundled_json, encoding="utf-8")
        monkeypatch.setattr(Commitment, "__init__", _broken(RuntimeError("boom")))
        assert run(["validate", str(path)]) == EX_SOFTWARE
        assert "bug in usjapan2024" in capsys.readouterr().err

    def test_traceback_option_raises(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """--traceback lets the exception through, traceback and all."""
        monkeypatch.setattr(Commitment, "__init__", _broken(RuntimeError("boom")))
        with pytest.raises(RuntimeError, match="boom"):
            run(["--traceback", "commitments"])

    def test_invalid_data_still_exits_1(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """Bad data is not a bug: `validate` lists every problem and exits 1."""
        document = bundled_document()
        document["officials"][0]["name"] = 7
        path = tmp_path / "bad.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        assert run(["validate", str(path)]) == 1
        assert "$.officials[0].name: expected a string" in capsys.readouterr().out

    def test_usage_error_still_exits_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A filter value that names nothing is a usage error, not a bug."""
        assert run(["commitments", "--topic", "deterence"]) == 2
        (line,) = capsys.readouterr().err.splitlines()
        assert line.startswith("usjapan2024 commitments: error: unknown --topic 'deterence'")
