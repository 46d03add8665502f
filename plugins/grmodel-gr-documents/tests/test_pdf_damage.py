"""Damage PDF text extraction does to real protocols: two-column attendance tables,
words broken by a hyphen over a line, ligatures and odd characters, page headers
whose page number changes, and a name broken over a line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import AttendanceStatus, Meeting, MeetingStatus
from grmodel.plugins import get_plugin_manager
from grmodel_gr_documents.agenda import parse_agenda
from grmodel_gr_documents.lines import (
    Tracker,
    hyphen_join,
    normalise_line,
    paragraphs,
    strip_bullet,
)
from grmodel_gr_documents.protocol import parse_protocol

Source = Callable[..., SourceDocument]


def held(result: ImportResult) -> Meeting:
    return next(
        r
        for r in result.records
        if isinstance(r, Meeting) and r.status is not MeetingStatus.PLANNED
    )


def damaged(gap: str) -> str:
    """A protocol as PDF text comes out, the attendance columns separated by ``gap``."""
    return (
        "Protokoll 2019-11-07\tSida 1 (3)\n"
        "Protokoll från sammanträde med Förbundsstyrelsen\n"
        "Tid: 2019-11-07 kl. 09:00-12:00\n"
        "Plats: Göteborgs-\n"
        "regionens kommunalförbund, Gårdavägen 2\n"
        "\n"
        f"Närvarande ledamöter{gap}Ersättare\n"
        f"Kent Lagrell (M), Öckerö, ordf.{gap}Anna Berg (S), Ale\n"
        f"Bo Ek (M), Lerum{gap}Carl Dahl (MP), Mölndal\n"
        "Eva Gran (KD), Partille\n"
        "\n"
        "Närvarande: Ann-Sofie Hermansson (S), Göteborg; Mikael\n"
        "Berglund (M), Lerum\n"
        "\n"
        "Sekreterare\n"
        "Gun\u00a0Ivarsson\n"
        "\n"
        "\fProtokoll 2019-11-07\tSida 2 (3)\n"
        "§ 38 Val av justerare\n"
        "Bo Ek utses till justerare.\n"
        "\n"
        "§ 39 Upphandling av social-\n"
        "sekreterare\n"
        "Förbundsstyrelsen beslutar\n"
        "att ge förbundsdirektören i uppdrag att upphandla ut\u00adbildning för social-\n"
        "sekreterare inom hälso- och sjukvård,\n"
        "att överlämna ärendet till Göteborgs-\n"
        "regionens kommunalförbunds presidium för beslut om \ufb01nansiering.\n"
        "\fProtokoll 2019-11-07\tSida 3 (3)\n"
        "§ 40 Sammanträdestider\n"
        "Informationen antecknas.\n"
        "\uf0b7 2020-02-07\n"
        "\u2022 2020-03-13\n"
        "\n"
        "Vid protokollet\n"
        "Gun Ivarsson\n"
        "\n"
        "Justeras\n"
        "Kent Lagrell\u202fBo Ek\n"
    )


EXPECTED_ATTENDANCE = [
    ("kent-lagrell", AttendanceStatus.PRESENT, "M", "Öckerö"),
    ("anna-berg", AttendanceStatus.SUBSTITUTE, "S", "Ale"),
    ("bo-ek", AttendanceStatus.PRESENT, "M", "Lerum"),
    ("carl-dahl", AttendanceStatus.SUBSTITUTE, "MP", "Mölndal"),
    ("eva-gran", AttendanceStatus.PRESENT, "KD", "Partille"),
    ("ann-sofie-hermansson", AttendanceStatus.PRESENT, "S", "Göteborg"),
    ("mikael-berglund", AttendanceStatus.PRESENT, "M", "Lerum"),
    ("gun-ivarsson", AttendanceStatus.SECRETARY, None, None),
]
CLAUSES = (
    "ge förbundsdirektören i uppdrag att upphandla utbildning för socialsekreterare"
    " inom hälso- och sjukvård",
    "överlämna ärendet till Göteborgsregionens kommunalförbunds presidium för beslut"
    " om finansiering.",
)


def check(result: ImportResult, check_accounting: Callable[[ImportResult], None]) -> None:
    check_accounting(result)
    meeting = held(result)
    assert meeting.id == "gr-forbundsstyrelsen-2019-11-07"
    assert meeting.place == "Göteborgsregionens kommunalförbund, Gårdavägen 2"
    got = [(a.person, a.status, a.party, a.municipality) for a in meeting.attendance]
    assert got == EXPECTED_ATTENDANCE
    assert str(meeting.attendance[0].role) == "ordförande"
    assert [(i.paragraph, i.title) for i in meeting.items] == [
        (38, "Val av justerare"),
        (39, "Upphandling av socialsekreterare"),
        (40, "Sammanträdestider"),
    ]
    (decision,) = meeting.items[1].decisions
    assert decision.clauses == CLAUSES
    planned = [str(r.date) for r in result.records if isinstance(r, Meeting) and r != meeting]
    assert planned == ["2020-02-07", "2020-03-13"]
    assert meeting.justering is not None
    assert meeting.justering.signatories == ("kent-lagrell", "bo-ek")
    assert meeting.secretary == "gun-ivarsson"
    assert not result.document.unplaced
    # the later pages' headers differ in their page number and are still dropped
    dropped = [(seg.span.line, seg.text) for seg in result.document.dropped]
    assert dropped == [
        (18, "Protokoll 2019-11-07 Sida 2 (3)"),
        (29, "Protokoll 2019-11-07 Sida 3 (3)"),
    ]


@pytest.mark.parametrize("gap", ["            ", "\t", " "], ids=["spaces", "tab", "one-space"])
def test_damaged_protocol(
    source: Source, check_accounting: Callable[[ImportResult], None], gap: str
) -> None:
    """Columns separated by a run of spaces, a tab, or (as pypdf gives them) one space."""
    check(parse_protocol(source(damaged(gap))), check_accounting)


def test_joined_lines_are_accounted_with_their_line() -> None:
    """A line joined onto the one before (across a page header) is placed with it and
    reported unplaced with it."""
    raw = ["Något om Göteborgs-", "Sida 2 av 3", "regionen som", "", "Ann-", "Sofie"]
    tracker = Tracker(raw)
    assert tracker.text(1) == "Något om Göteborgsregionen som"
    assert tracker.joined == {3: 1}
    assert [p.text for p in paragraphs(tracker, 1, 6)] == [
        "Något om Göteborgsregionen som",
        "Ann- Sofie",
    ]
    placed, unplaced, dropped = tracker.finish()
    assert [(s.span.line, s.text) for s in unplaced] == [
        (1, "Något om Göteborgs-"),
        (3, "regionen som"),
        (5, "Ann-\nSofie"),
    ]
    assert [s.span.line for s in dropped] == [2]
    tracker.place(1)
    placed, unplaced, _ = tracker.finish()
    assert {1, 3} <= placed
    assert [s.span.line for s in unplaced] == [5]


def test_column_cells_by_offset(source: Source) -> None:
    """A line with a cell in the right column only goes to the right column's heading."""
    text = (
        "Protokoll från sammanträde med Förbundsstyrelsen 2019-11-07\n\n"
        "Närvarande ledamöter        Anmält förhinder\n"
        "Kent Lagrell (M), Öckerö    Anna Berg (S), Ale\n"
        "                            Carl Dahl (MP), Mölndal\n"
        "Bo Ek (M), Lerum\n\n"
        "§ 1 Val av justerare\nBo Ek utses till justerare.\n"
    )
    meeting = held(parse_protocol(source(text)))
    got = {a.person: a.status for a in meeting.attendance}
    assert got == {
        "kent-lagrell": AttendanceStatus.PRESENT,
        "anna-berg": AttendanceStatus.ABSENT,
        "carl-dahl": AttendanceStatus.ABSENT,
        "bo-ek": AttendanceStatus.PRESENT,
    }


