"""Item lists as archives deliver them: tables of contents run together on one line,
numbers lost, page numbers between the entries, titles before or after their
numbers; agenda lists whose numbers carry no § and no full stop.

Each text is written for this test (invented bodies and titles).
"""

from __future__ import annotations

from collections.abc import Callable

from test_layout_classes import imported

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import Meeting
from grmodel_gr_documents.toc import toc_entries

Source = Callable[..., SourceDocument]


def meeting_of(result: ImportResult) -> Meeting:
    return next(r for r in result.records if isinstance(r, Meeting))


def test_run_on_table_with_lost_numbers_and_page_numbers() -> None:
    """Number first, a column header before the first number, page numbers before
    the next number, and two numbers lost: an entry that spans a lost number holds
    two titles, and only the first is its own."""
    text = (
        " Sid. 41 Budget för nästa år med plan Översyn av reglementet 6 43 Rapport från"
        " skolgruppen 9 44 Motion - Om fler cykelvägar Motion - Om bättre belysning i"
        " parkerna och längs gångvägarna i hela kommunen samt vid skolorna"
    )
    assert toc_entries(text) == [
        (41, "Budget för nästa år med plan"),
        (43, "Rapport från skolgruppen"),
        (44, "Motion - Om fler cykelvägar"),
    ]


def test_run_on_table_title_before_number() -> None:
    """Title first, run together: the text before the first number is a title, and
    the text after the last is the next entry, whose number the fragment lost."""
    text = (
        " Återrapport om lokalerna 17 Rapport om sommarskolan 18 Riktlinjer för bidrag 19 Årsplan"
    )
    assert toc_entries(text) == [
        (17, "Återrapport om lokalerna"),
        (18, "Rapport om sommarskolan"),
        (19, "Riktlinjer för bidrag"),
    ]


def test_run_on_table_number_first_with_numbers_lost_in_a_row() -> None:
    """Up to two numbers in a row lost from a number-first table: the chain holds."""
    text = (
        " 103 Ändring av ärendelistan 104 Ekonomirapport 105 Budget i balans Hemtjänst"
        " 107 Avvikelser under våren Tertialuppföljning Trygghetslarm 110 Ny taxa"
        " 111 Sammanträdestider 113 Meddelanden"
    )
    entries = dict(toc_entries(text))
    assert sorted(entries) == [103, 104, 105, 107, 110, 111, 113]
    assert entries[110] == "Ny taxa" and entries[113] == "Meddelanden"


def test_table_numbers_at_line_ends_are_title_first() -> None:
    text = "\nInformation 12\nDelårsrapport 13\nMeddelanden 14\nÖvriga frågor"
    assert toc_entries(text) == [(12, "Information"), (13, "Delårsrapport"), (14, "Meddelanden")]


def test_table_numbers_at_line_starts_are_number_first() -> None:
    """Unnumbered entries before the first number and after the last do not turn
    a table whose numbers start its lines around."""
    text = (
        "\nUpprop\n\n§ 63/20 Fastställande av dagordning\n\nBeslutspunkter\n\n"
        "§ 64/20 Nytt reglemente\n\n§ 65/20 Kulturprogram 2021-2024\n\nÖvriga frågor"
    )
    assert toc_entries(text)[:3] == [
        (63, "Fastställande av dagordning"),
        (64, "Nytt reglemente"),
        (65, "Kulturprogram 2021-2024"),
    ]


AGENDA_BARE = """\
Måndagen den 9 mars 2020 kl 18:00

Download "Måndagen den 9 mars 2020 kl 18:00"

Transkript

1 KALLELSE (12) Plats och tid Kommunhuset Måndagen den 9 mars 2020 kl 18:00 Kallade ledamöter \
Eva Lund (M), ordförande Per Stål (S) Föredragningslista Ärende/Föredragande 1 Upprop Dnr \
2 Godkännande av föredragningslistan och val av justerare 3 Arbetsutskottets protokoll 24 februari \
4 Information om lokalerna Eva Lund 5 Ekonomisk uppföljning februari 2020 Per Stål
"""


def test_agenda_numbers_without_marks_run_on(source: Source) -> None:
    """Bare numbers in one line, after a column header: a run of the next numbers
    makes the list."""
    kind, result = imported(source(AGENDA_BARE))
    assert kind == "agenda"
    numbers = [i.number for i in meeting_of(result).items]
    assert numbers == ["1", "2", "3", "4", "5"]


