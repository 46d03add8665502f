"""The rule runner keeps field lines only of the records a set rule may report on later."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from grmodel.model import Record
from grmodel.pipeline.validation import RunContext
from grmodel.plugins import get_plugin_manager
from grmodel.recordset.loading import LoadedRecord, load_records
from grmodel.rules.base import Issue, RecordRef, Rule, RuleContext, Severity
from grmodel.validation.running import RuleRunner


class _KeepsSome:
    """Keeps the ref of every record whose id ends in ``-kept``, to report at the end."""

    def __init__(self, _ctx: RuleContext):
        self.kept: list[RecordRef] = []

    def visit(self, record: Record, ref: RecordRef) -> Iterator[Issue]:
        if record.id.endswith("-kept"):
            self.kept.append(ref)
        return iter(())

    def finish(self) -> Iterator[Issue]:
        for ref in self.kept:
            yield Issue(message="late", path=("name",), at=ref)


RULE = Rule(
    code="ZZZ100",
    name="keeps-some",
    severity=Severity.INFO,
    summary="s",
    rationale="r",
    hint="h",
    make_set_rule=_KeepsSome,
)


def test_only_records_a_set_rule_keeps_keep_their_lines(tmp_path: Path) -> None:
    people = "".join(
        f"---\ntype: person\nid: {name}\nname: Anna Ek\n" for name in ("a", "b-kept", "c")
    )
    (tmp_path / "people.yaml").write_text(people, encoding="utf-8")
    pm = get_plugin_manager(load_entrypoints=False)
    converter = pm.converter
    runner = RuleRunner(
        [RULE],
        converter.record_types,
        RunContext(pm.refdata),
        emit_issue=lambda *_: None,
        on_crash=lambda *_: None,
    )
    entries = [e for e in load_records([tmp_path], converter) if isinstance(e, LoadedRecord)]
    for entry in entries:
        runner.check(entry, False)
    [(_, issue)] = runner.finish()
    assert issue.at is not None and issue.at.id == "b-kept" and issue.at.line == 6
    assert runner.lines.line_of(str(tmp_path / "people.yaml"), 6, ("name",)) == 8
    assert len(runner.lines._kept) == 1  # a and c: no set rule kept them
