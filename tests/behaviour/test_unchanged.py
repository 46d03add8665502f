"""Findings, lines and exports are what they were before the core was restructured."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.behaviour.capture import EXPECTED, PARTS, SEEDS, capture


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXPECTED.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("part", sorted(PARTS))
def test_part_unchanged(part: str, expected: dict[str, Any]) -> None:
    if part == "seed_findings" and not SEEDS.is_dir():
        pytest.skip("the shared seed documents are absent")
    assert capture(part) == expected[part]
