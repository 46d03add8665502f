"""A small record set built in code, touching every field the Popolo mapping handles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from grmodel.model import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    Body,
    BodyKind,
    Decision,
    DecisionKind,
    Diarienummer,
    Document,
    DocumentKind,
    ItemKind,
    Justering,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Membership,
    Municipality,
    ParagraphRange,
    PartialDate,
    Party,
    Period,
    Person,
    Provenance,
    Record,
    Reservation,
    Role,
    Span,
    Vote,
    VoteCast,
)

SHARED = Path(__file__).resolve().parents[3].parent / "shared"
"""The shared standards (the repository root's sibling ``shared/``)."""
POPOLO_SCHEMAS = SHARED / "standards" / "popolo" / "schemas"

MEETING = "sgx-2019-11-07"
PERSONS = ["anna-andersson", "bo-berg", "cecilia-carlsson", "david-dahl", "eva-ek"]


def d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def sample_records() -> list[Record]:
    """Records of one steering group's meeting and its surroundings."""
    group = Body(
        id="sgx",
        name="Styrgruppen för X",
        kind=BodyKind.STEERING_GROUP,
        parent="gr-forbundsstyrelsen",
        period=Period(start=d("2015")),
        description="A steering group.",
    )
    presidium = Body(
        id="sgx-presidium",
        name="Presidiet",
        kind=BodyKind.PRESIDIUM,
        parent="sgx",
        period=Period(start=d("2015-01-01"), end=d("2018-12-31")),
    )
    persons: list[Record] = [
        Person(
            id="anna-andersson", name="Anna Andersson", given_name="Anna", family_name="Andersson"
        ),
        Person(id="bo-berg", name="Bo Berg"),
        Person(id="cecilia-carlsson", name="Cecilia Carlsson", note="name spelt Cecilia in 2019"),
        Person(id="david-dahl", name="David Dahl", title="avdelningschef", organisation="GR"),
        Person(id="eva-ek", name="Eva Ek", provenance=Provenance(source="protokoll.txt", line=3)),
    ]
    memberships: list[Record] = [
        Membership(
            id="sgx-anna-andersson",
            person="anna-andersson",
            body="sgx",
            role=Role.ORDFORANDE,
            party="S",
            municipality="1480",
            period=Period(start=d("2019-01-01"), end=d("2022-12-31")),
        ),
        Membership(
            id="sgx-bo-berg",
            person="bo-berg",
            body="sgx",
            role=Role.LEDAMOT,
            party="m",
            municipality="Ale",
            period=Period(start=d("2019")),
        ),
        Membership(
            id="sgx-cecilia-carlsson",
            person="cecilia-carlsson",
            body="sgx",
            role=Role.ERSATTARE,
            party="MP",
        ),
        Membership(
            id="sgx-presidium-anna-andersson",
            person="anna-andersson",
            body="sgx-presidium",
            role=Role.OTHER,
        ),
    ]
    basis = Document(
        id="dnr-2019-00368",
        kind=DocumentKind.TJANSTESKRIVELSE,
        title="Förslag om X",
        date=d("2019-10-20"),
        diarienummer=Diarienummer("2019-00368"),
        organisation="sgx",
        meeting=MEETING,
        proposed_clauses=("godkänna X", "föreslå Y"),
    )
    report = Document(
        id="rapport-2019-x", kind=DocumentKind.RAPPORT, title="Rapport om X", date=d("2019-09")
    )
    protocol = Document(
        id=f"{MEETING}-protokoll",
        kind=DocumentKind.PROTOKOLL,
        title="Protokoll",
        date=d("2019-11-07"),
        meeting=MEETING,
        source_file="protokoll.txt",
        line_count=120,
    )
    agenda = Document(id=f"{MEETING}-dagordning", kind=DocumentKind.DAGORDNING, meeting=MEETING)
    items = (
        AgendaItem(
            id=f"{MEETING}-p38",
            ordinal=1,
            title="Mötets öppnande",
            number="§ 38",
            paragraph=38,
            kind=ItemKind.OVRIGT,
        ),
        AgendaItem(
            id=f"{MEETING}-p39",
            ordinal=2,
            title="Förslag om X",
            number="§ 39",
            paragraph=39,
            kind=ItemKind.BESLUTSARENDE,
            presenters=("david-dahl",),
            text="Bakgrund.",
            basis=("dnr-2019-00368", "rapport-2019-x", "dnr-missing"),
            attachment=True,
            source=Span(40, 60),
            decisions=(
                Decision(
                    id=f"{MEETING}-p39-d1",
                    kind=DecisionKind.PROPOSAL,
                    text="Styrgruppen beslutar att föreslå förbundsstyrelsen",
                    clauses=("godkänna X,", "föreslå Y."),
                    target_body="gr-forbundsstyrelsen",
                    reservations=(Reservation(person="bo-berg", party="M", reason="Nej till X"),),
                    votes=Vote(
                        yes=2,
                        no=1,
                        roll_call=(
                            VoteCast(person="anna-andersson", choice="yes"),
                            VoteCast(person="bo-berg", choice="no"),
                        ),
                        description="bifall mot avslag",
                    ),
                    immediate_justering=True,
                ),
                Decision(
                    id=f"{MEETING}-p39-d2",
                    kind=DecisionKind.ASSIGNMENT,
                    clauses=("ge kansliet i uppdrag att utreda Z.",),
                    assignee="david-dahl",
                ),
            ),
        ),
        AgendaItem(
            id=f"{MEETING}-i3",
            ordinal=3,
            title="Information",
            decisions=(Decision(id=f"{MEETING}-i3-d1", kind=DecisionKind.NOTED),),
        ),
    )
    meeting = Meeting(
        id=MEETING,
        body="sgx",
        date=d("2019-11-07"),
        body_name="Styrgruppen för X",
        start_time=dt.time(9, 0),
        end_time=dt.time(12, 30),
        place="GR, Gårdavägen 2, Göteborg",
        attendance=(
            Attendance(
                person="anna-andersson",
                status=AttendanceStatus.PRESENT,
                role=Role.ORDFORANDE,
                party="S",
                municipality="Göteborg",
            ),
            Attendance(person="bo-berg", status=AttendanceStatus.ABSENT, party="M"),
            Attendance(
                person="cecilia-carlsson",
                status=AttendanceStatus.SERVING_SUBSTITUTE,
                replaces="bo-berg",
                paragraphs=(38, 39),
            ),
            Attendance(
                person="david-dahl",
                status=AttendanceStatus.OTHER,
                organisation="GR",
                title="avdelningschef",
                source=Span(10),
            ),
            Attendance(person="eva-ek", status=AttendanceStatus.SECRETARY),
        ),
        secretary="eva-ek",
        justering=Justering(
            justerare=("cecilia-carlsson",),
            date=d("2019-11-14"),
            signatories=("anna-andersson", "cecilia-carlsson"),
        ),
        items=items,
        stated_paragraphs=ParagraphRange(38, 40),
        documents=(protocol.id, agenda.id),
    )
    planned = Meeting(
        id="sgx-2020-02",
        body="sgx",
        date=d("2020-02"),
        status=MeetingStatus.PLANNED,
        kind=MeetingKind.RESIDENTIAL,
        announced_in=MEETING,
    )
    cancelled = Meeting(
        id="gr-forbundsstyrelsen-2019-12-13",
        body="gr-forbundsstyrelsen",
        date=d("2019-12-13"),
        status=MeetingStatus.CANCELLED,
    )
    others: list[Record] = [
        Party(id="parti-s", abbreviation="S", name="Socialdemokraterna"),
        Municipality(id="kommun-1480", code="1480", name="Göteborg", county="14"),
    ]
    return [
        *others,
        group,
        presidium,
        *persons,
        *memberships,
        basis,
        report,
        protocol,
        agenda,
        meeting,
        planned,
        cancelled,
    ]
