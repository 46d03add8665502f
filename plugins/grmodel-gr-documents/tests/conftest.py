"""Fixtures: the shared seed documents and small source documents written in tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.pipeline.importing import read_source

SEEDS = Path(__file__).resolve().parents[3].parent / "shared" / "seeds"


@pytest.fixture
def seed() -> Callable[[str], SourceDocument]:
    """Read a seed by its number ("003"); skip when the shared seeds are absent."""

    def read(number: str) -> SourceDocument:
        found = sorted(SEEDS.glob(f"{number}_*.txt")) if SEEDS.is_dir() else []
        if not found:
            pytest.skip(f"shared seed {number} not found beside the repository ({SEEDS})")
        return read_source(found[0])

    return read


@pytest.fixture
def source(tmp_path: Path) -> Callable[..., SourceDocument]:
    """Write ``text`` to a file (in ``encoding``) and read it as the core does."""

    def write(text: str, name: str = "doc.txt", encoding: str = "utf-8") -> SourceDocument:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return read_source(path)

    return write


@pytest.fixture(name="check_accounting")
def check_accounting_fixture() -> Callable[[ImportResult], None]:
    """The accounting check as a fixture."""
    return check_accounting


def check_accounting(result: ImportResult) -> None:
    """Every line is exactly one of placed, unplaced, dropped."""
    total = result.document.line_count or 0
    unplaced = {
        n for seg in result.document.unplaced for n in range(seg.span.line, seg.span.last + 1)
    }
    dropped = {
        n for seg in result.document.dropped for n in range(seg.span.line, seg.span.last + 1)
    }
    placed = set(result.placed_lines)
    assert not placed & unplaced
    assert not placed & dropped
    assert not unplaced & dropped
    assert placed | unplaced | dropped == set(range(1, total + 1))
