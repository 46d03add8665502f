"""``--jobs N``: record rules over partitions of a record set, in worker processes.

The record set is cut into partitions: whole record files, and byte ranges of large
JSON Lines files cut at line ends, each with the global number of its first line.
Worker processes load their partitions (on the fast path) and run the record rules
(the per-record checks) on them; they send back only what those checks found,
keyed by each record's file and line. The main process streams the whole set as
one job does — loading problems, set rules, the order of everything — and, at
each record, takes the record rules' findings from the workers instead of running
them itself. Shipping findings, not records, keeps the traffic small; the main
process's own pass over the records (the set rules need every one) is the price.

The main process stays the authority: where a worker's answer is missing (a
worker failed, a partition could not be read, a record does not line up) it runs
the checks itself. So the findings are those of one job, in the same order.

Workers are forked, so they share the parent's plugin manager and configuration
(plugins registered in code included); where ``fork`` is not available the run
stays in one process.
"""

from __future__ import annotations

import io
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import attrs

from grmodel.errors import SourceError
from grmodel.model import Record
from grmodel.plugins import GrPluginManager
from grmodel.recordset.csvio import CsvDecoder
from grmodel.recordset.fast import fast_structurer
from grmodel.recordset.jsonio import iter_jsonl
from grmodel.recordset.loading import (
    RECORD_SUFFIXES,
    LoadedRecord,
    LoadLimits,
    LoadProblem,
    RawRecord,
    discover,
    iter_raw,
    structure,
)
from grmodel.rules.base import Issue, RecordCheck, Rule, RuleContext
from grmodel.validation.running import Done, crash_message
from grmodel.validation.running import run_checks as run_isolated

__all__ = [
    "Answer",
    "Answers",
    "Distributor",
    "Emitted",
    "Partition",
    "RecordRules",
    "RunRules",
    "bind",
    "partitions",
    "plan_partitions",
    "start",
    "work",
]

Emitted = tuple[int, Issue | str, str | None, int | None, str | None]
"""One issue of a record rule as a worker sends it: (index of the rule among the run's
running rules, the issue without its node or the message of the rule's crash, file,
line, record id); see :data:`grmodel.validation.running.Done`."""

Bound = dict[str, list[tuple[int, Rule, RecordCheck]]]
"""The run's record rules per record type, with each rule's index in the run."""

Located = Callable[[Issue, LoadedRecord], tuple[str | None, int | None]]
"""Where a record rule's issue points (the engine's own line logic)."""

DEFAULT_PARTITION_BYTES = 8 << 20
"""A JSON Lines file is cut into ranges of about this size (and at least one per job)."""


@attrs.frozen
class Partition:
    """A whole record file, or a byte range of a JSON Lines file cut at line ends."""

    file: str
    """The file, as discovered."""
    start: int = 0
    """First byte."""
    end: int | None = None
    """Byte after the last (``None``: the whole file)."""
    first_line: int = 1
    """Global number of the range's first line."""


def partitions(
    files: Sequence[Path], jobs: int, size: int = DEFAULT_PARTITION_BYTES
) -> list[Partition]:
    """Cut record files into partitions, in the order one job reads them."""
    out: list[Partition] = []
    for path in files:
        if RECORD_SUFFIXES.get(path.suffix.lower()) != "jsonl":
            if path.suffix.lower() in RECORD_SUFFIXES:
                out.append(Partition(str(path)))
            continue
        out.extend(_ranges(path, jobs, size))
    return out


