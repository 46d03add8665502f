"""What the set rules keep across records: bytes a record, rule by rule.

Runs the library ``validate`` on a record set (one job, every rule of the core and the
plugins) and, just before the set rules' ends run, counts every object reachable from
each set rule's state, from the run's shared id index and from the field lines the
engine keeps for late findings, each object once (the id index first, so a rule is not
charged for it; reference data, classes, modules and functions are not counted). With
``--tracemalloc`` it also prints the lines of code that allocated the most memory still
held at that point (slower: every allocation is traced).

Run: ``python benchmarks/bench_state.py DIR/records`` for a set of ``generate.py``.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
import types
from collections.abc import Iterable
from pathlib import Path
from typing import Any

_SKIP = (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType)


def deep_size(roots: Iterable[object], seen: set[int], skip: set[int]) -> int:
    """Bytes of the objects reachable from ``roots`` not in ``seen`` (added to it)."""
    total, stack = 0, list(roots)
    while stack:
        obj = stack.pop()
        key = id(obj)
        if key in seen or key in skip or isinstance(obj, _SKIP):
            continue
        seen.add(key)
        total += sys.getsizeof(obj)
        stack.extend(gc.get_referents(obj))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("records", type=Path, help="a directory of record files")
    parser.add_argument("--tracemalloc", action="store_true", help="also the top lines")
    parser.add_argument("--top", type=int, default=25, help="lines to show (--tracemalloc)")
    parser.add_argument("--detail", action="append", default=[], help="a rule's attributes too")
    args = parser.parse_args(argv)

    from grmodel.pipeline import validate
    from grmodel.plugins import get_plugin_manager
    from grmodel.validation import running

    pm = get_plugin_manager()
    pm.rules, pm.converter  # noqa: B018 - the rule catalogue's imports, before the count
    rows: list[tuple[str, int]] = []
    held: list[tracemalloc.Snapshot] = []
    finish = running.RuleRunner.finish

    def measured(runner: running.RuleRunner) -> list[Any]:
        if args.tracemalloc:
            held.append(tracemalloc.take_snapshot())
        ctx = runner._ctx
        skip = {id(ctx.refdata)}
        skip |= {id(o) for o in gc.get_referents(ctx.refdata)}
        seen: set[int] = set()
        rows.append(("id index (shared)", deep_size([getattr(ctx, "ids", None)], seen, skip)))
        rows.append(("field lines (engine)", deep_size([runner.lines], seen, skip)))
        for rule, state in runner._set_rules:
            if rule.code in args.detail:
                for name, value in sorted(vars(state).items()):
                    rows.append((f"{rule.code}.{name}", deep_size([value], seen, skip)))
            rows.append((rule.code, deep_size([state], seen, skip)))
        return finish(runner)

    running.RuleRunner.finish = measured  # type: ignore[method-assign]
    if args.tracemalloc:
        tracemalloc.start()
    cpu = time.process_time()
    report = validate([args.records], pm)
    cpu = time.process_time() - cpu
    records = report.summary.records
    print(f"{records:,} records, {len(report.findings):,} findings, {cpu:.1f} s CPU")
    total = sum(size for _, size in rows)
    for name, size in sorted(rows, key=lambda row: -row[1]):
        if size:
            print(f"  {name:<22} {size / records:8.1f} bytes a record")
    print(f"  {'all':<22} {total / records:8.1f} bytes a record")
    if held:
        print(f"\nlargest held allocations by line (tracemalloc, before the ends, top {args.top}):")
        for stat in held[0].statistics("lineno")[: args.top]:
            frame = stat.traceback[0]
            where = f"{Path(frame.filename).name}:{frame.lineno}"
            print(f"  {stat.size / records:8.1f} B/record {stat.count:>9,} blocks  {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