@pytest.mark.parametrize(
    ("line", "following", "joined"),
    [
        ("Göteborgs-", "regionens kommunalförbund", "Göteborgsregionens kommunalförbund"),
        ("för social-", "sekreterare inom", "för socialsekreterare inom"),
        ("inom hälso-", "och sjukvård", None),
        ("inom hälso-", "samt sjukvård", None),
        ("Britt-", "Marie Olsson", None),
        ("ett EU-", "projekt", "ett EU-projekt"),
        ("kl 9 -", "kl 12", None),
        ("2019-", "2020", None),
    ],
)
def test_hyphen_join(line: str, following: str, joined: str | None) -> None:
    assert hyphen_join(line, following) == joined


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufb01nansiering \ufb02exibel e\ufb00ekt", "finansiering flexibel effekt"),
        ("ut\u00adbildning", "utbildning"),
        ("Gun\u00a0Ivarsson\u202f(S)", "Gun Ivarsson (S)"),
        ("\fProtokoll\f2019", "Protokoll 2019"),
        ("\uf0b7 Val av justerare", "• Val av justerare"),
        ("Britt\u2011Marie", "Britt-Marie"),
    ],
)
def test_normalise_line(raw: str, expected: str) -> None:
    assert normalise_line(raw) == expected


def test_strip_bullet() -> None:
    assert strip_bullet("• 1. Val av justerare") == "1. Val av justerare"
    assert strip_bullet("– 2020-02-07") == "2020-02-07"
    assert strip_bullet("-5 000 kr") == "-5 000 kr"


