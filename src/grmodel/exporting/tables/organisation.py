"""Tables of parties and bodies (with their members, names and seats)."""

from __future__ import annotations

from grmodel.exporting.tables.schema import (
    Table,
    boolean,
    choice,
    fk,
    integer,
    list_table,
    period_columns,
    record_table,
    ref_column,
    table,
    text,
)
from grmodel.exporting.tables.values import (
    RowFunction,
    Rows,
    common,
    list_rows,
    period_values,
    value,
)
from grmodel.model import Body, BodyKind, Party, Record

__all__ = ["ROWS", "TABLES", "body_rows"]

TABLES: tuple[Table, ...] = (
    record_table(
        "parties",
        "A political party",
        (
            text("abbreviation", "Canonical abbreviation", required=True),
            text("name", "Full name", required=True),
            *period_columns("valid", "When the abbreviation was in use"),
            text("successor", "Abbreviation of the party that took over"),
            boolean("local", "True for a local party", required=True),
        ),
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
        ),
        origin=True,
    ),
    list_table(
        "body_members",
        "A member municipality of an association",
        ("body_id", "bodies"),
        (text("member", "Kommunkod or name", required=True),),
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
            text("municipality", "Kommunkod or name", required=True),
            integer("seats", "Number of seats", required=True),
        ),
        ("body_id", "municipality"),
        foreign_keys=(fk("body_id", "bodies"),),
    ),
)


def party_rows(p: Party) -> Rows:
    """The rows of a party and its aliases."""
    yield (
        "parties",
        {
            **common(p),
            "abbreviation": p.abbreviation,
            "name": p.name,
            **period_values("valid", p.valid),
            "successor": p.successor,
            "local": p.local,
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
            yield "body_seats", {"body_id": b.id, "municipality": municipality, "seats": count}


ROWS: dict[type[Record], RowFunction] = {Party: party_rows, Body: body_rows}
