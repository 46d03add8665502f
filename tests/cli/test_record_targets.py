"""``count`` and ``export`` read what ``validate`` reads: PATH, the configured paths or the
current directory; the bundled examples only with ``--examples``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import Run

PERSONS = "type: person\nid: p\nname: Anna Andersson\n---\ntype: person\nid: q\nname: Bo Berg\n"


def _command(name: str, tmp_path: Path) -> list[str]:
    if name == "count":
        return ["count", "--type", "person", "--format", "json"]
    return ["export", "--to", "json", "--force", "-o", str(tmp_path / "out.json")]


def _persons(name: str, out: str, tmp_path: Path) -> int:
    """How many persons the command read."""
    if name == "count":
        (row,) = json.loads(out)
        count: int = row["count"]
        return count
    records = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    return sum(1 for r in records if r["type"] == "person")


@pytest.mark.parametrize("name", ["count", "export"])
def test_no_path_reads_the_current_directory(
    grmodel: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    (tmp_path / "here").mkdir()
    (tmp_path / "here" / "p.yaml").write_text(PERSONS, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "here")
    code, out, err = grmodel(*_command(name, tmp_path))
    assert code == 0, err
    assert _persons(name, out, tmp_path) == 2  # not the example data's 28


@pytest.mark.parametrize("name", ["count", "export"])
def test_no_path_reads_the_configured_paths(
    grmodel: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "p.yaml").write_text(PERSONS, encoding="utf-8")
    (tmp_path / "elsewhere.yaml").write_text("type: person\nid: x\nname: X\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.grmodel]\npaths = ["records"]\n', encoding="utf-8"
    )
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    code, out, err = grmodel(*_command(name, tmp_path))
    assert code == 0, err
    assert _persons(name, out, tmp_path) == 2


@pytest.mark.parametrize("name", ["count", "export"])
def test_examples_only_when_asked(
    grmodel: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = grmodel(*_command(name, tmp_path), "--examples")
    assert code == 0, err
    assert _persons(name, out, tmp_path) > 10
    code, _, err = grmodel(*_command(name, tmp_path), "--examples", ".")
    assert code == 2 and "not both" in err


@pytest.mark.parametrize("name", ["count", "export"])
def test_no_record_files_is_an_error_naming_where(
    grmodel: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path / "empty")
    code, out, err = grmodel(*_command(name, tmp_path))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "no record files" in err and str(tmp_path / "empty") in err
    assert not (tmp_path / "out.json").exists()


def test_a_broken_configuration_is_an_error(
    grmodel: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "p.yaml").write_text(PERSONS, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.grmodel\npaths = 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = grmodel("count", "--type", "person")
    assert code == 2
    assert "pyproject.toml" in err and err.count("\n") == 1
