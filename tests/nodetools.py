"""Consumer tools for slow interoperability tests: npm packages (SARIF Multitool,
ical.js), and what to do when one cannot be had.

Each npm package is installed once, with the ordinary ``npm install``, into a prefix
of its own under a cache directory (``$GRMODEL_TEST_NODE_DIR``, else
``~/.cache/grmodel-tests/node``): npm prunes whatever a prefix's lock file does not
name, so two packages in one prefix would uninstall each other. A file lock keeps
parallel test workers from installing into one prefix at once.

When node, npm or the registry is unavailable the calling test is skipped — unless
``GRMODEL_TEST_CONSUMERS=required`` (CI sets it), when it fails: there a consumer
check that did not run is a failure, never a quiet pass.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import NoReturn

import pytest

__all__ = ["CONSUMERS_ENV", "npm_bin", "npm_package", "unavailable"]

CONSUMERS_ENV = "GRMODEL_TEST_CONSUMERS"
"""Set to ``required`` to fail, not skip, a test whose consumer tool is missing."""


def unavailable(reason: str) -> NoReturn:
    """Skip the test for a missing consumer tool, or fail it where they are required."""
    if os.environ.get(CONSUMERS_ENV) == "required":
        pytest.fail(f"{reason} ({CONSUMERS_ENV}=required)")
    pytest.skip(reason)


def _prefix(name: str) -> Path:
    default = Path.home() / ".cache" / "grmodel-tests" / "node"
    directory = re.sub(r"\W+", "-", name).strip("-")  # @microsoft/x: microsoft-x
    return Path(os.environ.get("GRMODEL_TEST_NODE_DIR", default)) / directory


def npm_package(name: str) -> Path:
    """The installed package directory of ``name``; installs it when missing.

    Calls :func:`unavailable` when node or npm is missing or the install fails.
    """
    prefix = _prefix(name)
    target = prefix / "node_modules" / name
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        unavailable("node/npm not available")
    prefix.mkdir(parents=True, exist_ok=True)
    with (prefix / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (target / "package.json").is_file():
            return target
        try:
            done = subprocess.run(
                [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
                 str(prefix), name],
                capture_output=True, text=True, timeout=600, check=False,
            )  # fmt: skip
        except subprocess.TimeoutExpired:
            unavailable(f"npm install {name}: timed out")
    if done.returncode != 0 or not (target / "package.json").is_file():
        unavailable(f"npm install {name} failed: {done.stderr.strip().splitlines()[-1:]}")
    return target


def npm_bin(name: str, command: str) -> Path:
    """The executable ``command`` of npm package ``name`` (installed when missing)."""
    npm_package(name)
    tool = _prefix(name) / "node_modules" / ".bin" / command
    if not tool.exists():
        unavailable(f"{name} installed no {command}")
    return tool
