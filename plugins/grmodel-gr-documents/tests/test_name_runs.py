"""Names run together: lists whose separators a transcript lost.

A fullmäktige's cover and its bilaga of decision-makers, flattened to one line a
page, keep the names but lose the line breaks between them, the party column
coming loose after the last name; an asterisk marks who served as ersättare.
The persons and places are invented.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from test_layout_classes import by_status, imported, meeting_of

from grmodel.importing.base import SourceDocument
from grmodel.refdata import load_reference_data
from grmodel_gr_documents.entries import parse_run

Source = Callable[..., SourceDocument]

COVER_AND_BILAGA = """\
PROTOKOLL (12)

Transkript

1 (12) Tid och plats Rådhuset, fullmäktigesalen Kl Beslutande Se förteckning bilaga 1 \
Närvarande, ej tjänstgörande ersättare Per Olsson Lars-Erik Sten Marta Lopez Karin Ekdahl (M) \
Omar Haddad (V) Övriga närvarande Lena Wik, sekr Utses att justera Eva Lind och Tomas Berg \
Paragrafer Sekreterare Ordförande. Lena Wik.. Eva Lind

2 (12) Bilaga 1. Kommunfullmäktiges protokoll Beslutande Eva Lind Tomas Berg Maud Ekberg \
Rasmus Okoye Lena Falk *Per Olsson, , kl Jonas Hed *Anna Ros Eva-Lena Kjell Amir Sabet \
Birgitta Holm (M) (V) (S) (S) (M) (C) (S) (KD) (M) (S) (L)
"""


def test_names_run_together_are_split_pairwise(source: Source) -> None:
    kind, result = imported(source(COVER_AND_BILAGA))
    assert kind == "protocol"
    status = by_status(meeting_of(result))
    assert status["present"] == [
        "eva-lind",
        "tomas-berg",
        "maud-ekberg",
        "rasmus-okoye",
        "lena-falk",
        "per-olsson",
        "jonas-hed",
        "anna-ros",
        "eva-lena-kjell",
        "amir-sabet",
        "birgitta-holm",
    ]
    # "Närvarande, ej tjänstgörande ersättare" is one heading, not "Närvarande"
    assert {"lars-erik-sten", "marta-lopez", "karin-ekdahl", "omar-haddad"} <= set(
        status["substitute"]
    )


@pytest.mark.parametrize(
    ("run", "names"),
    [
        ("Maud Bengtman Mussa Selim", ["Maud Bengtman", "Mussa Selim"]),
        ("Sten-Åke Kjell Jorge Pereira", ["Sten-Åke Kjell", "Jorge Pereira"]),
        ("Anna Maria Svensson Berg", ["Anna Maria Svensson Berg"]),
        ("Ann-Christine Tornberg Torsby", ["Ann-Christine Tornberg Torsby"]),
        ("Jonas Hed *Anna Ros *Eva Lind, , kl", ["Jonas Hed", "Anna Ros", "Eva Lind"]),
        ("* Håkan Dahl (KD) *Bedros Cilek (KD)", ["Håkan Dahl", "Bedros Cilek"]),
        # a surname that is a word never a name's elsewhere, before its party
        ("Agnes Ek (SD), Ale Bertil Bilaga (MP), Alingsås", ["Agnes Ek", "Bertil Bilaga"]),
        ("Anna Ek (S) Bilaga 2 Per Lind (M)", ["Anna Ek", "Per Lind"]),
    ],
)
def test_a_run_of_names(run: str, names: list[str]) -> None:
    entries, _ = parse_run(run, load_reference_data())
    assert [e.name for e in entries] == names


HEADLESS = """\
2020-03-12 Protokoll miljönämnden.pdf Pdf, 98 kB.

Full text

(1)

Eva Lind (S) Per Holm (S) Anna Berg (C) Olle Nord (M)

Karin Ek (KD) Bo Sund (V)

