"""The shipped reference data files pass their consistency checks."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest


def test_data_files_check_passes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        runpy.run_path(str(Path(__file__).with_name("check_data_files.py")), run_name="__main__")
    assert exit_info.value.code in (0, None), capsys.readouterr().out
