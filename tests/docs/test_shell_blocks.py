"""Every command of the tutorials and how-tos runs as pasted.

Each page's ``console`` blocks run in order in a fresh directory that holds a
copy of the example data as ``records/`` (the record set the pages talk about),
each command in the shell it is written for: bash, or zsh and fish for their
completion lines. Commands that set up a machine or a session (``pip install``,
a venv, ``. activate``) or run the test suite itself are left out; a command with
a placeholder (``<…>``) must name the test that runs it filled in. A command whose
program is not installed is skipped — in CI (``GRMODEL_TEST_CONSUMERS=required``)
a failure.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.nodetools import unavailable

from grmodel.examples import example_data_path

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(
    [*(ROOT / "docs" / "tutorials").glob("*.rst"), *(ROOT / "docs" / "howto").glob("*.rst")]
)
SETUP = re.compile(r"pip install|-m venv|^\. |-m pytest")
"""Commands that set up a machine or a session, or run the test suite."""
PLACEHOLDER = re.compile(r"<[^<>]+>")
COVERED_ELSEWHERE = {
    "pre-commit try-repo <path to a grmodel checkout> grmodel-validate --all-files": (
        "tests/cli/test_conventions.py::test_pre_commit_try_repo"
    ),
}
"""Commands with a placeholder → the test that runs them with it filled in."""


def commands(page: Path) -> list[str]:
    """The ``$ `` lines of the page's console blocks, in order."""
    out = []
    in_console = False
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith(".. code-block::"):
            in_console = line.split("::", 1)[1].strip() == "console"
        elif in_console and line.startswith("   $ "):
            out.append(line[5:].split("  #")[0].strip())
        elif line and not line.startswith(" "):
            in_console = False
    return out


def shell(command: str) -> list[str]:
    """The command line that runs ``command`` in the shell it is written for."""
    if "zsh_source" in command:  # in a zsh with completion on, as a ~/.zshrc has it
        return ["zsh", "-c", f"autoload -Uz compinit && compinit -u && {command}"]
    if "fish_source" in command:
        return ["fish", "-c", command]
    return ["bash", "-o", "pipefail", "-c", command]


def test_every_command_is_run_or_accounted_for() -> None:
    for page in PAGES:
        for command in commands(page):
            if PLACEHOLDER.search(command) and not SETUP.search(command):
                assert command in COVERED_ELSEWHERE, (page.name, command)
    for test in COVERED_ELSEWHERE.values():
        file, name = test.split("::")
        assert f"def {name}(" in (ROOT / file).read_text(encoding="utf-8"), test


@pytest.mark.slow
@pytest.mark.parametrize(
    "page", [p for p in PAGES if commands(p)], ids=lambda p: f"{p.parent.name}/{p.stem}"
)
def test_commands_run_as_pasted(page: Path, tmp_path: Path) -> None:
    shutil.copytree(example_data_path(), tmp_path / "records")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    env.pop("GRMODEL_DISABLE_PLUGIN_AUTOLOAD", None)
    ran = 0
    for command in commands(page):
        if SETUP.search(command) or command in COVERED_ELSEWHERE:
            continue
        argv = shell(command)
        words = [w for w in shlex.split(command) if not re.match(r"\w+=", w)]  # NAME=value
        for program in {argv[0], words[0]} - {"eval"}:
            if shutil.which(program, path=env["PATH"]) is None:
                unavailable(f"{page.name}: {program} is not installed ({command})")
        done = subprocess.run(
            argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300, check=False
        )
        # 1 is "findings remain" for validate: the pages show findings on purpose.
        validate = command.startswith("grmodel ") and " validate " in f" {command} "
        allowed = {0, 1} if validate else {0}
        assert done.returncode in allowed, (page.name, command, done.stdout, done.stderr)
        ran += 1
    assert ran, f"{page.name}: no console command ran"
