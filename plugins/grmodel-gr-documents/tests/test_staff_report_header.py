"""A municipal tjänsteskrivelse: labelled header fields over its title, and a lead
without "att" over numbered points.

The layout class of many nämnder's reports, with invented content: "Handläggare:
Name" stands on the line above the title (its value is no part of the title), the
report names no "Till" but its proposer's lead says whom it goes to
("Kommunstyrelsen föreslår kommunfullmäktige besluta"), and the points are
numbered ("1. Motionen avslås.").
"""

from __future__ import annotations

from collections.abc import Callable

from test_layout_classes import imported

from grmodel.importing.base import SourceDocument

Source = Callable[..., SourceDocument]

REPORT = """\
TJÄNSTESKRIVELSE
2019-04-02
Dnr KS 2019/145
Handläggare: Anna Berg
Motion om cykelvägar i centrum
Förslag till beslut
Kommunstyrelsen föreslår kommunfullmäktige besluta
1. Motionen avslås.
2. Förvaltningen får i uppdrag att utreda frågan vidare.
Sammanfattning
Per Lind (M) har i en motion föreslagit att kommunen bygger fler cykelvägar.
"""


def test_fields_lead_and_numbered_points(source: Source) -> None:
    kind, result = imported(source(REPORT))
    assert kind == "staff-report"
    document = result.document
    assert document.title == "Motion om cykelvägar i centrum"
    assert document.author == "Anna Berg"
    assert document.addressee == "Kommunstyrelsen"
    assert document.proposed_clauses == (
        "Motionen avslås.",
        "Förvaltningen får i uppdrag att utreda frågan vidare.",
    )
    # the points' lines reached the record: only the decision-maker's word and the
    # summary are left unplaced
    unplaced = {s.span.line: s.text for s in document.unplaced}
    assert 8 not in unplaced and 9 not in unplaced
    assert unplaced[7] == "kommunfullmäktige"


def test_a_lead_with_att_keeps_its_clauses(source: Source) -> None:
    text = REPORT.replace(
        "Kommunstyrelsen föreslår kommunfullmäktige besluta\n1. Motionen avslås.\n"
        "2. Förvaltningen får i uppdrag att utreda frågan vidare.\n",
        "Kommunstyrelsen föreslås besluta\natt avslå motionen.\n",
    )
    _, result = imported(source(text))
    assert result.document.proposed_clauses == ("avslå motionen.",)
