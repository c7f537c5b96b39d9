"""Agreement, field by field, between the bundled records and a second coder's.

    python tools/agreement.py [DATA.json] [CODED.json]

The second coder saw only the codebook, the text, the JSON Schema and the records that
are not coded from sentences (officials, parties, programmes, events), and coded every
commitment and threat (``tools/research/second-coder-1.2.json``).  A coded record is
matched to the bundled record whose first quote overlaps its first own quote the most;
then each field is compared as a set (lists) or a value.  The figures for data release
1.2, before reconciliation, are in docs/codebook.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from usjapan2024 import source_text

HERE = Path(__file__).resolve().parent
FIELDS = {
    "commitments": ("parties", "topic", "status", "subjects", "places", "partners",
                    "programmes", "events"),
    "threats": ("actor", "kind", "response", "places", "involving", "targets"),
}  # fmt: skip


def _range(text: str, quote: str) -> tuple[int, int]:
    start = text.find(quote)
    return start, start + len(quote)


def _pairs(text: str, ours: list[Any], theirs: list[Any]) -> list[tuple[Any, Any]]:
    """Each of ``theirs`` with the unmatched record of ``ours`` its first quote overlaps most."""
    pairs, used = [], set()
    for other in theirs:
        start, end = _range(text, other["own_quotes"][0])
        overlaps = [
            (min(end, r["sources"][0]["end"]) - max(start, r["sources"][0]["start"]), k)
            for k, r in enumerate(ours)
            if k not in used
        ]
        best = max(overlaps, key=lambda pair: pair[0], default=(0, -1))  # the first, on ties
        if best[0] > 0:
            used.add(best[1])
            pairs.append((ours[best[1]], other))
    return pairs


def _same(mine: object, other: object) -> bool:
    if isinstance(mine, list) and isinstance(other, list):
        return sorted(mine) == sorted(other)
    return mine == other


def _quotes(record: Any, role: str) -> list[str]:  # noqa: ANN401
    return sorted(s["quote"] for s in record["sources"] if s.get("role", "own") == role)


def report(ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """The agreement table's lines, and each disagreement under its field."""
    text, lines = source_text(), []
    for group, fields in FIELDS.items():
        pairs = _pairs(text, ours[group], theirs[group])
        lines.append(
            f"{group}: {len(ours[group])} bundled, {len(theirs[group])} coded, {len(pairs)} matched"
        )
        for field in fields:
            differ = [(m["id"], m.get(field), o.get(field)) for m, o in pairs
                      if not _same(m.get(field), o.get(field))]  # fmt: skip
            lines.append(f"  {field}: {len(pairs) - len(differ)}/{len(pairs)}")
            lines += [f"      {d}" for d in differ]
        own = sum(_quotes(m, "own") == sorted(o["own_quotes"]) for m, o in pairs)
        framing = sum(_quotes(m, "context") == sorted(o["framing_quotes"]) for m, o in pairs)
        lines += [f"  own quotes: {own}/{len(pairs)}", f"  framing quotes: {framing}/{len(pairs)}"]
    return lines


def main(argv: list[str]) -> int:
    """Print the report for the files named (the bundled data and the 1.2 coding by default)."""
    data = (
        Path(argv[0]) if argv else HERE.parent / "src" / "usjapan2024" / "data" / "usjapan2024.json"
    )
    coded = Path(argv[1]) if len(argv) > 1 else HERE / "research" / "second-coder-1.2.json"
    ours = json.loads(data.read_text(encoding="utf-8"))
    theirs = json.loads(coded.read_text(encoding="utf-8"))
    print("\n".join(report(ours, theirs)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
