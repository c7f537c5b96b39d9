"""The typing surface: what mypy --strict accepts of the public API, and what it refuses.

As attrs does with its typing examples: ``typing/public_api.py`` must pass, and every
line of ``typing/mistakes.py`` marked ``# E: code`` must fail with that code, no other
line failing.  mypy is a lint tool, so where it is not installed the test is skipped.
"""

from __future__ import annotations

import re
import typing

import pytest

from usjapan2024 import vocabulary
from usjapan2024._model.kinds import RECORD_KINDS
from usjapan2024.export import RecordKindName

from .conftest import ROOT

HERE = ROOT / "tests" / "typing"


def _mypy(path: str, *options: str) -> list[tuple[int, str]]:
    api = pytest.importorskip("mypy.api")
    out, _, _ = api.run(
        [
            "--strict",
            "--no-incremental",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            *options,
            path,
        ]
    )
    return [
        (int(m.group(1)), m.group(2))
        for m in re.finditer(r"^[^:\n]+:(\d+): error: .*\[([\w-]+)\]$", out, re.MULTILINE)
    ]


def test_the_public_api_type_checks() -> None:
    """Every documented call has the type a user expects (assert_type), with no error.

    With PEP 702's check on, too: no documented call uses a deprecated name.
    """
    assert _mypy(str(HERE / "public_api.py"), "--enable-error-code", "deprecated") == []


def test_mistakes_are_caught() -> None:
    """A misspelt name, a value of the wrong type, a deprecated name (PEP 702) fails."""
    path = HERE / "mistakes.py"
    expected = [
        (number, mark.group(1))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if (mark := re.search(r"# E: ([\w-]+)$", line))
    ]
    assert len(expected) >= 7
    assert sorted(set(_mypy(str(path)))) == expected


@pytest.mark.parametrize("name", [n for n in vocabulary.__all__ if n.endswith("Value")])
def test_value_aliases_list_their_enums_values(name: str) -> None:
    """Each Literal alias holds exactly its enum's values, in order."""
    enum_class = getattr(vocabulary, name.removesuffix("Value"))
    assert typing.get_args(getattr(vocabulary, name)) == tuple(m.value for m in enum_class)


def test_record_kind_names_are_the_kinds() -> None:
    """The Literal of kinds names exactly the kinds a listing or export accepts."""
    assert typing.get_args(RecordKindName) == RECORD_KINDS


def test_every_deprecated_name_is_among_the_mistakes() -> None:
    """Each name that warns at run time is used in mistakes.py, where mypy must flag it."""
    from usjapan2024 import export

    lines = (HERE / "mistakes.py").read_text("utf-8").splitlines()
    flagged = [line for line in lines if line.endswith("# E: deprecated")]
    for name in (*export._MOVED, "reference"):
        assert any(re.search(rf"\b{name}\b", line) for line in flagged), name
