"""Kinds known from how a document is laid out, where its title says little: a
compound kind word, a kind word over a page count, a meeting's web page, a
proposer's own words, a posting box, an attendance heading over names.

Each text is written for this test (invented bodies, people and titles).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from test_layout_classes import imported

from grmodel.importing.base import SourceDocument
from grmodel.model import Meeting
from grmodel_gr_documents.plugin import detect

Source = Callable[..., SourceDocument]

MEETING_PAGE = """\
Din position: Hem > Exempelby kommun > Tekniska nämnden > Sammanträde 2019-03-14

Sammanträde 2019-03-14

Datum
Klockan
18:00
Plats
Stadshuset, sal Ekan

1 Val av justerare

Dnr 2019/TN 0001

2 Budgetuppföljning februari

Dnr 2019/TN 0042 041

Tekniska nämndens förslag till beslut
1. Uppföljningen godkänns.
2. Förvaltningen får i uppdrag att redovisa åtgärder.
3. Paragrafen justeras omedelbart.

Beskrivning av ärendet
Förvaltningen redovisar utfallet efter februari.

Bilagor
Tjänsteskrivelse Budgetuppföljning februari.pdf

3 Remiss ang. Ny avfallsplan för kommunen
a) Yttrande från förvaltningen
b) Samrådsredogörelse

