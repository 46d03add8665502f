"""Tables of counties and municipalities."""

from __future__ import annotations

from grmodel.exporting.tables.schema import Table, period_columns, record_table, text
from grmodel.exporting.tables.values import RowFunction, Rows, common, period_values
from grmodel.model import County, Municipality, Record

__all__ = ["ROWS", "TABLES"]

TABLES: tuple[Table, ...] = (
    record_table(
        "counties",
        "A county (län)",
        (
            text("code", "Two-digit SCB county code", required=True),
            text("name", "Official name", required=True),
            *period_columns("valid", "When the county existed with this code"),
        ),
    ),
    record_table(
        "municipalities",
        "A municipality (kommun)",
        (
            text("code", "Four-digit SCB kommunkod", required=True),
            text("name", "Official short name", required=True),
            text("county", "Two-digit code of the county", required=True),
            *period_columns("valid", "When the municipality existed under this code"),
            text("organisationsnummer", "Organisation number as written"),
        ),
    ),
)


def county_rows(c: County) -> Rows:
    """The row of a county."""
    yield (
        "counties",
        {**common(c), "code": c.code, "name": c.name, **period_values("valid", c.valid)},
    )


def municipality_rows(m: Municipality) -> Rows:
    """The row of a municipality."""
    yield (
        "municipalities",
        {
            **common(m),
            "code": m.code,
            "name": m.name,
            "county": m.county,
            **period_values("valid", m.valid),
            "organisationsnummer": m.organisationsnummer.value if m.organisationsnummer else None,
        },
    )


ROWS: dict[type[Record], RowFunction] = {County: county_rows, Municipality: municipality_rows}
