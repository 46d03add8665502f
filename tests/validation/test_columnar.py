"""Set rules over columns find what their plain forms find, in the same order and lines.

Each set rule with a columnar form (``make_column_rule``) runs that form where
pyarrow is installed; with the columns turned off the plain set rule runs. Both
run here on generated record sets with defects that trip every column rule both
in the pass (a record met before) and at the end (a record met later), as JSON
Lines and as YAML (where a field's line is not the record's).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

pytest.importorskip("pyarrow", reason="the columnar extra is not installed")
from tests.benchmarks.conftest import load_script

from grmodel.pipeline import Report, validate
from grmodel.plugins import GrPluginManager
from grmodel.rules.columns import ENABLE, Columns, RecordTable, available, concat_partitions
from grmodel.validation.config import ValidationConfig

COLUMN_RULES = ("IDN003", "MEM001", "MEM002", "REF001")


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _tamper(records: Path, seed: int) -> None:
    """Plant defects for the column rules: another party at a meeting, an overlapping
    membership of another role or party, a reference to a record of the wrong type
    met before and met later."""
    rng = random.Random(seed)
    files = {path.name.split("-", 1)[1]: path for path in records.glob("*.jsonl")}
    meetings = _read(files["meetings.jsonl"])
    for meeting in rng.sample(meetings, len(meetings) // 20):
        entry = next((a for a in meeting.get("attendance", ()) if a.get("party")), None)
        if entry is not None:
            entry["party"] = "KD" if entry["party"] != "KD" else "S"
    meetings[3].setdefault("attendance", []).append(
        {"person": _read(files["documents.jsonl"])[0]["id"], "status": "present"}
    )
    memberships = _read(files["memberships.jsonl"])
    for membership in rng.sample(memberships, len(memberships) // 20):
        twin = dict(membership, id=membership["id"] + "-twin")
        if rng.random() < 0.5:
            twin["role"] = "ersättare" if membership["role"] != "ersättare" else "ledamot"
        else:
            twin["party"] = "KD" if membership.get("party") != "KD" else "S"
        memberships.append(twin)
    memberships[0]["person"] = memberships[0]["body"]  # a body, met before
    for name, rows in (("meetings.jsonl", meetings), ("memberships.jsonl", memberships)):
        text = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        files[name].write_text(text, encoding="utf-8")


class _Quoted(yaml.SafeDumper):
    """Writes every string quoted (``"0128"`` stays a string under YAML 1.2)."""


_Quoted.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"')
)


def _as_yaml(records: Path, into: Path, *, memberships_last: bool) -> Path:
    """The set with memberships, meetings and persons as YAML; with ``memberships_last``
    the memberships come after the meetings (found at the end, not in the pass)."""
    into.mkdir()
    for path in sorted(records.glob("*.jsonl")):
        name = path.name
        if memberships_last and name.endswith("-memberships.jsonl"):
            name = "99-memberships.jsonl"
        if any(kind in name for kind in ("memberships", "meetings", "persons")):
            rows = _read(path)
            text = yaml.dump_all(rows, Dumper=_Quoted, allow_unicode=True, sort_keys=False)
            (into / name).with_suffix(".yaml").write_text(text, encoding="utf-8")
        else:
            (into / name).write_bytes(path.read_bytes())
    return into


def _both(
    paths: list[Path], pm: GrPluginManager, monkeypatch: pytest.MonkeyPatch, **options: Any
) -> tuple[Report, Report]:
    with monkeypatch.context() as patched:
        patched.setenv(ENABLE, "1")
        assert available()
        with_columns = validate(paths, pm, **options)
    plain = validate(paths, pm, **options)
    return with_columns, plain


@pytest.fixture(scope="module")
def tampered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    generator: ModuleType = load_script("generate")
    root = tmp_path_factory.mktemp("columnar")
    generator.generate(root, 700, defects=0.05, seed=11)
    _tamper(root / generator.RECORDS, seed=5)
    return root / generator.RECORDS


def _codes(report: Report) -> Counter[str]:
    return Counter(f.code for f in report.findings if f.code in COLUMN_RULES)


@pytest.mark.parametrize("layout", ["jsonl", "yaml", "yaml, memberships last"])
def test_column_rules_find_what_the_plain_rules_find(
    layout: str,
    tampered: Path,
    pm: GrPluginManager,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    path = tampered
    if layout != "jsonl":
        path = _as_yaml(tampered, tmp_path / "set", memberships_last="last" in layout)
    with_columns, plain = _both([path], pm, monkeypatch)
    assert with_columns.findings == plain.findings
    assert with_columns.summary.by_code == plain.summary.by_code
    found = _codes(with_columns)
    assert all(found[code] for code in COLUMN_RULES), found
    if layout != "jsonl":  # findings on fields of multi-line records point at the field
        lines = {(f.file, f.line) for f in with_columns.findings if f.code == "MEM002"}
        assert len(lines) == found["MEM002"]


def test_column_rules_keep_their_place_under_a_findings_limit(
    tampered: Path, pm: GrPluginManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = ValidationConfig(max_findings=20)
    with_columns, plain = _both([tampered], pm, monkeypatch, config=config)
    assert with_columns.findings == plain.findings
    assert len(with_columns.findings) == 20
    assert with_columns.summary.truncated and plain.summary.truncated


def test_the_column_rules_run_where_turned_on(
    pm: GrPluginManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    from grmodel.validation.running import RuleRunner

    def runner() -> RuleRunner:
        ctx = _Ctx(pm)
        return RuleRunner(pm.rules, pm.converter.record_types, ctx, emit_issue=_no, on_crash=_no)

    assert runner().columns is None  # opt-in: off by default
    monkeypatch.setenv(ENABLE, "1")
    columns = runner().columns
    assert columns is not None
    assert columns.codes == set(COLUMN_RULES)


class _Ctx:
    def __init__(self, pm: GrPluginManager):
        self.refdata = pm.refdata


def _no(*_args: object) -> None:
    raise AssertionError("nothing is checked here")


def test_partitions_concatenate_with_their_seqs_shifted() -> None:
    parts = []
    for first, rows in ((0, [(0, "a"), (2, "b")]), (3, [(0, "c"), (1, "a")])):
        columns = Columns(seq="int32", target="text")
        for seq, target in rows:
            columns.lists[0].append(seq)
            columns.lists[1].append(target)
            columns.added()
        parts.append((first, columns.table()))
    whole = concat_partitions(parts)
    assert whole["seq"].to_pylist() == [0, 2, 3, 4]
    assert whole["target"].to_pylist() == ["a", "b", "c", "a"]


def test_the_record_table_finds_first_occurrences() -> None:
    table = RecordTable()
    for index, record_id in enumerate(["p1", "p2", "p1", "p3"]):
        assert table.add(record_id, "person", "f.jsonl", index + 1) == index
    assert table.first_seq(table.ids).to_pylist() == [0, 1, 0, 3]
    ref = table.ref(2)
    assert (ref.id, ref.type, ref.file, ref.line) == ("p1", "person", "f.jsonl", 3)
