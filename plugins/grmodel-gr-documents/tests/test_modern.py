"""Modern document styles (2015 onwards) and the header spellings they use."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import FundingStatus, ItemKind, Meeting, MeetingStatus, Person, Project
from grmodel_gr_documents.accounting import WORDS_NOT_PLACED
from grmodel_gr_documents.agenda import parse_agenda
from grmodel_gr_documents.combined import find_parts
from grmodel_gr_documents.plugin import detect
from grmodel_gr_documents.staff_report import parse_staff_report

Source = Callable[..., SourceDocument]


def planned(result: ImportResult) -> Meeting:
    return next(r for r in result.records if isinstance(r, Meeting))


KALLELSE_2015 = """\
KALLELSE
Styrgruppen för arbetsmarknad
Datum: torsdag 12 mars 2015
Tid: kl. 13.00–16.00
Plats: GR, Gårdavägen 2, Göteborg

Förslag till dagordning

1. Val av justerare
2. Godkännande av dagordning
3. Arbetsmarknadsläget i Göteborgsregionen (handling bifogas)
   Informationsärende
4. Yttrande över remiss om etableringsuppdraget
   Beslutsärende
5. Verksamhetsplan 2016
   Strategifråga
6. Övriga frågor

Välkomna!
Maria Andersson, ordförande
"""


def test_item_titled_verksamhetsplan_is_not_a_part(
    source: Source, check_accounting: Callable[[ImportResult], None]
) -> None:
    """A numbered item whose title names a verksamhetsplan does not start a new part."""
    document = source(KALLELSE_2015)
    assert len(find_parts(document)) == 1
    assert detect(document) == "agenda"
    result = parse_agenda(document)
    check_accounting(result)
    assert str(result.document.kind) == "dagordning"
    meeting = planned(result)
    assert meeting.status is MeetingStatus.PLANNED
    assert str(meeting.date) == "2015-03-12"
    assert (str(meeting.start_time), str(meeting.end_time)) == ("13:00:00", "16:00:00")
    assert meeting.place == "GR, Gårdavägen 2, Göteborg"
    assert [i.title for i in meeting.items] == [
        "Val av justerare",
        "Godkännande av dagordning",
        "Arbetsmarknadsläget i Göteborgsregionen",
        "Yttrande över remiss om etableringsuppdraget",
        "Verksamhetsplan 2016",
        "Övriga frågor",
    ]
    assert [i.kind for i in meeting.items][:5] == [
        None,
        None,
        ItemKind.INFORMATIONSARENDE,
        ItemKind.BESLUTSARENDE,
        ItemKind.STRATEGIFRAGA,
    ]
    assert meeting.items[5].kind in (None, ItemKind.OVRIGT)
    assert [i.attachment for i in meeting.items] == [False, False, True, False, False, False]


TJANSTESKRIVELSE_2018 = """\
Tjänsteskrivelse
Datum: 2018-03-02
Diarienummer: 2018-00117
Till: Förbundsstyrelsen
Från: Anna Svensson, avdelningschef

Ärende: Medfinansiering av projektet Unga in

Bakgrund
Projektet Unga in har drivits sedan 2016. Ansökan till ESF är 2 400 000 kr varav 600 000 kr är egen finansiering.

Förslag till beslut
Förbundsstyrelsen föreslås besluta
att medfinansiera projektet Unga in med 600 000 kr under 2018,
att uppdra åt förbundsdirektören att teckna avtal med ESF-rådet.

