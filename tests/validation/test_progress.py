"""Progress moves within one large file: the engine reports records, not only files."""

from __future__ import annotations

from pathlib import Path

from grmodel.cli.validate import _ProgressBar
from grmodel.pipeline import validate
from grmodel.plugins import GrPluginManager


class Recorder:
    def __init__(self) -> None:
        self.files: list[tuple[int, int]] = []
        self.counts: list[int] = []

    def __call__(self, done: int, total: int, file: str) -> None:
        self.files.append((done, total))

    def records(self, count: int) -> None:
        self.counts.append(count)


def test_records_are_counted_in_one_large_file(tmp_path: Path, core_pm: GrPluginManager) -> None:
    lines = [f'{{"type": "person", "id": "p{n}", "name": "Person {n}"}}' for n in range(2500)]
    (tmp_path / "people.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    recorder = Recorder()
    report = validate([tmp_path], core_pm, progress=recorder)
    assert report.summary.records == 2500
    assert recorder.counts == [1000, 2000]
    assert recorder.files == [(0, 1), (1, 1)]


def test_a_plain_callback_still_works(tmp_path: Path, core_pm: GrPluginManager) -> None:
    (tmp_path / "p.yaml").write_text("type: person\nid: p\nname: P\n", encoding="utf-8")
    calls: list[int] = []
    validate([tmp_path], core_pm, progress=lambda done, total, file: calls.append(done))
    assert calls == [0, 1]


def test_the_bar_for_one_large_file_pulses_as_its_records_count() -> None:
    """One file gives no share of files to fill a bar with (it sat at 0 % for a whole
    50k-record file): the bar is indeterminate, and its description counts records."""
    bar = _ProgressBar()
    bar._started -= 5  # a run that has taken a while
    bar(0, 1, "people.jsonl")
    bar.records(3000)
    try:
        task = bar._bar.tasks[0]
        assert task.total is None
        assert "3,000 records" in task.description
    finally:
        bar.close()
    many = _ProgressBar()
    many(0, 40, "a.yaml")
    try:
        assert many._bar.tasks[0].total == 40
    finally:
        many.close()
