"""One synthetic document per layout class met in real archives.

Each text is written for this test (invented persons and places), reproducing a
class of layout as web transcripts and PDF extraction deliver it: site chrome,
page numbers glued to words, run-on attendance, columns run together, party
first, tabular närvarolistor, a table of contents, items that run on in a line,
a municipality's web page, several staff reports in one source.
"""

from __future__ import annotations

from collections.abc import Callable

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import AttendanceStatus, Body, Document, Meeting
from grmodel_gr_documents.plugin import IMPORTERS, detect

Source = Callable[..., SourceDocument]


def imported(document: SourceDocument) -> tuple[str | None, ImportResult]:
    kind = detect(document)
    importer = next(i for i in IMPORTERS if i.name == kind)
    return kind, importer.parse(document)


def meeting_of(result: ImportResult) -> Meeting:
    return next(r for r in result.records if isinstance(r, Meeting) and r.status == "held")


def by_status(meeting: Meeting) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in meeting.attendance:
        out.setdefault(str(a.status), []).append(a.person)
    return out


DOCPLAYER = """\
Protokoll från förbundsstyrelsens sammanträde Fredag 12 mars 2004, kl Stadshuset, Lerums kommun

Storlek: px
Starta visningen från sidan:

Download "Protokoll från förbundsstyrelsens sammanträde Fredag 12 mars 2004, kl Stadshuset, Lerums kommun"

Transkript

1 Protokoll från förbundsstyrelsens sammanträde Fredag 12 mars 2004, kl Stadshuset, Lerums kommun \
Ledamöter Åsa Lindkvist (m), Kungälv,ordförande Henrik Strand (s), Göteborg Maja Berg (v), Ale \
Ola Nyström (kd), Tjörn Ersättare Pia Sund (m), Härryda, (tjänstgörande) Lars K Holm (s), Partille, \
(tjänstgörande Elin Vik (fp), Mölndal Sekreterare Karin Moberg, GR Övriga Tor Alm, GR Välkomsthälsning \
Jonas Dahl, kommunstyrelsens ordförande i Lerum, hälsade förbundsstyrelsens ledamöter välkomna och \
berättade om kommunen.

2 Föredragningar Förbundsstyrelsens sammanträde inleddes med muntliga föredragningar.
"""


def test_docplayer_run_on_transcript(source: Source, check_accounting: Callable[..., None]) -> None:
    kind, result = imported(source(DOCPLAYER))
    assert kind == "protocol"
    check_accounting(result)
    meeting = meeting_of(result)
    assert str(meeting.date) == "2004-03-12"
    assert meeting.body == "gr-forbundsstyrelsen"
    status = by_status(meeting)
    assert status["present"] == ["asa-lindkvist", "henrik-strand", "maja-berg", "ola-nystrom"]
    assert status["serving_substitute"] == ["pia-sund", "lars-k-holm"]
    assert status["substitute"] == ["elin-vik"]
    assert meeting.secretary == "karin-moberg"
    assert "jonas-dahl" not in status.get("present", [])
    # chrome dropped with spans; the page numbers cut from the lines
    doc = result.document
    assert {s.reason for s in doc.dropped} >= {"site chrome", "site title"}
    assert [s.text for s in doc.cut] == ["1", "2"]


FIVEDOK = """\
• No results found

Styrgruppen för arbetsmarknad

Academic year: 2021

Share "Styrgruppen för arbetsmarknad"

Copied!
4
0
0

Loading.... (view fulltext now)

(1)

Protokoll 2010-10-11 Styrgruppen för arbetsmarknad

Tid: 7 oktober 2010 kl. 09:00-12:00 Plats: GR, Göteborg

Närvarande: Anna Holm, Ale, ordf.

Per Ek, Göteborg, vice ordf. Sara A Lind, Mölndal

Eva Rask, Kungsbacka Olof Berg, Lerum Nils Hed, Tjörn

Förhinder: Kim Sjö, Partille

Övriga: Lisa Fors, GR

(2)

1. Justering

Anna Holm och Per Ek utses att justera protokollet.

2. Information om arbetsmarknaden

Styrgruppen beslöt

att notera informationen
"""