Göteborg den 2 mars 2018
Anna Svensson
"""


def test_labelled_header_and_funding_in_running_text(
    source: Source, check_accounting: Callable[[ImportResult], None]
) -> None:
    """ "Till:", "Från:", "Ärende:" fields; a lead line over att-lines; a funding
    sentence names its project from the context ("Projektet Unga in har …")."""
    document = source(TJANSTESKRIVELSE_2018)
    assert detect(document) == "staff-report"
    result = parse_staff_report(document)
    check_accounting(result)
    doc = result.document
    assert str(doc.kind) == "tjänsteskrivelse"
    assert str(doc.date) == "2018-03-02"
    assert str(doc.diarienummer) == "2018-00117"
    assert doc.addressee == "gr-forbundsstyrelsen"
    assert doc.author == "Anna Svensson"
    assert doc.title == "Medfinansiering av projektet Unga in"
    assert doc.proposed_clauses == (
        "medfinansiera projektet Unga in med 600 000 kr under 2018",
        "uppdra åt förbundsdirektören att teckna avtal med ESF-rådet.",
    )
    (person,) = [r for r in result.records if isinstance(r, Person)]
    assert (person.name, person.title) == ("Anna Svensson", "avdelningschef")
    (project,) = [r for r in result.records if isinstance(r, Project)]
    assert (project.id, project.name) == ("unga-in", "Unga in")
    (funding,) = project.funding
    assert funding.funder == "ESF"
    assert funding.amount.amount == 2_400_000
    assert funding.own_share is not None and funding.own_share.amount == 600_000
    assert funding.status is FundingStatus.APPLIED
    assert funding.document == doc.id


BARE_LABELS = """\
Tjänsteskrivelse
Dnr 2017-00412
Datum 2 mars 2018
Mottagare: Förbundsstyrelsen
Handläggare: Per Olsson

Angående: Regional samverkan kring vuxenutbildning

Sammanfattning
Kommunerna har samverkat sedan 2012.

Beslutsförslag
Förbundsstyrelsen föreslås besluta:
- att godkänna avtalet om samverkan,
- att avtalet gäller från och med
  den 1 juli 2018.

Göteborg den 8 februari 2010

Förbundsdirektör Helena Nord
Avdelningschef Per Olsson
"""


def test_bare_labels_and_two_signers(
    source: Source, check_accounting: Callable[[ImportResult], None]
) -> None:
    """ "Dnr 2017-00412", "Datum 2 mars 2018", "Mottagare:", "Handläggare:",
    "Angående:"; bulleted clauses, one wrapped; two titled signers."""
    document = source(BARE_LABELS)
    assert detect(document) == "staff-report"
    result = parse_staff_report(document)
    check_accounting(result)
    doc = result.document
    assert str(doc.diarienummer) == "2017-00412"
    assert str(doc.date) == "2018-03-02"
    assert doc.addressee == "gr-forbundsstyrelsen"
    assert doc.author == "Per Olsson"
    assert doc.title == "Regional samverkan kring vuxenutbildning"
    assert doc.proposed_clauses == (
        "godkänna avtalet om samverkan",
        "avtalet gäller från och med den 1 juli 2018.",
    )
    unplaced = [(s.span.line, s.text, s.reason) for s in doc.unplaced]
    # the first signer is in no record (the author is the handläggare): kept, unplaced;
    # so are the place and date of signing, and the author's title
    assert (20, "Förbundsdirektör Helena Nord", None) in unplaced
    assert (18, "Göteborg den 8 februari 2010", None) in unplaced
    assert (21, "Avdelningschef", WORDS_NOT_PLACED) in unplaced
    assert 21 not in result.placed_lines


REFERENS_INLINE = """\
Tjänsteskrivelse 2018-03-02
Vår beteckning: 2018-00201
Till: Styrgruppen för arbetsmarknad
Rubrik: Uppföljning av etableringsuppdraget

Bakgrund
Uppdraget har följts upp.

Förslag till beslut: Styrgruppen föreslås besluta att lägga rapporten till handlingarna.

Göteborg 2018-03-02
Kim Berg / Lena Ek
"""


def test_var_beteckning_and_inline_proposal(source: Source) -> None:
    document = source(REFERENS_INLINE)
    assert detect(document) == "staff-report"
    doc = parse_staff_report(document).document
    assert str(doc.diarienummer) == "2018-00201"
    assert doc.addressee == "gr-styrgruppen-arbetsmarknad"
    assert doc.title == "Uppföljning av etableringsuppdraget"
    assert doc.author == "Kim Berg"
    assert doc.proposed_clauses == ("lägga rapporten till handlingarna.",)


TWO_FIELDS_ON_A_LINE = """\
Tjänsteskrivelse
Datum: 2018-03-02  Dnr: 2018-00117
Till: Förbundsstyrelsen
Ärende: Ny avgiftsmodell

Förbundsstyrelsen föreslås besluta att anta avgiftsmodellen, att modellen gäller från 2019.

