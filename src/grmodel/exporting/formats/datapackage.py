"""A Frictionless Data Package: one CSV per table plus ``datapackage.json``.

The tables are those of :mod:`grmodel.exporting.tables`; the descriptor is a
Tabular Data Package (v1, which v2 readers accept) whose Table Schemas declare
each column's type and constraints, the primary key and the foreign keys, so
``frictionless validate datapackage.json`` checks the whole export.

CSV: UTF-8, comma-separated, a header row, ``\\n`` line ends; an empty cell is a
missing value; booleans are ``true``/``false``, dates ``YYYY-MM-DD`` and times
``HH:MM:SS``. Rows are written as records are read, one open file per table.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from grmodel.errors import GrmodelError
from grmodel.exporting.base import Exporter, ExportOptions
from grmodel.exporting.tables import TABLES, Column, Table, flatten
from grmodel.model import Record

__all__ = ["EXPORTERS", "descriptor", "write_datapackage"]

DESCRIPTOR_NAME = "datapackage.json"
"""File name of the descriptor inside the package directory."""


def _field(column: Column) -> dict[str, Any]:
    field: dict[str, Any] = {"name": column.name, "type": column.type}
    if column.description:
        field["description"] = column.description
    constraints: dict[str, Any] = {}
    if column.required:
        constraints["required"] = True
    if column.unique:
        constraints["unique"] = True
    if column.enum:
        constraints["enum"] = list(column.enum)
    if column.pattern:
        constraints["pattern"] = column.pattern
    if constraints:
        field["constraints"] = constraints
    return field


def _schema(table: Table) -> dict[str, Any]:
    return {
        "fields": [_field(c) for c in table.columns],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
        "foreignKeys": [
            {
                "fields": list(fk.columns),
                "reference": {
                    # v1: an empty resource name refers to the resource itself.
                    "resource": "" if fk.table == table.name else fk.table,
                    "fields": list(fk.ref_columns),
                },
            }
            for fk in table.foreign_keys
        ],
    }


def descriptor(name: str = "grmodel-export") -> dict[str, Any]:
    """The ``datapackage.json`` descriptor of an export."""
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": "grmodel record set",
        "description": (
            "Records of inter-municipal cooperation exported by grmodel: one table per "
            "record type and per nested list, and the reference data (municipalities, "
            "counties, parties, bodies), with primary and foreign keys."
        ),
        "resources": [
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "header": True},
                "schema": _schema(table),
            }
            for table in TABLES
        ],
    }


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet run a cell as a formula."""


def escape_formula(text: str) -> str:
    """``'`` before a text that a spreadsheet would run as a formula (and before one
    that starts with ``'`` already, so that dropping one ``'`` always reads it back)."""
    return "'" + text if text.startswith((*FORMULA_PREFIXES, "'")) else text


def _csv_value(value: object, escape: bool = True) -> object:
    if isinstance(value, str):
        return escape_formula(value) if escape else value
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def write_datapackage(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    """Write the package into the (empty, temporary) directory ``path``.

    Text cells that a spreadsheet would run as formulas are escaped with a leading
    ``'`` unless ``-O formulas=keep`` (see :func:`escape_formula`).
    """
    mode = options.extra.get("formulas", "escape")
    if mode not in ("escape", "keep"):
        raise GrmodelError(f"-O formulas takes escape or keep, not {mode!r}")
    escape = mode == "escape"
    path.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        writers = {}
        for table in TABLES:
            handle = stack.enter_context(
                (path / f"{table.name}.csv").open("w", encoding="utf-8", newline="")
            )
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(table.column_names)
            writers[table.name] = writer
        columns = {t.name: t.column_names for t in TABLES}
        for name, row in flatten(
            records,
            converter=options.require_converter(),
            refdata=options.require_refdata(),
        ):
            writers[name].writerow([_csv_value(row.get(c), escape) for c in columns[name]])
    text = json.dumps(descriptor(), ensure_ascii=False, indent=2)
    (path / DESCRIPTOR_NAME).write_text(text + "\n", encoding="utf-8")


EXPORTERS: list[Exporter] = [
    Exporter(
        name="datapackage",
        summary="a Frictionless Data Package: one CSV per table and datapackage.json",
        write=write_datapackage,
        directory=True,
        options={
            "formulas": "escape (default) or keep text cells a spreadsheet would run as formulas"
        },
    )
]
"""The ``datapackage`` exporter."""
