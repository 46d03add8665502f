"""Reference data in the tables: its rows, and the keys of entries named as written.

Every municipality, county and party of the run's reference data is a row of its
table (``origin`` ``refdata``) unless the record set defines the entry itself, so
the code columns always have a row to point to. A column declared with
:func:`~grmodel.exporting.tables.schema.lookup_column` is filled in here: the text
as written (``Göteborg``, ``1480``, ``kommun-1480``; ``(m)``, ``fp``) is resolved
against the reference data as of the record's date — a meeting's date, else the
start of the record's period — so ``Heby`` in 2005 is 1917 and in 2010 0331.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from grmodel.exporting.tables.geography import county_rows, municipality_rows
from grmodel.exporting.tables.organisation import party_rows
from grmodel.exporting.tables.schema import Row, Table
from grmodel.exporting.tables.values import Rows
from grmodel.model import Period, Record, refdata_date
from grmodel.refdata import ReferenceData

__all__ = ["Lookups", "record_day", "reference_rows"]


def record_day(record: Record) -> dt.date | None:
    """The day a record's reference-data names are read at: the first day of its
    :func:`~grmodel.model.refs.refdata_date`, else ``None`` (the entries valid today
    first)."""
    date = refdata_date(record)
    return date.earliest() if date is not None else None


def _outside(valid: Period | None, at: dt.date | None) -> bool:
    return valid is not None and at is not None and not valid.contains(at)


class Lookups:
    """Fills the lookup columns of rows: the key of the entry each one's text names."""

    def __init__(self, refdata: ReferenceData, tables: tuple[Table, ...]):
        self._resolvers: dict[str, Callable[[str, dt.date | None], str | None]] = {
            "municipality": self._municipality,
            "county": self._county,
            "party": self._party,
        }
        self._refdata = refdata
        self._columns: dict[str, tuple[tuple[str, str, str], ...]] = {}
        for table in tables:
            found = tuple((c.name, *c.lookup) for c in table.columns if c.lookup is not None)
            if found:
                self._columns[table.name] = found

    # The reference data memoises its answers by (text, day): ask by text alone, and by
    # day only where the entry found was not valid then (Heby, FP), so that the memo
    # stays as small as the set of names written.

    def _municipality(self, text: str, at: dt.date | None) -> str | None:
        key = text.strip().removeprefix("kommun-")
        found = self._refdata.municipality(key)
        if found is not None and _outside(found.valid, at):
            found = self._refdata.municipality(key, at)
        return found.code if found is not None else None

    def _county(self, text: str, at: dt.date | None) -> str | None:
        found = self._refdata.county(text.strip())
        return found.code if found is not None else None

    def _party(self, text: str, at: dt.date | None) -> str | None:
        found = self._refdata.party(text)
        if found is not None and _outside(found.valid, at):
            found = self._refdata.party(text, at)
        return found.abbreviation if found is not None else None

    def fill(self, table: str, row: Row, at: dt.date | None) -> Row:
        """``row`` with its lookup columns filled in (where its table has any)."""
        for column, kind, source in self._columns.get(table, ()):
            text = row.get(source)
            if text:
                row[column] = self._resolvers[kind](text, at)
        return row


def reference_rows(refdata: ReferenceData, defined: Callable[[str, str, str], bool]) -> Rows:
    """The rows of every county, municipality and party of ``refdata`` for which
    ``defined(kind, id, key)`` is false (the set does not define it)."""
    for c in refdata.counties.values():
        if not defined("county", c.id, c.code):
            yield from county_rows(c, origin="refdata")
    for m in refdata.all_municipalities:
        if not defined("municipality", m.id, m.code):
            yield from municipality_rows(m, origin="refdata")
    for p in refdata.parties:
        if not defined("party", p.id, p.abbreviation):
            yield from party_rows(p, origin="refdata")
