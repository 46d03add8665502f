"""Format variants: each style a real GR document is written in, as a small document."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import AttendanceStatus, DecisionKind, ItemKind, Meeting, MeetingStatus
from grmodel_gr_documents.agenda import parse_agenda
from grmodel_gr_documents.plugin import detect
from grmodel_gr_documents.protocol import parse_protocol
from grmodel_gr_documents.staff_report import parse_staff_report

Source = Callable[..., SourceDocument]


def meeting_of(result: ImportResult) -> Meeting:
    return next(
        r
        for r in result.records
        if isinstance(r, Meeting) and r.status is not MeetingStatus.PLANNED
    )


ONE_PER_LINE = """\
Protokoll från sammanträde med Förbundsstyrelsen
Tid: 2018-02-16 kl. 09:00-12:00
Plats: GR, Gårdavägen 2, Göteborg

Närvarande ledamöter
Anna Berg (S), Ale, ordförande
Bo Ek, Lerum (M), v. ordf.
Carl Dahl (mp), Mölndal

Tjänstgörande ersättare
Dora Fors (C), Tjörn, tjänstgörande ersättare för Erik Gran (C)

Anmält förhinder
Erik Gran (C), Tjörn

Övriga deltagare
Frida Holm, förbundsdirektör, Göteborgsregionen, §§ 310-311

§310 Val av justerare
Bo Ek (M) utses att tillsammans med ordföranden justera protokollet.

§ 311 Budget 2018
Förbundsstyrelsen beslutar
att fastställa budgeten,
att förklara protokollet under denna paragraf för omedelbart justerat.

Omröstning begärs. Omröstningen utfaller med 8 ja-röster mot 5 nej-röster.

Carl Dahl (mp), Mölndal, reserverar sig mot beslutet till förmån för eget yrkande.

Vid protokollet
Gun Ivarsson

Justeras
Anna Berg
Bo Ek
Göteborg 2018-02-20
"""


def test_one_per_line_protocol(source: Source) -> None:
    document = source(ONE_PER_LINE)
    assert detect(document) == "protocol"
    meeting = meeting_of(parse_protocol(document))
    assert meeting.body == "gr-forbundsstyrelsen"
    assert str(meeting.date) == "2018-02-16"
    assert (str(meeting.start_time), str(meeting.end_time)) == ("09:00:00", "12:00:00")
    assert meeting.place == "GR, Gårdavägen 2, Göteborg"
    status = {a.person: a for a in meeting.attendance}
    assert status["anna-berg"].status is AttendanceStatus.PRESENT
    assert (status["bo-ek"].party, status["bo-ek"].municipality) == ("M", "Lerum")
    assert str(status["bo-ek"].role) == "vice_ordförande"
    assert status["carl-dahl"].party == "mp"
    assert status["dora-fors"].status is AttendanceStatus.SERVING_SUBSTITUTE
    assert status["dora-fors"].replaces == "erik-gran"
    assert status["erik-gran"].status is AttendanceStatus.ABSENT
    assert status["frida-holm"].paragraphs == (310, 311)
    assert [(i.number, i.paragraph, i.title) for i in meeting.items] == [
        ("§310", 310, "Val av justerare"),
        ("§ 311", 311, "Budget 2018"),
    ]
    (decision,) = meeting.items[1].decisions
    assert decision.kind is DecisionKind.DECIDED
    assert decision.clauses == (
        "fastställa budgeten",
        "förklara protokollet under denna paragraf för omedelbart justerat.",
    )
    assert decision.immediate_justering
    assert decision.votes is not None and (decision.votes.yes, decision.votes.no) == (8, 5)
    (reservation,) = decision.reservations
    assert reservation.person == "carl-dahl" and reservation.party == "mp"
    assert reservation.reason == "eget yrkande"
    assert meeting.justering is not None
    assert meeting.justering.justerare == ("bo-ek",)
    assert meeting.justering.source is not None and meeting.justering.source.line == 20
    assert str(meeting.justering.date) == "2018-02-20"
    assert meeting.justering.place == "Göteborg"
    assert meeting.secretary == "gun-ivarsson"


RUN_ON = """\
Protokoll från förbundsstyrelsens sammanträde torsdag den 18 december, kl 9-15, GR, Gårdavägen 2

