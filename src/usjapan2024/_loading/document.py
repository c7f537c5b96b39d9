"""From a parsed JSON document to a :class:`Meeting`: its schema version, and older ones.

Before cattrs structures a document (``_converter``), this module checks what only a
whole document has: that it is an object, a ``schema_version`` this release reads (a
newer one says so), an optional ``$schema`` key for editors, and it upgrades a schema-1
or schema-2 document to schema 3.  When a document fails and its dataset version is newer than this
release, the first problem says that upgrading is the fix.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from usjapan2024._loading.converter import describe, proven_converter, structure
from usjapan2024._model.fields import field_info, uncorrectable
from usjapan2024._model.kinds import KINDS, record_id
from usjapan2024.exceptions import DatasetError, Problem
from usjapan2024.model import Meeting

__all__ = ["SUPPORTED_SCHEMA_VERSIONS", "structure_meeting"]

SUPPORTED_SCHEMA_VERSIONS: tuple[int, ...] = (1, 2, 3)
"""The ``schema_version`` values this release can read; it writes the last."""


def structure_meeting(document: Any, *, proven: bool = False) -> Meeting:
    """Structure a parsed JSON document into a :class:`Meeting`.

    The ``schema_version`` is checked first, so that a file from another release says
    so instead of failing on its first unfamiliar field.  ``proven=True`` is for the
    bundled bytes whose digest the test suite proved, only: they are structured by
    :func:`~usjapan2024._loading.converter.proven_converter`, which checks nothing.

    Raises:
        DatasetError: With one :class:`Problem` for each value that is wrong.
    """
    if document.__class__ is not dict:
        shown = describe(document).split(" ")[0]
        message = f"expected an object (a dataset is one JSON object), got {shown}"
        raise DatasetError([Problem("$", message)])
    version = _version(document)
    if "$schema" in document:  # where an editor finds the file's schema: not data
        if document["$schema"].__class__ is not str:
            got = describe(document["$schema"])
            raise DatasetError([Problem("$['$schema']", f"expected a string, got {got}")])
        document = {key: value for key, value in document.items() if key != "$schema"}
    if version == 1:
        document = _from_schema_1(document)
    if version <= 2:
        document = _from_schema_2(document)
    if proven:
        return _typed_record_values(proven_converter().structure(document, Meeting), proven=True)
    try:
        meeting = structure(document, Meeting)
    except DatasetError as error:
        newer = _newer_release(document)
        if newer is None:
            raise
        raise DatasetError([newer, *error.problems]) from None
    return _typed_record_values(meeting, proven=False)


def _version(document: dict[str, Any]) -> int:
    """The document's ``schema_version``, once it is one this release reads."""
    version = document.get("schema_version")
    if version.__class__ is int and version in SUPPORTED_SCHEMA_VERSIONS:
        return version
    readable = ", ".join(map(str, SUPPORTED_SCHEMA_VERSIONS))
    if "schema_version" in document:
        message = f"this release reads schema_version {readable}, got {describe(version)}"
    else:
        message = f"required field is missing (this release reads schema_version {readable})"
    if version.__class__ is int and version > SUPPORTED_SCHEMA_VERSIONS[-1]:
        message += "; the file comes from a newer release of usjapan2024: upgrade to read it"
    raise DatasetError([Problem("$.schema_version", message)])


def _from_schema_2(document: dict[str, Any]) -> dict[str, Any]:
    """Upgrade a schema-2 document to schema 3, which only added fields with defaults.

    Schema 3 added an erratum's ``record_value`` and the meeting's ``view`` and
    ``corrected_by``; a file that says it is schema 2 and has one is refused, as schema 2
    refuses it.
    """
    _refuse_later_fields(
        document, 2, meeting=("view", "corrected_by"), erratum=("record_value",), span=("role",)
    )
    return {**document, "schema_version": 3}


def _refuse_later_fields(
    document: dict[str, Any],
    version: int,
    *,
    meeting: tuple[str, ...],
    erratum: tuple[str, ...],
    span: tuple[str, ...] = (),
) -> None:
    """Refuse the fields a later schema added, in a file that says it is ``version``."""
    message = f"a field of schema {version + 1}, in a file that says schema_version {version}"
    problems = [Problem(f"$.{key}", message) for key in meeting if key in document]
    for i, item in _items(document, "errata"):
        problems += [Problem(f"$.errata[{i}].{key}", message) for key in erratum if key in item]
    if span:
        cited = [(f"$.sources[{j}]", item) for j, item in _items(document, "sources")]
        for kind in KINDS:
            for i, record in _items(document, kind.group):
                cited += [
                    (f"$.{kind.group}[{i}].sources[{j}]", item)
                    for j, item in _items(record, "sources")
                ]
        problems += [
            Problem(f"{path}.{key}", message) for path, item in cited for key in span if key in item
        ]
    if problems:
        raise DatasetError(problems)


