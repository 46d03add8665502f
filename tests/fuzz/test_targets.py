"""The fuzz targets on their finds (each a regression input) and on their seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz import seeds, targets

FINDS = Path(__file__).with_name("finds")
"""Inputs the fuzzers found a bug with, one folder per target (minimised by hand)."""


@pytest.mark.parametrize(
    "find", sorted(FINDS.glob("*/*")), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_find_stays_fixed(find: Path) -> None:
    targets.TARGETS[find.parent.name](find.read_bytes())


def test_seeds_come_from_the_fixtures() -> None:
    records = seeds.record_seeds()
    assert {seeds.FORMATS[s[0]] for s in records} == set(seeds.FORMATS)
    assert len(seeds.document_seeds()) >= 10


@pytest.mark.parametrize("seed", seeds.record_seeds(), ids=lambda s: f"{s[:1].hex()}-{len(s)}")
def test_record_seeds_load(seed: bytes) -> None:
    targets.load(seed)


@pytest.mark.slow
@pytest.mark.parametrize("fmt", range(len(targets.EXPORTERS)), ids=targets.EXPORTERS)
def test_record_seeds_export(fmt: int) -> None:
    for seed in seeds.record_seeds():
        targets.exported(bytes([fmt]) + seed)


@pytest.mark.slow
def test_document_seeds_import() -> None:
    for seed in seeds.document_seeds():
        for kind in range(len(targets.IMPORTERS)):
            targets.document(bytes([kind]) + seed[1:])
