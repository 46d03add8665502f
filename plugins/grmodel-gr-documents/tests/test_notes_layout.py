"""Minnesanteckningar of a network outside the reference data.

The layout class of GR's networks' notes, with invented content: the group is named
by what it is for ("Nätverket för kulturchefer"), the attendance is "Name,
Municipality" separated by semicolons, the items are numbered "1.", and the note
taker signs "Vid pennan".
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from test_layout_classes import by_status, imported

from grmodel.importing.base import SourceDocument
from grmodel.model import Body, Meeting
from grmodel_gr_documents.own_body import stated_body

Source = Callable[..., SourceDocument]

NOTES = """\
Minnesanteckningar
Nätverket för kulturchefer
Datum: 2013-10-09, kl 13.00-15.30
Plats: GR, Exempelgatan 8
Närvarande: Anna Berg, Ale; Per Lind, Lerum; Eva Holm, GR; Karl Ny, Kungälv
Förhinder: Lisa Ek, Mölndal
1. Inledning
Anna hälsade välkommen.
2. Information om kulturplanen
Eva informerade om arbetet med den regionala kulturplanen.
Vid pennan
Eva Holm
"""


def test_a_network_s_notes(source: Source) -> None:
    kind, result = imported(source(NOTES))
    assert kind == "notes"
    meeting = next(r for r in result.records if isinstance(r, Meeting) and r.status == "held")
    body = next(r for r in result.records if isinstance(r, Body))
    assert (body.name, meeting.body) == ("Nätverket för kulturchefer", body.id)
    status = by_status(meeting)
    assert status["present"] == ["anna-berg", "per-lind", "eva-holm", "karl-ny"]
    assert status["absent"] == ["lisa-ek"]
    assert [i.title for i in meeting.items] == ["Inledning", "Information om kulturplanen"]
    assert meeting.secretary == "eva-holm"  # "Vid pennan"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Minnesanteckningar Styrgruppen för IT-frågor 2014-03-02", "Styrgruppen för IT-frågor"),
        ("Protokoll Miljönämnden", "Miljönämnden"),
        ("Referensgruppen inom äldreomsorg, möte 3", "Referensgruppen inom äldreomsorg"),
        ("Anteckningar från mötet", None),
    ],
)
def test_a_body_stated_by_its_name(text: str, name: str | None) -> None:
    assert stated_body([text]) == name