Göteborg den 2 mars 2018
Anna Svensson
Avdelningschef
"""


def test_two_fields_on_one_line(
    source: Source, check_accounting: Callable[[ImportResult], None]
) -> None:
    result = parse_staff_report(source(TWO_FIELDS_ON_A_LINE))
    check_accounting(result)
    doc = result.document
    assert (str(doc.date), str(doc.diarienummer)) == ("2018-03-02", "2018-00117")
    assert doc.title == "Ny avgiftsmodell"
    assert doc.author == "Anna Svensson"
    assert doc.proposed_clauses == ("anta avgiftsmodellen", "modellen gäller från 2019.")
    # the author's title and the place of signing reach no record: kept, unplaced
    assert [(s.span.line, s.text, s.reason) for s in doc.unplaced] == [
        (8, "Göteborg", WORDS_NOT_PLACED),
        (10, "Avdelningschef", None),
    ]


PARAGRAPH_ITEMS = """\
Dagordning
Förbundsstyrelsen
Datum: 2017-12-15
Tid: 09.00–12.00
Plats: GR, Anders Personsgatan 8

§ 1 Mötets öppnande
§ 2 Val av justerare
§ 3 Budget 2018 (Beslut)
§ 4 Rapport från Business Region Göteborg (Information)
§ 5 Regional utvecklingsstrategi (Diskussion)
§ 6 Övriga frågor
"""


def test_paragraph_items_with_bracketed_kinds(
    source: Source, check_accounting: Callable[[ImportResult], None]
) -> None:
    document = source(PARAGRAPH_ITEMS)
    assert detect(document) == "agenda"
    result = parse_agenda(document)
    check_accounting(result)
    meeting = planned(result)
    assert meeting.body == "gr-forbundsstyrelsen"
    assert str(meeting.date) == "2017-12-15"
    assert meeting.place == "GR, Anders Personsgatan 8"
    assert [(i.paragraph, i.title) for i in meeting.items] == [
        (1, "Mötets öppnande"),
        (2, "Val av justerare"),
        (3, "Budget 2018"),
        (4, "Rapport från Business Region Göteborg"),
        (5, "Regional utvecklingsstrategi"),
        (6, "Övriga frågor"),
    ]
    assert [i.kind for i in meeting.items][2:5] == [
        ItemKind.BESLUTSARENDE,
        ItemKind.INFORMATIONSARENDE,
        ItemKind.STRATEGIFRAGA,
    ]


PUNKT_LINES = """\
Dagordning Styrgruppen för utbildning 2018-04-12 kl 13.00-15.00

Punkt 1 Mötets öppnande
Punkt 2 Godkännande av dagordning
Punkt 3 Gymnasieantagningen (Information)
Punkt 4 Yttrande över betänkande (Beslut)
"""

PUNKT_RUN_ON = """\
Dagordning Styrgruppen för utbildning 2018-04-12 kl 13.00-15.00

Punkt 1 Mötets öppnande Punkt 2 Godkännande av dagordning Punkt 3 Gymnasieantagningen (Information) Punkt 4 Yttrande över betänkande (Beslut)
"""


@pytest.mark.parametrize("text", [PUNKT_LINES, PUNKT_RUN_ON], ids=["lines", "run-on"])
def test_punkt_items(
    source: Source, check_accounting: Callable[[ImportResult], None], text: str
) -> None:
    document = source(text)
    assert detect(document) == "agenda"
    result = parse_agenda(document)
    check_accounting(result)
    meeting = planned(result)
    assert meeting.body == "gr-styrgruppen-utbildning"
    assert str(meeting.date) == "2018-04-12"
    assert (str(meeting.start_time), str(meeting.end_time)) == ("13:00:00", "15:00:00")
    assert [(i.number, i.title, i.kind) for i in meeting.items] == [
        ("Punkt 1", "Mötets öppnande", None),
        ("Punkt 2", "Godkännande av dagordning", None),
        ("Punkt 3", "Gymnasieantagningen", ItemKind.INFORMATIONSARENDE),
        ("Punkt 4", "Yttrande över betänkande", ItemKind.BESLUTSARENDE),
    ]


KALLELSE_RUN_ON = """\
Kallelse till sammanträde med Förbundsstyrelsen fredag den 15 december 2017 kl 09.00, Göteborgsregionens kommunalförbund, Anders Personsgatan 8. Dagordning 1. Mötets öppnande 2. Val av justerare 3. Budget 2018 (Beslut) 4. Delårsrapport (Information) 5. Strategisk plan (Diskussion) 6. Övriga frågor
"""

KALLELSE_HEADER = """\
Kallelse till sammanträde med Förbundsstyrelsen fredag den 15 december 2017 kl 09.00, Göteborgsregionens kommunalförbund

