"""Documents in the styles of real GR practice over the years, each imported whole,
with its key fields asserted and every line accounted for."""

from __future__ import annotations

from collections.abc import Callable

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import AttendanceStatus, DecisionKind, ItemKind, Meeting, MeetingStatus
from grmodel_gr_documents.agenda import parse_agenda
from grmodel_gr_documents.amounts import find_amounts
from grmodel_gr_documents.plugin import detect
from grmodel_gr_documents.protocol import parse_protocol
from grmodel_gr_documents.staff_report import parse_staff_report

Source = Callable[..., SourceDocument]
Check = Callable[[ImportResult], None]


def meeting_of(result: ImportResult) -> Meeting:
    return next(
        r
        for r in result.records
        if isinstance(r, Meeting) and r.status is not MeetingStatus.PLANNED
    )


BOARD_2017 = (
    "Protokoll från förbundsstyrelsens sammanträde fredag den 15 december 2017, kl 09.00-12.00, "
    "Göteborgsregionens kommunalförbund, Anders Personsgatan 8\n"
    "\n"
    "Närvarande ledamöter\n"
    "Jonas Ransgård (m), Göteborg, ordförande; Ann-Sofie Hermansson (s), Göteborg, 1:e vice "
    "ordförande; Mikael Berglund (m), Lerum; Per Vorberg (m), Härryda; Miguel Odhner (s), Kungälv\n"
    "\n"
    "Tjänstgörande ersättare\n"
    "Birgitta Åkerlund (fp), Kungsbacka, ersätter Kerstin Bjurestrand (s), Mölndal\n"
    "\n"
    "Anmält förhinder\n"
    "Kerstin Bjurestrand (s), Mölndal\n"
    "\n"
    "§ 287 Val av justerare\n"
    "Mikael Berglund utses till justerare.\n"
    "\n"
    "§ 288 Budget 2018\n"
    "Beslutsunderlag: Tjänsteskrivelse 2017-11-30, diarienummer: 2017-00412\n"
    "Förbundsstyrelsen beslöt efter överläggning\n"
    "att fastställa budget 2018 enligt förslaget, och\n"
    "att uppdra åt förbundsdirektören att redovisa utfallet.\n"
    "Kerstin Bjurestrand (s) reserverar sig mot beslutet.\n"
    "\n"
    "Justeras\n"
    "Jonas Ransgård          Mikael Berglund\n"
)


def test_board_2017_defects(source: Source, check_accounting: Check) -> None:
    result = parse_protocol(source(BOARD_2017))
    check_accounting(result)
    meeting = meeting_of(result)
    assert meeting.justering is not None
    assert meeting.justering.signatories == ("jonas-ransgard", "mikael-berglund")
    (decision,) = meeting.items[1].decisions
    assert decision.clauses == (
        "fastställa budget 2018 enligt förslaget",
        "uppdra åt förbundsdirektören att redovisa utfallet.",
    )
    assert [r.person for r in decision.reservations] == ["kerstin-bjurestrand"]
    status = {a.person: a for a in meeting.attendance}
    serving = status["birgitta-akerlund"]
    assert serving.status is AttendanceStatus.SERVING_SUBSTITUTE
    assert serving.replaces == "kerstin-bjurestrand"
    assert serving.municipality == "Kungsbacka"


def test_signatories_on_one_line_single_spaced(source: Source) -> None:
    text = BOARD_2017.replace("Ransgård          Mikael", "Ransgård Mikael")
    meeting = meeting_of(parse_protocol(source(text)))
    assert meeting.justering is not None
    assert meeting.justering.signatories == ("jonas-ransgard", "mikael-berglund")


def test_signatories_tab_separated(source: Source) -> None:
    text = BOARD_2017.replace("Ransgård          Mikael", "Ransgård\tMikael")
    document = source(text)
    assert detect(document) == "protocol"
    meeting = meeting_of(parse_protocol(document))
    assert meeting.justering is not None
    assert meeting.justering.signatories == ("jonas-ransgard", "mikael-berglund")


def test_seed_001_mapping_gets_no_kind(seed: Callable[[str], SourceDocument]) -> None:
    """A mapping whose web-page title list holds "Protokoll från sammanträde med …"
    lines is not a protocol: no protocol structure follows those titles."""
    assert detect(seed("001")) is None