4 Övriga frågor
"""

CASES = [
    (
        # a compound of a kind word names the kind ("Direktionsprotokoll")
        "Direktionsprotokoll\n\nPlats och tid Ekeby, kl 13.00 Beslutande Anna Berg (S) "
        "ordförande Per Lind (M) Justerare Per Lind\n\n1 Val av mötesordförande\n",
        "protocol",
    ),
    (
        # a kind word over a page count is the document's running header
        "Tekniska nämnden Ordförande/ Eva Holm Sekreterare/ Lars Ek KALLELSE 1 (2) "
        "Tisdagen den 4 april 2017 kl 18.00 Ärenden enligt följande förteckning "
        "1 Dnr BUDGET 2 Dnr TAXOR\n",
        "agenda",
    ),
    (MEETING_PAGE, "agenda"),
    (
        # the page's heading (a near copy of the site's title, so dropped) and the site's
        # title hold what makes it a protocol
        "Den 3 maj Protokollet föres av undertecknad sekreterare.\n\nStorlek: px\n\n"
        'Download "Den 3 maj 2001. Protokollet föres av undertecknad sekreterare."\n\n'
        "Transkript\n\n1 Den 3 maj 2001 Närvarande vid uppropet: samtliga ledamöter utom "
        "Anna Berg, Bo Lind, Cia Ek och Eva Holm. Som ersättare inträder Dan Holm för Anna Berg.\n",
        "protocol",
    ),
    (
        # kinds paired by a slash over the labels, the values after them, the items run on
        "KALLELSE/FÖREDRAGNINGSLISTA Sammanträdesdatum Byggnämnden Tid Plats Ärenden "
        "Onsdagen den 6 mars 2019 kl 09.00 Kommunhuset Se nedan Ärende Dnr 1 Val av "
        "justerare 2 Delegationsbeslut BN 2019/12 3 Bygglov för förråd BN 2019/31\n",
        "agenda",
    ),
    (
        # a meeting's page that goes on to its paragraphs is the meeting's protocol
        MEETING_PAGE + "\nBilagor till protokoll\nNärvaro.pdf\n\n§1 Val av justerare\n\n"
        "Nämnden beslutade att utse Eva Holm att justera protokollet.\n",
        "protocol",
    ),
    (
        # the proposer's own words, and a diarienummer in brackets
        "Bilaga 3 till kommunstyrelsens protokoll den 2 maj 2018 (Dnr 112/2018) "
        "Riktlinjer för lokalbokning Beredningen föreslår kommunstyrelsen besluta följande "
        "1. Riktlinjerna godkänns. Bakgrund Förvaltningen har sett över rutinerna.\n",
        "staff-report",
    ),
    (
        # an addressee after a long run-on heading: a fullmäktige, the town's name first
        "Kommunfullmäktige Handling 2018 nr 12 Redovisning av uppdraget att se över "
        "reglerna för föreningsbidrag i kommunens samtliga nämnder och bolag Till "
        "Exempelstads kommunfullmäktige Kommunstyrelsen föreslår att kommunfullmäktige "
        "beslutar: 1. Reglerna revideras. Förslag till beslut enligt ovan.\n",
        "staff-report",
    ),
    (
        # a protocol's last page only: who else was there, and the posting box
        "Övriga närvarande Karin Ek (c)\nBo Lund (m)\nSekreterare:\nEva Holm\n"
        "Datum för anslags uppsättande 2009-11-11\nDatum för anslags nedtagande 2009-12-03\n",
        "protocol",
    ),
    (
        # a web agenda without a kind word: headings inside numbered titles name items
        "2018-05-16\n\nHär finns handlingar till tekniska nämndens sammanträde den 16 maj 2018\n\n"
        "1. Tjänstgörande ledamöter\n\n2. Protokollets justering\n\n"
        "3. Fastställande av dagordning\n\nBeslutsärenden\n\n4. Taxor för parkering\n\n"
        "5. Övriga frågor\n",
        "agenda",
    ),
    (
        # a list from its second item, the opening items' titles, an addressee in a title
        "Regionfullmäktige 2021-04-20\n\n2 Sammanträdets öppnande\n3 Upprop\n"
        "4 Val av protokolljusterare samt tid för justering\n"
        "5 Fastställande av föredragningslista\n6 Revisorernas rapport till regionfullmäktige\n",
        "agenda",
    ),
    (
        # a site's heading that lists kinds (in lower case: no kind words), the opening
        # items listed, a justering's word in an item's title
        "Protokoll, kallelse och föredragningslista, tekniska nämnden\n\n"
        "Förteckning över tekniska nämndens ärenden den 3 mars 2016\n\n"
        "Tid Torsdagen den 3 mars 2016 klockan 15.00\n\n 1. Val av justeringsperson\n"
        " 2. Allmänhetens frågestund\n 3. Delårsrapport\n 4. Övrigt\n",
        "agenda",
    ),
    (
        # a run-on protocol whose justering stands inside its lines
        "1 Tekniska nämnden Tid Tisdagen den 4 maj 2010 kl. 13:00 Beslutande Eva Ek (S), "
        "ordförande Bo Lind (M) Ersättare Per Holm (S)\n\n2 2 (9) Sekreterare Ann Berg "
        "Justeras Eva Ek ordförande Bo Lind\n\n3 3 (9) 12 Val av justerare Bo Lind (M) "
        "väljs till justerare.\n",
        "protocol",
    ),
    (
        # a decision's basis in the letterhead, the chair's numbered proposal
        "1 Regionen EXEMPEL BESLUTSUNDERLAG Regionfullmäktige Datum 2015-11-03 Sida 1 (4) "
        "Dnr RE15/0815 Regionstyrelsen Regionfullmäktige Nytt avtal om färdtjänst "
        "Ordförandens förslag 1. Avtalet godkänns. 2. Kostnaden ryms i budgeten. "
        "Sammanfattning Avtalet löper ut vid årsskiftet.\n",
        "staff-report",
    ),
]


@pytest.mark.parametrize(("text", "kind"), CASES)
def test_kind_from_layout(source: Source, text: str, kind: str) -> None:
    assert detect(source(text)) == kind


def test_a_heading_word_in_a_list_of_titles_is_no_attendance(source: Source) -> None:
    """A heading word at the end of a page title in a list of links, with no names
    under it, gives a protocol no points."""
    text = (
        "Relevanta dokument\n\nProtokoll. Styrgruppen för miljö. 2. Dagvatten NÄRVARANDE\n\n"
        "Regional plan för vattenförsörjning\n\nRapport om grönstruktur\n"
    )
    assert detect(source(text)) is None


def test_a_meeting_page_lists_its_items_by_their_lines(source: Source) -> None:
    """A meeting page's items: each numbered line is a title (abbreviations and
    lettered points under it included), the numbered proposal under an item is no
    item, and a kind word on an attached file's line is not the page's kind."""
    kind, result = imported(source(MEETING_PAGE))
    assert kind == "agenda"
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Val av justerare"),
        ("2", "Budgetuppföljning februari"),
        ("3", "Remiss ang. Ny avfallsplan för kommunen"),
        ("4", "Övriga frågor"),
    ]
    assert str(meeting.date) == "2019-03-14"


def test_a_list_of_numbered_lines_from_the_second(source: Source) -> None:
    """Numbered lines in a row are a list even where its first number is not in the
    text (a fragment, or a first point written elsewhere)."""
    lines = "\n\n".join(
        f"{n} Nr 2018:{n} av Anna Berg (s) om {topic}. RV"
        for n, topic in [(2, "cykelvägar"), (3, "belysning"), (4, "lekplatser"), (5, "bad")]
    )
    text = "Sammanträde 2018-04-09\n\nDatum\nKlockan\n16:00\nPlats\nStadshuset\n\n" + lines
    kind, result = imported(source(text))
    assert kind == "agenda"
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    assert [i.number for i in meeting.items] == ["2", "3", "4", "5"]
    assert meeting.items[1].title == "Nr 2018:3 av Anna Berg (s) om belysning. RV"


def test_a_meeting_page_with_its_paragraphs_lists_every_item(source: Source) -> None:
    """A meeting's page that goes on to its paragraphs: the list before them is its
    table of contents, so every item it lists is an item of the protocol, the
    paragraphs the fragment reaches with their text."""
    text = (
        MEETING_PAGE + "\nBilagor till protokoll\nNärvaro.pdf\n\n§1 Val av justerare\n\n"
        "Nämnden beslutade att utse Eva Holm att justera protokollet.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    assert [(i.paragraph, i.title) for i in meeting.items] == [
        (1, "Val av justerare"),
        (2, "Budgetuppföljning februari"),
        (3, "Remiss ang. Ny avfallsplan för kommunen"),
        (4, "Övriga frågor"),
    ]


def test_a_lists_diarienummer_column_is_no_part_of_the_title(source: Source) -> None:
    """A diarienummer after an item's title, under the list's "Dnr" column."""
    kind, result = imported(
        source(
            "KALLELSE/FÖREDRAGNINGSLISTA Byggnämnden 2019-03-06 Ärende Dnr 1 Val av justerare "
            "2 Delegationsbeslut BN 2019/12 3 Bygglov för förråd BN 2019/31 4 Information\n"
        )
    )
    assert kind == "agenda"
    items = next(r for r in result.records if isinstance(r, Meeting)).items
    assert [(i.title, str(i.diarienummer) if i.diarienummer else None) for i in items] == [
        ("Val av justerare", None),
        ("Delegationsbeslut", "BN 2019/12"),
        ("Bygglov för förråd", "BN 2019/31"),
        ("Information", None),
    ]


NEWS_PAGE = """\
Publicerad: 2018-03-02

