"""The typed core ontology of grmodel.

Every class is a frozen, slotted attrs class. Record types (subclasses of
:class:`Record`) are the top-level units of a record set; the others are values
nested inside records.
"""

from grmodel.model.base import Provenance, Record
from grmodel.model.documents import IMPORT_NOTES, Document, DocumentKind, Segment
from grmodel.model.geography import County, Municipality
from grmodel.model.meeting import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Decision,
    DecisionKind,
    ItemKind,
    Justering,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Reservation,
    Vote,
    VoteCast,
)
from grmodel.model.organisation import Body, BodyKind, BodyName, Party, SeatAllocation
from grmodel.model.people import Membership, Person, Role
from grmodel.model.projects import (
    Agreement,
    AgreementKind,
    Collaboration,
    CollaborationKind,
    FigureMeasure,
    FundingLine,
    FundingStatus,
    Project,
    StatedFigure,
)
from grmodel.model.refs import (
    RefdataReference,
    Reference,
    iter_refdata_refs,
    iter_refs,
    ref,
    refdata_date,
    refdata_ref,
)
from grmodel.model.values import (
    Area,
    Diarienummer,
    Money,
    Organisationsnummer,
    ParagraphRange,
    PartialDate,
    Period,
    Span,
)

CORE_RECORD_TYPES: tuple[type[Record], ...] = (
    County,
    Municipality,
    Party,
    Body,
    Person,
    Membership,
    Document,
    Meeting,
    Project,
    Agreement,
    Collaboration,
    StatedFigure,
)
"""The record types of the core, in dependency order (referenced before referring)."""

__all__ = [
    "CORE_RECORD_TYPES",
    "IMPORT_NOTES",
    "AgendaItem",
    "Agreement",
    "AgreementKind",
    "Area",
    "Attendance",
    "AttendanceStatus",
    "Body",
    "BodyKind",
    "BodyName",
    "Collaboration",
    "CollaborationKind",
    "County",
    "Decision",
    "DecisionKind",
    "Diarienummer",
    "Document",
    "DocumentKind",
    "FigureMeasure",
    "FundingLine",
    "FundingStatus",
    "ItemKind",
    "Justering",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "Membership",
    "Money",
    "Municipality",
    "Organisationsnummer",
    "ParagraphRange",
    "PartialDate",
    "Party",
    "Period",
    "Person",
    "Project",
    "Provenance",
    "Record",
    "RefdataReference",
    "Reference",
    "Reservation",
    "Role",
    "SeatAllocation",
    "Segment",
    "Span",
    "StatedFigure",
    "Vote",
    "VoteCast",
    "iter_refdata_refs",
    "iter_refs",
    "ref",
    "refdata_date",
    "refdata_ref",
]
