"""The export's duplicate-id check: exact, with a few bytes per record."""

from __future__ import annotations

import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from grmodel.errors import GrmodelError
from grmodel.exporting import unique
from grmodel.exporting.unique import IdHashes, id_hash, unique_records
from grmodel.model import Person
from grmodel.pipeline.exporting import export, iter_records
from grmodel.plugins import get_plugin_manager
from grmodel.recordset.loading import LoadedRecord, LoadProblem


def _entries(*ids: str) -> list[LoadedRecord | LoadProblem]:
    return [LoadedRecord(Person(id=i, name=i), "set.yaml", n) for n, i in enumerate(ids, 1)]


def _run(entries: list[LoadedRecord | LoadProblem]) -> tuple[list[str], list[LoadProblem]]:
    problems: list[LoadProblem] = []
    reads = iter(range(3))

    def read() -> Iterator[LoadedRecord | LoadProblem]:
        next(reads)  # the source is read at most twice
        return iter(entries)

    ids = [r.id for r in unique_records(read, problems.append)]
    return ids, problems


def test_hashes_are_a_set() -> None:
    seen = IdHashes()
    values = [id_hash(f"p{i}") for i in range(1000)]
    assert all(seen.add(v) for v in values)
    assert not any(seen.add(v) for v in values)
    assert seen.size == 1000


def test_a_match_across_two_entries_is_not_a_hit() -> None:
    seen = IdHashes()
    # one bucket (top bits 0); the bytes of a and b, side by side, hold c at offset 4
    order = sys.byteorder
    a, b = 0x0000_9ABC_0000_0000, 0x0000_1234_0000_5678
    c = int.from_bytes(a.to_bytes(8, order)[4:] + b.to_bytes(8, order)[:4], order)
    assert c >> 48 == 0
    assert seen.add(a) and seen.add(b) and seen.add(c)
    assert not seen.add(c)


def test_about_eleven_bytes_per_id() -> None:
    values = [id_hash(f"gr-styrgruppen-social-valfard-2019-11-07-p{i}-d1") for i in range(200_000)]
    tracemalloc.start()
    seen = IdHashes()
    for value in values:
        seen.add(value)
    held, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert held / len(values) < 14  # a set of the id strings holds over 100
    assert not any(seen.add(v) for v in values[::1000])  # found again after growing


def test_duplicates_found_exactly_and_left_out() -> None:
    ids, problems = _run(_entries("p1", "p2", "p1", "p3", "p2", "p1"))
    assert ids == ["p1", "p2", "p3"]
    assert [(p.line, p.record, p.code) for p in problems] == [
        (3, "p1", "LOAD008"),
        (5, "p2", "LOAD008"),
        (6, "p1", "LOAD008"),
    ]


def test_ids_that_only_share_a_hash_are_all_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(unique, "id_hash", lambda record_id: 7 if record_id != "odd" else 8)
    ids, problems = _run(_entries("a", "b", "odd", "a", "c", "b"))
    assert ids == ["a", "odd", "b", "c"]  # b and c held back, then yielded
    assert [(p.line, p.record) for p in problems] == [(4, "a"), (6, "b")]


def test_no_repeated_hash_reads_once() -> None:
    ids, problems = _run(_entries("p1", "p2"))
    assert (ids, problems) == (["p1", "p2"], [])


def test_source_changed_between_readings() -> None:
    readings = iter([_entries("p1", "p1"), _entries("p1", "p2")])
    with pytest.raises(GrmodelError, match="changed while being exported"):
        list(unique_records(lambda: iter(next(readings)), lambda _p: None))


def test_load_problems_passed_on_once() -> None:
    problem = LoadProblem("set.yaml", 9, "bad", "parse")
    ids, problems = _run([*_entries("p1", "p1"), problem])
    assert ids == ["p1"] and [p.kind for p in problems] == ["parse", "duplicate"]


PERSONS = "".join(f"- type: person\n  id: p{i % 5}\n  name: N{i}\n" for i in range(8))


def test_every_duplicate_reported_and_nothing_written(tmp_path: Path) -> None:
    source = tmp_path / "set.yaml"
    source.write_text(PERSONS, encoding="utf-8")
    pm = get_plugin_manager(load_entrypoints=False)
    problems: list[LoadProblem] = []
    assert [r.id for r in iter_records([source], pm, on_problem=problems.append)] == [
        f"p{i}" for i in range(5)
    ]
    assert [(p.line, p.record) for p in problems] == [(16, "p0"), (19, "p1"), (22, "p2")]
    for fmt in ("sqlite", "datapackage", "json"):
        out = tmp_path / f"out-{fmt}"
        with pytest.raises(GrmodelError, match="3 problem"):
            export(fmt, [source], out, pm, on_problem=lambda _p: None)
        assert not out.exists()
