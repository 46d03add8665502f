"""Shared test data for the Popolo tests: the sample record set and the schema location."""

from __future__ import annotations

from pathlib import Path

from grmodel.testing import SAMPLE_MEETING as MEETING
from grmodel.testing import SAMPLE_PERSONS as PERSONS
from grmodel.testing import sample_records

__all__ = ["MEETING", "PERSONS", "POPOLO_SCHEMAS", "SHARED", "sample_records"]

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
"""The shared standards (the repository root's sibling ``shared/``)."""
POPOLO_SCHEMAS = SHARED / "standards" / "popolo" / "schemas"
