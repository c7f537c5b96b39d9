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

:func:`describe` gathers all of it once, as a :class:`Description`: the meeting's own
metadata, the pages of the official statement that its errata cite
(:func:`statement_pages`), the bundled release's ``CITATION.cff`` where the meeting is
that release (who made it, when, where it lives: :func:`release`), and the tables'
layout with the model's descriptions.  The Data Package, Croissant, the schema.org
block of the dataset card and Datasette's metadata are each written from it
(``_tables.datapackage``, ``_tables.catalogue``), so no fact is stated twice.
"""

from __future__ import annotations

import datetime
import json
import os
import re
from typing import Any
from urllib.parse import urljoin

import attrs

from usjapan2024._io.bundled import read_resource
from usjapan2024._io.bundled import source_text as bundled_text
from usjapan2024._io.text import Source, read_source, text_digest
from usjapan2024._loading.typecheck import check_exportable
from usjapan2024._tables.layout import TABLES, Table
from usjapan2024.model import DocumentRef, Meeting, Metadata, Reference, SourceInfo
from usjapan2024.vocabulary import SourceRole

__all__ = [
    "CITATION_FILE",
    "DATASET_PAGE",
    "LICENCE_FILE",
    "NO_TEXT",
    "Description",
    "Release",
    "created_now",
    "describe",
    "exported_text",
    "keywords",
    "licences",
    "package_name",
    "read_cff",
    "release",
    "source_note",
    "statement_pages",
]

CITATION_FILE = "CITATION.cff"
"""The bundled release's citation file: the repository's, shipped in the package's data."""

DATASET_PAGE = "dataset-card.html"
"""The documentation's page of the dataset, under the address ``CITATION.cff`` gives."""

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


# --- the one description -----------------------------------------------------------------


@attrs.frozen
class Release:
    """What the bundled release's ``CITATION.cff`` says beyond the meeting's metadata.

    Attributes:
        authors: Who made it, as the file names them.
        persons: For each author, whether it is a person (given and family names) rather
            than an entity (a ``name``).
        released: The day it was released.
        documentation: The documentation's address (the file's ``url``).
        repository: The code's address (``repository-code``).
    """

    authors: tuple[str, ...]
    persons: tuple[bool, ...]
    released: datetime.date
    documentation: str
    repository: str

    @property
    def homepage(self) -> str:
        """The dataset card's address: the dataset's page on the web."""
        return urljoin(self.documentation, DATASET_PAGE)


@attrs.frozen
class Description:
    """Everything an export says about a meeting's data, gathered once by :func:`describe`.

    Attributes:
        name: The package name (:func:`package_name`).
        metadata: The meeting's own metadata: title, description, version, licence note,
            citation, source.
        licences: The Data Package licences the licence note names (:func:`licences`).
        keywords: Words for catalogues (:func:`keywords`).
        statement_pages: The pages of the official statement its errata cite.
        release: The bundled release's citation facts, where the meeting is that
            release; ``None`` for any other meeting (nobody else's authors are known).
        date: The day the meeting met (what the data covers).
        place: Where it met, in words.
        tables: The tables, with their columns' descriptions.
    """

    name: str
    metadata: Metadata
    licences: tuple[dict[str, str], ...]
    keywords: tuple[str, ...]
    statement_pages: tuple[Reference, ...]
    release: Release | None
    date: datetime.date
    place: str
    tables: tuple[Table, ...] = TABLES

    @property
    def source(self) -> SourceInfo:
        """The text the records were coded from."""
        return self.metadata.source

    @property
    def statement(self) -> DocumentRef:
        """The official statement that text summarises."""
        return self.metadata.official_document

    @property
    def homepage(self) -> str | None:
        """The dataset's page on the web: the bundled release's dataset card; else none."""
        return None if self.release is None else self.release.homepage

    @property
    def sources(self) -> tuple[tuple[str, str | None], ...]:
        """``(title, address)`` of each source: the text, then the statement's pages.

        A statement no erratum cites a page of is given by its title and date alone.
        """
        statement = self.statement
        named = f"{statement.title} ({statement.date.isoformat()})"
        found: list[tuple[str, str | None]] = [(self.source.title, self.source.url)]
        found += [
            (f'{named}: {page.publisher or "a page"}, "{page.title}"', page.url)
            for page in self.statement_pages
        ]
        if not self.statement_pages:
            found.append((f"{named}, published by {', '.join(statement.publishers)}", None))
        return tuple(found)


def describe(meeting: Meeting) -> Description:
    """The :class:`Description` of ``meeting``'s exports."""
    metadata = meeting.metadata
    return Description(
        name=package_name(metadata),
        metadata=metadata,
        licences=tuple(licences(metadata.licence)),
        keywords=tuple(keywords(meeting)),
        statement_pages=statement_pages(meeting),
        release=release(meeting),
        date=meeting.date,
        place=str(getattr(meeting.place, "label", meeting.place.value)),
    )