Närvarande: Anna Berg (s), Ale, ordförande; Bo Ek (m), Lerum, Carl Dahl (fp), Mölndal och Dan Falk (v), Tjörn

Ej närvarande: Eva Gran (kd), Partille

1. Val av justeringsperson
Mötet väljer Bo Ek som justerare.

2. Information om budget 2009
Informationen antecknas.

Sammanträdestider 2009: 19-20 mars
"""


def test_run_on_header_and_attendance(source: Source) -> None:
    result = parse_protocol(source(RUN_ON), year=2008)
    meeting = meeting_of(result)
    assert meeting.body == "gr-forbundsstyrelsen"
    assert str(meeting.date) == "2008-12-18"
    assert str(meeting.start_time) == "09:00:00" and str(meeting.end_time) == "15:00:00"
    assert meeting.place == "GR, Gårdavägen 2"
    present = [a.person for a in meeting.attendance if a.status is AttendanceStatus.PRESENT]
    assert present == ["anna-berg", "bo-ek", "carl-dahl", "dan-falk"]
    assert [a.party for a in meeting.attendance] == ["s", "m", "fp", "v", "kd"]
    assert meeting.attendance[-1].status is AttendanceStatus.ABSENT
    assert [(i.number, i.paragraph, i.title) for i in meeting.items] == [
        ("1.", None, "Val av justeringsperson"),
        ("2.", None, "Information om budget 2009"),
    ]
    assert meeting.items[0].id.endswith("-i1")
    assert meeting.justering is not None and meeting.justering.justerare == ("bo-ek",)
    assert meeting.items[1].decisions[0].kind is DecisionKind.NOTED


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kent Lagrell utses till justerare.", ("kent-lagrell",)),
        ("Till att jämte ordföranden justera protokollet valdes Kent Lagrell.", ("kent-lagrell",)),
        ("Till att jämte ordf. justera protokollet valdes Kent Lagrell.", ("kent-lagrell",)),
        (
            "Kent Lagrell (M) utses att tillsammans med ordföranden justera protokollet.",
            ("kent-lagrell",),
        ),
        ("Mötet väljer Kent Lagrell som justerare.", ("kent-lagrell",)),
        ("Kent Lagrell och Eva Ek utses att justera protokollet.", ("kent-lagrell", "eva-ek")),
    ],
)
def test_justerare_phrasings(source: Source, sentence: str, expected: tuple[str, ...]) -> None:
    text = "Protokoll 2019-11-07\n\nNärvarande\nKent Lagrell (M), Öckerö\nEva Ek (S), Ale\n\n"
    text += f"§ 1 Justering\n{sentence}\n\n§ 2 Övrigt\nInformationen antecknas.\n"
    meeting = meeting_of(parse_protocol(source(text)))
    assert meeting.justering is not None
    assert meeting.justering.justerare == expected
    assert meeting.justering.source is not None and meeting.justering.source.line == 8


NUMBERED_BARE = """\
Protokoll
Sociala styrgruppen
Datum: 1november2012
Tid: 13.00-16.00

Ledamöter
Anna Berg, Ale
Bo Ek, Lerum

1 Val av justeringsperson
Anna Berg utses till justerare.
2 Remisser
Informationen antecknas.
3 Övriga frågor
Inga övriga frågor.
"""


def test_bare_numbering_and_compact_date(source: Source) -> None:
    meeting = meeting_of(parse_protocol(source(NUMBERED_BARE)))
    assert meeting.id == "gr-styrgruppen-social-valfard-2012-11-01"
    assert meeting.body_name == "Sociala styrgruppen"
    assert str(meeting.start_time) == "13:00:00"
    assert [i.number for i in meeting.items] == ["1", "2", "3"]
    assert [a.municipality for a in meeting.attendance] == ["Ale", "Lerum"]


PAGE_NOISE = """\
FÖRBUNDSSTYRELSEN GR 1
Protokoll 2017-12-15
Närvarande
Anna Berg (S), Ale

