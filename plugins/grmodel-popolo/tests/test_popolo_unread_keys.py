"""A Popolo file with keys the importer does not read: each is kept on the import's
document record (unplaced text at its lines), reported as IMP009 at its line with its
JSON path, and the coverage is below 100 %; a file of only known keys has none."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import grmodel_popolo.plugin
import pytest
from grmodel_popolo import build_popolo, read_popolo
from popolo_samples import sample_records

from grmodel.cli import main
from grmodel.errors import GrmodelError
from grmodel.pipeline.import_quality import import_findings
from grmodel.pipeline.importing import import_path
from grmodel.plugins import GrPluginManager, get_plugin_manager


@pytest.fixture(scope="module")
def pm() -> GrPluginManager:
    return get_plugin_manager(load_entrypoints=False, plugins=[("popolo", grmodel_popolo.plugin)])


def _export(pm: GrPluginManager) -> dict[str, Any]:
    return build_popolo(sample_records(), pm.export_options())


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def _with_extras(pm: GrPluginManager, tmp_path: Path) -> Path:
    data = _export(pm)
    data["persons"][0]["email"] = "anna@example.org"
    data["persons"][1]["links"] = [{"url": "https://example.org/bo", "note": "hemsida"}]
    data["persons"][1]["biography"] = "Född i Kungälv."
    data["motions"][0]["grmodel:colour"] = "grön"  # a grmodel: key no field of a decision
    return _write(tmp_path / "popolo.json", data)


def test_unread_keys_are_kept_and_reported(pm: GrPluginManager, tmp_path: Path) -> None:
    source = _with_extras(pm, tmp_path)
    result = import_path(source, pm, kind="popolo")
    unplaced = {s.text: s.span.line for s in result.document.unplaced}
    assert unplaced == {
        'persons[0].email: "anna@example.org"': _line_of(source, '"email"'),
        'persons[1].links: [{"url": "https://example.org/bo", "note": "hemsida"}]': _line_of(
            source, '"links"'
        ),
        'persons[1].biography: "Född i Kungälv."': _line_of(source, '"biography"'),
        'motions[0].grmodel:colour: "grön"': _line_of(source, '"grmodel:colour"'),
    }
    links = next(s for s in result.document.unplaced if s.text.startswith("persons[1].links"))
    assert links.span.last == links.span.line + 5  # the list of one object, as indented
    assert result.coverage < 1.0 and result.coverage_text != "100%"
    findings = import_findings(result, pm, str(source))
    assert [(f.code, f.line) for f in findings] == [
        ("IMP009", line) for line in sorted(unplaced.values())
    ]
    assert "persons[0].email" in findings[0].message
    # The records are read all the same.
    assert {r.id for r in result.records} == {r.id for r in sample_records()}


def test_only_known_keys_no_finding(pm: GrPluginManager, tmp_path: Path) -> None:
    source = _write(tmp_path / "popolo.json", _export(pm))
    result = import_path(source, pm, kind="popolo")
    assert result.document.unplaced == () and result.document.notes == ()
    assert result.coverage == 1.0
    assert import_findings(result, pm, str(source)) == []


def test_cli_prints_them_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _with_extras(get_plugin_manager(), tmp_path)
    out = tmp_path / "imported"
    with pytest.raises(SystemExit) as exited:
        main(["import", "--kind", "popolo", "-o", str(out), str(source)])
    printed = capsys.readouterr().out
    assert exited.value.code in (0, None)  # warnings: the records are written
    line = _line_of(source, '"email"')
    assert f"{source}:{line}: IMP009 warning" in printed and "persons[0].email" in printed
    coverage = re.search(r"coverage (\d+)%", printed)
    assert coverage is not None and int(coverage.group(1)) < 100
    # validate of what was written finds them again (exit 0: warnings, fail-on error)
    with pytest.raises(SystemExit) as exited:
        main(["validate", "--no-config", "--select", "IMP009", str(out)])
    assert exited.value.code in (0, None)
    assert capsys.readouterr().out.count("IMP009 warning") == 4


def test_duplicate_key_is_an_error_at_its_line(pm: GrPluginManager, tmp_path: Path) -> None:
    source = tmp_path / "popolo.json"
    source.write_text('{"persons": [\n {"id": "p", "name": "A",\n  "name": "B"}]}\n')
    with pytest.raises(GrmodelError, match=rf"^{source}:3: duplicate key 'name'"):
        read_popolo(source, pm.converter)


def test_an_edited_derived_key_is_reported(pm: GrPluginManager, tmp_path: Path) -> None:
    """A key the importer rebuilds from others (a meeting's start date, a motion's
    text) counts as read only where the export of the records read writes it again."""
    data = _export(pm)
    meeting = next(e for e in data["events"] if e["classification"] == "meeting")
    meeting["start_date"] = "2031-01-01"
    data["motions"][0]["text"] = "att allt ändras"
    source = _write(tmp_path / "popolo.json", data)
    result = import_path(source, pm, kind="popolo")
    index = data["events"].index(meeting)
    assert [s.text for s in result.document.unplaced] == [
        f'events[{index}].start_date: "2031-01-01"',
        'motions[0].text: "att allt ändras"',
    ]
    assert [f.line for f in import_findings(result, pm, str(source))] == [
        _line_of(source, "2031-01-01"),
        _line_of(source, "att allt ändras"),
    ]
