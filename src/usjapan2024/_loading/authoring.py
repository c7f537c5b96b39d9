"""Writing a dataset file by hand: a skeleton to start from, and offsets set from quotes.

A span's offsets are ``str`` indices: code points of the text as its bytes decode.  Few
tools count that way: editors and JavaScript count UTF-16 code units (an emoji is two),
and byte counts take a curly apostrophe for three.  So offsets counted by hand go wrong
at the first such character, while the quote, which the author copies from the text, is
right.  :func:`fill_offsets` sets every offset from its quote, so that none need be
typed; :func:`skeleton` starts a file for a text, with its digest and its likely
headings already written.

Both work on the document as JSON holds it (the ``dict`` that ``json.load`` returns),
not on records: a file being written is not yet valid, and loading would refuse it.
Where the spans are is read off the model (``_model/fields.py``): every field that
holds a :class:`~usjapan2024.Span`, at any depth, so a record kind added to the model
has its spans filled with no edit here.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from usjapan2024._io.text import Source, occurrences, text_digest
from usjapan2024._loading.document import SUPPORTED_SCHEMA_VERSIONS
from usjapan2024._loading.load import read_text
from usjapan2024._loading.rules import NUL, formula_trigger
from usjapan2024._model.fields import fields_of, record_fields
from usjapan2024.exceptions import MAX_PROBLEMS, DatasetError, Problem
from usjapan2024.model import Meeting, Span
from usjapan2024.vocabulary import ExclusionReason

__all__ = ["Filled", "fill", "fill_offsets", "heading_lines", "skeleton"]


def skeleton(source: Source) -> dict[str, Any]:
    r"""Return the start of a dataset file for the text ``source``, to edit by hand.

    It holds the current ``schema_version``, the text's ``sha256``, and, as
    ``metadata.source.excluded``, each line that looks like a heading rather than prose
    (:func:`heading_lines`), marked ``section-heading``: review them (a headline that
    links to another article is ``link-to-other-article``; a line that is part of the
    communiqué is deleted from the list).  Every group of records is empty, and every
    other value the file must give is ``null``: the skeleton does not load until each is
    written, and ``usjapan2024 validate`` lists those left, each at its path.

    Args:
        source: The text, or the path of a file that holds it (read byte-exact).

    Raises:
        DatasetError: The file is not UTF-8, or the text holds a lone surrogate.

    >>> doc = skeleton("Tokyo Talks\nThe ministers met in Tokyo.\n")
    >>> doc["schema_version"], doc["name"], doc["commitments"]
    (3, None, [])
    >>> doc["metadata"]["source"]["excluded"]
    [{'span': {'start': 0, 'end': 11, 'quote': 'Tokyo Talks'}, 'reason': 'section-heading'}]
    """
    text = read_text(source)
    document = _placeholder(Meeting)
    document["schema_version"] = SUPPORTED_SCHEMA_VERSIONS[-1]
    described = document["metadata"]["source"]
    described["sha256"] = text_digest(text)
    described["excluded"] = [
        {
            "span": {"start": start, "end": end, "quote": text[start:end]},
            "reason": ExclusionReason.SECTION_HEADING.value,
        }
        for start, end in heading_lines(text)
    ]
    return document


def _placeholder(cls: type) -> dict[str, Any]:
    """A JSON object of ``cls`` with ``null`` for each value the author must write.

    A list of records or spans starts empty (a file may have no errata), so that every
    kind of record is there to fill, even one a file may leave out; a nested object is
    a placeholder in turn; any other field with a default is left out, to take it.
    """
    document: dict[str, Any] = {}
    groups = {field.name for field in record_fields(cls)}
    for field in fields_of(cls):
        if not field.required and field.name not in groups:
            continue
        if field.many and field.nested is not None:
            document[field.name] = []
        elif field.nested is not None:
            document[field.name] = _placeholder(field.nested)
        else:
            document[field.name] = None
    return document


HEADING_LENGTH = 100
"""The longest line :func:`heading_lines` takes for a heading, in characters."""

_SENTENCE_END = frozenset(".!?:;,\u2026\"')]\u201d\u2019\u3002\uff01\uff1f\u300d\u300f\uff09")
"""What prose ends with: a full stop, other punctuation, a closing quote or bracket, and
their Japanese forms (U+3002, U+FF01, U+FF1F, U+300D, U+300F, U+FF09)."""


def heading_lines(text: str) -> list[tuple[int, int]]:
    r"""Where the lines of ``text`` that look like headings stand, each without its spaces.

    A heading here is a line of at most :data:`HEADING_LENGTH` characters whose last one
    ends no sentence (no full stop, question mark, closing quote...): the section
    headings and the headlines of links that news sites put between paragraphs.  It is a
    guess for an author to review.  A line a spreadsheet would take for a formula is not
    offered, since no quote may begin that way.

    >>> text = "Talks in Tokyo\r\nThe ministers met.\r\n"
    >>> [text[start:end] for start, end in heading_lines(text)]
    ['Talks in Tokyo']
    """
    found = []
    start = 0
    for line in text.split("\n"):
        words = line.strip()
        if (
            words
            and len(words) <= HEADING_LENGTH
            and words[-1] not in _SENTENCE_END
            and not formula_trigger(words)
            and NUL not in words
        ):
            begin = start + len(line) - len(line.lstrip())
            found.append((begin, begin + len(words)))
        start += len(line) + 1
    return found


@attrs.frozen
class Filled:
    """What :func:`fill` did: the new document and what changed in it.

    Attributes:
        document: The document with every span's offsets set from its quote.
        spans: How many spans it holds.
        changed: How many of them had other offsets (or none) before.
        digest_changed: Whether the document's ``metadata.source.sha256`` was another
            than the text's (or none), and is the text's now.
    """

    document: dict[str, Any]
    spans: int
    changed: int
    digest_changed: bool


def fill_offsets(document: Mapping[str, Any], source: Source) -> dict[str, Any]:
    """Return a copy of ``document`` with every span's ``start`` and ``end`` set from its quote.

    Offsets are ``str`` indices into the text (code points, not bytes nor UTF-16 units,
    see :class:`~usjapan2024.Span`), so that ``text[start:end] == quote``.  A quote that
    occurs more than once is ambiguous, and refused with the places it occurs, unless
    the span's ``start`` already holds the quote: **a span whose start holds its quote
    keeps it**, so to choose an occurrence, give its start (the error lists them).  The
    document's ``metadata.source.sha256`` is set to the text's digest: the file now says
    it was coded from this text.  ``document`` itself is not changed.

    Spans are wherever the model puts them: a record's and the meeting's ``sources``,
    each excluded line's ``span``.  Anything else is left as it is, for loading to judge:
    run ``usjapan2024 validate`` (or :func:`usjapan2024.loads`) on the result.

    Args:
        document: A dataset file's JSON, as ``json.load`` returns it; its spans need no
            ``start`` or ``end`` (``{"quote": "..."}``).
        source: The text, or the path of a file that holds it (read byte-exact).

    Raises:
        DatasetError: A quote is missing, occurs nowhere in the text, or occurs more
            than once without a start that chooses: every such span, at its path, with
            where the quote occurs (the first 20 places).  Also when ``document`` is not
            an object, or the text cannot be read as UTF-8.
        FileNotFoundError: ``source`` is a path that does not exist.

    >>> text = "Tokyo hosted the talks. The talks went well."
    >>> doc = {"sources": [{"quote": "Tokyo"}, {"start": 28, "quote": "talks"}]}
    >>> fill_offsets(doc, text)["sources"]
    [{'start': 0, 'end': 5, 'quote': 'Tokyo'}, {'start': 28, 'end': 33, 'quote': 'talks'}]
    >>> fill_offsets({"sources": [{"quote": "talks"}]}, text)
    Traceback (most recent call last):
    usjapan2024.exceptions.DatasetError: invalid dataset: 1 problem
      $.sources[0]: quote 'talks' occurs 2 times, at 17 and 28: set its start to the one
      it cites (a start that holds the quote is kept), or quote more words
    """
    return fill(document, source).document


def fill(document: Mapping[str, Any], source: Source) -> Filled:
    """:func:`fill_offsets`, saying what it changed (for the command line's report)."""
    if not isinstance(document, Mapping):
        from usjapan2024._loading.converter import describe

        shown = describe(document).split(" ")[0]
        message = f"expected an object (a dataset is one JSON object), got {shown}"
        raise DatasetError([Problem("$", message)])
    text = read_text(source)
    filled = copy.deepcopy(dict(document))
    problems: list[Problem] = []
    spans = changed = 0
    hints = _Hints(text)
    for path, span in _spans(filled, Meeting, "$"):
        spans += 1
        result = _fill_span(span, text, path, hints)
        if isinstance(result, Problem):
            problems.append(result)
        else:
            changed += result
    if problems:
        raise DatasetError(problems)
    return Filled(filled, spans, changed, _set_digest(filled, text_digest(text)))


def _spans(value: object, cls: type, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every span object in ``value``, a JSON object of ``cls``, with its path; in file order.

    Only what has the shape the model gives it is walked: a value of the wrong shape is
    left for loading to report.
    """
    if not isinstance(value, dict):
        return
    for field in fields_of(cls):
        if field.nested is None or field.name not in value:
            continue
        item = value[field.name]
        if field.many:
            children = list(enumerate(item)) if isinstance(item, list) else []
            places = [(f"{path}.{field.name}[{i}]", child) for i, child in children]
        else:
            places = [(f"{path}.{field.name}", item)]
        for where, child in places:
            if field.nested is Span:
                if isinstance(child, dict):
                    yield where, child
            else:
                yield from _spans(child, field.nested, where)


def _fill_span(span: dict[str, Any], text: str, path: str, hints: _Hints) -> Problem | bool:
    """Set ``span``'s offsets from its quote: whether they changed, or why they cannot be set."""
    quote = span.get("quote")
    if not isinstance(quote, str) or not quote:
        return Problem(path, "has no quote to find: give the words it cites as 'quote'")
    start = span.get("start")
    if not (start.__class__ is int and start >= 0 and text.startswith(quote, start)):
        starts = occurrences(quote, text, limit=_LISTED + 1)
        if not starts:
            return Problem(path, f"quote {_clip(quote)} occurs nowhere in the text{hints(quote)}")
        if len(starts) > 1:
            return Problem(path, _ambiguous(quote, starts))
        start = starts[0]
    end = start + len(quote)
    was = (span.get("start"), span.get("end"))
    rest = {key: value for key, value in span.items() if key not in {"start", "end"}}
    span.clear()
    span.update({"start": start, "end": end, **rest})
    return was != (start, end)


_LISTED = 20
"""The most occurrences of an ambiguous quote that a message lists."""


def _ambiguous(quote: str, starts: list[int]) -> str:
    listed = [str(s) for s in starts[:_LISTED]]
    if len(starts) > _LISTED:
        count, at = f"more than {_LISTED}", ", ".join(listed) + " and more"
    else:
        count, at = str(len(starts)), ", ".join(listed[:-1]) + " and " + listed[-1]
    return (
        f"quote {_clip(quote)} occurs {count} times, at {at}: set its start to the one it"
        " cites (a start that holds the quote is kept), or quote more words"
    )


def _set_digest(document: dict[str, Any], digest: str) -> bool:
    """Give the document the text's digest; whether it had another (or none)."""
    metadata = document.get("metadata")
    described = metadata.get("source") if isinstance(metadata, dict) else None
    if not isinstance(described, dict):
        return False  # no place for it: loading will say what is missing
    was = described.get("sha256")
    described["sha256"] = digest
    return was != digest


# Characters an author types for one the text holds: straight for curly quotes, a hyphen
# for a dash.  Each matches any of its kind in a near match.
_ALIKE = ("'\u2018\u2019\u02bc`\u00b4", '"\u201c\u201d', "-\u2010\u2011\u2012\u2013\u2014\u2212")
_CLASS_OF = {c: f"[{re.escape(kind)}]" for kind in _ALIKE for c in kind}


class _Hints:
    r"""Where the text has a quote that occurs nowhere, written a little differently.

    A quote typed rather than copied differs from the text by a curly apostrophe, a
    dash, the case of a letter, or its spaces and line breaks (``\r\n`` in a file
    with Windows line endings); the message shows the text's own words, to copy.  As
    :class:`DatasetError` keeps :data:`MAX_PROBLEMS`, only as many are looked for.
    """

    def __init__(self, text: str) -> None:
        self.text, self.left = text, MAX_PROBLEMS

    def __call__(self, quote: str) -> str:
        if self.left <= 0:
            return ""
        self.left -= 1
        parts = re.split(r"(\s+)", quote.strip())
        pattern = "".join(
            r"\s+" if part.isspace() else "".join(_CLASS_OF.get(c, re.escape(c)) for c in part)
            for part in parts
            if part
        )
        found = re.search(pattern, self.text, re.IGNORECASE) if pattern else None
        if found is None:
            return ": quote the text's words as it writes them"
        start, end = found.span()
        return (
            f"; it has {_clip(found.group())} at [{start}, {end}):"
            " quote its words as it writes them"
        )


def _clip(text: str, limit: int = 60) -> str:
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")
