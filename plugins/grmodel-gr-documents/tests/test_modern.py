"""Modern document styles (2015 onwards) and the header spellings they use."""

from __future__ import annotations

from collections.abc import Callable

from grmodel_gr_documents.agenda import parse_agenda
from grmodel_gr_documents.combined import find_parts
from grmodel_gr_documents.plugin import detect
from grmodel_gr_documents.staff_report import parse_staff_report

from grmodel.importing.base import ImportResult, SourceDocument
from grmodel.model import FundingStatus, ItemKind, Meeting, MeetingStatus, Person, Project

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
    placed = result.placed_lines
    assert {18, 20, 21} <= placed


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
    assert not result.document.unplaced
