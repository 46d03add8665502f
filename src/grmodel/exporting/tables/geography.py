"""Tables of counties and municipalities: every entry of the reference data, and the
set's own records of the two types."""

from __future__ import annotations

from grmodel.exporting.tables.schema import (
    Column,
    Table,
    code_column,
    record_table,
    text,
    validity_columns,
)
from grmodel.exporting.tables.values import RowFunction, Rows, common, validity_values
from grmodel.model import County, Municipality, Record

__all__ = ["ROWS", "TABLES", "county_rows", "municipality_rows"]


def _code(description: str) -> Column:
    return Column(name="code", type="string", description=description, required=True, unique=True)


TABLES: tuple[Table, ...] = (
    record_table(
        "counties",
        "A county (län)",
        (
            _code("Two-digit SCB county code"),
            text("name", "Official name", required=True),
            *validity_columns(),
        ),
        origin=True,
    ),
    record_table(
        "municipalities",
        "A municipality (kommun)",
        (
            _code("Four-digit SCB kommunkod"),
            text("name", "Official short name", required=True),
            code_column(
                "county_code", Municipality, "county", "Two-digit code of the county", required=True
            ),
            *validity_columns(),
            text("organisationsnummer", "Organisation number as written"),
        ),
        origin=True,
    ),
)


def county_rows(c: County, origin: str = "record") -> Rows:
    """The row of a county."""
    yield (
        "counties",
        {
            **common(c),
            "code": c.code,
            "name": c.name,
            **validity_values(c.valid),
            "origin": origin,
        },
    )


def municipality_rows(m: Municipality, origin: str = "record") -> Rows:
    """The row of a municipality."""
    yield (
        "municipalities",
        {
            **common(m),
            "code": m.code,
            "name": m.name,
            "county_code": m.county,
            **validity_values(m.valid),
            "organisationsnummer": m.organisationsnummer.value if m.organisationsnummer else None,
            "origin": origin,
        },
    )


ROWS: dict[type[Record], RowFunction] = {County: county_rows, Municipality: municipality_rows}