_STATEMENT_WORDS = re.compile(r"joint statement|共同発表", re.IGNORECASE)


def statement_pages(meeting: Meeting) -> tuple[Reference, ...]:
    """The pages of the official statement itself that the meeting's errata cite.

    A page counts if it is the statement's body's own (``primary``) or a copy of its
    text (``mirror``), is undated or dated the statement's day, and names the meeting
    by its short name (``2+2``) or the statement as a joint statement in its title or
    publisher; news reports never count.  Each address once, in the order the errata
    first cite it.  No address is made up: a meeting whose errata cite none has none.

    >>> import usjapan2024 as uj
    >>> [page.url.split("/")[2] for page in statement_pages(uj.load())]
    ['www.mod.go.jp', 'worldjpn.net']
    """
    day = meeting.metadata.official_document.date
    found: dict[str, Reference] = {}
    for erratum in meeting.errata:
        for page in erratum.references:
            said = f"{page.title} {page.publisher or ''}"
            if (
                page.url is not None
                and page.role in {SourceRole.PRIMARY, SourceRole.MIRROR}
                and page.date in {None, day}
                and (meeting.short_name in said or _STATEMENT_WORDS.search(said))
            ):
                found.setdefault(page.url, page)
    return tuple(found.values())


def release(meeting: Meeting) -> Release | None:
    """The bundled release's citation facts, if ``meeting`` is that release; else ``None``.

    A meeting is that release when its metadata is the bundled metadata: the text's view
    or the corrected one.
    """
    from usjapan2024._loading.load import load

    if meeting.metadata != load().metadata:
        return None
    facts = read_cff(read_resource(CITATION_FILE).decode("utf-8"))
    authors = _authors(facts.get("authors"))
    released = facts["date-released"]
    return Release(
        authors=tuple(_author_name(a) for a in authors),
        persons=tuple("family-names" in a for a in authors),
        released=datetime.date.fromisoformat(str(released)),
        documentation=str(facts["url"]),
        repository=str(facts["repository-code"]),
    )


def _authors(value: object) -> list[dict[str, str]]:
    """``value`` as the list of authors :func:`read_cff` gives (empty for none)."""
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def _author_name(author: dict[str, str]) -> str:
    if "name" in author:
        return author["name"]
    return " ".join(author[k] for k in ("given-names", "family-names") if k in author)


_CFF_KEY = re.compile(r"([a-z][a-z0-9-]*):(?:[ \t]+(.*?))?[ \t]*\Z")
_CFF_ITEM = re.compile(r"[ \t]+(-[ \t]+)?([a-z][a-z0-9-]*):[ \t]+(.*?)[ \t]*\Z")


def read_cff(text: str) -> dict[str, object]:
    r"""The top-level scalars of a ``CITATION.cff`` and its ``authors``, as YAML reads them.

    Only what the exports need of the package's own file, without a YAML parser (the
    package depends on none): a line ``key: value`` at the left margin is a scalar
    (plain, or quoted as YAML quotes it); each ``- key: value`` under ``authors:`` starts
    an author, and the indented ``key: value`` lines after it add to it.  Block scalars
    (``>-``) and other nested values are left out.  ``tests/test_catalogue.py`` checks
    the answer against a YAML parser's reading of the same file.

    >>> read_cff('title: "A b"\nauthors:\n  - name: "C"\n')
    {'title': 'A b', 'authors': [{'name': 'C'}]}
    """
    found: dict[str, object] = {}
    section = ""
    authors: list[dict[str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            match = _CFF_KEY.match(line)
            section = match.group(1) if match else ""
            value = match.group(2) if match else None
            if match and value and value[0] not in ">|":
                found[section] = _cff_scalar(value)
            if section == "authors":
                found["authors"] = authors
            continue
        item = _CFF_ITEM.match(line)
        if section == "authors" and item:
            if item.group(1) or not authors:
                authors.append({})
            authors[-1][item.group(2)] = _cff_scalar(item.group(3))
    return found


def _cff_scalar(value: str) -> str:
    """A YAML scalar on one line: double-quoted (JSON's escapes), single-quoted or plain."""
    if value.startswith('"') and value.endswith('"') and len(value) > 1:
        return str(json.loads(value))
    if value.startswith("'") and value.endswith("'") and len(value) > 1:
        return value[1:-1].replace("''", "'")
    return value


def created_now() -> datetime.datetime:
    """When an export is made: now, or ``SOURCE_DATE_EPOCH`` where it is set.

    ``SOURCE_DATE_EPOCH`` (seconds since 1970, UTC) is how reproducible builds fix the
    time a file says it was made; set it and two exports of one meeting are the same
    bytes.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
    return datetime.datetime.now(tz=datetime.timezone.utc).replace(microsecond=0)
