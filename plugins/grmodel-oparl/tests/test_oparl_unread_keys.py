"""An OParl export with keys the importer does not read: each is kept on the import's
document record (unplaced text), reported as IMP009 naming the file, the JSON path
and the line, and the coverage is below 100 %; an export of only known keys (paged,
with publication times) has none."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import grmodel_oparl.plugin
import pytest
from grmodel_oparl import read_oparl
from oparl_samples import sample_records

from grmodel.errors import GrmodelError
from grmodel.exporting.base import ExportOptions
from grmodel.pipeline.exporting import export
from grmodel.pipeline.import_quality import import_findings
from grmodel.pipeline.importing import import_path
from grmodel.plugins import GrPluginManager, get_plugin_manager

BASE = "https://data.example.org/oparl"


@pytest.fixture(scope="module")
def pm() -> GrPluginManager:
    return get_plugin_manager(load_entrypoints=False, plugins=[("oparl", grmodel_oparl.plugin)])


def _export(pm: GrPluginManager, tmp_path: Path, **extra: str) -> Path:
    source = tmp_path / "records.json"
    source.write_text(
        json.dumps([pm.converter.unstructure_record(r) for r in sample_records()]),
        encoding="utf-8",
    )
    out = tmp_path / "oparl"
    export("oparl", [source], out, pm, options=ExportOptions(base_url=BASE, extra=extra))
    return out


def _edit(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def test_unread_keys_are_kept_and_reported(pm: GrPluginManager, tmp_path: Path) -> None:
    root = _export(pm, tmp_path)
    system = root / "system.json"
    (persons,) = root.glob("body/*/person.json")
    _edit(system, lambda d: d.update(contactEmail="info@example.org"))
    _edit(persons, lambda d: d["data"][0].update(email=["anna@example.org"], title="Dr"))
    result = import_path(system, pm, kind="oparl")
    at = _line_of(persons, '"email"')
    name = persons.relative_to(root)  # named in the export directory
    assert [(s.span.line, s.text) for s in result.document.unplaced] == [
        (_line_of(system, "contactEmail"), 'contactEmail: "info@example.org"'),
        (1, f'{name}:{at}: data[0].email: ["anna@example.org"]'),
        (1, f'{name}:{_line_of(persons, "title")}: data[0].title: "Dr"'),
    ]
    assert result.coverage < 1.0
    findings = import_findings(result, pm, str(system))
    assert [f.code for f in findings] == ["IMP009"] * 3
    assert findings[0].line == _line_of(system, "contactEmail")
    assert findings[1].line == 1 and f"{name}:{at}: data[0].email" in findings[1].message
    assert {r.id for r in result.records} == {r.id for r in sample_records()}


def test_only_known_keys_no_finding(pm: GrPluginManager, tmp_path: Path) -> None:
    root = _export(pm, tmp_path, page_size="2", timestamp="2024-01-31T12:00:00+01:00")
    result = import_path(root / "system.json", pm, kind="oparl")
    assert result.document.unplaced == () and result.document.notes == ()
    assert result.coverage == 1.0
    assert import_findings(result, pm, str(root / "system.json")) == []


def test_duplicate_key_is_an_error_at_its_line(pm: GrPluginManager, tmp_path: Path) -> None:
    root = _export(pm, tmp_path)
    system = root / "system.json"
    text = system.read_text(encoding="utf-8")
    system.write_text(text.replace('  "name":', '  "name": "x",\n  "name":', 1), encoding="utf-8")
    line = _line_of(system, '"name"') + 1
    with pytest.raises(GrmodelError, match=rf"^{system}:{line}: duplicate key 'name'"):
        read_oparl(root, pm.converter)


def test_an_edited_derived_key_is_reported(pm: GrPluginManager, tmp_path: Path) -> None:
    """A key the importer rebuilds from others (a meeting's name, its participants)
    counts as read only where the export of the records read writes it again."""
    root = _export(pm, tmp_path)
    (meetings,) = root.glob("body/*/meeting.json")

    def edit(data: dict[str, Any]) -> None:
        data["data"][0]["name"] = "Ett annat namn"
        data["data"][0]["participant"] = []

    _edit(meetings, edit)
    result = import_path(root / "system.json", pm, kind="oparl")
    name = meetings.relative_to(root)
    at_name, at_participant = _line_of(meetings, "Ett annat namn"), _line_of(meetings, "particip")
    assert [s.text.split(": ")[0:2] for s in result.document.unplaced] == [
        [f"{name}:{at_name}", "data[0].name"],
        [f"{name}:{at_participant}", "data[0].participant"],
    ]
