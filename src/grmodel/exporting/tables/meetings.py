"""Tables of meetings: attendance, justering, agenda items (§), decisions, reservations
and roll-call votes."""

from __future__ import annotations

from grmodel.exporting.tables.schema import (
    ID,
    Column,
    ForeignKey,
    Table,
    boolean,
    choice,
    date_columns,
    fk,
    integer,
    list_table,
    lookup_columns,
    record_table,
    ref_column,
    span_columns,
    table,
    text,
)
from grmodel.exporting.tables.values import (
    RowFunction,
    Rows,
    common,
    date_values,
    list_rows,
    span_values,
    value,
)
from grmodel.model import (
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
    Record,
    Reservation,
    Role,
    VoteCast,
)

__all__ = ["ROWS", "TABLES"]

_MEETING = ("meeting_id", "meetings")

TABLES: tuple[Table, ...] = (
    record_table(
        "meetings",
        "A meeting of a body, held, planned or cancelled",
        (
            ref_column("body_id", Meeting, "body", "Id of the body that met"),
            *date_columns("date", "Date of the meeting (first day)"),
            text("stated_date", "The date as written when the document states no full date"),
            text("weekday", "The weekday stated with the date, as written"),
            *date_columns("end_date", "Last day of a meeting over several days"),
            text("body_name", "The body's name as used at the time"),
            Column(name="start_time", type="time", description="Start time"),
            Column(name="end_time", type="time", description="End time"),
            text("place", "Where the meeting was held"),
            choice("kind", MeetingKind, "Ordinary, extraordinary, residential…"),
            choice("status", MeetingStatus, "Held, planned or cancelled"),
            text(
                "attendance_elsewhere",
                "Where the document says its list of decision-makers is, when not in its "
                "text: the attendance rows are then partial",
            ),
            text(
                "attendance_unread",
                "Why the attendance rows are incomplete though the text holds them (a list "
                "the importer could not read)",
            ),
            ref_column("secretary_id", Meeting, "secretary", "Id of the secretary"),
            *date_columns("justering_date", "When the protocol was justerat"),
            text("justering_place", "Where it was justerat"),
            *span_columns("justering_source"),
            integer("stated_paragraphs_first", "First § of a range the document states"),
            integer("stated_paragraphs_last", "Last § of that range"),
            ref_column(
                "announced_in",
                Meeting,
                "announced_in",
                "For a planned meeting: id of the meeting that announced it",
            ),
        ),
        origin=True,
        indexed=("date", "date_first_day"),
    ),
    list_table(
        "meeting_documents",
        "A document of a meeting (protocol, agenda)",
        _MEETING,
        (ref_column("document_id", Meeting, "documents", "Id of the document", required=True),),
    ),
    list_table(
        "justerare",
        "A person chosen to justera a meeting's protocol",
        _MEETING,
        (ref_column("person_id", Justering, "justerare", "Id of the person", required=True),),
    ),
    list_table(
        "justering_signatories",
        "A person who signed a protocol's justering",
        _MEETING,
        (ref_column("person_id", Justering, "signatories", "Id of the person", required=True),),
    ),
    list_table(
        "attendance",
        "One person's attendance at a meeting",
        _MEETING,
        (
            ref_column("person_id", Attendance, "person", "Id of the person", required=True),
            choice(
                "status", AttendanceStatus, "Present, absent, serving substitute…", required=True
            ),
            choice("role", Role, "Role at this meeting as stated"),
            *lookup_columns("party", Attendance, "party", "Party abbreviation"),
            *lookup_columns("municipality", Attendance, "municipality", "Municipality"),
            text("organisation", "Organisation (officials, guests)"),
            text("title", "Job title (officials, guests)"),
            boolean(
                "whole_meeting", "True when the person attended the whole meeting", required=True
            ),
            ref_column(
                "replaces_id",
                Attendance,
                "replaces",
                "For a serving substitute: id of the ledamot replaced",
            ),
            *span_columns(),
        ),
    ),
    table(
        "attendance_paragraphs",
        "A § a person attended, where attendance was limited to some",
        (
            text("meeting_id", "Id of the meeting", required=True),
            integer("attendance_ordinal", "Ordinal of the attendance row", required=True),
            integer("ordinal", "Position in the list, 1-based", required=True),
            integer("paragraph", "§ (or item) number", required=True),
        ),
        ("meeting_id", "attendance_ordinal", "ordinal"),
        foreign_keys=(
            ForeignKey(
                columns=("meeting_id", "attendance_ordinal"),
                table="attendance",
                ref_columns=("meeting_id", "ordinal"),
            ),
        ),
    ),
    table(
        "agenda_items",
        "An agenda item or protocol paragraph (§)",
        (
            ID,
            text("meeting_id", "Id of the meeting", required=True),
            integer("ordinal", "Position in the meeting, 1-based", required=True),
            text("title", "Title as written", required=True),
            text("number", "Number as written"),
            integer("paragraph", "§ number"),
            text("diarienummer", "The matter's diarienummer, where the heading states it"),
            choice("kind", ItemKind, "Item kind as the agenda marks it"),
            text("text", "The item's text"),
            boolean("attachment", "True where a document is attached", required=True),
            *span_columns(),
        ),
        ("id",),
        foreign_keys=(fk("meeting_id", "meetings"),),
    ),
    list_table(
        "item_presenters",
        "A person presenting an agenda item",
        ("item_id", "agenda_items"),
        (ref_column("person_id", AgendaItem, "presenters", "Id of the person", required=True),),
    ),
    list_table(
        "item_basis_documents",
        "A basis document (beslutsunderlag) of an agenda item",
        ("item_id", "agenda_items"),
        (ref_column("document_id", AgendaItem, "basis", "Id of the document", required=True),),
    ),
    table(
        "decisions",
        "A decision under an agenda item",
        (
            ID,
            text("item_id", "Id of the agenda item", required=True),
            text("meeting_id", "Id of the meeting (the item's)", required=True),
            integer("ordinal", "Position under the item, 1-based", required=True),
            choice("kind", DecisionKind, "Decided, proposal, assignment or noted", required=True),
            text("text", "The lead text"),
            ref_column(
                "target_body_id",
                Decision,
                "target_body",
                "For a proposal: id of the body it goes to",
            ),
            text("assignee", "For an assignment: who (id or role as written)"),
            boolean("immediate_justering", "True when immediately justerad", required=True),
            integer("votes_yes", "Votes for"),
            integer("votes_no", "Votes against"),
            integer("votes_abstain", "Abstentions"),
            text("votes_description", "The propositions voted on"),
            *span_columns(),
        ),
        ("id",),
        foreign_keys=(fk("item_id", "agenda_items"), fk("meeting_id", "meetings")),
        indexed=("kind",),
    ),
    list_table(
        "decision_clauses",
        "An att-clause of a decision",
        ("decision_id", "decisions"),
        (text("text", "The clause without the leading att", required=True),),
    ),
    list_table(
        "reservations",
        "A reservation against a decision",
        ("decision_id", "decisions"),
        (
            ref_column("person_id", Reservation, "person", "Id of the person", required=True),
            *lookup_columns("party", Reservation, "party", "Party"),
            *lookup_columns("municipality", Reservation, "municipality", "Municipality"),
            text("reason", "The stated reason"),
            *span_columns(),
        ),
    ),
    list_table(
        "roll_call_votes",
        "One person's vote in a roll-call vote (votering)",
        ("decision_id", "decisions"),
        (
            ref_column("person_id", VoteCast, "person", "Id of the person", required=True),
            text("choice", "yes, no or abstain", required=True),
        ),
    ),
)


