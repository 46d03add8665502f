"""A Sphinx directive that writes the tables of the SQLite and data-package exports.

``.. grmodel-tables::`` emits one section per table of
:data:`grmodel.exporting.tables.TABLES`: what a row is, the primary key, and a
table of the columns (name, type, key, description), where the key column says
``PK``, ``unique`` or the ``table.column`` a foreign key points to. It is made
from the same declarations as the exports, so the page cannot fall behind them.
Each section has the label ``table-<name>`` (``:ref:`table-attendance```).
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from grmodel.exporting.tables import TABLES, Column, Table

_HEADER = ("Column", "Type", "Key", "Description")
_WIDTHS = (22, 10, 24, 44)


def _row(cells: tuple[nodes.Node, ...]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        para = nodes.paragraph()
        para += cell
        entry += para
        row += entry
    return row


def _keys(table: Table, column: Column) -> str:
    keys = []
    if column.name in table.primary_key:
        keys.append("PK")
    if column.unique:
        keys.append("unique")
    for fk in table.foreign_keys:
        if column.name in fk.columns:
            position = fk.columns.index(column.name)
            keys.append(f"→ {fk.table}.{fk.ref_columns[position]}")
    return ", ".join(keys)


def _columns(table: Table) -> nodes.table:
    group = nodes.tgroup(cols=len(_HEADER))
    for width in _WIDTHS:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += _row(tuple(nodes.Text(h) for h in _HEADER))
    group += head
    body = nodes.tbody()
    for column in table.columns:
        description = column.description
        if column.required:
            description += " (required)"
        if column.enum:
            description += f" — one of {', '.join(column.enum)}"
        body += _row(
            (
                nodes.literal(text=column.name),
                nodes.Text(column.type),
                nodes.Text(_keys(table, column)),
                nodes.Text(description),
            )
        )
    group += body
    out = nodes.table()
    out += group
    return out


class TableCatalogue(SphinxDirective):
    """``.. grmodel-tables::``: every table of the table exports."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        out: list[nodes.Node] = []
        for table in TABLES:
            name = f"table-{table.name}"
            section = nodes.section(
                ids=[nodes.make_id(name)], names=[nodes.fully_normalize_name(name)]
            )
            section += nodes.title(text=table.name)
            self.state.document.note_explicit_target(section, section)
            section += nodes.paragraph(
                text=f"{table.description}. Primary key: {', '.join(table.primary_key)}."
            )
            section += _columns(table)
            out.append(section)
        return out


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_directive("grmodel-tables", TableCatalogue)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
