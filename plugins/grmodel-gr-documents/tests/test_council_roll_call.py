"""A fullmäktige's roll call as a web transcript flattens it: a dated title with the
kind in lower case, the decision-makers listed straight after a header label whose
own value (the paragraphs) was lost, and the ersättare who served in two columns
run one after the other ("För" the ledamot absent, "-" the ersättare, in order).

The persons and places are invented.
"""

from __future__ import annotations

from collections.abc import Callable

from test_layout_classes import by_status, imported, meeting_of

from grmodel.importing.base import SourceDocument
from grmodel.model import AttendanceStatus

Source = Callable[..., SourceDocument]

ROLL_CALL = """\
5 april 2019 protokoll

Storlek: px
Starta visningen från sidan:

Download "5 april 2019 protokoll"

Transkript

1 5 april 2019 protokoll Tid och plats Rådhuset Omfattning Anna Ekström (S), Bo Lindqvist (M), \
Cecilia Holm (L), Dan Svedberg (SD), Eva Granlund (MP), Fredrik Olsson (S) och Gunilla Ahl (V). \
I de frånvarandes ställe tjänstgjorde: För Maria Lund (S) För Nils Dahl (M) För Olle Strand (V) \
- Petra Kvist (S) - Rolf Hägg (M) - Sara Bohm (V)
"""


def test_a_roll_call_after_a_label_and_its_replacements(source: Source) -> None:
    kind, result = imported(source(ROLL_CALL))
    assert kind == "protocol"
    meeting = meeting_of(result)
    assert str(meeting.date) == "2019-04-05"
    status = by_status(meeting)
    assert status["present"] == [
        "anna-ekstrom",
        "bo-lindqvist",
        "cecilia-holm",
        "dan-svedberg",
        "eva-granlund",
        "fredrik-olsson",
        "gunilla-ahl",
    ]
    assert status["absent"] == ["maria-lund", "nils-dahl", "olle-strand"]
    serving = [a for a in meeting.attendance if a.status is AttendanceStatus.SERVING_SUBSTITUTE]
    assert [(a.person, a.replaces) for a in serving] == [
        ("petra-kvist", "maria-lund"),
        ("rolf-hagg", "nils-dahl"),
        ("sara-bohm", "olle-strand"),
    ]


def test_a_label_holding_more_than_names_is_no_roll_call(source: Source) -> None:
    """The place's value runs into the names: the list is not the label's whole value,
    so no one is read as present from it."""
    text = ROLL_CALL.replace("Rådhuset Omfattning", "Rådhuset, sal Eken kl 18.00 Omfattning")
    text = text.replace("Omfattning Anna", "Anna")
    _, result = imported(source(text))
    assert "present" not in by_status(meeting_of(result))


def test_a_present_heading_keeps_the_label_list_out(source: Source) -> None:
    text = ROLL_CALL.replace("I de frånvarandes", "Beslutande Karin Ås (C) I de frånvarandes")
    status = by_status(meeting_of(imported(source(text))[1]))
    assert status["present"] == ["karin-as"]


def test_ersattare_without_their_column_of_ledamoter(source: Source) -> None:
    """Without the "För" column the dashed names are one run of ersättare serving."""
    text = ROLL_CALL.replace("För Maria Lund (S) För Nils Dahl (M) För Olle Strand (V) ", "")
    status = by_status(meeting_of(imported(source(text))[1]))
    assert "absent" not in status
    assert status["serving_substitute"] == ["petra-kvist", "rolf-hagg", "sara-bohm"]
