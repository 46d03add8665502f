"""Benchmark: grmodel against plain parsing and JSON Schema validators, side by side.

Generates a record set with ``generate.py`` (with planted defects) and runs every
pass in a fresh child process, one after the other, in one run: the CPU time of
the pass itself (``time.process_time`` around it, imports and set-up excluded) for
the library passes, the whole process for the CLI passes; the peak RSS of the
child (``wait4``); and what the pass found. Each pass is timed over several runs
(until their CPU adds up to ``--min-time``, at least ``--repeat`` times unless that
passes ``--max-time``) and its least-CPU run is shown, with the median's excess over
it (the spread). Ratios are CPU per record against ``json.loads`` of each line timed
beside the pass the same way (between its runs, in the same process, for a library
pass), so a change of load between passes moves both (wall time on a shared machine
measures the neighbours).

Run: ``python benchmarks/bench.py --records 100000``. Optional libraries (msgspec,
fastjsonschema, pydantic) come with ``pip install -e '.[bench]'``; a pass whose
library is missing is listed as skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from bench_passes import BASE, PASSES, against_manifest, lines

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"


def _child(name: str, records: Path, args: argparse.Namespace) -> None:
    """Time the pass over and over (see :func:`_again`), and between its runs the
    yardstick, ``json.loads`` of every line, in the same process the same way; print
    each run's CPU and wall time."""
    sys.path.insert(0, str(HERE))  # the scripts beside this one
    run = PASSES[name][1](records, args)
    loads = PASSES[BASE][1](records, args) if name != BASE else None
    cpus: list[float] = []
    walls: list[float] = []
    base: list[float] = []
    base_count = 0
    while True:
        more, more_base = _again(cpus, args), loads is not None and _again(base, args)
        if not (more or more_base):
            break
        if more:
            wall, cpu = time.perf_counter(), time.process_time()
            count, found = run()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
        if loads is not None and more_base:
            cpu = time.process_time()
            base_count = loads()[0]
            base.append(time.process_time() - cpu)
    result = {"count": count, "cpus": cpus, "walls": walls, "found": found}
    print(json.dumps({**result, "base": base, "base_count": base_count}))


def _again(cpus: list[float], args: argparse.Namespace) -> bool:
    """Whether to time a pass once more after runs of ``cpus`` seconds: until they add
    up to ``--min-time``, and at least ``--repeat`` times unless that passes
    ``--max-time`` (a pass of minutes runs once); never more than :data:`_MAX_RUNS`."""
    total = sum(cpus)
    if not cpus or total < args.min_time:
        return len(cpus) < _MAX_RUNS
    return len(cpus) < args.repeat and total < args.max_time


_MAX_RUNS = 50
"""Timed runs of one pass at most, however cheap it is."""


# --- the parent: run each pass in a child, print the table ---------------------------


