"""JSON Schema generation (Draft 2020-12) from the model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from grmodel.converter import GrConverter
from grmodel.io import atomic_write_text

__all__ = ["generate_schemas", "schema_files_stale", "write_schemas"]


def generate_schemas(converter: GrConverter) -> dict[str, dict[str, Any]]:
    """One schema per record type (``<type>.json``) plus ``record.json``, by file name."""
    raise NotImplementedError("schema generation is being written")


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def write_schemas(schemas: dict[str, dict[str, Any]], outdir: Path) -> None:
    """Write the schemas to ``outdir`` (each file atomically; generated files are replaced)."""
    outdir.mkdir(parents=True, exist_ok=True)
    for name, schema in schemas.items():
        atomic_write_text(outdir / name, _dump(schema), force=True)


def schema_files_stale(schemas: dict[str, dict[str, Any]], outdir: Path) -> list[str]:
    """Names of schema files in ``outdir`` that are missing or differ from ``schemas``."""
    stale = []
    for name, schema in schemas.items():
        path = outdir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != _dump(schema):
            stale.append(name)
    return stale
