"""The JSON Schemas of the record types, as a directory (``grmodel export --to schema``).

The schemas are those of :func:`grmodel.schema.generate_schemas` for the run's
converter, so record types that plugins add are included. The records given are
not read.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from grmodel.exporting.base import Exporter, ExportOptions
from grmodel.model import Record

__all__ = ["EXPORTERS", "write_schema"]


def write_schema(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    """Write one JSON Schema file per record type (and ``record.json``) into ``path``."""
    from grmodel.schema import generate_schemas, write_schemas

    write_schemas(generate_schemas(options.require_converter()), path)


EXPORTERS: list[Exporter] = [
    Exporter(
        name="schema",
        summary="JSON Schemas of the record types (a directory)",
        write=write_schema,
        directory=True,
    )
]
"""The ``schema`` exporter."""
