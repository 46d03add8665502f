"""CLI basics: exit codes, one-line errors, reference data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "grmodel", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_refdata_municipalities_json() -> None:
    result = run("refdata", "municipalities", "--format", "json")
    assert result.returncode == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 290
    by_name = {r["name"]: r for r in rows}
    assert by_name["Kungsbacka"]["code"] == "1384"
    assert by_name["Kungsbacka"]["county_code"] == "13"
    assert by_name["Göteborg"]["code"] == "1480"
    assert all(r["code"][:2] == r["county_code"] for r in rows)


def test_bad_input_one_line_error_exit_2(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "missing.yaml"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_structural_errors_exit_1_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("type: person\nid: p\nname: 3\n", encoding="utf-8")
    result = run("validate", "--no-config", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path / 'p.yaml'}:3: LOAD002 error" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github"])
def test_every_format_renders(tmp_path: Path, fmt: str) -> None:
    (tmp_path / "p.yaml").write_text("type: person\nid: p\nname: 3\n", encoding="utf-8")
    result = run("validate", "--no-config", "--format", fmt, str(tmp_path))
    assert result.returncode == 1, result.stderr
    assert "p.yaml" in result.stdout


def test_report_output_is_replaced_but_exports_are_not(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("type: person\nid: p\nname: P\n", encoding="utf-8")
    out = tmp_path / "report.json"
    out.write_text("an earlier report", encoding="utf-8")
    result = run("validate", "--format", "json", "-o", str(out), str(tmp_path / "p.yaml"))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["records"] == 1
    export = tmp_path / "out.json"
    export.write_text("keep me", encoding="utf-8")
    result = run("export", "--to", "json", "-o", str(export), str(tmp_path / "p.yaml"))
    assert result.returncode == 2 and "--force" in result.stderr
    assert export.read_text(encoding="utf-8") == "keep me"
