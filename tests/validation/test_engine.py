"""The engine: where findings point, including those settled at the end of a run."""

from __future__ import annotations

import json
from pathlib import Path

from grmodel.plugins import get_plugin_manager
from grmodel.validation import ValidationConfig, validate

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
