"""Shared test data for the OParl tests: the sample record set, schema location, helpers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from grmodel.testing import SAMPLE_MEETING as MEETING
from grmodel.testing import SAMPLE_PERSONS as PERSONS
from grmodel.testing import sample_records

__all__ = ["MEETING", "OPARL_SCHEMAS", "PERSONS", "SHARED", "sample_records"]

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
"""The shared standards (the repository root's sibling ``shared/``)."""
OPARL_SCHEMAS = SHARED / "standards" / "oparl-1.1" / "schema"


def iter_objects(obj: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every object (a mapping with a ``type``) in ``obj``, embedded and listed ones too."""
    if isinstance(obj, dict):
        if "type" in obj:
            yield path, obj
        for key, value in obj.items():
            yield from iter_objects(value, f"{path}.{key}")
    elif isinstance(obj, list):
        for n, value in enumerate(obj):
            yield from iter_objects(value, f"{path}[{n}]")


def load_dir(root: Path) -> dict[str, Any]:
    return {
        str(p.relative_to(root)): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(root.rglob("*.json"))
    }