def test_fivedok_headings_at_line_ends_and_columns_run_together(
    source: Source, check_accounting: Callable[..., None]
) -> None:
    kind, result = imported(source(FIVEDOK))
    assert kind == "protocol"
    check_accounting(result)
    meeting = meeting_of(result)
    # the meeting's own date ("Tid:"), not the protocol's print date in its header
    assert str(meeting.date) == "2010-10-07"
    assert (str(meeting.start_time), str(meeting.end_time)) == ("09:00:00", "12:00:00")
    assert meeting.place == "GR, Göteborg"
    status = by_status(meeting)
    assert status["present"] == [
        "anna-holm",
        "per-ek",
        "sara-a-lind",
        "eva-rask",
        "olof-berg",
        "nils-hed",
    ]
    assert status["absent"] == ["kim-sjo"]
    municipalities = {a.person: a.municipality for a in meeting.attendance}
    assert municipalities["eva-rask"] == "Kungsbacka" and municipalities["olof-berg"] == "Lerum"
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1.", "Justering"),
        ("2.", "Information om arbetsmarknaden"),
    ]
    assert meeting.items[1].decisions[0].clauses == ("notera informationen",)
    assert meeting.justering is not None and meeting.justering.justerare == ("anna-holm", "per-ek")


MUNICIPAL = """\
1 SAMMANTRÄDESPROTOKOLL Sida 1(9) Plats och tid Nämndhuset, Alingsås kl Beslutande M Ida Brink \
C Olle Sten L Rut Hage S Emil Norr S Ann Kvist, tjänstgör för Bo Gran (V) Övriga närvarande \
Ej tjänstgörande ersättare KD Eva Mo (kom kl ) S Leo Ask Tjänstemän Ulla Ros, förvaltningschef 12, 13 \
Jan Björk, sekreterare Utses att justera Justeringens plats och tid Emil Norr Nämndhuset kl Underskrifter \
Sekreterare Jan Björk Ordförande Ida Brink Justerande Emil Norr

2 SAMMANTRÄDESPROTOKOLL Sida 2(9) Innehållsförteckning Information 12 Delårsrapport 13 \
Yttrande över detaljplan för Alingsås kommun. 14 Meddelanden 15

3 SAMMANTRÄDESPROTOKOLL Sida 3(9) 12 Information Förvaltningschefen informerade om läget.
"""


def test_municipal_party_first_signature_box_and_table_of_contents(source: Source) -> None:
    site = 'Download "SAMMANTRÄDESPROTOKOLL Miljönämnden 2012-05-10"\n\nTranskript\n\n'
    kind, result = imported(source(site + MUNICIPAL))
    assert kind == "protocol"
    meeting = meeting_of(result)
    # the date only in the site's title of the document
    assert str(meeting.date) == "2012-05-10"
    status = by_status(meeting)
    assert status["present"] == ["ida-brink", "olle-sten", "rut-hage", "emil-norr"]
    assert status["serving_substitute"] == ["ann-kvist"]
    assert status["substitute"] == ["eva-mo", "leo-ask"]
    parties = {a.person: a.party for a in meeting.attendance}
    assert parties["ida-brink"] == "M" and parties["leo-ask"] == "S"
    assert meeting.justering is not None and meeting.justering.justerare == ("emil-norr",)
    assert meeting.secretary == "jan-bjork"
    assert [(i.paragraph, i.title) for i in meeting.items] == [
        (12, "Information"),
        (13, "Delårsrapport"),
        (14, "Yttrande över detaljplan för Alingsås kommun"),
        (15, "Meddelanden"),
    ]
    # a nämnd outside GR is a body of its own, with its municipality
    body = next(r for r in result.records if isinstance(r, Body))
    assert (body.id, body.name, body.municipality) == (
        "alingsas-miljonamnden",
        "Miljönämnden",
        "1489",
    )
    assert meeting.body == body.id


VDOCUMENTS = """\
protokoll kommunstyrelsen beslutande … · 2019-05-06 · protokoll kommunstyrelsen...

12
PROTOKOLLKommunstyrelsenSammanträdesdatum: 2019-04-30

Plats och tid Sessionssalen, Lerum, kl. 13:00-15:30

Beslutande

Mona Lind (S) tjg för Kurt Björn (S)Eva Stål (S)Jon Ek (M), ordförandeSiv Ros (L) tjg Ulf Falk (C) §§ 40-42Ulf Falk (C) §§ 43-50

Närvarande ersättare Gun Alm (M)

Utses att justera Eva Stål Justeringens plats och tid Kommunhuset, 2019-05-02 kl. 10:00
"""


