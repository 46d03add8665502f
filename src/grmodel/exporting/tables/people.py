"""Tables of persons and their memberships."""

from __future__ import annotations

from grmodel.exporting.tables.schema import (
    Table,
    choice,
    lookup_columns,
    period_columns,
    record_table,
    ref_column,
    text,
)
from grmodel.exporting.tables.values import RowFunction, Rows, common, period_values, value
from grmodel.model import Membership, Person, Record, Role

__all__ = ["ROWS", "TABLES"]

TABLES: tuple[Table, ...] = (
    record_table(
        "persons",
        "A person: politician, official or other participant",
        (
            text("name", "Full name as written"),
            text("given_name", "Given name"),
            text("family_name", "Family name"),
            text("title", "Job title"),
            text("organisation", "Employer or organisation"),
        ),
        origin=True,
    ),
    record_table(
        "memberships",
        "A person's seat in a body",
        (
            ref_column("person_id", Membership, "person", "Id of the person", required=True),
            ref_column("body_id", Membership, "body", "Id of the body", required=True),
            choice("role", Role, "Role in the body", required=True),
            *lookup_columns("party", Membership, "party", "Party abbreviation"),
            *lookup_columns("municipality", Membership, "municipality", "Municipality represented"),
            *period_columns("period", "When the membership held"),
        ),
    ),
)


def person_rows(p: Person) -> Rows:
    """The row of a person."""
    yield (
        "persons",
        {
            **common(p),
            "name": p.name,
            "given_name": p.given_name,
            "family_name": p.family_name,
            "title": p.title,
            "organisation": p.organisation,
            "origin": "record",
        },
    )


def membership_rows(m: Membership) -> Rows:
    """The row of a membership."""
    yield (
        "memberships",
        {
            **common(m),
            "person_id": m.person,
            "body_id": m.body,
            "role": value(m.role),
            "party_as_written": m.party,
            "municipality_as_written": m.municipality,
            **period_values("period", m.period),
        },
    )


ROWS: dict[type[Record], RowFunction] = {Person: person_rows, Membership: membership_rows}