def meeting_rows(m: Meeting) -> Rows:
    """The rows of a meeting and everything nested in it."""
    j = m.justering
    yield (
        "meetings",
        {
            **common(m),
            "body_id": m.body,
            **date_values("date", m.date),
            "stated_date": m.stated_date,
            "weekday": m.weekday,
            **date_values("end_date", m.end_date),
            "body_name": m.body_name,
            "start_time": m.start_time,
            "end_time": m.end_time,
            "place": m.place,
            "kind": value(m.kind),
            "status": value(m.status),
            "attendance_elsewhere": m.attendance_elsewhere,
            "attendance_unread": m.attendance_unread,
            "secretary_id": m.secretary,
            **(date_values("justering_date", j.date) if j else {}),
            "justering_place": j.place if j else None,
            **span_values(j.source if j else None, "justering_source"),
            "stated_paragraphs_first": m.stated_paragraphs.first if m.stated_paragraphs else None,
            "stated_paragraphs_last": m.stated_paragraphs.last if m.stated_paragraphs else None,
            "announced_in": m.announced_in,
            "origin": "record",
        },
    )
    yield from list_rows("meeting_documents", "meeting_id", m.id, "document_id", m.documents)
    if j is not None:
        yield from list_rows("justerare", "meeting_id", m.id, "person_id", j.justerare)
        yield from list_rows(
            "justering_signatories", "meeting_id", m.id, "person_id", j.signatories
        )
    for ordinal, a in enumerate(m.attendance, 1):
        yield from _attendance_rows(m, ordinal, a)
    for item in m.items:
        yield from _item_rows(m, item)