def test_vdocuments_glued_words_and_replacements(source: Source) -> None:
    kind, result = imported(source(VDOCUMENTS))
    assert kind == "protocol"
    meeting = meeting_of(result)
    # the upload date in the site's title line is chrome; the justering date is not the meeting's
    assert str(meeting.date) == "2019-04-30"
    assert meeting.justering is not None and str(meeting.justering.date) == "2019-05-02"
    serving = {
        a.person: a.replaces
        for a in meeting.attendance
        if a.status is AttendanceStatus.SERVING_SUBSTITUTE
    }
    assert serving == {"mona-lind": "kurt-bjorn", "siv-ros": "ulf-falk"}
    present = [a.person for a in meeting.attendance if a.status is AttendanceStatus.PRESENT]
    assert present == ["eva-stal", "jon-ek", "ulf-falk"]
    assert next(a for a in meeting.attendance if a.person == "ulf-falk").paragraphs == tuple(
        range(43, 51)
    )


WEB_PAGE = """\
Din position: Hem > Vallby kommun > Tekniska nämnden > Sammanträde 2012-09-19

Sammanträde 2012-09-19

Datum
Klockan
Plats
Bilagor till protokoll
TN närvaro.pdf (120 kb)

§31 Taxor för vatten och avlopp 2013

Tekniska nämndens beslut

1. Taxorna för vatten och avlopp 2013 fastställs.

Beskrivning av ärendet

På sammanträdet den 15 augusti 2012, § 28, beslutade nämnden att ta fram förslag.

§32 Sammanträdesplan 2013

Tekniska nämndens beslut

1. Sammanträdesplanen fastställs.

23 januari

20 februari
"""


def test_municipal_web_page(source: Source) -> None:
    kind, result = imported(source(WEB_PAGE))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert str(meeting.date) == "2012-09-19"
    assert meeting.body_name == "Tekniska nämnden"
    assert [(i.paragraph, i.title) for i in meeting.items] == [
        (31, "Taxor för vatten och avlopp 2013"),
        (32, "Sammanträdesplan 2013"),
    ]
    assert meeting.items[0].decisions[0].clauses == (
        "Taxorna för vatten och avlopp 2013 fastställs",
    )
    planned = sorted(
        str(r.date) for r in result.records if isinstance(r, Meeting) and r.status == "planned"
    )
    # the earlier meeting the text mentions is no announcement
    assert planned == ["2013-01-23", "2013-02-20"]


NARVAROLISTA = """\
UN120404
Plats och tid Kulturhuset, Storgatan 3, Norrtälje, kl
18.00-20.00

Beslutande Se närvarolista

Övriga deltagande Kerstin Wall, skolchef
Anna Kron, sekrUtses att justera Bo Lund (s)

Organ Utbildningsnämnden

Sammanträdesdatum 2012-04-04

NÄRVAROLISTA

Närvaro Votering
LEDAMÖTER Ja Nej Tid Kl. 18.00-20.00 Ja Nej
Eva Holm, ordf m x
Bo Lund s x
Tina Ek, v ordf c x
Per Sand fp
"""


def test_tabular_narvarolista_with_marks(source: Source) -> None:
    kind, result = imported(source(NARVAROLISTA))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert str(meeting.date) == "2012-04-04"
    assert (str(meeting.start_time), str(meeting.end_time)) == ("18:00:00", "20:00:00")
    status = by_status(meeting)
    # Per Sand has no presence mark: listed, not present
    assert status["present"] == ["eva-holm", "bo-lund", "tina-ek"]
    assert meeting.justering is not None and meeting.justering.justerare == ("bo-lund",)
    assert meeting.body_name == "Utbildningsnämnden"


