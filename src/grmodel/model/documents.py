"""Documents: protocols, agendas, staff reports and their unplaced text."""

from __future__ import annotations

import enum
from typing import ClassVar

import attrs

from grmodel.model.base import Record
from grmodel.model.refs import ref
from grmodel.model.values import Diarienummer, PartialDate, Span

__all__ = ["IMPORT_NOTES", "Document", "DocumentKind", "Segment"]


class DocumentKind(enum.StrEnum):
    """The kind of a document."""

    PROTOKOLL = "protokoll"
    """Minutes of a meeting."""
    DAGORDNING = "dagordning"
    """Agenda (also kallelse, förslag till dagordning)."""
    MINNESANTECKNINGAR = "minnesanteckningar"
    """Notes of a meeting (minnesanteckningar, anteckningar): a record without justering."""
    TJANSTESKRIVELSE = "tjänsteskrivelse"
    """Staff report."""
    TJANSTEUTLATANDE = "tjänsteutlåtande"
    """Staff opinion (staff report)."""
    STYRELSEARENDE = "styrelseärende"
    """Matter for the board (staff report)."""
    STYRGRUPPSARENDE = "styrgruppsärende"
    """Matter for a steering group (staff report)."""
    REMISS = "remiss"
    """Consultation paper."""
    VERKSAMHETSINRIKTNING = "verksamhetsinriktning"
    """Activity direction of a body."""
    ANSOKAN = "ansökan"
    """Funding application."""
    RAPPORT = "rapport"
    """Report or study."""
    KARTLAGGNING = "kartläggning"
    """Mapping or survey."""
    PRESENTATION = "presentation"
    """Slides."""
    AVTAL = "avtal"
    """Agreement text."""
    OTHER = "other"
    """Any other kind."""


@attrs.frozen(kw_only=True)
class Segment:
    """Text an importer could not place in a record, kept with its span."""

    span: Span
    """Lines of the source document."""
    text: str
    """The text, as in the source."""
    reason: str | None = None
    """Why it was not placed (e.g. ``"page header"`` for dropped headers); for an
    import note, which problem it is (``grmodel.model.IMPORT_NOTES``)."""

    @property
    def source(self) -> Span:
        """The span, as findings on nested values read it."""
        return self.span


IMPORT_NOTES: dict[str, str] = {
    "empty-attendance-heading": "an attendance heading with no entry read under it",
    "no-attendance": "a protocol with no attendance read",
    "no-items": "a protocol with no item read",
    "date-outside-header": "the meeting date not taken from the document's own header",
    "body-not-named": "no body named in the document's header",
    "attendance-conflict": "a person read both as taking part and as absent (the first kept)",
    "justerare-unread": "more names under a justerare heading than a protocol's justerare",
    "unread-key": "a key of the JSON source whose value reached no record (kept as unplaced text)",
}
"""The problems an importer notes on a document it did not read well (reason →
what it means); the IMP rules report each at its line."""


@attrs.frozen(kw_only=True)
class Document(Record):
    """A document: protocol, agenda, staff report, application, report…"""

    TYPE: ClassVar[str] = "document"

    kind: DocumentKind
    """What kind of document it is."""
    title: str | None = None
    """Title or subject line."""
    date: PartialDate | None = None
    """Date of the document."""
    diarienummer: Diarienummer | None = None
    """Registration number, where the document has one."""
    author: str | None = None
    """Author as written (or a person id)."""
    addressee: str | None = None
    """To whom it is addressed (body id or name as written)."""
    organisation: str | None = None
    """Issuing organisation or body id."""
    meeting: str | None = ref("meeting", default=None)
    """Id of the meeting the document belongs to (protocol, agenda, basis)."""
    proposed_clauses: tuple[str, ...] = ()
    """Proposed ``att``-clauses (förslag till beslut), in order."""
    part_of: str | None = ref("document", default=None)
    """Id of the document this one is a part of (a combined source)."""
    source_file: str | None = None
    """File the document was imported from."""
    line_count: int | None = None
    """Number of lines in the source (for coverage)."""
    unplaced: tuple[Segment, ...] = ()
    """Text the importer could not place, with spans; nothing is dropped silently."""
    dropped: tuple[Segment, ...] = ()
    """Whole lines recognised and dropped, with spans: repeated page headers and
    footers, page markers, a web transcript's site chrome."""
    notes: tuple[Segment, ...] = ()
    """What the importer could not read well, each with its span and a reason from
    ``grmodel.model.IMPORT_NOTES`` (reported by the IMP rules)."""
    cut: tuple[Segment, ...] = ()
    """Pieces cut out of lines that are otherwise kept (a page number glued to a
    word, "Sida 2 (5)" inside a line), each with the line it stood in."""
