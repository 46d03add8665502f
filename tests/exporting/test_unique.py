"""The export's duplicate-id check: one reading, a few bytes per record."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from grmodel.errors import GrmodelError
from grmodel.exporting.unique import DIGEST_SIZE, IdDigests, id_digest, unique_records
from grmodel.model import Person
from grmodel.pipeline.exporting import export, iter_records
from grmodel.plugins import get_plugin_manager
from grmodel.recordset.loading import LoadedRecord, LoadProblem


def _entries(*ids: str) -> list[LoadedRecord | LoadProblem]:
    return [LoadedRecord(Person(id=i, name=i), "set.yaml", n) for n, i in enumerate(ids, 1)]


def _run(entries: list[LoadedRecord | LoadProblem]) -> tuple[list[str], list[LoadProblem]]:
    problems: list[LoadProblem] = []
    ids = [r.id for r in unique_records(iter(entries), problems.append)]
    return ids, problems


def test_digests_are_a_set() -> None:
    seen = IdDigests()
    values = [id_digest(f"p{i}") for i in range(1000)]
    assert all(len(v) == DIGEST_SIZE for v in values)
    assert all(seen.add(v) for v in values)
    assert not any(seen.add(v) for v in values)
    assert seen.size == 1000


def test_ids_that_differ_only_by_surrogates_or_case_differ() -> None:
    ids = ["a\udc80", "a\udc81", "a\U0001f600", "a\ud83d\ude00", "A", "a", "a "]
    assert len({id_digest(i) for i in ids}) == len(ids)


def test_a_match_across_two_entries_is_not_a_hit() -> None:
    seen = IdDigests()
    # bytes below 16: one bucket (top bits 0) in either byte order
    a, b = bytes(range(16)), bytes(reversed(range(16)))
    c = a[8:] + b[:8]  # the bytes of a and b, side by side, hold c at offset 8
    assert seen.add(a) and seen.add(b)
    assert seen.add(c)
    assert not seen.add(c)


def test_about_eighteen_bytes_per_id() -> None:
    ids = (f"gr-styrgruppen-social-valfard-2019-11-07-p{i}-d1" for i in range(200_000))
    values = [id_digest(i) for i in ids]
    tracemalloc.start()
    seen = IdDigests()
    for value in values:
        seen.add(value)
    held, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert held / len(values) < 24  # a set of the id strings holds over 100
    assert not any(seen.add(v) for v in values[::1000])  # found again after growing


def test_duplicates_found_in_one_reading_and_left_out() -> None:
    ids, problems = _run(_entries("p1", "p2", "p1", "p3", "p2", "p1"))
    assert ids == ["p1", "p2", "p3"]
    assert [(p.line, p.record, p.code) for p in problems] == [
        (3, "p1", "LOAD008"),
        (5, "p2", "LOAD008"),
        (6, "p1", "LOAD008"),
    ]


def test_problems_passed_on_in_stream_order() -> None:
    problem = LoadProblem("set.yaml", 9, "bad", "parse")
    ids, problems = _run([*_entries("p1", "p1"), problem])
    assert ids == ["p1"] and [p.kind for p in problems] == ["duplicate", "parse"]


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
