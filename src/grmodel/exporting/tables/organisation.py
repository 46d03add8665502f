"""Tables of parties (every party of the reference data, and the set's own) and bodies
(with their members, names and seats)."""

from __future__ import annotations

from grmodel.exporting.tables.schema import (
    Column,
    Table,
    boolean,
    choice,
    code_column,
    fk,
    integer,
    list_table,
    lookup_column,
    lookup_columns,
    period_columns,
    record_table,
    ref_column,
    table,
    text,
    validity_columns,
)
from grmodel.exporting.tables.values import (
    RowFunction,
    Rows,
    common,
    list_rows,
    period_values,
    validity_values,
    value,
)
from grmodel.model import Body, BodyKind, Party, Record, SeatAllocation

__all__ = ["ROWS", "TABLES", "body_rows"]

TABLES: tuple[Table, ...] = (
    record_table(
        "parties",
        "A political party",
        (
            Column(
                name="abbreviation",
                type="string",
                description="Canonical abbreviation",
                required=True,
                unique=True,
            ),
            text("name", "Full name", required=True),
            *validity_columns(),
            code_column(
                "successor", Party, "successor", "Abbreviation of the party that took over"
            ),
            boolean("local", "True for a local party", required=True),
        ),
        origin=True,
    ),
    list_table(
        "party_aliases",
        "Another spelling of a party's abbreviation",
        ("party_id", "parties"),
        (text("alias", "The spelling", required=True),),
    ),
    record_table(
        "bodies",
        "An organ or group (assembly, board, steering group, network…)",
        (
            text("name", "Current (or last) name"),
            choice("kind", BodyKind, "What kind of body"),
            ref_column("parent_id", Body, "parent", "Id of the body it belongs or reports to"),
            ref_column("predecessor_id", Body, "predecessor", "Id of the body it continues"),
            *period_columns("period", "When the body existed"),
            text("description", "What the body does"),
            integer("seats_total", "Number of ledamöter"),
            integer("seats_default_per_member", "Seats of every other member municipality"),
            integer("seats_substitutes", "Number of ersättare"),
            *lookup_columns("municipality", Body, "municipality", "Municipality whose body it is"),
        ),
        origin=True,
    ),
    list_table(
        "body_members",
        "A member municipality of an association",
        ("body_id", "bodies"),
        (
            text("member", "Member municipality (kommunkod or name) as written", required=True),
            lookup_column("member", Body, "members"),
        ),
    ),
    list_table(
        "body_names",
        "A name a body has carried",
        ("body_id", "bodies"),
        (text("name", "The name", required=True), *period_columns("period", "When it was in use")),
    ),
    table(
        "body_seats",
        "Seats of a named municipality that differ from the default",
        (
            text("body_id", "Id of the body", required=True),
            *lookup_columns(
                "municipality",
                SeatAllocation,
                "per_municipality",
                "Municipality (kommunkod or name)",
                required=True,
            ),
            integer("seats", "Number of seats", required=True),
        ),
        ("body_id", "municipality_as_written"),
        foreign_keys=(fk("body_id", "bodies"),),
    ),
)


def party_rows(p: Party, origin: str = "record") -> Rows:
    """The rows of a party and its aliases."""
    yield (
        "parties",
        {
            **common(p),
            "abbreviation": p.abbreviation,
            "name": p.name,
            **validity_values(p.valid),
            "successor": p.successor,
            "local": p.local,
            "origin": origin,
        },
    )
    yield from list_rows("party_aliases", "party_id", p.id, "alias", p.aliases)


def body_rows(b: Body, origin: str = "record") -> Rows:
    """The rows of a body: itself, its members, names and seats."""
    seats = b.seats
    yield (
        "bodies",
        {
            **common(b),
            "name": b.name,
            "kind": value(b.kind),
            "parent_id": b.parent,
            "predecessor_id": b.predecessor,
            **period_values("period", b.period),
            "description": b.description,
            "seats_total": seats.total if seats else None,
            "seats_default_per_member": seats.default_per_member if seats else None,
            "seats_substitutes": seats.substitutes if seats else None,
            "municipality_as_written": b.municipality,
            "origin": origin,
        },
    )
    yield from list_rows("body_members", "body_id", b.id, "member", b.members)
    for ordinal, name in enumerate(b.names, 1):
        yield (
            "body_names",
            {
                "body_id": b.id,
                "ordinal": ordinal,
                "name": name.name,
                **period_values("period", name.period),
            },
        )
    if seats is not None:
        for municipality, count in seats.per_municipality.items():
            yield (
                "body_seats",
                {"body_id": b.id, "municipality_as_written": municipality, "seats": count},
            )


ROWS: dict[type[Record], RowFunction] = {Party: party_rows, Body: body_rows}
