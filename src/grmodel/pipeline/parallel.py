"""``--jobs N``: the record set read in partitions by worker processes, each file once.

The record set is cut into partitions: whole record files, and byte ranges of large
JSON Lines files cut at line ends, each with the global number of its first line.
Worker processes read their partitions (on the fast path), run the record rules (the
per-record checks) on them, and send back, in order, every record with its record
rules' findings and every loading problem. The main process goes through the record
set as one job does — files in order, the set rules, the order of everything — and
takes each record file's entries from the workers instead of reading it: no record
file is parsed twice. A record on the fast path travels as its msgspec Struct in
msgpack (:class:`~grmodel.recordset.fast.FastCodec`) and is built into its record
again in the main process; any other record is pickled with what its locator kept
(:func:`~grmodel.recordset.fieldlines.portable`), so findings point at the same
field lines. A few partitions are in flight at a time, so the records waiting for the
main process stay few.

The main process stays the authority: where a worker's answer is missing (a worker
failed, a partition could not be read) it reads that partition itself and runs the
checks there, exactly as a worker would. So the findings are those of one job, in
the same order.

Workers are forked, so they share the parent's plugin manager and configuration
(plugins registered in code included); where ``fork`` is not available the run
stays in one process.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import attrs

from grmodel.errors import SourceError
from grmodel.pipeline.partitions import (
    DEFAULT_PARTITION_BYTES,
    Bound,
    Emitted,
    Located,
    Partition,
    Reading,
    Sent,
    Shipped,
    bind,
    partitions,
    work,
)
from grmodel.plugins import GrPluginManager
from grmodel.recordset.fast import FastCodec, fast_codec
from grmodel.recordset.loading import LoadedRecord, LoadLimits, LoadProblem, discover
from grmodel.rules.base import Rule, RuleContext

__all__ = [
    "AHEAD",
    "DEFAULT_PARTITION_BYTES",
    "Answer",
    "Bound",
    "Distributor",
    "Emitted",
    "Located",
    "Partition",
    "Reading",
    "RecordRules",
    "RunRules",
    "Sent",
    "Shipped",
    "bind",
    "partitions",
    "plan_partitions",
    "start",
    "work",
]

# --- workers ---------------------------------------------------------------------

_STATE: dict[str, Any] = {}
"""What a forked worker inherits: the plugin manager, the bound rules, the context."""


def _work(partition: Partition) -> Shipped:
    """A forked worker's job (see :func:`work`), with the state it inherited."""
    state = _STATE
    pm, bound, ctx, located = state["pm"], state["bound"], state["ctx"], state["located"]
    return work(partition, pm, bound, ctx, located, state.get("limits"))


# --- the main process ------------------------------------------------------------


class Answer(Protocol):
    """A partition's answer to come: a ``concurrent.futures.Future`` or a
    ``distributed.Future``."""

    def result(self) -> Shipped: ...

    def cancel(self) -> Any: ...


class RecordRules:
    """The partitions read by workers, taken file by file as the main process meets
    the files, a few partitions in flight at a time.

    :param plan: the partitions, in the order one job reads them.
    :param submit: starts a worker's job on a partition.
    :param stop: stops the workers.
    :param read: reads a partition here (for one no worker answered).
    :param codec: builds the records sent as Structs.
    :param ahead: partitions in flight (submitted, not yet taken).
    """

    def __init__(
        self,
        plan: Sequence[Partition],
        submit: Callable[[Partition], Answer],
        stop: Callable[[], None],
        read: Callable[[Partition], Reading],
        codec: FastCodec | None,
        ahead: int,
    ):
        self._plan = collections.deque(plan)
        self._submit = submit
        self._stop = stop
        self._read = read
        self._codec = codec
        self._ahead = max(1, ahead)
        self._pending: collections.deque[tuple[Partition, Answer]] = collections.deque()
        self._ended: set[str] = set()
        self._current: tuple[LoadedRecord | None, list[Emitted]] = (None, [])
        self.answered = 0
        """Records whose record rules ran in a worker."""
        self.missed = 0
        """Records the main process checked itself (no answer from a worker)."""
        self.failure: str | None = None
        """Why a worker's partition failed (the first such failure), if one did."""
        self._fill()

    def _fill(self) -> None:
        while len(self._pending) < self._ahead and self._plan:
            partition = self._plan.popleft()
            if partition.file not in self._ended:
                self._pending.append((partition, self._submit(partition)))

    def entries(self, file: Path) -> Iterator[LoadedRecord | LoadProblem] | None:
        """The entries of a record file as the workers read it; ``None`` when they did
        not (the main process reads it)."""
        if not self._pending or self._pending[0][0].file != str(file):
            return None
        return self._file(str(file))

    def _file(self, name: str) -> Iterator[LoadedRecord | LoadProblem]:
        while self._pending and self._pending[0][0].file == name:
            partition, answer = self._pending.popleft()
            self._fill()
            try:
                shipped = answer.result()
            except Exception as exc:  # a failed worker: the main process reads it
                self.failure = self.failure or f"{type(exc).__name__}: {exc}"
                reading = self._read(partition)
                yield from reading
                stopped = reading.stopped
            else:
                yield from self._unship(shipped, name)
                stopped = shipped.stopped
            if stopped:  # the file is read no further, as in one job
                self._ended.add(name)
                while self._pending and self._pending[0][0].file == name:
                    self._pending.popleft()[1].cancel()
                self._fill()

    def _unship(self, shipped: Shipped, name: str) -> Iterator[LoadedRecord | LoadProblem]:
        codec = self._codec
        for sent in shipped.entries:
            if isinstance(sent, LoadProblem):
                yield sent
                continue
            line, record, locate, done = sent
            if isinstance(record, bytes):
                assert codec is not None, "a Struct sent without a fast path here"
                record = codec.build(codec.unpack(record))
            entry = LoadedRecord(record, name, line, locate)
            self._current = (entry, done)
            yield entry

    def take(self, entry: LoadedRecord) -> list[Emitted] | None:
        """The record rules' findings on ``entry``, or ``None``: run them here."""
        taken, done = self._current
        if taken is not entry:
            self.missed += 1
            return None
        self.answered += 1
        return done

    def close(self) -> None:
        """Stop the workers (pending partitions are dropped)."""
        for _partition, answer in self._pending:
            answer.cancel()
        self._pending.clear()
        self._plan.clear()
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
    workers = min(jobs, len(plan))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))
    return RecordRules(
        plan,
        lambda partition: pool.submit(_work, partition),
        lambda: pool.shutdown(wait=True, cancel_futures=True),
        lambda partition: Reading(partition, pm, run.limits),
        fast_codec(pm.converter),
        AHEAD * workers,
    )


AHEAD = 2
"""Partitions in flight per worker: one being read, one waiting to be taken."""


def release() -> None:
    """Forget the run's state (the parent's copy)."""
    _STATE.clear()


def available_jobs() -> int:
    """CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
