"""The download page of the built docs: every link is a file whose sha256 the page shows.

The files are made by ``docs/_ext/downloads.py`` at each build; here each link of the
built page is followed, and each file compared with what the package makes or ships.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
import sqlite3
import tempfile
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

import usjapan2024 as uj
from usjapan2024._io.bundled import read_resource

from .builtdocs import built_docs
from .conftest import RELEASES, ROOT

__all__ = ["built_docs"]


class _Rows(HTMLParser):
    """Each row of the page's table of downloads: its link, its size in bytes, its sha256."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict[str, str]] = []
        self.links: list[str] = []
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a" and found.get("href"):
            self.links.append(str(found["href"]))
        if tag == "a" and found.get("class") == "uj-download":
            self.rows.append({"href": str(found["href"])})
        elif tag == "td" and found.get("class") == "uj-size":
            self.rows[-1]["bytes"] = str(found["data-bytes"])
        elif tag == "code" and found.get("class") == "uj-sha256":
            self._in = "sha256"

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self.rows[-1][self._in] = data
            self._in = None


@pytest.fixture(scope="module")
def page(built_docs: Path) -> _Rows:
    parser = _Rows()
    parser.feed((built_docs / "download.html").read_text(encoding="utf-8"))
    return parser


def _file(built_docs: Path, href: str) -> Path:
    assert not re.match(r"^[a-z]+:|^/", href), href  # a file of the site itself
    return built_docs / href


class TestDownloadPage:
    def test_it_is_in_the_toctree(self, built_docs: Path) -> None:
        assert 'href="download.html"' in (built_docs / "index.html").read_text(encoding="utf-8")

    def test_every_link_is_a_file_with_the_size_and_sha256_shown(
        self, built_docs: Path, page: _Rows
    ) -> None:
        assert len(page.rows) >= 4 + len(uj.releases())
        for row in page.rows:
            data = _file(built_docs, row["href"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == row["sha256"], row["href"]
            assert len(data) == int(row["bytes"]), row["href"]

    def test_the_checksum_file_agrees(self, built_docs: Path, page: _Rows) -> None:
        (sums,) = [link for link in page.links if link.endswith("SHA256SUMS")]
        listed = {}
        for line in _file(built_docs, sums).read_text("utf-8").splitlines():
            digest, name = line.split("  ", 1)
            listed[name] = digest
        assert listed == {Path(row["href"]).name: row["sha256"] for row in page.rows}

    def test_the_files_are_the_packages_data(self, built_docs: Path, page: _Rows) -> None:
        """The JSON is the bundled file, CITATION.cff the repository's, each release's
        file the one the package ships (with its recorded sha256)."""
        files = {Path(row["href"]).name: _file(built_docs, row["href"]) for row in page.rows}
        assert files["usjapan2024.json"].read_bytes() == read_resource("usjapan2024.json")
        assert files["CITATION.cff"].read_bytes() == (ROOT / "CITATION.cff").read_bytes()
        for release in uj.releases():
            data = files[release.file].read_bytes()
            assert data == (RELEASES / release.file).read_bytes()
            assert hashlib.sha256(data).hexdigest() == release.sha256

    def test_the_database_is_the_export(self, built_docs: Path, page: _Rows) -> None:
        (href,) = [row["href"] for row in page.rows if row["href"].endswith(".db")]
        with tempfile.TemporaryDirectory() as folder:
            fresh = uj.to_sqlite(Path(folder) / "fresh.db")
            assert _dump(_file(built_docs, href)) == _dump(fresh)

    def test_the_zip_is_the_data_package(
        self, built_docs: Path, page: _Rows, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The zip is what an export makes, byte for byte, at the time it says it was made."""
        (href,) = [row["href"] for row in page.rows if row["href"].endswith(".zip")]
        with zipfile.ZipFile(_file(built_docs, href)) as archive:
            held = {name: archive.read(name) for name in archive.namelist()}
        created = json.loads(held["usjapan2024/datapackage.json"])["created"]
        moment = datetime.datetime.fromisoformat(created.replace("Z", "+00:00"))
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(moment.timestamp())))
        with tempfile.TemporaryDirectory() as folder:
            fresh = uj.to_datapackage(Path(folder) / "usjapan2024")
            assert held == {f"usjapan2024/{p.name}": p.read_bytes() for p in fresh.iterdir()}

    def test_the_page_says_which_data_it_is(self, built_docs: Path) -> None:
        text = (built_docs / "download.html").read_text(encoding="utf-8")
        meeting = uj.load()
        assert f"dataset version {meeting.metadata.version}" in text
        bundled = hashlib.sha256(read_resource("usjapan2024.json")).hexdigest()
        released = any(r.sha256 == bundled for r in uj.releases())
        assert ("not yet released" in text) is not released


def _dump(path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_the_shell_steps_fetch_files_the_site_has(built_docs: Path) -> None:
    """The page for readers without Python downloads files the built site publishes, from
    the documentation's address (pyproject.toml's)."""
    documentation = re.search(
        r'^Documentation = "(.+)"$', (ROOT / "pyproject.toml").read_text("utf-8"), re.MULTILINE
    )
    assert documentation is not None
    page = (ROOT / "docs" / "without-python.md").read_text(encoding="utf-8")
    urls = re.findall(r"curl -O (\S+)", page)
    assert len(urls) >= 2
    for url in urls:
        assert url.startswith(documentation.group(1) + "downloads/"), url
        assert (built_docs / url.removeprefix(documentation.group(1))).is_file(), url
