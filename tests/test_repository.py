"""Facts about the repository itself: CI runs what the README tells a developer to run."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(
        r"^(python3 -m pip install -r requirements-dev\.txt && .*)$", readme, re.M
    )
    assert len(commands) == 1, commands
    return commands[0]


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _readme_test_command() in ci


def test_the_readme_test_command_runs_every_test_in_parallel() -> None:
    command = _readme_test_command()
    assert "-n auto" in command
    assert '-m "slow or not slow"' in command


def test_ci_requires_the_consumer_checks() -> None:
    """In CI a consumer check (SARIF Multitool, ical.js, pre-commit) that cannot run is a
    failure: the variable is set before the test command runs."""
    from tests.nodetools import CONSUMERS_ENV

    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    required = ci.index(f"export {CONSUMERS_ENV}=required")
    assert required < ci.index(_readme_test_command())
