"""Helpers of the hostile-input suite: the CLI run in a bounded child process."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

MEMORY_LIMIT = 2 * 2**30
"""Address space a child run may use (bytes)."""
CPU_LIMIT = 60
"""CPU seconds a child run may use."""
WALL_LIMIT = 90
"""Wall seconds before a child run counts as hung."""


def _bounded() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


def run_cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``grmodel ARGS`` in a child with bounded memory, CPU and wall time."""
    return subprocess.run(
        [sys.executable, "-m", "grmodel", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        preexec_fn=_bounded,
        timeout=WALL_LIMIT,
        env={**os.environ, "GRMODEL_DISABLE_PLUGIN_AUTOLOAD": "1"},
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single line of stderr of a run that failed cleanly (no traceback)."""
    assert "Traceback" not in result.stderr, result.stderr
    assert "internal error" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


PERSON = "type: person\nid: {id}\nname: {name}\n"


@pytest.fixture
def good_person(tmp_path: Path) -> Path:
    """A directory with one record that loads."""
    root = tmp_path / "set"
    root.mkdir()
    (root / "ok.yaml").write_text(PERSON.format(id="ok", name="Anna"), encoding="utf-8")
    return root
