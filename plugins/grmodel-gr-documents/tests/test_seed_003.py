"""Seed 003, a protocol of the steering group for social welfare, field by field."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import (
    AttendanceStatus,
    DecisionKind,
    Document,
    Meeting,
    MeetingStatus,
    Membership,
    ParagraphRange,
    PartialDate,
    Person,
)
from grmodel_gr_documents.plugin import detect
from grmodel_gr_documents.protocol import parse_protocol

MID = "gr-styrgruppen-social-valfard-2019-11-07"


@pytest.fixture
def result(seed: Callable[[str], SourceDocument]) -> ImportResult:
    return parse_protocol(seed("003"))


@pytest.fixture
def meeting(result: ImportResult) -> Meeting:
    return next(r for r in result.records if isinstance(r, Meeting) and r.id == MID)


def test_detected_as_protocol(seed: Callable[[str], SourceDocument]) -> None:
    assert detect(seed("003")) == "protocol"


def test_meeting_header(meeting: Meeting, result: ImportResult) -> None:
    assert meeting.body == "gr-styrgruppen-social-valfard"
    assert meeting.date == PartialDate(2019, 11, 7)
    assert meeting.place == "GR, Anders Personsgatan 8, Göteborg"
    assert meeting.status is MeetingStatus.HELD
    assert meeting.stated_paragraphs == ParagraphRange(38, 47)
    assert result.document.id == f"{MID}-protokoll"
    assert meeting.documents == (f"{MID}-protokoll",)


PRESENT = [
    ("kent-lagrell", "M", "Öckerö"),
    ("patrik-linde", "S", "Härryda"),
    ("marita-henriksson", "SD", "Ale"),
    ("britt-marie-kuylenstierna", "MP", "Alingsås"),
    ("mariette-risberg", "D", "Göteborg"),
    ("kristina-bergman-alme", "L", "Göteborg"),
    ("pia-gillerstedt", "S", "Kungälv"),
    ("eva-andersson", "C", "Lerum"),
    ("ove-droscher", "S", "Mölndal"),
    ("marie-raask", "S", "Partille"),
    ("alexandra-odelsheim", "SD", "Stenungsund"),
    ("nina-miskovsky", "M", "Göteborg"),
    ("erling-alsin", "V", "Tjörn"),
]


def test_present_and_absent(meeting: Meeting) -> None:
    present = [
        (a.person, a.party, a.municipality)
        for a in meeting.attendance
        if a.status is AttendanceStatus.PRESENT
    ]
    assert present == PRESENT
    absent = [
        (a.person, a.party, a.municipality)
        for a in meeting.attendance
        if a.status is AttendanceStatus.ABSENT
    ]
    assert absent == [
        ("kalle-passe-sundvall", "M", "Kungsbacka"),
        ("linda-holmer-nordlund", "V", "Lilla Edet"),
    ]
    roles = {a.person: a.role for a in meeting.attendance if a.role}
    assert str(roles["kent-lagrell"]) == "ordförande"
    assert str(roles["patrik-linde"]) == "vice_ordförande"
    first = meeting.attendance[0]
    assert first.source is not None and first.source.line == 15


def test_secretary_and_others(meeting: Meeting) -> None:
    assert meeting.secretary == "sara-nordenhielm"
    secretaries = [a for a in meeting.attendance if a.status is AttendanceStatus.SECRETARY]
    assert [a.person for a in secretaries] == ["sara-nordenhielm"]
    others = {
        a.person: a.paragraphs for a in meeting.attendance if a.status is AttendanceStatus.OTHER
    }
    assert others["lena-holmlund"] == ()
    assert others["maria-ljung"] == (41,)
    assert others["cecilia-axelsson"] == (41,)
    for name in ("pia-eriksson", "zan-jankovski", "catharina-lindstedt", "linda-sjostrom"):
        assert others[name] == (39,)
    assert others["klas-forsberg"] == (39,)
    assert others["jeanette-stahl"] == (39,)
    assert others["dag-eliasson"] == (40,)
    assert others["anna-hedenstrom"] == (40,)
    assert len(others) == 12


def test_persons_and_memberships(result: ImportResult) -> None:
    persons = {r.id: r for r in result.records if isinstance(r, Person)}
    assert persons["lena-holmlund"].title == "avdelningschef"
    assert persons["lena-holmlund"].organisation == "Göteborgsregionen"
    memberships = [r for r in result.records if isinstance(r, Membership)]
    assert len(memberships) == 15
    risberg = next(m for m in memberships if m.person == "mariette-risberg")
    assert risberg.id == "gr-styrgruppen-social-valfard-mariette-risberg"
    assert (risberg.party, risberg.municipality, str(risberg.role)) == ("D", "Göteborg", "ledamot")


TITLES = {
    38: "Justerare",
    39: "Tema: Organiserad brottslighet och hedersrelaterat våld",
    40: "SPINK (Samlad placerings- och inköpsfunktion)",
    41: "Hälso- och sjukvårdsfrågor",
    42: "Summering av styrgruppen arbete 2019 och förslag till årshjul 2020",
    43: "Sammanträdestider 2020",
    44: "Delårsrapport per augusti 2019",
    45: "Göteborgs medverkan i LUPP",
    46: "Nationellt mål kring minskade bostadsbränder",
    47: "Rapport från Förbundsstyrelsen (18 okt)",
}


def test_paragraphs(meeting: Meeting) -> None:
    assert {i.paragraph: i.title for i in meeting.items} == TITLES
    assert [i.number for i in meeting.items][:2] == ["§ 38.", "§ 39."]
    assert meeting.items[0].id == f"{MID}-p38"
    assert [i.ordinal for i in meeting.items] == list(range(1, 11))


def _item(meeting: Meeting, paragraph: int):  # type: ignore[no-untyped-def]
    return next(i for i in meeting.items if i.paragraph == paragraph)


def test_decisions_39(meeting: Meeting) -> None:
    item = _item(meeting, 39)
    assert [d.kind for d in item.decisions] == [DecisionKind.NOTED, DecisionKind.PROPOSAL]
    proposal = item.decisions[1]
    assert proposal.id == f"{MID}-p39-d2"
    assert proposal.target_body == "gr-forbundsstyrelsen"
    assert proposal.clauses == (
        "ge styrgruppen för social välfärd och styrgruppen för utbildning (utbildningsgruppen) "
        "ett gemensamt uppdrag att utreda förutsättningarna för ett regionalt stödcentrum för "
        "utsatta för hedersrelaterat våld.",
        "uppdraget genomförs i samverkan med Göteborgs Stad samt andra berörda myndigheter och "
        "relevanta samverkansaktörer.",
    )
    assert item.basis == ("dnr-2019-00368",)


def test_decisions_40_assignment(meeting: Meeting) -> None:
    item = _item(meeting, 40)
    assert [d.kind for d in item.decisions] == [DecisionKind.NOTED, DecisionKind.ASSIGNMENT]
    assert item.decisions[1].assignee == "avdelningschefen"


def test_decisions_41(meeting: Meeting) -> None:
    item = _item(meeting, 41)
    assert [d.kind for d in item.decisions] == [DecisionKind.NOTED, DecisionKind.PROPOSAL]
    proposal = item.decisions[1]
    assert proposal.target_body == "gr-forbundsstyrelsen"
    assert [c[:40] for c in proposal.clauses] == [
        "Uppdra åt styrgruppen för social välfärd",
        "Uppdra åt sitt presidium att adjungera p",
        "Uppdra åt förbundsdirektören att beakta ",
    ]
    assert proposal.clauses[2].endswith("genomföra förbundets uppdrag.")
    assert item.basis == ("dnr-2019-00224",)


def test_decisions_43_reservation_and_schedule(meeting: Meeting, result: ImportResult) -> None:
    item = _item(meeting, 43)
    texts = [d.text for d in item.decisions]
    assert texts[0] == "Styrgruppen godkänner förslag till sammanträdesplan 2020."
    assert texts[1] == "Styrgruppen godkänner förslag till studieresa 19-20 mars."
    assert all(d.kind is DecisionKind.DECIDED for d in item.decisions)
    (reservation,) = item.decisions[1].reservations
    assert reservation.person == "mariette-risberg"
    assert (reservation.party, reservation.municipality) == ("D", "Göteborg")
    assert reservation.reason == "de ekonomiska kostnaderna"
    assert reservation.source is not None and reservation.source.line == 210
    planned = [
        r for r in result.records if isinstance(r, Meeting) and r.status is MeetingStatus.PLANNED
    ]
    assert [str(m.date) for m in planned] == [
        "2020-01-24",
        "2020-03-19",
        "2020-04-16",
        "2020-05-15",
        "2020-08-27",
        "2020-09-22",
        "2020-11-05",
    ]
    assert str(planned[1].end_date) == "2020-03-20"
    assert all(m.announced_in == MID for m in planned)
    assert str(planned[0].start_time) == "09:00:00" and str(planned[0].end_time) == "15:00:00"


def test_decisions_46(meeting: Meeting) -> None:
    (decision,) = _item(meeting, 46).decisions
    assert decision.kind is DecisionKind.ASSIGNMENT
    assert decision.assignee == "avdelningschefen"
    assert decision.clauses == (
        "ge avdelningschefen i uppdrag att be socialchefs nätverket inkomma med ett yttrande i "
        "frågan.",
    )


def test_basis_documents(result: ImportResult) -> None:
    docs = {r.id: r for r in result.records if isinstance(r, Document)}
    assert str(docs["dnr-2019-00368"].diarienummer) == "2019-00368"
    assert str(docs["dnr-2019-00224"].diarienummer) == "2019-00224"
    assert str(docs["dnr-2019-00368"].date) == "2019-10-28"


def test_justering(meeting: Meeting) -> None:
    assert meeting.justering is not None
    assert meeting.justering.justerare == ("patrik-linde",)
    assert meeting.justering.source is not None and meeting.justering.source.line == 65
    assert meeting.justering.signatories == ("kent-lagrell", "patrik-linde")


def test_page_headers_and_accounting(
    result: ImportResult, check_accounting: Callable[[ImportResult], None]
) -> None:
    # the header block at the top is the masthead (read for date and place); the
    # seven repetitions after it (lines 55, 85, 115, 145, 174, 214, 264) are dropped
    assert [seg.span.line for seg in result.document.dropped] == [55, 85, 115, 145, 174, 214, 264]
    assert all(seg.reason == "page header" for seg in result.document.dropped)
    check_accounting(result)
    assert result.coverage > 0.95


def test_provenance(result: ImportResult) -> None:
    for record in result.records:
        assert record.provenance is not None and record.provenance.line is not None
        assert record.provenance.document == f"{MID}-protokoll"
