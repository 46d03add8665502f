"""A run-on tjänsteskrivelse whose head names its handler first: "Tjänsteskrivelse
KFN Handläggare: <name> <addressee> <title> Sammanfattning …" — the handler is one
person, the addressee a body, the title the rest of the head; a head that lost its
date is dated by the Beslutsunderlag entry that names the report itself (the
addressee's paper of the report's kind), not by another body's paper.

Each text is written for this test (invented bodies, people and titles).
"""

from __future__ import annotations

from collections.abc import Callable

from test_layout_classes import imported

from grmodel.importing.base import SourceDocument

Source = Callable[..., SourceDocument]

TITLE = "Utvärdering av riktlinjer för föreningsbidrag till ungdomsverksamhet"
PAGE = (
    f"{TITLE}\n\nStorlek: px\nStarta visningen från sidan:\n\n"
    f'Download "{TITLE}"\n\nTranskript\n\n'
    "1 Tjänsteskrivelse FRN Handläggare: Maja Lindqvist Fritids- och kulturnämnden "
    f"{TITLE} Sammanfattning Förvaltningen har utvärderat riktlinjerna för föreningsbidrag "
    "som nämnden antog i april Riktlinjerna har tillämpats i två år. Beslutsunderlag "
    "Kommunstyrelsens tjänsteskrivelse den 3 maj 2012 Fritids- och kulturnämndens "
    "tjänsteskrivelse den 14 november 2012 Fritids- och kulturnämndens protokoll den 2 "
    "april 2010, 31 Bakgrund Nämnden antog riktlinjerna den 2 april 2010.\n"
)


def test_handler_addressee_title_and_the_basis_date(source: Source) -> None:
    kind, result = imported(source(PAGE))
    assert kind == "staff-report"
    report = result.document
    assert report.title == TITLE
    assert report.author == "Maja Lindqvist"
    assert report.addressee == "Fritids- och kulturnämnden"
    assert str(report.date) == "2012-11-14"


def test_another_bodys_paper_does_not_date_the_report(source: Source) -> None:
    """Near miss: the basis names only the kommunstyrelse's tjänsteskrivelse."""
    text = PAGE.replace("Fritids- och kulturnämndens tjänsteskrivelse den 14 november 2012 ", "")
    _, result = imported(source(text))
    assert result.document.title == TITLE
    assert result.document.date is None


def test_a_handler_without_a_body_after_the_name(source: Source) -> None:
    """Near miss: no addressee follows the handler: the title comes right after."""
    text = PAGE.replace("Fritids- och kulturnämnden " + TITLE, TITLE)
    _, result = imported(source(text))
    assert result.document.title == TITLE
    assert result.document.author == "Maja Lindqvist"
    assert result.document.addressee is None
