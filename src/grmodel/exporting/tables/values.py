"""Turning model values into row values: the helpers the family modules' row functions
share."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from grmodel.exporting.tables.schema import Row
from grmodel.model import Money, PartialDate, Period, Record, Span

__all__ = [
    "RowFunction",
    "Rows",
    "common",
    "date_values",
    "list_rows",
    "money_values",
    "period_values",
    "span_values",
    "validity_values",
    "value",
]

Rows = Iterator[tuple[str, Row]]
"""``(table name, row)`` pairs."""

RowFunction = Callable[[Any], Rows]
"""The rows of one record of a type."""


def value(v: Any) -> Any:
    """An enumeration's value; anything else as it is."""
    return v.value if isinstance(v, enum.Enum) else v


def date_values(name: str, date: PartialDate | None) -> Row:
    """A partial date with its first and last day (see :func:`~.schema.date_columns`)."""
    if date is None:
        return {}
    return {
        name: str(date),
        f"{name}_first_day": date.earliest(),
        f"{name}_last_day": date.latest(),
    }


def _bounds(start: str, end: str, period: Period | None) -> Row:
    return {
        start: str(period.start) if period and period.start else None,
        end: str(period.end) if period and period.end else None,
    }


def period_values(name: str, period: Period | None) -> Row:
    """A period's start and end."""
    return _bounds(f"{name}_start", f"{name}_end", period)


def validity_values(period: Period | None) -> Row:
    """A reference-data entry's ``valid_from`` and ``valid_to`` (also the keys of
    ``grmodel refdata … --format json``)."""
    return _bounds("valid_from", "valid_to", period)


def span_values(span: Span | None, prefix: str = "source") -> Row:
    """A line span."""
    if span is None:
        return {}
    return {f"{prefix}_line": span.line, f"{prefix}_end_line": span.end_line}


def money_values(name: str, money: Money | None) -> Row:
    """An amount of money."""
    if money is None:
        return {}
    return {name: money.amount, f"{name}_max": money.max_amount, f"{name}_stated": money.stated}


def common(record: Record) -> Row:
    """The columns every record table has: id, note and provenance."""
    row: Row = {"id": record.id, "note": record.note}
    if record.provenance is not None:
        p = record.provenance
        row.update(
            provenance_source=p.source,
            provenance_line=p.line,
            provenance_end_line=p.end_line,
            provenance_document=p.document,
        )
    return row


def list_rows(
    table: str, parent_column: str, parent_id: str, column: str, values: Iterable[Any]
) -> Rows:
    """The rows of a list table of plain values."""
    for ordinal, item in enumerate(values, 1):
        yield table, {parent_column: parent_id, "ordinal": ordinal, column: value(item)}
