"""What a type checker sees of the public API: each line must pass ``mypy --strict``.

Like attrs' typing examples, this file is checked, not run: ``tests/test_typing.py``
runs mypy on it and on ``mistakes.py``, whose lines must each fail as marked.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from hypothesis.strategies import SearchStrategy
from typing_extensions import assert_type

import usjapan2024 as uj
from usjapan2024 import strategies as ujst
from usjapan2024._querying.results import Results
from usjapan2024.export import Row

meeting = uj.load()
assert_type(meeting, uj.Meeting)
assert_type(uj.__version__, str)
assert_type(uj.load("file.json", source="text"), uj.Meeting)
assert_type(uj.officials(country="JP"), Results[uj.Official])
assert_type(uj.officials(country=uj.Actor.JP), Results[uj.Official])
assert_type(uj.commitments(topic="deterrence", status=uj.Status.PLANNED), Results[uj.Commitment])
assert_type(uj.commitments(parties=["US", uj.Actor.JP]), Results[uj.Commitment])
assert_type(uj.threats(actor="houthis", response="condemnation"), Results[uj.Threat])
assert_type(uj.search("Tomahawk"), Results[uj.Record])
assert_type(uj.get("official.kamikawa", kind=uj.Official), uj.Official)
assert_type(uj.get("official.kamikawa"), uj.Record)
assert_type(uj.get("nobody", None), uj.Record | None)
assert_type(uj.to_records("errata"), list[Row])
assert_type(uj.to_frame("threats"), pd.DataFrame)
assert_type(uj.check(meeting), list[uj.Problem])
assert_type(uj.diff(meeting, meeting), uj.DatasetDiff)
assert_type(uj.diff("1.0.0", meeting), uj.DatasetDiff)
assert_type(uj.diff(meeting, meeting).to_frame(), pd.DataFrame)
assert_type(uj.load(release="1.0.0"), uj.Meeting)
assert_type(uj.releases(), tuple[uj.Release, ...])
assert_type(uj.to_frames(), dict[str, pd.DataFrame])
assert_type(uj.threats(actor="CN") | uj.threats(actor="KP"), Results[uj.Threat])
assert_type(uj.commitments() + uj.commitments(), Results[uj.Commitment])
assert_type(uj.locate("Kamikawa", uj.source_text()), uj.Span)
assert_type(uj.skeleton(uj.source_text()), dict[str, Any])
assert_type(uj.fill_offsets(uj.skeleton(Path("communique.txt")), uj.source_text()), dict[str, Any])
assert_type(uj.errata_for(meeting.officials[3]), Results[uj.Erratum])
assert_type(meeting.errata[0].references[0].role, uj.SourceRole | None)
assert_type(ujst.meetings(8, min_records=2), SearchStrategy[uj.Meeting])

# 1.0.0 code, a filter or a kind held in a str variable, type-checks as it did then.
topic: str = "deterrence"
assert_type(uj.commitments(topic=topic, party=topic.upper()), Results[uj.Commitment])
assert_type(uj.threats(actor=str(uj.Actor.KP.value)), Results[uj.Threat])
kind_name: str = "threats"
assert_type(uj.to_records(kind_name), list[Row])
# The types of the public signatures are public names.
kind: uj.RecordKindName = "errata"
assert_type(uj.to_records(kind), list[Row])
source: uj.Source = Path("communique.txt")
assert_type(uj.load("file.json", source=source), uj.Meeting)
assert_type(uj.check(meeting, source="the text itself"), list[uj.Problem])
# The response scale's rank, to sort and compare by strength.
assert_type(uj.Response.CONDEMNATION.rank, int)
assert_type(max(uj.Response, key=lambda r: r.rank), uj.Response)
assert_type(sorted(uj.threats(), key=lambda t: t.response.rank), list[uj.Threat])
