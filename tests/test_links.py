"""Links to the record catalogue: the base address is configurable and written once."""

from __future__ import annotations

import sys

import pytest

import usjapan2024 as uj
from usjapan2024._presenting import links as _links

from .conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _documentation() -> str:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    address: str = pyproject["project"]["urls"]["Documentation"]
    return address


def test_argument_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """An explicit base wins over the environment."""
    monkeypatch.setenv(_links.ENVIRONMENT_VARIABLE, "https://elsewhere.example/")
    assert uj.record_url("JP", base="file:///tmp/html") == "file:///tmp/html/records.html#JP"


def test_environment_then_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    """The variable overrides the metadata; set empty, it turns links off."""
    monkeypatch.setattr(_links, "_metadata_address", lambda: "https://docs.example/x/")
    monkeypatch.delenv(_links.ENVIRONMENT_VARIABLE, raising=False)
    meeting = uj.load()
    assert uj.record_url(meeting) == "https://docs.example/x/records.html#meeting"
    assert uj.record_url(uj.get("JP")) == "https://docs.example/x/records.html#JP"
    monkeypatch.setenv(_links.ENVIRONMENT_VARIABLE, "http://localhost:8000")
    assert uj.record_url("JP") == "http://localhost:8000/records.html#JP"
    monkeypatch.setenv(_links.ENVIRONMENT_VARIABLE, "")
    assert uj.record_url("JP") is None


def test_the_default_is_the_documentation_address() -> None:
    """pyproject.toml declares the Documentation address the links default to."""
    assert _documentation().startswith("https://")
    installed = _links._metadata_address()
    assert installed in {None, _documentation()} or installed.startswith("https://")


def test_source_links() -> None:
    """A span links to its anchor in the annotated source."""
    span = uj.get("official.hamada").sources[0]
    assert _links.source_url(span, base="https://d.example") == (
        f"https://d.example/source.html#span-{span.start}-{span.end}"
    )
