"""How long Hypothesis takes to shrink a failing meeting, for properties a tool author writes.

Each property fails on meetings with some feature (a commitment of two parties, three
threats, an erratum, a long quote, a party's name the tool mishandles).  Hypothesis is
run as a user runs it, with the default phases (generate, shrink, explain), but with
``derandomize=True`` and no example database, so that every run draws the same
examples.  What is timed is what a user waits for after the first failure: shrinking
and explaining, to the end of the run.  The time is the process's CPU time, because on
a shared machine the wall-clock time also counts other programs' turns; both are kept.

    python benchmarks/shrink.py      # print the table (also part of scripts/bench)
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis.statistics import collector  # Hypothesis' own per-phase counts

from usjapan2024 import Meeting
from usjapan2024 import strategies as ujst

Condition = Callable[[Meeting], bool]


def _quotes(meeting: Meeting) -> list[str]:
    return [span.quote for record in meeting.records() for span in record.sources]


CONDITIONS: dict[str, Condition] = {
    "a commitment of two parties": lambda m: any(len(c.parties) >= 2 for c in m.commitments),
    "three threats": lambda m: len(m.threats) >= 3,
    "an erratum": lambda m: bool(m.errata),
    "a quote of over 20 characters": lambda m: any(len(q) > 20 for q in _quotes(m)),
    "a party named with a space": lambda m: any(" " in p.name for p in m.parties),
}
"""What makes each property fail: a feature the tool under test mishandles."""


@attrs.frozen
class Shrunk:
    """One property's run: times from its first failure to the end, and what it ended on."""

    condition: str
    cpu: float  # seconds of this process's CPU time, first failure to the end of the run
    wall: float  # the same, on the clock
    calls: int  # calls of the property, in every phase
    phases: dict[str, int]  # test cases each phase ran (generate, shrink, explain)
    records: int  # records of the meeting it ended on (the shrunk example)


def shrink(condition: str, *, max_examples: int = 1_000) -> Shrunk:
    """Run the property that fails on ``condition``; time shrinking to its end."""
    fails = CONDITIONS[condition]
    calls = 0
    first: tuple[float, float] | None = None
    last: Meeting | None = None

    @settings(
        database=None,
        derandomize=True,
        deadline=None,
        max_examples=max_examples,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(ujst.meetings())
    def tool_property(meeting: Meeting) -> None:
        nonlocal calls, first, last
        calls += 1
        if fails(meeting):
            if first is None:
                first = (time.process_time(), time.perf_counter())
            last = meeting
            raise AssertionError(condition)

    statistics: list[dict[str, Any]] = []
    try:
        with collector.with_value(statistics.append):
            tool_property()
    except AssertionError:
        pass
    else:
        msg = f"the property for {condition!r} never failed"
        raise RuntimeError(msg)
    assert first is not None
    assert last is not None
    return Shrunk(
        condition,
        time.process_time() - first[0],
        time.perf_counter() - first[1],
        calls,
        {
            phase.removesuffix("-phase"): len(found["test-cases"])
            for phase, found in (statistics[0] if statistics else {}).items()
            if phase.endswith("-phase")
        },
        len(last.records()),
    )


def rows() -> list[dict[str, object]]:
    """One row per property, as ``run.py`` prints them: CPU seconds, target 5 s."""
    found = []
    for condition in CONDITIONS:
        result = shrink(condition)
        found.append(
            {
                "group": "shrink",
                "name": f"shrink to {result.records} records: {condition}, CPU s",
                "ratio": result.cpu,
                "target": 5.0,
                "wall": result.wall,
                "calls": result.calls,
            }
        )
    return found


if __name__ == "__main__":
    import sys

    for condition in sys.argv[1:] or CONDITIONS:
        result = shrink(condition)
        print(
            f"{condition:<32} cpu {result.cpu:6.1f} s  wall {result.wall:6.1f} s"
            f"  calls {result.calls:5} {result.phases}  ends on {result.records} records",
            flush=True,
        )