§ 287 Val av justerare
Anna Berg utses till justerare.
Sida 1 av 2
Just: ____
FÖRBUNDSSTYRELSEN GR 2
§ 288 Information
Informationen antecknas.
Justerat sign:
2 (5)
"""


def test_page_header_noise_is_dropped(source: Source) -> None:
    result = parse_protocol(source(PAGE_NOISE))
    dropped = [(seg.span.line, seg.text) for seg in result.document.dropped]
    assert dropped == [
        (8, "Sida 1 av 2\nJust: ____\nFÖRBUNDSSTYRELSEN GR 2"),
        (13, "Justerat sign:\n2 (5)"),
    ]
    meeting = meeting_of(result)
    assert [i.paragraph for i in meeting.items] == [287, 288]
    assert meeting.items[1].decisions[0].kind is DecisionKind.NOTED


def test_cp1252_protocol(source: Source) -> None:
    document = source(ONE_PER_LINE, encoding="cp1252")
    assert document.encoding == "cp1252"
    meeting = meeting_of(parse_protocol(document))
    assert meeting.place == "GR, Gårdavägen 2, Göteborg"
    assert meeting.items[1].title == "Budget 2018"
    status = {a.person: a for a in meeting.attendance}
    assert status["dora-fors"].municipality == "Tjörn"


AGENDA_LINES = """\
Förslag till dagordning
Styrgruppen för social välfärd
Tid: 2019-11-07 kl 9.00-12.00
Plats: GR, Anders Personsgatan 8

1. Val av justerare
2. Delårsrapport (handling bifogas) Informationsärende
3. Beslutsärende: Sammanträdestider 2020
4. Övriga frågor
"""


def test_agenda_one_per_line(source: Source) -> None:
    document = source(AGENDA_LINES)
    assert detect(document) == "agenda"
    result = parse_agenda(document)
    meeting = (
        meeting_of(result) if False else next(r for r in result.records if isinstance(r, Meeting))
    )
    assert meeting.status is MeetingStatus.PLANNED
    assert result.document.id == "gr-styrgruppen-social-valfard-2019-11-07-dagordning"
    assert [i.title for i in meeting.items] == [
        "Val av justerare",
        "Delårsrapport",
        "Sammanträdestider 2020",
        "Övriga frågor",
    ]
    assert [i.kind for i in meeting.items] == [
        None,
        ItemKind.INFORMATIONSARENDE,
        ItemKind.BESLUTSARENDE,
        None,
    ]
    assert [i.attachment for i in meeting.items] == [False, True, False, False]
    assert meeting.place == "GR, Anders Personsgatan 8"


STAFF = """\
Dnr: 08-193.012
Styrelseärende 2008-12-15
Till Förbundsstyrelsen

Ny avgiftsmodell för Mötesplatser

Bakgrund
Mötesplatserna har finansierats med 1 miljard kronor i stöd, eller i vart fall 2,5–3 mkr.

Förslag till beslut
att anta avgiftsmodellen
att modellen gäller från 2009

Göteborg den 8 februari 2010 Anna Berg /Bo Ek
"""


def test_staff_report(source: Source) -> None:
    document = source(STAFF)
    assert detect(document) == "staff-report"
    result = parse_staff_report(document)
    doc = result.document
    assert doc.id == "dnr-08-193-012"
    assert str(doc.kind) == "styrelseärende"
    assert str(doc.date) == "2008-12-15"
    assert str(doc.diarienummer) == "08-193.012"
    assert doc.addressee == "gr-forbundsstyrelsen"
    assert doc.author == "Anna Berg"
    assert doc.title == "Ny avgiftsmodell för Mötesplatser"
    assert doc.proposed_clauses == ("anta avgiftsmodellen", "modellen gäller från 2009")
