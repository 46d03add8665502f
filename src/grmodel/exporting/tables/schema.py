"""How a table is declared: columns, keys, and the builders the family modules use.

A column that holds a reference is made with :func:`ref_column` from the model
field it flattens; its foreign key is derived from the field's
:func:`~grmodel.model.refs.ref` declaration, so the tables' foreign keys and the
``REF`` rules follow the same declarations. A column that names reference data
(a municipality, a party, a county) is made the same way with
:func:`code_column` or :func:`lookup_columns`, from the field's
:func:`~grmodel.model.refs.refdata_ref` declaration.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any, Literal

import attrs

from grmodel.model.refs import ref_types, refdata_kind

__all__ = [
    "PARTIAL_DATE_PATTERN",
    "REFDATA_TABLES",
    "REFERENCE_TABLES",
    "TABLE_OF_TYPE",
    "Column",
    "ColumnType",
    "ForeignKey",
    "Row",
    "Table",
    "boolean",
    "choice",
    "code_column",
    "date_columns",
    "integer",
    "kind_lookup_column",
    "list_table",
    "lookup_column",
    "lookup_columns",
    "money_columns",
    "partial_date",
    "period_columns",
    "record_table",
    "ref_column",
    "span_columns",
    "table",
    "text",
    "validity_columns",
]

ColumnType = Literal["string", "integer", "boolean", "date", "time"]
"""The column types of the tables (Table Schema type names)."""

PARTIAL_DATE_PATTERN = r"\d{4}(-\d{2}(-\d{2})?)?"
"""What a partial-date column holds (the whole value matches): ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``."""

Row = dict[str, Any]
"""A row: column name → value (``str``, ``int``, ``bool``, date, time or ``None``)."""

TABLE_OF_TYPE: dict[str, str] = {
    "body": "bodies",
    "person": "persons",
    "document": "documents",
    "meeting": "meetings",
    "project": "projects",
}
"""The table a reference to a record type points to (the types references name)."""

REFERENCE_TABLES: tuple[str, ...] = tuple(TABLE_OF_TYPE.values())
"""Tables that references point to; they have an ``origin`` column."""

REFDATA_TABLES: dict[str, tuple[str, str]] = {
    "municipality": ("municipalities", "code"),
    "county": ("counties", "code"),
    "party": ("parties", "abbreviation"),
}
"""The table and key column of each kind of reference-data entry
(:data:`~grmodel.model.refs.REFDATA_KINDS`, also the entries' record types). The
tables hold every entry of the reference data, and the set's own records of the type."""


@attrs.frozen(kw_only=True)
class Column:
    """One column of a table."""

    name: str
    """Column name."""
    type: ColumnType
    """Column type."""
    description: str = ""
    """What the column holds."""
    required: bool = False
    """True when every row has a value."""
    enum: tuple[str, ...] = ()
    """The allowed values, for a column that holds an enumeration."""
    pattern: str | None = None
    """A regular expression every value matches."""
    unique: bool = False
    """True when no two rows hold the same value (a key other columns refer to)."""
    references: str | None = None
    """The table the column refers to (a foreign key), if any."""
    referenced_column: str = "id"
    """The column of :attr:`references` the column refers to."""
    lookup: tuple[str, str] | None = None
    """For a column the flattening fills in: ``(kind, column)``, the kind of
    reference-data entry and the column of the same row holding it as written; the
    value is the entry's key, or empty where the text names no known entry."""


@attrs.frozen(kw_only=True)
class ForeignKey:
    """A reference from columns of one table to the key of another (or the same)."""

    columns: tuple[str, ...]
    """Referring columns."""
    table: str
    """Referenced table."""
    ref_columns: tuple[str, ...] = ("id",)
    """Referenced columns (the referenced table's primary key)."""


@attrs.frozen(kw_only=True)
class Table:
    """A table: columns, primary key, foreign keys and the columns worth an index."""

    name: str
    """Table name (also the CSV file's stem and the SQLite table's name)."""
    description: str
    """What one row is."""
    columns: tuple[Column, ...]
    """Columns, in order."""
    primary_key: tuple[str, ...]
    """Primary key columns."""
    foreign_keys: tuple[ForeignKey, ...] = ()
    """Foreign keys."""
    indexed: tuple[str, ...] = ()
    """Further columns to index (dates); foreign key columns are always indexed."""

    @property
    def column_names(self) -> tuple[str, ...]:
        """Column names, in order."""
        return tuple(c.name for c in self.columns)

    def values(self, row: Row) -> tuple[Any, ...]:
        """A row's values in column order (``None`` where absent)."""
        return tuple(row.get(name) for name in self.column_names)


# --- columns -------------------------------------------------------------------


def text(name: str, description: str = "", *, required: bool = False) -> Column:
    """A string column."""
    return Column(name=name, type="string", description=description, required=required)


def integer(name: str, description: str = "", *, required: bool = False) -> Column:
    """An integer column."""
    return Column(name=name, type="integer", description=description, required=required)


def boolean(name: str, description: str = "", *, required: bool = False) -> Column:
    """A boolean column."""
    return Column(name=name, type="boolean", description=description, required=required)


def choice(
    name: str, values: type[enum.Enum], description: str = "", *, required: bool = False
) -> Column:
    """A string column holding one of an enumeration's values."""
    return Column(
        name=name,
        type="string",
        description=description,
        required=required,
        enum=tuple(str(m.value) for m in values),
    )


def ref_column(
    name: str, owner: type, field: str, description: str, *, required: bool = False
) -> Column:
    """A string column holding the id that ``owner.field`` refers to, with its foreign key.

    :raises TypeError: when the field is not declared as a reference to one record type
        that has a table.
    """
    types = ref_types(attrs.fields_dict(owner)[field])
    if types is None or len(types) != 1 or types[0] not in TABLE_OF_TYPE:
        raise TypeError(f"{owner.__name__}.{field} is no reference to one type with a table")
    return Column(
        name=name,
        type="string",
        description=description,
        required=required,
        references=TABLE_OF_TYPE[types[0]],
    )


def _refdata_target(owner: type, field: str) -> tuple[str, tuple[str, str]]:
    kind = refdata_kind(attrs.fields_dict(owner)[field])
    if kind is None:
        raise TypeError(f"{owner.__name__}.{field} is not declared with refdata_ref")
    return kind, REFDATA_TABLES[kind]


def code_column(
    name: str, owner: type, field: str, description: str, *, required: bool = False
) -> Column:
    """A string column holding the key (kommunkod, party abbreviation) that ``owner.field``
    holds, with its foreign key to the reference table.

    :raises TypeError: when the field is not declared with
        :func:`~grmodel.model.refs.refdata_ref`.
    """
    _kind, (target, key) = _refdata_target(owner, field)
    return Column(
        name=name,
        type="string",
        description=description,
        required=required,
        references=target,
        referenced_column=key,
    )


def lookup_column(source: str, owner: type, field: str) -> Column:
    """The column of the key of the entry that column ``source`` names as written
    (``owner.field`` flattened), resolved against the reference data, with its foreign
    key: ``municipality_code``, ``party_abbreviation``, ``county_code``.

    :raises TypeError: as :func:`code_column`.
    """
    kind, _target = _refdata_target(owner, field)
    return kind_lookup_column(kind, source)


def kind_lookup_column(kind: str, source: str) -> Column:
    """The column of the key of the ``kind`` of entry that column ``source`` names as
    written (see :func:`lookup_column`), for a column that no one model field fills."""
    target, key = REFDATA_TABLES[kind]
    return Column(
        name=f"{kind}_{key}",
        type="string",
        description=f"The {key} of the {kind} that {source} names (empty: none known)",
        references=target,
        referenced_column=key,
        lookup=(kind, source),
    )


def lookup_columns(
    prefix: str, owner: type, field: str, description: str, *, required: bool = False
) -> tuple[Column, ...]:
    """``<prefix>_as_written`` (the text of ``owner.field``) and its :func:`lookup_column`."""
    source = text(f"{prefix}_as_written", f"{description} as written", required=required)
    return source, lookup_column(source.name, owner, field)


def partial_date(name: str, description: str = "", *, required: bool = False) -> Column:
    """A partial date (``YYYY[-MM[-DD]]``) as a string column."""
    return Column(
        name=name,
        type="string",
        description=f"{description} (partial date YYYY[-MM[-DD]])".strip(),
        required=required,
        pattern=PARTIAL_DATE_PATTERN,
    )


def date_columns(name: str, description: str, *, required: bool = False) -> tuple[Column, ...]:
    """A partial date with its first and last possible day."""
    return (
        partial_date(name, description, required=required),
        Column(
            name=f"{name}_first_day",
            type="date",
            description=f"First day {name} can mean",
            required=required,
        ),
        Column(
            name=f"{name}_last_day",
            type="date",
            description=f"Last day {name} can mean",
            required=required,
        ),
    )


def period_columns(name: str, description: str) -> tuple[Column, ...]:
    """A period's start and end (partial dates)."""
    return (
        partial_date(f"{name}_start", f"{description}: start"),
        partial_date(f"{name}_end", f"{description}: end"),
    )


def validity_columns() -> tuple[Column, ...]:
    """When a reference-data entry was valid: ``valid_from`` and ``valid_to``, the names
    of the reference data's own files (partial dates)."""
    return (
        partial_date("valid_from", "First day the entry was valid"),
        partial_date("valid_to", "Last day the entry was valid"),
    )


def span_columns(prefix: str = "source") -> tuple[Column, ...]:
    """A line span in the source."""
    return (
        integer(f"{prefix}_line", "First line of the source"),
        integer(f"{prefix}_end_line", "Last line of the source"),
    )


def money_columns(name: str, description: str, *, required: bool = False) -> tuple[Column, ...]:
    """An amount of money: low end, high end and as written."""
    return (
        integer(name, f"{description}: whole kronor (low end of a range)", required=required),
        integer(f"{name}_max", f"{description}: high end of a range"),
        text(f"{name}_stated", f"{description} as written"),
    )


ID = text("id", "Stable identifier", required=True)
"""The ``id`` column."""
_ORIGIN = Column(
    name="origin",
    type="string",
    description="record (in the record set), refdata (from the reference data) or stub (id only)",
    required=True,
    enum=("record", "refdata", "stub"),
)
_COMMON = (
    text("note", "Note by the data steward"),
    text("provenance_source", "Source file or document the record came from"),
    integer("provenance_line", "First line of the record in its source"),
    integer("provenance_end_line", "Last line of the record in its source"),
    text("provenance_document", "Id of the document the record was imported from"),
)


# --- tables --------------------------------------------------------------------


def fk(column: str, table: str, ref_column: str = "id") -> ForeignKey:
    """A one-column foreign key to ``table.id`` (or ``table.ref_column``)."""
    return ForeignKey(columns=(column,), table=table, ref_columns=(ref_column,))


def table(
    name: str,
    description: str,
    columns: Iterable[Column],
    primary_key: tuple[str, ...],
    *,
    foreign_keys: tuple[ForeignKey, ...] = (),
    indexed: tuple[str, ...] = (),
) -> Table:
    """A table whose foreign keys are ``foreign_keys`` (structural: to a parent row) and
    then one per reference column, in column order."""
    columns = tuple(columns)
    derived = tuple(
        fk(c.name, c.references, c.referenced_column) for c in columns if c.references is not None
    )
    return Table(
        name=name,
        description=description,
        columns=columns,
        primary_key=primary_key,
        foreign_keys=(*foreign_keys, *derived),
        indexed=indexed,
    )


def record_table(
    name: str,
    description: str,
    columns: Iterable[Column],
    *,
    origin: bool = False,
    indexed: tuple[str, ...] = (),
) -> Table:
    """The table of a record type, keyed by ``id``; ``origin`` for tables references
    point to."""
    return table(
        name,
        description,
        (ID, *columns, *((_ORIGIN,) if origin else ()), *_COMMON),
        ("id",),
        indexed=indexed,
    )


def list_table(
    name: str, description: str, parent: tuple[str, str], columns: Iterable[Column]
) -> Table:
    """A child table keyed by its parent's id and a 1-based ordinal."""
    column, parent_table = parent
    return table(
        name,
        description,
        (
            text(column, f"Id of the row in {parent_table}", required=True),
            integer("ordinal", "Position in the list, 1-based", required=True),
            *columns,
        ),
        (column, "ordinal"),
        foreign_keys=(fk(column, parent_table),),
    )
