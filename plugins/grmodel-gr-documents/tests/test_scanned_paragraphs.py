"""A scanned protocol whose OCR misread the § signs: "s1 Val av …", "$2 …", "53 …"
(§3, the sign read as a 5), "$5" and "510" inside a sentence (references); the
OCR also misread the headings ("Näruarande", "Frânvarande"). Invented names.
"""

from __future__ import annotations

from collections.abc import Callable

from test_layout_classes import imported, meeting_of

from grmodel.importing.base import SourceDocument

Source = Callable[..., SourceDocument]

SCANNED = (
    "Norrbyregionens kommunalfo rbu nd 20l5-1l-12 från sammanträde med styrgruppen för "
    "kultur Tid: Torsdag 12 november, 9.00-12.00 Plats: Rådhuset Näruarande ledamöter Eva "
    "Strand (S), Norrby, ordf Karl Nord (M), Ådal Per Ljung (C), Backa Frânvarande ledamöter "
    "Olof Ek (S), Lunda Sekreterare Åsa Holm, NR\n"
    "Norrbyregionens kommunalförbund 20l5-1l-12 Paragrafer 1-9 s1 Val av justeringsperson "
    "Till att jämte ordföranden justera dagens protokoll utses Karl Nord (M). $2 Godkännande "
    "av dagordning Ärende $5 föredras efter 58. I övrigt godkänns dagordningen. 53 Regional "
    "kulturplan Våren 2015 beviljades medel för en ny plan av regionen. 54 Övrigt Inga "
    "övriga frågor.\n"
)


def test_misread_paragraph_signs_start_items(source: Source) -> None:
    kind, result = imported(source(SCANNED))
    assert kind == "protocol"
    titles = {i.number: i.title for i in meeting_of(result).items}
    assert titles == {
        "§ 1": "Val av justeringsperson",
        "§ 2": "Godkännande av dagordning",
        "§ 3": "Regional kulturplan",
        "§ 4": "Övrigt",
    }


def test_without_misread_headings_the_tokens_are_text(source: Source) -> None:
    """The near miss: the same text where the headings are read clean is no scan; "s1"
    and "53" are no paragraphs there (a "53 Regional …" after a sentence goes on no
    count)."""
    text = SCANNED.replace("Näruarande", "Närvarande").replace("Frânvarande", "Frånvarande")
    _, result = imported(source(text))
    numbers = [i.number for i in meeting_of(result).items]
    assert "§ 1" not in numbers and "§ 3" not in numbers
