"""A test importer for the core's own tests (no plugin needed): "memos", text
documents whose first line starts with ``MEMO``; each makes a document record
(its unplaced second line kept) and the person ``bo-ek``."""

from __future__ import annotations

from grmodel.importing.base import Importer, ImportResult, SourceDocument
from grmodel.model import Document, DocumentKind, Person, Segment, Span
from grmodel.plugins import hookimpl


def parse_memo(document: SourceDocument) -> ImportResult:
    """The memo importer's ``parse``."""
    record = Document(
        id=document.path.stem,
        kind=DocumentKind.OTHER,
        title=document.lines[0],
        source_file=str(document.path),
        line_count=len(document.lines),
        unplaced=(Segment(span=Span(2), text=document.lines[1]),),
    )
    person = Person(id="bo-ek", name=document.lines[0].removeprefix("MEMO "))
    return ImportResult(document=record, records=(person,), placed_lines=frozenset({1}))


class MemoPlugin:
    """A test importer: documents whose first line starts with ``MEMO``."""

    @hookimpl
    def grmodel_importers(self) -> list[Importer]:
        return [
            Importer(
                name="memo",
                summary="memos",
                parse=parse_memo,
                detect=lambda doc: 0.9 if doc.lines[0].startswith("MEMO") else 0.0,
            ),
            Importer(name="note", summary="notes (never detected)", parse=parse_memo),
        ]