Övriga deltagande Ersättare: Lisa Dahl (S) ej §§ 10-12, Ulf Ros (M), sekreterare Maja Falk

Utses att justera Anna Berg
"""


def test_a_leading_list_whose_heading_was_lost(source: Source) -> None:
    """Names with parties before the first heading, when every heading there is
    heads the others or the ersättare: the decision-makers, their heading cut off."""
    kind, result = imported(source(HEADLESS))
    assert kind == "protocol"
    status = by_status(meeting_of(result))
    assert status["present"] == [
        "eva-lind",
        "per-holm",
        "anna-berg",
        "olle-nord",
        "karin-ek",
        "bo-sund",
    ]
    assert status["substitute"][:2] == ["lisa-dahl", "ulf-ros"]


def test_no_headless_list_beside_a_decision_makers_heading(source: Source) -> None:
    text = HEADLESS.replace("Övriga deltagande Ersättare:", "Beslutande Sara Ek (L) Ersättare:")
    status = by_status(meeting_of(imported(source(text))[1]))
    assert "eva-lind" not in status.get("present", [])
    assert "sara-ek" in status["present"]


COLON_HEADINGS = """\
Protokoll Miljödirektionen 2023-06-13

Beslutande:
Eva Lind (S) ordförande
Per Holm (M)
Ej tjänstgörande:
Ulf Ros (KD)
Deltagande:
Karin Ek, miljöchef
Bo Sund, miljöinspektör §§ 46-48
Utses att justera Per Holm
"""


def test_short_colon_headings_of_the_others(source: Source) -> None:
    status = by_status(meeting_of(imported(source(COLON_HEADINGS))[1]))
    assert status["present"] == ["eva-lind", "per-holm"]
    assert status["substitute"] == ["ulf-ros"]
    assert status["other"] == ["karin-ek", "bo-sund"]


def test_a_presence_column_of_ja_and_nej(source: Source) -> None:
    """A närvarolista flattened to a run: "Ja" after an entry marks it present,
    "Nej" marks it not."""
    text = (
        "SAMMANTRÄDESPROTOKOLL Plats och tid Stadshuset, måndagen den 30 maj 2011 "
        "Beslutande Se särskild närvarolista, s 2.\n\n"
        "2 NÄRVAROLISTA för kommunfullmäktige Ordinarie ledamöter Parti Närvaro "
        "Eva Lind (m) Ja Per Holm (s) Nej Anna Berg (m) Ja Olle Nord (s) Ja "
        "Karin Ek (c) Nej Bo Sund (v) Ja\n"
    )
    kind, result = imported(source(text))
    assert kind == "protocol"
    present = by_status(meeting_of(result))["present"]
    assert present == ["eva-lind", "anna-berg", "olle-nord", "bo-sund"]


def test_attendance_headings_as_an_ocr_misread_them(source: Source) -> None:
    """A scanned protocol's headings with the letters an OCR confuses ("u" for "v",
    "â" for "å", no dots on "Ö") are the vocabulary's rows."""
    text = (
        "Göteborgsreg ionens ko mm unalfo rbu nd 20t6-12-75 från sammanträde med styrgruppen "
        "Tid: Torsdag 15 december, 9.00-12.00 Plats: GR Näruarande ledamöter Eva Lind (MP), "
        "Göteborg, ordf Per Holm (M), Ale Frânvarande ledamöter Anna Berg (S), Lerum "
        "Olle Nord (C), Kungsbacka Sekreterare Karin Ek, GR Ovriga närvarande Bo Sund, GR\n"
        "s1 Val av justeringsperson Till att jämte ordföranden justera dagens protokoll utses "
        "Per Holm (M).\n"
    )
    status = by_status(meeting_of(imported(source(text))[1]))
    assert status["present"] == ["eva-lind", "per-holm"]
    assert status["absent"] == ["anna-berg", "olle-nord"]
    assert status["other"] == ["bo-sund"]
