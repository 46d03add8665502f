"""A normalised SQLite database: the tables of :mod:`grmodel.exporting.tables`.

Every table is created with its primary key, ``FOREIGN KEY`` constraints,
``NOT NULL`` for required columns and ``CHECK`` constraints for enumerations,
booleans (0/1) and partial dates; every foreign key column and the date columns
are indexed. Rows are inserted as records are read, with ``executemany`` in
batches, all in one transaction; ``PRAGMA foreign_key_check`` runs before the
commit, so a finished export is referentially whole.

Values: text for strings, partial dates (``2019``, ``2019-11``, ``2019-11-07``),
dates (``YYYY-MM-DD``) and times (``HH:MM:SS``); integers for integers and
booleans. Open the database with ``PRAGMA foreign_keys = ON`` to have SQLite
enforce the keys on later changes.

Every decision proposed to förbundsstyrelsen in 2019::

    SELECT d.id, m.date, m.body_id, d.text
    FROM decisions AS d
    JOIN meetings AS m ON m.id = d.meeting_id
    WHERE d.kind = 'proposal'
      AND d.target_body_id = 'gr-forbundsstyrelsen'
      AND m.date >= '2019' AND m.date < '2020'
    ORDER BY m.date, d.id;
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

from grmodel.errors import GrmodelError
from grmodel.exporting.base import Exporter, ExportOptions
from grmodel.exporting.tables import TABLES, Column, Table, flatten
from grmodel.model import Record

__all__ = ["EXPORTERS", "create_statements", "write_sqlite"]

BATCH_SIZE = 1000
"""Rows buffered per table before an ``executemany``."""

_SQL_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "boolean": "INTEGER",
    "date": "TEXT",
    "time": "TEXT",
}
_PARTIAL_DATE_GLOBS = (
    "[0-9][0-9][0-9][0-9]",
    "[0-9][0-9][0-9][0-9]-[0-9][0-9]",
    "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]",
)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _column_sql(column: Column) -> str:
    name = _quote(column.name)
    parts = [name, _SQL_TYPES[column.type]]
    if column.required:
        parts.append("NOT NULL")
    if column.unique:
        parts.append("UNIQUE")
    if column.enum:
        parts.append(f"CHECK ({name} IN ({', '.join(_literal(v) for v in column.enum)}))")
    if column.type == "boolean":
        parts.append(f"CHECK ({name} IN (0, 1))")
    if column.pattern is not None:
        globs = " OR ".join(f"{name} GLOB {_literal(g)}" for g in _PARTIAL_DATE_GLOBS)
        parts.append(f"CHECK ({globs})")
    if column.type == "date":
        parts.append(f"CHECK ({name} GLOB {_literal(_PARTIAL_DATE_GLOBS[2])})")
    return " ".join(parts)


def _columns(names: Iterable[str]) -> str:
    return ", ".join(_quote(n) for n in names)


def _table_sql(table: Table) -> str:
    lines = [_column_sql(c) for c in table.columns]
    lines.append(f"PRIMARY KEY ({_columns(table.primary_key)})")
    for fk in table.foreign_keys:
        lines.append(
            f"FOREIGN KEY ({_columns(fk.columns)}) "
            f"REFERENCES {_quote(fk.table)} ({_columns(fk.ref_columns)})"
        )
    body = ",\n  ".join(lines)
    return f"CREATE TABLE {_quote(table.name)} (\n  {body}\n)"


def _index_sql(table: Table) -> list[str]:
    wanted: list[tuple[str, ...]] = [fk.columns for fk in table.foreign_keys]
    wanted.extend((c,) for c in table.indexed)
    seen: set[tuple[str, ...]] = set()
    statements = []
    for columns in wanted:
        # The primary key's index already serves its leading columns.
        if columns in seen or table.primary_key[: len(columns)] == columns:
            continue
        seen.add(columns)
        name = _quote(f"ix_{table.name}_{'_'.join(columns)}")
        statements.append(f"CREATE INDEX {name} ON {_quote(table.name)} ({_columns(columns)})")
    return statements


def create_statements() -> list[str]:
    """The ``CREATE TABLE`` and ``CREATE INDEX`` statements of the database."""
    statements = [_table_sql(t) for t in TABLES]
    for table in TABLES:
        statements.extend(_index_sql(table))
    return statements


def write_sqlite(records: Iterable[Record], path: Path, options: ExportOptions) -> None:
    """Write the records into a new SQLite database at ``path``.

    :raises GrmodelError: when rows break a key (e.g. an id used twice).
    """
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode = MEMORY")
        con.execute("BEGIN")
        for table in TABLES:
            con.execute(_table_sql(table))
        _insert_rows(con, records, options)
        # Indexes after the rows: building them once is faster than keeping them up.
        for table in TABLES:
            for statement in _index_sql(table):
                con.execute(statement)
        problems = con.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            table, rowid, parent, _ = problems[0]
            raise GrmodelError(
                f"sqlite export: {len(problems)} broken foreign key(s), first in {table} "
                f"row {rowid} → {parent}"
            )
        con.execute("COMMIT")
    except sqlite3.OperationalError as exc:  # e.g. "database or disk is full"
        raise GrmodelError(f"sqlite export: {exc}; nothing was replaced") from exc
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    finally:
        con.close()


def _insert_rows(
    con: sqlite3.Connection, records: Iterable[Record], options: ExportOptions
) -> None:
    """Every record's rows, inserted in batches per table.

    :raises GrmodelError: when rows break a key, or a value cannot be stored.
    """
    inserts = {
        t.name: f"INSERT INTO {_quote(t.name)} ({_columns(t.column_names)}) "
        f"VALUES ({', '.join('?' for _ in t.columns)})"
        for t in TABLES
    }
    pending: dict[str, list[tuple[object, ...]]] = {t.name: [] for t in TABLES}

    def flush(name: str) -> None:
        try:
            con.executemany(inserts[name], pending[name])
        except sqlite3.IntegrityError as exc:
            raise GrmodelError(
                f"sqlite export: table {name}: {exc} (run grmodel validate to find it)"
            ) from exc
        except (OverflowError, UnicodeEncodeError) as exc:
            raise GrmodelError(_unstorable(name, pending[name]) or str(exc)) from exc
        pending[name].clear()

    columns = {t.name: t.column_names for t in TABLES}
    # Only date and time columns need converting; the rest go in as they are.
    temporal = {
        t.name: tuple(i for i, c in enumerate(t.columns) if c.type in ("date", "time"))
        for t in TABLES
    }
    for name, row in flatten(
        records,
        converter=options.require_converter(),
        refdata=options.require_refdata(),
    ):
        values = [row.get(c) for c in columns[name]]
        for index in temporal[name]:
            value = values[index]
            if value is not None:
                values[index] = value.isoformat()
        batch = pending[name]
        batch.append(tuple(values))
        if len(batch) >= BATCH_SIZE:
            flush(name)
    for name in pending:
        flush(name)


_INT64 = range(-(2**63), 2**63)


def _unstorable(table: str, rows: list[tuple[object, ...]]) -> str | None:
    """Which cell SQLite cannot store: an integer over 64 bits, or a lone surrogate."""
    names = next(t.column_names for t in TABLES if t.name == table)
    for row in rows:
        for column, value in zip(names, row, strict=True):
            if isinstance(value, int) and not isinstance(value, bool) and value not in _INT64:
                what = f"an integer of {len(str(abs(value)))} digits (SQLite holds 64 bits)"
            elif isinstance(value, str) and not value.isascii():
                try:
                    value.encode("utf-8")
                    continue
                except UnicodeEncodeError:
                    what = "a text with a lone surrogate (not Unicode)"
            else:
                continue
            return f"sqlite export: table {table}, row {row[0]!r}, column {column}: {what}"
    return None


EXPORTERS: list[Exporter] = [
    Exporter(
        name="sqlite",
        summary="a normalised SQLite database with primary and foreign keys",
        write=write_sqlite,
        suffix=".sqlite",
    )
]
"""The ``sqlite`` exporter."""
