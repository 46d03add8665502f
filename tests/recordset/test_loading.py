"""Loading record sets reports every structural problem with file, line and path."""

from __future__ import annotations

from pathlib import Path

import pytest

from grmodel.plugins import GrPluginManager
from grmodel.recordset.loading import LoadedRecord, LoadProblem, load_records


def load(pm: GrPluginManager, path: Path) -> tuple[list[LoadedRecord], list[LoadProblem]]:
    ok, bad = [], []
    for entry in load_records([path], pm.converter):
        (ok if isinstance(entry, LoadedRecord) else bad).append(entry)
    return ok, bad


def test_yaml_planted_errors_reported_in_one_run(tmp_path: Path, core_pm: GrPluginManager) -> None:
    (tmp_path / "set.yaml").write_text(
        "type: person\nid: p1\nname: Kent Lagrell\n"
        "---\ntype: person\nid: p2\nname: 3\nnmae: x\n"
        "---\n- type: membership\n  id: m1\n  person: p1\n  body: sg\n  role: ordförande\n"
        '  period:\n    start: "2019-13"\n'
        '- type: meeting\n  id: mt\n  body: sg\n  date: "2019-11-07"\n  attendance:\n'
        "    - person: p1\n      status: present\n    - person: p2\n      status: presnt\n",
        encoding="utf-8",
    )
    ok, bad = load(core_pm, tmp_path)
    assert [r.record.id for r in ok] == ["p1"]
    found = {(p.line, p.path, p.record, p.kind) for p in bad}
    assert found == {
        (7, ("name",), "p2", "type"),
        (8, ("nmae",), "p2", "unknown"),
        (16, ("period", "start"), "m1", "value"),
        (25, ("attendance", 1, "status"), "mt", "value"),
    }


def test_yaml_dates_and_times_stay_strings(tmp_path: Path, core_pm: GrPluginManager) -> None:
    (tmp_path / "m.yaml").write_text(
        "type: meeting\nid: m\nbody: b\ndate: 2019-11-07\nstart_time: 9:30\nplace: no\n",
        encoding="utf-8",
    )
    ok, bad = load(core_pm, tmp_path)
    assert bad == []
    meeting = ok[0].record
    assert str(meeting.date) == "2019-11-07"  # type: ignore[attr-defined]
    assert meeting.place == "no"  # type: ignore[attr-defined]


def test_json_array_lines(tmp_path: Path, core_pm: GrPluginManager) -> None:
    (tmp_path / "b.json").write_text(
        '[\n {"type":"person","id":"j1","name":"A"},\n {"type":"person",\n  "id":"j2",\n'
        '  "name": 5}\n]\n',
        encoding="utf-8",
    )
    ok, bad = load(core_pm, tmp_path)
    assert [(r.record.id, r.line) for r in ok] == [("j1", 2)]
    assert [(p.line, p.path) for p in bad] == [(5, ("name",))]


def test_jsonl_keeps_going_after_bad_line(tmp_path: Path, core_pm: GrPluginManager) -> None:
    (tmp_path / "c.jsonl").write_text(
        '{"type":"person","id":"l1","name":"A"}\n{bad\n{"type":"persn","id":"l2"}\n'
        '{"type":"person","id":"l3","name":"B"}\n',
        encoding="utf-8",
    )
    ok, bad = load(core_pm, tmp_path)
    assert [r.record.id for r in ok] == ["l1", "l3"]
    assert [(p.line, p.kind) for p in bad] == [(2, "parse"), (3, "record-type")]


def test_csv_typed_from_fields(tmp_path: Path, core_pm: GrPluginManager) -> None:
    (tmp_path / "memberships.csv").write_text(
        "id,person,body,role,period.start,period.end\n"
        "ms1,c1,sg,ledamot,2019-01-01,2022-12-31\nms2,c1,sg,boss,2019,\n",
        encoding="utf-8",
    )
    (tmp_path / "projects.csv").write_text(
        "id,name,participants\np1,Dialoga,Ale|Göteborg|Härryda\n", encoding="utf-8"
    )
    ok, bad = load(core_pm, tmp_path)
    ids = {r.record.id: r.record for r in ok}
    assert ids["p1"].participants == ("Ale", "Göteborg", "Härryda")  # type: ignore[attr-defined]
    assert str(ids["ms1"].period.end) == "2022-12-31"  # type: ignore[attr-defined]
    assert [(p.file.endswith("memberships.csv"), p.line, p.path) for p in bad] == [
        (True, 3, ("role",))
    ]


def test_yaml_syntax_error_names_line(tmp_path: Path, core_pm: GrPluginManager) -> None:
    (tmp_path / "broken.yaml").write_text(
        "type: person\nid: p\nname: [unclosed\n", encoding="utf-8"
    )
    _, bad = load(core_pm, tmp_path)
    assert len(bad) == 1 and bad[0].kind == "parse" and bad[0].line in (3, 4)


@pytest.mark.parametrize("name", ["notes.txt", "README.md"])
def test_directories_skip_non_record_files(
    tmp_path: Path, core_pm: GrPluginManager, name: str
) -> None:
    (tmp_path / name).write_text("hello", encoding="utf-8")
    assert load(core_pm, tmp_path) == ([], [])