def _items(container: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    """The objects of the array ``container[key]``, with their indexes (a bad shape: none).

    What is not an array of objects is left for structuring to report.
    """
    value = container.get(key)
    items = value if value.__class__ is list else []
    return [(i, item) for i, item in enumerate(items) if item.__class__ is dict]


def _typed_record_values(meeting: Meeting, *, proven: bool) -> Meeting:
    """Give each erratum's ``record_value`` the type of the field it corrects.

    cattrs structures the value as plain JSON, since its type is that of the field the
    erratum names, which only the records know; here it is structured again as that
    field, by the same converter (the proven one for ``proven`` bytes), so a wrong type
    or an unknown vocabulary value is a problem at the erratum's path.  An erratum whose
    target or field does not exist is left for the consistency checks to report.
    """
    if all(e.record_value is None for e in meeting.errata):
        return meeting
    by_id = {record_id(r): r for r in meeting.records()}
    errata, problems = list(meeting.errata), []
    for i, erratum in enumerate(meeting.errata):
        target = by_id.get(erratum.target)
        if erratum.record_value is None or target is None:
            continue
        try:
            field = field_info(type(target), erratum.field)
        except KeyError:
            continue
        why = uncorrectable(field)
        if why is not None:
            problems.append(Problem(f"$.errata[{i}].record_value", why))
            continue
        try:
            value = _as_json(erratum.record_value)
            if proven:
                typed = proven_converter().structure(value, field.hint)
            else:
                typed = structure(value, field.hint)
        except DatasetError as error:
            where = f"$.errata[{i}].record_value"
            problems += [Problem(where + p.path[1:], p.message) for p in error.problems]
            continue
        errata[i] = attrs.evolve(erratum, record_value=typed)
    if problems:
        raise DatasetError(problems)
    return attrs.evolve(meeting, errata=tuple(errata))


def _as_json(value: object) -> object:
    """A value as JSON gives it: a tuple (of a meeting built in code) as a list."""
    return list(value) if isinstance(value, tuple) else value


def _newer_release(document: dict[str, Any]) -> Problem | None:
    """A problem saying the file comes from a newer release, if its version says so.

    A MINOR release may add vocabulary values, which an older release then refuses:
    the user should learn that upgrading is the fix, not that the file is broken.  Only
    a file that claims to be a release of this dataset (:func:`_title_name`) is
    compared with this release; another dataset's version numbers its own releases, so
    such a file is said to be what it is, with no advice to upgrade.
    """
    metadata: Any = document.get("metadata")
    version = metadata.get("version") if metadata.__class__ is dict else None
    if version.__class__ is not str:
        return None
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    def parts(text: str) -> tuple[tuple[int, str], ...]:
        # Compared as numbers without int(): a part of thousands of digits is fine too
        # (int() refuses more than 4300), as (length without leading zeros, digits).
        numbers = (p.lstrip("0") for p in re.findall(r"[0-9]+", text)[:3])
        return tuple((len(p), p) for p in numbers)

    try:
        ours = installed("usjapan2024")
    except PackageNotFoundError:  # a source tree never installed: no version to compare
        return None
    if parts(version) <= parts(ours):
        return None
    ours_name = _dataset_name()
    title = metadata.get("title")
    theirs = _title_name(title) if title.__class__ is str else None
    if theirs is not None and theirs.casefold() == ours_name.casefold():
        message = (
            f"the file is dataset version {_clip(version)}, newer than this release ({ours}),"
            " which may not know all its values: upgrade usjapan2024 to read it"
        )
    else:
        what = "a file of its own dataset" + (f" ({_clip(theirs)!r})" if theirs else "")
        message = (
            f"{what}, version {_clip(version)}: not a release of {ours_name}, so its version"
            " says nothing of which release of usjapan2024 reads it"
        )
    return Problem("$.metadata.version", message)


def _title_name(title: str) -> str:
    """The name in a dataset's title: the part before its first colon, without spaces.

    The rule (``docs/errors.md``): a file claims to be a release of this dataset when
    the name in its ``metadata.title`` is the bundled dataset's (``usjapan2024``),
    ignoring case; its ``metadata.version`` is then a version of this dataset, which
    this release can be compared with.
    """
    return title.split(":", 1)[0].strip()


@functools.cache
def _dataset_name() -> str:
    """The name in the bundled dataset's title.

    Read without structuring: the file failing may be the bundled one.
    """
    import json

    from usjapan2024._io.bundled import read_resource

    return _title_name(json.loads(read_resource("usjapan2024.json"))["metadata"]["title"])


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _from_schema_1(document: dict[str, Any]) -> dict[str, Any]:
    """Upgrade a schema-1 document to schema 2, leaving anything malformed for the checks.

    Schema 2 replaced an erratum's free-text ``reference`` with structured
    ``references``; a schema-1 reference becomes one reference without an address.  A
    schema-2 field in a file that says it is schema 1 is refused, as schema 1 refuses it.
    """
    _refuse_later_fields(document, 1, meeting=("retired",), erratum=("references",))
    upgraded = {**document, "schema_version": 2}
    if document.get("errata").__class__ is list:
        upgraded["errata"] = [_erratum_from_schema_1(e) for e in document["errata"]]
    return upgraded


def _erratum_from_schema_1(erratum: Any) -> Any:
    if erratum.__class__ is not dict or "reference" not in erratum:
        return erratum
    upgraded = {k: v for k, v in erratum.items() if k != "reference"}
    upgraded["references"] = [
        {"title": erratum["reference"], "publisher": None, "url": None, "date": None, "role": None}
    ]
    return upgraded
