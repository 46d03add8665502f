"""Meetings with attendance, agenda items (§), decisions and justering."""

from __future__ import annotations

import datetime as dt
import enum
from typing import ClassVar

import attrs

from grmodel.model.base import Record
from grmodel.model.people import Role
from grmodel.model.refs import ref, refdata_ref
from grmodel.model.values import Diarienummer, ParagraphRange, PartialDate, Span

__all__ = [
    "AgendaItem",
    "Attendance",
    "AttendanceStatus",
    "Decision",
    "DecisionKind",
    "ItemKind",
    "Justering",
    "Meeting",
    "MeetingKind",
    "MeetingStatus",
    "Reservation",
    "Vote",
    "VoteCast",
]


class AttendanceStatus(enum.StrEnum):
    """How a person took part in a meeting."""

    PRESENT = "present"
    """A ledamot present (närvarande)."""
    ABSENT = "absent"
    """A ledamot absent (ej närvarande, förhinder, deltog ej)."""
    SERVING_SUBSTITUTE = "serving_substitute"
    """An ersättare serving in an absent ledamot's place (tjänstgörande ersättare)."""
    SUBSTITUTE = "substitute"
    """An ersättare present but not serving (övriga ersättare)."""
    ADJUNGERAD = "adjungerad"
    """Co-opted, present without a vote."""
    SECRETARY = "secretary"
    """The meeting's secretary (sekreterare, sekretariat)."""
    OTHER = "other"
    """Others present (övriga, övriga deltagare): officials, presenters, guests."""


class MeetingKind(enum.StrEnum):
    """What kind of meeting it is."""

    ORDINARY = "ordinary"
    """An ordinary meeting (sammanträde)."""
    EXTRAORDINARY = "extraordinary"
    """An extra meeting (extra sammanträde)."""
    RESIDENTIAL = "residential"
    """A residential meeting (internat) over more than one day."""
    STUDY_TRIP = "study_trip"
    """A study trip (studieresa)."""
    OTHER = "other"
    """Any other kind."""


class MeetingStatus(enum.StrEnum):
    """Whether a meeting was held, is planned, or was cancelled."""

    HELD = "held"
    """The meeting took place (a protocol exists or is expected)."""
    PLANNED = "planned"
    """Announced for the future (sammanträdestider)."""
    CANCELLED = "cancelled"
    """Cancelled (inställt)."""


class ItemKind(enum.StrEnum):
    """The kind of an agenda item as agendas mark it."""

    BESLUTSARENDE = "beslutsärende"
    """A matter for decision."""
    INFORMATIONSARENDE = "informationsärende"
    """A matter for information."""
    STRATEGIFRAGA = "strategifråga"
    """A strategic question for discussion."""
    OVRIGT = "övrigt"
    """Other business (övriga frågor) and formalities."""


class DecisionKind(enum.StrEnum):
    """What a decision does."""

    DECIDED = "decided"
    """The body decided the matter itself (beslutar, godkänner)."""
    PROPOSAL = "proposal"
    """A proposal to another body (föreslår förbundsstyrelsen)."""
    ASSIGNMENT = "assignment"
    """An assignment to someone (ger i uppdrag åt …)."""
    NOTED = "noted"
    """Information noted (informationen antecknas)."""


@attrs.frozen(kw_only=True)
class Attendance:
    """One person's attendance at a meeting, as the protocol states it."""

    person: str = ref("person")
    """Id of the :class:`~grmodel.Person`."""
    status: AttendanceStatus
    """Present, absent, serving substitute, …"""
    role: Role | None = None
    """Role at this meeting as stated (ordförande, vice ordförande)."""
    party: str | None = refdata_ref("party", default=None)
    """Party abbreviation as written at this meeting."""
    municipality: str | None = refdata_ref("municipality", default=None)
    """Municipality as written (kommunkod or name)."""
    organisation: str | None = None
    """Organisation, for officials and guests."""
    title: str | None = None
    """Job title, for officials and guests."""
    paragraphs: tuple[int, ...] = ()
    """The § (or item) numbers the person attended; empty means the whole meeting."""
    replaces: str | None = ref("person", default=None)
    """For a serving substitute: id of the ledamot replaced."""
    source: Span | None = None
    """Lines of the source that state this entry."""


@attrs.frozen(kw_only=True)
class Reservation:
    """A reservation (dissent) against a decision."""

    person: str = ref("person")
    """Id of the person who reserved themselves."""
    party: str | None = refdata_ref("party", default=None)
    """Their party as written."""
    municipality: str | None = refdata_ref("municipality", default=None)
    """Their municipality as written."""
    reason: str | None = None
    """The stated reason."""
    source: Span | None = None
    """Lines of the source that state the reservation."""


@attrs.frozen(kw_only=True)
class VoteCast:
    """One person's vote in a roll-call vote (votering)."""

    person: str = ref("person")
    """Id of the person."""
    choice: str
    """``"yes"``, ``"no"`` or ``"abstain"`` (ja, nej, avstår)."""


@attrs.frozen(kw_only=True)
class Vote:
    """A recorded vote and its result."""

    yes: int | None = None
    """Votes for the decision."""
    no: int | None = None
    """Votes against."""
    abstain: int | None = None
    """Abstentions."""
    roll_call: tuple[VoteCast, ...] = ()
    """Individual votes, where recorded."""
    description: str | None = None
    """The propositions voted on, as written."""


