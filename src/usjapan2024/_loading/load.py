"""Reading and writing datasets: the bundled one, a user's file, or a string.

The bundled dataset is read through ``importlib_resources`` on the first call to
:func:`load`, structured once, and cached: every later call, from any thread, returns
the same immutable object.  A failed load raises before anything is published, so it
can never leave a half-built dataset behind.

The bundled files are proven valid by the test suite, which loads them with every
check, and their SHA-256 is recorded with the code (``_loading/proven.py``, written by
the build; a test fails when it is not that of the bundled files).  So the first load
compares the digests of the bytes it read with those and, when both match, does not
prove them again: the JSON is parsed without the strict parse's checks and structured
by cattrs without the hooks' type checks, and the integrity checks are not run (see
:func:`_structure_proven` for exactly which checks).  Any other bytes, at the bundled
path too, get every check, as a user's file does.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from usjapan2024._io.bundled import read_resource, source_text
from usjapan2024._io.text import Source, read_source, text_digest
from usjapan2024._io.texts import remember
from usjapan2024.exceptions import MAX_PROBLEMS, DatasetError, Problem
from usjapan2024.model import Meeting

__all__ = [
    "dump",
    "dumps",
    "load",
    "loads",
    "parse",
    "read_text",
    "source_text",
]

_DATA_FILE = "usjapan2024.json"

_lock = threading.Lock()
_bundled: Meeting | None = None
_released: dict[str, Meeting] = {}  # version -> the release's meeting, read once


def load(
    path: str | os.PathLike[str] | None = None,
    *,
    source: Source | None = None,
    release: str | None = None,
) -> Meeting:
    """Load a dataset: the bundled one, a past release shipped with it, or a file.

    >>> old = load(release="1.0.0")
    >>> old.metadata.version, len(old.commitments) < len(load().commitments)
    ('1.0.0', True)

    Args:
        path: A JSON file to read; ``None`` (the default) returns the bundled dataset,
            read on first use and shared afterwards.
        source: The text the file's spans index into, as a ``str``, or the path of a
            file that holds it (read byte-exact, with no newline translation); defaults
            to the bundled text.
        release: The version of a past release whose data file ships in the package
            (``"1.0.0"``; :func:`~usjapan2024.releases` lists them), read in its own
            schema version like any older file, on first use and shared afterwards.
            It has its own source text, so it goes with neither ``path`` nor ``source``.

    Raises:
        FileNotFoundError: ``path`` (or the source's path) does not exist.
        DatasetError: The content is not a valid dataset; every problem is listed.
        ValueError: No release of that version ships in this package (the message
            lists those that do).
        OSError: The release's file in the package is not the file released (its
            sha256 differs): a damaged installation.
    """
    if release is not None:
        if path is not None or source is not None:
            msg = "release= goes alone: a release is its own file, with its own source text"
            raise TypeError(msg)
        return _load_release(release)
    if path is None:
        if source is not None:
            msg = "source= goes with a path: the bundled dataset has its own source text"
            raise TypeError(msg)
        return _load_bundled()
    return loads(Path(path).read_bytes(), source=source)


def _load_release(name: str) -> Meeting:
    """The meeting of release ``name``, read and checked once, then shared."""
    from usjapan2024._io.releases import release, release_bytes

    found = release(name)
    meeting = _released.get(found.version)
    if meeting is None:
        with _lock:
            meeting = _released.get(found.version)
            if meeting is None:
                meeting = loads(release_bytes(found), source=source_text())
                _released[found.version] = meeting
    return meeting


def bundled() -> Meeting | None:
    """The bundled meeting if it has been loaded, else ``None`` (nothing is read)."""
    return _bundled


def _load_bundled() -> Meeting:
    global _bundled  # noqa: PLW0603  (published once, under the lock)
    meeting = _bundled
    if meeting is None:  # only the first call: later ones return the published object
        with _lock:
            meeting = _bundled
            if meeting is None:
                meeting = _read_bundled()
                _bundled = meeting
    return meeting


def _read_bundled() -> Meeting:
    """The bundled meeting: the proven bytes structured without re-proof, any others checked."""
    from usjapan2024._loading import proven

    data, text = read_resource(_DATA_FILE), source_text()
    if (
        hashlib.sha256(data).hexdigest() != proven.DATA_SHA256
        or text_digest(text) != proven.SOURCE_SHA256
    ):
        return loads(data, source=text)  # not the bytes the tests proved: every check
    return _structure_proven(data, text)


def _structure_proven(data: bytes, text: str) -> Meeting:
    """Structure the bundled JSON whose bytes (and source text) the test suite proved valid.

    Skipped, because their answer is a function of these bytes and this package's code
    alone, which the digests and the tests fix: what the strict parse refuses (bytes
    that are not UTF-8, a repeated key, ``NaN`` or ``Infinity``, an over-long integer, a
    lone surrogate) and the integrity checks of ``_loading/integrity.py`` (the text's
    digest, each quote against the text at its offsets, the rules every value keeps,
    every record cited, unique ids, every reference resolved, retired ids), and the
    type checks of the converter's hooks (a string where the schema says a string, a
    known vocabulary value, an array, no unknown key).  Not skipped: the schema
    version's dispatch and the structuring itself, by cattrs, in the same wire format
    (:func:`~usjapan2024._loading.converter.proven_converter`), and the typing of each
    erratum's ``record_value``.
    """
    from usjapan2024._loading import document as _document

    with _cyclic_gc_paused():
        meeting = _document.structure_meeting(json.loads(data), proven=True)
    remember(meeting, text)  # proved by the test suite: every span indexes this text
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
    return read(data, source)


def read(data: str | bytes, source: Source | None, *, command_line: bool = False) -> Meeting:
    """:func:`loads`, with ``command_line`` saying whether a shell user reads the messages.

    The command line passes ``command_line=True``: where a message gives advice, it is then
    advice for a shell (``--source FILE``, a command that fixes the file), not for
    Python (``source=``).  Each such message is written once, with both remedies.
    """
    from usjapan2024._loading import document as _document
    from usjapan2024._loading import integrity as _integrity

    hint = "--source FILE" if command_line else "source="
    text = read_text(source)
    with _cyclic_gc_paused():
        document = _parse(data, command_line=command_line)
        meeting = _document.structure_meeting(document)
    problems = _integrity.check(meeting, text, hint=hint)
    if problems:
        raise DatasetError(problems)
    remember(meeting, text)  # proved: every span of the meeting indexes this text
    return meeting


def read_text(source: Source | None) -> str:
    """The source text ``source`` gives (the bundled one for ``None``), once UTF-8 can encode it.

    Raises:
        FileNotFoundError: The path does not exist.
        DatasetError: The file is not UTF-8, or the ``str`` holds a lone surrogate.
    """
    text = source_text() if source is None else read_source(source)
    if isinstance(source, str):  # a file's bytes decode to no lone surrogate; a str may hold one
        from usjapan2024._loading.typecheck import lone_surrogate

        at = lone_surrogate(text)
        if at is not None:
            message = (
                f"the source text has a lone surrogate at index {at}, which UTF-8 cannot encode"
            )
            raise DatasetError([Problem("$.metadata.source", message)])
    return text


_gc_lock = threading.Lock()
_gc_pauses = 0  # loads under way that paused the collector
_gc_was_enabled = False  # what the application had before the first of them


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a document is built.

    Parsing and structuring allocate hundreds of thousands of objects for a large
    file, none of them in a reference cycle; each allocation burst triggers a
    collection that rescans the whole growing heap, which made load time per record
    grow with the file (about 2x slower per record at 10^5 records than at 10^3).
    Reference counting still frees everything as usual.

    The pause is counted under a lock: the first load to start notes whether the
    collector was on, and the last to finish restores exactly that.  So concurrent
    loads never turn it back on while another still builds, and an application that
    turned it off itself (``gc.disable()``) finds it off afterwards.
    """
    global _gc_pauses, _gc_was_enabled  # noqa: PLW0603  (shared by every thread's loads)
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
        _gc_pauses += 1
        gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