def _attendance_rows(m: Meeting, ordinal: int, a: Attendance) -> Rows:
    yield (
        "attendance",
        {
            "meeting_id": m.id,
            "ordinal": ordinal,
            "person_id": a.person,
            "status": value(a.status),
            "role": value(a.role),
            "party_as_written": a.party,
            "municipality_as_written": a.municipality,
            "organisation": a.organisation,
            "title": a.title,
            "whole_meeting": not a.paragraphs,
            "replaces_id": a.replaces,
            **span_values(a.source),
        },
    )
    for index, paragraph in enumerate(a.paragraphs, 1):
        yield (
            "attendance_paragraphs",
            {
                "meeting_id": m.id,
                "attendance_ordinal": ordinal,
                "ordinal": index,
                "paragraph": paragraph,
            },
        )


def _item_rows(m: Meeting, item: AgendaItem) -> Rows:
    yield (
        "agenda_items",
        {
            "id": item.id,
            "meeting_id": m.id,
            "ordinal": item.ordinal,
            "title": item.title,
            "number": item.number,
            "paragraph": item.paragraph,
            "diarienummer": str(item.diarienummer) if item.diarienummer else None,
            "kind": value(item.kind),
            "text": item.text,
            "attachment": item.attachment,
            **span_values(item.source),
        },
    )
    yield from list_rows("item_presenters", "item_id", item.id, "person_id", item.presenters)
    yield from list_rows("item_basis_documents", "item_id", item.id, "document_id", item.basis)
    for ordinal, decision in enumerate(item.decisions, 1):
        yield from _decision_rows(m, item, ordinal, decision)


def _decision_rows(m: Meeting, item: AgendaItem, ordinal: int, d: Decision) -> Rows:
    votes = d.votes
    yield (
        "decisions",
        {
            "id": d.id,
            "item_id": item.id,
            "meeting_id": m.id,
            "ordinal": ordinal,
            "kind": value(d.kind),
            "text": d.text,
            "target_body_id": d.target_body,
            "assignee": d.assignee,
            "immediate_justering": d.immediate_justering,
            "votes_yes": votes.yes if votes else None,
            "votes_no": votes.no if votes else None,
            "votes_abstain": votes.abstain if votes else None,
            "votes_description": votes.description if votes else None,
            **span_values(d.source),
        },
    )
    yield from list_rows("decision_clauses", "decision_id", d.id, "text", d.clauses)
    for index, r in enumerate(d.reservations, 1):
        yield (
            "reservations",
            {
                "decision_id": d.id,
                "ordinal": index,
                "person_id": r.person,
                "party_as_written": r.party,
                "municipality_as_written": r.municipality,
                "reason": r.reason,
                **span_values(r.source),
            },
        )
    for index, cast in enumerate(votes.roll_call if votes else (), 1):
        yield (
            "roll_call_votes",
            {
                "decision_id": d.id,
                "ordinal": index,
                "person_id": cast.person,
                "choice": cast.choice,
            },
        )


ROWS: dict[type[Record], RowFunction] = {Meeting: meeting_rows}
