"""The canonical record set as JSON or YAML: what ``grmodel import`` writes and the loader reads.

Both writers stream: each record is unstructured and written on its own, so the
record set is never held in memory as one structure. The output is byte for byte
what ``json.dumps(records, ensure_ascii=False, indent=2)`` and
:func:`~grmodel.recordset.yamlio.dump_documents` would give for the whole list.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from grmodel.exporting.base import Exporter, ExportOptions
from grmodel.model import Record
from grmodel.recordset.yamlio import dump_documents

__all__ = ["EXPORTERS", "write_json", "write_yaml"]


def _unstructured(records: Iterable[Record], options: ExportOptions) -> Iterator[dict[str, Any]]:
    converter = options.require_converter()
    for record in records:
        yield converter.unstructure_record(record)


def write_json(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    """Write the records as one JSON list, one record at a time."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        first = True
        for data in _unstructured(records, options):
            text = json.dumps(data, ensure_ascii=False, indent=2)
            out.write("[\n" if first else ",\n")
            out.write("\n".join("  " + line for line in text.split("\n")))
            first = False
        out.write("[]\n" if first else "\n]\n")


def write_yaml(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    """Write the records as multi-document YAML, one document per record."""
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for data in _unstructured(records, options):
            out.write(dump_documents([data]))


EXPORTERS: list[Exporter] = [
    Exporter(
        name="json",
        summary="the canonical record set as a JSON list (what grmodel import writes)",
        write=write_json,
        suffix=".json",
    ),
    Exporter(
        name="yaml",
        summary="the canonical record set as multi-document YAML (what grmodel import writes)",
        write=write_yaml,
        suffix=".yaml",
    ),
]
"""The ``json`` and ``yaml`` exporters."""
