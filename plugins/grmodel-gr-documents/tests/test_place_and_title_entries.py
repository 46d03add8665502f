"""Attendance entries whose place or title is written without a comma.

Two layout classes of real lists, with invented persons: a GR steering group's
"Name Municipality role" per line ("Anna Berg Kungälv ordförande"), and officials
whose occupation stands before the name ("Förbundsdirektör Helena Sörby") — or
after it, capitalised ("Mats Ek Utbildningschef").
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from test_layout_classes import by_status, imported, meeting_of

from grmodel.importing.base import SourceDocument
from grmodel.model import Role
from grmodel.refdata import load_reference_data
from grmodel_gr_documents.entries import parse_run

Source = Callable[..., SourceDocument]

PLACES_AFTER = """\
PROTOKOLL
Styrgruppen för utbildning
Sammanträde 2012-03-14, kl. 09.00–11.30
Plats: GR, Gårda Vesta
Närvarande:
Anna Berg Kungälv ordförande
Per Lind Lerum
Eva Holm Göteborg vice ordförande
Karl Nyström Partille
Förbundsdirektör Helena Sörby
Utbildningschef Mats Ek, GR
Sekreterare Lena Öst
§ 1 Mötets öppnande
Ordföranden öppnade mötet.
"""


def test_places_after_names_and_officials_titled_first(source: Source) -> None:
    kind, result = imported(source(PLACES_AFTER))
    assert kind == "protocol"
    meeting = meeting_of(result)
    status = by_status(meeting)
    assert status["present"] == ["anna-berg", "per-lind", "eva-holm", "karl-nystrom"]
    assert status["other"] == ["helena-sorby", "mats-ek"]
    places = {a.person: a.municipality for a in meeting.attendance}
    assert places["anna-berg"] == "Kungälv" and places["karl-nystrom"] == "Partille"
    titles = {a.person: a.title for a in meeting.attendance}
    assert titles["helena-sorby"] == "Förbundsdirektör"
    assert titles["mats-ek"] == "Utbildningschef"
    roles = {a.person: a.role for a in meeting.attendance}
    assert roles["anna-berg"] is Role.ORDFORANDE
    assert roles["eva-holm"] is Role.VICE_ORDFORANDE


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        # one municipality after a name is a double surname, not a layout
        ("Anna Maria Svensson Berg", [("Anna Maria Svensson Berg", None)]),
        ("Eva Lind Lund (S)\nPer Holm (M)", [("Eva Lind Lund", None), ("Per Holm", None)]),
        # two of them make the layout; a given name before a place keeps it
        (
            "Eva Lind Lerum\nPer Holm Ale\nAnna Maria Lund",
            [("Eva Lind", "Lerum"), ("Per Holm", "Ale"), ("Anna Maria Lund", None)],
        ),
    ],
)
def test_a_place_after_a_name_needs_the_layout(
    run: str, expected: list[tuple[str, str | None]]
) -> None:
    entries, _ = parse_run(run, load_reference_data())
    assert [(e.name, e.municipality) for e in entries] == expected


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        ("Förbundsdirektör Helena Sörby", [("Helena Sörby", "Förbundsdirektör")]),
        ("Mats Ek Utbildningschef", [("Mats Ek", "Utbildningschef")]),
        ("Mats Ek, Controller", [("Mats Ek", "Controller")]),
        # after an entry complete with its party, the title is the next name's
        (
            "Olle Nord (s) Kommundirektör Karin Ek",
            [("Olle Nord", None), ("Karin Ek", "Kommundirektör")],
        ),
        # at a line's start it is the next name's, whatever stands before
        (
            "Mats Ek\nNämndsekreterare Lisa Dahl",
            [("Mats Ek", None), ("Lisa Dahl", "Nämndsekreterare")],
        ),
    ],
)
def test_an_occupation_is_the_title_of_the_name_it_belongs_to(
    run: str, expected: list[tuple[str, str | None]]
) -> None:
    entries, _ = parse_run(run, load_reference_data())
    assert [(e.name, e.title) for e in entries] == expected
