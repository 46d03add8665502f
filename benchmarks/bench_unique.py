"""The export's duplicate-id check at scale: bytes held per id and seconds per million.

    python benchmarks/bench_unique.py [--ids 1000000] [--repeat 3]

Streams ``--ids`` person records with ids of 50 characters (every thousandth id
repeated once) through :func:`grmodel.exporting.unique.unique_records`, and beside it
a plain ``set`` of the id strings. Memory is what ``tracemalloc`` sees held when the
last record comes out (the entries themselves are made and dropped one by one, so
what stays is the check's state); time is CPU without ``tracemalloc``, the cost of
making the entries (measured alone) subtracted, least of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable, Iterator

from grmodel.exporting.unique import unique_records
from grmodel.model import Person, Record
from grmodel.recordset.loading import LoadedRecord, LoadProblem

Check = Callable[[Callable[[], Iterator[LoadedRecord | LoadProblem]]], Iterator[Record]]


def entries(count: int) -> Iterator[LoadedRecord | LoadProblem]:
    """``count`` records, ids of 50 characters, every thousandth repeated once."""
    for n in range(count):
        number = n - 1 if n % 1000 == 999 else n
        record_id = f"gr-styrgruppen-social-valfard-2019-11-07-p{number:08d}"
        yield LoadedRecord(Person(id=record_id, name="N"), "set.jsonl", n + 1)


def with_grmodel(source: Callable[[], Iterator[LoadedRecord | LoadProblem]]) -> Iterator[Record]:
    return unique_records(source(), lambda _problem: None)


def with_a_set(source: Callable[[], Iterator[LoadedRecord | LoadProblem]]) -> Iterator[Record]:
    seen: set[str] = set()
    for entry in source():
        if isinstance(entry, LoadedRecord) and entry.record.id not in seen:
            seen.add(entry.record.id)
            yield entry.record


def held_bytes(check: Check, count: int) -> tuple[int, int]:
    """Bytes traced as held when the last record comes out, and records yielded."""
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    held, yielded = 0, 0
    for yielded, _record in enumerate(check(lambda: entries(count)), 1):
        if yielded == count - count // 1000:
            held = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return held, yielded


def seconds(check: Check | None, count: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        if check is None:
            for _entry in entries(count):
                pass
        else:
            for _record in check(lambda: entries(count)):
                pass
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ids", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    making = seconds(None, args.ids, args.repeat)
    print(f"{args.ids:,} ids; making the entries alone: {making:.2f} s CPU")
    for name, check in (("grmodel unique_records", with_grmodel), ("set of the ids", with_a_set)):
        held, yielded = held_bytes(check, args.ids)
        spent = seconds(check, args.ids, args.repeat) - making
        print(
            f"{name:24} {held / args.ids:6.1f} bytes/id held, {spent:6.2f} s CPU "
            f"({spent / args.ids * 1e6:.2f} µs/id), {yielded:,} records yielded"
        )


if __name__ == "__main__":
    main()
