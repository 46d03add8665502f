"""Staff reports whose transcript writes each PDF line as a paragraph (5dok): a title
over several paragraphs is joined while it is open (a quotation not closed, a line
ending in a comma or a word that needs its complement, a next paragraph in lower
case, with a digit or a bracket) and ends at the report's first sentence; a report
the source cuts in its header is no report, a page's repeated head no new one.

Each text is written for this test (invented bodies, people and titles).
"""

from __future__ import annotations

from collections.abc import Callable

from test_layout_classes import imported

from grmodel.importing.base import SourceDocument
from grmodel.model import Document

Source = Callable[..., SourceDocument]

CHROME = """\
• No results found

{site}

N/A
N/A
Protected

Academic year: 2021

Share "{site}"

Copied!
12
0
0

Loading.... (view fulltext now)

Full text

(1)

"""


def paragraphs(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def papers(result: object) -> list[Document]:
    docs = [result.document, *result.records]  # type: ignore[attr-defined]
    return [d for d in docs if isinstance(d, Document) and d.kind != "other"]


QUOTED = paragraphs(
    "Dnr: 09-11.20 Styrelseärende 2011-03-14",
    "Förslag till yttrande över ”Strategi för",
    "Norra Dalbygdens kollektivtrafik – ansvar och",
    "arbetsfördelning mellan kommunerna och",
    "regionen”",
    "På uppdrag av trafikberedningen har ett förslag till strategi tagits fram. Kommunerna har",
    "yttrat sig över förslaget.",
    "Förbundsstyrelsen föreslås besluta",
    "att godkänna förslaget till yttrande och översända det till trafikberedningen.",
)


def test_a_quoted_title_over_four_paragraphs(source: Source) -> None:
    site = "Förslag till yttrande över ”Strategi för Norra Dalbygdens kollektivtrafik"
    kind, result = imported(source(CHROME.format(site=site) + QUOTED))
    assert kind == "staff-report"
    assert result.document.title == (
        "Förslag till yttrande över ”Strategi för Norra Dalbygdens kollektivtrafik – ansvar "
        "och arbetsfördelning mellan kommunerna och regionen”"
    )
    assert result.document.proposed_clauses == (
        "godkänna förslaget till yttrande och översända det till trafikberedningen.",
    )


def test_a_title_closed_by_a_name_then_the_first_sentence(source: Source) -> None:
    text = paragraphs(
        "Styrelseärende 5",
        "Dnr: 12-3.012 2013-05-17",
        "Till",
        "Förbundsstyrelsen",
        "Förslag till ny ersättare i förbundsstyrelsen efter",
        "Sven Ekholm (C), Dalby",
        "Sven Ekholm (C), har avsagt sig sitt uppdrag som ersättare.",
        "Fram till dess val förrättas föreslås förbundsstyrelsen besluta att adjungera Eva "
        "Strand (C), Dalby, till förbundsstyrelsen.",
        "Göteborg 2013-05-02 Lars Vik",
    )
    _, result = imported(source(CHROME.format(site="Förslag till ny ersättare") + text))
    assert result.document.title == (
        "Förslag till ny ersättare i förbundsstyrelsen efter Sven Ekholm (C), Dalby"
    )


def test_a_comma_a_bracket_and_a_year_go_on_the_title(source: Source) -> None:
    text = paragraphs(
        "Styrelseärende 2 Dnr: 13-1.012 2013-02-01 Till Förbundsstyrelsen",
        "Val av ombud till Dalby Energi AB:s,",
        "Västkustens Skolbolag AB:s",
        "(VSAB) samt Norra Hem AB:s bolagsstämmor",
        "2013",
        "Förbundsstyrelsen föreslås besluta",
        "att till ombud vid Dalby Energi AB:s bolagsstämma utse Per Holm (M).",
    )
    _, result = imported(source(CHROME.format(site="Val av ombud") + text))
    assert result.document.title == (
        "Val av ombud till Dalby Energi AB:s, Västkustens Skolbolag AB:s (VSAB) samt Norra "
        "Hem AB:s bolagsstämmor 2013"
    )


def test_a_one_line_title_takes_no_capitalised_paragraph_after_it(source: Source) -> None:
    """Near miss: the title ends as a title does, the text's first paragraph has no
    verb yet ("I samband med …" over "har valberedningen …")."""
    text = paragraphs(
        "Styrelseärende 4",
        "Dnr: 12-9.012 2013-05-17",
        "Till",
        "Förbundsstyrelsen",
        "Val av revisorer",
        "I samband med den nya mandatperioden",
        "har valberedningen lämnat ett förslag till revisorer.",
        "Förbundsstyrelsen föreslås besluta",
        "att föreslå förbundsfullmäktige att välja revisorerna enligt förslaget.",
    )
    _, result = imported(source(CHROME.format(site="Val av revisorer") + text))
    assert result.document.title == "Val av revisorer"


def test_an_open_line_takes_no_paragraph_of_text(source: Source) -> None:
    """Near miss: the line ends open but the next paragraph is a sentence."""
    text = paragraphs(
        "Styrelseärende 4",
        "Dnr: 12-9.012 2013-05-17",
        "Till",
        "Förbundsstyrelsen",
        "Revisorernas arvoden och",
        "arvodena har inte räknats upp sedan år 2009.",
        "Förbundsstyrelsen föreslås besluta",
        "att räkna upp arvodena med index.",
    )
    _, result = imported(source(CHROME.format(site="Revisorernas arvoden") + text))
    assert result.document.title == "Revisorernas arvoden och"


BUNDLE = paragraphs(
    "Styrelseärende 2",
    "Dnr: 13-4.012 2013-09-20",
    "Till",
    "Förbundsstyrelsen",
    "Val av ledamot i styrgruppen för",
    "kollektivtrafik",
    "Anna Lind (S), Dalby, har avsagt sig uppdraget.",
    "Förbundsstyrelsen föreslås besluta",
    "att välja Karl Berg (S), Dalby, till ledamot i styrgruppen.",
    "Göteborg 2013-09-02 Lars Vik",
    "(2)",
    "Styrelseärende 3",
    "Dnr: 13-5.012 2013-09-20",
    "Till",
    "Förbundsstyrelsen",
    "Arvoden för förtroendevalda i",
    "beredningarna 2014",
    "Från och med nästa år ska arvodena för förtroendevalda i beredningarna räknas upp med",
)


def test_a_report_cut_in_its_text_keeps_its_title(source: Source) -> None:
    kind, result = imported(source(CHROME.format(site="Val av ledamot") + BUNDLE))
    assert kind == "combined"
    titles = [d.title for d in papers(result)]
    assert titles == [
        "Val av ledamot i styrgruppen för kollektivtrafik",
        "Arvoden för förtroendevalda i beredningarna 2014",
    ]


def test_a_report_cut_in_its_title_is_no_report(source: Source) -> None:
    text = BUNDLE.split("Arvoden för förtroendevalda i")[0] + "Arvoden för förtroendevalda i\n"
    kind, result = imported(source(CHROME.format(site="Val av ledamot") + text))
    assert kind == "staff-report"
    assert [d.title for d in papers(result)] == ["Val av ledamot i styrgruppen för kollektivtrafik"]
    unplaced = " ".join(s.text for s in result.document.unplaced)
    assert "Arvoden för förtroendevalda i" in unplaced


def test_a_pages_repeated_head_is_no_new_report(source: Source) -> None:
    page_two = paragraphs(
        "(2)",
        "Dnr: 09-11.20 Styrelseärende 2011-03-14",
        "Förslag till yttrande över ”Strategi för",
        "Norra Dalbygdens",
    )
    kind, result = imported(source(CHROME.format(site="Förslag") + QUOTED + "\n" + page_two))
    assert kind == "staff-report"
    assert len(papers(result)) == 1


LETTERHEAD = paragraphs(
    "TJÄNSTESKRIVELSE 1 (2)",
    "Datum Vår beteckning Er beteckning",
    "Karin Sjöberg",
    "Fritidskontoret",
    "karin.sjoberg@exempelstad.se",
    "2019-03-12 FN 19/0044 Fritidsnämnden",
    "Postadress: Exempelstads kommun, 123 45 Exempelstad Telefon: 0123-456 00",
    "Nya öppettider för kommunens simhallar",
    "Förslag till beslut",
    "Fritidsnämnden godkänner de nya öppettiderna.",
    "Sammanfattning",
    "Förvaltningen föreslår längre öppettider på helger.",
)


def test_a_letterheads_lines_are_no_title(source: Source) -> None:
    """The handler's name, the office, an e-mail and the postal address stand over
    the title, one a paragraph."""
    kind, result = imported(source(CHROME.format(site="TJÄNSTESKRIVELSE 1 (2)") + LETTERHEAD))
    assert kind == "staff-report"
    assert result.document.title == "Nya öppettider för kommunens simhallar"
