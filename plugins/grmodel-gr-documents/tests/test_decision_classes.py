"""Decisions as transcripts deliver them: a body's decision sentence inside a
paragraph of text, a run-on "Beslut 1. … 2. …", and att-clauses whose lead
("… beslutar") the transcript lost.

Each text is written for this test (invented bodies, people and titles).
"""

from __future__ import annotations

from collections.abc import Callable

from test_layout_classes import imported, meeting_of

from grmodel.importing.base import SourceDocument

Source = Callable[..., SourceDocument]

HEAD = (
    "PROTOKOLL\nKulturnämnden 2016-03-10\n"
    "Närvarande ledamöter Anna Berg (S), ordförande Per Lind (M) Olle Ek (C)\n"
    "Justerare Per Lind\n"
)


def clauses(source: Source, body: str) -> list[list[str]]:
    kind, result = imported(source(HEAD + body))
    assert kind == "protocol"
    return [[c for d in i.decisions for c in d.clauses] for i in meeting_of(result).items]


def test_a_decision_sentence_inside_a_paragraph(source: Source) -> None:
    body = (
        "§ 1 Anmälda förhinder\nFörhinder har anmälts av ledamoten Eva Holm. "
        "Kulturnämnden beslutar att godkänna anmälda förhinder. Därefter förrättas upprop.\n"
    )
    assert clauses(source, body) == [["godkänna anmälda förhinder."]]


def test_run_on_decision_points_after_a_bare_heading(source: Source) -> None:
    body = (
        "§ 2 Val av justerare Dnr 2016/3 Beslut 1. Per Lind utses till justerare. "
        "2. Justering sker den 17 mars.\n"
    )
    assert clauses(source, body) == [
        ["Per Lind utses till justerare", "Justering sker den 17 mars"]
    ]


def test_att_clauses_whose_lead_was_lost(source: Source) -> None:
    """A sentence of text, then "att …" clauses run on: the decision's lead was lost
    by the transcript, its clauses are still the decision's."""
    body = (
        "§ 3 Rapport från biblioteksgruppen Rapporterades om gruppens arbete. att i "
        "protokollet anteckna rapporten, att uppdra åt förvaltningen att redovisa "
        "lånestatistik, samt att återkomma i maj.\n"
    )
    assert clauses(source, body) == [
        [
            "i protokollet anteckna rapporten",
            "uppdra åt förvaltningen att redovisa lånestatistik",
            "återkomma i maj.",
        ]
    ]


def test_att_after_a_colon_in_a_discussion_is_no_decision(source: Source) -> None:
    body = (
        "§ 4 Trygghet\nNämnden diskuterar sitt uppdrag: att värna invånarnas trygghet "
        "samt att inte stigmatisera grupper.\nBeslut\nInformationen antecknas.\n"
    )
    kind, result = imported(source(HEAD + body))
    assert kind == "protocol"
    decisions = meeting_of(result).items[0].decisions
    assert [d.clauses for d in decisions] == [()]
    assert str(decisions[0].kind) == "noted"
