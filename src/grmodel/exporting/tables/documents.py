"""Tables of documents, their proposed clauses, their unplaced, dropped or cut text and
their import notes."""

from __future__ import annotations

from grmodel.exporting.tables.schema import (
    Column,
    Table,
    choice,
    date_columns,
    fk,
    integer,
    list_table,
    record_table,
    ref_column,
    table,
    text,
)
from grmodel.exporting.tables.values import RowFunction, Rows, common, date_values, list_rows, value
from grmodel.model import Document, DocumentKind, Record

__all__ = ["ROWS", "TABLES"]

TABLES: tuple[Table, ...] = (
    record_table(
        "documents",
        "A document: protocol, agenda, staff report…",
        (
            choice("kind", DocumentKind, "What kind of document"),
            text("title", "Title or subject line"),
            *date_columns("date", "Date of the document"),
            text("diarienummer", "Registration number as written"),
            text("author", "Author as written (or a person id)"),
            text("addressee", "Addressee (body id or name as written)"),
            text("organisation", "Issuing organisation or body id"),
            ref_column("meeting_id", Document, "meeting", "Id of the meeting it belongs to"),
            ref_column("part_of", Document, "part_of", "Id of the document it is part of"),
            text("source_file", "File it was imported from"),
            integer("line_count", "Number of lines in the source"),
        ),
        origin=True,
        indexed=("date",),
    ),
    list_table(
        "document_proposed_clauses",
        "A proposed att-clause of a document",
        ("document_id", "documents"),
        (text("text", "The clause without the leading att", required=True),),
    ),
    table(
        "document_segments",
        "Text of a document not placed in a record (unplaced), dropped or cut, and the "
        "importer's notes on what it could not read well",
        (
            text("document_id", "Id of the document", required=True),
            Column(
                name="disposition",
                type="string",
                description="unplaced, dropped (page furniture, site chrome), cut (a piece "
                "cut out of a line that is kept) or note (an import note: what the importer "
                "could not read well there)",
                required=True,
                enum=("unplaced", "dropped", "cut", "note"),
            ),
            integer("ordinal", "Position in its list, 1-based", required=True),
            integer("line", "First line", required=True),
            integer("end_line", "Last line"),
            text("text", "The text as in the source"),
            text("reason", "Why it was not placed; for a note, which problem it is"),
        ),
        ("document_id", "disposition", "ordinal"),
        foreign_keys=(fk("document_id", "documents"),),
    ),
)


def document_rows(d: Document) -> Rows:
    """The rows of a document: itself, its proposed clauses, its segments and notes."""
    yield (
        "documents",
        {
            **common(d),
            "kind": value(d.kind),
            "title": d.title,
            **date_values("date", d.date),
            "diarienummer": d.diarienummer.value if d.diarienummer else None,
            "author": d.author,
            "addressee": d.addressee,
            "organisation": d.organisation,
            "meeting_id": d.meeting,
            "part_of": d.part_of,
            "source_file": d.source_file,
            "line_count": d.line_count,
            "origin": "record",
        },
    )
    yield from list_rows(
        "document_proposed_clauses", "document_id", d.id, "text", d.proposed_clauses
    )
    for disposition, segments in (
        ("unplaced", d.unplaced),
        ("dropped", d.dropped),
        ("cut", d.cut),
        ("note", d.notes),
    ):
        for ordinal, segment in enumerate(segments, 1):
            yield (
                "document_segments",
                {
                    "document_id": d.id,
                    "disposition": disposition,
                    "ordinal": ordinal,
                    "line": segment.span.line,
                    "end_line": segment.span.end_line,
                    "text": segment.text,
                    "reason": segment.reason,
                },
            )


ROWS: dict[type[Record], RowFunction] = {Document: document_rows}
