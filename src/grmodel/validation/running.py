"""Running the rules on each record, every rule isolated from the others.

Rules are indexed by record type once per run. A rule whose check raises, or
yields something that is not an :class:`~grmodel.rules.base.Issue`, is reported
through ``on_crash`` (the engine makes it a "rule crashed" finding) and the other
rules run on; a set rule that crashed is shown no more records, since its state
is unknown.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Sequence

from grmodel.model import Record
from grmodel.recordset.fieldlines import FieldLocator, RecordLines
from grmodel.recordset.loading import LoadedRecord
from grmodel.rules.base import Issue, RecordCheck, RecordRef, Rule, RuleContext, SetRule
from grmodel.validation.columnar import ColumnPass

__all__ = ["Done", "RuleRunner", "crash_message", "run_checks"]

EmitIssue = Callable[[Rule, Issue, LoadedRecord, bool, Record], None]
"""Files an issue of a rule about a record (entry, imported?, record)."""
OnCrash = Callable[[Rule, Exception, "str | None", "int | None", "str | None"], None]
"""Told of a rule that crashed: the rule, the error, file, line and record id."""
EmitAt = Callable[[Rule, Issue, "str | None", "int | None", "str | None"], None]
"""Files an issue of a rule at a file, line and record id already told."""
Done = list[tuple[int, "Issue | str", "str | None", "int | None", "str | None"]]
"""A record's checks as run elsewhere (a worker): per issue the index of the rule
among the run's rules, the issue (or the crash message of a rule that crashed),
file, line and record id."""


class RuleCrash(Exception):
    """A rule's crash told by a worker, as its message (:func:`crash_message`)."""


def crash_message(exc: Exception) -> str:
    """The one-line message of a rule that crashed."""
    if isinstance(exc, RuleCrash):
        return str(exc.args[0])
    text = str(exc).strip().splitlines()
    return f"rule crashed: {type(exc).__name__}: {text[0] if text else ''}".rstrip(": ")


def run_checks(
    checks: Iterable[tuple[Rule, RecordCheck]],
    record: Record,
    ctx: RuleContext,
    emit: Callable[[Rule, Issue], None],
    crash: Callable[[Rule, Exception], None],
) -> None:
    """Run a record's checks, each isolated: one that raises, or yields what is not an
    issue, is told to ``crash`` and the others run on."""
    for rule, check in checks:
        try:
            for issue in check(record, ctx):
                emit(rule, _issue(issue))
        except Exception as exc:  # a broken rule is a finding; the others run on
            crash(rule, exc)


def _issue(produced: object) -> Issue:
    """A rule's issue, or a ``TypeError`` saying what the rule produced instead."""
    if not isinstance(produced, Issue):
        raise TypeError(f"yielded {type(produced).__name__} {produced!r:.60}, not an Issue")
    return produced