PROTOCOL_LOST_SIGNS = """\
PROTOKOLL Regionfullmäktige 2004-05-11

Download "PROTOKOLL Regionfullmäktige 2004-05-11"

Transkript

1 PROTOKOLL Regionfullmäktige Justerat tisdagen den 18 maj 2004 Lena Ek Ola Berg 81 Inledning \
Ordföranden förklarade sammanträdet öppnat. Upprop förrättades enligt bilaga 1. 82 Kungörelse \
Kungörelsen om sammanträdet utsändes den 20 april 2004. 83 Justering Att jämte ordföranden \
justera protokollet utsågs Lena Ek och Ola Berg.
"""


def test_protocol_whose_signs_were_lost(source: Source) -> None:
    """A protocol's § numbers without their sign, in one paragraph, starting well
    above 1; the item's text starts with its subject and a finite verb."""
    kind, result = imported(source(PROTOCOL_LOST_SIGNS))
    assert kind == "protocol"
    items = meeting_of(result).items
    assert [i.number for i in items] == ["81", "82", "83"]
    assert items[0].title == "Inledning"


PAGE_HEADERS = """\
Transkript

1 PROTOKOLL 1 Plats och tid Måndag den 21 mars 2011 Beslutande Anna Berg (S), ordförande \
Olle Ek (M) Per Lind (C)

2 PROTOKOLL 2 Justering Underskrifter Anna Berg Olle Ek 36 p 3 Upprop Närvarande enligt lista

3 PROTOKOLL 3 Omröstningar Anna Berg Ja Olle Ek Nej
"""


def test_page_numbers_are_no_list(source: Source) -> None:
    """Numbers that a page's running header or its start carries never make a list,
    even with a stray number between them."""
    kind, result = imported(source(PAGE_HEADERS))
    assert kind == "protocol"
    assert [i.number for i in meeting_of(result).items] == []


def test_run_on_table_whose_first_numbers_were_lost() -> None:
    """Number first, and the entries before its first surviving number lost their
    numbers: more than one title's text before the first number is no title."""
    text = (
        " Nämnden Budgetuppföljning Rapport om sjukfrånvaro till och med mars Verksamhetsmål"
        " för nämnden 70 Närvaro vid sammanträdena 71 Samverkan med grannkommunen"
        " 72 Bidrag till föreningen 2006 73 Rapport om avvikelser"
    )
    assert toc_entries(text)[:3] == [
        (70, "Närvaro vid sammanträdena"),
        (71, "Samverkan med grannkommunen"),
        (72, "Bidrag till föreningen 2006"),
    ]


TITLES_AS_PAGES_GIVE_THEM = """\
PROTOKOLL
Kulturnämnden 2016-03-10
Närvarande ledamöter Anna Berg (S), ordförande Per Lind (M) Olle Ek (C)
Justerare Per Lind

§ 12 Val av justerare ........ 3
§ 13 Budget 2017. Dnr 2016/44 Förvaltningen redovisar förslaget.
§ 14 Remiss om biblioteksplan<br>Nämnden yttrar sig enligt förslaget.
§ 15 Sn 50 Au 84 Dnr 2016/51 Lokalhyror för föreningar
§ 16 Justerare Eva Borg utses att justera protokollet jämte ordföranden.
"""


def test_item_titles_end_where_their_lines_say(source: Source) -> None:
    """A title ends before a dotted leader to a page number, a diarienummer after it,
    a web page's "<br>", and a sentence whose subject is a person ("Justerare | Eva
    Borg utses …"); the numbers an item had in other bodies before its diarienummer
    ("Sn 50 Au 84") are no part of its title."""
    kind, result = imported(source(TITLES_AS_PAGES_GIVE_THEM))
    assert kind == "protocol"
    assert [i.title for i in meeting_of(result).items] == [
        "Val av justerare",
        "Budget 2017",
        "Remiss om biblioteksplan",
        "Lokalhyror för föreningar",
        "Justerare",
    ]
    assert str(meeting_of(result).items[3].diarienummer) == "2016/51"


RUN_ON_AGENDA = """\
Transkript

1 FÖREDRAGNINGSLISTA 1 (4) Organ Plats Kulturnämnden Stadshuset, Ekeby Tidpunkt Tisdagen \
den 12 juni 2018, klockan Sammanträdet öppnas 2 Närvaro Närvaron kontrolleras genom upprop. \
3 Val av två justerare att justera dagens protokoll 4 Information Information från \
förvaltningen. 1. Informationen noteras. 5 Sammanträdesdagar 2019 Nämnden föreslås \
sammanträda följande datum.

2 7 Anmälningar från länsstyrelsen 8 Anmälningsärenden a) Protokoll
"""