@attrs.frozen(kw_only=True)
class Decision:
    """A decision under an agenda item, with its ``att``-clauses in order."""

    id: str
    """Stable identifier (e.g. ``sgsv-2019-11-07-p39-d2``)."""
    kind: DecisionKind
    """Decided, proposal, assignment or noted."""
    text: str | None = None
    """The lead text (``"Styrgruppen beslutar att föreslå förbundsstyrelsen"``)."""
    clauses: tuple[str, ...] = ()
    """The ``att``-clauses, in order, without the leading ``att``."""
    target_body: str | None = ref("body", default=None)
    """For a proposal: id of the body it goes to."""
    assignee: str | None = None
    """For an assignment: who is assigned (person id, body id or role as written)."""
    reservations: tuple[Reservation, ...] = ()
    """Reservations against the decision."""
    votes: Vote | None = None
    """The vote, where one was recorded."""
    immediate_justering: bool = False
    """True when the § was declared immediately justerad (omedelbar justering)."""
    source: Span | None = None
    """Lines of the source that state the decision."""


@attrs.frozen(kw_only=True)
class AgendaItem:
    """An agenda item or protocol paragraph (§)."""

    id: str
    """Stable identifier (e.g. ``sgsv-2019-11-07-p38``)."""
    ordinal: int
    """Position in the meeting, 1-based."""
    title: str
    """Title as written."""
    number: str | None = None
    """The number as written (``"§ 38."``, ``"1."``)."""
    paragraph: int | None = None
    """The § number, for protocol paragraphs."""
    diarienummer: Diarienummer | None = None
    """The matter's registration number, where the heading states it ("Dnr 36/2009")."""
    kind: ItemKind | None = None
    """Item kind, where the agenda marks it."""
    presenters: tuple[str, ...] = ref("person", default=())
    """Ids of persons presenting the item."""
    text: str | None = None
    """The item's text (discussion, background)."""
    decisions: tuple[Decision, ...] = ()
    """Decisions taken under the item, in order."""
    basis: tuple[str, ...] = ref("document", default=())
    """Ids of basis documents (beslutsunderlag)."""
    attachment: bool = False
    """True where the agenda says a document is attached ("handling bifogas")."""
    source: Span | None = None
    """Lines of the source that hold the item."""


@attrs.frozen(kw_only=True)
class Justering:
    """The justering (signing off) of a protocol."""

    justerare: tuple[str, ...] = ref("person", default=())
    """Ids of the persons chosen to justera the protocol beside the chair."""
    date: PartialDate | None = None
    """When the protocol was justerat."""
    place: str | None = None
    """Where it was justerat."""
    signatories: tuple[str, ...] = ref("person", default=())
    """Ids of those who signed the justering block (chair and justerare)."""
    source: Span | None = None
    """Lines of the source that name the justerare."""


@attrs.frozen(kw_only=True)
class Meeting(Record):
    """A meeting (sammanträde) of a body, held, planned or cancelled."""

    TYPE: ClassVar[str] = "meeting"

    body: str = ref("body")
    """Id of the :class:`~grmodel.Body` that met."""
    date: PartialDate | None = None
    """Date of the meeting (first day, for a meeting over several days), or
    ``None`` when the source states no year (see :attr:`stated_date`); rule
    DAT007 warns about a meeting without a date."""
    stated_date: str | None = None
    """The date as the document writes it when that is not a full date
    ("torsdag den 18 december"), kept so that no text is lost."""
    weekday: str | None = None
    """The weekday the document states with the date ("fredag"), as written."""
    body_name: str | None = None
    """The body's name as used in the document at the time."""
    end_date: PartialDate | None = None
    """Last day, for a meeting over several days ("19-20 mars")."""
    start_time: dt.time | None = None
    """Start time (``"09:00"``)."""
    end_time: dt.time | None = None
    """End time."""
    place: str | None = None
    """Where the meeting was held."""
    kind: MeetingKind = MeetingKind.ORDINARY
    """Ordinary, extraordinary, residential, study trip…"""
    status: MeetingStatus = MeetingStatus.HELD
    """Held, planned or cancelled."""
    attendance: tuple[Attendance, ...] = ()
    """Who attended, was absent, served as substitute, …"""
    attendance_elsewhere: str | None = None
    """Where the document says its list of decision-makers is, when not in its text
    ("Se förteckning bilaga 1"): the attendance above is then partial, and the rules
    that need all of it (quorum, justerare and reservations present) skip the meeting."""
    attendance_unread: str | None = None
    """Why the attendance above is known to be incomplete though the text holds it: an
    importer could not read a list it found ("no entry read under 'Beslutande'").
    The rules that need all of it skip the meeting, as for ``attendance_elsewhere``;
    the importer's own finding tells the steward to add it."""
    secretary: str | None = ref("person", default=None)
    """Id of the secretary who kept the protocol ("Vid protokollet")."""
    justering: Justering | None = None
    """Justerare and justering date."""
    items: tuple[AgendaItem, ...] = ()
    """Agenda items or paragraphs, in order."""
    stated_paragraphs: ParagraphRange | None = None
    """A paragraph range the document states ("PARAGRAFER 38-47")."""
    announced_in: str | None = ref("meeting", default=None)
    """For a planned meeting: id of the meeting whose protocol announced it."""
    documents: tuple[str, ...] = ref("document", default=())
    """Ids of the documents of the meeting (protocol, agenda)."""

    @property
    def attendance_partial(self) -> bool:
        """Whether the attendance is known to be partial (its list kept elsewhere, or
        not read): the rules that need all of it skip the meeting."""
        return bool(self.attendance_elsewhere or self.attendance_unread)

    @property
    def date_label(self) -> str:
        """The date for names and messages: ``2019-11-07``, else the date as stated,
        else ``"undated"``."""
        if self.date is not None:
            return str(self.date)
        return self.stated_date or "undated"
