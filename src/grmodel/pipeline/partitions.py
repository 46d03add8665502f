"""Partitions of a record set, and reading one: what a ``--jobs`` worker (or a Dask
task) does with its share (:mod:`grmodel.pipeline.parallel` runs them).

A partition is a whole record file, or a byte range of a JSON Lines file cut at line
ends, with the global number of its first line. :class:`Reading` reads one as one
job reads it; :func:`work` reads one and runs the record rules on its records, and
returns them all, in order, compactly (:class:`Shipped`).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from grmodel.model import Record
from grmodel.plugins import GrPluginManager
from grmodel.recordset.csvio import CsvDecoder
from grmodel.recordset.fast import FastCodec, fast_codec
from grmodel.recordset.fieldlines import Shapes, portable
from grmodel.recordset.jsonio import NOT_UTF8, iter_jsonl
from grmodel.recordset.loading import (
    RECORD_SUFFIXES,
    LoadedRecord,
    LoadLimits,
    LoadProblem,
    RawRecord,
    iter_raw,
    structure,
)
from grmodel.rules.base import Issue, RecordCheck, Rule, RuleContext
from grmodel.validation.running import Done, crash_message
from grmodel.validation.running import run_checks as run_isolated

__all__ = [
    "DEFAULT_PARTITION_BYTES",
    "Bound",
    "Emitted",
    "Located",
    "Partition",
    "Reading",
    "Sent",
    "Shipped",
    "bind",
    "partitions",
    "run_checks",
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

DEFAULT_PARTITION_BYTES = 2 << 20
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


class Reading:
    """The entries of one partition, as one job reads them (the code a worker and,
    for a partition no worker answered, the main process run).

    :param root: where relative file names are read from (a cluster's worker reads
        the client's files there; the names stay as discovered).
    :param fast: the fast structurer to use (default: the converter's).
    """

    def __init__(
        self,
        partition: Partition,
        pm: GrPluginManager,
        limits: LoadLimits | None = None,
        root: Path | None = None,
        fast: Callable[[str | bytes], Record | None] | None = None,
    ):
        self.partition = partition
        self._pm = pm
        self._limits = limits
        self._root = root
        self._fast = fast
        self.stopped = False
        """True when the file's reading ended in this partition (a JSON Lines line that
        is not UTF-8): the file's later partitions are not read."""

    def __iter__(self) -> Iterator[LoadedRecord | LoadProblem]:
        partition, limits = self.partition, self._limits
        path = (self._root or Path()) / partition.file  # named as discovered
        converter = self._pm.converter
        codec = fast_codec(converter)
        fast = self._fast or (codec.structure if codec is not None else None)
        if partition.end is None:
            decoder = CsvDecoder(converter)
            raws: Iterator[Any] = iter_raw(path, decoder, limits, fast, name=partition.file)
        else:
            with path.open("rb") as handle:
                handle.seek(partition.start)
                data = handle.read(partition.end - partition.start)
            if partition.start == 0:
                data = data.removeprefix(b"\xef\xbb\xbf")
            text = io.StringIO(data.decode("utf-8", "surrogateescape"), newline=None)
            raws = iter_jsonl(text, partition.file, limits, fast, partition.first_line)
        for raw in raws:
            if isinstance(raw, RawRecord):
                result = structure(raw, converter)
                yield from result if isinstance(result, list) else (result,)
                continue
            if isinstance(raw, LoadProblem) and raw.message.startswith(NOT_UTF8):
                self.stopped = partition.end is not None
            yield raw


Sent = LoadProblem | tuple[int, "Record | bytes", Any, list[Emitted]]
"""One entry of a partition as a worker sends it: a loading problem, or a record's
line, the record (or, read on the fast path, its Struct in msgpack:
:class:`~grmodel.recordset.fast.FastCodec`), its portable locator and its record
rules' findings."""


@attrs.frozen
class Shipped:
    """A partition as read by a worker."""

    entries: list[Sent]
    """Problems and records, in the order one job reads them."""
    stopped: bool
    """The file's reading ended in this partition (see :attr:`Reading.stopped`)."""


class _Packing:
    """The fast structurer, keeping the msgpack of the Struct of the last record it
    built (so a worker sends that, not the record)."""

    def __init__(self, codec: FastCodec):
        self._codec = codec
        self.last: tuple[Record | None, bytes] = (None, b"")

    def __call__(self, text: str | bytes) -> Record | None:
        codec = self._codec
        try:
            struct = codec.decode(text)
            record = codec.build(struct)
        except Exception:  # any doubt: the detailed path decides and explains
            return None
        self.last = (record, codec.pack(struct))
        return record


def work(
    partition: Partition,
    pm: GrPluginManager,
    bound: Bound,
    ctx: RuleContext,
    located: Located,
    limits: LoadLimits | None = None,
    root: Path | None = None,
) -> Shipped:
    """Read one partition and run the record rules on its records (a worker's job).

    :param root: where relative file names are read from (a cluster's worker reads
        the client's files there; the names stay as discovered).
    """
    codec = fast_codec(pm.converter)
    packing = _Packing(codec) if codec is not None else None
    reading = Reading(partition, pm, limits, root, packing)
    shapes = Shapes()
    sent: list[Sent] = []
    for entry in reading:
        if isinstance(entry, LoadProblem):
            sent.append(entry)
            continue
        done = run_checks(entry, bound, ctx, located)
        if packing is not None and entry.record is packing.last[0]:
            sent.append((entry.line, packing.last[1], None, done))
        else:
            locate = portable(entry.locate, shapes, entry.line)
            sent.append((entry.line, entry.record, locate, done))
    return Shipped(sent, reading.stopped)


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


def bind(rules: Sequence[Rule], record_types: Sequence[str]) -> Bound:
    """The record rules per record type, each with its index among ``rules``."""
    bound: Bound = {}
    for index, rule in enumerate(rules):
        if rule.check is not None:
            for tag in rule.applies_to or record_types:
                bound.setdefault(tag, []).append((index, rule, rule.check))
    return bound
