"""A kommunstyrelse's handling to fullmäktige whose last numbered point is followed
by a rule of dashes and the record of its handling ("---- Vid behandlingen …"): the
point ends before them; a point without them still ends at its sentence.

Each text is written for this test (invented bodies, people and titles).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from grmodel.importing.base import SourceDocument
from grmodel_gr_documents.staff_report import parse_staff_report

Source = Callable[..., SourceDocument]

HANDLING = (
    "Kommunfullmäktige Handling 2020 nr 41 Regler för lokalbidrag till föreningar Till "
    "Exempelstads kommunfullmäktige Kommunstyrelsens förslag Yrkande från S och C har "
    "bifallits. Kommunstyrelsen föreslår att kommunfullmäktige beslutar: 1. Reglerna för "
    "lokalbidrag fastställs enligt bilaga. 2. Bidraget räknas upp med index från år 2021"
    "{after}\n"
)


@pytest.mark.parametrize(
    "after",
    [
        " ---- Vid behandlingen av ärendet antecknade Per Holm (L) som yttrande en skrivelse "
        "från den 2 mars 2020. Exempelstad den 9 mars 2020 Exempelstads kommunstyrelse Anna Ek",
        " Vid behandlingen av ärendet antecknade Per Holm (L) som yttrande en skrivelse.",
        ". Exempelstad den 9 mars 2020 Exempelstads kommunstyrelse Anna Ek",
    ],
)
def test_the_last_point_ends_before_the_handling(source: Source, after: str) -> None:
    result = parse_staff_report(source(HANDLING.format(after=after)))
    assert result.document.proposed_clauses == (
        "Reglerna för lokalbidrag fastställs enligt bilaga",
        "Bidraget räknas upp med index från år 2021",
    )