def parse(data: str | bytes, *, command_line: bool = False) -> Any:
    """The JSON document ``data`` holds, parsed as loading parses it, before any structuring.

    For the tools that edit a file as JSON (``usjapan2024 fill``): what they read, the
    loader would read the same way.

    Raises:
        DatasetError: ``data`` is not UTF-8, not JSON, or repeats a key.
    """
    return _parse(data, command_line=command_line)


_BOM_REMEDY = {
    False: "read the file with encoding='utf-8-sig', which drops it, and give loads() the text",
    True: "save the file without it (a UTF-8 file needs none), e.g. with"
    " sed -i '1s/^\\xEF\\xBB\\xBF//' FILE",
}
"""How to be rid of a byte order mark, for Python (``False``) and for a shell (``True``)."""


def _parse(data: str | bytes, *, command_line: bool = False) -> Any:  # noqa: C901  (per failure)
    """Decode and parse JSON strictly: UTF-8 only, no NaN or Infinity, no repeated keys.

    ``command_line`` chooses the advice of the one message that gives some (a byte order
    mark): for a shell, or for Python.
    """
    from_str = isinstance(data, str)
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
    if data.startswith("\ufeff"):  # json's own message tells Python users what to decode
        message = (
            "not JSON: the file begins with a UTF-8 byte order mark (BOM), which JSON does"
            f" not allow; {_BOM_REMEDY[command_line]}"
        )
        raise DatasetError([Problem("$", message)])
    objects = _Objects()
    try:
        document = json.loads(
            data,
            parse_constant=_reject_constant,
            object_pairs_hook=objects.make,
        )
    except json.JSONDecodeError as exc:
        what = exc.msg.removesuffix(" at")  # "Invalid control character at", as json says it
        raise DatasetError(
            [Problem("$", f"not JSON: {what} at line {exc.lineno}, column {exc.colno}")]
        ) from None
    except RecursionError:
        raise DatasetError(
            [Problem("$", "not readable: arrays or objects nested too deeply")]
        ) from None
    except ValueError as exc:  # NaN/Infinity, or an integer too long to convert
        what = str(exc)
        if "integer string conversion" in what:  # Python's advice is not for the reader
            what = f"an integer of more than {_digits_limit()} digits, more than can be read"
        raise DatasetError([Problem("$", f"not valid JSON data: {what}{_where(data)}")]) from None
    if objects.repeated:
        raise DatasetError(*_repeated_keys(data))
    # Only a \u escape makes a lone surrogate in text decoded from bytes; a str may hold
    # one as it is.  Both are rare, so the paths are found slowly.
    escaped, raw = _surrogates()
    if escaped.search(data) or (from_str and raw.search(data)):
        problems = list(_lone_surrogates(document, "$"))
        if problems:
            raise DatasetError(problems)
    return document