def test_protocol_title_needs_structure(source: Source) -> None:
    text = "Relevanta dokument\n\n" + "\n\n".join(f"Rapport {n}" for n in range(6))
    text += "\n\nProtokoll från sammanträde med sociala styrgruppen\n\nVästKom frågor\n"
    assert detect(source(text)) is None


PROTOCOL_2005 = """\
GÖTEBORGSREGIONENS KOMMUNALFÖRBUND
PROTOKOLL
Sociala styrgruppen
Sammanträdesdatum: 2005-03-18
Tid: kl. 13:00-16:00
Plats: GR, Gårdavägen 2

Ledamöter
Kerstin Svensson (s), Göteborg, ordförande
Lars Nilsson (m), Mölndal, v. ordf.
Eva Lind (fp), Partille
Per Olsson (kd), Lerum §§ 1-4
Anna Persson (c), Tjörn

Ersättare
Maria Berg (s), Ale, tjänstgörande för Ulla Gran
Olof Sand (v), Kungälv

Förhinder
Ulla Gran (s), Härryda

Sekreterare
Birgitta Holm

1. Val av justerare
Till att jämte ordföranden justera protokollet valdes Lars Nilsson.

2. Godkännande av dagordning
Utsänd dagordning godkänns.

3. Budget 2006
Styrgruppen beslutar
att godkänna förslaget till budget 2006, samt
att överlämna budgeten till förbundsstyrelsen.
Omröstning begärs och verkställs. 9 ja-röster, 4 nej-röster, 2 avstår.
Eva Lind (fp) reserverar sig mot beslutet.

4. Missbruksvården i regionen
Informationen antecknas.

5. Övriga frågor
Inga övriga frågor.

Vid protokollet
Birgitta Holm

Justeras
Kerstin Svensson        Lars Nilsson
"""


def test_2005_style_protocol(source: Source, check_accounting: Check) -> None:
    """Lower-case parties, "Ledamöter"/"Ersättare"/"Förhinder"/"Sekreterare" headings,
    items numbered "1.", a counted vote, column-spaced signatures."""
    document = source(PROTOCOL_2005)
    assert detect(document) == "protocol"
    result = parse_protocol(document)
    check_accounting(result)
    assert not result.document.unplaced
    meeting = meeting_of(result)
    assert meeting.id == "gr-styrgruppen-social-valfard-2005-03-18"
    assert (str(meeting.start_time), str(meeting.end_time)) == ("13:00:00", "16:00:00")
    status = {a.person: a for a in meeting.attendance}
    assert [a.party for a in meeting.attendance][:5] == ["s", "m", "fp", "kd", "c"]
    assert status["per-olsson"].paragraphs == (1, 2, 3, 4)
    assert status["maria-berg"].status is AttendanceStatus.SERVING_SUBSTITUTE
    assert status["maria-berg"].replaces == "ulla-gran"
    assert status["olof-sand"].status is AttendanceStatus.SUBSTITUTE
    assert status["ulla-gran"].status is AttendanceStatus.ABSENT
    assert meeting.secretary == "birgitta-holm"
    assert [i.number for i in meeting.items] == ["1.", "2.", "3.", "4.", "5."]
    assert meeting.items[1].decisions[0].text == "Utsänd dagordning godkänns."
    (decision,) = meeting.items[2].decisions
    assert decision.clauses == (
        "godkänna förslaget till budget 2006",
        "överlämna budgeten till förbundsstyrelsen.",
    )
    assert decision.votes is not None
    assert (decision.votes.yes, decision.votes.no, decision.votes.abstain) == (9, 4, 2)
    assert [(r.person, r.party) for r in decision.reservations] == [("eva-lind", "fp")]
    assert meeting.items[3].decisions[0].kind is DecisionKind.NOTED
    assert meeting.justering is not None
    assert meeting.justering.justerare == ("lars-nilsson",)
    assert meeting.justering.signatories == ("kerstin-svensson", "lars-nilsson")


FOOTERS = """\
Protokoll från sammanträde med styrgruppen för utbildning
190523, kl 9-15, GR Utbildning, Göteborg

Närvarande ledamöter
Anna Berg (S), Ale, ordförande
Bo Ek (M), Lerum
Carl Dahl (MP), Mölndal
Dan Falk (V), Tjörn

Anmält förhinder
Eva Gran (C), Partille

§ 18 Val av justerare
Bo Ek och Carl Dahl utses att justera protokollet.

§ 19 Skolans digitalisering
Styrgruppen beslutar
att ge utbildningschefen i uppdrag att ta fram en handlingsplan.
Sida 1 av 2
Just: ____
Justerat sign:
2 (5)
§ 20 Information från förvaltningen
Informationen antecknas.

Justeras
Anna Berg
Bo Ek
Carl Dahl
Sida 2 av 2
"""


