"""A table of contents with a page column, flattened into one run: each entry's
number, its title (wrapped titles with the page between their lines), the page.

The titles are invented.
"""

from __future__ import annotations

from collections.abc import Callable

from test_layout_classes import imported, meeting_of

from grmodel.importing.base import SourceDocument
from grmodel.model import Meeting
from grmodel_gr_documents.plugin import IMPORTERS
from grmodel_gr_documents.toc import toc_entries

Source = Callable[..., SourceDocument]

TABLE = (
    "Bilaga Ärenderubrik Sida Allmänt 12 Föredragningslista samt anmälan om jäv 2 "
    "13 Val av justerande 4 14 Föregående mötes protokoll 5 15 Förslag på åtgärder för "
    "att nämndens 6 budget ska hålla 16 Kurser och konferenser 8 17 Miljösanktionsavgift "
    "för saknad 9 märkning av kemisk produkt Exempel AB"
)


def test_pages_between_the_entries_are_no_entries() -> None:
    assert toc_entries(TABLE) == [
        (12, "Föredragningslista samt anmälan om jäv"),
        (13, "Val av justerande"),
        (14, "Föregående mötes protokoll"),
        (15, "Förslag på åtgärder för att nämndens budget ska hålla"),
        (16, "Kurser och konferenser"),
        (17, "Miljösanktionsavgift för saknad märkning av kemisk produkt Exempel AB"),
    ]


def test_a_pointer_to_a_paragraph_starts_no_item(source: Source) -> None:
    """ "Övriga deltagande Se 12": the number names the paragraph where the others are
    listed; the items are the table's."""
    text = (
        "Transkript\n\n1 1 (20) Miljönämnden Sammanträdesdatum 2012-08-21 Beslutande Eva Lind "
        "(s), ordförande Per Holm (m) Övriga deltagande Se 12 Utses att justera Per Holm "
        "(m)\n\n2 2 (20) Föredragningslista " + TABLE + "\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    titles = {i.number: i.title for i in meeting_of(result).items}
    assert titles.get("12") == "Föredragningslista samt anmälan om jäv"
    assert "Utses att justera" not in titles.values()


def test_without_a_page_column_a_title_may_start_in_lower_case() -> None:
    """Titles before their numbers, one torn to lower case: no page column, so a number
    before a lower-case word is an entry's."""
    entries = toc_entries(
        "Information 35 Delårsrapport 36 Taxan 37 s svar på remissen. 38 Meddelanden 39"
    )
    assert [n for n, _ in entries] == [35, 36, 37, 38, 39]


def test_entries_ending_in_dotted_leaders_are_number_first() -> None:
    """ "Justering...2 Dagordning...3 115 Information...4 116 …": each entry ends at the
    leader to its page, so a number stands before its title — also where titles end
    in a year ("… i planen 2013...12"), which reads like a title before its number —
    and the unnumbered entries before the first number are no entry's title."""
    text = (
        "Ärendeförteckning Justering...2 Dagordning...3 115 Information från förvaltningen...4 "
        "116 Allmänhetens frågestund...5 117 Inkomna motioner...6 118 Uppdrag i planen 2012-2014 "
        "och begäran om budgetram i planen 2013...12 119 Planen 2013-2016 med plan för "
        "2015-2021...16 120 Planen 2013 för styrelsen...18 121 Utökad budget för nämnden...20"
    )
    assert toc_entries(text) == [
        (115, "Information från förvaltningen"),
        (116, "Allmänhetens frågestund"),
        (117, "Inkomna motioner"),
        (118, "Uppdrag i planen 2012-2014 och begäran om budgetram i planen 2013"),
        (119, "Planen 2013-2016 med plan för 2015-2021"),
        (120, "Planen 2013 för styrelsen"),
        (121, "Utökad budget för nämnden"),
    ]


CELLS = """\
Exempelby kommun

Kommunstyrelsen 2002-03-13

Dnr

§§

Ärenden

2001.653-543 Ks

44

Svar på motion om avgifter för vatten

2001.389-262 Ks

45

Försäljning av skolan

2002.116-213 Ks

46

Slutredovisning av bygget
"""


def test_a_paragraph_table_one_cell_a_paragraph(source: Source) -> None:
    """A web page's table of a protocol's paragraphs, flattened one cell a paragraph
    under its "Dnr / §§ / Ärenden" header: each number on its own line is a paragraph
    (without the "§§" column header, a number alone on a line is a page's)."""
    kind, result = imported(source(CELLS))
    assert kind == "protocol"
    assert [(i.number, i.title) for i in meeting_of(result).items] == [
        ("44", "Svar på motion om avgifter för vatten"),
        ("45", "Försäljning av skolan"),
        ("46", "Slutredovisning av bygget"),
    ]
    protocol = next(i for i in IMPORTERS if i.name == "protocol")
    without = protocol.parse(source(CELLS.replace("§§\n\n", "Paragraf\n\n")))
    titles = [i.title for r in without.records if isinstance(r, Meeting) for i in r.items]
    assert "Försäljning av skolan" not in titles