def test_bulleted_agenda_items(
    source: Source, check_accounting: Callable[[ImportResult], None]
) -> None:
    text = (
        "Kallelse\nFörbundsstyrelsen\nDatum: 2019-11-07\n\nFörslag till dagordning\n"
        "\uf0b7 1. Val av justerare\n\u2022 2. Godkännande av dagordning\n"
        "\u2013 3. Budget 2020 för social-\nsekreterare\n"
    )
    result = parse_agenda(source(text))
    check_accounting(result)
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    assert [(i.ordinal, i.title) for i in meeting.items] == [
        (1, "Val av justerare"),
        (2, "Godkännande av dagordning"),
        (3, "Budget 2020 för socialsekreterare"),
    ]
    assert not result.document.unplaced


def _font() -> Path | None:
    for candidate in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/Library/Fonts/DejaVuSans.ttf",
    ):
        if Path(candidate).exists():
            return Path(candidate)
    return None


def test_pdf_two_columns_and_hyphenated_clause(tmp_path: Path) -> None:
    """A real PDF: the attendance table in two columns, the clause broken over a line;
    pypdf closes the column gap to one space."""
    fpdf = pytest.importorskip("fpdf")
    font = _font()
    if font is None:
        pytest.skip("DejaVu font not found")
    from grmodel.pipeline.importing import import_path

    pdf = fpdf.FPDF()
    pdf.add_font("DejaVu", "", str(font))
    pdf.set_font("DejaVu", size=10)
    text = damaged("\t").split("\f")
    for number, page in enumerate(text, start=1):
        pdf.add_page()
        for line in page.rstrip("\n").split("\n"):
            if number > 1 and line.startswith("Protokoll 2019-11-07"):
                line = f"Protokoll 2019-11-07 Sida {number} (3)"
            cells = line.split("\t")
            if len(cells) == 2:
                pdf.cell(95, 5, cells[0])
                pdf.cell(95, 5, cells[1])
            else:
                pdf.cell(0, 5, line)
            pdf.ln()
    path = tmp_path / "protokoll.pdf"
    pdf.output(str(path))
    result = import_path(path, get_plugin_manager())
    meeting = held(result)
    got = [(a.person, a.status) for a in meeting.attendance]
    assert got == [(p, s) for p, s, _, _ in EXPECTED_ATTENDANCE]
    assert meeting.place == "Göteborgsregionens kommunalförbund, Gårdavägen 2"
    assert meeting.items[1].title == "Upphandling av socialsekreterare"
    assert meeting.items[1].decisions[0].clauses == CLAUSES
    assert [seg.text for seg in result.document.dropped] == [
        "Protokoll 2019-11-07 Sida 2 (3)",
        "Protokoll 2019-11-07 Sida 3 (3)",
    ]
