"""The README's commands run as pasted: every ``sh`` block in order in one fresh
directory, as a reader follows it, and its SQL on the SQLite export it makes.

The directory holds the example data as ``records/``, the record set the README's
commands talk about. The install and test-suite commands are what CI runs itself
(``.ci/run``: the same ``pip install -r requirements-dev.txt && pytest`` line, then
``grmodel validate --examples`` in a clean directory), so they are not run here.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from grmodel.examples import example_data_path
from grmodel.plugins import get_plugin_manager

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
SETUP = re.compile(r"pip install|-m pytest")
"""Commands that install or run the test suite: CI runs them (see the module doc)."""


def _blocks(text: str, language: str = "sh") -> list[list[str]]:
    """The commands of each fenced block of ``language`` (comments stripped)."""
    blocks = re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)
    return [
        [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]
        for block in blocks
    ]


def _run(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    env.pop("GRMODEL_DISABLE_PLUGIN_AUTOLOAD", None)
    return subprocess.run(
        shlex.split(command), cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_quickstart_validates_the_examples(tmp_path: Path) -> None:
    (first, *_), *_ = _blocks(README)
    assert first == "python3 -m pip install . && python3 -m grmodel validate --examples"
    done = _run(first.split(" && ")[1].replace("python3", sys.executable, 1), tmp_path)
    assert done.returncode == 0, done.stderr
    assert "0 error(s)" in done.stdout


def test_only_install_and_test_commands_are_left_to_ci() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    left = [c for block in _blocks(README) for c in block if SETUP.search(c)]
    assert left == [
        "python3 -m pip install . && python3 -m grmodel validate --examples",
        'python3 -m pip install -r requirements-dev.txt && python3 -m pytest -n auto -m "slow or not slow"',
    ]
    assert left[1] in ci.splitlines()
    assert "python3 -m grmodel validate --examples" in ci


@pytest.mark.slow
def test_every_command_runs_in_order(tmp_path: Path) -> None:
    if "protocol" not in get_plugin_manager().importers:
        pytest.skip("grmodel-gr-documents is not installed")
    shutil.copytree(example_data_path(), tmp_path / "records")
    ran = []
    for command in (c for block in _blocks(README) for c in block if not SETUP.search(c)):
        done = _run(command, tmp_path)
        # 1 is "findings remain" for validate; every other command exits 0.
        allowed = {0, 1} if command.startswith("grmodel validate") else {0}
        assert done.returncode in allowed, (command, done.stdout, done.stderr)
        ran.append(command)
    assert len(ran) >= 15
    assert "type: meeting" in next((tmp_path / "imported").glob("*.yaml")).read_text("utf-8")
    for out in ("grmodel.sarif", "oparl/system.json", "gr.sqlite", "gr-meetings.ics"):
        assert (tmp_path / out).is_file(), out
    assert (tmp_path / "gr-datapackage" / "datapackage.json").is_file()
    with sqlite3.connect(tmp_path / "gr.sqlite") as db:
        for query in ("\n".join(block) for block in _blocks(README, "sql")):
            assert db.execute(query).fetchall(), query  # every example query finds rows


@pytest.mark.slow
def test_the_import_reports_its_coverage(tmp_path: Path) -> None:
    if "protocol" not in get_plugin_manager().importers:
        pytest.skip("grmodel-gr-documents is not installed")
    (command,) = [c for b in _blocks(README) for c in b if c.startswith("grmodel import")]
    shutil.copytree(example_data_path(), tmp_path / "my-records")
    done = _run(command, tmp_path)
    assert done.returncode == 0, done.stderr
    coverage = re.search(r"coverage (\d+)%", done.stdout)
    assert coverage is not None and int(coverage.group(1)) >= 90