def _ranges(path: Path, jobs: int, size: int) -> Iterator[Partition]:
    try:
        total = path.stat().st_size
    except OSError:  # the main process reports it
        return
    step = max(1, min(size, total // max(1, jobs)))
    start, line = 0, 1
    with path.open("rb") as handle:
        while start < total:
            handle.seek(min(total, start + step))
            handle.readline()  # on to the end of the line the cut falls in
            end = min(total, handle.tell())
            handle.seek(start)
            chunk = handle.read(end - start)
            yield Partition(str(path), start, end, line)
            line += _line_breaks(chunk)
            start = end


def _line_breaks(chunk: bytes) -> int:
    """Line ends as text mode counts them (``\\n``, ``\\r\\n`` and a lone ``\\r``)."""
    return chunk.count(b"\n") + chunk.count(b"\r") - chunk.count(b"\r\n")


# --- workers ---------------------------------------------------------------------

_STATE: dict[str, Any] = {}
"""What a forked worker inherits: the plugin manager, the bound rules, the context."""


def _entries(
    partition: Partition,
    pm: GrPluginManager,
    limits: LoadLimits | None = None,
    root: Path | None = None,
) -> Iterator[LoadedRecord | LoadProblem]:
    path = (root or Path()) / partition.file  # named as discovered, read under ``root``
    converter = pm.converter
    fast = fast_structurer(converter)
    if partition.end is None:
        decoder = CsvDecoder(converter)
        raws: Iterator[Any] = iter_raw(path, decoder, limits, fast, name=partition.file)
    else:
        with path.open("rb") as handle:
            handle.seek(partition.start)
            data = handle.read(partition.end - partition.start)
        if partition.start == 0:
            data = data.removeprefix(b"\xef\xbb\xbf")
        text = io.StringIO(data.decode("utf-8"), newline=None)
        raws = iter_jsonl(text, partition.file, limits, fast, partition.first_line)
    for raw in raws:
        if isinstance(raw, RawRecord):
            result = structure(raw, converter)
            yield from result if isinstance(result, list) else (result,)
        else:
            yield raw


Answers = dict[tuple[str, int], tuple[str, list[Emitted]]]
"""A partition's answers: per record (file, line), its id and its record rules' findings."""


def _work(partition: Partition) -> Answers:
    """A forked worker's job (see :func:`work`), with the state it inherited."""
    state = _STATE
    pm, bound, ctx, located = state["pm"], state["bound"], state["ctx"], state["located"]
    return work(partition, pm, bound, ctx, located, state.get("limits"))


def work(
    partition: Partition,
    pm: GrPluginManager,
    bound: Bound,
    ctx: RuleContext,
    located: Located,
    limits: LoadLimits | None = None,
    root: Path | None = None,
) -> Answers:
    """The record rules' findings per record of one partition (a worker's job).

    :param root: where relative file names are read from (a cluster's worker reads
        the client's files there; the names stay as discovered).
    """
    found: Answers = {}
    for entry in _entries(partition, pm, limits, root):
        if isinstance(entry, LoadedRecord):
            found[entry.file, entry.line] = (
                entry.record.id,
                run_checks(entry, bound, ctx, located),
            )
    return found


def run_checks(
    entry: LoadedRecord, bound: Bound, ctx: RuleContext, located: Located
) -> list[Emitted]:
    """The record rules' findings on one record, in the run's rule order, each rule
    isolated as in one job (a crash is its message, filed as the same finding)."""
    record: Record = entry.record
    out: Done = []
    checks = bound.get(record.TYPE, ())
    index_of = {id(rule): index for index, rule, _check in checks}

    def emit(rule: Rule, issue: Issue) -> None:
        file, line = located(issue, entry)
        record_id = issue.at.id if issue.at is not None else record.id
        # The node (a value inside the record) only locates imported documents' issues.
        out.append((index_of[id(rule)], attrs.evolve(issue, node=None), file, line, record_id))

    def crash(rule: Rule, exc: Exception) -> None:
        out.append((index_of[id(rule)], crash_message(exc), entry.file, entry.line, record.id))

    run_isolated([(rule, check) for _, rule, check in checks], record, ctx, emit, crash)
    return out


# --- the main process ------------------------------------------------------------


class Answer(Protocol):
    """A partition's answers to come: a ``concurrent.futures.Future`` or a
    ``distributed.Future``."""

    def result(self) -> Answers: ...

    def cancel(self) -> Any: ...


class RecordRules:
    """The workers' answers, taken in the order the main process meets the records.

    :param pending: one answer per partition, in the order one job reads them.
    :param stop: stops the workers.
    """

    def __init__(self, pending: Sequence[Answer], stop: Callable[[], None]):
        self._pending = list(reversed(pending))
        self._stop = stop
        self._ready: Answers = {}
        self.answered = 0
        """Records whose record rules ran in a worker."""
        self.missed = 0
        """Records the main process checked itself (no answer from a worker)."""
        self.failure: str | None = None
        """Why a worker's partition failed (the first such failure), if one did."""

    def take(self, entry: LoadedRecord) -> list[Emitted] | None:
        """The record rules' findings on ``entry``, or ``None``: run them here."""
        key = (entry.file, entry.line)
        while key not in self._ready and self._pending:
            try:
                self._ready = self._pending.pop().result()
            except Exception as exc:  # a failed worker: the main process checks those records
                self.failure = self.failure or f"{type(exc).__name__}: {exc}"
                self._ready = {}
        answer = self._ready.pop(key, None)
        if answer is None or answer[0] != entry.record.id:
            self.missed += 1
            return None
        self.answered += 1
        return answer[1]

    def close(self) -> None:
        """Stop the workers (pending partitions are dropped)."""
        for future in self._pending:
            future.cancel()
        self._stop()


class Distributor(Protocol):
    """Runs the record rules somewhere else than this machine's forked processes
    (``--engine dask``: :class:`grmodel.pipeline.cluster.DaskEngine`)."""

    def record_rules(self, paths: Sequence[Path], run: RunRules) -> RecordRules | None:
        """As ``start`` (``--jobs``): the answers to come, or ``None`` to run in one
        process."""
        ...


@attrs.frozen
class RunRules:
    """What the record rules of a run need, wherever they run."""

    pm: GrPluginManager
    """The plugin manager (converter, record types)."""
    rules: Sequence[Rule]
    """The rules that run, in the run's order."""
    ctx: RuleContext
    """The context every check gets."""
    located: Located
    """Where an issue points (the engine's line logic)."""
    limits: LoadLimits | None = None
    """Bounds on file size, nesting and alias expansion."""


def bind(rules: Sequence[Rule], record_types: Sequence[str]) -> Bound:
    """The record rules per record type, each with its index among ``rules``."""
    bound: Bound = {}
    for index, rule in enumerate(rules):
        if rule.check is not None:
            for tag in rule.applies_to or record_types:
                bound.setdefault(tag, []).append((index, rule, rule.check))
    return bound


def plan_partitions(paths: Sequence[Path], jobs: int) -> list[Partition]:
    """The partitions of the record files under ``paths`` for ``jobs`` workers; paths
    that cannot be used are left out (the main process reports them, as one job does)."""
    try:
        files = discover(paths, [])
    except SourceError:
        return []
    return partitions(files, jobs, DEFAULT_PARTITION_BYTES)


def start(paths: Sequence[Path], jobs: int, run: RunRules) -> RecordRules | None:
    """Start ``jobs`` workers on the record files under ``paths``; ``None`` when the
    run should stay in one process (one job, no record rules, no ``fork``).

    Paths that cannot be used are left out here; the main process reports them.
    """
    pm = run.pm
    bound = bind(run.rules, tuple(pm.converter.record_types))
    if jobs < 2 or not bound or "fork" not in multiprocessing.get_all_start_methods():
        return None
    plan = plan_partitions(paths, jobs)
    if not plan:
        return None
    _STATE.update(pm=pm, bound=bound, ctx=run.ctx, located=run.located, limits=run.limits)
    # Forked now, the workers see the state just set; the parent's copy is cleared
    # when the run ends.
    pool = ProcessPoolExecutor(
        max_workers=min(jobs, len(plan)), mp_context=multiprocessing.get_context("fork")
    )
    pending = [pool.submit(_work, partition) for partition in plan]
    return RecordRules(pending, lambda: pool.shutdown(wait=True, cancel_futures=True))


def release() -> None:
    """Forget the run's state (the parent's copy)."""
    _STATE.clear()


def available_jobs() -> int:
    """CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