def test_compact_date_and_page_footers(source: Source, check_accounting: Check) -> None:
    """ "190523" as the only date, "kl 9-15", footers mid-text, "X och Y utses att justera"."""
    result = parse_protocol(source(FOOTERS))
    check_accounting(result)
    # the place is read as "GR Utbildning": the town after it reached no record
    assert [(s.span.line, s.text) for s in result.document.unplaced] == [(2, "Göteborg")]
    assert [seg.span.line for seg in result.document.dropped] == [19, 30]
    meeting = meeting_of(result)
    assert meeting.id == "gr-styrgruppen-utbildning-2019-05-23"
    assert (str(meeting.start_time), str(meeting.end_time)) == ("09:00:00", "15:00:00")
    assert [i.paragraph for i in meeting.items] == [18, 19, 20]
    assert meeting.items[1].decisions[0].clauses == (
        "ge utbildningschefen i uppdrag att ta fram en handlingsplan.",
    )
    assert meeting.justering is not None
    assert meeting.justering.justerare == ("bo-ek", "carl-dahl")
    assert meeting.justering.signatories == ("anna-berg", "bo-ek", "carl-dahl")


NO_YEAR = """\
Protokoll från förbundsstyrelsens sammanträde torsdag den 18 december, kl 9-15, GR, Gårdavägen 2

Närvarande: Anna Berg (s), Ale, ordförande; Bo Ek (m), Lerum, Carl Dahl (fp), Mölndal och Dan Falk (v), Tjörn

Ej närvarande: Eva Gran (kd), Partille

§ 168 Val av justeringsperson
Mötet väljer Bo Ek som justerare.

§ 169 Budget 2009
Beslutsunderlag: Tjänsteskrivelse 2008-11-30, diarienummer: 2008-00412
Förbundsstyrelsen beslutar att fastställa budget 2009 enligt förslaget.

Vid protokollet
Gun Ivarsson
"""


def test_date_without_year_takes_it_from_context(source: Source) -> None:
    """ "torsdag den 18 december": the year comes from the full dates in the text."""
    result = parse_protocol(source(NO_YEAR))
    meeting = meeting_of(result)
    assert meeting.id == "gr-forbundsstyrelsen-2008-12-18"
    assert [i.paragraph for i in meeting.items] == [168, 169]
    assert meeting.items[1].basis == ("dnr-2008-00412",)
    assert meeting.justering is not None and meeting.justering.justerare == ("bo-ek",)
    assert meeting.secretary == "gun-ivarsson"
    assert meeting.attendance[-1].status is AttendanceStatus.ABSENT


COMPACT_2012 = """\
Protokoll
Styrgruppen för social välfärd
Datum: 1november2012
Tid: kl. 13:00-16:00
Plats: Göteborgsregionen, Gårdavägen 2

Närvarande ledamöter
Hampus Magnusson (M), Göteborg, ordförande
Eva Ek (S), Ale, vice ordförande
Britt Lund (KD), Alingsås

Frånvarande ledamöter
Gustav Lind (L), Partille

Tjänstgörande ersättare
Lisa Nord (L), Öckerö, i stället för Gustav Lind

Sekretariat
Ann Svensson, GR

1 Val av justerare
Hampus Magnusson (M) utses att tillsammans med ordföranden justera protokollet.

2 Lokal ungdomspolitik
Ann Svensson informerar om Lupp-enkäten.
Informationen antecknas.

3 Samverkan mot våld
Styrgruppen ger i uppdrag till avdelningschefen att ta fram en gemensam plan.

Justeras
Eva Ek
Hampus Magnusson
"""


