"""Rule selection, severity overrides, per-file ignores, configuration files."""

from __future__ import annotations

import re
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
    config = tmp_path / "grmodel.toml"
    config.write_text('ignore = ["MTG"]\nselct = ["MTG"]\n', encoding="utf-8")
    with pytest.raises(GrmodelError) as err:
        load_config(find_config_file(tmp_path))
    assert str(err.value) == f"{config}:2: unknown grmodel setting 'selct' (did you mean 'select'?)"
    config.write_text('\nfail-on = "fatal"\n', encoding="utf-8")
    with pytest.raises(
        GrmodelError, match=rf"^{re.escape(str(config))}:2: fail-on: unknown severity"
    ):
        load_config(config)
    config.write_text('[severity]\nMTG001 = "warn"\n', encoding="utf-8")
    with pytest.raises(GrmodelError, match=rf"^{re.escape(str(config))}:2: severity: unknown"):
        load_config(config)
    with pytest.raises(GrmodelError, match=r"^--fail-on: unknown severity"):
        load_config(None, fail_on="fatal")


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('severity = "x"', "'severity' must be a table"),
        ("severity = 3", "'severity' must be a table"),
        ("[severity]\nMTG001 = 3", "'severity' must be a table"),
        ("per-file-ignores = 3", "'per-file-ignores' must be a table"),
        ('per-file-ignores = "x"', "'per-file-ignores' must be a table"),
        ('max-findings = "x"', "'max-findings' must be a whole number"),
        ("max-findings = -1", "'max-findings' must be a whole number"),
        ("max-findings = true", "'max-findings' must be a whole number"),
        ("fail-on = 3", "'fail-on' must be one of error, warning, info"),
        ("paths = 3", "'paths' must be a list of strings"),
        ('select = ["MTG", 1]', "'select' must be a list of strings"),
        ("xyz = 1", "unknown grmodel setting 'xyz' (settings: extend-select, fail-on"),
    ],
)
def test_a_setting_of_the_wrong_type_is_an_error_naming_its_line(
    tmp_path: Path, setting: str, message: str
) -> None:
    """Never an internal error: each wrong shape is one line at the setting's line."""
    config = tmp_path / "grmodel.toml"
    config.write_text(f"# settings\n{setting}\n", encoding="utf-8")
    with pytest.raises(GrmodelError) as err:
        load_config(config)
    assert str(err.value).startswith(f"{config}:2: {message}")
