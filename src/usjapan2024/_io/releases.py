"""The data files of past releases, shipped in the package beside the current one.

"What changed since 1.0.0?" needs the 1.0.0 file, so every released data file ships in
``data/releases/`` under the name ``usjapan2024-<version>.json``, byte for byte as it was
released, each with its sha256 recorded here: a file that differs from its release is
refused, not read as that release.  The bundled ``usjapan2024.json`` is the data of the
next release until that release is made; it is not listed here before then.

Making a release is one line in ``_RELEASED`` and one file: copy the bundled file to
``data/releases/usjapan2024-<version>.json`` and add its version, date and sha256.
(``tests/test_release.py`` checks each line against its file and against the released ids.)
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import json
import re

import attrs

from usjapan2024._io.bundled import read_resource

__all__ = [
    "RELEASE_PREFIX",
    "Release",
    "is_version",
    "release",
    "release_bytes",
    "releases",
]

_RELEASED: tuple[tuple[str, str | None, str], ...] = (
    # version, release date (None if not known), sha256 of the file as released
    ("1.0.0", "2026-11-29", "1902ffaca28a2cc12dfc194bbaf4020f5af0f9272f7c06e6faebd0f00e8fb173"),
    ("1.1.0", "2026-11-30", "ec11a1c04829a82ae349e23a31bd3e0b5f9f518e091da88e7ec9e11b7f86fc27"),
    ("1.2.0", "2026-12-02", "040523eb4786f606cc125f017dd756a2633a0ffec19a8b464f6e7f90bec2d4a0"),
)
"""Every release, oldest first: one line each (its file is named by its version)."""

RELEASE_PREFIX = "release:"
"""What marks a release's name where a file's path could stand (``release:1.0.0``)."""

_FOLDER = "releases"


@attrs.frozen
class Release:
    """A released data file that ships in the package.

    Attributes:
        version: The dataset version it was released as (its ``metadata.version``).
        date: The day it was released, if known.
        schema_version: The schema its file is written in (``load`` reads every one).
        sha256: The hex sha256 of the file's bytes as released; loading checks it.
        file: The file's name in the package's ``data/releases/`` folder.
    """

    version: str
    date: datetime.date | None
    schema_version: int
    sha256: str
    file: str


@functools.cache
def releases() -> tuple[Release, ...]:
    """Every release whose data file ships in this package, oldest first.

    The current bundled data is listed only once it is released: until then it is the
    next release's data, and ``load()`` reads it.

    >>> [(r.version, r.schema_version) for r in releases()]
    [('1.0.0', 1), ('1.1.0', 2), ('1.2.0', 3)]
    """
    found = []
    for version, day, sha256 in _RELEASED:
        name = f"usjapan2024-{version}.json"
        document = json.loads(_checked(name, sha256))
        found.append(
            Release(
                version=version,
                date=None if day is None else datetime.date.fromisoformat(day),
                schema_version=document["schema_version"],
                sha256=sha256,
                file=name,
            )
        )
    return tuple(found)


def release(name: str) -> Release:
    """The release named ``name`` (``"1.0.0"``, or ``"release:1.0.0"``).

    Raises:
        ValueError: No release of that name ships in this package; the message
            lists those that do.
    """
    if not isinstance(name, str):
        msg = f"a release is named by its version as a string, such as '1.0.0', not {name!r}"
        raise TypeError(msg)
    version = name.removeprefix(RELEASE_PREFIX)
    for found in releases():
        if found.version == version:
            return found
    known = ", ".join(r.version for r in releases())
    hint = "" if is_version(version) else " (a release is named by its version, such as 1.0.0)"
    msg = f"no release {name!r} ships in this package; its releases are {known}{hint}"
    raise ValueError(msg)


def release_bytes(found: Release) -> bytes:
    """The file of release ``found``, checked against its recorded sha256."""
    return _checked(found.file, found.sha256)


_VERSION = re.compile(r"^[0-9]+\.[0-9]+\.[0-9]+$")


def is_version(name: str) -> bool:
    """Whether ``name`` has the form of a release's version (``1.2.0``)."""
    return bool(_VERSION.match(name))


def _checked(name: str, sha256: str) -> bytes:
    """The bytes of release file ``name``; an error if they are not the release's.

    A release file is the package's own, so a mismatch is a broken installation, not a
    user's bad data: it is reported as the ``OSError`` of a damaged file.
    """
    data = read_resource(f"{_FOLDER}/{name}")
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        msg = (
            f"the package's data/{_FOLDER}/{name} is not the file that was released"
            f" (sha256 {digest}, released as {sha256}): reinstall usjapan2024"
        )
        raise OSError(msg)
    return data
