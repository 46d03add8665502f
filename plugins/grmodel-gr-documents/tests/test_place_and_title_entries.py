"""Attendance entries whose place, title or role is written without a comma.

Three layout classes of real lists, with invented persons: a GR steering group's
"Name Municipality role" per line ("Anna Berg Kungälv ordförande"); officials
whose occupation stands before the name ("Förbundsdirektör Helena Sörby") — or
after it, capitalised ("Mats Ek Utbildningschef"); and a municipal cover whose
column of roles stands before the names ("Ordförande Anna Berg (S)").
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


ROLES_FIRST = """\
Sammanträdesprotokoll
Kommunstyrelsen
Sammanträdesdatum 2019-05-06
Plats och tid Kommunhuset, Exempelby, kl. 13.00–16.10
Beslutande
Ordförande Anna Berg (S)
1:e vice ordförande Per Lind (M)
Ledamot Eva Holm (C)
Ledamot Bo Ström (V)
Tjänstgörande ersättare Karl Ny (L) ersätter Olle Dahl (L)
Övriga närvarande
Ersättare Lisa Ek (S)
Tjänsteman Mats Öst, kommundirektör
Justerare Per Lind (M)
Paragrafer 45–52
§ 45 Val av justerare
"""


def test_roles_written_before_the_names(source: Source) -> None:
    kind, result = imported(source(ROLES_FIRST))
    assert kind == "protocol"
    meeting = meeting_of(result)
    status = by_status(meeting)
    assert status["present"] == ["anna-berg", "per-lind", "eva-holm", "bo-strom"]
    assert status["serving_substitute"] == ["karl-ny"]
    roles = {a.person: a.role for a in meeting.attendance}
    assert roles["anna-berg"] is Role.ORDFORANDE
    assert roles["per-lind"] is Role.VICE_ORDFORANDE
    assert roles["bo-strom"] is not Role.ERSATTARE  # the next line's mark is Karl Ny's


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        (
            "Ordförande Anna Berg (S)\nVice ordförande Per Lind (M)",
            ["ordförande", "vice_ordförande"],
        ),
        (
            "Förste vice ordförande Eva Holm (C)\nLedamot Bo Ström (V)",
            ["vice_ordförande", "ledamot"],
        ),
        # after the name, the role is the entry's own, on its line or the next
        (
            "Anna Berg (S), ordförande\nPer Lind (M)\nvice ordförande",
            ["ordförande", "vice_ordförande"],
        ),
    ],
)
def test_a_role_at_a_line_start_is_the_next_name_s(run: str, expected: list[str]) -> None:
    entries, _ = parse_run(run, load_reference_data())
    assert [str(e.role) for e in entries] == expected


def test_a_serving_mark_at_a_line_start_is_the_next_name_s() -> None:
    entries, _ = parse_run(
        "Ledamot Bo Ström (V)\nTjänstgörande ersättare Karl Ny (L)\nTjg för Eva Dahl (L)",
        load_reference_data(),
    )
    assert [(e.name, e.serving, e.replaces) for e in entries] == [
        ("Bo Ström", False, None),
        ("Karl Ny", True, "Eva Dahl"),  # "tjg för" names whom the entry before replaces
    ]


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        # "Name, P, Role": the party between commas, the role after the entry
        (
            "Jenny Falk, M, Ordförande Åsa Lönn Berg, C, 1:e vice ordförande Per Holm, KD",
            [
                ("Jenny Falk", "M", "ordförande"),
                ("Åsa Lönn Berg", "C", "vice_ordförande"),
                ("Per Holm", "KD", "None"),
            ],
        ),
        # a run that writes each role first gives it to the next name
        (
            "Ordförande Anna Berg (S) Ledamot Per Lind (M)",
            [("Anna Berg", "S", "ordförande"), ("Per Lind", "M", "ledamot")],
        ),
        # names in any Latin letters, a given name with a hyphenated initial
        (
            "Jan Dick (S), 2:e vice ordförande Claës-L Ljung (M) Zoë Müller (V)",
            [
                ("Jan Dick", "S", "vice_ordförande"),
                ("Claës-L Ljung", "M", "None"),
                ("Zoë Müller", "V", "None"),
            ],
        ),
    ],
)
def test_parties_and_roles_between_commas(run: str, expected: list[tuple[str, str, str]]) -> None:
    entries, _ = parse_run(run, load_reference_data())
    assert [(e.name, e.party, str(e.role)) for e in entries] == expected


def test_a_voting_table_s_numbered_rows() -> None:
    """A deltagarförteckning's rows: "Nr Ledamot Närv Tjg ers Ja Nej Avst" over "1 Anna
    Ek (S) X X 2 Per Holm (M) …": the column names are no names, a row's number is no
    paragraph of the entry before, and the marks are the entry's."""
    entries, _ = parse_run(
        "Nr Ledamot Närv Tjg ers Ja Nej Avst 1 Anna Ek (S) X X 2 Per Holm (M) "
        "3 Eva Lind (C) X X 4 Ulla Ås (L) Bo Sund (S) X X",
        load_reference_data(),
    )
    assert [(e.name, e.marked, e.paragraphs) for e in entries] == [
        ("Anna Ek", True, []),
        ("Per Holm", False, []),
        ("Eva Lind", True, []),
        ("Ulla Ås", False, []),
        ("Bo Sund", True, []),
    ]
