"""SIGKILL a real export at random moments: the target is the old or the complete new
output, and the next run removes every temporary file the killed one left."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grmodel.examples import example_data_path

ENV = {**os.environ, "GRMODEL_DISABLE_PLUGIN_AUTOLOAD": "1"}


def _export(fmt: str, source: Path, target: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "grmodel", "export", "--to", fmt, "--force", "-o", target, source],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )


def _digest(path: Path) -> str:
    """A digest of a file, or of a directory tree's names and contents."""
    h = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        h.update(str(file.relative_to(path) if path.is_dir() else "").encode())
        h.update(file.read_bytes())
    return h.hexdigest()


def _ours(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if ".grmodel-" in p.name)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("fmt", "name", "attempts"), [("datapackage", "pkg", 5), ("json", "all.json", 3)]
)
def test_sigkill_leaves_old_or_new_and_the_next_run_cleans(
    tmp_path: Path, fmt: str, name: str, attempts: int
) -> None:
    small = tmp_path / "small"
    small.mkdir()
    (small / "p.yaml").write_text("type: person\nid: p1\nname: Anna\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    target = out / name
    # Reference outputs, written whole, to compare what a killed run leaves with.
    for source, ref in (
        (small, tmp_path / f"old-{name}"),
        (example_data_path(), tmp_path / f"new-{name}"),
    ):
        assert _export(fmt, source, ref).wait(timeout=120) == 0
    old, new = _digest(tmp_path / f"old-{name}"), _digest(tmp_path / f"new-{name}")
    assert old != new
    start = time.monotonic()
    assert _export(fmt, example_data_path(), target).wait(timeout=120) == 0
    duration = time.monotonic() - start
    rng = random.Random(12)
    for _attempt in range(attempts):
        assert _export(fmt, small, target).wait(timeout=120) == 0  # the "old" output
        child = _export(fmt, example_data_path(), target)
        time.sleep(rng.uniform(0.05, duration * 1.1))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        state = _digest(target) if target.exists() else "missing"
        assert state in (old, new), f"target is neither old nor new after a kill ({state})"
        leftovers = _ours(out)
        assert all(n.startswith(f".{name}.grmodel-") for n in leftovers), leftovers
    # The next run to the target recognises what killed runs left, and removes it.
    assert _export(fmt, example_data_path(), target).wait(timeout=120) == 0
    assert _ours(out) == []
    assert _digest(target) == new
