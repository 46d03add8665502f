"""The json and yaml exporters write the canonical record set."""

from __future__ import annotations

import json
from pathlib import Path

from grmodel.model import Record
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager
from grmodel.recordset.loading import LoadedRecord, load_records
from grmodel.recordset.yamlio import dump_documents


def _reload(path: Path, pm: GrPluginManager) -> list[Record]:
    out = []
    for entry in load_records([path], pm.converter):
        assert isinstance(entry, LoadedRecord), entry
        out.append(entry.record)
    return out


def test_json_is_what_import_writes_and_round_trips(
    small_set: Path, small_records: list[Record], core_pm: GrPluginManager, tmp_path: Path
) -> None:
    out = tmp_path / "out.json"
    export("json", [small_set], out, core_pm)
    data = [core_pm.converter.unstructure_record(r) for r in small_records]
    assert out.read_text(encoding="utf-8") == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert _reload(out, core_pm) == small_records


def test_yaml_is_what_import_writes_and_round_trips(
    small_set: Path, small_records: list[Record], core_pm: GrPluginManager, tmp_path: Path
) -> None:
    out = tmp_path / "out.yaml"
    export("yaml", [small_set], out, core_pm)
    data = [core_pm.converter.unstructure_record(r) for r in small_records]
    assert out.read_text(encoding="utf-8") == dump_documents(data)
    assert _reload(out, core_pm) == small_records


def test_empty_record_set(core_pm: GrPluginManager, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    export("json", [tmp_path / "in"], tmp_path / "out.json", core_pm)
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8")) == []
    export("yaml", [tmp_path / "in"], tmp_path / "out.yaml", core_pm)
    assert (tmp_path / "out.yaml").read_text(encoding="utf-8") == ""


def test_registered_by_builtin_plugin(core_pm: GrPluginManager) -> None:
    for name in ("json", "yaml"):
        assert core_pm.exporters[name].plugin == "grmodel.formats"
