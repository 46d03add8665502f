"""Rule selection, severity overrides, per-file ignores, configuration files."""

from __future__ import annotations

from pathlib import Path

import pytest

from grmodel.errors import GrmodelError
from grmodel.rules.base import Severity
from grmodel.validation.config import ValidationConfig, find_config_file, load_config


@pytest.mark.parametrize(
    ("select", "ignore", "code", "expected"),
    [
        (("ALL",), (), "MTG001", True),
        (("MTG",), (), "MTG001", True),
        (("MTG",), (), "ATT001", False),
        (("ALL",), ("MTG",), "MTG001", False),
        (("MTG001",), ("MTG",), "MTG001", True),  # the longer prefix wins
        (("MTG",), ("MTG",), "MTG001", False),  # ties ignore
        (("ALL",), ("MTG002",), "MTG001", True),
    ],
)
def test_selection(
    select: tuple[str, ...], ignore: tuple[str, ...], code: str, expected: bool
) -> None:
    assert ValidationConfig(select=select, ignore=ignore).enabled(code) is expected


def test_per_file_ignores_match_globs() -> None:
    config = ValidationConfig(per_file_ignores={"legacy/*.yaml": ("NUM",)})
    assert config.ignored_in("NUM001", "legacy/a.yaml")
    assert not config.ignored_in("NUM001", "current/a.yaml")
    assert not config.ignored_in("MTG001", "legacy/a.yaml")


def test_pyproject_section_and_cli_overrides(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.grmodel]\nignore = ["FIG"]\nfail-on = "warning"\nmax-findings = 5\n'
        '[tool.grmodel.severity]\nPTY002 = "error"\n'
        '[tool.grmodel.per-file-ignores]\n"old/*" = ["NUM"]\n',
        encoding="utf-8",
    )
    found = find_config_file(tmp_path / "sub" / "dir")
    assert found == tmp_path / "pyproject.toml"
    config = load_config(found, ignore=["MTG"], max_findings=7)
    assert config.ignore == ("FIG", "MTG")
    assert config.fail_on is Severity.WARNING
    assert config.max_findings == 7
    assert config.severity_of("PTY002", Severity.INFO) is Severity.ERROR
    assert config.ignored_in("NUM003", str(tmp_path / "old" / "x.yaml"))
    assert not config.ignored_in("NUM003", str(tmp_path / "new" / "old" / "x.yaml"))


def test_grmodel_toml_wins_and_bad_keys_are_one_line_errors(tmp_path: Path) -> None:
    (tmp_path / "grmodel.toml").write_text('selct = ["MTG"]\n', encoding="utf-8")
    with pytest.raises(GrmodelError, match=r"unknown grmodel setting.*selct"):
        load_config(find_config_file(tmp_path))
    (tmp_path / "grmodel.toml").write_text('fail-on = "fatal"\n', encoding="utf-8")
    with pytest.raises(GrmodelError, match="unknown severity"):
        load_config(tmp_path / "grmodel.toml")
