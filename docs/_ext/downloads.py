"""The data as files to download, made at every docs build and published with the pages.

A reader without Python needs the files themselves, not a command that writes them, so
each build writes into ``downloads/`` of the built site:

* ``usjapan2024.json``: the bundled data file, byte for byte;
* ``usjapan2024-datapackage.zip``: the Frictionless Data Package of the same data (the
  folder ``usjapan2024/``: a CSV file per table, ``datapackage.json``, the source text);
* ``usjapan2024.db``: the SQLite database;
* ``CITATION.cff``: how to cite it;
* ``usjapan2024-<version>.json``: the data file of each past release the package ships;
* ``SHA256SUMS``: every file's sha256, for ``sha256sum -c``.

``_generated/downloads.md`` lists them, with their sizes and sha256, for
``docs/download.md`` to include; ``tests/test_docs_downloads.py`` follows each link of the
built page and checks the file's digest.  The zip is written byte for byte the same at
every build (fixed times and order), so its digest changes only when the data does.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import html
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

import usjapan2024 as uj
from usjapan2024._io.bundled import read_resource
from usjapan2024._io.releases import release_bytes

__all__ = ["FOLDER", "Download", "downloads_md", "make_downloads", "setup"]

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "docs" / "_generated"
STAGED = GENERATED / "downloads"
"""Where the files are made, before the build copies them into the site."""
FOLDER = "downloads"
"""Their folder in the built site, beside the pages."""
SUMS = "SHA256SUMS"
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


@attrs.frozen
class Download:
    """One file to download.

    Attributes:
        name: Its file name in ``downloads/``.
        what: What it is, for the page.
        size: Its size in bytes.
        sha256: The hex sha256 of its bytes.
    """

    name: str
    what: str
    size: int
    sha256: str


def make_downloads(folder: Path = STAGED) -> list[Download]:
    """Write every file to download into ``folder`` (emptied first); describe each."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    made: list[tuple[str, str]] = []

    def add(name: str, what: str, data: bytes | None = None) -> None:
        if data is not None:
            (folder / name).write_bytes(data)
        made.append((name, what))

    add("usjapan2024.json", "the data file (JSON), as the package bundles it",
        read_resource("usjapan2024.json"))  # fmt: skip
    add("usjapan2024-datapackage.zip",
        "the Frictionless Data Package: a CSV file per table, described by datapackage.json",
        _datapackage_zip())  # fmt: skip
    uj.to_sqlite(folder / "usjapan2024.db")
    add("usjapan2024.db", "the SQLite database: the same tables, with indexes and views")
    add("CITATION.cff", "how to cite it (Citation File Format)",
        (ROOT / "CITATION.cff").read_bytes())  # fmt: skip
    for release in uj.releases():
        add(release.file, f"release {release.version}'s data file (JSON, schema"
            f" {release.schema_version})", release_bytes(release))  # fmt: skip
    found = [
        Download(name, what, (folder / name).stat().st_size, _sha256(folder / name))
        for name, what in made
    ]
    (folder / SUMS).write_text("".join(f"{d.sha256}  {d.name}\n" for d in found), "utf-8")
    return found


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _datapackage_zip() -> bytes:
    """The Data Package as a zip of the folder ``usjapan2024/``, the same at every build.

    Its ``created`` is the release's day (``SOURCE_DATE_EPOCH``, unless the build sets
    one), so that two builds of one release publish the same bytes and sha256.
    """
    bundled = hashlib.sha256(read_resource("usjapan2024.json")).hexdigest()
    release = next((r for r in uj.releases() if r.sha256 == bundled), None)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None and release is not None:
        day = datetime.date.fromisoformat(str(release.date))
        epoch = str(
            int(
                datetime.datetime(
                    day.year, day.month, day.day, tzinfo=datetime.timezone.utc
                ).timestamp()
            )
        )
    with tempfile.TemporaryDirectory() as temporary, _environment(SOURCE_DATE_EPOCH=epoch):
        package = uj.to_datapackage(Path(temporary) / "usjapan2024")
        target = Path(temporary) / "package.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(package.iterdir()):
                entry = zipfile.ZipInfo(f"usjapan2024/{path.name}", date_time=_EPOCH)
                entry.compress_type = zipfile.ZIP_DEFLATED
                entry.external_attr = 0o644 << 16
                archive.writestr(entry, path.read_bytes())
        return target.read_bytes()


@contextlib.contextmanager
def _environment(**values: str | None) -> Iterator[None]:
    """Set the environment variables given (``None``: leave one as it is) for a block."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update({name: value for name, value in values.items() if value is not None})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _size(size: int) -> str:
    return f"{size / 1024:,.1f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:,.1f} MB"


def downloads_md(found: list[Download]) -> str:
    """The list of files for ``download.md``: what each is, a link, its size and sha256."""
    meeting = uj.load()
    bundled = hashlib.sha256(read_resource("usjapan2024.json")).hexdigest()
    release = next((r for r in uj.releases() if r.sha256 == bundled), None)
    status = (
        f"the data of release {release.version}"
        if release is not None
        else "not yet released: the data of the next release, as this version of the"
        " package bundles it"
    )
    rows = "".join(
        f'<tr><td><a class="uj-download" href="{FOLDER}/{html.escape(d.name)}">'
        f"{html.escape(d.name)}</a></td><td>{html.escape(d.what)}</td>"
        f'<td class="uj-size" data-bytes="{d.size}">{_size(d.size)}</td>'
        f'<td><code class="uj-sha256">{d.sha256}</code></td></tr>'
        for d in found
    )
    intro = (
        f"The files below hold dataset version {meeting.metadata.version} (schema"
        f" {meeting.schema_version}), {status}; the last rows are the data files of the past"
        " releases."
    )
    table = (
        '<table class="uj-downloads"><thead><tr><th>file</th><th>what it is</th>'
        f"<th>size</th><th>sha256</th></tr></thead><tbody>{rows}</tbody></table>"
        f'<p>Every digest, for <code>sha256sum -c</code>: <a href="{FOLDER}/{SUMS}">'
        f"{SUMS}</a>.</p>"
    )
    return f"{intro}\n\n```{{raw}} html\n{table}\n```\n"


def _generate(_: object) -> None:
    GENERATED.mkdir(exist_ok=True)
    text = downloads_md(make_downloads())
    page = GENERATED / "downloads.md"
    if not page.exists() or page.read_text(encoding="utf-8") != text:
        page.write_text(text, encoding="utf-8")


def _publish(app: Any, exception: BaseException | None) -> None:  # noqa: ANN401
    """Copy the files into the built site, beside the pages that link to them."""
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / FOLDER
        shutil.rmtree(target, ignore_errors=True)  # no file of an earlier build stays
        shutil.copytree(STAGED, target)


def setup(app: Any) -> dict[str, Any]:  # noqa: ANN401
    """Make the files before Sphinx reads a page, and publish them once it has written all."""
    app.connect("builder-inited", _generate)
    app.connect("build-finished", _publish)
    return {"parallel_read_safe": True, "version": "1"}