Dagordning
1 Mötets öppnande
2 Budget 2018 (Beslut) (handling bifogas)
3 Information: Delårsrapport
4 Tjänsteskrivelse om ny avgiftsmodell (Beslutsärende)
5 Verksamhetsinriktning 2018 (Diskussion)
6 Övriga frågor
"""


def test_kallelse_run_on(source: Source, check_accounting: Callable[[ImportResult], None]) -> None:
    document = source(KALLELSE_RUN_ON)
    assert detect(document) == "agenda"
    result = parse_agenda(document)
    check_accounting(result)
    meeting = planned(result)
    assert meeting.body == "gr-forbundsstyrelsen"
    assert str(meeting.date) == "2017-12-15"
    assert str(meeting.start_time) == "09:00:00"
    assert meeting.place == "Göteborgsregionens kommunalförbund, Anders Personsgatan 8"
    assert [i.title for i in meeting.items] == [
        "Mötets öppnande",
        "Val av justerare",
        "Budget 2018",
        "Delårsrapport",
        "Strategisk plan",
        "Övriga frågor",
    ]
    assert [i.kind for i in meeting.items][2:5] == [
        ItemKind.BESLUTSARENDE,
        ItemKind.INFORMATIONSARENDE,
        ItemKind.STRATEGIFRAGA,
    ]


def test_kallelse_header_items_naming_documents(
    source: Source, check_accounting: Callable[[ImportResult], None]
) -> None:
    """Items that name a tjänsteskrivelse or a verksamhetsinriktning stay items."""
    document = source(KALLELSE_HEADER)
    assert len(find_parts(document)) == 1
    assert detect(document) == "agenda"
    result = parse_agenda(document)
    check_accounting(result)
    meeting = planned(result)
    assert meeting.place == "Göteborgsregionens kommunalförbund"
    assert [(i.title, i.kind, i.attachment) for i in meeting.items] == [
        ("Mötets öppnande", None, False),
        ("Budget 2018", ItemKind.BESLUTSARENDE, True),
        ("Delårsrapport", ItemKind.INFORMATIONSARENDE, False),
        ("Tjänsteskrivelse om ny avgiftsmodell", ItemKind.BESLUTSARENDE, False),
        ("Verksamhetsinriktning 2018", ItemKind.STRATEGIFRAGA, False),
        ("Övriga frågor", None, False),
    ]


ONE_LINE_SIGNATURE = """\
Dnr: 2010-00012
Tjänsteskrivelse
Till Förbundsstyrelsen
Ärende: Årsredovisning 2009

Beslutsförslag
Förbundsstyrelsen föreslås besluta att godkänna årsredovisningen för 2009.

Göteborg den 8 februari 2010 / Förbundsdirektör Helena Nord / Avdelningschef Per Olsson
"""


def test_titled_signers_on_the_date_line(
    source: Source, check_accounting: Callable[[ImportResult], None]
) -> None:
    """The date comes from the signature when the header has none."""
    result = parse_staff_report(source(ONE_LINE_SIGNATURE))
    check_accounting(result)
    doc = result.document
    assert str(doc.diarienummer) == "2010-00012"
    assert str(doc.date) == "2010-02-08"
    assert doc.addressee == "gr-forbundsstyrelsen"
    assert doc.author == "Helena Nord"
    assert doc.title == "Årsredovisning 2009"
    assert doc.proposed_clauses == ("godkänna årsredovisningen för 2009.",)
    # the place of signing, the titles and the second signer reach no record
    assert [(s.span.line, s.text, s.reason) for s in doc.unplaced] == [
        (9, "Göteborg … Förbundsdirektör … Avdelningschef Per Olsson", WORDS_NOT_PLACED)
    ]
