"""Records flattened into normalised tables with a declared schema.

Shared by the ``datapackage`` and ``sqlite`` exporters. ``TABLES`` declares
every table: its columns and their types, its primary key and its foreign keys.
``flatten`` turns a stream of records into a stream of rows, one
``(table name, row)`` pair at a time, so an exporter can write rows as they come.

One module per record family holds its tables next to the functions that make
their rows: ``geography``, ``organisation``, ``people``, ``documents``,
``meetings``, ``projects`` and ``extra`` (plugins' record types); ``schema``
says how a table is declared, ``values`` how model values become row values, and
``flatten`` runs the row functions over a stream of records.

Layout
    One table per record type (``persons``, ``bodies``, ``meetings``, …) keyed by
    the record ``id``, and one child table per nested list (``attendance``,
    ``agenda_items``, ``decisions``, ``decision_clauses``, …). Agenda items and
    decisions have ids of their own; other child rows are keyed by their parent
    and a 1-based ``ordinal`` (position in the list).

Column types
    ``string``, ``integer``, ``boolean``, ``date`` (a complete calendar date) and
    ``time``. A partial date (``2019``, ``2019-11``, ``2019-11-07``) is a
    ``string`` column in ISO form, which sorts and compares as text
    (``date >= '2019' AND date < '2020'`` selects 2019). The single dates of
    meetings, justering, documents and agreements also get ``<name>_first_day``
    and ``<name>_last_day``: the first and last day the partial date can mean, as
    ``date`` columns. Periods become ``<name>_start`` and ``<name>_end`` (partial
    dates). Lists of plain values nested deeper than a record (a § list of one
    attendance entry) become child tables too; a plugin's own record types go to
    ``extra_records`` as JSON, with their references in ``extra_record_references``
    and the reference-data entries they name in ``extra_record_refdata``.

Foreign keys and references outside the record set
    Every reference to a record by id is a foreign key (``memberships.person_id →
    persons.id``, ``decisions.target_body_id → bodies.id``, …), derived from the
    model's reference declarations (:func:`grmodel.model.refs.ref`). So that foreign
    keys always hold, the tables that references point to (``bodies``,
    ``persons``, ``documents``, ``meetings``, ``projects``) have an ``origin``
    column: ``record`` for records of the set; ``refdata`` for a reference body
    (GR's bodies, and plugins' reference bodies), every one of which is a row unless
    the set defines it; and ``stub`` for a row holding only the id of any other
    referenced record the set lacks (``grmodel validate`` reports those).

Reference data and code columns
    ``municipalities``, ``counties`` and ``parties`` (with ``party_aliases``) hold
    every entry of the reference data (``origin`` ``refdata``) and the set's own
    records of those types (``record``, which replace the entry with the same id or
    code). Their columns are named as in ``grmodel refdata … --format json``:
    ``code``, ``name``, ``county_code``, ``abbreviation``, ``valid_from``,
    ``valid_to``, ``successor``. A field that names an entry as written
    (declared with :func:`grmodel.model.refs.refdata_ref`) becomes two columns: the
    text as written (``municipality_as_written``, ``party_as_written``; a list's
    ``member`` or ``participant``) and the key it names, resolved against the
    reference data as of the record's date (``municipality_code`` →
    ``municipalities.code``, ``party_abbreviation`` → ``parties.abbreviation``),
    empty where the text names no known entry (an organisation, a misspelling that
    ``grmodel validate`` reports). A column name means one thing in every table.
"""

from __future__ import annotations

from grmodel.exporting.tables import documents, extra, geography, meetings, organisation, people
from grmodel.exporting.tables import projects as _projects
from grmodel.exporting.tables.flatten import flatten
from grmodel.exporting.tables.schema import (
    PARTIAL_DATE_PATTERN,
    REFERENCE_TABLES,
    Column,
    ColumnType,
    ForeignKey,
    Row,
    Table,
)

__all__ = [
    "PARTIAL_DATE_PATTERN",
    "REFERENCE_TABLES",
    "TABLES",
    "TABLES_BY_NAME",
    "Column",
    "ColumnType",
    "ForeignKey",
    "Row",
    "Table",
    "flatten",
]

TABLES: tuple[Table, ...] = (
    *geography.TABLES,
    *organisation.TABLES,
    *people.TABLES,
    *documents.TABLES,
    *meetings.TABLES,
    *_projects.TABLES,
    *extra.TABLES,
)
"""Every table, parents before children."""

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
"""Tables by name."""
