"""No export carries a path of the exporting machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from grmodel.exporting.base import ExportOptions
from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager, get_plugin_manager


def _record_set(tmp_path: Path) -> Path:
    records = tmp_path / "records"
    (records / "sources").mkdir(parents=True)
    inside = records / "sources" / "protokoll.txt"
    records.joinpath("set.yaml").write_text(
        "type: document\nid: protokoll-1\nkind: protokoll\ntitle: Protokoll\n"
        f'date: "2019-11-07"\nsource_file: "{inside}"\n'
        f'provenance: {{source: "{inside}", line: 1}}\n'
        "---\ntype: document\nid: protokoll-2\nkind: protokoll\ntitle: Protokoll 2\n"
        'source_file: "/home/someone/Hemligt/protokoll-2.pdf"\n'
        "provenance: {source: seeds/002.txt, line: 4}\n",
        encoding="utf-8",
    )
    return records


def _outputs(out: Path) -> bytes:
    files = [out] if out.is_file() else sorted(p for p in out.rglob("*") if p.is_file())
    return b"".join(p.read_bytes() for p in files)


@pytest.mark.parametrize("fmt", sorted(get_plugin_manager().exporters))
def test_no_absolute_paths_in_any_export(tmp_path: Path, pm: GrPluginManager, fmt: str) -> None:
    records = _record_set(tmp_path)
    out = tmp_path / f"out-{fmt}"
    export(fmt, [records], out, pm)
    data = _outputs(out)
    assert str(tmp_path).encode() not in data
    assert b"/home/someone" not in data
    if fmt in {"json", "yaml", "sqlite"}:
        assert b"sources/protokoll.txt" in data  # relative to the record set
        assert b"protokoll-2.pdf" in data  # outside it: the file name only
        assert b"seeds/002.txt" in data  # relative paths are data: kept


def test_source_paths_can_be_left_out(tmp_path: Path, core_pm: GrPluginManager) -> None:
    records = _record_set(tmp_path)
    out = tmp_path / "out.json"
    export("json", [records], out, core_pm, options=ExportOptions(source_paths=False))
    data = out.read_text(encoding="utf-8")
    assert "protokoll.txt" not in data and "protokoll-2.pdf" not in data and "seeds/" not in data
    assert '"protokoll-1"' in data
