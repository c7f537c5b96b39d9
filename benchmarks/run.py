"""Measure usjapan2024 against baselines run side by side; print and save ratios.

    scripts/bench            # full run, a few minutes (sets up .venv if needed)
    scripts/bench --quick    # fewer rounds and a 10^4 ceiling
    scripts/bench --docs     # also rewrite docs/performance.md
    scripts/bench --only exports   # one group, printed only
    scripts/bench --only cold --against OLD/src   # the cold start beside another tree's
    scripts/bench --profile --docs   # pyinstrument's profiles of a cold start and of loads
    scripts/bench --only shrink    # how long shrinking a failing meeting takes

Every figure is a ratio of two things measured in the same run, each the median of
many interleaved rounds (A, B, A, B, ...), because absolute times on a shared machine
are noisy while ratios of neighbours are not.  Whole processes (the ``cold`` group,
the import, ``validate``) run with bytecode caches, as an installed package has them;
the short ones (``cold``, the import) are timed by their CPU time, user and system, as
``/usr/bin/time`` reports it, which waiting for a core on a busy machine does not inflate.
Nothing here asserts a time: the targets are printed beside the ratios, and the test
suite never times anything.
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


_AS_INSTALLED = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""The environment of the timed processes: bytecode cached, as an installed package has it."""


def _python(code: str) -> Callable[[], object]:
    def run() -> object:
        return subprocess.run([sys.executable, "-c", code], check=True, env=_AS_INSTALLED)

    return run


def bench_import(rounds: int) -> list[Row]:
    """1. A fresh interpreter importing usjapan2024 against one importing attrs."""
    check = (
        "import sys, usjapan2024; "
        "bad = [m for m in ('cattrs', 'importlib_resources', 'pandas', 'usjapan2024.model')"
        " if m in sys.modules]; assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", check], check=True)
    t = _whole(
        rounds,
        {
            "ours": _py("import usjapan2024"),
            "attrs": _py("import attrs"),
            "load": _py("import usjapan2024; usjapan2024.load()"),
            "pass": _py("pass"),
        },
    )
    return [
        {
            "group": "import",
            "name": "python -c 'import usjapan2024' / 'import attrs'",
            "ratio": t["ours"] / t["attrs"],
            "target": 1.10,
        },
        {
            "group": "import",
            "name": "import usjapan2024 + first load() / python -c pass (info)",
            "ratio": t["load"] / t["pass"],
            "target": None,
        },
    ]


def _cpu_seconds(command: list[str], env: dict[str, str]) -> float:
    """The CPU time (user + system) of one run of ``command``, as ``/usr/bin/time`` gives it.

    CPU time, not the time on the wall: on a shared machine a process also waits for a
    core, which is the machine's load and not the command's cost.
    """
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    return usage.ru_utime + usage.ru_stime


