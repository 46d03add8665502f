"""Staff reports whose transcript ran header, title and proposal into one paragraph:
the title is the header's free phrase, the proposal follows its lead wherever it
stands; a bundle's empty pages and "Sidan 3 av 40" markers are page furniture.

Each text is written for this test (invented bodies, people and titles).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from test_layout_classes import imported

from grmodel.importing.base import SourceDocument

Source = Callable[..., SourceDocument]

CASES = [
    (
        "Bilaga 4:2 till kommunstyrelsens protokoll den 12 maj 2004, 6 PM 2004 RII (Dnr "
        "/2004) Riktlinjer för lokalbokning i stadsdelarna Beredningen föreslår "
        "kommunstyrelsen besluta följande 1. Riktlinjerna godkänns med vad som anförs i "
        "promemorian. 2. Riktlinjerna gäller fr.o.m. den 1 juni 2004, bilaga. Föredragande "
        "borgarrådet anför följande. Bakgrund Förvaltningen har sett över rutinerna.\n",
        "Riktlinjer för lokalbokning i stadsdelarna",
        [
            "Riktlinjerna godkänns med vad som anförs i promemorian",
            "Riktlinjerna gäller fr.o.m. den 1 juni 2004, bilaga",
        ],
    ),
    (
        "Kommunfullmäktige Handling 2018 nr 77 Redovisning av uppdraget om regler för "
        "föreningsbidrag Till Exempelstads kommunfullmäktige Kommunstyrelsens förslag Yrkande "
        "med förslag till beslut har bifallits. Kommunstyrelsen föreslår att kommunfullmäktige beslutar: 1. Reglerna för "
        "föreningsbidrag revideras enligt bilaga. 2. Förvaltningen redovisar utfallet "
        "årligen. Moderaterna, Socialdemokraterna, Vänsterpartiet, Liberalerna\n",
        "Redovisning av uppdraget om regler för föreningsbidrag",
        [
            "Reglerna för föreningsbidrag revideras enligt bilaga",
            "Förvaltningen redovisar utfallet årligen",
        ],
    ),
    (
        "Handlingar till Kulturnämndens sammanträde den 9 mars 2017\n\nTranskript\n\n"
        "1 Handlingar till Kulturnämndens sammanträde den 9 mars 2017\n\n2\n\n"
        "3 Sidan 3 av 40 Ärende 1\n\n"
        "4 Kulturkontoret TJÄNSTESKRIVELSE Handläggare, telefon Datum Vår beteckning Eva "
        "Holm, Dnr Kulturnämnden Delårsbokslut 1 med prognos 2017 Förslag till beslut "
        "Kulturnämnden beslutar godkänna delårsbokslut 1 med prognos 2017 och översända det "
        "till kommunstyrelsen. Sammanfattning Nämnden visar ett överskott.\n",
        "Delårsbokslut 1 med prognos 2017",
        ["godkänna delårsbokslut 1 med prognos 2017 och översända det till kommunstyrelsen"],
    ),
]


CASES.append(
    (
        "Göteborgsregionens kommunalförbund Dnr: Styrelseärende Till förbundsstyrelsen Val "
        "av ny ersättare i styrgruppen efter Anna Berg (S), Ale Förslag till beslut "
        "Förbundsfullmäktige föreslås välja Per Lind (S), Ale, till ny ersättare i styrgruppen "
        "för återstoden av mandatperioden Förbundsstyrelsen föreslås adjungera Per Lind (S), "
        "Ale, till styrgruppen i avvaktan på valet. Sammanfattning av ärendet Anna Berg har "
        "avsagt sig uppdraget.\n",
        "Val av ny ersättare i styrgruppen efter Anna Berg (S), Ale",
        [
            "välja Per Lind (S), Ale, till ny ersättare i styrgruppen för återstoden av "
            "mandatperioden",
            "adjungera Per Lind (S), Ale, till styrgruppen i avvaktan på valet",
        ],
    )
)


CASES.append(
    (
        # a beslutsunderlag: its route of bodies, the title, the chair's numbered points
        'Datum Sida 1 (3)\n\nStorlek: px\n\nDownload "Datum 2015-11-03 Sida 1 (3)"\n\n'
        "Transkript\n\n1 I ll Regionen EXEMPEL Central förvaltning BESLUTSUNDERLAG "
        "Regionfullmäktige Datum Sida 1 (3) Dnr RE15/0815 Uppdnr Regionstyrelsens "
        "arbetsutskott Regionstyrelsen Regionfullmäktige Nytt avtal om färdtjänst "
        "Ordförandens förslag 1. Avtalet med länets kommuner godkänns. 2. Kostnaden, enligt "
        "bilaga b), ryms i budgeten. Sammanfattning Avtalet löper ut vid årsskiftet.\n",
        "Nytt avtal om färdtjänst",
        ["Avtalet med länets kommuner godkänns", "Kostnaden, enligt bilaga b), ryms i budgeten"],
    )
)


@pytest.mark.parametrize(("text", "title", "clauses"), CASES)
def test_run_on_report(source: Source, text: str, title: str, clauses: list[str]) -> None:
    kind, result = imported(source(text))
    assert kind == "staff-report"
    report = result.document
    assert report.title == title
    assert list(report.proposed_clauses) == clauses


def test_an_empty_page_and_a_sidan_marker_are_furniture(source: Source) -> None:
    kind, result = imported(source(CASES[2][0]))
    assert kind == "staff-report"
    cut = [s.text for s in result.document.cut]
    assert "2" in cut and "Sidan 3 av 40" in cut


def test_a_report_dated_by_the_sites_title_where_its_text_lost_the_date(source: Source) -> None:
    """ "Datum Sida 1 (3)" in the text, "Datum 2015-11-03 Sida 1 (3)" in the site's title."""
    _, result = imported(source(CASES[-1][0]))
    assert str(result.document.date) == "2015-11-03"
