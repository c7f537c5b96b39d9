"""How long Hypothesis takes to shrink a failing meeting, for properties a tool author writes.

Each property fails on meetings with some feature (a commitment of two parties, three
threats, an erratum, a quote of over 20 characters, a party's name with a space): the
feature a tool under test mishandles.  Hypothesis is run as a user runs it, with the default phases
(generate, shrink, explain), but with no example database and a fixed seed, so that a
run draws the same examples every time; each property is run under several seeds,
because one seed's path through shrinking can be unusually short or long.

What is timed is what a user waits for after the first failure: shrinking and
explaining, to the end of the run.  The time is the process's CPU time, because on a
shared machine the wall-clock time also counts other programs' turns.

    python benchmarks/shrink.py            # every property, printed (about a minute)
    python benchmarks/shrink.py "three threats"
    scripts/bench --only shrink            # the same, in the benchmarks' table
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable

import attrs
from hypothesis import HealthCheck, given, seed, settings

from usjapan2024 import Meeting
from usjapan2024 import strategies as ujst

Condition = Callable[[Meeting], bool]


def _quotes(meeting: Meeting) -> list[str]:
    return [span.quote for record in meeting.records() for span in record.sources]


CONDITIONS: dict[str, Condition] = {
    "two-party commitment": lambda m: any(len(c.parties) >= 2 for c in m.commitments),
    "three threats": lambda m: len(m.threats) >= 3,
    "an erratum": lambda m: bool(m.errata),
    "quote over 20 chars": lambda m: any(len(q) > 20 for q in _quotes(m)),
    "party name with a space": lambda m: any(" " in p.name for p in m.parties),
}
"""What makes each property fail."""

SEEDS = (0, 1, 2)


@attrs.frozen
class Shrunk:
    """One run of one property: from its first failure to the end, and what it ended on."""

    condition: str
    seed: int
    cpu: float  # seconds of this process's CPU time, first failure to the end of the run
    wall: float  # the same, on the clock
    calls: int  # calls of the property after the first failure (shrinking, explaining)
    records: int  # records of the meeting it ended on (the shrunk example)


def shrink(condition: str, run_seed: int) -> Shrunk:
    """Run the property that fails on ``condition`` under ``run_seed``; time the rest."""
    fails = CONDITIONS[condition]
    calls = 0
    first: tuple[float, float, int] | None = None
    last: Meeting | None = None

    @seed(run_seed)
    @settings(
        database=None,
        deadline=None,
        max_examples=1_000,
        suppress_health_check=list(HealthCheck),
        report_multiple_bugs=False,
    )
    @given(ujst.meetings())
    def tool_property(meeting: Meeting) -> None:
        nonlocal calls, first, last
        calls += 1
        if fails(meeting):
            if first is None:
                first = (time.process_time(), time.perf_counter(), calls)
            last = meeting
            raise AssertionError(condition)

    try:
        tool_property()
    except AssertionError:
        pass
    else:
        msg = f"the property for {condition!r} never failed"
        raise RuntimeError(msg)
    if first is None or last is None:
        msg = f"the property for {condition!r} failed outside the property"
        raise RuntimeError(msg)
    cpu, wall = time.process_time() - first[0], time.perf_counter() - first[1]
    return Shrunk(condition, run_seed, cpu, wall, calls - first[2], len(last.records()))


def runs(conditions: list[str]) -> dict[str, list[Shrunk]]:
    """Every property in ``conditions``, under every seed."""
    return {c: [shrink(c, s) for s in SEEDS] for c in conditions}


def rows() -> list[dict[str, object]]:
    """One row per property, as ``run.py`` prints them: the median CPU seconds, target 5."""
    found = []
    for condition, results in runs(list(CONDITIONS)).items():
        records = "/".join(str(r.records) for r in results)
        found.append(
            {
                "group": "shrink",
                "name": f"shrink, {condition}: CPU s, ends on {records} records",
                "ratio": statistics.median(r.cpu for r in results),
                "target": 5.0,
                "runs": [attrs.asdict(r) for r in results],
            }
        )
    return found


if __name__ == "__main__":
    for condition, results in runs(sys.argv[1:] or list(CONDITIONS)).items():
        cpu = ", ".join(f"{r.cpu:.1f}" for r in results)
        calls = ", ".join(str(r.calls) for r in results)
        records = ", ".join(str(r.records) for r in results)
        median = statistics.median(r.cpu for r in results)
        print(
            f"{condition:<30} median {median:5.1f} s CPU  ({cpu}; calls {calls};"
            f" ends on {records} records)",
            flush=True,
        )