RUN_ON_ITEMS = """\
Protokoll från sammanträde med styrgruppen för miljö och samhällsbyggnad

Transkript

1 från sammanträde med styrgruppen för miljö och samhällsbyggnad Tid: 3 maj 2016, kl Plats: GR, Göteborg \
Närvarande ledamöter Ulla Strand (M), Ale Rolf Bäck (S), Lerum Frånvarande ledamöter Kim Nord (V), Tjörn

2 1 Val av justeringsperson Till att jämte ordföranden justera dagens protokoll utses Rolf Bäck. \
2 Godkännande av dagordning Utsänd dagordning godkänns. 3 Information om regionplanen Gruppen diskuterade planen.
"""


def test_items_run_on_without_paragraph_signs(source: Source) -> None:
    kind, result = imported(source(RUN_ON_ITEMS))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert str(meeting.date) == "2016-05-03"
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Val av justeringsperson"),
        ("2", "Godkännande av dagordning"),
        ("3", "Information om regionplanen"),
    ]
    assert meeting.justering is not None and meeting.justering.justerare == ("rolf-back",)
    assert by_status(meeting) == {"present": ["ulla-strand", "rolf-back"], "absent": ["kim-nord"]}


YEARLESS = """\
Protokoll från sammanträde med styrgruppen för arbetsmarknad

Tid: onsdag den 9 oktober, kl. 13.00–16.00 Plats: GR, Göteborg

Ledamöter

Karin Dahl (ordf.), Lerum (S) Per Ek, Ale (M) Eva Lind, Tjörn (V)

Anmält förhinder: Olle Berg (v ordf.), Partille (C)

1. Mötets öppnande

Ordföranden öppnar mötet.

2. Val av justerare

Mötet väljer Per Ek som justerare.
"""


def test_date_without_a_year_keeps_the_meeting_undated(source: Source) -> None:
    """Steering-group protocols often state day and month only: the meeting, its
    attendance and items are kept, no year is invented, and the stated date is kept."""
    kind, result = imported(source(YEARLESS))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert meeting.date is None
    assert meeting.stated_date == "onsdag den 9 oktober"
    assert meeting.weekday == "onsdag"
    assert by_status(meeting) == {
        "present": ["karin-dahl", "per-ek", "eva-lind"],
        "absent": ["olle-berg"],
    }
    chair = meeting.attendance[0]
    assert (chair.role, chair.party, chair.municipality) == ("ordförande", "S", "Lerum")
    assert [i.title for i in meeting.items] == ["Mötets öppnande", "Val av justerare"]
    document = result.document
    assert [n.reason for n in document.notes] == ["date-outside-header"]


RUNNING_HEADER = """\
SAMMANTRÄDESPROTOKOLL Socialnämnden

Transkript

1 Socialnämnden (9) Plats och tid Rådhuset, kl 13.00 Sammanträdesdatum 2016-03-02 \
Beslutande Lisa Holm (S), ordförande Erik Sand (M) Utses att justera Erik Sand (M)

2 Socialnämnden (9) SN 21 Dnr H 16:044 FASTSTÄLLANDE AV DAGORDNING Dagordningen fastställs.

3 Socialnämnden (9) SN 22 Bidrag till studier Nämnden beviljar bidraget.
"""


def test_running_header_glued_to_each_page_and_a_known_local_prefix(source: Source) -> None:
    """A transcript glues the page's running header ("Socialnämnden (9)") to the first
    paragraph of every page: it is cut (not read as text of the item before), and the
    items under the body's local prefix ("SN 21") start at the page; a diarienummer
    before a title in capitals goes to the item, the title stops where the text
    starts."""
    kind, result = imported(source(RUNNING_HEADER))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert [(i.paragraph, i.title) for i in meeting.items] == [
        (21, "FASTSTÄLLANDE AV DAGORDNING"),
        (22, "Bidrag till studier"),
    ]
    first = meeting.items[0]
    assert first.diarienummer is not None and first.diarienummer.value == "H 16:044"
    assert "Socialnämnden (9)" not in (first.text or "")
    cut = [c.text for c in result.document.cut if c.reason == "running header"]
    assert cut == ["Socialnämnden (9)", "Socialnämnden (9)"]


