"""Validation never passes silently: what runs, on what, with which rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import Run

BROKEN = "type: person\nid: p\nname: 3\n"
GOOD = "type: person\nid: p\nname: Anna Andersson\n"


def test_no_path_validates_the_current_directory(
    grmodel: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "p.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, _ = grmodel("validate")
    assert code == 1
    assert "p.yaml:3: LOAD002 error" in out


def test_examples_flag_validates_the_bundled_data(
    grmodel: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = grmodel("validate", "--examples")
    assert code == 0
    assert "0 error(s)" in out and " 0 records" not in out
    code, _, err = grmodel("validate", "--examples", ".")
    assert code == 2 and "not both" in err


def test_configured_paths_resolve_against_the_config_file(
    grmodel: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "p.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "elsewhere.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.grmodel]\npaths = ["records"]\n', encoding="utf-8"
    )
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    code, out, _ = grmodel("validate")
    assert code == 1
    assert "records/p.yaml:3: LOAD002" in out
    assert "elsewhere.yaml" not in out


def test_no_record_files_is_an_error_naming_where(
    grmodel: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "notes.txt.bak").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = grmodel("validate")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "no record files" in err and "or documents" in err and str(tmp_path) in err
    code, _, err = grmodel("validate", str(tmp_path))
    assert code == 2 and str(tmp_path) in err


@pytest.mark.parametrize(
    ("option", "code", "suggestion"),
    [
        ("--select", "XYZ999", "known prefixes: ATT"),
        ("--select", "FIGG", "did you mean 'FIG'"),
        ("--ignore", "NOPE", "known prefixes"),
        ("--extend-select", "MTG0011", "did you mean 'MTG001'"),
    ],
)
def test_unknown_codes_on_the_command_line(
    grmodel: Run, tmp_path: Path, option: str, code: str, suggestion: str
) -> None:
    (tmp_path / "p.yaml").write_text(GOOD, encoding="utf-8")
    status, _, err = grmodel("validate", "--no-config", option, f"MTG,{code}", str(tmp_path))
    assert status == 2
    assert f"{option}: unknown rule code or prefix {code!r}" in err
    assert suggestion in err


@pytest.mark.parametrize(
    ("toml", "line", "what"),
    [
        ('[tool.grmodel]\nselect = ["FIGG"]\n', 2, "select: unknown rule code or prefix 'FIGG'"),
        ('[tool.grmodel]\nignore = [\n  "MTG",\n  "NOPE",\n]\n', 4, "ignore: unknown"),
        ('[tool.grmodel.severity]\nMTG999 = "error"\n', 2, "severity: unknown rule code 'MTG999'"),
        ('[tool.grmodel.severity]\nMTG = "error"\n', 2, "severity: unknown rule code 'MTG'"),
        ('[tool.grmodel.per-file-ignores]\n"a/*" = ["NUMM"]\n', 2, "did you mean 'NUM'"),
    ],
)
def test_unknown_codes_in_the_config_name_its_line(
    grmodel: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, line: int, what: str
) -> None:
    (tmp_path / "p.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(toml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, _, err = grmodel("validate")
    assert status == 2
    assert f"{tmp_path / 'pyproject.toml'}:{line}: " in err
    assert what in err


def test_broken_pyproject_is_an_error_naming_its_line(
    grmodel: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "p.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.grmodel\nselect = ["ALL"]\n', encoding="utf-8"
    )
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    status, out, err = grmodel("validate", str(tmp_path / "p.yaml"))
    assert status == 2 and out == ""
    assert f"{tmp_path / 'pyproject.toml'}:3: invalid TOML" in err
    assert "Traceback" not in err


def test_per_file_ignores_resolve_against_the_config_directory(
    grmodel: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "p.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "current").mkdir()
    (tmp_path / "current" / "p.yaml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "grmodel.toml").write_text(
        '[per-file-ignores]\n"legacy/*.yaml" = ["LOAD"]\n', encoding="utf-8"
    )
    # Run from inside a subdirectory: the glob still means <config dir>/legacy/*.yaml.
    monkeypatch.chdir(tmp_path / "current")
    status, out, _ = grmodel("validate", "--config", str(tmp_path / "grmodel.toml"), "..")
    assert status == 1
    assert "current/p.yaml:3: LOAD002" in out
    assert "legacy/p.yaml" not in out
