"""Links from a record to its page in the documentation's record catalogue.

The base address is, in order: the ``base`` argument; the ``USJAPAN2024_DOCS_URL``
environment variable (set it to the address of a local build, e.g.
``file:///home/me/usjapan2024/docs/_build/html/``, to read the docs offline; set it
empty to print no links; only an ``http://``, ``https://`` or ``file://`` address is
taken, anything else gives no links); the ``Documentation`` address of the installed package's
metadata, so the address is written once, in ``pyproject.toml``.
"""

from __future__ import annotations

import os
import re

from usjapan2024.model import Meeting, Record, Span

__all__ = [
    "ENVIRONMENT_VARIABLE",
    "docs_base",
    "record_anchor",
    "record_url",
    "source_url",
    "span_anchor",
]

ENVIRONMENT_VARIABLE = "USJAPAN2024_DOCS_URL"
CATALOGUE = "records.html"
SOURCE = "source.html"


def _metadata_address() -> str | None:
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata("usjapan2024").get_all("Project-URL") or []
    except PackageNotFoundError:  # run from a source tree that was never installed
        return None
    for entry in urls:
        label, _, address = entry.partition(",")
        if label.strip().lower() == "documentation":
            return str(address).strip()
    return None


def docs_base(base: str | None = None) -> str | None:
    """Return the documentation's base address, ending in ``/``; ``None`` for no links."""
    if base is None:
        base = os.environ.get(ENVIRONMENT_VARIABLE)
    if base is None:
        base = _metadata_address()
    if not base or not _SAFE_SCHEME.match(base):
        return None  # no address, or one a link must not follow (javascript:, data:)
    return base if base.endswith("/") else base + "/"


_SAFE_SCHEME = re.compile(r"(?:https?|file)://[^\s\x00-\x1f\x7f]*\Z", re.IGNORECASE)
"""Addresses taken as the docs' base: http, https and file (a local build), with no
space or control character; anything else (``javascript:``) gives no links at all."""


def record_anchor(record: Record | Meeting | str) -> str:
    """The HTML anchor of a record's catalogue entry: its id (``meeting`` for the meeting)."""
    if isinstance(record, str):
        return record
    if isinstance(record, Meeting):
        return "meeting"
    from usjapan2024._model.kinds import record_id

    return record_id(record)


def record_url(
    record: Record | Meeting | str, *, base: str | None = None, meeting: Meeting | None = None
) -> str | None:
    """Return the address of a record's entry in the record catalogue, or ``None``.

    The catalogue is of the bundled release, so only its records have an entry: a record
    that the meeting it is shown from holds (``meeting``, else the bundled one), where
    that meeting was coded from the bundled text (``metadata.source.sha256``) and the
    bundled meeting (or its corrected view) holds the same record.  A record of another
    file, or an id the bundled release does not have, gets ``None``.

    >>> import usjapan2024 as uj
    >>> uj.record_url("commitment.article-v", base="https://example.org/docs")
    'https://example.org/docs/records.html#commitment.article-v'
    >>> uj.record_url("commitment.nowhere", base="https://example.org/docs") is None
    True

    Args:
        record: A record, the meeting, or a record id (of the bundled release).
        base: The documentation's address; by default ``USJAPAN2024_DOCS_URL`` or the
            ``Documentation`` address in the package metadata (see the module docstring).
        meeting: The meeting the record belongs to; by default the bundled one.
    """
    if not _of_bundled_release(record, meeting):
        return None
    root = docs_base(base)
    return None if root is None else f"{root}{CATALOGUE}#{record_anchor(record)}"


def _of_bundled_release(record: Record | Meeting | str, meeting: Meeting | None) -> bool:
    from usjapan2024._presenting.provenance import bundled_meeting, bundled_release_holds

    if isinstance(record, str):
        bundled = bundled_meeting()
        return record == "meeting" or any(record_anchor(r) == record for r in bundled.records())
    return bundled_release_holds(record, meeting)


def span_anchor(span: Span) -> str:
    """The HTML anchor of a span in the annotated source."""
    return f"span-{span.start}-{span.end}"


def source_url(span: Span, *, base: str | None = None) -> str | None:
    """Return the address of a span's place in the annotated source, or ``None``."""
    root = docs_base(base)
    return None if root is None else f"{root}{SOURCE}#{span_anchor(span)}"