NUMBER_BEFORE_SIGN = """\
Direktionens protokoll 8 december 2023

Direktionens ledamöter
Stina Berg (S)
Olof Lund (M), ordförande
Direktionens ersättare
Maja Strand (C) tjänstgörande
Tjänstepersoner
Per Vik, förbundschef

53 § Sammanträdets öppnande

Ordföranden öppnade mötet.

54 § Föregående protokoll

Protokollet lades till handlingarna.
"""


def test_number_before_the_paragraph_sign_and_body_genitive_headings(source: Source) -> None:
    kind, result = imported(source(NUMBER_BEFORE_SIGN))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert [(i.paragraph, i.title) for i in meeting.items] == [
        (53, "Sammanträdets öppnande"),
        (54, "Föregående protokoll"),
    ]
    assert by_status(meeting) == {
        "present": ["stina-berg", "olof-lund"],
        "serving_substitute": ["maja-strand"],
        "other": ["per-vik"],
    }


STACKED = """\
Sammanträdesprotokoll
Sammanträdesprotokoll VÅRDNÄMNDEN Plats och tid Vårdhuset, kl 14:00-16:00 Beslutande Ej beslutande \
Övriga deltagande Utses att justera Ola Vik (S), ordförande Kim Berg (M) Sara Lund (S), ersättare för \
Tor Ek (S) Lena Falk (V), ersättare Anna Dahl, förvaltningschef Per Holm, sekreterare Kim Berg (M) \
Justeringens plats och tid Vårdhuset 16 juni 2014 Underskrifter Sekreterare Paragrafer
Sida 2 ÄRENDELISTA 71 Rapport från verksamheten 3 72 Ekonomisk rapport 4 73 Köp av tjänster 6
"""


def test_stacked_headings_share_one_run_by_the_shape_of_each_entry(source: Source) -> None:
    """A flattened cover puts every heading first and every entry after: members by
    their party, serving ersättare by "ersättare för", the others by their
    occupation, the justerare as the name repeated at the end; a table of contents
    whose page numbers ran onto the titles loses them."""
    kind, result = imported(source(STACKED))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert by_status(meeting) == {
        "present": ["ola-vik", "kim-berg"],
        "serving_substitute": ["sara-lund"],
        "substitute": ["lena-falk"],
        "other": ["anna-dahl", "per-holm"],
    }
    assert meeting.justering is not None and meeting.justering.justerare == ("kim-berg",)
    assert [(i.paragraph, i.title) for i in meeting.items] == [
        (71, "Rapport från verksamheten"),
        (72, "Ekonomisk rapport"),
        (73, "Köp av tjänster"),
    ]


ELSEWHERE = """\
Kommunfullmäktige 2003-12-01 1(20)
Plats och tid Stadshuset, kl 18.00-21.00
Beslutande Enligt förteckning
Eva Sund, kommundirektör § 12
Övriga deltagande Lars Ek, sekreterare
Utses att justera Maja Holm (m) och Nils Berg (s)

KF § 12 Budget för 2004

Beslut
Kommunfullmäktige beslutar att fastställa budgeten.
"""


def test_attendance_kept_in_an_attachment(source: Source) -> None:
    """ "Beslutande Enligt förteckning": the decision-makers are listed elsewhere; the
    meeting says so, the officials named after the pointer are no members, and the
    justerare (not in the partial list) trip no rule."""
    kind, result = imported(source(ELSEWHERE))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert meeting.attendance_elsewhere == "Enligt förteckning"
    assert by_status(meeting) == {"other": ["eva-sund", "lars-ek"]}
    assert meeting.justering is not None
    assert meeting.justering.justerare == ("maja-holm", "nils-berg")


STAFF_REPORTS = """\
Val av ombud till bolagsstämmor 2012

Transkript

1 Dnr: Styrelseärende Till Förbundsstyrelsen Val av ombud till Renova AB:s bolagsstämma 2012 \
Förbundsstyrelsen föreslås besluta att till ombud vid Renovas bolagsstämma den 20 april utse Eva Bok (S). \
Göteborg Maria Sten /Olle Palm

2 Dnr: Styrelseärende Till Förbundsstyrelsen Förslag till budget för GR år 2013 Enligt förbundsordningen \
ska styrelsen den 4 maj behandla budgeten. Förbundsstyrelsen föreslås besluta att översända förslaget \
till medlemskommunerna, samt att förklara paragrafen omedelbart justerad. Göteborg den 6 mars 2012 \
Maria Sten /Olle Palm
"""


