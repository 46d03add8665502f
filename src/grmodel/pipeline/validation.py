"""The validation engine: stream records through the selected rules.

Rules are chosen and indexed by record type once per run; then each record is
loaded, checked by its type's record rules and shown to every set rule, and
dropped. Hook dispatch never happens per record.
"""

from __future__ import annotations

import gc
import os
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from grmodel.converter import FieldPath
from grmodel.model import Record
from grmodel.pipeline import parallel
from grmodel.pipeline.source import ProgressCallback, RecordSource
from grmodel.plugins import GrPluginManager
from grmodel.recordset.loading import (
    RECORD_SUFFIXES,
    LoadedRecord,
    LoadLimits,
    LoadProblem,
)
from grmodel.refdata import ReferenceData
from grmodel.rules.base import Issue, Rule, Severity, option_values
from grmodel.rules.idindex import IdIndex
from grmodel.validation import columnar
from grmodel.validation.config import ValidationConfig
from grmodel.validation.running import RuleRunner, crash_message

__all__ = ["Finding", "Report", "RunContext", "Summary", "format_path", "validate"]


def format_path(path: FieldPath) -> str:
    """``("items", 2, "title")`` → ``"items[2].title"``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@attrs.frozen(kw_only=True)
class Finding:
    """One finding: a rule's verdict about one place in the record set."""

    code: str
    """Rule code."""
    severity: Severity
    """Severity after overrides."""
    message: str
    """What is wrong."""
    file: str | None
    """File (record file or source document)."""
    line: int | None
    """Line in that file."""
    path: str = ""
    """Field path in the record (``items[2].title``)."""
    record: str | None = None
    """Record id."""
    plugin: str = ""
    """Plugin providing the rule."""
    hint: str | None = None
    """How to fix it."""
    rule: str = ""
    """Rule name."""

    def to_json(self) -> dict[str, Any]:
        """The stable JSON form (see the report-format reference)."""
        return {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "path": self.path,
            "record": self.record,
            "rule": self.rule,
            "plugin": self.plugin,
            "hint": self.hint,
        }


@attrs.frozen(kw_only=True)
class Summary:
    """Counts of one run."""

    files: int
    """Files read (record files and documents)."""
    records: int
    """Records loaded."""
    by_severity: dict[str, int]
    """Findings per severity (all of them, also past ``max_findings``)."""
    by_code: dict[str, int]
    """Findings per code."""
    seconds: float
    """Wall time."""
    truncated: bool
    """True when ``max_findings`` cut the list."""
    rules_run: int
    """Number of rules that ran."""

    @property
    def total(self) -> int:
        """Number of findings."""
        return sum(self.by_severity.values())


@attrs.frozen(kw_only=True)
class Report:
    """The result of a validation run."""

    findings: list[Finding]
    """Findings, in the order found (grouped by file by the reporters)."""
    summary: Summary
    """Counts."""
    rules: tuple[Rule, ...]
    """The rules that ran."""
    crashed: tuple[str, ...] = ()
    """Codes of rules that crashed (raised, or yielded what is not an issue): each
    crash is an error finding of the rule, and the run is incomplete."""

    def failed(self, fail_on: Severity) -> bool:
        """True when a finding at or above ``fail_on`` exists."""
        return any(
            count and Severity.parse(sev) >= fail_on
            for sev, count in self.summary.by_severity.items()
        )


@attrs.frozen
class RunContext:
    """The context every check gets (:class:`~grmodel.rules.base.RuleContext`)."""

    refdata: ReferenceData
    """Reference data."""
    ids: IdIndex = attrs.field(factory=IdIndex, eq=False, repr=False)
    """The run's record ids, numbered: the index the set rules share (see
    :mod:`grmodel.rules.idindex`)."""
    options: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict, hash=False)
    """Every rule option's value in the run, by code and name
    (:func:`~grmodel.rules.base.option_values`)."""

    def option(self, code: str, name: str) -> Any:
        """The value of the option ``name`` of rule ``code`` in the run.

        :raises KeyError: for an option no rule of the run declares.
        """
        return self.options[code][name]


def _line(issue: Issue, entry: LoadedRecord, imported: bool) -> tuple[str | None, int | None]:
    if imported:
        source = getattr(issue.node, "source", None)
        if source is not None and getattr(source, "line", None):
            return entry.file, source.line
        return entry.file, entry.line
    return entry.file, entry.line_of(issue.path)


