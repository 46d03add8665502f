"""The README's commands run as pasted, in a fresh directory."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from grmodel.plugins import get_plugin_manager

ROOT = Path(__file__).resolve().parents[2]


def _blocks(text: str) -> list[list[str]]:
    """The commands of each ```sh block (comments stripped)."""
    blocks = re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL)
    return [
        [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]
        for block in blocks
    ]


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    return subprocess.run(
        shlex.split(command), cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_quickstart_validates_the_examples(tmp_path: Path) -> None:
    (first, *_), *_ = _blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    assert first == "python3 -m pip install . && python3 -m grmodel validate --examples"
    done = _run(first.split(" && ")[1].replace("python3", sys.executable, 1), tmp_path)
    assert done.returncode == 0, done.stderr
    assert "0 error(s)" in done.stdout


def test_documents_in_records_out_runs_as_pasted(tmp_path: Path) -> None:
    if "protocol" not in get_plugin_manager().importers:
        pytest.skip("grmodel-gr-documents is not installed")
    blocks = _blocks((ROOT / "README.md").read_text(encoding="utf-8"))
    (block,) = [b for b in blocks if any(c.startswith("grmodel import") for c in b)]
    for command in block:
        done = _run(command, tmp_path)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
    (written,) = (tmp_path / "imported").glob("*.yaml")
    assert "type: meeting" in written.read_text(encoding="utf-8")
    coverage = re.search(r"coverage (\d+)%", _run(block[1] + " --force", tmp_path).stdout)
    assert coverage is not None and int(coverage.group(1)) >= 90
