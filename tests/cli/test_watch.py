"""``grmodel validate --watch`` validates again when a record file changes."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from grmodel.cli.watch import snapshot, watch

BROKEN = "type: person\nid: p\nname: 3\n"
GOOD = "type: person\nid: p\nname: Anna Andersson\n"


def test_snapshot_sees_edits_and_new_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    first = snapshot([str(tmp_path)])
    assert snapshot([str(tmp_path)]) == first
    (tmp_path / "a.yaml").write_text(GOOD + "note: x\n", encoding="utf-8")
    second = snapshot([str(tmp_path)])
    assert second != first
    (tmp_path / "b.yaml").write_text(GOOD, encoding="utf-8")
    third = snapshot([str(tmp_path)])
    assert set(third) > set(second)
    (tmp_path / "protokoll.txt").write_text("Protokoll\n", encoding="utf-8")  # a document
    assert set(snapshot([str(tmp_path)])) > set(third)


def _replace(file: Path, text: str) -> None:
    """Write ``text`` to ``file`` at once (a watcher never sees it half-written)."""
    temp = file.with_name(f".{file.name}.tmp")  # hidden: not part of the record set
    temp.write_text(text, encoding="utf-8")
    temp.replace(file)


def test_watch_runs_again_after_a_change(tmp_path: Path) -> None:
    file = tmp_path / "a.yaml"
    file.write_text(GOOD, encoding="utf-8")
    runs: list[str] = []

    def run() -> int:
        runs.append(file.read_text(encoding="utf-8"))
        if len(runs) == 1:
            threading.Timer(0.2, _replace, (file, BROKEN)).start()
        return 0

    watch(run, [str(tmp_path)], interval=0.02, max_runs=2)
    assert runs == [GOOD, BROKEN]


@pytest.mark.slow
def test_cli_watch(tmp_path: Path) -> None:
    file = tmp_path / "p.yaml"
    file.write_text(GOOD, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "grmodel", "validate", "--watch", "--no-config", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None and process.stdout is not None
        assert "exit 0; watching" in process.stderr.readline()
        time.sleep(0.1)
        file.write_text(BROKEN, encoding="utf-8")
        assert "exit 1; watching" in process.stderr.readline()
    finally:
        process.terminate()
        out, _ = process.communicate(timeout=30)
    assert "LOAD002" in out