def test_a_run_on_agenda_whose_first_number_and_a_page_split_it(source: Source) -> None:
    """A run-on list whose first number was lost: a title that ends in a lower-case
    kind word ("… dagens protokoll 4") is no running header, a numbered point in an
    item's text ("1. Informationen noteras") is no item, and the count goes on at
    the next page's head."""
    kind, result = imported(source(RUN_ON_AGENDA))
    assert kind == "agenda"
    items = meeting_of(result).items
    assert [i.number for i in items] == ["2", "3", "4", "5", "7", "8"]
    assert items[2].title.startswith("Information") and "noteras" not in items[2].title
    assert items[1].title == "Val av två justerare att justera dagens protokoll"


def test_run_on_table_whose_numbers_after_the_first_were_lost() -> None:
    """Only the first number kept, a diarienummer's year between the titles: the
    first entry, titled up to the year."""
    text = " 9 Val av justerare 2019/ Information till nämnden 2019/ Motion om bad"
    assert toc_entries(text) == [(9, "Val av justerare")]
    assert toc_entries(" Se sidan 4 11 Val av justerare 2019/ Information") == []


FILED_AGENDA = """\
Nämndsalen, Stadshuset. Ärenden enligt följande förteckning

Transkript

1 Tekniska nämnden Ordförande/ Anna Berg Sekreterare/ Olle Ek KALLELSE 1 (2) Tisdagen den \
14 april, 2015 kl Nämndsalen, Stadshuset. Ärenden enligt följande förteckning Val av \
justerare 1 Dnr NÄMNDENS ARBETSFORMER a) Minnesanteckningar från presidiet den 2 april Dnr \
INFORMATION FRÅN FÖRVALTNINGEN 3 Dnr BUDGETUPPFÖLJNING a) Uppföljning per den 31 mars \
4 Dnr TAXA FÖR TILLSTÅND ENLIGT 9 KAP. 2 § MILJÖBALKEN 5 Dnr AVGIFTER ENLIGT LAG (2010:900) \
OM PLANERING OCH BYGGANDE 6 VINTERVÄGHÅLLNING a) Enskilt ärende AB

2 7 Dnr ANMÄLAN AV DELEGATIONSBESLUT 8 KURSER OCH KONFERENSER 9 ÖVRIGA FRÅGOR

3 PROTOKOLLSUTDRAG2 Presidiet i tekniska nämnden Minnesanteckningar från presidiets möte.
"""


def test_agenda_filed_numbers_in_capitals(source: Source) -> None:
    """'N Dnr TITLE' run on, the diarienummer values lost: a number with a diarienummer's
    label is an item's, with a number lost before it (2); a title in capitals goes on
    over a law's reference and a chapter ("9 KAP. 2 §"), and ends before a lettered
    point ("a) …") or the next page's heading with its page number glued on."""
    kind, result = imported(source(FILED_AGENDA))
    assert kind == "agenda"
    meeting = meeting_of(result)
    assert str(meeting.date) == "2015-04-14"
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "NÄMNDENS ARBETSFORMER"),
        ("3", "BUDGETUPPFÖLJNING"),
        ("4", "TAXA FÖR TILLSTÅND ENLIGT 9 KAP. 2 § MILJÖBALKEN"),
        ("5", "AVGIFTER ENLIGT LAG (2010:900) OM PLANERING OCH BYGGANDE"),
        ("6", "VINTERVÄGHÅLLNING"),
        ("7", "ANMÄLAN AV DELEGATIONSBESLUT"),
        ("8", "KURSER OCH KONFERENSER"),
        ("9", "ÖVRIGA FRÅGOR"),
    ]
    assert meeting.items[0].text is not None and meeting.items[0].text.startswith("a) Minnes")


PREFIXED_PROTOCOL = """\
SAMMANTRÄDESPROTOKOLL Myndighetsnämnden 2016-03-08

Transkript

1 SAMMANTRÄDESPROTOKOLL Myndighetsnämnden Sammanträdesdatum 2016-03-08 Plats och tid \
Stadshuset kl 13.00-15.00 Beslutande Eva Lund (S), ordförande Per Ström (M) Kim Alm (C) \
Utses att justera Per Ström

2 MYN § 19 Dnr 2016/45 Bygglov för förråd Beslut Myndighetsnämnden beviljar bygglov. \
MYN § 20 Dnr 2016/51 Strandskyddsdispens för brygga Beslut Myndighetsnämnden avslår \
ansökan. MYN § 21 Delegationsbeslut Beslut Redovisningen läggs till handlingarna.
"""


