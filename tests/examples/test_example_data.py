"""The bundled example data set loads cleanly and says what the sources say."""

from __future__ import annotations

from collections import Counter

import pytest

from grmodel.examples import example_data_path
from grmodel.model import Record
from grmodel.plugins import get_plugin_manager
from grmodel.recordset.loading import LoadedRecord, LoadProblem, load_records


@pytest.fixture(scope="module")
def loaded() -> tuple[list[LoadedRecord], list[LoadProblem]]:
    ok: list[LoadedRecord] = []
    bad: list[LoadProblem] = []
    for entry in load_records([example_data_path()], get_plugin_manager().converter):
        (ok if isinstance(entry, LoadedRecord) else bad).append(entry)
    return ok, bad


@pytest.fixture(scope="module")
def records(loaded: tuple[list[LoadedRecord], list[LoadProblem]]) -> dict[str, Record]:
    by_id: dict[str, Record] = {}
    for entry in loaded[0]:
        assert entry.record.id not in by_id, f"duplicate id {entry.record.id}"
        by_id[entry.record.id] = entry.record
    return by_id


def test_no_load_problems(loaded: tuple[list[LoadedRecord], list[LoadProblem]]) -> None:
    assert loaded[1] == []


def test_record_types(loaded: tuple[list[LoadedRecord], list[LoadProblem]]) -> None:
    counts = Counter(entry.record.TYPE for entry in loaded[0])
    assert counts["membership"] == 15
