"""The engine: where findings point, including those settled at the end of a run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grmodel.pipeline import validate
from grmodel.plugins import get_plugin_manager
from grmodel.validation import ValidationConfig

YAML_SET = """\
type: person
id: p1
name: A
---
type: membership
id: m1
person: p1
role: ledamot
body: no-such-body
---
type: membership
id: m2
person: p-missing
body: gr-styrgruppen-social-valfard
role: ledamot
"""


def _ref_findings(path: Path) -> list[tuple[str | None, int | None, str, str | None]]:
    report = validate(
        [path], get_plugin_manager(load_entrypoints=False), ValidationConfig(select=("REF001",))
    )
    return sorted(
        (Path(f.file).name if f.file else None, f.line, f.path, f.record) for f in report.findings
    )


def test_end_of_run_findings_point_at_the_field_line_yaml(tmp_path: Path) -> None:
    (tmp_path / "set.yaml").write_text(YAML_SET, encoding="utf-8")
    assert _ref_findings(tmp_path) == [
        ("set.yaml", 9, "body", "m1"),
        ("set.yaml", 13, "person", "m2"),
    ]


def test_end_of_run_findings_point_at_the_field_line_json(tmp_path: Path) -> None:
    records = [
        {
            "type": "membership",
            "id": "m1",
            "person": "p1",
            "role": "ledamot",
            "body": "no-such-body",
        },
        {"type": "person", "id": "p1", "name": "A"},
    ]
    (tmp_path / "set.json").write_text(json.dumps(records, indent=2), encoding="utf-8")
    text = (tmp_path / "set.json").read_text(encoding="utf-8").splitlines()
    body_line = next(n for n, line in enumerate(text, 1) if '"body"' in line)
    assert _ref_findings(tmp_path) == [("set.json", body_line, "body", "m1")]


def _gone_after_reading(
    path: Path, jobs: int
) -> list[tuple[str | None, int | None, str, str | None]]:
    """REF001's findings, with every record file deleted once the pass has read it
    (``progress`` is told ``done == total`` after the last file): end-of-run
    findings must get their field lines from what the pass kept, not the files."""
    files = sorted(p for p in path.iterdir() if p.is_file())

    def progress(done: int, total: int, _file: str) -> None:
        if done == total:
            for file in files:
                file.unlink()

    report = validate(
        [path],
        get_plugin_manager(load_entrypoints=False),
        ValidationConfig(
            select=("REF001", "DAT003", "DAT002")
        ),  # DAT002: a record rule, for the workers
        progress=progress,
        jobs=jobs,
    )
    assert not any(p.exists() for p in files)
    return sorted(
        (Path(f.file).name if f.file else None, f.line, f.path, f.record) for f in report.findings
    )


BASIS_LATER = """\
type: meeting
id: mt1
body: gr-styrgruppen-social-valfard
date: "2019-11-07"
items:
  - id: mt1-p1
    ordinal: 1
    title: Första
  - id: mt1-p2
    ordinal: 2
    title: Andra
    basis:
      - dnr-1
      - dnr-2
---
type: document
id: dnr-2
kind: tjänsteskrivelse
date: "2019-12-28"
"""


@pytest.mark.parametrize("jobs", [1, 2])
def test_end_of_run_field_lines_need_no_second_read(tmp_path: Path, jobs: int) -> None:
    (tmp_path / "set.yaml").write_text(YAML_SET, encoding="utf-8")
    (tmp_path / "z-basis.yaml").write_text(BASIS_LATER, encoding="utf-8")
    records = [
        {"type": "person", "id": "p9", "name": "B"},
        {
            "type": "membership",
            "id": "m9",
            "person": "p9",
            "role": "ledamot",
            "body": "no-such-body",
        },
    ]
    (tmp_path / "set.json").write_text(json.dumps(records, indent=2), encoding="utf-8")
    json_body = next(
        n
        for n, line in enumerate((tmp_path / "set.json").read_text().splitlines(), 1)
        if '"body"' in line
    )
    assert _gone_after_reading(tmp_path, jobs) == [
        ("set.json", json_body, "body", "m9"),
        ("set.yaml", 9, "body", "m1"),
        ("set.yaml", 13, "person", "m2"),
        ("z-basis.yaml", 13, "items[1].basis[0]", "mt1"),  # REF001: no dnr-1
        ("z-basis.yaml", 14, "items[1].basis[1]", "mt1"),  # DAT003: dnr-2 is later
    ]