def test_paragraphs_after_the_bodys_abbreviation(source: Source) -> None:
    """Each § after the body's abbreviation in capitals ("MYN § 19"), run on after the
    sentence before: every one is an item, its diarienummer apart from its title."""
    kind, result = imported(source(PREFIXED_PROTOCOL))
    assert kind == "protocol"
    items = meeting_of(result).items
    assert [(i.paragraph, i.title) for i in items] == [
        (19, "Bygglov för förråd"),
        (20, "Strandskyddsdispens för brygga"),
        (21, "Delegationsbeslut"),
    ]
    assert str(items[1].diarienummer) == "2016/51"
    assert items[0].text is None or "MYN" not in items[0].text


def test_agenda_title_ends_before_an_empty_dnr_label(source: Source) -> None:
    """A title followed by a diarienummer's label with its value lost ("Dnr:")."""
    text = (
        "Kallelse Kulturnämnden 2019-05-14\n\n1. Val av justerare\n"
        "2. Bidrag till studieförbund Dnr: \n3. Remiss om biblioteksplan Dnr: KN 2019/7\n"
    )
    kind, result = imported(source(text))
    assert kind == "agenda"
    assert [i.title for i in meeting_of(result).items] == [
        "Val av justerare",
        "Bidrag till studieförbund",
        "Remiss om biblioteksplan",
    ]


RETITLED_PAGE = """\
Ärenden: 1. Val av justerare. 2. Budget UTKAST. 3. Information

Storlek: px

Download "Ärenden: 9-10, 1. Val av justerare. 2. Budget UTKAST. 3. Information"

Transkript

1 Kulturnämnden 1 (2) Ärendelista 3 maj 2016 Ärenden: 1. Val av justerare 2. Budget \
3. Information 4. Lokaler för kulturskolan 5. Rapporter

2 Kulturnämnden 2 (2) Förhinder anmäls till nämndens sekreterare.
"""


def test_a_web_pages_heading_worded_apart_from_its_site_title(source: Source) -> None:
    """The page's heading above the site chrome repeats the site's title of the document
    with words left out: it is the site's, and the items come from the text."""
    kind, result = imported(source(RETITLED_PAGE))
    assert kind == "agenda"
    items = meeting_of(result).items
    assert [(i.number, i.title) for i in items] == [
        ("1.", "Val av justerare"),
        ("2.", "Budget"),
        ("3.", "Information"),
        ("4.", "Lokaler för kulturskolan"),
        ("5.", "Rapporter"),
    ]


PAGED_PARAGRAPHS = """\
PROTOKOLL Tekniska nämnden 2018-04-10

Transkript

1 PROTOKOLL Tekniska nämnden Sammanträdesdatum 2018-04-10 Plats och tid Kommunhuset kl \
13.00-15.30 Beslutande Anna Ek (S), ordförande Bo Lind (M) Cia Berg (C) Utses att justera Bo Lind \
Sekreterare Eva Stål Paragrafer 45-48

2 Innehållsförteckning § 45 Val av justerare... 3 § 46 Budgetuppföljning mars... 3 § 47 \
Detaljplan för Norra hamnen... 4 § 48 Meddelanden... 4

3 § 45 Val av justerare Beslut Nämnden utser Bo Lind att justera protokollet. § 46 \
Budgetuppföljning mars Beslut Nämnden godkänner uppföljningen.

4 § 47 Detaljplan för Norra hamnen Beslut Nämnden antar detaljplanen. § 48 Meddelanden Beslut \
Meddelandena läggs till handlingarna.
"""


def test_pages_that_start_with_a_paragraph(source: Source) -> None:
    """Pages that each start with a § are no running header "§"; a table of contents
    with leaders is read (its line placed); a decision heading runs on before its
    decision ("Beslut Nämnden antar …")."""
    kind, result = imported(source(PAGED_PARAGRAPHS))
    assert kind == "protocol"
    items = meeting_of(result).items
    assert [i.paragraph for i in items] == [45, 46, 47, 48]
    assert [i.title for i in items][2] == "Detaljplan för Norra hamnen"
    assert [d.text for d in items[2].decisions] == ["Nämnden antar detaljplanen."]
    assert 7 in result.placed_lines


