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
    ],
)
def test_a_run_of_names(run: str, names: list[str]) -> None:
    entries, _ = parse_run(run, load_reference_data())
    assert [e.name for e in entries] == names
