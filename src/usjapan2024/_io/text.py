"""The source text: reading it byte-exact, its digest, and finding a quote in it.

Spans are ``str`` indices into the text exactly as its bytes decode, so the text must
never go through newline translation: ``open(path).read()`` and ``Path.read_text()``
turn CRLF line endings into LF, which moves every later offset and changes the digest.
Everything here reads bytes and decodes them as UTF-8.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from pathlib import Path

from usjapan2024.exceptions import DatasetError, Problem
from usjapan2024.model import Span

__all__ = ["Source", "locate", "occurrences", "read_source", "sentence_bounds", "text_digest"]

Source = str | os.PathLike[str]
"""A source text as a ``str``, or the path of a file that holds one (a :class:`pathlib.Path`
or any ``os.PathLike``): what ``source=`` takes, in :func:`usjapan2024.load`,
:func:`usjapan2024.loads`, :func:`usjapan2024.check` and the exports.

A ``str`` is always the text itself, never a file name: a one-line ``str`` that names an
existing file is refused (:func:`read_source`), since it is a path given the wrong way."""

_NAME_LIMIT = 4096
"""The longest ``str`` taken for a file name given by mistake (``PATH_MAX`` on Linux)."""

_digests: dict[str, str] = {}


def text_digest(text: str) -> str:
    """Return the hex sha256 of ``text``'s UTF-8 bytes: what ``metadata.source.sha256`` holds.

    >>> text_digest("")
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    """
    digest = _digests.get(text)
    if digest is None:  # loading many files against one text hashes it once
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        _digests.clear()  # keep one entry: texts can be large
        _digests[text] = digest
    return digest


def read_source(source: Source) -> str:
    """Return the text ``source`` is, or the text of the file it names, read byte-exact.

    A ``str`` is the text itself; a path (any ``os.PathLike``) is read as bytes and
    decoded as UTF-8, with no newline translation.  A ``str`` of one line that names an
    existing file is refused: ``source="communique.txt"`` would otherwise be taken for a
    text of 14 characters, and fail as a text that does not match the file's digest.
    No source text is one line that is also the name of a file beside it.

    Raises:
        FileNotFoundError: The path does not exist.
        DatasetError: The file is not UTF-8.
        ValueError: A ``str`` that names a file (pass it as a ``pathlib.Path``).
    """
    if isinstance(source, str):
        if len(source) <= _NAME_LIMIT and "\n" not in source and Path(source).is_file():
            msg = (
                f"source={source!r} names a file, but a str source is the text itself:"
                f" pass pathlib.Path({source!r}) to read the file"
            )
            raise ValueError(msg)
        return source
    if not isinstance(source, os.PathLike):
        msg = f"source must be the text (str) or a path to it, not {type(source).__name__}"
        raise TypeError(msg)
    raw = Path(source).read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = (
            f"the source text {os.fspath(source)!r} is not UTF-8:"
            f" byte {exc.start} is {raw[exc.start]:#04x}"
        )
        raise DatasetError([Problem("$.metadata.source", message)]) from None


def locate(quote: str, text: str, *, occurrence: int | None = None) -> Span:
    """Return the :class:`~usjapan2024.Span` of ``quote`` in ``text``, for writing files by hand.

    Args:
        quote: The exact words to find.
        text: The source text (:func:`usjapan2024.source_text` for the bundled one).
        occurrence: Which occurrence to take, from 0, when the quote occurs more than
            once; without it, a quote that is not unique is an error.

    Raises:
        ValueError: The quote is empty, absent, not unique (and no occurrence given),
            or has fewer occurrences than asked for.

    >>> from usjapan2024 import source_text
    >>> locate("Yoko Kamikawa", source_text())
    Span(start=266, end=279, quote='Yoko Kamikawa', role=<SpanRole.OWN: 'own'>)
    >>> locate("Japan", source_text(), occurrence=2).start
    457
    """
    if not quote:
        msg = "locate() needs a non-empty quote"
        raise ValueError(msg)
    starts = occurrences(quote, text)
    if not starts:
        msg = f"{quote!r} is not in the text"
        raise ValueError(msg)
    if occurrence is None:
        if len(starts) > 1:
            msg = (
                f"{quote!r} occurs {len(starts)} times (at {', '.join(map(str, starts))}):"
                " pass occurrence= to choose, or quote more words"
            )
            raise ValueError(msg)
        occurrence = 0
    if not 0 <= occurrence < len(starts):
        msg = f"{quote!r} occurs {len(starts)} times; there is no occurrence {occurrence}"
        raise ValueError(msg)
    found = starts[occurrence]
    return Span(found, found + len(quote), quote)


def occurrences(quote: str, text: str, limit: int | None = None) -> list[int]:
    """Where the non-empty ``quote`` starts in ``text``, in order: the first ``limit``, or all.

    Overlapping occurrences count (``"aa"`` is twice in ``"aaa"``), as a span may start
    at any of them.  Indices are ``str`` indices, as a span's are.

    >>> occurrences("aa", "aaa"), occurrences("Japan", "Japan and Japan", limit=1)
    ([0, 1], [0])
    """
    starts: list[int] = []
    start = text.find(quote)
    while start >= 0 and (limit is None or len(starts) < limit):
        starts.append(start)
        start = text.find(quote, start + 1)
    return starts


@functools.cache
def _sentence_rules() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The end of a sentence, and the initialism whose full stop ends none.

    The end: ., ! or ? (and any closing quote or bracket), white space, then the capital
    or digit that starts the next one.  "U.S. Secretary": a full stop that ends an
    initialism ends no sentence.  Compiled when first needed (``re`` takes milliseconds
    over the first): loading and querying never need them.
    """
    boundary = re.compile(r"[.!?][\"\u201d\u2019)]*(\s+)(?=[\"\u201c\u2018(]?[A-Z0-9])")
    return boundary, re.compile(r"(?:\b[A-Z]\.)+$")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    r"""Return where the sentence (or sentences) holding ``text[start:end]`` begin and end.

    The result never reaches past the line (or lines) the quote stands on: each line of a
    source text is a paragraph or a headline, and some headlines are not part of the
    communiqué.  One rule for every surface: quotes in context, and the sentences the
    SQLite export stores.  A line ends before its ``\r\n`` in a text with Windows line
    endings, as before its ``\n``: the carriage return is part of no sentence.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end == -1:
        line_end = len(text)
    if line_end > end and text[line_end - 1] == "\r":
        line_end -= 1
    begin, finish = line_start, line_end
    boundary, initialism = _sentence_rules()
    for match in boundary.finditer(text, line_start, line_end):
        if initialism.search(text, line_start, match.start() + 1):
            continue
        sentence_end, next_start = match.start(1), match.end(1)
        if next_start <= start:
            begin = next_start
        elif sentence_end >= end:
            finish = sentence_end
            break
    return begin, finish
