"""What a type checker sees of the public API: each line must pass ``mypy --strict``.

Like attrs' typing examples, this file is checked, not run: ``tests/test_typing.py``
runs mypy on it and on ``mistakes.py``, whose lines must each fail as marked.
"""

from __future__ import annotations

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
assert_type(uj.errata_for(meeting.officials[3]), Results[uj.Erratum])
assert_type(meeting.errata[0].references[0].role, uj.SourceRole | None)
assert_type(ujst.meetings(8, min_records=2), SearchStrategy[uj.Meeting])
