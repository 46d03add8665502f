"""npm packages for slow interoperability tests (SARIF Multitool, ical.js).

They are installed once into a cache directory (``$GRMODEL_TEST_NODE_DIR``, else
``~/.cache/grmodel-tests/node``) with the ordinary ``npm install``; when node,
npm or the registry is unavailable the calling test is skipped, never failed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

__all__ = ["node_modules", "npm_package"]


def node_modules() -> Path:
    """The cache directory's ``node_modules``."""
    default = Path.home() / ".cache" / "grmodel-tests" / "node"
    return Path(os.environ.get("GRMODEL_TEST_NODE_DIR", default)) / "node_modules"


def npm_package(name: str) -> Path:
    """The installed package directory of ``name``; installs it when missing.

    Skips the test when npm is missing or the install fails (offline).
    """
    modules = node_modules()
    target = modules / name
    if (target / "package.json").is_file():
        return target
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        pytest.skip("node/npm not available")
    modules.parent.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(
            [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix",
             str(modules.parent), name],
            capture_output=True, text=True, timeout=600, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        pytest.skip(f"npm install {name}: timed out")
    if done.returncode != 0 or not (target / "package.json").is_file():
        pytest.skip(f"npm install {name} failed: {done.stderr.strip().splitlines()[-1:]}")
    return target
