"""The files shipped in the package: the source text and the data files beside it.

Read through ``importlib_resources``, so that they are found in a folder or inside a zip
file alike; each is read when first asked for.
"""

from __future__ import annotations

import functools
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import importlib_resources.abc

__all__ = ["read_resource", "source_text"]

_PACKAGE = "usjapan2024"
_SOURCE_FILE = "communique-2024-07-28.txt"

_lock = threading.Lock()
_source: str | None = None


def source_text() -> str:
    """Return the bundled source text, a byte-identical copy of the scraped article.

    Every :class:`~usjapan2024.Span` of the bundled dataset indexes into this string.
    """
    global _source  # noqa: PLW0603  (a read-once cache)
    if _source is None:
        with _lock:
            if _source is None:
                _source = read_resource(_SOURCE_FILE).decode("utf-8")
    return _source


def read_resource(name: str) -> bytes:
    """Return the bytes of the data file ``name`` shipped in the package."""
    return _data_folder().joinpath(name).read_bytes()


@functools.cache
def _data_folder() -> importlib_resources.abc.Traversable:
    """Where the package's data files are (a folder, or a place inside a zip file).

    Found once: asking ``importlib_resources`` costs more than reading a file.
    """
    import importlib_resources  # kept off the import path of the package

    return importlib_resources.files(_PACKAGE).joinpath("data")
