r"""CSV text as the command line prints it: rows ending in ``\n``, any CR or LF quoted.

Python's ``csv`` quotes a field (``QUOTE_MINIMAL``) when it holds a character of the
line terminator; with ``lineterminator="\n"`` a bare CR is left unquoted, and readers
then split or shift the row.  Each row is therefore written with ``"\r\n"``, so that
both characters count as special, and its own terminator is then made ``\n``.

No cell begins with a spreadsheet's formula trigger: loading refuses such a value
(``_loading.rules``), so the cells are the data exactly.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["csv_text"]


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, object]]) -> str:
    r"""Return ``rows`` (with a header of ``columns``) as CSV text, each row ending in ``\n``.

    >>> csv_text(["a", "b"], [{"a": "x\ry", "b": 1}])
    'a,b\n"x\ry",1\n'
    """
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\r\n")
    lines = []
    for row in (dict(zip(columns, columns, strict=True)), *rows):
        writer.writerow(row)
        lines.append(buffer.getvalue()[:-2] + "\n")  # each row ends in exactly one "\r\n"
        buffer.seek(0)
        buffer.truncate()
    return "".join(lines)
