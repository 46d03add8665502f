"""The benchmark generator: a clean set validates clean, planted defects are found once."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from types import ModuleType

from grmodel.pipeline import validate
from grmodel.pipeline.validation import Finding
from grmodel.plugins import GrPluginManager


def _found(findings: list[Finding]) -> Counter[tuple[str | None, str]]:
    return Counter((f.record, f.code) for f in findings)


def test_clean_set_has_no_findings(
    generator: ModuleType, tmp_path: Path, pm: GrPluginManager
) -> None:
    count, manifest = generator.generate(tmp_path, 2500)
    assert count >= 2500
    assert manifest == []
    assert json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8")) == []
    report = validate([tmp_path / generator.RECORDS], pm)
    assert report.summary.records == count
    assert [f.code for f in report.findings] == []
    # Every plugin's rules ran (gr-practice's GRP rules among them).
    assert any(r.code.startswith("GRP") for r in report.rules)


def test_every_planted_defect_is_found_once_by_its_rule(
    generator: ModuleType, tmp_path: Path, pm: GrPluginManager
) -> None:
    _, manifest = generator.generate(tmp_path, 2500, defects=0.3, seed=3)
    on_disk = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk == manifest
    planted = {entry["kind"] for entry in manifest}
    every_kind = {kind for choices in generator.DEFECTS.values() for kind, _, _ in choices}
    assert planted == every_kind
    report = validate([tmp_path / generator.RECORDS], pm)
    expected = Counter((entry["record"], entry["code"]) for entry in manifest)
    # Each planted defect is found by its rule, none twice, and nothing else is found.
    assert _found(report.findings) == expected


def test_the_set_is_reproducible(generator: ModuleType, tmp_path: Path) -> None:
    generator.generate(tmp_path / "a", 800, defects=0.1, seed=7)
    generator.generate(tmp_path / "b", 800, defects=0.1, seed=7)
    for name in sorted((tmp_path / "a" / generator.RECORDS).iterdir()):
        twin = tmp_path / "b" / generator.RECORDS / name.name
        assert name.read_bytes() == twin.read_bytes()