def test_a_table_of_contents_that_ends_the_fragment(source: Source) -> None:
    """The fragment ends with its table of contents: the numbers of the paragraphs the
    officials attended ("Enhetschef 48 Per Holm …") are no items; the table's are."""
    text = (
        "SAMMANTRÄDESPROTOKOLL Tekniska nämnden 2019-05-14 Beslutande S Anna Berg M Per Lind "
        "C Olle Ek Tjänstemän Eva Holm Förvaltningschef Kim Dahl Enhetschef 48 Siv Ahl "
        "Verksamhetschef 49 Bo Alm Trafikingenjör 50 Utses att justera Per Lind\n"
        "Innehållsförteckning Förnyelseplan för ledningar 48 Beläggningsplan 2019 49 "
        "Rivning av scenen i parken 50"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    items = meeting_of(result).items
    assert [(i.paragraph, i.title) for i in items] == [
        (48, "Förnyelseplan för ledningar"),
        (49, "Beläggningsplan 2019"),
        (50, "Rivning av scenen i parken"),
    ]


ONE_PAGE_OF_MANY = """\
Kommunfullmäktige 2019-01-10

Transkript

3 Kommunfullmäktige (27) 36 VAL AV ORDFÖRANDE SAMT 1:E OCH 2:E VICE ORDFÖRANDE Dnr: \
Kommunfullmäktige väljer Anna Berg (S) till ordförande. Justerandes sign Utdragsbestyrkande

4 Kommunfullmäktige (28) 37 Val av justerare beslutar att utse Per Lind (M) att justera.

5 5/29 38 Anmälningar Beslut Kommunfullmäktige lägger anmälningarna till handlingarna.
"""


def test_a_fragments_pages_with_their_own_page_counts(source: Source) -> None:
    """Pages of a longer protocol, each headed by its body and page count ("Kommunfullmäktige
    (27)", "5/29"): the number after it starts an item, its § lost; a title in capitals
    ends before an empty "Dnr:", and a run-on title before a decision whose subject the
    transcript lost ("… justerare | beslutar att utse …")."""
    kind, result = imported(source(ONE_PAGE_OF_MANY))
    assert kind == "protocol"
    items = meeting_of(result).items
    assert [(i.number, i.title) for i in items] == [
        ("36", "VAL AV ORDFÖRANDE SAMT 1:E OCH 2:E VICE ORDFÖRANDE"),
        ("37", "Val av justerare"),
        ("38", "Anmälningar"),
    ]


def test_a_local_prefix_after_a_lower_case_body_name_and_an_unlabelled_dnr(
    source: Source,
) -> None:
    """ "Tekniska nämnden TN 2 09/TN 0044 Budget …": the body's name ends in lower case, a
    diarienummer without its label stands before the title; the title ends where the body
    starts its sentence ("Tekniska nämnden har …")."""
    text = (
        "PROTOKOLL Tekniska nämnden 2010-01-12 Beslutande Anna Berg (S) Per Lind (M)\n\n"
        "2 Tekniska nämnden TN 1 Sammanträdets öppnande Dagordningen godkänns.\n\n"
        "3 Tekniska nämnden TN 2 09/TN 0044 Budget för drift Tekniska nämnden har tilldelats "
        "en ram för 2010.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    items = meeting_of(result).items
    assert [(i.paragraph, i.title) for i in items] == [
        (1, "Sammanträdets öppnande"),
        (2, "Budget för drift"),
    ]
    assert str(items[1].diarienummer) == "09/TN 0044"


RUN_ON_LOST_NUMBERS = """\
Ärendelista

Transkript

1 Tekniska nämnden 2 (9) Ärendelista 3 mars 2016 1. Val av justerare 2. Anmälan om \
delegationsbeslut 3. Förvaltningschefen informerar 4. Taxa för parkering revidering \
5. Medborgarförslag om fler bänkar Ansökan om bidrag till hembygdsföreningen Riktlinjer \
för snöröjning 8. Motion om belysning i parken Motion om gångbro yttrande 10. Rapporter

2 Tekniska nämnden 3 (9) 1. Val av justerare Per Ek (M) är i tur att justera. 2. Anmälan om \
delegationsbeslut Beslut enligt bilaga.
"""


def test_run_on_agenda_keeps_counting_past_lost_numbers(source: Source) -> None:
    """A run-on list "N. Title" whose transcript lost some numbers ("5. … 8. …
    10. …"): the count goes on past them, and the item text on the next page
    ("1. Val av justerare Per Ek …") starts no item."""
    kind, result = imported(source(RUN_ON_LOST_NUMBERS))
    assert kind == "agenda"
    items = meeting_of(result).items
    assert [i.number for i in items] == ["1.", "2.", "3.", "4.", "5.", "8.", "10."]
    assert items[5].title == "Motion om belysning i parken"
    assert items[6].title == "Rapporter"


PARAGRAPH_TOC = """\
PROTOKOLL
Kulturnämnden
Sammanträdesdatum 2005-04-11

Beslutande Anna Berg (s), ordförande
Olle Ek (m)

Innehållsförteckning
§ 21 Val av justerare 2
§ 22 Godkännande av dagordning 2
§ 23 Bidrag till studieförbund 3
§ 24 Kulturpris 2005 4

§ 21 Val av justerare
Till justerare utses Olle Ek.
§ 22 Godkännande av dagordning
Dagordningen godkänns.
"""


def test_a_table_of_paragraph_lines_with_pages_is_no_items_of_its_own(source: Source) -> None:
    """A table of contents whose entries are "§ N Title page" lines: its entries give
    the titles without their page numbers, and its lines start no items beside
    the paragraphs that follow it."""
    kind, result = imported(source(PARAGRAPH_TOC))
    assert kind == "protocol"
    items = meeting_of(result).items
    assert [(i.paragraph, i.title) for i in items] == [
        (21, "Val av justerare"),
        (22, "Godkännande av dagordning"),
        (23, "Bidrag till studieförbund"),
        (24, "Kulturpris 2005"),
    ]


KALLELSE_COLUMNS = """\
Kallelse till sammanträde med kulturnämnden

Tid: Tisdagen den 3 mars 2015, kl. 18:00 Plats: Biblioteket, Storgatan 1

Ärenden: Dnr

1. Godkännande av dagordningen

2. Verksamhetsplan 2015 KN 2015/12

(Inga handlingar)

Bibliotek 3. Delårsrapport 2014 KN 2014/88 och kultur

4. Lokalfrågor (sluten del) 5. Information från förvaltningen KN 2015/3 \
Anna Berg anna.berg@kommunen.se
6. Övrigt

(Inga handlingar)

Per Ek Anna Berg

ordförande sekreterare
"""


def test_a_kallelse_whose_columns_ran_into_its_titles(source: Source) -> None:
    """A kallelse list with a "Dnr" column and a column of section labels beside it,
    flattened into the lines: a title ends at its diarienummer and at a note on its
    papers ("(Inga handlingar)", kept in the item's text); a note that is no such
    annotation ("(sluten del)") is the title's; an address's ".se" before a number
    is no pointer to a paragraph."""
    kind, result = imported(source(KALLELSE_COLUMNS))
    assert kind == "agenda"
    items = meeting_of(result).items
    assert [
        (i.number, i.title, str(i.diarienummer) if i.diarienummer else None) for i in items
    ] == [
        ("1.", "Godkännande av dagordningen", None),
        ("2.", "Verksamhetsplan 2015", "KN 2015/12"),
        ("3.", "Delårsrapport 2014", "KN 2014/88"),
        ("4.", "Lokalfrågor (sluten del)", None),
        ("5.", "Information från förvaltningen", "KN 2015/3"),
        ("6.", "Övrigt", None),
    ]
    assert "(Inga handlingar)" in (items[5].text or "")


WEB_PAGE_AGENDA = """\
Hoppa till innehållet

Regionfullmäktige den 14 mars 2011

Dag:
Måndag den 14 mars 2011
Tid:
09:00
Plats:
Fullmäktigesalen, Regionens hus

Anmälan om förhinder

Inledning

 1. 1.
  Inledning och upprop
 2. 2.
  Val av justerare

Beslutsärenden

 1. 3.
  Budget för regionens kulturråd RS 1102-0031
 2. 4.
  Taxor för färdtjänst 2012 RS 1102-0040
"""


def test_a_web_page_agenda_numbered_twice_on_lines_of_their_own(source: Source) -> None:
    """A meeting's web page: a dated title over "Dag:", "Tid:", and items whose numbers
    stand alone on their lines (a section's count, then the item's), each title on
    the next line: an agenda, its items numbered by the item's own number."""
    kind, result = imported(source(WEB_PAGE_AGENDA))
    assert kind == "agenda"
    meeting = meeting_of(result)
    assert str(meeting.date) == "2011-03-14"
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1.", "Inledning och upprop"),
        ("2.", "Val av justerare"),
        ("3.", "Budget för regionens kulturråd"),
        ("4.", "Taxor för färdtjänst 2012"),
    ]
