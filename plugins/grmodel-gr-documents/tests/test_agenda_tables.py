"""A nämnd's own agenda: its body named in the header, and its items as a table.

Two layout classes of municipal kallelser and föredragningslistor, with invented
content: the body stands alone under the kind word ("KALLELSE / Kommunstyrelsen",
"Sammanträde med Socialnämnden"), and the items are rows of a table whose header
row names its columns ("Ärende Dnr Sida"): the page number ends each row, the
diarienummer stands before it, with or without its label.
"""

from __future__ import annotations

from collections.abc import Callable

from test_layout_classes import imported

from grmodel.importing.base import SourceDocument
from grmodel.model import Body, Document, Meeting

Source = Callable[..., SourceDocument]

TABLE = """\
Föredragningslista
Sammanträde med Socialnämnden
Datum: 2015-02-17
Plats: Rådhuset, Exempelby kommun
Ärende                                    Dnr          Sida
1  Justering av protokoll
2  Information från förvaltningen                      3
3  Månadsrapport januari 2015            SN 2015/3     4
4  Yttrande över motion om
   hemtjänst i ytterområdena             SN 2014/88    7
5  Anmälningsärenden                                   9
"""

KALLELSE = """\
KALLELSE
Kommunstyrelsen
Tid: Tisdagen den 12 maj 2020 kl. 09.00
Plats: Kommunhuset, Ale kommun
Ärenden
1. Val av justerare
2. Budget 2021 Dnr KS 2020/12
3. Delegationsbeslut
"""


def _parts(source: Source, text: str) -> tuple[Meeting, Body, Document]:
    kind, result = imported(source(text))
    assert kind == "agenda"
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    body = next(r for r in result.records if isinstance(r, Body))
    return meeting, body, result.document


def test_page_column_and_diarienummer_column(source: Source) -> None:
    meeting, body, document = _parts(source, TABLE)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Justering av protokoll"),
        ("2", "Information från förvaltningen"),
        ("3", "Månadsrapport januari 2015"),
        ("4", "Yttrande över motion om hemtjänst i ytterområdena"),
        ("5", "Anmälningsärenden"),
    ]
    assert [str(i.diarienummer) if i.diarienummer else None for i in meeting.items] == [
        None,
        None,
        "SN 2015/3",
        "SN 2014/88",
        None,
    ]
    # the page numbers are cut as page furniture, not lost: counted with their lines
    assert sorted((s.span.line, s.text) for s in document.cut) == [
        (7, "3"),
        (8, "4"),
        (10, "7"),
        (11, "9"),
    ]
    assert not document.unplaced  # the header row and the kind word are structure
    assert (body.name, meeting.body) == ("Socialnämnden", body.id)


def test_a_body_alone_under_the_kind_word_with_its_municipality(source: Source) -> None:
    meeting, body, document = _parts(source, KALLELSE)
    assert body.name == "Kommunstyrelsen"
    assert body.municipality is not None  # "Ale kommun" in the header
    assert meeting.body == body.id
    assert [(i.title, str(i.diarienummer) if i.diarienummer else None) for i in meeting.items] == [
        ("Val av justerare", None),
        ("Budget 2021", "KS 2020/12"),
        ("Delegationsbeslut", None),
    ]
    assert not document.unplaced


def test_a_title_ending_in_a_number_outside_a_paged_table_keeps_it(source: Source) -> None:
    meeting, _, _ = _parts(source, KALLELSE.replace("Delegationsbeslut", "Rapport kvartal 3"))
    assert meeting.items[-1].title == "Rapport kvartal 3"