def validate(
    paths: Sequence[str | os.PathLike[str]],
    pm: GrPluginManager,
    config: ValidationConfig | None = None,
    *,
    kind: str | None = None,
    progress: ProgressCallback | None = None,
    limits: LoadLimits | None = None,
    jobs: int = 1,
    engine: parallel.Distributor | None = None,
) -> Report:
    """Validate record files, directories and source documents.

    :param paths: record files, directories of them, or source documents (any
        other suffix: imported on the fly by the importer ``kind`` or the
        detected one).
    :param pm: the plugin manager (rules, converter, importers, reference data).
    :param config: rule selection and severities.
    :param kind: importer to use for source documents.
    :param progress: called as ``progress(done, total, file)`` per file; when it has a
        ``records(count)`` method, that is called every 1,000 records as well.
    :param limits: bounds on file size, nesting and alias expansion.
    :param jobs: processes to run the record rules in (see
        :mod:`grmodel.pipeline.parallel`); the findings are the same for any number.
    :param engine: where the record rules run instead of ``jobs`` local processes (a
        :class:`~grmodel.pipeline.cluster.DaskEngine`); the findings are the same.
    :raises GrmodelError: for a missing path or an unreadable document.
    """
    # A run allocates many short-lived, acyclic objects (records freed by reference
    # counting); the collector's default young-generation threshold (700) makes it scan
    # them thousands of times a second. A higher threshold during the run saves ~7 % of
    # the time and still collects the cycles that failures leave behind.
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], _GC_THRESHOLD), *thresholds[1:])
    try:
        return _validate(
            paths, pm, config, kind=kind, progress=progress, limits=limits, jobs=jobs, engine=engine
        )
    finally:
        gc.set_threshold(*thresholds)


_GC_THRESHOLD = 20_000
"""Young-generation threshold of the garbage collector during a run."""


def _validate(
    paths: Sequence[str | os.PathLike[str]],
    pm: GrPluginManager,
    config: ValidationConfig | None,
    *,
    kind: str | None,
    progress: ProgressCallback | None,
    limits: LoadLimits | None,
    jobs: int,
    engine: parallel.Distributor | None,
) -> Report:
    config = config or ValidationConfig()
    started = time.perf_counter()
    rules = tuple(r for r in pm.rules if config.enabled(r.code))
    enabled = {r.code for r in rules}
    rule_of = {r.code: r for r in pm.rules}
    # A rule runs when its code or a code it reports for (reported_by) is selected.
    wanted = enabled | {r.reported_by for r in rules if r.reported_by}
    running = [r for r in pm.rules if r.code in wanted and r.reported_by is None]
    ctx = RunContext(pm.refdata, options=option_values(pm.rules, config.rule_options))
    files, run = [Path(p) for p in paths], parallel.RunRules(pm, running, ctx, _located, limits)
    if engine is not None:
        workers = engine.record_rules(files, run)
    else:
        workers = parallel.start(files, jobs, run)
    try:
        chosen = _Chosen(rules, running, enabled, rule_of)
        return _run(paths, pm, config, kind, progress, started, chosen, ctx, limits, workers)
    finally:
        if workers is not None:
            workers.close()
        parallel.release()


def _located(issue: Issue, entry: LoadedRecord) -> tuple[str | None, int | None]:
    return _line(issue, entry, False)


@attrs.frozen
class _Chosen:
    """The run's rules: selected, running (variants report through their base rule),
    the enabled codes, and every rule by code."""

    rules: tuple[Rule, ...]
    running: list[Rule]
    enabled: set[str]
    rule_of: dict[str, Rule]


