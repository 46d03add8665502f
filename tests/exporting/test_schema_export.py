"""The schema exporter writes grmodel.schema's JSON Schemas into a directory."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grmodel.pipeline.exporting import export
from grmodel.plugins import GrPluginManager


def test_schema_directory(small_set: Path, core_pm: GrPluginManager, tmp_path: Path) -> None:
    from grmodel.schema import generate_schemas

    try:
        expected = generate_schemas(core_pm.converter)
    except NotImplementedError:
        pytest.skip("grmodel.schema.generate_schemas is not written yet")
    out = tmp_path / "schemas"
    export("schema", [small_set], out, core_pm)
    written = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in out.iterdir()}
    assert written == expected
    assert "meeting.json" in written