def test_2012_protocol_with_bare_numbers(source: Source, check_accounting: Check) -> None:
    """ "1november2012", "kl. 13:00-16:00", "i stället för X", "utses att tillsammans
    med ordföranden justera protokollet" (no clause taken from it), an assignment."""
    result = parse_protocol(source(COMPACT_2012))
    check_accounting(result)
    assert not result.document.unplaced
    meeting = meeting_of(result)
    assert meeting.id == "gr-styrgruppen-social-valfard-2012-11-01"
    status = {a.person: a for a in meeting.attendance}
    assert status["lisa-nord"].status is AttendanceStatus.SERVING_SUBSTITUTE
    assert status["lisa-nord"].replaces == "gustav-lind"
    assert status["gustav-lind"].status is AttendanceStatus.ABSENT
    assert meeting.secretary == "ann-svensson"
    assert meeting.items[0].decisions[0].clauses == ()
    assert meeting.items[1].presenters == ("ann-svensson",)
    assignment = meeting.items[2].decisions[0]
    assert assignment.kind is DecisionKind.ASSIGNMENT
    assert assignment.assignee == "avdelningschefen"
    assert meeting.justering is not None
    assert meeting.justering.justerare == ("hampus-magnusson",)


STYRELSEARENDE = """\
Dnr: 08-193.012
Styrelseärende 2008-12-15
Till Förbundsstyrelsen

Finansiering av regionalt kunskapscentrum

Bakgrund
Kunskapscentrumet har sedan starten kostat 2,5–3 mkr per år. Den samlade satsningen i regionen uppgår till 1 miljard kronor.

Förbundsstyrelsen föreslås besluta att anta finansieringsmodellen, att modellen gäller från 2009 samt att uppdra åt förbundsdirektören att följa upp modellen.

Göteborg den 8 februari 2010
Anna Berg /Bo Ek
"""


def test_styrelsearende(source: Source) -> None:
    """ "föreslås besluta att …, att … samt att …" split only at clause boundaries;
    the signature's names on the line after "Göteborg den 8 februari 2010"."""
    document = source(STYRELSEARENDE)
    assert detect(document) == "staff-report"
    doc = parse_staff_report(document).document
    assert doc.id == "dnr-08-193-012"
    assert str(doc.kind) == "styrelseärende"
    assert doc.addressee == "gr-forbundsstyrelsen"
    assert doc.author == "Anna Berg"
    assert doc.title == "Finansiering av regionalt kunskapscentrum"
    assert doc.proposed_clauses == (
        "anta finansieringsmodellen",
        "modellen gäller från 2009",
        "uppdra åt förbundsdirektören att följa upp modellen.",
    )


def test_amounts_as_written() -> None:
    found = find_amounts("kostat 2,5–3 mkr per år och totalt 1 miljard kronor, 35 00 kr")
    assert [(a.money.amount, a.money.max_amount) for a in found] == [
        (2_500_000, 3_000_000),
        (1_000_000_000, None),
        (3500, None),
    ]


TID_PLATS = """\
Protokoll
Styrgruppen för arbetsmarknad
Tid: Torsdagen den 23 maj 2019, klockan 18.00 – 19.30
Plats: GR, Anders Personsgatan 8, Göteborg

Närvarande
Kent Lagrell, Öckerö (M), ordförande
Patrik Linde, Härryda (S), vice ordförande
Marita Henriksson, Ale (SD) (punkt 3)
Hampus Magnusson, Göteborg (M) p 4
Elisabeth Mattsson, Lerum (C) (ej § 5)
Tony Lundberg, Tjörn (S)

Deltog ej
Anna Johansson, Kungälv (V)

Övriga deltagare
Lena Holm, förbundsdirektör, Göteborgsregionen

1. Mötets öppnande
Ordföranden hälsar välkommen och förklarar mötet öppnat.

2. Val av justerare
Mötet väljer Patrik Linde som justerare.

3. Godkännande av dagordning
Utsänd dagordning godkänns.

4. Yttrande över regional plan
Beslut
Styrgruppen beslutar att föreslå förbundsstyrelsen
att anta yttrandet, och
att förklara paragrafen omedelbart justerad.
Votering begärs. Ja: Kent Lagrell, Patrik Linde, Tony Lundberg; Nej: Marita Henriksson; Avstår: Elisabeth Mattsson

5. Övriga frågor
Inga övriga frågor anmäldes.

Vid protokollet
Lena Holm

Justeras
Kent Lagrell                 Patrik Linde
"""


