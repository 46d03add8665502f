"""Flattening a stream of records into rows, keeping foreign keys whole."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from grmodel.converter import GrConverter
from grmodel.exporting.tables import documents, geography, meetings, organisation, people, projects
from grmodel.exporting.tables.extra import extra_rows
from grmodel.exporting.tables.organisation import body_rows
from grmodel.exporting.tables.reference import Lookups, record_day, reference_rows
from grmodel.exporting.tables.schema import REFDATA_TABLES, REFERENCE_TABLES, TABLE_OF_TYPE, Table
from grmodel.exporting.tables.values import RowFunction, Rows
from grmodel.model import Record, iter_refs
from grmodel.refdata import ReferenceData

__all__ = ["ROWS", "flatten"]

ROWS: dict[type[Record], RowFunction] = {
    **geography.ROWS,
    **organisation.ROWS,
    **people.ROWS,
    **documents.ROWS,
    **meetings.ROWS,
    **projects.ROWS,
}
"""The row function of each core record type; other types go to ``extra_records``."""


class _Flattener:
    """Turns records into rows and keeps track of ids referred to and defined."""

    def __init__(self, converter: GrConverter, refdata: ReferenceData, tables: tuple[Table, ...]):
        self._converter = converter
        self._refdata = refdata
        self._lookups = Lookups(refdata, tables)
        self._defined: dict[str, set[str]] = {t: set() for t in REFERENCE_TABLES}
        self._referenced: dict[str, set[str]] = {t: set() for t in REFERENCE_TABLES}
        # Ids and keys of the reference-data entries the set defines itself.
        self._entries: dict[str, set[str]] = {kind: set() for kind in REFDATA_TABLES}

    def _track(self, record: Record) -> None:
        table = TABLE_OF_TYPE.get(record.TYPE)
        if table is not None:
            self._defined[table].add(record.id)
        entries = self._entries.get(record.TYPE)
        if entries is not None:
            entries.update((record.id, getattr(record, REFDATA_TABLES[record.TYPE][1])))
        for ref in iter_refs(record):
            if len(ref.types) == 1:
                target = TABLE_OF_TYPE.get(ref.types[0])
                if target is not None:
                    self._referenced[target].add(ref.id)

    def rows(self, record: Record) -> Rows:
        """The rows of one record."""
        self._track(record)
        function = ROWS.get(type(record))
        rows = function(record) if function is not None else extra_rows(record, self._converter)
        return self._filled(rows, record_day(record))

    def _filled(self, rows: Rows, at: dt.date | None) -> Rows:
        fill = self._lookups.fill
        for table, row in rows:
            yield table, fill(table, row, at)

    def _defines(self, kind: str, entry_id: str, key: str) -> bool:
        entries = self._entries[kind]
        return entry_id in entries or key in entries

    def closing_rows(self) -> Rows:
        """Rows for what the set does not define: the reference data's municipalities,
        counties, parties and bodies, then stubs for any other referenced id."""
        yield from self._filled(reference_rows(self._refdata, self._defines), None)
        for body in self._refdata.bodies.values():
            if body.id not in self._defined["bodies"]:
                self._track(body)
                yield from self._filled(body_rows(body, origin="refdata"), None)
        missing = sorted(
            (table, ref)
            for table in REFERENCE_TABLES
            for ref in self._referenced[table] - self._defined[table]
        )
        for table, ref in missing:
            yield table, {"id": ref, "origin": "stub"}


def flatten(
    records: Iterable[Record],
    *,
    converter: GrConverter,
    refdata: ReferenceData,
) -> Rows:
    """Flatten records into ``(table name, row)`` pairs, one record at a time.

    After the records come the rows that keep foreign keys whole: the reference
    data's municipalities, counties, parties and bodies that the set does not
    define itself, and ``stub`` rows for any other missing referenced id (see
    :mod:`grmodel.exporting.tables`).

    :param converter: the run's converter; it unstructures records of plugin types
        into ``extra_records``.
    :param refdata: the run's reference data (with every plugin's reference bodies).
    """
    from grmodel.exporting.tables import TABLES  # the package assembles them

    flattener = _Flattener(converter, refdata, TABLES)
    for record in records:
        yield from flattener.rows(record)
    yield from flattener.closing_rows()