def _whole(
    rounds: int, commands: dict[str, list[str]], env: dict[str, str] | None = None
) -> dict[str, float]:
    """Median CPU seconds of each whole process, run in interleaved rounds (A, B, C, A...)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    env = _AS_INSTALLED if env is None else env  # bytecode cached, written at the warm-up
    for command in commands.values():  # warm the file cache and the bytecode caches
        subprocess.run(command, check=True, capture_output=True, env=env)
    for _ in range(rounds):
        for name, command in commands.items():
            times[name].append(_cpu_seconds(command, env))
    return {name: statistics.median(found) for name, found in times.items()}


FIRST_ANSWER = "import usjapan2024 as uj; uj.officials(country='US')"
"""The cold first answer: import, the bundled load() and one filter, in a fresh process."""

CLI_CODE = (
    "import sys; sys.argv[1:] = ['officials'];"
    " from usjapan2024.__main__ import main; raise SystemExit(main())"
)
"""What the ``usjapan2024`` script runs, as a program: for a tree that is not installed."""


def _cli() -> list[str]:
    script = Path(sys.executable).parent / "usjapan2024"
    return [str(script), "officials"] if script.exists() else [*_py("-m usjapan2024"), "officials"]


def _py(code: str) -> list[str]:
    return (
        [sys.executable, *code.split(" ", 1)]
        if code.startswith("-m")
        else [sys.executable, "-c", code]
    )


def _in(src: Path | None, code: str) -> list[str]:
    """``python -c code`` with the package imported from ``src`` (``None``: this tree)."""
    first = "" if src is None else f"import sys; sys.path.insert(0, {str(src)!r}); "
    return _py(first + code)


def bench_cold(rounds: int, against: Path | None = None) -> list[Row]:
    """0. Whole processes: the first answer from a cold start beside its peers' first answers.

    Each command is a fresh interpreter, timed from start to exit (as ``/usr/bin/time``
    does), the median of interleaved rounds.  With ``against`` (another tree's ``src``
    folder), the same first answer and command line from that tree's code are timed in
    the same rounds, for before/after figures.
    """
    commands = {
        "pass": _py("pass"),
        "json": _py(f"import json; json.loads(open({str(DATA)!r}, 'rb').read())"),
        "pycountry": _py("import pycountry; pycountry.countries.get(alpha_2='JP')"),
        "first": _py(FIRST_ANSWER),
        "cli": _cli(),
        "penguins": _py("from palmerpenguins import load_penguins; load_penguins()"),
        # The floor the design card sets: the two libraries every first answer structures
        # with, and the model's classes, which attrs builds at import.
        "attrs+cattrs": _py("import attrs, cattrs"),
        "model": _py("import usjapan2024.model"),
    }
    if against is not None:
        commands["against"] = _in(against, FIRST_ANSWER)
        commands["cli here"] = _in(None, CLI_CODE)
        commands["cli against"] = _in(against, CLI_CODE)
    t = _whole(rounds, commands)
    info = [
        ("cold first answer, whole process / python -c pass (info)", "first"),
        ("python -c json.loads(bundled file) / python -c pass (info)", "json"),
        ("pycountry's cold countries.get() / python -c pass (info)", "pycountry"),
        ("palmerpenguins' cold load_penguins() / python -c pass (info)", "penguins"),
        ("python -c 'import attrs, cattrs' / python -c pass (info)", "attrs+cattrs"),
    ]
    rows: list[Row] = [
        {
            "group": "cold",
            "name": "cold first answer (import + load() + filter) / pycountry's cold get",
            "ratio": t["first"] / t["pycountry"],
            "target": 1.0,
        },
        {
            "group": "cold",
            "name": "`usjapan2024 officials`, whole process / python -c pass",
            "ratio": t["cli"] / t["pass"],
            "target": 5.0,
        },
    ]
    rows += [  # the design card's floor, against the peer the first answer is held to
        {"group": "cold", "name": name, "ratio": t[key] / t["pycountry"], "target": None}
        for name, key in [
            ("python -c 'import attrs, cattrs' / pycountry's cold get (info)", "attrs+cattrs"),
            ("python -c 'import usjapan2024.model' / pycountry's cold get (info)", "model"),
        ]
    ]
    rows += [
        {"group": "cold", "name": name, "ratio": t[key] / t["pass"], "target": None}
        for name, key in info
    ]
    if against is not None:
        rows += [
            {
                "group": "cold",
                "name": "cold first answer, this tree / --against tree (info)",
                "ratio": t["first"] / t["against"],
                "target": None,
            },
            {
                "group": "cold",
                "name": "`officials` command, this tree / --against tree (info)",
                "ratio": t["cli here"] / t["cli against"],
                "target": None,
            },
            {
                "group": "cold",
                "name": "--against tree's cold first answer / pycountry's cold get (info)",
                "ratio": t["against"] / t["pycountry"],
                "target": None,
            },
            {
                "group": "cold",
                "name": "--against tree's `officials` command / python -c pass (info)",
                "ratio": t["cli against"] / t["pass"],
                "target": None,
            },
        ]
    return rows


def bench_load(rounds: int) -> list[Row]:
    """2. Loading the bundled dataset against json.loads, pydantic and msgspec."""
    data = DATA.read_bytes()

    def first_load() -> object:
        _loading._bundled = None  # noqa: SLF001  (measure the real first load, read included)
        return uj.load()

    text = uj.source_text()
    model = peers.pydantic_meeting()
    decoder = peers.msgspec_decoder()
    repeat = 20
    return [
        {
            "group": "load",
            "name": "first bundled load() (read + digests + structure) / json.loads",
            "ratio": ratio(first_load, lambda: json.loads(data), rounds, repeat),
            "target": 3.0,
        },
        {
            "group": "load",
            "name": "loads(the same file), as a user's: every check / json.loads",
            "ratio": ratio(
                lambda: uj.loads(data, source=text), lambda: json.loads(data), rounds, repeat
            ),
            "target": None,
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
    other = uj.loads(DATA.read_bytes())
    cases: list[tuple[str, Callable[[], object], Callable[[], object], float | None]] = [
        (
            "officials(country='JP')",
            lambda: uj.officials(country="JP"),
            lambda: tuple(o for o in m.officials if o.country is jp),
            1.0,
        ),
        (
            "commitments(topic='deterrence')",
            lambda: uj.commitments(topic="deterrence"),
            lambda: tuple(c for c in m.commitments if c.topic is deterrence),
            1.0,
        ),
        (
            "commitments(party='US', topic='deterrence')",
            lambda: uj.commitments(party="US", topic="deterrence"),
            lambda: tuple(c for c in m.commitments if us in c.parties and c.topic is deterrence),
            1.0,
        ),
        (
            "threats(actor=Actor.KP)",
            lambda: uj.threats(actor=kp),
            lambda: tuple(t for t in m.threats if t.actor is kp),
            1.0,
        ),
        (
            "commitments(subject='tomahawk')",
            lambda: uj.commitments(subject="tomahawk"),
            lambda: tuple(
                c for c in m.commitments if any(s.casefold() == "tomahawk" for s in c.subjects)
            ),
            1.0,
        ),
        (
            "commitments(parties=['US', 'JP'])",
            lambda: uj.commitments(parties=["US", "JP"]),
            lambda: tuple(c for c in m.commitments if frozenset(c.parties) == {us, jp}),
            1.0,
        ),
        (
            "officials(country='JP', meeting=another)",
            lambda: uj.officials(country="JP", meeting=other),
            lambda: tuple(o for o in other.officials if o.country is jp),
            None,
        ),
        (
            "get('threat.houthi-attacks')",
            lambda: uj.get("threat.houthi-attacks"),
            lambda: next(r for r in everything if _id(r) == "threat.houthi-attacks"),
            1.0,
        ),
        (
            "search('okinawa')",
            lambda: uj.search("okinawa"),
            lambda: tuple(r for r in everything if _mentions(r, "okinawa")),
            1.0,
        ),
    ]
    return [
        {
            "group": "queries",
            "name": f"{name} / naive scan" + (" (info)" if target is None else ""),
            "ratio": ratio(ours, naive, rounds, 2000),
            "target": target,
        }
        for name, ours, naive, target in cases
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
    for _ in range(2):  # the first query scans, the second builds the index
        uj.commitments(topic=rare, meeting=meeting)
    query = _clock(lambda: uj.commitments(topic=rare, meeting=meeting), 2000)
    scan = _clock(lambda: tuple(c for c in meeting.commitments if c.topic is rare), 20)
    return query, scan


def bench_scale(rounds: int, sizes: tuple[int, ...]) -> list[Row]:
    """4. Load time per record, indexed query time and memory per record as N grows."""
    made = {n: (*synthetic.make(n), n) for n in sizes}
    small, large = made[sizes[0]], made[sizes[-1]]
    head = f"N={sizes[-1]:,} / N={sizes[0]:,}"
    laps = max(5, rounds // 3)
    meetings = {n: uj.loads(doc, source=text) for n, (doc, text, _) in made.items()}
    queries = {n: _query_times(meeting) for n, meeting in meetings.items()}
    rare = synthetic.RARE_TOPIC

    def query(n: int) -> Callable[[], object]:
        return lambda: uj.commitments(topic=rare, meeting=meetings[n])

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
            "ratio": ratio(query(sizes[-1]), query(sizes[0]), laps, 2000),
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
            return subprocess.run(validate, check=True, capture_output=True, env=_AS_INSTALLED)

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
    parser.add_argument(
        "--against",
        metavar="SRC",
        type=Path,
        help="another tree's src folder: its cold first answer is timed beside this one's",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="print pyinstrument's profiles of a cold start and of loads (--docs: keep them)",
    )
    args = parser.parse_args(argv)
    rounds = 7 if args.quick else 21
    sizes = (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000)
    groups: dict[str, Callable[[], list[Row]]] = {
        "cold": lambda: bench_cold(rounds, args.against),
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
    if args.profile:
        shown = profiles()
        print(shown)
        if args.docs:
            _write_block("profiles", shown)
        return 0
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


_LOAD_PROFILE = """
import pathlib, pyinstrument, usjapan2024 as uj, usjapan2024._loading.load as loading
data, text = pathlib.Path({data!r}).read_bytes(), uj.source_text()
run = {run}
run()  # the converter built and the modules imported: the load alone
p = pyinstrument.Profiler(interval=0.0001)
p.start()
for _ in range(200):
    run()
