"""Reading and writing datasets: the bundled one, a user's file, or a string.

The bundled dataset is read through ``importlib_resources`` on the first call to
:func:`load`, structured and checked once, and cached: every later call, from any
thread, returns the same immutable object.  A failed load raises before anything is
published, so it can never leave a half-built dataset behind.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from usjapan2024._io.bundled import read_resource, source_text
from usjapan2024._io.text import Source, read_source
from usjapan2024.exceptions import DatasetError, Problem
from usjapan2024.model import Meeting

__all__ = [
    "dump",
    "dumps",
    "load",
    "loads",
    "source_text",
]

_DATA_FILE = "usjapan2024.json"

_lock = threading.Lock()
_bundled: Meeting | None = None


def load(path: str | os.PathLike[str] | None = None, *, source: Source | None = None) -> Meeting:
    """Load a dataset: the bundled one, or a file in the same schema.

    Args:
        path: A JSON file to read; ``None`` (the default) returns the bundled dataset,
            read on first use and shared afterwards.
        source: The text the file's spans index into, as a ``str``, or the path of a
            file that holds it (read byte-exact, with no newline translation); defaults
            to the bundled text.

    Raises:
        FileNotFoundError: ``path`` (or the source's path) does not exist.
        DatasetError: The content is not a valid dataset; every problem is listed.
    """
    if path is None:
        if source is not None:
            msg = "source= goes with a path: the bundled dataset has its own source text"
            raise TypeError(msg)
        return _load_bundled()
    return loads(Path(path).read_bytes(), source=source)


def _load_bundled() -> Meeting:
    global _bundled  # noqa: PLW0603  (published once, under the lock)
    meeting = _bundled
    if meeting is None:  # only the first call: later ones return the published object
        with _lock:
            meeting = _bundled
            if meeting is None:
                meeting = loads(read_resource(_DATA_FILE), source=source_text())
                _bundled = meeting
    return meeting


def loads(data: str | bytes, *, source: Source | None = None) -> Meeting:
    """Parse, structure and check a dataset held in memory.

    Args:
        data: The JSON document, as text or UTF-8 bytes.
        source: The text the spans index into, or the path of a file that holds it;
            defaults to the bundled text.

    Raises:
        DatasetError: The content is not a valid dataset; every problem is listed.
    """
    return read(data, source, hint="source=")


def read(data: str | bytes, source: Source | None, *, hint: str) -> Meeting:
    """:func:`loads`, with ``hint`` saying how the caller names the source text.

    The command line passes ``--source FILE``, so that its messages give no
    Python-only advice.
    """
    from usjapan2024._loading import document as _document
    from usjapan2024._loading import integrity as _integrity

    text = source_text() if source is None else read_source(source)
    with _cyclic_gc_paused():
        document = _parse(data)
        meeting = _document.structure_meeting(document)
    problems = _integrity.check(meeting, text, hint=hint)
    if problems:
        raise DatasetError(problems)
    return meeting


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a document is built.

    Parsing and structuring allocate hundreds of thousands of objects for a large
    file, none of them in a reference cycle; each allocation burst triggers a
    collection that rescans the whole growing heap, which made load time per record
    grow with the file (about 2x slower per record at 10^5 records than at 10^3).
    Reference counting still frees everything as usual.  If the collector was
    already off (the caller's choice, or another thread's load), it is left alone.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _parse(data: str | bytes) -> Any:
    """Decode and parse JSON strictly: UTF-8 only, no NaN or Infinity, no repeated keys."""
    if isinstance(data, (bytes, bytearray)):
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise DatasetError(
                [Problem("$", f"not UTF-8: byte {exc.start} is {data[exc.start]:#04x}")]
            ) from None
    elif not isinstance(data, str):
        msg = f"loads() takes str or bytes, not {type(data).__name__}"
        raise TypeError(msg)
    objects = _Objects()
    try:
        document = json.loads(
            data,
            parse_constant=_reject_constant,
            object_pairs_hook=objects.make,
        )
    except json.JSONDecodeError as exc:
        raise DatasetError(
            [Problem("$", f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}")]
        ) from None
    except RecursionError:
        raise DatasetError(
            [Problem("$", "not readable: arrays or objects nested too deeply")]
        ) from None
    except ValueError as exc:  # NaN/Infinity, or an integer too long to convert
        raise DatasetError([Problem("$", f"not valid JSON data: {exc}")]) from None
    if objects.repeated:
        raise DatasetError(objects.repeated)
    if _SURROGATE_ESCAPE.search(data):  # only a \u escape makes one: rare, so checked slowly
        problems = list(_lone_surrogates(document, "$"))
        if problems:
            raise DatasetError(problems)
    return document


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _lone_surrogates(value: Any, path: str) -> Iterator[Problem]:
    """Strings holding a lone surrogate, which JSON can escape but UTF-8 cannot encode."""
    from usjapan2024._loading.typecheck import lone_surrogate

    if isinstance(value, str):
        at = lone_surrogate(value)
        if at is not None:
            yield Problem(path, f"a lone surrogate at index {at}, which UTF-8 cannot encode")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _lone_surrogates(key, f"{path} (a key)")
            yield from _lone_surrogates(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _lone_surrogates(item, f"{path}[{index}]")


def _reject_constant(name: str) -> Any:
    msg = f"{name} is not a JSON number"
    raise ValueError(msg)


class _Objects:
    """Builds the parsed JSON objects, noting any key that appears twice in one.

    A repeated key would silently drop the first value: it is reported instead.  The
    common case costs one ``dict()`` and one comparison, both in C, in a bound method
    that ``json`` calls directly.
    """

    def __init__(self) -> None:
        self.repeated: list[Problem] = []

    def make(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    self.repeated.append(Problem("$", f"key {key!r} appears twice in one object"))
                seen.add(key)
        return result


def dumps(meeting: Meeting) -> str:
    """Return ``meeting`` as the JSON document :func:`loads` reads back.

    Raises:
        DatasetError: A value is not of its field's type (a meeting built in code):
            every such problem, with its path, and nothing is written.
    """
    from usjapan2024._loading.converter import converter
    from usjapan2024._loading.typecheck import type_problems

    problems = list(type_problems(meeting))
    if problems:
        raise DatasetError(problems)
    return json.dumps(converter().unstructure(meeting), ensure_ascii=False, indent=2) + "\n"


def dump(meeting: Meeting, path: str | os.PathLike[str]) -> None:
    """Write ``meeting`` to ``path`` as UTF-8 JSON, replacing the file all at once.

    The document is encoded in full before anything is written, and written to a
    temporary file that is renamed over ``path``: if anything fails, the old file is
    left as it was.
    """
    from usjapan2024._io.safe import new_file

    data = dumps(meeting).encode("utf-8")
    with new_file(path, overwrite=True) as partial:
        partial.write_bytes(data)