class _Findings:
    """The run's findings as they are filed: ignores, severity overrides, variants
    reporting through their base rule, counts, and the ``max_findings`` cut.

    Each finding is filed with its key in the run's order (``RuleRunner.key``), so the
    column rules' findings, placed at the end, can be merged in where the plain set
    rules would have filed them during the pass."""

    def __init__(self, config: ValidationConfig, chosen: _Chosen):
        self.config = config
        self.chosen = chosen
        self.found: list[Finding] = []
        self.keys: list[tuple[int, int]] = []
        self._sinks = [(self.found, self.keys)]  # the column rules' go to a second one
        self.key: Callable[[Rule], tuple[int, int]] = lambda _rule: (-1, -1)
        """Where a finding a rule files now goes in the run's order (the runner's)."""
        self.by_severity: Counter[str] = Counter({str(s): 0 for s in Severity})
        self.by_code: Counter[str] = Counter()
        self.truncated = False

    def emit(
        self,
        rule: Rule,
        message: str,
        file: str | None,
        line: int | None,
        path: str,
        record: str | None,
        hint: str | None,
        own_severity: Severity | None,
        key: tuple[int, int],
    ) -> None:
        config = self.config
        if config.ignored_in(rule.code, file):
            return
        severity = config.severity_of(rule.code, own_severity or rule.severity)
        self.by_severity[str(severity)] += 1
        self.by_code[rule.code] += 1
        limit = config.max_findings
        out, out_keys = self._sinks[-1]
        if limit is not None and len(out) >= limit:
            self.truncated = True
            return
        out_keys.append(key)
        out.append(
            Finding(
                code=rule.code,
                severity=severity,
                message=message,
                file=file,
                line=line,
                path=path,
                record=record,
                plugin=rule.plugin,
                hint=hint or rule.hint,
                rule=rule.name,
            )
        )

    def emit_at(
        self,
        rule: Rule,
        issue: Issue,
        file: str | None,
        line: int | None,
        record_id: str | None,
        key: tuple[int, int] | None = None,
    ) -> None:
        key = key or self.key(rule)  # the reporter's place, also for a variant's code
        if issue.code is not None:
            variant = self.chosen.rule_of.get(issue.code)
            if variant is not None and variant.reported_by == rule.code:
                rule = variant
        if rule.code not in self.chosen.enabled:
            return
        path = format_path(issue.path)
        self.emit(rule, issue.message, file, line, path, record_id, issue.hint, issue.severity, key)

    def emit_issue(
        self, rule: Rule, issue: Issue, entry: LoadedRecord, imported: bool, record: Record
    ) -> None:
        file, line = _line(issue, entry, imported)
        self.emit_at(rule, issue, file, line, issue.at.id if issue.at is not None else record.id)

    def crash(
        self, rule: Rule, exc: Exception, file: str | None, line: int | None, rid: str | None
    ) -> None:
        hint = "report it to the rule's plugin"
        key = self.key(rule)
        self.emit(rule, crash_message(exc), file, line, "", rid, hint, Severity.ERROR, key)

    def problem(self, entry: LoadProblem, load_rule: Rule | None, seq: int) -> None:
        """A loading problem, filed as its load rule's finding when that is enabled;
        ``seq``: the record before it (the problem goes after that record's findings)."""
        if load_rule is not None and self.config.enabled(entry.code):
            self.emit(
                load_rule,
                entry.message,
                entry.file,
                entry.line,
                format_path(entry.path),
                entry.record,
                entry.hint,
                None,
                (seq, columnar.AFTER),
            )

    def placed(
        self, placed: Sequence[tuple[tuple[int, int], Rule, Issue]], lines: dict[Any, int]
    ) -> None:
        """The column rules' findings about records met in the pass (in key order),
        merged in where the plain set rules would have filed them during it."""
        self._sinks.append(([], []))
        for key, rule, issue in placed:
            self.emit_at(rule, issue, *_late_line(issue, lines), key)
        found, found_keys = self._sinks.pop()
        limit = self.config.max_findings
        self.found[:], cut = columnar.merge(self.found, self.keys, found, found_keys, limit)
        self.truncated = self.truncated or cut


def _run(
    paths: Sequence[str | os.PathLike[str]],
    pm: GrPluginManager,
    config: ValidationConfig,
    kind: str | None,
    progress: ProgressCallback | None,
    started: float,
    chosen: _Chosen,
    ctx: RunContext,
    limits: LoadLimits | None,
    workers: parallel.RecordRules | None,
) -> Report:
    load_rules = {r.code: r for r in pm.rules}
    findings = _Findings(config, chosen)
    runner = RuleRunner(
        chosen.running,
        pm.converter.record_types,
        ctx,
        emit_issue=findings.emit_issue,
        on_crash=findings.crash,
        emit_at=findings.emit_at,
    )
    findings.key = runner.key
    files_seen: set[str] = set()
    records = 0
    counted = getattr(progress, "records", None)
    source = RecordSource(paths, pm, kind=kind, limits=limits)
    read = workers.entries if workers is not None else None  # each file read once
    for entry, imported in source.entries(progress, read):
        files_seen.add(entry.file)
        if isinstance(entry, LoadProblem):
            findings.problem(entry, load_rules.get(entry.code), runner.seq)
            continue
        records += 1
        if counted is not None and records % 1000 == 0:
            counted(records)
        done = workers.take(entry) if workers is not None and not imported else None
        runner.check(entry, imported, done)  # done: the record rules ran in a worker
    _file_late(runner, findings)
    summary = Summary(
        files=len(files_seen),
        records=records,
        by_severity=dict(findings.by_severity),
        by_code=dict(sorted(findings.by_code.items())),
        seconds=time.perf_counter() - started,
        truncated=findings.truncated,
        rules_run=len(chosen.rules),
    )
    crashed = tuple(sorted(runner.crashed))
    return Report(findings=findings.found, summary=summary, rules=chosen.rules, crashed=crashed)


def _file_late(runner: RuleRunner, findings: _Findings) -> None:
    """Issues about records met before: the field lines kept from the first pass."""
    late = runner.finish()
    lines = runner.lines.lines_of(
        (i.at.file, i.at.line, i.path)
        for _r, i in (*late, *((r, i) for _k, r, i in runner.placed))
        if i.at and i.at.file and i.at.line
    )
    findings.placed(runner.placed, lines)
    for rule, issue in late:
        findings.emit_at(rule, issue, *_late_line(issue, lines))


def _late_line(issue: Issue, lines: dict[Any, int]) -> tuple[str | None, int | None, str | None]:
    """File, line and record id of an issue about a record met before (``issue.at``):
    the field's line kept from the pass, or an imported document's own line."""
    at = issue.at
    file, line = (at.file, at.line) if at is not None else (None, None)
    line = lines.get((file, line, issue.path), line)
    source = getattr(issue.node, "source", None)
    if file is not None and Path(file).suffix.lower() not in RECORD_SUFFIXES and source:
        line = getattr(source, "line", None) or line  # an imported document's own line
    return file, line, at.id if at is not None else None