p.stop()
print(p.output_text(unicode=True, color=False))
"""

_LOADS = {
    "the first bundled load() (the proven bytes), 200 times in one process": (
        "lambda: setattr(loading, '_bundled', None) or uj.load()"
    ),
    "loads() of the same bytes as a user's file (every check), 200 times in one process": (
        "lambda: uj.loads(data, source=text)"
    ),
}


def profiles() -> str:
    """The profiles (by pyinstrument) of the cold first answer and of loads, as Markdown."""
    blocks = []
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "first_answer.py"
        script.write_text(FIRST_ANSWER + "\n", encoding="utf-8")
        command = [sys.executable, "-m", "pyinstrument", "-i", "0.0001", "--no-color"]
        command += ["--unicode", str(script)]
        subprocess.run(command, check=True, capture_output=True, env=_AS_INSTALLED)  # warm
        found = subprocess.run(command, check=True, capture_output=True, env=_AS_INSTALLED)
        blocks.append(("the cold first answer, `" + FIRST_ANSWER + "`", found.stdout))
    for what, run in _LOADS.items():
        code = _LOAD_PROFILE.format(data=str(DATA), run=run)
        found = subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, env=_AS_INSTALLED
        )
        blocks.append((what, found.stdout))
    shown = [
        (what, out.decode("utf-8").strip("\n")) for what, out in blocks
    ]  # the logo's spaces kept
    return "\n".join(f"Profile of {what}:\n\n```text\n{text}\n```\n" for what, text in shown)


def _write_docs(table: str, quick: bool) -> None:  # noqa: FBT001
    command = "scripts/bench --quick" if quick else "scripts/bench"
    block = f"Machine: {_machine()}; command: `{command}`.\n\n```text\n{table}\n```"
    _write_block("results", block)


def _write_block(name: str, block: str) -> None:
    """Replace what docs/performance.md holds between its ``name`` markers with ``block``."""
    page = ROOT / "docs" / "performance.md"
    text = page.read_text(encoding="utf-8")
    begin, end = f"<!-- {name}: begin -->", f"<!-- {name}: end -->"
    head, found, rest = text.partition(begin)
    if not found:
        msg = f"{page} has no {begin} marker"
        raise SystemExit(msg)
    _, _, tail = rest.partition(end)
    page.write_text(f"{head}{begin}\n{block}\n{end}{tail}", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