def test_several_staff_reports_in_one_source(source: Source) -> None:
    kind, result = imported(source(STAFF_REPORTS))
    assert kind == "combined"
    reports = [r for r in result.records if isinstance(r, Document) and r.kind == "styrelseärende"]
    assert [r.title for r in reports] == [
        "Val av ombud till Renova AB:s bolagsstämma 2012",
        "Förslag till budget för GR år 2013",
    ]
    # the second report's date from its signature, never a date in its text or clauses
    assert [str(r.date) if r.date else None for r in reports] == [None, "2012-03-06"]
    assert [r.addressee for r in reports] == ["gr-forbundsstyrelsen"] * 2
    assert reports[1].proposed_clauses == (
        "översända förslaget till medlemskommunerna",
        "förklara paragrafen omedelbart justerad.",
    )


KIND_CLASSES = [
    (
        "Föredragningslista Sammanträdesdatum Regionstyrelsen Tid Onsdag 29 augusti 2012 "
        "1 Justering 2 Godkännande av föredragningslista 3 Anmälan av skrivelser\n",
        "agenda",
    ),
    (
        "Socialnämnden Kallelse/Underrättelse 3 februari 2015 Kallelse till socialnämndens "
        "sammanträde: Datum: Tisdagen den 10 februari 2015 Ärenden 1. Information\n",
        "agenda",
    ),
    (
        "Tjänsteskrivelse KFN Handläggare: Eva Ek Kultur- och föreningsnämnden Checklista "
        "för hållbar utveckling Sammanfattning Förvaltningen har tagit fram en checklista.\n",
        "staff-report",
    ),
]


def test_kind_words_with_their_kind_s_structure(source: Source) -> None:
    """A föredragningslista or kallelse without bracketed item kinds, and a
    tjänsteskrivelse that proposes nothing yet, are known by their kind word with
    what such documents hold ("Godkännande av föredragningslista", "Kallelse till",
    "Handläggare:")."""
    assert [detect(source(text)) for text, _ in KIND_CLASSES] == [k for _, k in KIND_CLASSES]


def test_an_agenda_of_a_body_outside_the_reference_data_has_its_body(source: Source) -> None:
    text = (
        "Kallelse till Kulturnämnden\n\nTisdagen den 10 februari 2015 kl 18.00\n\n1. Information\n"
    )
    kind, result = imported(source(text))
    assert kind == "agenda"
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    body = next(r for r in result.records if isinstance(r, Body))
    assert meeting.body == body.id and body.name == "Kulturnämnden"


def test_the_posting_box_dates_are_not_the_meeting_date(source: Source) -> None:
    """ "Datum då anslaget 2010-04-09 sattes upp": the anslag box's dates are posting
    dates; the meeting's date is the one in the header."""
    text = (
        "Sammanträdesprotokoll Miljönämnden 2010-04-07 Plats och tid Rådhuset, klockan "
        "11.00-16.30 Beslutande Anna Holm (s), ordförande Bo Ek (s) Anslag / Bevis "
        "Protokollet är justerat. Datum då anslaget 2010-04-09 sattes upp\n\n"
        "§ 12 Information\n\nNämnden tar del av informationen.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    assert str(meeting_of(result).date) == "2010-04-07"


def test_officials_run_on_after_the_ersattare_are_others(source: Source) -> None:
    """ "Ersättare: Eva Ek (S), Bo Ahl (L) samt sekreterare Per Holm, socialchef Lena
    Berg": the officials written role first after the ersättare are no ersättare."""
    text = (
        "Protokoll Socialnämnden 2016-02-24\n\nBeslutande Anna Sten (S), ordförande\n\n"
        "Övriga deltagande Ersättare: Eva Ek (S), Bo Ahl (L) samt sekreterare Per Holm, "
        "socialchef Lena Berg, controller Ola Ström\n\n§ 13 Information\n\nNoteras.\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    status = by_status(meeting_of(result))
    assert status["substitute"][:2] == ["eva-ek", "bo-ahl"]
    assert {"per-holm", "lena-berg"} <= set(status["other"])
