"""Seed 000: an agenda, a tjänsteutlåtande and a verksamhetsinriktning in one source."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import Document, DocumentKind, ItemKind, Meeting, MeetingStatus, Project
from grmodel_gr_documents.accounting import WORDS_NOT_PLACED
from grmodel_gr_documents.combined import find_parts, parse_combined
from grmodel_gr_documents.lines import normalise_line
from grmodel_gr_documents.plugin import detect


@pytest.fixture
def result(seed: Callable[[str], SourceDocument]) -> ImportResult:
    return parse_combined(seed("000"))


def test_detected_and_split(seed: Callable[[str], SourceDocument]) -> None:
    document = seed("000")
    assert detect(document) == "combined"
    parts = find_parts(document)
    assert [(p.kind, p.start, p.end) for p in parts] == [
        ("agenda", 1, 2),
        ("staff-report", 3, 13),
        ("text", 14, 15),
    ]


def test_agenda(result: ImportResult) -> None:
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    assert meeting.id == "gr-styrgruppen-social-valfard-2009-09-09"
    assert meeting.status is MeetingStatus.PLANNED
    assert str(meeting.end_date) == "2009-09-10"
    assert meeting.place == "St Jörgen Park"
    assert [i.number for i in meeting.items] == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert [i.kind for i in meeting.items] == [
        None,
        ItemKind.BESLUTSARENDE,
        ItemKind.BESLUTSARENDE,
        ItemKind.BESLUTSARENDE,
        ItemKind.STRATEGIFRAGA,
        None,
    ]
    assert [i.title for i in meeting.items] == [
        "Justering",
        "Remiss: Ingen får vara Svarte Petter SOU 2009:38",
        "Nuläget kring ensamkommande, asylsökande barn",
        "Dialoga projektansökningar till Länsstyrelsen respektive Brottsofferfonden",
        "Sociala styrgruppens verksamhetsinriktning 2011",
        "Övriga frågor",
    ]


def test_staff_report(result: ImportResult) -> None:
    report = next(
        r
        for r in result.records
        if isinstance(r, Document) and r.kind is DocumentKind.TJANSTEUTLATANDE
    )
    assert str(report.date) == "2009-08-31"
    assert report.author == "Lotta Wall"
    assert report.addressee == "gr-styrgruppen-social-valfard"
    assert report.proposed_clauses == (
        "söka medel hos Länsstyrelsen och Brottsofferfonden enligt de projekt som presenteras ovan.",
    )
    assert report.part_of == result.document.id


def test_funding(result: ImportResult) -> None:
    projects = [r for r in result.records if isinstance(r, Project)]
    funding = {
        p.id: [
            (f.funder, f.amount.amount, f.own_share.amount if f.own_share else None)
            for f in p.funding
        ]
        for p in projects
    }
    assert funding == {
        "kvinnor-i-missbruk-och-vald": [
            ("Länsstyrelsen", 265000, 132500),
            ("Brottsofferfonden", 220000, 110000),
        ],
        "samverkan-om-valdsamma-pappors-foraldraansvar": [("Länsstyrelsen", 430000, 215000)],
        "hallbar-utveckling-av-kommunernas-insatser-mot-vald-i-nara-relationer": [
            ("Länsstyrelsen", 495000, 247500),
            ("Brottsofferfonden", 430000, 85000),
        ],
        "basutbildning-med-integrering-i-ordinarie-verksamhet": [
            ("Länsstyrelsen", 535000, 3500),
            ("Brottsofferfonden", 500000, 150000),
        ],
    }
    basic = next(p for p in projects if p.id.startswith("basutbildning"))
    own = basic.funding[0].own_share
    assert own is not None and own.stated == "35 00 kr"
    assert all(str(f.status) == "applied" for p in projects for f in p.funding)


def test_direction_part_and_accounting(
    result: ImportResult,
    check_accounting: Callable[[ImportResult], None],
    seed: Callable[[str], SourceDocument],
) -> None:
    direction = next(
        r
        for r in result.records
        if isinstance(r, Document) and r.kind is DocumentKind.VERKSAMHETSINRIKTNING
    )
    assert direction.organisation == "gr-styrgruppen-social-valfard"
    # its body text is kept, unplaced, on the combined document; so are the words of
    # the agenda's and the staff report's page-long lines that reached no record
    unplaced = [(seg.span.line, seg.reason) for seg in result.document.unplaced]
    assert unplaced == [
        (1, WORDS_NOT_PLACED),
        (3, WORDS_NOT_PLACED),
        (4, WORDS_NOT_PLACED),
        (13, WORDS_NOT_PLACED),
        (14, None),
    ]
    lines = seed("000").lines
    for segment in result.document.unplaced[:-1]:  # the words as the line reads
        line = normalise_line(lines[segment.span.line - 1])
        assert all(run in line for run in segment.text.split(" … "))
    check_accounting(result)
