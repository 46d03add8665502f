"""Flattening a stream of records into rows, keeping foreign keys whole."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from grmodel.converter import GrConverter
from grmodel.exporting.tables import documents, geography, meetings, organisation, people, projects
from grmodel.exporting.tables.extra import extra_rows
from grmodel.exporting.tables.organisation import body_rows
from grmodel.exporting.tables.schema import REFERENCE_TABLES, TABLE_OF_TYPE
from grmodel.exporting.tables.values import RowFunction, Rows
from grmodel.model import Body, Record, iter_refs

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

    def __init__(self, converter: GrConverter, reference_bodies: Mapping[str, Body]):
        self._converter = converter
        self._reference_bodies = reference_bodies
        self._defined: dict[str, set[str]] = {t: set() for t in REFERENCE_TABLES}
        self._referenced: dict[str, set[str]] = {t: set() for t in REFERENCE_TABLES}

    def _track(self, record: Record) -> None:
        table = TABLE_OF_TYPE.get(record.TYPE)
        if table is not None:
            self._defined[table].add(record.id)
        for ref in iter_refs(record):
            if len(ref.types) == 1:
                target = TABLE_OF_TYPE.get(ref.types[0])
                if target is not None:
                    self._referenced[target].add(ref.id)

    def rows(self, record: Record) -> Rows:
        """The rows of one record."""
        self._track(record)
        function = ROWS.get(type(record))
        if function is None:
            return extra_rows(record, self._converter)
        return function(record)

    def closing_rows(self) -> Rows:
        """Rows for referenced records the set lacks: reference bodies, then stubs."""
        while True:
            missing = sorted(
                (table, ref)
                for table in REFERENCE_TABLES
                for ref in self._referenced[table] - self._defined[table]
            )
            if not missing:
                return
            for table, ref in missing:
                if ref in self._defined[table]:
                    continue
                body = self._reference_bodies.get(ref) if table == "bodies" else None
                if body is not None:
                    self._track(body)
                    yield from body_rows(body, origin="refdata")
                else:
                    self._defined[table].add(ref)
                    yield table, {"id": ref, "origin": "stub"}


def flatten(
    records: Iterable[Record],
    *,
    converter: GrConverter,
    reference_bodies: Mapping[str, Body],
) -> Rows:
    """Flatten records into ``(table name, row)`` pairs, one record at a time.

    After the records come the rows that keep foreign keys whole: reference
    bodies the set refers to but does not define, and ``stub`` rows for any other
    missing referenced id (see :mod:`grmodel.exporting.tables`).

    :param converter: the run's converter; it unstructures records of plugin types
        into ``extra_records``.
    :param reference_bodies: the run's reference bodies by id (GR's and plugins'),
        drawn on for referenced-but-undefined bodies.
    """
    flattener = _Flattener(converter, reference_bodies)
    for record in records:
        yield from flattener.rows(record)
    yield from flattener.closing_rows()