def _spawn(argv: list[str]) -> tuple[str, float, float, float]:
    """Run a child; return its stdout, CPU s (user+sys), wall s and peak RSS in MB."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode()
    return text, usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def _cli_passes(records: Path, tmp: Path) -> Iterator[tuple[str, list[str], str]]:
    help_text = subprocess.run(
        [sys.executable, "-m", "grmodel", "validate", "--help"], capture_output=True, text=True
    ).stdout
    report = str(tmp / "report.json")
    base = [sys.executable, "-m", "grmodel", "validate", str(records), "--format", "json"]
    base += ["-o", report, "--force"]
    if "--jobs" in help_text:
        yield "grmodel validate CLI --jobs 1", [*base, "--jobs", "1"], report
        yield "grmodel validate CLI --jobs 2", [*base, "--jobs", "2"], report
    else:
        yield "grmodel validate CLI (no --jobs yet)", base, report


def _documents(tmp: Path, count: int) -> list[Path]:
    """``count`` copies of the shared seed documents that import on their own (an import
    run stops at the first document whose kind cannot be told)."""
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    grmodel = [sys.executable, "-m", "grmodel", "import"]
    importable = [
        seed
        for seed in seeds
        if subprocess.run(
            [*grmodel, "-o", str(tmp / "probe" / seed.stem), str(seed)], capture_output=True
        ).returncode
        == 0
    ]
    if not importable:
        return []
    folder = tmp / "documents"
    folder.mkdir()
    copies = []
    for i in range(count):
        seed = importable[i % len(importable)]
        copy = folder / f"{i:05d}_{seed.name}"
        shutil.copyfile(seed, copy)
        copies.append(copy)
    return copies


class Timing(NamedTuple):
    """A pass's timed runs: records (or documents), CPU s of each run, the wall s and
    peak RSS (MB) of the least-CPU run, what it found, and the yardstick's least CPU
    per line timed beside it (``None``: not timed beside it)."""

    count: int
    cpus: list[float]
    wall: float
    rss: float
    found: str
    base: float | None = None


HEADER = (
    f"{'pass':<38} {'records':>10} {'records/s':>10} {'loads/s':>8} {'×loads':>7} "
    f"{'runs':>4} {'min s':>7} {'median':>7} {'spread':>6} {'wall s':>7} {'RSS MB':>6}  found"
)


def _row(name: str, timing: Timing, base: float | None) -> str:
    """A table row: rate and ratio from the least-CPU run, against the yardstick timed
    beside the pass (else ``base``, the run's first); the median run's CPU and its
    excess over the least (the spread) show how much the runs differed."""
    count, cpus = timing.count, timing.cpus
    least, median = min(cpus), statistics.median(cpus)
    base = timing.base or base
    ratio = f"{least / count / base:7.2f}" if base and count else "      -"
    loads = f"{1 / base:8,.0f}" if base and timing.count else "       -"
    spread = f"{median / least - 1:6.1%}" if len(cpus) > 1 and least else "     -"
    return (
        f"{name:<38} {count:>10,} {count / least if least else 0:>10,.0f} {loads} {ratio} "
        f"{len(cpus):>4} {least:7.2f} {median:7.2f} {spread} {timing.wall:7.2f} "
        f"{timing.rss:6.0f}  {timing.found}"
    )


def _library(name: str, records: Path, args: argparse.Namespace) -> Timing:
    """A library pass, timed in a fresh child (which repeats it, see :func:`_child`)."""
    argv = [sys.executable, __file__, "--child", name, "--set", str(records)]
    argv += ["--jsonschema-sample", str(args.jsonschema_sample)]
    argv += ["--repeat", str(args.repeat), "--min-time", str(args.min_time)]
    argv += ["--max-time", str(args.max_time)]
    text, _, _, rss = _spawn(argv)
    result = json.loads(text.strip().splitlines()[-1])
    cpus, walls, base = result["cpus"], result["walls"], result["base"]
    wall = walls[cpus.index(min(cpus))]
    beside = min(base) / result["base_count"] if base else None
    return Timing(result["count"], cpus, wall, rss, result["found"], beside)


def _processes(
    argv: list[str], count: int, args: argparse.Namespace, records: Path | None = None
) -> Timing:
    """A command run as often as :func:`_again` says, each time the whole process
    tree's CPU; with ``records``, the yardstick timed before each run (in a child of
    its own, for half of ``--min-time``)."""
    runs: list[tuple[str, float, float, float]] = []
    base: list[float] = []
    yardstick = argparse.Namespace(**{**vars(args), "min_time": args.min_time / 2, "repeat": 1})
    while _again([run[1] for run in runs], args):
        if records is not None:
            timing = _library(BASE, records, yardstick)
            base.append(min(timing.cpus) / timing.count)
        runs.append(_spawn(argv))
    _, _, wall, rss = min(runs, key=lambda run: run[1])
    return Timing(count, [run[1] for run in runs], wall, rss, "", min(base) if base else None)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000, help="records to generate")
    parser.add_argument("--defects", type=float, default=0.01, help="share of damaged records")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--documents", type=int, default=1000, help="documents to import")
    parser.add_argument(
        "--jsonschema-sample", type=int, default=10_000, help="records jsonschema validates"
    )
    parser.add_argument("--keep", type=Path, help="generate into this directory and keep it")
    parser.add_argument("--only", help="run only the passes whose name contains this text")
    parser.add_argument(
        "--min-time",
        type=float,
        default=2.0,
        help="repeat each library pass in its process until its CPU adds up to this (s)",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, help="time each pass at least N times (unless slow)"
    )
    parser.add_argument(
        "--max-time",
        type=float,
        default=30.0,
        help="no more repeats (beyond --min-time) once a pass's runs add up to this (s)",
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--set", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def _passes(out: Path, records: Path, tmp: Path, args: argparse.Namespace) -> None:
    """Run and print every pass."""
    first = _library(BASE, records, args)
    base = min(first.cpus) / first.count
    print(_row(BASE, first, base))
    for name, (needs, _) in PASSES.items():
        if name == BASE or (args.only and args.only not in name):
            continue
        if needs and importlib.util.find_spec(needs) is None:
            print(f"{name:<38} skipped: {needs} not installed")
            continue
        print(_row(name, _library(name, records, args), base))
    count = sum(1 for _ in lines(records))
    for name, argv_cli, report in _cli_passes(records, tmp):
        if args.only and args.only not in name:
            continue
        timing = _processes(argv_cli, count, args, records)
        found = json.loads(Path(report).read_text(encoding="utf-8"))["findings"]
        print(_row(name, timing._replace(found=against_manifest(out, found)), base))
    documents = _documents(tmp, args.documents) if args.documents else []
    if documents:
        argv_import = [sys.executable, "-m", "grmodel", "import", "-o", str(tmp / "imported")]
        once = argparse.Namespace(min_time=0, repeat=1, max_time=0)
        timing = _processes([*argv_import, *map(str, documents)], len(documents), once)
        written = len(list((tmp / "imported").glob("*")))
        print(_row("grmodel import (documents)", timing, None), f"{written} record sets written")
    elif args.documents:
        print(f"grmodel import: skipped (no seed documents in {SEEDS})")
    print(_row(f"{BASE}, again at the end", _library(BASE, records, args), base))


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    if args.child:
        _child(args.child, args.set, args)
        return 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        out = args.keep or tmp / "set"
        sys.path.insert(0, str(HERE))
        from generate import RECORDS, generate

        count, manifest = generate(out, args.records, args.defects, args.seed)
        records = out / RECORDS
        size = sum(p.stat().st_size for p in records.glob("*.jsonl")) / 1e6
        print(f"{count:,} records ({size:.0f} MB JSON Lines), {len(manifest):,} planted defects")
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {time.strftime('%F %T')}")
        print()
        print(HEADER)
        _passes(out, records, tmp, args)
        print()
        print(
            "×loads: CPU per record of the pass's least-CPU run against that of json.loads\n"
            "per line (the yardstick, at loads/s) timed beside it: between the runs, in the\n"
            "same process, of a library pass; in a process before each run of a CLI pass.\n"
            f"Each pass (and yardstick) runs until its CPU adds up to {args.min_time:g} s, at "
            f"least {args.repeat}\ntimes unless that passes {args.max_time:g} s; spread: the "
            "median run's CPU over the\nleast's. Library passes time the pass alone (the main "
            "process only, for --jobs 2),\nCLI passes the whole process tree (start-up and "
            "workers included). The first and\nlast rows: the yardstick alone at the start "
            "and at the end of the run."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
