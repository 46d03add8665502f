"""The installed plugin on the command line: listed, and disabled with ``-p no:gr-practice``."""

from __future__ import annotations

import importlib.metadata
import json
import os
import subprocess
import sys

import pytest

installed = any(ep.name == "gr-practice" for ep in importlib.metadata.entry_points(group="grmodel"))
pytestmark = pytest.mark.skipif(
    not installed, reason="grmodel-gr-practice is not installed (pip install -e)"
)


def grmodel(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GRMODEL_DISABLE_PLUGIN_AUTOLOAD"}
    return subprocess.run(
        [sys.executable, "-m", "grmodel", *args],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )


def rule_codes(*args: str) -> set[str]:
    result = grmodel(*args, "rules", "--format", "json")
    assert result.returncode == 0, result.stderr
    return {rule["code"] for rule in json.loads(result.stdout)}


def test_rules_listed_when_installed() -> None:
    assert {f"GRP00{n}" for n in range(1, 6)} <= rule_codes()


def test_disabled_with_p_no() -> None:
    codes = rule_codes("-p", "no:gr-practice")
    assert codes  # the core's rules remain
    assert not {code for code in codes if code.startswith("GRP")}


def test_plugins_lists_it() -> None:
    result = grmodel("plugins", "--format", "json")
    assert result.returncode == 0, result.stderr
    infos = {info["name"]: info for info in json.loads(result.stdout)}
    assert infos["gr-practice"]["distribution"] == "grmodel-gr-practice"
    assert infos["gr-practice"]["builtin"] is False
    assert infos["gr-practice"]["rules"] == ["GRP001", "GRP002", "GRP003", "GRP004", "GRP005"]