Nämndens möte 12 mars 2018

Tekniska nämnden sammanträder måndag 12 mars i Stadshuset. På mötet behandlas bland annat \
ärenden enligt föredragningslistan nedan.

Tid/Plats

Måndag 12 mars 2018 kl. 18.00.
Stadshuset, Exempelby

Föredragningslista

  • Taxa för uthyrning av lokaler år 2019
  • Val av ombud till bolagsstämmor
"""


def test_a_municipality_s_news_page_about_a_meeting_is_its_agenda(source: Source) -> None:
    """A kind word as a heading of its own line below the title, and the meeting
    announced: an agenda; the page's publication date is chrome, no meeting date."""
    kind, result = imported(source(NEWS_PAGE))
    assert kind == "agenda"
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    assert str(meeting.date) == "2018-03-12"
    assert "Publicerad: 2018-03-02" in {s.text for s in result.document.dropped}


def test_a_kind_word_in_running_text_alone_is_no_kind(source: Source) -> None:
    text = "Anteckning\n\nVi läste föredragningslistan och Föredragningslista 3 i sin helhet.\n"
    assert detect(source(text)) is None


@pytest.mark.parametrize(
    "text",
    [
        # a contents heading over entries that point to the protocol's pages; a kind
        # word in an entry ("Dagordning...3") is the entry's title, not the document's
        "2014-03-10 Ärendeförteckning Justering...2 Dagordning...3 115 Information från "
        "förvaltningen...4 116 Allmänhetens frågestund...5 117 Inkomna motioner...6\n",
        # paragraphs in a "§§" column, and the paragraphs headed by a local prefix
        "Exempelby kommun\n\nKommunfullmäktige 2001-04-20\n\n§§ Ärendeförteckning:\n"
        "17. Laga ordning\n18. Allmän frågestund\n19. Bokslut 2000\n\nKf § 17\nLaga ordning\n"
        "Fullmäktige befanns vara i laga ordning sammankallat.\n\nKf § 18\nAllmän frågestund\n",
        # a contents of "KS § N/yy" entries under the kind word
        "Exempelby kommun Sammanträdesprotokoll Kommunstyrelsen 2017-10-02 1(52) "
        "Innehållsförteckning KS § 186/17 Svar på medborgarförslag om parken........ 4 "
        "KS § 187/17 Belysning i parken ........ 6 KS § 188/17 Skogen vid Åsen ....... 8\n",
    ],
)
def test_a_protocol_known_by_its_own_table_of_contents(source: Source, text: str) -> None:
    assert detect(source(text)) == "protocol"


def test_an_agenda_s_numbered_list_is_no_protocol_s_contents(source: Source) -> None:
    text = "Kallelse\nTekniska nämnden 2019-05-06\n\n1. Val av justerare\n2. Budget\n3. Övrigt\n"
    assert detect(source(text)) == "agenda"
