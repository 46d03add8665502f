"""Tables of records of types a plugin adds: the record as JSON, its references, and
the reference-data entries it names.

A plugin's record type declares its references with :func:`grmodel.model.refs.ref`
like the core's; each reference becomes a row of ``extra_record_references`` whose
``<type>_id`` column is a foreign key to the table of the referenced type (a
reference that may name several types, or any, has only ``ref_id``). A field
declared with :func:`grmodel.model.refs.refdata_ref` gives a row of
``extra_record_refdata`` per name it holds: the text in ``<kind>_as_written`` and
the key it names as of the record's date in ``municipality_code``, ``county_code``
or ``party_abbreviation`` (foreign keys to the reference tables), as for a core type.
"""

from __future__ import annotations

import json

from grmodel.converter import GrConverter
from grmodel.exporting.tables.schema import (
    ID,
    TABLE_OF_TYPE,
    Column,
    Table,
    fk,
    integer,
    kind_lookup_column,
    table,
    text,
)
from grmodel.exporting.tables.values import Rows
from grmodel.model import Record, iter_refdata_refs, iter_refs
from grmodel.model.refs import REFDATA_KINDS

__all__ = ["TABLES", "extra_rows"]


def _per_record(things: str, thing: str, example: str) -> tuple[Column, ...]:
    """The key columns of a table of what records of a plugin's type hold: the record,
    the position among its ``things`` and the field path of the ``thing``."""
    return (
        text("record_id", "Id of the record in extra_records", required=True),
        integer("ordinal", f"Position among the record's {things}, 1-based", required=True),
        text("field", f"Field path of the {thing} ({example})", required=True),
    )


def _as_written(kind: str) -> tuple[Column, Column]:
    """``<kind>_as_written`` and the key it names (``municipality_code``, …)."""
    source = text(f"{kind}_as_written", f"The {kind} as written")
    return source, kind_lookup_column(kind, source.name)


TABLES: tuple[Table, ...] = (
    table(
        "extra_records",
        "A record of a type a plugin adds, as canonical JSON",
        (
            ID,
            text("type", "The record's type tag", required=True),
            text("data", "The record as JSON (what grmodel import writes)", required=True),
        ),
        ("id",),
        indexed=("type",),
    ),
    table(
        "extra_record_references",
        "An id a record of a plugin's type refers to",
        (
            *_per_record("references", "reference", "items.0.person"),
            text("ref_id", "The id referred to", required=True),
            *(
                Column(
                    name=f"{tag}_id",
                    type="string",
                    description=f"The id, where it names a {tag}",
                    references=name,
                )
                for tag, name in TABLE_OF_TYPE.items()
            ),
        ),
        ("record_id", "ordinal"),
        foreign_keys=(fk("record_id", "extra_records"),),
    ),
    table(
        "extra_record_refdata",
        "A municipality, county or party a record of a plugin's type names",
        (
            *_per_record("names", "name", "delegates.0.party"),
            Column(
                name="kind",
                type="string",
                description="The kind of entry the field names",
                required=True,
                enum=REFDATA_KINDS,
            ),
            *(column for kind in REFDATA_KINDS for column in _as_written(kind)),
        ),
        ("record_id", "ordinal"),
        foreign_keys=(fk("record_id", "extra_records"),),
    ),
)


def extra_rows(record: Record, converter: GrConverter) -> Rows:
    """The rows of a record of a plugin's type."""
    data = converter.unstructure_record(record)
    yield (
        "extra_records",
        {
            "id": record.id,
            "type": record.TYPE,
            "data": json.dumps(data, ensure_ascii=False, sort_keys=False),
        },
    )
    for ordinal, ref in enumerate(iter_refs(record), 1):
        row = {
            "record_id": record.id,
            "ordinal": ordinal,
            "field": ".".join(str(part) for part in ref.path),
            "ref_id": ref.id,
        }
        if len(ref.types) == 1 and ref.types[0] in TABLE_OF_TYPE:
            row[f"{ref.types[0]}_id"] = ref.id
        yield "extra_record_references", row
    for ordinal, name in enumerate(iter_refdata_refs(record), 1):
        yield (
            "extra_record_refdata",
            {
                "record_id": record.id,
                "ordinal": ordinal,
                "field": ".".join(str(part) for part in name.path),
                "kind": name.kind,
                f"{name.kind}_as_written": name.text,
            },
        )
