"""What an export says about itself: its name, its licences and the text it carries.

Both exports describe the file they were given, never the bundled release: the name,
title, version, licence and citation come from the meeting's own ``metadata``.  The
licence is a note in words (``metadata.licence``); a Data Package wants Open
Definition ids, so :func:`licences` gives the id of each data licence the note names
in one of its usual spellings ("CC BY 4.0", "CC-BY-4.0", "CC0"), and, where it names
none, the note itself as the licence's title, pointing at the note's file in the
package.  Nothing is guessed: a note that names no licence this module knows gets no
id.

The source text travels with the tables, whatever file the meeting came from: the
text the meeting was loaded with (``Meeting.source_text``), or one given to the
export, proved to hold every quote before anything is written.  A meeting that knows
no text (one built in code) is exported without one, and both exports say so.
"""

from __future__ import annotations

import re
from typing import Any

from usjapan2024._io.bundled import source_text as bundled_text
from usjapan2024._io.text import Source, read_source, text_digest
from usjapan2024._loading.typecheck import check_exportable
from usjapan2024.model import Meeting, Metadata

__all__ = [
    "LICENCE_FILE",
    "NO_TEXT",
    "exported_text",
    "keywords",
    "licences",
    "package_name",
    "source_note",
]

LICENCE_FILE = "LICENCE.txt"
"""The Data Package's copy of the meeting's licence note, word for word."""

NO_TEXT = (
    "This export carries no source text: the meeting knows none (it was built in code, not"
    " loaded), so its spans' offsets cannot be checked from the export alone. Load the file"
    " with its text, or pass source= to the export."
)
"""What an export without a source text says of itself."""

_LICENCES: tuple[tuple[re.Pattern[str], dict[str, str]], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), licence)
    for pattern, licence in (
        (
            r"\bCC[ -]?0(?:[ -]1\.0)?\b",
            {
                "name": "CC0-1.0",
                "title": "Creative Commons Zero 1.0 (public domain dedication)",
                "path": "https://creativecommons.org/publicdomain/zero/1.0/",
            },
        ),
        (
            r"\bCC[ -]BY[ -]4\.0\b",
            {
                "name": "CC-BY-4.0",
                "title": "Creative Commons Attribution 4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
            },
        ),
        (
            r"\bCC[ -]BY[ -]SA[ -]4\.0\b",
            {
                "name": "CC-BY-SA-4.0",
                "title": "Creative Commons Attribution Share-Alike 4.0",
                "path": "https://creativecommons.org/licenses/by-sa/4.0/",
            },
        ),
        (
            r"\bODC[ -]BY(?:[ -]1\.0)?\b",
            {
                "name": "ODC-BY-1.0",
                "title": "Open Data Commons Attribution License 1.0",
                "path": "https://opendatacommons.org/licenses/by/1-0/",
            },
        ),
        (
            r"\bODbL(?:[ -]1\.0)?\b",
            {
                "name": "ODbL-1.0",
                "title": "Open Data Commons Open Database License 1.0",
                "path": "https://opendatacommons.org/licenses/odbl/1-0/",
            },
        ),
        (
            r"\b(?:ODC[ -])?PDDL(?:[ -]1\.0)?\b",
            {
                "name": "ODC-PDDL-1.0",
                "title": "Open Data Commons Public Domain Dedication and License 1.0",
                "path": "https://opendatacommons.org/licenses/pddl/1-0/",
            },
        ),
    )
)
"""The data licences a note may name, each with the spellings recognised: Open Definition
ids, titles and links.  Licences of code (MIT, Apache) are not data licences: a note's
"Code: MIT" is not read as the data's."""


def licences(note: str) -> list[dict[str, str]]:
    """The Data Package ``licenses`` of a licence note: one per data licence it names.

    In the order the note names them; a note that names none this module knows is given
    whole, as the title of a licence whose ``path`` is the note's file in the package.

    >>> [lic["name"] for lic in licences("Code: MIT. Data: CC BY 4.0.")]
    ['CC-BY-4.0']
    >>> licences("All rights reserved.")
    [{'path': 'LICENCE.txt', 'title': 'All rights reserved.'}]
    """
    found = sorted(
        (match.start(), licence)
        for pattern, licence in _LICENCES
        if (match := pattern.search(note)) is not None
    )
    if not found:
        return [{"path": LICENCE_FILE, "title": note}]
    return [dict(licence) for _, licence in found]


def package_name(metadata: Metadata) -> str:
    """The Data Package ``name`` of a dataset: its title's name, as a package name may be.

    The part of the title before its first colon (a title is often "name: what it is"),
    lower-cased, each run of other characters than letters, digits, ``.``, ``_`` and
    ``-`` made one hyphen.

    >>> import usjapan2024 as uj
    >>> package_name(uj.load().metadata)
    'usjapan2024'
    """
    head = metadata.title.split(":", 1)[0]
    name = re.sub(r"[^a-z0-9._-]+", "-", head.casefold()).strip("-._")
    return name or "dataset"


def keywords(meeting: Meeting) -> list[str]:
    """The meeting's keywords: its officials' states, as words, then its short name."""
    names = {p.id: p.name for p in meeting.parties}
    states = dict.fromkeys(names.get(o.country, o.country.value) for o in meeting.officials)
    slugs = [re.sub(r"[^a-z0-9]+", "-", s.casefold()).strip("-") for s in states]
    return [*dict.fromkeys(s for s in slugs if s), meeting.short_name]


def exported_text(meeting: Meeting | None, source: Source | None) -> tuple[Meeting, str | None]:
    """The meeting to export (the bundled one for ``None``) and the source text to carry.

    The text is ``source`` if given, else the one the meeting was loaded with, else the
    bundled text when the meeting's digest is the bundled text's (a meeting derived in
    code from the bundled one); ``None`` if there is none.  A meeting passed in is
    checked, against the text when there is one (:func:`check_exportable`).

    Raises:
        DatasetError: The meeting cannot be exported, or the text does not hold its quotes.
    """
    if meeting is None:
        from usjapan2024._loading.load import load

        if source is None:
            bundled = load()
            return bundled, bundled.source_text or bundled_text()
        msg = "source= goes with a meeting: the bundled dataset has its own source text"
        raise TypeError(msg)
    text = read_source(source) if source is not None else meeting.source_text
    if text is None and meeting.metadata.source.sha256 == text_digest(bundled_text()):
        text = bundled_text()
    check_exportable(meeting, text)
    return meeting, text


def source_note(text: str | None) -> dict[str, Any]:
    """What an export says about its source text, under ``usjapan2024``: included or not."""
    if text is None:
        return {"included": False, "note": NO_TEXT}
    return {"included": True, "sha256": text_digest(text), "characters": len(text)}
