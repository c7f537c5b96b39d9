"""Turns a parsed JSON document into a :class:`Meeting`, or into a list of problems.

It checks the ``schema_version`` first (a file from a newer release should say so,
not fail on its first unfamiliar field), then structures the document with the fast
converter.  Only if that fails does it run the detailed converter, whose nested
error groups it translates into flat :class:`Problem` values: valid files, the
common case, never pay for collecting errors.
"""

from __future__ import annotations

import contextlib
from typing import Any

import cattrs

from usjapan2024._converter import converter, fast_converter, json_type
from usjapan2024.exceptions import DatasetError, Problem
from usjapan2024.model import Meeting

__all__ = ["structure_meeting"]


def structure_meeting(document: Any) -> Meeting:
    """Structure ``document`` into a :class:`Meeting`.

    Raises:
        DatasetError: With one :class:`Problem` per field that is wrong.
    """
    from usjapan2024._loading import SUPPORTED_SCHEMA_VERSIONS  # noqa: PLC0415

    if not isinstance(document, dict):
        raise DatasetError(
            [
                Problem(
                    "$",
                    f"expected an object (a dataset is one JSON object), got {json_type(document)}",
                )
            ]
        )
    version = document.get("schema_version")
    if version not in SUPPORTED_SCHEMA_VERSIONS or isinstance(version, bool):
        readable = ", ".join(str(v) for v in SUPPORTED_SCHEMA_VERSIONS)
        raise DatasetError(
            [
                Problem(
                    "$.schema_version",
                    f"this release reads schema_version {readable}, got {version!r}",
                )
            ]
        )
    with contextlib.suppress(Exception):  # any failure: the detailed run finds out what
        return fast_converter().structure(document, Meeting)
    try:
        return converter().structure(document, Meeting)
    except Exception as exc:  # noqa: BLE001  (every failure becomes a listed problem)
        raise DatasetError(_problems(exc)) from None


def _problems(exc: BaseException) -> list[Problem]:
    problems = []
    for line in cattrs.transform_error(exc, format_exception=_describe):
        message, _, path = line.rpartition(" @ ")
        problems.append(Problem(path, message))
    return problems


def _describe(exc: BaseException, _type: object) -> str:
    if isinstance(exc, KeyError):
        return "required field is missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown field(s): {', '.join(sorted(exc.extra_fields))}"
    return str(exc)
