"""CITATION.cff is valid and says what the dataset's metadata says."""

from __future__ import annotations

import datetime
import sys

import pytest

from usjapan2024 import __version__, load

from .conftest import ROOT

yaml = pytest.importorskip("yaml", reason="needs the docs extra")

REQUIRED = ("cff-version", "message", "title", "authors")


def _citation() -> dict[str, object]:
    data = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_has_the_required_keys() -> None:
    """The keys CFF 1.2.0 requires are present, with the right types."""
    citation = _citation()
    for key in REQUIRED:
        assert key in citation, key
    assert citation["cff-version"] == "1.2.0"
    authors = citation["authors"]
    assert isinstance(authors, list)
    assert all("name" in a or "family-names" in a for a in authors)
    released = citation["date-released"]
    assert isinstance(released, (str, datetime.date))
    datetime.date.fromisoformat(str(released))


def test_agrees_with_the_metadata() -> None:
    """Title, version and licence match the dataset's own metadata and the package."""
    citation = _citation()
    metadata = load().metadata
    assert citation["version"] == metadata.version == __version__
    assert str(citation["title"]) in metadata.citation
    assert "CC BY 4.0" in metadata.licence
    assert citation["license"] == "CC-BY-4.0"
    refs = citation["references"]
    assert isinstance(refs, list)
    assert refs[0]["title"] == metadata.official_document.title


def test_its_addresses_are_the_package_s() -> None:
    """The documentation and code addresses are pyproject.toml's: the exports' homepage
    comes from the shipped copy of this file."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    urls = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["urls"]
    citation = _citation()
    assert citation["url"] == urls["Documentation"]
    assert citation["repository-code"] == urls["Source"]