@functools.cache
def _surrogates() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A surrogate escaped in JSON text (backslash, u, D8 to DF), and one itself in a ``str``.

    Compiled when a user's file is first parsed: the proven bundled bytes never need them.
    """
    return re.compile(r"\\u[dD][89a-fA-F]"), re.compile("[\ud800-\udfff]")


_NOT_A_NUMBER = r'"(?:[^"\\]|\\.)*"|(?P<bad>-?Infinity|NaN|-?[0-9]{%d,})'
"""What ``json`` refused without saying where: a string (skipped), or the bad number."""


def _digits_limit() -> int:
    """The most digits ``int()`` reads from text (``sys.get_int_max_str_digits()``)."""
    import sys

    limit: int = getattr(sys, "get_int_max_str_digits", lambda: 0)()
    return limit or 4300


def _where(data: str) -> str:
    """Where the first NaN, Infinity or over-long integer of ``data`` is: `` at line L, column C``.

    Only called once ``json`` has refused one of them, which it does without a position;
    strings are skipped, so a word inside one is not taken for the number.
    """
    for match in re.finditer(_NOT_A_NUMBER % (_digits_limit() + 1), data):
        if match.group("bad") is not None:
            line = data.count("\n", 0, match.start()) + 1
            column = match.start() - data.rfind("\n", 0, match.start())
            return f" at line {line}, column {column}"
    return ""


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
    """Builds the parsed JSON objects, noting whether any key appears twice in one.

    A repeated key would silently drop the first value: it is reported instead, at the
    path of its object (:func:`_repeated_keys`).  The common case costs one ``dict()``
    and one comparison, both in C, in a bound method that ``json`` calls directly.
    """

    def __init__(self) -> None:
        self.repeated = False

    def make(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(pairs)
        if len(result) != len(pairs):
            self.repeated = True
        return result


class _Pairs(list[tuple[str, Any]]):
    """A JSON object as its pairs, in order, repeats and all (the slow path only)."""

    __slots__ = ()


def _repeated_keys(data: str) -> tuple[list[Problem], int]:
    """A problem for each key repeated in an object of ``data``, at that object's path.

    Only called once a repeat was seen.  ``data`` is parsed a second time, keeping
    every pair of every object (``_Pairs``), so that the path is known even of an
    object that the first parse dropped: the first value of a repeated key, itself
    holding a repeated key, is no longer in the document.  Problems come in document
    order; past :data:`MAX_PROBLEMS` they are counted.
    """
    document = json.loads(data, parse_constant=_reject_constant, object_pairs_hook=_Pairs)
    problems: list[Problem] = []
    more = 0
    stack: list[tuple[Any, str]] = [(document, "$")]
    while stack:  # a loop, not recursion: nesting may be deep
        value, path = stack.pop()
        if isinstance(value, _Pairs):
            seen: set[str] = set()
            for key, _ in value:
                if key not in seen:
                    seen.add(key)
                elif len(problems) < MAX_PROBLEMS:
                    problems.append(Problem(path, f"key {key!r} appears twice in this object"))
                else:
                    more += 1
            stack += [(item, f"{path}.{key}") for key, item in reversed(value)]
        elif isinstance(value, list):
            stack += [(item, f"{path}[{i}]") for i, item in reversed(list(enumerate(value)))]
    return problems, more


def dumps(meeting: Meeting) -> str:
    """Return ``meeting`` as the JSON document :func:`loads` reads back.

    Raises:
        DatasetError: A value is not of its field's type, or breaks a rule every value
            keeps (an id's form, no empty text, no formula trigger: a meeting built in
            code): every such problem, with its path, and nothing is written.  So a file
            this writes never fails to load for what it holds.
    """
    from usjapan2024._loading import rules
    from usjapan2024._loading.converter import converter
    from usjapan2024._loading.typecheck import type_problems

    problems = list(type_problems(meeting)) or list(rules.problems(meeting))
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
