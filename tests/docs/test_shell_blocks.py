"""Every command of the tutorials and how-tos runs as pasted.

Each page's shell blocks (``console`` with ``$`` prompts, ``shell``, ``sh``, ``bash``)
run in order in a fresh directory that holds a copy of the example data as
``records/`` (the record set the pages talk about), each command in the shell it is
written for: bash, or zsh and fish for their completion lines; then the page's
``sql`` blocks run on every SQLite database its commands wrote, each finding rows.
Commands that set up a machine or a session (``pip install``, a venv, ``. activate``)
or run the test suite itself are left out; a command with a placeholder (``<…>``) or
one that runs for an hour must name the test or CI step that runs it. A command
whose program is not installed is skipped — in CI (``GRMODEL_TEST_CONSUMERS=required``)
a failure.
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
    "python3 -m tests.fuzz.run load .fuzz/load-crash-<sha1>": (
        "tests/fuzz/test_targets.py::test_find_stays_fixed"
    ),
}
"""Commands with a placeholder → the test that runs them with it filled in."""
LONG_RUNNING = {
    "python3 -m tests.fuzz.run load -max_total_time=3600": "tests.fuzz.run",
    "python3 -m tests.fuzz.run document -max_total_time=3600 -jobs=2 -workers=2": (
        "tests.fuzz.run"
    ),
    "FUZZ_SECONDS=300 .ci/run": "FUZZ_SECONDS",
}
"""Commands that run for an hour (the fuzzers, CI itself) → what ``.ci/run`` holds that
runs the same command with a bounded time."""
SHELL_BLOCKS = {"console", "shell", "sh", "bash"}


def _blocks(page: Path) -> list[tuple[str, list[str]]]:
    """Each code block of the page: its language and its lines (indent removed)."""
    out: list[tuple[str, list[str]]] = []
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith(".. code-block::"):
            out.append((line.split("::", 1)[1].strip(), []))
        elif out and (not line or line.startswith(" ")):
            out[-1][1].append(line[3:])
        elif line:
            out.append(("", []))  # prose: the block ended
    return out


def commands(page: Path) -> list[str]:
    """The commands of the page's shell blocks, in order: ``$ `` lines of a console
    block, every line of a shell block."""
    out = []
    for language, lines in _blocks(page):
        if language not in SHELL_BLOCKS:
            continue
        for line in lines:
            if language == "console" and not line.startswith("$ "):
                continue  # output
            command = line.removeprefix("$ ").split("  #")[0].strip()
            if command:
                out.append(command)
    return out


def _skipped(command: str) -> bool:
    return bool(SETUP.search(command)) or command in COVERED_ELSEWHERE or command in LONG_RUNNING


def queries(page: Path) -> list[str]:
    """The page's ``sql`` blocks."""
    return ["\n".join(lines).strip() for language, lines in _blocks(page) if language == "sql"]


def shell(command: str) -> list[str]:
    """The command line that runs ``command`` in the shell it is written for."""
    if "zsh_source" in command:  # in a zsh with completion on, as a ~/.zshrc has it
        return ["zsh", "-c", f"autoload -Uz compinit && compinit -u && {command}"]
    if "fish_source" in command:
        return ["fish", "-c", command]
    return ["bash", "-o", "pipefail", "-c", command]


def test_every_command_is_run_or_accounted_for() -> None:
    seen = set()
    for page in PAGES:
        for command in commands(page):
            seen.add(command)
            if PLACEHOLDER.search(command) and not SETUP.search(command):
                assert command in COVERED_ELSEWHERE, (page.name, command)
    assert {*COVERED_ELSEWHERE, *LONG_RUNNING} <= seen  # none left over from an old page
    for test in COVERED_ELSEWHERE.values():
        file, name = test.split("::")
        assert f"def {name}(" in (ROOT / file).read_text(encoding="utf-8"), test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for step in LONG_RUNNING.values():
        assert step in ci, step


def test_shell_blocks_of_every_kind_are_read(tmp_path: Path) -> None:
    page = tmp_path / "page.rst"
    page.write_text(
        ".. code-block:: console\n\n   $ grmodel rules  # the catalogue\n   output\n\n"
        "Prose.\n\n.. code-block:: shell\n\n   grmodel count --examples\n\n"
        ".. code-block:: yaml\n\n   type: person\n\n"
        ".. code-block:: sql\n\n   SELECT 1\n   FROM t;\n",
        encoding="utf-8",
    )
    assert commands(page) == ["grmodel rules", "grmodel count --examples"]
    assert queries(page) == ["SELECT 1\nFROM t;"]


@pytest.mark.slow
@pytest.mark.parametrize(
    "page",
    [p for p in PAGES if not all(map(_skipped, commands(p)))],
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_commands_run_as_pasted(page: Path, tmp_path: Path) -> None:
    shutil.copytree(example_data_path(), tmp_path / "records")
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    env.pop("GRMODEL_DISABLE_PLUGIN_AUTOLOAD", None)
    ran = 0
    for command in commands(page):
        if _skipped(command):
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
    databases = sorted(tmp_path.glob("*.sqlite"))
    assert databases or not queries(page), f"{page.name}: SQL but no database to run it on"
    for database in databases:
        with sqlite3.connect(database) as db:
            for query in queries(page):
                assert db.execute(query).fetchall(), (page.name, database.name, query)