def test_tid_plats_protocol(source: Source, check_accounting: Check) -> None:
    """ "Tid:"/"Plats:" header, "Name, Municipality (Party)" entries, "Deltog ej",
    presence "(punkt 3)", "p 4", "(ej § 5)", a roll-call vote, omedelbar justering."""
    document = source(TID_PLATS)
    assert detect(document) == "protocol"
    result = parse_protocol(document)
    check_accounting(result)
    assert not result.document.unplaced
    meeting = meeting_of(result)
    assert meeting.id == "gr-styrgruppen-arbetsmarknad-2019-05-23"
    assert (str(meeting.start_time), str(meeting.end_time)) == ("18:00:00", "19:30:00")
    assert meeting.place == "GR, Anders Personsgatan 8, Göteborg"
    status = {a.person: a for a in meeting.attendance}
    assert (status["kent-lagrell"].party, status["kent-lagrell"].municipality) == ("M", "Öckerö")
    assert status["marita-henriksson"].paragraphs == (3,)
    assert status["hampus-magnusson"].paragraphs == (4,)
    assert status["elisabeth-mattsson"].paragraphs == (1, 2, 3, 4)
    assert status["elisabeth-mattsson"].organisation is None
    assert status["anna-johansson"].status is AttendanceStatus.ABSENT
    assert meeting.items[2].decisions[0].text == "Utsänd dagordning godkänns."
    (decision,) = meeting.items[3].decisions
    assert decision.kind is DecisionKind.PROPOSAL
    assert decision.target_body == "gr-forbundsstyrelsen"
    assert decision.clauses == ("anta yttrandet", "förklara paragrafen omedelbart justerad.")
    assert decision.immediate_justering
    assert decision.votes is not None
    assert (decision.votes.yes, decision.votes.no, decision.votes.abstain) == (3, 1, 1)
    assert [(c.person, c.choice) for c in decision.votes.roll_call][-2:] == [
        ("marita-henriksson", "no"),
        ("elisabeth-mattsson", "abstain"),
    ]
    assert meeting.justering is not None
    assert meeting.justering.justerare == ("patrik-linde",)
    assert meeting.justering.signatories == ("kent-lagrell", "patrik-linde")


AGENDA_KIND_LINES = """\
Förslag till dagordning
Styrgruppen för social välfärd
Datum: 2020-02-13 kl. 13.00–16.00
Plats: GR, Anders Personsgatan 8

1. Mötets öppnande
2. Val av justerare
3. Delårsrapport 2019 (handling bifogas)
Informationsärende
4. Remiss om samverkan kring barn (handling bifogas)
Beslutsärende
5. Sammanträdestider 2021
6. Övriga frågor
"""


def test_agenda_kind_under_each_item(source: Source, check_accounting: Check) -> None:
    """A kind line under an item is that item's kind, not a heading for the next."""
    document = source(AGENDA_KIND_LINES)
    assert detect(document) == "agenda"
    result = parse_agenda(document)
    check_accounting(result)
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    assert meeting.id == "gr-styrgruppen-social-valfard-2020-02-13"
    assert [(i.title, i.kind, i.attachment) for i in meeting.items][2:] == [
        ("Delårsrapport 2019", ItemKind.INFORMATIONSARENDE, True),
        ("Remiss om samverkan kring barn", ItemKind.BESLUTSARENDE, True),
        ("Sammanträdestider 2021", None, False),
        ("Övriga frågor", None, False),
    ]


KALLELSE = """\
KALLELSE
Styrgruppen för arbetsmarknad
Ledamöterna kallas till sammanträde
Tid: torsdag den 14 mars 2013, kl. 9.00–12.00
Plats: GR, Gårdavägen 2, Göteborg

Dagordning
1. Mötets öppnande
2. Val av justerare
3. Godkännande av dagordning
4. Arbetsmarknadsläget i Göteborgsregionen Informationsärende
5. Yttrande över remiss (handling bifogas) Beslutsärende
6. Övriga frågor

Förhinder anmäls till Anna Berg, tel 031-335 50 00
Välkomna!
Kent Lagrell
Ordförande
"""


def test_kallelse(source: Source, check_accounting: Check) -> None:
    """The last item ends at the blank line before the kallelse's closing."""
    document = source(KALLELSE)
    assert detect(document) == "agenda"
    result = parse_agenda(document)
    check_accounting(result)
    meeting = next(r for r in result.records if isinstance(r, Meeting))
    assert meeting.id == "gr-styrgruppen-arbetsmarknad-2013-03-14"
    assert meeting.status is MeetingStatus.PLANNED
    assert str(meeting.start_time) == "09:00:00"
    assert meeting.items[-1].title == "Övriga frågor"
    assert [i.kind for i in meeting.items][3:5] == [
        ItemKind.INFORMATIONSARENDE,
        ItemKind.BESLUTSARENDE,
    ]
    assert meeting.items[4].attachment
