"""Measure usjapan2024 against baselines run side by side; print and save ratios.

    scripts/bench            # full run, about two minutes (sets up .venv if needed)
    scripts/bench --quick    # fewer rounds and a 10^4 ceiling
    scripts/bench --docs     # also rewrite docs/performance.md
    scripts/bench --only exports   # one group, printed only
    scripts/bench --only shrink    # how long shrinking a failing meeting takes

Every figure is a ratio of two things measured in the same run, each the median of
many interleaved rounds (A, B, A, B, ...), because absolute times on a shared machine
are noisy while ratios of neighbours are not.  Nothing here asserts a time: the
targets are printed beside the ratios, and the test suite never times anything.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import peers  # noqa: E402
import shrink  # noqa: E402
import synthetic  # noqa: E402

import usjapan2024 as uj  # noqa: E402
from usjapan2024._loading import load as _loading  # noqa: E402

ROOT = HERE.parent
DATA = ROOT / "src" / "usjapan2024" / "data" / "usjapan2024.json"
Row = dict[str, Any]


def _clock(function: Callable[[], object], repeat: int) -> float:
    """Seconds per call of ``function``, over ``repeat`` calls."""
    start = time.perf_counter()
    for _ in range(repeat):
        function()
    return (time.perf_counter() - start) / repeat


def ratio(a: Callable[[], object], b: Callable[[], object], rounds: int, repeat: int) -> float:
    """Median over interleaved rounds of time(a) / time(b)."""
    a(), b()  # warm both
    ratios = [_clock(a, repeat) / _clock(b, repeat) for _ in range(rounds)]
    return statistics.median(ratios)


def _python(code: str) -> Callable[[], object]:
    def run() -> object:
        return subprocess.run([sys.executable, "-c", code], check=True)

    return run


def bench_import(rounds: int) -> list[Row]:
    """1. A fresh interpreter importing usjapan2024 against one importing attrs."""
    check = (
        "import sys, usjapan2024; "
        "bad = [m for m in ('cattrs', 'importlib_resources', 'pandas', 'usjapan2024.model')"
        " if m in sys.modules]; assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", check], check=True)
    return [
        {
            "group": "import",
            "name": "python -c 'import usjapan2024' / 'import attrs'",
            "ratio": ratio(_python("import usjapan2024"), _python("import attrs"), rounds, 1),
            "target": 1.10,
        },
        {
            "group": "import",
            "name": "import usjapan2024 + first load() / python -c pass (info)",
            "ratio": ratio(
                _python("import usjapan2024; usjapan2024.load()"), _python("pass"), rounds, 1
            ),
            "target": None,
        },
    ]


def bench_load(rounds: int) -> list[Row]:
    """2. Loading the bundled dataset against json.loads, pydantic and msgspec."""
    data = DATA.read_bytes()

    def first_load() -> object:
        _loading._bundled = None  # noqa: SLF001  (measure the real first load, read included)
        return uj.load()

    model = peers.pydantic_meeting()
    decoder = peers.msgspec_decoder()
    repeat = 20
    return [
        {
            "group": "load",
            "name": "first load() (read + structure + checks) / json.loads",
            "ratio": ratio(first_load, lambda: json.loads(data), rounds, repeat),
            "target": 3.0,
        },
        {
            "group": "load",
            "name": "first load() / pydantic model_validate_json",
            "ratio": ratio(first_load, lambda: model.model_validate_json(data), rounds, repeat),
            "target": 1.5,
        },
        {
            "group": "load",
            "name": "first load() / msgspec Struct decode (info)",
            "ratio": ratio(first_load, lambda: decoder.decode(data), rounds, repeat),
            "target": None,
        },
        {
            "group": "load",
            "name": "pydantic / json.loads (info: the peer's own ratio)",
            "ratio": ratio(
                lambda: model.model_validate_json(data), lambda: json.loads(data), rounds, repeat
            ),
            "target": None,
        },
    ]


def _id(record: Any) -> str:  # noqa: ANN401
    return str(getattr(record.id, "value", record.id))


def _mentions(record: Any, needle: str) -> bool:  # noqa: ANN401
    """The naive search: look through every string field and quote, every time."""
    words = [
        v
        for v in (getattr(record, f.name) for f in attrs.fields(type(record)))
        if isinstance(v, str)
    ]
    words += [span.quote for span in record.sources]
    return any(needle in word.casefold() for word in words)


def bench_queries(rounds: int) -> list[Row]:
    """3. Each query helper on the bundled data against a naive filter of the same tuples."""
    m = uj.load()
    us, jp, kp = uj.Actor.US, uj.Actor.JP, uj.Actor.KP
    deterrence = uj.Topic.DETERRENCE
    everything = list(m.records())
    cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        (
            "officials(country='JP')",
            lambda: uj.officials(country="JP"),
            lambda: tuple(o for o in m.officials if o.country is jp),
        ),
        (
            "commitments(topic='deterrence')",
            lambda: uj.commitments(topic="deterrence"),
            lambda: tuple(c for c in m.commitments if c.topic is deterrence),
        ),
        (
            "commitments(party='US', topic='deterrence')",
            lambda: uj.commitments(party="US", topic="deterrence"),
            lambda: tuple(c for c in m.commitments if us in c.parties and c.topic is deterrence),
        ),
        (
            "threats(actor=Actor.KP)",
            lambda: uj.threats(actor=kp),
            lambda: tuple(t for t in m.threats if t.actor is kp),
        ),
        (
            "get('threat.houthi-attacks')",
            lambda: uj.get("threat.houthi-attacks"),
            lambda: next(r for r in everything if _id(r) == "threat.houthi-attacks"),
        ),
        (
            "search('okinawa')",
            lambda: uj.search("okinawa"),
            lambda: tuple(r for r in everything if _mentions(r, "okinawa")),
        ),
    ]
    return [
        {
            "group": "queries",
            "name": f"{name} / naive scan",
            "ratio": ratio(ours, naive, rounds, 2000),
            "target": 1.0,
        }
        for name, ours, naive in cases
    ]


def _per_record_ratio(
    parse: Callable[[str, str], object],
    small: tuple[str, str, int],
    large: tuple[str, str, int],
    rounds: int,
) -> float:
    """Median over interleaved rounds of (time per record, large) / (time per record, small).

    The small document is loaded as many times as makes its round as long as the large
    one's, so both see the same machine state in each round.
    """
    (doc_s, text_s, n_s), (doc_l, text_l, n_l) = small, large
    repeat = max(1, n_l // n_s)
    ratios = []
    for _ in range(rounds):
        gc.collect()
        start = time.perf_counter()
        for _ in range(repeat):
            parse(doc_s, text_s)
        per_small = (time.perf_counter() - start) / (repeat * n_s)
        gc.collect()
        start = time.perf_counter()
        parse(doc_l, text_l)
        per_large = (time.perf_counter() - start) / n_l
        ratios.append(per_large / per_small)
    return statistics.median(ratios)


def _json_paused(document: str, _: str) -> object:
    """json.loads under the same garbage-collector pause that loading uses: the floor."""
    with _loading._cyclic_gc_paused():  # noqa: SLF001
        return json.loads(document)


def _memory_per_record(document: str, text: str, n: int) -> float:
    gc.collect()
    tracemalloc.start()
    kept = uj.loads(document, source=text)
    retained = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del kept
    return retained / n


def _query_times(meeting: uj.Meeting) -> tuple[float, float]:
    """Seconds per indexed query for the rare topic, and per naive scan for it."""
    rare = synthetic.RARE_TOPIC
    uj.commitments(topic=rare, meeting=meeting)  # build the index once
    query = _clock(lambda: uj.commitments(topic=rare, meeting=meeting), 2000)
    scan = _clock(lambda: tuple(c for c in meeting.commitments if c.topic is rare), 20)
    return query, scan


def bench_scale(rounds: int, sizes: tuple[int, ...]) -> list[Row]:
    """4. Load time per record, indexed query time and memory per record as N grows."""
    made = {n: (*synthetic.make(n), n) for n in sizes}
    small, large = made[sizes[0]], made[sizes[-1]]
    head = f"N={sizes[-1]:,} / N={sizes[0]:,}"
    laps = max(5, rounds // 3)
    queries = {n: _query_times(uj.loads(doc, source=text)) for n, (doc, text, _) in made.items()}
    rows: list[Row] = [
        {
            "group": "scale",
            "name": f"load time per record, {head}",
            "ratio": _per_record_ratio(lambda d, t: uj.loads(d, source=t), small, large, laps),
            "target": 1.3,
        },
        {
            "group": "scale",
            "name": f"json.loads per record, GC paused, {head} (info)",
            "ratio": _per_record_ratio(_json_paused, small, large, laps),
            "target": None,
        },
        {
            "group": "scale",
            "name": f"json.loads per record, GC on, {head} (info)",
            "ratio": _per_record_ratio(lambda d, _t: json.loads(d), small, large, laps),
            "target": None,
        },
        {
            "group": "scale",
            "name": f"indexed commitments(topic=...), 10 hits, {head}",
            "ratio": queries[sizes[-1]][0] / queries[sizes[0]][0],
            "target": 1.3,
        },
    ]
    rows += [
        {
            "group": "scale",
            "name": f"indexed query / naive scan, N={n:,}",
            "ratio": query / scan,
            "target": 1.0,
        }
        for n, (query, scan) in queries.items()
    ]
    rows += [
        {
            "group": "scale",
            "name": f"memory retained per record, N={n:,} (bytes, not a ratio)",
            "ratio": _memory_per_record(doc, text, n),
            "target": None,
        }
        for n, (doc, text, _) in made.items()
    ]
    return rows


def bench_validate(rounds: int, n: int) -> list[Row]:
    """5. `usjapan2024 validate FILE` against a script that only loads FILE."""
    document, text = synthetic.make(n)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        source = Path(folder) / "big.txt"
        path.write_text(document, encoding="utf-8")
        source.write_text(text, encoding="utf-8")
        validate = [
            sys.executable,
            "-m",
            "usjapan2024",
            "validate",
            str(path),
            "--source",
            str(source),
        ]
        load = (
            "import sys, usjapan2024, pathlib;"
            f"text = pathlib.Path({str(source)!r}).read_text('utf-8');"
            f"usjapan2024.load({str(path)!r}, source=text)"
        )

        def run_validate() -> object:
            return subprocess.run(validate, check=True, capture_output=True)

        return [
            {
                "group": "validate",
                "name": f"usjapan2024 validate / python -c load(), N={n:,}",
                "ratio": ratio(run_validate, _python(load), max(5, rounds // 2), 1),
                "target": 1.0,
            }
        ]


def _write_flat_csv(folder: Path) -> None:
    """The baseline: the flat CSV of every kind, as `usjapan2024 export KIND` writes it."""
    for kind in uj.export.KINDS:
        rows = uj.to_records(kind)
        with (folder / f"{kind}.csv").open("w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)


def bench_exports(rounds: int) -> list[Row]:
    """6. The relational exports of the bundled data against writing the flat CSV exports."""
    uj.load()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)

        def sqlite() -> object:
            return uj.to_sqlite(folder / "usjapan2024.db", overwrite=True)

        def package() -> object:
            return uj.to_datapackage(folder / "package", overwrite=True)

        def flat() -> object:
            _write_flat_csv(folder)
            return None

        repeat = 3
        return [
            {
                "group": "exports",
                "name": "to_sqlite() / flat CSV of every kind",
                "ratio": ratio(sqlite, flat, rounds, repeat),
                "target": 2.0,  # keys, checks and indexes cost little beyond the writing
            },
            {
                "group": "exports",
                "name": "to_datapackage() / flat CSV of every kind",
                "ratio": ratio(package, flat, rounds, repeat),
                "target": 2.0,
            },
            {
                "group": "exports",
                "name": "to_sqlite(), seconds (not a ratio; about 1 s wanted)",
                "ratio": _clock(sqlite, repeat),
                "target": 1.0,
            },
            {
                "group": "exports",
                "name": "to_datapackage(), seconds (not a ratio; about 1 s wanted)",
                "ratio": _clock(package, repeat),
                "target": 1.0,
            },
        ]


def _format(rows: list[Row]) -> str:
    lines = [f"{'measure':<66} {'ratio':>9} {'target':>7}  ok"]
    for row in rows:
        target = row["target"]
        ok = "" if target is None else ("yes" if row["ratio"] <= target else "NO")
        shown = f"{row['ratio']:.0f}" if "bytes" in row["name"] else f"{row['ratio']:.2f}"
        lines.append(
            f"{row['name']:<66} {shown:>9} {'' if target is None else f'≤{target:.2f}':>7}  {ok}"
        )
    return "\n".join(lines)


def _machine() -> str:
    return (
        f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()},"
        f" {os.cpu_count()} cores, {platform.system()} {platform.release()}"
    )


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark; print the table; write results.json (and the docs page)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds, N up to 10^4")
    parser.add_argument("--docs", action="store_true", help="rewrite docs/performance.md")
    parser.add_argument("--only", metavar="GROUP", help="run one group (not saved), e.g. exports")
    args = parser.parse_args(argv)
    rounds = 7 if args.quick else 21
    sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000)
    groups: dict[str, Callable[[], list[Row]]] = {
        "import": lambda: bench_import(rounds),
        "load": lambda: bench_load(rounds),
        "queries": lambda: bench_queries(rounds),
        "scale": lambda: bench_scale(rounds, sizes),
        "validate": lambda: bench_validate(rounds, max(sizes)),
        "exports": lambda: bench_exports(rounds),
        "shrink": shrink.rows,
    }
    if args.only is not None and args.only not in groups:
        parser.error(f"--only: choose from {', '.join(groups)}")
    rows = [row for name, run in groups.items() if args.only in (None, name) for row in run()]
    table = _format(rows)
    print(f"usjapan2024 {uj.__version__} on {_machine()}\n")
    print(table)
    if args.only is not None:
        return 0  # one group: the saved results and the docs stay whole
    result = {"machine": _machine(), "version": uj.__version__, "quick": args.quick, "rows": rows}
    (HERE / "results.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.docs:
        _write_docs(table, args.quick)
    return 0


def _write_docs(table: str, quick: bool) -> None:  # noqa: FBT001
    page = ROOT / "docs" / "performance.md"
    text = page.read_text(encoding="utf-8")
    begin, end = "<!-- results: begin -->", "<!-- results: end -->"
    head, _, rest = text.partition(begin)
    _, _, tail = rest.partition(end)
    command = "scripts/bench --quick" if quick else "scripts/bench"
    block = f"{begin}\nMachine: {_machine()}; command: `{command}`.\n\n```text\n{table}\n```\n{end}"
    page.write_text(head + block + tail, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
