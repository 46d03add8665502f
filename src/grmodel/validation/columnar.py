"""The column rules of a run: the record table, collection in the pass, checks at the end.

:class:`ColumnPass` is what a run's ``RuleRunner`` (``grmodel.validation.running``)
holds of the set rules that have a columnar form
(:attr:`~grmodel.rules.base.Rule.make_column_rule`, see :mod:`grmodel.rules.columns`):
every record becomes a row of the run's :class:`~grmodel.rules.columns.RecordTable`
and is shown to the column rules of its type, which copy a few values into Arrow
columns; at the end each rule checks its columns as a whole and yields its issues
placed at the records they are about.

The interface for engines that collect in partitions (worker processes, Dask
tasks): a partition runs a :class:`ColumnPass` of its own over its records and hands
back :meth:`ColumnPass.tables`; the whole set's tables are the concatenation
(:func:`~grmodel.rules.columns.concat_partitions`, seqs shifted by the records
before each partition), checked once by each rule's ``finish``.
"""

from __future__ import annotations

import heapq
import itertools
import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

from grmodel.recordset.fieldlines import FieldLocator, RecordLines
from grmodel.recordset.loading import LoadedRecord
from grmodel.rules.base import Rule, RuleContext
from grmodel.rules.columns import ColumnRule, Placed, RecordTable, available

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["AFTER", "ColumnPass", "CrashAt", "merge"]

CrashAt = Callable[[Rule, Exception, "str | None", "int | None", "str | None"], None]
"""Told of a column rule that crashed: the rule, the error, file, line and record id."""


def _system_pool() -> None:
    """Arrow's buffers from the C library's allocator, unless ``ARROW_DEFAULT_MEMORY_POOL``
    chooses: measured on 100k records, its peak RSS is 10-30 MB below mimalloc's (which
    keeps freed pages per thread) for the same work and time."""
    import pyarrow as pa

    if "ARROW_DEFAULT_MEMORY_POOL" not in os.environ:
        pa.set_memory_pool(pa.system_memory_pool())


class ColumnPass:
    """The run's column rules and the record table they share."""

    def __init__(
        self,
        rules: Sequence[Rule],
        record_types: Iterable[str],
        ctx: RuleContext,
        lines: RecordLines,
        crash: CrashAt | None = None,
    ):
        self.records = RecordTable()
        """Every record of the pass."""
        self._lines = lines
        self._states: dict[str, tuple[Rule, ColumnRule]] = {}
        self.failed: set[str] = set()
        """Codes of the rules whose column rule could not be made (told to ``crash``;
        their plain form does not run either)."""
        for rule in rules:
            assert rule.make_column_rule is not None
            try:
                self._states[rule.code] = (rule, rule.make_column_rule(ctx))
            except Exception as exc:  # a broken rule is a finding; the others run on
                if crash is None:
                    raise
                crash(rule, exc, None, None, None)
                self.failed.add(rule.code)
        self._by_type: dict[str, list[tuple[Rule, ColumnRule]]] = {
            tag: [
                (r, s) for r, s in self._states.values() if not r.applies_to or tag in r.applies_to
            ]
            for tag in record_types
        }

    @classmethod
    def start(
        cls,
        rules: Sequence[Rule],
        record_types: Iterable[str],
        ctx: RuleContext,
        lines: RecordLines,
        crash: CrashAt | None = None,
    ) -> ColumnPass | None:
        """The pass of the rules among ``rules`` that have a columnar form; ``None``
        when none has or pyarrow is missing (their plain forms run). A rule whose
        column rule cannot be made is told to ``crash`` (without it, raises)."""
        columnar = [rule for rule in rules if rule.make_column_rule is not None]
        if not columnar or not available():
            return None
        _system_pool()
        return cls(columnar, record_types, ctx, lines, crash)

    @property
    def codes(self) -> set[str]:
        """Codes of the rules that run as column rules."""
        return set(self._states)

    def add(self, entry: LoadedRecord, crash: CrashAt) -> int:
        """Add a record to the table and show it to its type's column rules; its seq."""
        record = entry.record
        tag = record.TYPE
        seq = self.records.add(record.id, tag, entry.file, entry.line)
        collectors = self._by_type.get(tag)
        if collectors:
            for rule, state in collectors:
                try:
                    state.collect(record, seq)
                except Exception as exc:  # a broken rule is a finding; the others run on
                    crash(rule, exc, entry.file, entry.line, record.id)
                    self.drop(rule.code)
        if isinstance(entry.locate, FieldLocator):
            # A column rule reports on the record at the end: its field lines are kept
            # (records on one line keep nothing).
            self._lines.keep(entry.file, entry.line, entry.locate)
        return seq

    def drop(self, code: str) -> None:
        """Show a rule that crashed no more records, and check nothing of it."""
        self._states.pop(code, None)
        for collectors in self._by_type.values():
            collectors[:] = [(r, s) for r, s in collectors if r.code != code]

    def runs(self, code: str) -> bool:
        """True while the rule of ``code`` runs (it has not crashed)."""
        return code in self._states

    def tables(self) -> dict[str, dict[str, pa.Table]]:
        """What each rule collected, by code (for engines that collect in partitions)."""
        return {code: state.tables() for code, (_rule, state) in self._states.items()}

    def finish(self, code: str) -> list[Placed]:
        """The issues of the rule of ``code``, checked over everything collected."""
        import pyarrow as pa

        _rule, state = self._states[code]
        try:
            return list(state.finish(self.records, state.tables()))
        finally:  # the check's working arrays go back to the system before the next
            pa.default_memory_pool().release_unused()


AFTER = 1 << 30
"""The place, after a record's own findings, of a problem met reading the records
that follow it (see ``RuleRunner.key``)."""

F = TypeVar("F")


def merge(
    found: list[F],
    keys: list[tuple[int, int]],
    placed: list[F],
    placed_keys: list[tuple[int, int]],
    limit: int | None,
) -> tuple[list[F], bool]:
    """The findings of the pass and the column rules' placed findings in one order
    (each list is in key order already), cut at ``limit``; and whether it cut."""
    if not placed:
        return found, False
    merged = [
        item
        for _key, _side, item in heapq.merge(
            zip(keys, itertools.repeat(0), found),
            zip(placed_keys, itertools.repeat(1), placed),
            key=lambda keyed: (keyed[0], keyed[1]),
        )
    ]
    if limit is not None and len(merged) > limit:
        return merged[:limit], True
    return merged, False