class RuleRunner:
    """The rules of one run, indexed by record type."""

    def __init__(
        self,
        rules: Iterable[Rule],
        record_types: Iterable[str],
        ctx: RuleContext,
        *,
        emit_issue: EmitIssue,
        on_crash: OnCrash,
        emit_at: EmitAt | None = None,
    ):
        rules = tuple(rules)
        self.rules = rules
        """The run's rules, in the order :data:`Done` indexes them."""
        self._emit_at = emit_at
        tags = tuple(record_types)
        self._emit = emit_issue
        self._on_crash = on_crash
        self._ctx = ctx
        self.crashed: set[str] = set()
        """Codes of the rules that crashed."""
        self.late: list[tuple[Rule, Issue]] = []
        """Issues about other records than the one shown, located at the end."""
        self.lines = RecordLines()
        """The field lines of the records a set rule kept a ref of, for the late issues
        (a rule that reports on a record later keeps the ref it was shown)."""
        self._by_type: dict[str, list[tuple[Rule, RecordCheck]]] = {}
        for rule in rules:
            if rule.check is not None:
                for tag in rule.applies_to or tags:
                    self._by_type.setdefault(tag, []).append((rule, rule.check))
        set_rules = [rule for rule in rules if rule.make_set_rule is not None]
        self._slots = {rule.code: slot for slot, rule in enumerate(set_rules)}
        self.seq = -1
        """The seq of the record being checked (see :meth:`key`)."""
        self.columns = ColumnPass.start(set_rules, tags, ctx, self.lines, self._crash)
        """The set rules that run over columns (``None``: none do)."""
        self.placed: list[tuple[tuple[int, int], Rule, Issue]] = []
        """The column rules' issues about records met in the pass, by :meth:`key` order."""
        self._finishing = set_rules
        columns = self.columns
        columnar = columns.codes | columns.failed if columns is not None else set()
        self._set_rules: list[tuple[Rule, SetRule]] = []
        for rule in set_rules:
            if rule.code not in columnar:
                try:
                    self._set_rules.append((rule, rule.make_set_rule(ctx)))  # type: ignore[misc]
                except Exception as exc:  # a broken rule is a finding; the others run on
                    self._crash(rule, exc, None, None, None)
        # Set rules see only the record types they declare (all types when they declare
        # none), so a record is shown to a handful of rules, not to every one.
        self._set_by_type: dict[str, list[tuple[Rule, SetRule]]] = {
            tag: [(r, s) for r, s in self._set_rules if not r.applies_to or tag in r.applies_to]
            for tag in tags
        }

    def _crash(
        self, rule: Rule, exc: Exception, file: str | None, line: int | None, rid: str | None
    ) -> None:
        self.crashed.add(rule.code)
        self._on_crash(rule, exc, file, line, rid)

    def key(self, rule: Rule) -> tuple[int, int]:
        """Where an issue ``rule`` files now goes in the run's order: the record's seq,
        then -1 for record rules, else the set rule's place among the set rules."""
        return self.seq, self._slots.get(rule.code, -1)

    def checks(self, tag: str) -> Sequence[tuple[Rule, RecordCheck]]:
        """The record checks of a record type, in the run's order."""
        return self._by_type.get(tag, ())

    def check(self, entry: LoadedRecord, imported: bool, done: Done | None = None) -> None:
        """Run a record's rules (or file ``done``, their findings from a worker) and
        show it to the set rules."""
        record = entry.record
        tag = record.TYPE
        self.seq += 1
        if self.columns is not None:
            self.columns.add(entry, self._crash)
        if done is not None:
            self._file_done(done)
        else:
            run_checks(
                self._by_type.get(tag, ()),
                record,
                self._ctx,
                lambda rule, issue: self._emit(rule, issue, entry, imported, record),
                lambda rule, exc: self._crash(rule, exc, entry.file, entry.line, record.id),
            )
        visitors = self._set_by_type.get(tag)
        if not visitors:
            return
        ref = RecordRef(record.id, tag, entry.file, entry.line)
        self._visit(visitors, entry, imported, ref)
        if isinstance(entry.locate, FieldLocator):
            # A set rule that may report on the record later keeps its ref; only then
            # are the record's field lines kept (its text and parse tree go now).
            kept = weakref.ref(ref)
            del ref
            if kept() is not None:
                self.lines.keep(entry.file, entry.line, entry.locate)

    def _visit(
        self,
        visitors: list[tuple[Rule, SetRule]],
        entry: LoadedRecord,
        imported: bool,
        ref: RecordRef,
    ) -> None:
        record = entry.record
        dead: list[SetRule] = []
        for rule, state in visitors:
            try:
                for issue in state.visit(record, ref):
                    if _issue(issue).at is not None and issue.at != ref:
                        self.late.append((rule, issue))
                    else:
                        self._emit(rule, issue, entry, imported, record)
            except Exception as exc:
                self._crash(rule, exc, entry.file, entry.line, record.id)
                dead.append(state)
        if dead:
            self._drop(dead)

    def _file_done(self, done: Done) -> None:
        assert self._emit_at is not None, "a runner given findings needs emit_at"
        for index, issue, file, line, record_id in done:
            rule = self.rules[index]
            if isinstance(issue, Issue):
                self._emit_at(rule, issue, file, line, record_id)
            else:
                self._crash(rule, RuleCrash(issue), file, line, record_id)

    def _drop(self, dead: list[SetRule]) -> None:
        self._set_rules[:] = [(r, s) for r, s in self._set_rules if s not in dead]
        for visitors in self._set_by_type.values():
            visitors[:] = [(r, s) for r, s in visitors if s not in dead]

    def finish(self) -> list[tuple[Rule, Issue]]:
        """The set rules' closing issues, after the late ones of the run; the column
        rules' issues about records met in the pass go to :attr:`placed`."""
        plain = {rule.code: state for rule, state in self._set_rules}
        columns = self.columns
        for slot, rule in enumerate(self._finishing):
            try:
                state = plain.get(rule.code)
                if state is not None:
                    self.late.extend((rule, _issue(issue)) for issue in state.finish())
                elif columns is not None and columns.runs(rule.code):
                    for seq, issue in columns.finish(rule.code):
                        if seq is None:
                            self.late.append((rule, _issue(issue)))
                        else:
                            self.placed.append(((seq, slot), rule, _issue(issue)))
            except Exception as exc:
                self._crash(rule, exc, None, None, None)
        self.placed.sort(key=lambda placed: placed[0])  # stable: each rule's own order kept
        return self.late
